"""cues: cue spans, and the finders for cue verbs, cue phrases and "Name:" lines."""
from pipeline.components.attributions.cues import (colon_attributions, cue_span, is_agentless_passive,
                                                    is_named_finding, is_unattributed_question, phrase_attributions,
                                                    verb_attributions)
from pipeline.components.attributions.finders import read

from .docs import ACCORDING, ARGUED, ASKED, COLON, HAVE_SAID, STUDY, TOLD, entity, parsed


def test_the_cue_takes_its_auxiliaries_adverbs_and_setting():
    doc = parsed(HAVE_SAID)
    content = (doc[8].idx, doc[11].idx + len(doc[11]))
    assert cue_span(doc[3], content).text == "have repeatedly said in a statement"
    told = parsed(TOLD)
    assert cue_span(told[8], (1, 18)).text == "told reporters Thursday"


def test_an_unnamed_question_and_an_agentless_passive():
    doc = parsed(ASKED)
    assert is_unattributed_question(doc[0]) and not is_unattributed_question(doc[7])
    assert not is_agentless_passive(doc[7])


def test_a_cue_verb_with_a_subject_and_a_clause():
    [found] = verb_attributions(read(parsed(ARGUED), []), [])
    assert (found.cue.text, found.content.text, found.kind) == ("argued", "the tax was unfair", "indirect")
    assert found.source.text == "The senator" and found.source_head.text == "senator"


def test_content_in_one_quotation_is_direct():
    [found] = verb_attributions(read(parsed(TOLD), []), [])
    assert (found.cue.text, found.content.text, found.kind) == ("told reporters Thursday", "We will reopen it", "direct")


def test_a_question_put_by_someone_unnamed_is_an_attribution_without_source():
    asked, said = verb_attributions(read(parsed(ASKED), []), [])
    assert asked.source is None and asked.content.text == "whether he would run"
    assert said.source.text == "Reid"


def test_according_to():
    doc = parsed(ACCORDING)
    department = entity(doc, "Labor Department", "agency")
    [found] = phrase_attributions(read(doc, [department]), [])
    assert (found.cue.text, found.content.text) == ("according to", "Prices rose")
    assert (found.source.text, found.source.entity) == ("the Labor Department", department.span)


def test_in_cites_a_particular_poll_or_study_only():
    doc = parsed(STUDY)
    assert not is_named_finding(doc[1], doc[2])  # "a study" with no name, not fronted: no particular one


def test_a_name_and_a_colon_opening_a_line():
    doc = parsed(COLON)  # "Graham: Trump’s rhetoric destroying GOP’s chance"
    [found] = colon_attributions(read(doc, [entity(doc, "Graham", "person")]), [])
    assert (found.cue.text, found.content.text, found.source.canonical) == (
        ":", "Trump’s rhetoric destroying GOP’s chance", "Graham")
    assert colon_attributions(read(doc, []), []) == []  # no entity, no label: not a source
