"""finders: the finders in order, each seeing what the ones before it found; the Reading they share."""
from pipeline.components.attributions.finders import FINDERS, found_in, read

from .docs import ARGUED, CHIEF, CRITICIZED, parsed


def test_the_finders_run_rules_before_the_learned_detector():
    assert [f.__name__ for f in FINDERS] == ["verb_attributions", "quote_cue_attributions", "phrase_attributions",
                                             "colon_attributions", "learned_attributions"]


def test_a_reading_is_computed_once_per_text():
    doc = parsed(CHIEF)
    reading = read(doc, [])
    assert reading.text == doc.text and reading.quotes == [(26, 55)]
    assert len(reading.edges[0]) == len(doc)


def test_found_in_joins_every_finder():
    assert [(f.cue.text, f.detected_by) for f in found_in(read(parsed(ARGUED), []))] == [("argued", "rules")]
    assert [(f.cue.text, f.detected_by) for f in found_in(read(parsed(CRITICIZED), []))] == [("criticized", "model")]
    assert [f.cue.text for f in found_in(read(parsed(CHIEF), []))] == ["put it simply:"]
