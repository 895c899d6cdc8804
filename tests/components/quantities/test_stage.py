"""The stage (`pipeline.components.quantities`): its public face, the span group it writes, and the data files it
carries, saves and restores, on a blank pipeline."""
import spacy

import pipeline.components.quantities as quantities
from pipeline.components.extensions import QUANTITIES


def test_the_public_face():
    assert set(quantities.__all__) == {"QuantityStage", "QuantityValue", "make_quantity_stage", "quantities_of",
                                       "unit_registry"}
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
    assert [s._.quantity.unit_normalized for s in doc.spans[QUANTITIES]] == ["metric_ton / decade"]
    running = nlp("They pay 12 tonnes annually.")
    assert [s._.quantity.unit_normalized for s in running.spans[QUANTITIES]] == ["metric_ton / year"]


def test_one_span_per_quantity_carrying_its_value():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("newsclaims_quantities")
    doc = nlp("It cost $4.2 billion, or 10 to 20 percent.")
    spans = doc.spans[QUANTITIES]
    assert [(s.text, s._.quantity.text, s._.quantity.kind) for s in spans] == [
        ("$4.2 billion", "$4.2 billion", "money"), ("10 to 20 percent", "10 to 20 percent", "percent")]
    assert all(isinstance(s._.quantity, quantities.QuantityValue) for s in spans)
    assert (spans[1]._.quantity.low, spans[1]._.quantity.high, spans[1]._.quantity.value) == (10, 20, None)


def test_a_span_covers_the_tokens_a_quantity_starts_inside():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("newsclaims_quantities")
    doc = nlp('<time datetime="2024-07-18T09:30">')
    [span] = doc.spans[QUANTITIES]
    value = span._.quantity
    assert doc.text[value.start:value.end] == value.text != span.text
    assert span.start_char <= value.start and value.end <= span.end_char
