"""Claim stage: each quantity becomes part of a quantitative claim, linked to whoever the claim is attributed to.

A claim is the content of the innermost attribution that contains the quantity ("just 4 percent of 106 mass
shootings ... arrived on the scene", found by the Texas State centre), or else the sentence stating it, which the
outlet itself asserts. Quantities stated by the same words form one claim. Writes `doc._.claims`.
"""
from __future__ import annotations

from bisect import bisect_right

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..records import Attribution, Claim, Quantity, TextSpan
from .attributions import trimmed
from .entities import register_extensions


def attribution_containing(attributions: list[Attribution], start: int, end: int) -> Attribution | None:
    """The attribution with the shortest content that contains [start, end)."""
    holding = [a for a in attributions if a.content.start <= start and end <= a.content.end and a.detected_by == "rules"]
    return min(holding, key=lambda a: a.content.end - a.content.start) if holding else None


SENTENCE_STOPS = (".", "!", "?")  # a stop right after a claim's sentence belongs to the claim


def sentence_bounds(text: str, found: TextSpan | None, quantity: Quantity) -> tuple[int, int]:
    """Where a claim the outlet itself asserts lies: its sentence `found` without edge punctuation and quote marks
    (`trimmed`) but with its final stop, or the quantity itself where nothing of the sentence is left."""
    start, end = (found.start, found.end) if found else (quantity.start, quantity.end)
    if text[end:end + 1] in SENTENCE_STOPS:
        end += 1
    return start, end


def new_claim(text: str, start: int, end: int, attribution: Attribution | None) -> Claim:
    """A claim over [start, end) of `text` with no quantities yet, attributed to `attribution`'s source."""
    source = attribution.source.canonical if attribution is not None and attribution.source else None
    return Claim(id="", text=text[start:end], start=start, end=end, quantities=[],
                 attribution=attribution.id if attribution else None, source=source)


def claims_of(doc: Doc, quantities: list[Quantity], spans: list[Span], attributions: list[Attribution]) -> list[Claim]:
    """The claims stating `quantities` (with their token `spans`), in text order."""
    by_span: dict[tuple[int, int], Claim] = {}
    text = doc.text
    sentences = list(doc.sents)
    sentence_starts = [s.start for s in sentences]
    trimmed_sentences: dict[int, TextSpan | None] = {}  # sentence start -> the sentence trimmed, found once
    for quantity, span in zip(quantities, spans):
        attribution = attribution_containing(attributions, quantity.start, quantity.end)
        if attribution is not None:
            start, end = attribution.content.start, attribution.content.end
        else:
            sent = sentences[bisect_right(sentence_starts, span.start) - 1]
            if sent.start not in trimmed_sentences:
                trimmed_sentences[sent.start] = trimmed(text, sent.start_char, sent.end_char)
            start, end = sentence_bounds(text, trimmed_sentences[sent.start], quantity)
        if (start, end) not in by_span:
            by_span[(start, end)] = new_claim(text, start, end, attribution)
        by_span[(start, end)].quantities.append(quantity.id)
    claims = sorted(by_span.values(), key=lambda c: (c.start, c.end))
    for n, claim in enumerate(claims, start=1):
        claim.id = f"c{n}"
    return claims


class ClaimStage:
    """spaCy component `newsclaims_claims`: sets `doc._.claims` (list of `Claim`)."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.claims = claims_of(doc, doc._.quantities or [], doc._.quantity_spans or [], doc._.attributions or [])
        return doc


@Language.factory("newsclaims_claims", requires=["doc._.quantities", "doc._.attributions"], assigns=["doc._.claims"])
def make_claim_stage(nlp: Language, name: str) -> ClaimStage:
    register_extensions(["claims", "quantities", "quantity_spans", "attributions"])
    return ClaimStage(nlp, name)
