"""Entity stage: people, agencies, organizations, venues and places, merged into canonical entities.

Starts from spaCy's NER, adds the spans our patterns find and the places of datelines (`mentions`), fixes their
boundaries (`boundaries`: leading "the"/"just", titles such as "Sgt."), decides their kind from the word lists of
`models/entities.json` (`kinds`), and merges the mentions of one article into entities (`aliases`: "Helus" -> "Ron
Helus"). Writes `doc.spans["newsclaims_entities"]`: one span per mention, in text order, each with `span._.entity`
(an `EntityName`: kind, label and canonical name); `pipeline.extraction` makes the `Entity` records.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from ... import resources
from ..extensions import ENTITIES, RECASED_HEADLINE, distinct_extents, register_extensions
from ..recasing import recased_headline
from ..stage import DataStage
from .aliases import (MERGE_RULES, MergeRule, a_known_place, alias_mentions, called_it, merge_mentions, name_key,
                      repeated_mentions)
from .mentions import candidate_mentions, pattern_matcher
from .typer import checked_kinds

__all__ = ["EntityName", "EntityStage", "entity_spans", "make_entity_stage", "name_key", "register_extensions"]


@dataclass(frozen=True)
class EntityName:
    """What the entity stage puts on a mention's span (`span._.entity`): its kind, the label it came from (spaCy's
    NER label, PATTERN, DATELINE or ALIAS) and the canonical name of the entity it refers to."""

    kind: str
    label: str
    canonical: str


def entity_spans(doc: Doc, matcher: Matcher, headline: Doc | None = None,
                 rules: tuple[MergeRule, ...] = MERGE_RULES, learned_kinds: bool = False) -> list[Span]:
    """The entity mentions of `doc` as spans in text order, each carrying its `EntityName`; `headline`: the
    sentence-cased parse of `doc`'s Title Case headline, where NER reads the headline; `rules`: the merging rules;
    `learned_kinds`: NER's kinds checked by the learned model (`typer`)."""
    check = (lambda ms: checked_kinds([(m.span, m.label, m.kind) for m in ms])) if learned_kinds else None
    merged = merge_mentions(candidate_mentions(doc, matcher, headline), rules, check)
    merged += alias_mentions(doc, merged)
    merged += repeated_mentions(doc, merged)
    merged = called_it(merged)
    spans = []
    for m, canonical in sorted(merged, key=lambda mc: mc[0].span.start_char):
        m.span._.entity = EntityName(m.kind, m.label, canonical)
        spans.append(m.span)
    return spans


class EntityStage(DataStage):
    """spaCy component `newsclaims_entities`: sets the span group `newsclaims_entities`, an `EntityName` on each
    span.

    `read_recased_headline`: read NER's names in a Title Case headline from its sentence-cased parse
    (`doc._.recased_headline`, set by `pipeline.extraction`) rather than from the headline as written.
    `known_places`: a name GeoNames knows as a place is a place, whatever kind NER gave it (`places`).
    `learned_kinds`: NER's class of each name checked by the learned model of `models/entity_typer.json` and
    `entity_typer.npz` (`typer`)."""

    data_files = ("entities", "entity_patterns", "entity_typer", "entity_typer.npz")

    def __init__(self, nlp: Language, name: str, read_recased_headline: bool = True, known_places: bool = True,
                 learned_kinds: bool = True):
        super().__init__(name)
        self.vocab = nlp.vocab
        self.read_recased_headline = read_recased_headline
        self.learned_kinds = learned_kinds
        self.rules = MERGE_RULES if known_places else tuple(r for r in MERGE_RULES if r is not a_known_place)
        self.loaded()

    def loaded(self) -> None:
        """Build the pattern matcher from the stage's own `entity_patterns`."""
        with resources.using(self.data):
            self.matcher = pattern_matcher(self.vocab)

    def headline(self, doc: Doc) -> Doc | None:
        """The sentence-cased parse of `doc`'s Title Case headline, where it is set and read."""
        headline = doc._.get(RECASED_HEADLINE) if self.read_recased_headline else None
        return headline if headline is not None and headline.text == recased_headline(doc.text) else None

    def process(self, doc: Doc) -> Doc:
        """Set the span group of the entity mentions of `doc`."""
        spans = entity_spans(doc, self.matcher, self.headline(doc), self.rules, self.learned_kinds)
        doc.spans[ENTITIES] = distinct_extents(spans, "entity mentions")
        return doc


@Language.factory("newsclaims_entities", requires=["doc.ents", "token.pos"], assigns=["doc.spans"],
                  default_config={"read_recased_headline": True, "known_places": True, "learned_kinds": True})
def make_entity_stage(nlp: Language, name: str, read_recased_headline: bool, known_places: bool,
                      learned_kinds: bool) -> EntityStage:
    """The entity stage, with `span._.entity` and `doc._.recased_headline` declared."""
    register_extensions([RECASED_HEADLINE])
    return EntityStage(nlp, name, read_recased_headline, known_places, learned_kinds)
