"""The stage (`pipeline.components.quantities`): its public face, and the data files it carries, saves and restores,
on a blank pipeline."""
import spacy

import pipeline.components.quantities as quantities


def test_the_public_face():
    assert set(quantities.__all__) == {"QuantityStage", "make_quantity_stage", "quantities_of", "unit_registry"}
    assert quantities.QuantityStage.data_files == ("numbers", "quantity_rules", "units", "quantity_words")


def test_a_saved_stage_carries_every_word_list(tmp_path):
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("newsclaims_quantities")
    nlp.to_disk(tmp_path)
    assert sorted(p.name for p in (tmp_path / "newsclaims_quantities").iterdir()) == [
        "numbers.json", "quantity_rules.json", "quantity_words.json", "units.json"]
    saved = tmp_path / "newsclaims_quantities" / "quantity_words.json"
    saved.write_text(saved.read_text("utf-8").replace('"annually": "year"', '"annually": "decade"'), "utf-8")
    loaded = spacy.load(tmp_path)
    doc = loaded("They pay 12 tonnes annually.")
    assert [q.unit_normalized for q in doc._.quantities] == ["metric_ton / decade"]
    assert [q.unit_normalized for q in nlp("They pay 12 tonnes annually.")._.quantities] == ["metric_ton / year"]
