"""Entity stage: people, agencies, organizations, venues and places, merged into canonical entities.

Starts from spaCy's NER, adds the spans our patterns find and the places of datelines (`mentions`), fixes their
boundaries (`boundaries`: leading "the"/"just", titles such as "Sgt."), decides their kind from the word lists of
`models/entities.json` (`kinds`), and merges the mentions of one article into entities (`aliases`: "Helus" -> "Ron
Helus"). Writes `doc._.entities`.
"""
from __future__ import annotations

from typing import Iterable, Iterator

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

from ... import resources
from ...records import Entity
from ..stage import DataStage
from .aliases import alias_mentions, merge_mentions, name_key
from .mentions import candidate_mentions, pattern_matcher

__all__ = ["EntityStage", "entity_records", "make_entity_stage", "name_key", "register_extensions"]


def entity_records(doc: Doc, matcher: Matcher) -> Iterator[Entity]:
    """The entity mentions of `doc` as records, in text order."""
    merged = merge_mentions(candidate_mentions(doc, matcher))
    merged += alias_mentions(doc, merged)
    for i, (m, canonical) in enumerate(sorted(merged, key=lambda mc: mc[0].span.start_char), start=1):
        yield Entity(id=f"e{i}", text=m.span.text, start=m.span.start_char, end=m.span.end_char,
                     kind=m.kind, label=m.label, canonical=canonical)


class EntityStage(DataStage):
    """spaCy component `newsclaims_entities`: sets `doc._.entities` (list of `Entity`)."""

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
        """Set `doc._.entities`."""
        doc._.entities = list(entity_records(doc, self.matcher))
        return doc


def register_extensions(names: Iterable[str]) -> None:
    """Declare the `Doc` extensions `names` (default None) where they are not declared yet."""
    for name in names:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


@Language.factory("newsclaims_entities", requires=["doc.ents", "token.pos"], assigns=["doc._.entities"])
def make_entity_stage(nlp: Language, name: str) -> EntityStage:
    """The entity stage, with `doc._.entities` declared."""
    register_extensions(["entities"])
    return EntityStage(nlp, name)
