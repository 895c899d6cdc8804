"""The stages as spaCy citizens: registered through `spacy_factories` entry points, their data and settings saved
by `to_disk` and restored by `spacy.load`, so a saved pipeline gives the same results in a new process."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

import pytest
import spacy

from pipeline.extraction import result_from_doc
from pipeline.nlp import STAGES
from pipeline.records import Article

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seed" / "article.txt"


def python(code: str, cwd: Path) -> str:
    """Run `code` in a new interpreter (nothing of this process imported) and return its stdout."""
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1"}
    proc = subprocess.run([sys.executable, "-c", code], cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_every_stage_is_a_spacy_factories_entry_point():
    found = {ep.name: ep.value for ep in entry_points(group="spacy_factories") if ep.name.startswith("newsclaims_")}
    assert set(found) == {"newsclaims_paragraphs", "newsclaims_ner", *STAGES}
    for name, value in found.items():
        module, function = value.split(":")
        assert spacy.registry.factories.get(name) is getattr(__import__(module, fromlist=[function]), function)


def test_spacy_load_finds_the_stages_without_importing_pipeline(tmp_path):
    nlp = spacy.blank("en")
    nlp.add_pipe("newsclaims_paragraphs")
    nlp.add_pipe("newsclaims_quantities")
    nlp.to_disk(tmp_path / "saved")
    out = python("import spacy, sys; nlp = spacy.load('saved'); "
                 "print(nlp.pipe_names, 'pipeline.extraction' in sys.modules)", tmp_path)
    assert out.split() == ["['newsclaims_paragraphs',", "'newsclaims_quantities']", "False"]


def test_the_cue_detector_setting_travels_in_the_config(tmp_path):
    nlp = spacy.blank("en")
    nlp.add_pipe("newsclaims_attributions", config={"cue_detector": "accurate"})
    nlp.to_disk(tmp_path)
    assert spacy.load(tmp_path).get_pipe("newsclaims_attributions").cue_detector == "accurate"
    assert sorted(p.name for p in (tmp_path / "newsclaims_attributions").iterdir()) == [
        "attribution.json", "cue_head.npz", "cue_model.json"]


def test_a_saved_pipeline_runs_with_its_own_data(nlp, tmp_path):
    text = "Clinton criticized the plan on Tuesday. The bridge is 40 miles long."
    nlp.to_disk(tmp_path)
    saved = tmp_path / "newsclaims_attributions" / "cue_model.json"
    saved.write_text(json.dumps({**json.loads(saved.read_text("utf-8")), "weights": {}}), "utf-8")
    units = tmp_path / "newsclaims_quantities" / "units.json"
    data = json.loads(units.read_text("utf-8"))
    for unit in data["units"]:
        if "miles" in unit["surface"]:
            unit["normalized"] = "saved mile"
    units.write_text(json.dumps(data), "utf-8")
    changed = result_from_doc(spacy.load(tmp_path)(text), Article(id="changed"))
    original = result_from_doc(nlp(text), Article(id="original"))
    assert [a.cue.text for a in original.attributions] == ["criticized"]
    assert changed.attributions == []  # the saved cue model has no weights: the learned cue is gone
    assert [q.unit_normalized for q in original.quantities] == ["mile"]
    assert [q.unit_normalized for q in changed.quantities] == ["saved mile"]  # the saved units.json
    again = result_from_doc(nlp(text), Article(id="again"))
    assert [a.cue.text for a in again.attributions] == ["criticized"]  # the running pipeline is untouched


@pytest.mark.skipif(not SEED.exists(), reason=f"seed article not available: {SEED} is missing (../shared is absent)")
def test_to_disk_and_spacy_load_in_a_new_process_give_identical_results_on_the_seed(tmp_path):
    save = ("import json, pipeline; from pathlib import Path; nlp = pipeline.load(); nlp.to_disk('saved'); "
            f"text = Path({str(SEED)!r}).read_text('utf-8'); "
            "print(json.dumps(pipeline.extract(text, nlp=nlp).to_dict(), sort_keys=True))")
    load = ("import json, spacy; from pathlib import Path; nlp = spacy.load('saved'); "
            "from pipeline.extraction import extract; "
            f"text = Path({str(SEED)!r}).read_text('utf-8'); "
            "print(json.dumps(extract(text, nlp=nlp).to_dict(), sort_keys=True))")
    before = python(save, tmp_path)
    after = python(load, tmp_path)
    assert json.loads(before)["quantities"] and before == after


def test_a_pipeline_saved_before_a_word_list_was_added_reads_this_version_s(nlp, tmp_path, caplog):
    nlp.to_disk(tmp_path)
    rules = tmp_path / "newsclaims_quantities" / "quantity_rules.json"
    older = json.loads(rules.read_text("utf-8"))
    del older["people_nouns"]  # as a pipeline saved before 2026-12-06 has it
    rules.write_text(json.dumps(older), "utf-8")
    text = "Four people were killed and eight wounded, police said."
    with caplog.at_level("WARNING"):
        loaded = spacy.load(tmp_path)
    assert "people_nouns" in caplog.text
    counted = [q.counted for q in result_from_doc(loaded(text), Article(id="older")).quantities]
    assert counted == ["people", "people"]
