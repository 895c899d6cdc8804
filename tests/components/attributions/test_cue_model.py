"""cue_model: the learned detector's features and how its detections group into cues, on hand-built Docs."""
from pipeline import resources
from pipeline.components.attributions import cue_model

from .docs import CRITICIZED, SEEMED, THEY_PLAN, parsed


def test_children_by_head_in_text_order():
    doc = parsed(CRITICIZED)
    assert [t.text for t in cue_model.children_by_head(doc)[1]] == ["Clinton", "plan", "on", "."]


def test_features_name_the_token_and_its_neighbourhood():
    doc = parsed(THEY_PLAN)  # "Officials said they plan to appeal."
    plan = cue_model.features(doc[3])
    assert {"lemma=plan", "pos=VERB", "child=nsubj", "subj_person_pron", "prev=they"} <= set(plan)


def test_detections_linked_by_dependency_are_one_cue_headed_by_the_topmost():
    doc = parsed(SEEMED)  # "seemed to soften": "soften" is an open clause of "seemed", not a clause of its own
    assert [t.text for t in cue_model.cue_heads(doc, {1, 3})] == ["seemed"]


def test_no_model_detects_nothing():
    with resources.using({"cue_model": cue_model.NO_MODEL}):
        assert cue_model.detections(parsed(CRITICIZED)) == set()
    assert 1 in cue_model.detections(parsed(CRITICIZED))
