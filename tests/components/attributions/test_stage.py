"""The stage's public face: `attributions_of` joins the finders and passes; the spaCy component writes
`doc._.attributions` and runs with the cue model it is given."""
import spacy

from pipeline.components.attributions import attributions_of, cue_model

from .docs import ARGUED, CRITICIZED, INVERTED, PROFESSOR, THEY_PLAN, entity, parsed


def test_attributions_in_text_order_with_ids():
    doc = parsed(INVERTED)
    [a] = attributions_of(doc, [entity(doc, "Ana Ortiz", "person")])
    assert (a.id, a.kind, a.cue.text, a.content.text) == ("a1", "direct", "said", "The bridge is safe")
    assert (a.source.canonical, a.source.role) == ("Ana Ortiz", "Mayor")


def test_a_nested_attribution_of_its_outer_speaker_is_one_attribution():
    [a] = attributions_of(parsed(THEY_PLAN), [])
    assert (a.cue.text, a.content.text, a.source.canonical) == ("said", "they plan to appeal", "Officials")


def test_roles_and_phrases():
    doc = parsed(PROFESSOR)
    [a] = attributions_of(doc, [entity(doc, "Adam Lankford", "person")])
    assert a.source.role == "a criminology professor at the University of Alabama"


def test_the_component_writes_attributions_and_leaves_nothing_behind():
    nlp = spacy.blank("en")
    stage = nlp.add_pipe("newsclaims_attributions")
    doc = stage(parsed(CRITICIZED))
    assert [(a.cue.text, a.detected_by) for a in doc._.attributions] == [("criticized", "model")]
    assert [key for key in doc.user_data if key[0] != "._."] == []  # only extensions: no per-document cache
    with stage.detector(cue_model.NO_MODEL):
        assert stage(parsed(CRITICIZED))._.attributions == []
    assert [a.cue.text for a in stage(parsed(ARGUED))._.attributions] == ["argued"]
