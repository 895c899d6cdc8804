"""The learned cue detector (models/cue_model.json, trained on PolNeAR train by eval/train_cues.py): stances and
acts the word lists miss become attributions marked detected_by "model"; claims never take them as their source."""
import pytest

from pipeline.components.attributions import cue_model
from pipeline.records import offset_problems


def test_model_file_is_a_trained_detector():
    m = cue_model.model()
    assert len(m["weights"]) > 1000 and 0 < m["threshold"] < 1
    assert m["trained"]["data"].startswith("PolNeAR train")
    assert m["weights"]["lemma=say"] > 0  # the commonest cue of all


def test_stance_verbs_become_model_attributions(run):
    atts = run("Clinton criticized the plan on Tuesday. Senator Cruz endorsed Trump.")["attributions"]
    by_cue = {a["cue"]["text"]: a for a in atts}
    assert set(by_cue) == {"criticized", "endorsed"}
    assert by_cue["criticized"]["source"]["text"] == "Clinton" and by_cue["criticized"]["detected_by"] == "model"
    assert by_cue["criticized"]["content"]["text"].startswith("the plan")
    assert by_cue["endorsed"]["source"]["canonical"] == "Ted Cruz" or by_cue["endorsed"]["source"]["text"] == "Senator Cruz"
    assert by_cue["endorsed"]["content"]["text"] == "Trump"


def test_statements_stay_rules_and_figures_in_stances_stay_the_outlets(run):
    data = run("The mayor said 12 people died. Critics blasted the response, which left 40 homes flooded.",
               outlet="The Ledger")
    kinds = {a["cue"]["text"]: a["detected_by"] for a in data["attributions"]}
    assert kinds == {"said": "rules", "blasted": "model"}
    sources = {c["text"]: c["source"] for c in data["claims"]}
    assert sources["12 people died"] == "mayor" or sources["12 people died"] == "The mayor"
    assert [s for t, s in sources.items() if "40 homes" in t] == ["The Ledger"]


def test_a_rule_attribution_inside_a_model_one_is_kept(run):
    atts = run("The union rejected the offer, saying it would cut pay.")["attributions"]
    saying = [a for a in atts if a["cue"]["text"] == "saying"]
    assert saying and saying[0]["detected_by"] == "rules" and saying[0]["content"]["text"] == "it would cut pay"


def test_no_object_is_taken_for_the_source(run):
    atts = run("Sheriff Geoff Dean said the deputy saved lives, hailing Helus as a hero.")["attributions"]
    for a in atts:
        assert a["source"] is None or a["source"]["text"] != "Helus"


def test_a_raising_verb_gives_no_source_and_the_cue_runs_through_its_verb(run):
    [a] = run("Sanders seemed to soften his stance on the superdelegates.")["attributions"]
    assert a["detected_by"] == "model" and a["source"] is None
    assert a["cue"]["text"] == "seemed to soften" and a["content"]["text"] == "his stance on the superdelegates"


def test_detections_group_into_cues_but_not_across_clauses(nlp):
    doc = nlp("Trump blasted the instructor during a rally, calling her a horrible witness. Cruz is upbeat about Iowa.")
    index = {t.text: t.i for t in doc}
    heads = cue_model.cue_heads(doc, {index["blasted"], index["calling"], index["is"], index["upbeat"]})
    assert [t.text for t in heads] == ["blasted", "calling", "is"]  # "upbeat" joins "is"; "calling" heads its own clause


def test_a_relative_clause_cue_keeps_its_object_and_declining_to_comment_is_content(nlp, run):
    with nlp.get_pipe("newsclaims_attributions").detector({"weights": {"lemma=accuse": 5.0, "lemma=decline": 5.0}, "intercept": -3.0, "threshold": 0.5}):
        found = run("Bob Mulholland, a superdelegate who has accused Sanders supporters of harassment, was angry. "
                    "Curiel, who through his office declined to comment, was born in Indiana.")["attributions"]
    by_cue = {a["cue"]["text"]: a for a in found}
    assert by_cue["has accused"]["content"]["text"].startswith("Sanders supporters of harassment")
    assert by_cue["declined"]["content"]["text"] == "to comment" and by_cue["declined"]["source"]["text"] == "Curiel"


def test_accurate_detector_weights_fit_the_encoder():
    from pipeline import resources
    from pipeline.components.attributions import cue_encoder

    head = resources.load("cue_head.npz")
    tokenizer, model = cue_encoder.encoder()
    inputs = 2 * model.config.hidden_size * len(cue_encoder.LAYERS)
    assert head["w1"].shape[0] == inputs and head["w1"].shape[1] == head["b1"].shape[0] == head["w2"].shape[0]
    assert 0 < float(head["threshold"]) < 1


def test_accurate_detector_finds_stances_with_offsets_that_hold():
    import pipeline

    text = ("Clinton criticized the plan on Tuesday. Senator Cruz endorsed Trump.\n\n"
            "“It will not pass,” said Mayor Ana Ortiz, who has opposed the bill since March.")
    accurate = pipeline.load(cue_detector="accurate")
    assert accurate.get_pipe_config("newsclaims_attributions")["cue_detector"] == "accurate"
    data = pipeline.extract(text, nlp=accurate).to_dict()
    pipeline.validate(data)
    assert offset_problems(data) == []
    found = data["attributions"]
    by_cue = {a["cue"]["text"]: a for a in found}
    assert by_cue["criticized"]["source"]["text"] == "Clinton" and by_cue["criticized"]["detected_by"] == "model"
    assert by_cue["said"]["detected_by"] == "rules" and by_cue["said"]["source"]["canonical"] == "Ana Ortiz"


def test_the_detector_setting_is_checked_where_the_stage_is_made():
    import spacy

    nlp = spacy.blank("en")
    with pytest.raises(ValueError, match="cue_detector must be one of fast, accurate, not 'fastest'"):
        nlp.add_pipe("newsclaims_attributions", config={"cue_detector": "fastest"})


def test_the_accurate_detector_without_its_weights_is_an_error_naming_the_file(tmp_path, monkeypatch):
    import shutil

    import spacy

    from pipeline import resources

    for path in resources.models_dir().iterdir():
        if path.name.endswith(".json"):
            shutil.copy(path, tmp_path / path.name)
    monkeypatch.setenv("NEWSCLAIMS_MODELS", str(tmp_path))  # a models/ directory without cue_head.npz
    monkeypatch.setattr(resources, "packaged", resources.packaged.__wrapped__)  # no cached copy
    with pytest.raises(resources.DataFileError, match="cue_head.npz"):
        spacy.blank("en").add_pipe("newsclaims_attributions", config={"cue_detector": "accurate"})


def test_a_noun_cue_takes_its_possessor_as_source(nlp, run):
    with nlp.get_pipe("newsclaims_attributions").detector({"weights": {"lemma=attack": 5.0}, "intercept": -3.0, "threshold": 0.5}):
        found = run("Donald Trump spoke in Ohio on Monday. He repeated his attacks on Clinton's record.")["attributions"]
    attacks = next(a for a in found if a["cue"]["text"].startswith("attacks"))
    assert attacks["source"]["text"] == "his" and attacks["source"]["canonical"] == "Donald Trump"
    assert attacks["content"]["text"].startswith("Clinton's record") or attacks["content"]["text"].startswith("on Clinton")
