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
from ..extensions import ENTITIES, distinct_extents, register_extensions
from ..stage import DataStage
from .aliases import alias_mentions, merge_mentions, name_key
from .mentions import candidate_mentions, pattern_matcher

__all__ = ["EntityName", "EntityStage", "entity_spans", "make_entity_stage", "name_key", "register_extensions"]


@dataclass(frozen=True)
class EntityName:
    """What the entity stage puts on a mention's span (`span._.entity`): its kind, the label it came from (spaCy's
    NER label, PATTERN, DATELINE or ALIAS) and the canonical name of the entity it refers to."""

    kind: str
    label: str
    canonical: str


def entity_spans(doc: Doc, matcher: Matcher) -> list[Span]:
    """The entity mentions of `doc` as spans in text order, each carrying its `EntityName`."""
    merged = merge_mentions(candidate_mentions(doc, matcher))
    merged += alias_mentions(doc, merged)
    spans = []
    for m, canonical in sorted(merged, key=lambda mc: mc[0].span.start_char):
        m.span._.entity = EntityName(m.kind, m.label, canonical)
        spans.append(m.span)
    return spans


class EntityStage(DataStage):
    """spaCy component `newsclaims_entities`: sets the span group `newsclaims_entities`, an `EntityName` on each
    span."""

    data_files = ("entities", "entity_patterns")

    def __init__(self, nlp: Language, name: str):
        super().__init__(name)
        self.vocab = nlp.vocab
        self.loaded()

    def loaded(self) -> None:
        """Build the pattern matcher from the stage's own `entity_patterns`."""
        with resources.using(self.data):
            self.matcher = pattern_matcher(self.vocab)

    def process(self, doc: Doc) -> Doc:
        """Set the span group of the entity mentions of `doc`."""
        doc.spans[ENTITIES] = distinct_extents(entity_spans(doc, self.matcher), "entity mentions")
        return doc


@Language.factory("newsclaims_entities", requires=["doc.ents", "token.pos"], assigns=["doc.spans"])
def make_entity_stage(nlp: Language, name: str) -> EntityStage:
    """The entity stage, with `span._.entity` declared."""
    register_extensions()
    return EntityStage(nlp, name)
