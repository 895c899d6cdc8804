"""The package face: `entity_records`, the `newsclaims_entities` stage (with its data saved and restored), and
`register_extensions`."""
import spacy
from spacy.tokens import Doc

from pipeline.components.entities import EntityStage, entity_records, name_key, register_extensions  # noqa: F401
from pipeline.components.entities.mentions import pattern_matcher

from .docs import NLP, doc

WORDS = ["Deputy", "Carlos", "Ortega", "spoke", ".", "Ortega", "said", "the", "FBI", "came", "."]
ENTS = ["O", "B-PERSON", "I-PERSON", "O", "O", "B-ORG", "O", "O", "B-ORG", "O", "O"]
SENTS = [True, False, False, False, False, True, False, False, False, False, False]


def entity_doc():
    return doc(WORDS, ents=ENTS, sent_starts=SENTS)


def test_entity_records_in_text_order_with_ids_and_canonicals():
    records = list(entity_records(entity_doc(), pattern_matcher(NLP.vocab)))
    assert [(e.id, e.text, e.kind, e.label, e.canonical) for e in records] == [
        ("e1", "Carlos Ortega", "person", "PERSON", "Carlos Ortega"),
        ("e2", "Ortega", "person", "ORG", "Carlos Ortega"),
        ("e3", "FBI", "agency", "ORG", "FBI"),
    ]
    d = entity_doc()
    assert all(d.text[e.start:e.end] == e.text for e in records)


def test_the_stage_sets_doc_entities_and_keeps_its_data_through_disk(tmp_path):
    nlp = spacy.blank("en")
    stage = nlp.add_pipe("newsclaims_entities")
    assert isinstance(stage, EntityStage) and Doc.has_extension("entities")
    d = stage(doc(WORDS, ents=ENTS, sent_starts=SENTS))
    assert [e.text for e in d._.entities] == ["Carlos Ortega", "Ortega", "FBI"]
    stage.to_disk(tmp_path)
    stage.data["entities"] = {}
    stage.from_disk(tmp_path)
    assert [e.kind for e in stage(entity_doc())._.entities] == ["person", "person", "agency"]


def test_a_saved_stage_runs_with_its_own_word_lists(tmp_path):
    stage = EntityStage(NLP, "entities")
    stage.data["entities"] = {**stage.data["entities"], "agency_names": []}
    assert [e.kind for e in stage(entity_doc())._.entities][-1] == "organization"


def test_register_extensions_declares_once():
    register_extensions(["entities_test_extension"])
    register_extensions(["entities_test_extension"])
    assert Doc.has_extension("entities_test_extension") and doc(["x"])._.entities_test_extension is None
    Doc.remove_extension("entities_test_extension")
