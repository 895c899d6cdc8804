"""Hand-built `Doc`s for the entity rules: words, and where a rule reads them, entities, parts of speech and
sentence starts."""
from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

NLP = spacy.blank("en")


def doc(words: list[str], *, ents: list[str] | None = None, pos: list[str] | None = None,
        spaces: list[bool] | None = None, sent_starts: list[bool] | None = None) -> Doc:
    """A Doc of `words`, one sentence unless `sent_starts` says otherwise."""
    sent_starts = sent_starts or [True] + [False] * (len(words) - 1)
    return Doc(NLP.vocab, words=words, spaces=spaces, ents=ents, pos=pos, sent_starts=sent_starts)


def span(words: list[str], label: str = "", start: int = 0, end: int | None = None) -> Span:
    """The span [start, end) (all of it by default) of a Doc of `words`, labelled `label`."""
    return Span(doc(words), start, len(words) if end is None else end, label=label)
