"""What the finders share: the article as they read it (`Reading`), an attribution before ids (`Found`), and how a
char range becomes a `TextSpan` (`trimmed`)."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ...records import Entity, Source, TextSpan

CONTENT_EDGE = " \t\n\u00a0,;:—–-\"“”‘’«»"


@dataclass(frozen=True)
class Reading:
    """One parsed text as every finder reads it, computed once per call: the Doc, its text, the article's entities,
    the inside of each quotation (char ranges) and each token's subtree edges (`content.subtree_edges`)."""

    doc: Doc
    text: str
    entities: list[Entity]
    quotes: list[tuple[int, int]]
    edges: tuple[list[int], list[int]]


@dataclass
class Found:
    """An attribution before ids: cue and content as char-level `TextSpan`s of the text, the source record, and
    the token naming the source (`source_head`, for resolving references) when the parse gave one."""

    cue: TextSpan
    content: TextSpan
    kind: str
    source: Source | None
    source_head: Token | None = None
    detected_by: str = "rules"


def trimmed(text: str, start: int, end: int, keep_final_period: bool = True) -> TextSpan | None:
    """The span [start, end) of `text` without edge punctuation, spaces and quote marks."""
    while start < end and text[start] in CONTENT_EDGE:
        start += 1
    while end > start and (text[end - 1] in CONTENT_EDGE or (not keep_final_period and text[end - 1] == ".")):
        end -= 1
    if end <= start:
        return None
    return TextSpan(text[start:end], start, end)


def with_final_period(text: str, span: TextSpan, limit: int) -> TextSpan:
    """`span` with the period just after it when there is one before `limit` (a quotation's closing mark)."""
    if span.end < limit and text[span.end] == ".":
        return TextSpan(text[span.start: span.end + 1], span.start, span.end + 1)
    return span


def text_span(span) -> TextSpan:
    """The `TextSpan` of a spaCy `Span`."""
    return TextSpan(span.text, span.start_char, span.end_char)
