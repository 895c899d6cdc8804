"""The package face: `entity_spans`, the `newsclaims_entities` stage (its span group, its data saved and restored),
and `register_extensions`."""
import spacy
from spacy.tokens import Doc, Span

from pipeline.components.entities import (EntityName, EntityStage, entity_spans, name_key,  # noqa: F401
                                          register_extensions)
from pipeline.components.entities.mentions import pattern_matcher
from pipeline.components.extensions import ENTITIES

from .docs import NLP, doc

WORDS = ["Deputy", "Carlos", "Ortega", "spoke", ".", "Ortega", "said", "the", "FBI", "came", "."]
ENTS = ["O", "B-PERSON", "I-PERSON", "O", "O", "B-ORG", "O", "O", "B-ORG", "O", "O"]
SENTS = [True, False, False, False, False, True, False, False, False, False, False]


def entity_doc():
    return doc(WORDS, ents=ENTS, sent_starts=SENTS)


def test_entity_spans_in_text_order_with_kinds_labels_and_canonicals():
    register_extensions()
    d = entity_doc()
    spans = entity_spans(d, pattern_matcher(NLP.vocab))
    assert [(s.text, s._.entity) for s in spans] == [
        ("Carlos Ortega", EntityName("person", "PERSON", "Carlos Ortega")),
        ("Ortega", EntityName("person", "ORG", "Carlos Ortega")),
        ("FBI", EntityName("agency", "ORG", "FBI")),
    ]


def kinds(d: Doc) -> list[str]:
    """The kind of each entity span the stage wrote on `d`."""
    return [s._.entity.kind for s in d.spans[ENTITIES]]


def test_the_stage_sets_its_span_group_and_keeps_its_data_through_disk(tmp_path):
    nlp = spacy.blank("en")
    stage = nlp.add_pipe("newsclaims_entities")
    assert isinstance(stage, EntityStage) and Span.has_extension("entity")
    d = stage(doc(WORDS, ents=ENTS, sent_starts=SENTS))
    assert [s.text for s in d.spans[ENTITIES]] == ["Carlos Ortega", "Ortega", "FBI"]
    stage.to_disk(tmp_path)
    stage.data["entities"] = {}
    stage.from_disk(tmp_path)
    assert kinds(stage(entity_doc())) == ["person", "person", "agency"]


def test_a_saved_stage_runs_with_its_own_word_lists(tmp_path):
    stage = EntityStage(NLP, "entities")
    stage.data["entities"] = {**stage.data["entities"], "agency_names": []}
    assert kinds(stage(entity_doc()))[-1] == "organization"


def test_register_extensions_declares_once():
    register_extensions(["entities_test_extension"])
    register_extensions(["entities_test_extension"])
    assert Doc.has_extension("entities_test_extension") and doc(["x"])._.entities_test_extension is None
    Doc.remove_extension("entities_test_extension")
