"""Docs for the quantity rule tests: tokenized by `spacy.blank("en")` or built by hand, one sentence, no model."""
from __future__ import annotations

import spacy
from spacy.tokens import Doc

NLP = spacy.blank("en")


def doc_of(text: str) -> Doc:
    """`text` tokenized by the blank English pipeline, as one sentence."""
    doc = NLP(text)
    for token in doc:
        token.is_sent_start = token.i == 0
    return doc


def built(words: list[str], spaces: list[bool] | None = None, **annotations) -> Doc:
    """A hand-built one-sentence Doc (`tags=`, `pos=`, `lemmas=`, `heads=`, `deps=`, `ents=` as spaCy takes them)."""
    return Doc(NLP.vocab, words=words, spaces=spaces, sent_starts=[i == 0 for i in range(len(words))], **annotations)


def first_token_at(doc: Doc, surface: str) -> int:
    """The index of the first token whose text is `surface`."""
    return next(t.i for t in doc if t.text == surface)
