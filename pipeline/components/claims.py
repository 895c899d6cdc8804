"""Claim stage: each quantity becomes part of a quantitative claim, linked to whoever the claim is attributed to.

A claim is the content of the innermost attribution that contains the quantity ("just 4 percent of 106 mass
shootings ... arrived on the scene", found by the Texas State centre), or else the sentence stating it, which the
outlet itself asserts. Quantities stated by the same words form one claim. Reads the quantity and attribution spans
(`doc.spans["newsclaims_quantities"]`, `doc.spans["newsclaims_attributions"]`); writes
`doc.spans["newsclaims_claims"]`, one span per claim in text order, each with `span._.claim` (a `ClaimParts`);
`pipeline.extraction` makes the `Claim` records.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..records import TextSpan
from .attributions import trimmed
from .extensions import ATTRIBUTIONS, CLAIMS, QUANTITIES, distinct_extents, register_extensions
from .quantities import QuantityValue


@dataclass
class ClaimParts:
    """A claim as found: `text == doc.text[start:end]`, the quantity spans it states (in text order) and the span of
    the attribution it is the content of (None where the outlet itself asserts it)."""

    text: str
    start: int
    end: int
    attribution: Span | None
    quantities: list[Span] = field(default_factory=list)


def rule_contents(attributions: list[Span]) -> list[tuple[Span, TextSpan]]:
    """Each attribution span (with `span._.attribution`) found by the rules, with its content: read once, since a
    span extension is looked up anew at every access."""
    found = [(a, a._.attribution) for a in attributions]
    return [(a, f.content) for a, f in found if f.detected_by == "rules"]


def attribution_containing(contents: list[tuple[Span, TextSpan]], start: int, end: int) -> Span | None:
    """The attribution span of `contents` (`rule_contents`) whose content is the shortest containing [start, end)."""
    holding = [(a, content) for a, content in contents if content.start <= start and end <= content.end]
    return min(holding, key=lambda ac: ac[1].end - ac[1].start)[0] if holding else None


SENTENCE_STOPS = (".", "!", "?")  # a stop right after a claim's sentence belongs to the claim


def sentence_bounds(text: str, found: TextSpan | None, quantity: QuantityValue) -> tuple[int, int]:
    """Where a claim the outlet itself asserts lies: its sentence `found` without edge punctuation and quote marks
    (`trimmed`) but with its final stop, or the quantity itself where nothing of the sentence is left."""
    start, end = (found.start, found.end) if found else (quantity.start, quantity.end)
    if text[end:end + 1] in SENTENCE_STOPS:
        end += 1
    return start, end


def claim_span(doc: Doc, parts: ClaimParts) -> Span:
    """The span of whole tokens covering `parts`, carrying it."""
    span = doc.char_span(parts.start, parts.end, alignment_mode="expand")
    span._.claim = parts
    return span


def claims_of(doc: Doc, quantity_spans: list[Span], attributions: list[Span]) -> list[Span]:
    """The claims stating the quantities of `quantity_spans` (each with `span._.quantity`) within the attributions
    `attributions` (spans with `span._.attribution`), as spans in text order."""
    by_extent: dict[tuple[int, int], ClaimParts] = {}
    text = doc.text
    sentences = list(doc.sents)
    sentence_starts = [s.start for s in sentences]
    trimmed_sentences: dict[int, TextSpan | None] = {}  # sentence start -> the sentence trimmed, found once
    contents = rule_contents(attributions)
    for span in quantity_spans:
        quantity = span._.quantity
        attribution = attribution_containing(contents, quantity.start, quantity.end)
        if attribution is not None:
            start, end = attribution._.attribution.content.start, attribution._.attribution.content.end
        else:
            sent = sentences[bisect_right(sentence_starts, span.start) - 1]
            if sent.start not in trimmed_sentences:
                trimmed_sentences[sent.start] = trimmed(text, sent.start_char, sent.end_char)
            start, end = sentence_bounds(text, trimmed_sentences[sent.start], quantity)
        if (start, end) not in by_extent:
            by_extent[(start, end)] = ClaimParts(text[start:end], start, end, attribution)
        by_extent[(start, end)].quantities.append(span)
    return [claim_span(doc, parts) for parts in sorted(by_extent.values(), key=lambda c: (c.start, c.end))]


class ClaimStage:
    """spaCy component `newsclaims_claims`: sets the span group `newsclaims_claims`, a `ClaimParts` on each span."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        claims = claims_of(doc, list(doc.spans.get(QUANTITIES, [])), list(doc.spans.get(ATTRIBUTIONS, [])))
        doc.spans[CLAIMS] = distinct_extents(claims, "claims")
        return doc


@Language.factory("newsclaims_claims", requires=["doc.spans"], assigns=["doc.spans"])
def make_claim_stage(nlp: Language, name: str) -> ClaimStage:
    """The claim stage, with the extensions it reads and writes declared."""
    register_extensions()
    return ClaimStage(nlp, name)
