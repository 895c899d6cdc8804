"""What the finders share: the article as they read it (`Reading`, with its `EntityMention`s), an attribution as
found (`Found`, with its `SourceParts`), and how a char range becomes a `TextSpan` (`trimmed`)."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ...records import TextSpan

CONTENT_EDGE = " \t\n\u00a0,;:—–-\"“”‘’«»"


@dataclass(frozen=True)
class EntityMention:
    """An entity mention as the rules read it: its span in the entity stage's span group, its characters, kind and
    canonical name."""

    span: Span
    text: str
    start: int
    end: int
    kind: str
    canonical: str


def entity_mentions(spans: list[Span]) -> list[EntityMention]:
    """The mentions of the entity spans `spans` (each with `span._.entity`), in their order."""
    return [EntityMention(s, s.text, s.start_char, s.end_char, s._.entity.kind, s._.entity.canonical) for s in spans]


@dataclass
class SourceParts:
    """Who a statement is attributed to, as found: the fields of its `Source` record, with the span of the entity
    mention naming the source (`entity`) in place of that entity's id. For a quote continuing the previous speaker's,
    text/start/end are None."""

    text: str | None
    start: int | None
    end: int | None
    entity: Span | None
    canonical: str | None
    role: str | None = None
    phrase: TextSpan | None = None  # the whole phrase naming the source, where it is more than `text`


@dataclass(frozen=True)
class Reading:
    """One parsed text as every finder reads it, computed once per call: the Doc, its text, the article's entities,
    the inside of each quotation (char ranges) and each token's subtree edges (`content.subtree_edges`)."""

    doc: Doc
    text: str
    entities: list[EntityMention]
    quotes: list[tuple[int, int]]
    edges: tuple[list[int], list[int]]


@dataclass
class Found:
    """An attribution as found (what the stage puts on its content span, `span._.attribution`): cue and content as
    char-level `TextSpan`s of the text, the source, and the token naming the source (`source_head`, for resolving
    references) when the parse gave one."""

    cue: TextSpan
    content: TextSpan
    kind: str
    source: SourceParts | None
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
