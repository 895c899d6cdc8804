"""An entity's kind: spaCy's NER label, refined by the word lists of `models/entities.json`.

spaCy's ORG and FAC spans are split further: an agency ("FBI", "Dallas Police Department"), a place ("Fresno
County"), an organization ("Ohio State University") or a venue ("Lincoln High School"); the first refinement
that holds wins.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable

from spacy.tokens import Span

from ... import resources

REFINED_KINDS = ("organization", "venue")  # the kinds the word lists refine; the others are the label's


def folded(text: str) -> str:
    """`text` lower-cased with curly apostrophes straightened, as the word lists are written."""
    return text.lower().replace("’", "'")


def phrases_pattern(phrases: tuple[str, ...]) -> re.Pattern:
    """One regular expression finding any of `phrases` as whole words."""
    alternatives = "|".join(re.escape(p.replace("’", "'")) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(r"(?<![\w'])(?:" + alternatives + r")(?![\w])")


def contains_phrase(text: str, phrase: str) -> bool:
    """True where `phrase` occurs in `text` as whole words."""
    return contains_any(text, (phrase,))


def contains_any(text: str, phrases: list[str] | tuple[str, ...]) -> bool:
    """True where any of `phrases` occurs in `text` as whole words (one compiled pattern per list)."""
    return phrases_pattern_of(tuple(phrases)).search(text) is not None


phrases_pattern_of = lru_cache(maxsize=64)(phrases_pattern)


def is_agency(span: Span, text: str, lists: dict) -> bool:
    """A government or intergovernmental body, police force, fire service, court or legislature: named, holding an
    agency word or ending in one ("Lakeside Fire"), or named as a body of a region's countries; not an agency that
    is a business ("AFP news agency")."""
    if contains_any(text, lists["private_agency_phrases"]):
        return False
    return text in lists["agency_names"] or contains_any(text, lists["agency_words"]) \
        or span[-1].lower_ in lists["agency_final_words"] or is_an_intergovernmental_body(text, lists)


def is_an_intergovernmental_body(text: str, lists: dict) -> bool:
    """A name that starts with a region of several countries and ends in a body's word ("Andean Community",
    "South American Community of Nations", "African Development Bank")."""
    starts = any(text.startswith(region + " ") for region in lists["intergovernmental_regions"])
    return starts and any(text.endswith(" " + head) for head in lists["intergovernmental_heads"])


def is_place(span: Span, text: str, lists: dict) -> bool:
    """A place by its last word ("Fresno County") or its first ("Lake Tahoe")."""
    return span[-1].lower_ in lists["place_final_words"] or span[0].lower_ in lists["place_first_words"]


def is_a_street(span: Span, label: str, lists: dict) -> bool:
    """A street or square, whatever NER took it for: one word as German and its neighbours write them
    ("Kurfürstendamm", "Alexanderplatz"), a name ending in a street's word ("Nevsky Prospekt", "Tverskaya Ulitsa"),
    or opening with one ("Avenida Paulista", "Rue de Rivoli"; a name NER calls a person only with a particle after
    the word: not "Rue McClanahan"; words English uses too only so: "Via del Corso", not "Via Rail")."""
    word = span[-1].lower_
    if len(span) == 1:
        return any(word.endswith(s) and len(word) > len(s) + 2 for s in lists["street_suffixes"])
    if word in lists["street_final_words"] or word in lists["street_suffixes"]:  # "Berliner Straße"
        return True
    first, particle = span[0].lower_, span[1].lower_ in lists["street_particles"]
    if first in lists["street_first_words_with_particle"]:
        return particle  # "Via del Corso", not "Via Rail"
    return first in lists["street_first_words"] and (particle or label != "PERSON")


def is_organization_not_venue(span: Span, text: str, lists: dict) -> bool:
    """An organization whose name holds a venue noun ("Ohio State University", not a campus)."""
    return contains_any(text, lists["organization_over_venue"])


def is_venue(span: Span, text: str, lists: dict) -> bool:
    """A building or site people go to: a school, a bar, a church."""
    return contains_any(text, lists["venue_nouns"])


REFINEMENTS: tuple[tuple[str, Callable[[Span, str, dict], bool]], ...] = (
    ("agency", is_agency),
    ("place", is_place),
    ("organization", is_organization_not_venue),
    ("venue", is_venue),
)


def ends_as_no_person_does(span: Span) -> bool:
    """A name ending in a word no person's name ends in ("Lakeside Fire", "Riverton Council")."""
    return len(span) > 1 and span[-1].lower_ in resources.load("entities")["not_person_final_words"]


def has_kind_word(span: Span) -> bool:
    """Whether a name holds a word the refinements type it by (a venue noun, an agency word, a place's last word, an
    organization's word): "Mercy Hospital", "City Council"."""
    lists, text = resources.load("entities"), folded(span.text)
    words = lists["venue_nouns"] + lists["agency_words"] + lists["organization_over_venue"]
    return span[-1].lower_ in lists["place_final_words"] or contains_any(text, words)


def kind_of(span: Span, label: str) -> str | None:
    """The newsclaims kind of a span NER labelled `label`, or None where it is none of ours; a PERSON span that
    ends as no person's name does is typed as an ORG span is."""
    if label == "PERSON" and ends_as_no_person_does(span):
        label = "ORG"
    lists = resources.load("entities")
    kind = label_kind(label)
    text = folded(span.text)
    if kind is not None and text in lists["agency_names"]:
        return "agency"  # a body named as such, whatever NER took it for ("Mercosur" tagged GPE)
    if kind is not None and is_a_street(span, label, lists):
        return "place"
    if kind not in REFINED_KINDS:
        return kind
    return next((refined for refined, holds in REFINEMENTS if holds(span, text, lists)), kind)


def label_kind(label: str) -> str | None:
    """The kind an NER label stands for before any refinement ("ORG" -> organization), None where none of ours."""
    return resources.load("entities")["ner_label_kinds"].get(label)


def is_kept_label(label: str) -> bool:
    """Whether NER's spans of `label` may be names of ours: a kind's label, or one kept in case it is a surname."""
    return label_kind(label) is not None or label in resources.load("entities")["ner_labels_of_unknown_kind"]


def ner_kind(span: Span, label: str | None = None) -> str | None:
    """The kind of a span NER labelled `label` (default its own): ours, "unknown" for labels kept in case they name
    a known person, else None."""
    label = label or span.label_
    kind = kind_of(span, label)
    if kind is None and label in resources.load("entities")["ner_labels_of_unknown_kind"]:
        return "unknown"
    return kind
