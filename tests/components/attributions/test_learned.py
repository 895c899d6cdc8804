"""learned: the learned detector's cues that no rule found, their source and what they are about."""
from pipeline import resources
from pipeline.components.attributions import cue_model
from pipeline.components.attributions.finders import read
from pipeline.components.attributions.found import Found
from pipeline.components.attributions.learned import (content_parts, learned_attributions, learned_source_head,
                                                      stance_content)
from pipeline.records import TextSpan

from .docs import CRITICIZED, SEEMED, parsed


def test_a_stance_holder_is_the_subject_and_a_raising_verb_has_none():
    assert learned_source_head(parsed(CRITICIZED)[1]).text == "Clinton"
    assert learned_source_head(parsed(SEEMED)[1]) is None  # "Sanders seemed to soften": an impression


def test_what_a_stance_is_about_follows_it():
    doc = parsed(CRITICIZED)  # "Clinton criticized the plan on Tuesday."
    assert [c.text for c in content_parts(doc[1], set(), [])] == ["plan", "on"]
    assert content_parts(doc[1], set(), [(doc[3].idx, doc[3].idx + 4)]) == [doc[4]]  # "plan" is another cue's


def test_the_cue_runs_through_the_verb_it_governs():
    doc = parsed(SEEMED)
    (start, end), grown = stance_content(doc[1], None, {1}, [])
    assert doc.text[start:end] == "his stance" and grown == {1, 2, 3}


def test_a_learned_cue_becomes_a_model_attribution():
    [found] = learned_attributions(read(parsed(CRITICIZED), []), [])
    assert (found.cue.text, found.content.text, found.detected_by) == ("criticized", "the plan on Tuesday", "model")
    assert found.source.text == "Clinton"


def test_no_model_and_cues_rules_took_give_nothing():
    reading = read(parsed(CRITICIZED), [])
    with resources.using({"cue_model": cue_model.NO_MODEL}):
        assert learned_attributions(reading, []) == []
    taken = Found(TextSpan("criticized", 8, 18), TextSpan("the plan", 19, 27), "indirect", None)
    assert learned_attributions(reading, [taken]) == []
