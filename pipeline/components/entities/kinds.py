"""An entity's kind: spaCy's NER label, refined by the word lists of `models/entities.json`.

spaCy's ORG and FAC spans are split further: an agency ("FBI", "Dallas Police Department"), a place ("Fresno
County"), an organization ("Ohio State University") or a venue ("Lincoln High School"); the first refinement
that holds wins.
"""
from __future__ import annotations

import re
from typing import Callable

from spacy.tokens import Span

from ... import resources

REFINED_KINDS = ("organization", "venue")  # the kinds the word lists refine; the others are the label's


def folded(text: str) -> str:
    """`text` lower-cased with curly apostrophes straightened, as the word lists are written."""
    return text.lower().replace("’", "'")


def contains_phrase(text: str, phrase: str) -> bool:
    """True where `phrase` occurs in `text` as whole words."""
    return re.search(r"(?<![\w'])" + re.escape(phrase.replace("’", "'")) + r"(?![\w])", text) is not None


def is_agency(span: Span, text: str, lists: dict) -> bool:
    """A government body, police force, court or legislature: named, or holding an agency word."""
    return text in lists["agency_names"] or any(contains_phrase(text, w) for w in lists["agency_words"])


def is_place(span: Span, text: str, lists: dict) -> bool:
    """A place by its last word ("Fresno County") or its first ("Lake Tahoe")."""
    return span[-1].lower_ in lists["place_final_words"] or span[0].lower_ in lists["place_first_words"]


def is_organization_not_venue(span: Span, text: str, lists: dict) -> bool:
    """An organization whose name holds a venue noun ("Ohio State University", not a campus)."""
    return any(contains_phrase(text, w) for w in lists["organization_over_venue"])


def is_venue(span: Span, text: str, lists: dict) -> bool:
    """A building or site people go to: a school, a bar, a church."""
    return any(contains_phrase(text, w) for w in lists["venue_nouns"])


REFINEMENTS: tuple[tuple[str, Callable[[Span, str, dict], bool]], ...] = (
    ("agency", is_agency),
    ("place", is_place),
    ("organization", is_organization_not_venue),
    ("venue", is_venue),
)


def kind_of(span: Span, label: str) -> str | None:
    """The newsclaims kind of a span NER labelled `label`, or None where it is none of ours."""
    lists = resources.load("entities")
    kind = lists["ner_label_kinds"].get(label)
    if kind not in REFINED_KINDS:
        return kind
    text = folded(span.text)
    return next((refined for refined, holds in REFINEMENTS if holds(span, text, lists)), kind)


def ner_kind(ent: Span) -> str | None:
    """The kind of an NER span: ours, "unknown" for labels kept in case they name a known person, else None."""
    kind = kind_of(ent, ent.label_)
    if kind is None and ent.label_ in resources.load("entities")["ner_labels_of_unknown_kind"]:
        return "unknown"
    return kind
