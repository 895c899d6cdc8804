"""Paragraph stage: a line break always ends a sentence, so headlines, captions and paragraphs never run together.

Runs before spaCy's parser, which keeps sentence starts that are already set.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


def mark_line_starts(doc: Doc) -> Doc:
    """Set `is_sent_start` on the first token after every line break."""
    after_break = False
    for token in doc:
        if token.is_space and "\n" in token.text:
            after_break = True
            continue
        if after_break and token.i > 0:
            token.is_sent_start = True
        after_break = "\n" in token.whitespace_
    return doc


class ParagraphStage:
    """spaCy component `newsclaims_paragraphs`: a sentence starts after every line break."""

    def __init__(self, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return mark_line_starts(doc)


@Language.factory("newsclaims_paragraphs", assigns=["token.is_sent_start"])
def make_paragraph_stage(nlp: Language, name: str) -> ParagraphStage:
    return ParagraphStage(name)
