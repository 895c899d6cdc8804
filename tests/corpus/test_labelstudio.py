"""Label Studio: exact round trips, code-point offsets, the official SDK's checks of config and predictions, an
export of corrected annotations as Label Studio writes it, and per-task errors for malformed tasks."""
from __future__ import annotations

import copy
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from label_studio_sdk.label_interface import LabelInterface

from pipeline.corpus import labelstudio
from pipeline.corpus.graph import LINK_KINDS, SPAN_LABELS
from pipeline.records import Entity, Quantity, Result, offset_problems

from .conftest import ODD_TEXT, odd_result

SAMPLES = Path(__file__).resolve().parents[2] / "corpora" / "samples"


def written_tasks(results, out: Path) -> list[dict]:
    labelstudio.write(results, out)
    return json.loads((out / "tasks.json").read_text("utf-8"))


def regions(task: dict) -> list[dict]:
    return [r for r in task["predictions"][0]["result"] if r["type"] == "labels"]


def region_of(task: dict, span_id: str) -> dict:
    return next(r for r in regions(task) if r["id"] == labelstudio.region_id(span_id))


def as_exported(task: dict, annotations: list[dict], ls_id: int = 1) -> dict:
    """A task as Label Studio's Export -> JSON writes it, with the given annotations."""
    prediction = {"id": 40 + ls_id, "model_version": task["predictions"][0]["model_version"], "score": None,
                  "result": task["predictions"][0]["result"], "cluster": None, "neighbors": None, "mislabeling": 0,
                  "created_at": "2024-05-01T09:00:00.000000Z", "updated_at": "2024-05-01T09:00:00.000000Z",
                  "model": None, "model_run": None, "task": ls_id, "project": 3}
    return {"id": ls_id, "data": task["data"], "annotations": annotations, "predictions": [prediction],
            "drafts": [], "meta": {}, "created_at": "2024-05-01T09:00:00.000000Z", "inner_id": ls_id,
            "total_annotations": len(annotations), "cancelled_annotations": 0, "total_predictions": 1,
            "comment_count": 0, "unresolved_comment_count": 0, "last_comment_updated_at": None, "project": 3,
            "updated_by": 1, "file_upload": "tasks.json", "comment_authors": []}


def annotation(result: list[dict], updated_at: str, cancelled: bool = False, n: int = 1) -> dict:
    """One annotation as Label Studio exports it."""
    return {"id": n, "completed_by": 1, "result": result, "was_cancelled": cancelled, "ground_truth": False,
            "created_at": "2024-05-02T08:00:00.000000Z", "updated_at": updated_at, "draft_created_at": None,
            "lead_time": 81.5, "prediction": {}, "result_count": len(result), "unique_id": f"u-{n}",
            "import_id": None, "last_action": None, "bulk_created": False, "task": 1, "project": 3,
            "updated_by": 1, "parent_prediction": 41, "parent_annotation": None, "last_created_by": None}


def drawn(rid: str, label: str, text: str, piece: str) -> dict:
    """A region a person drew over the first `piece`: Label Studio's own id, no per-region fields, code-point
    offsets."""
    start = text.index(piece)
    return {"value": {"start": start, "end": start + len(piece), "text": piece, "labels": [label]}, "id": rid,
            "from_name": "label", "to_name": "text", "type": "labels", "origin": "manual"}


def read_tasks(tasks: list, path: Path):
    path.write_text(json.dumps(tasks, ensure_ascii=False), "utf-8")
    return labelstudio.read(path)


# ------------------------------------------------------------------------------------------------ round trips

def test_round_trip_of_odd_results_is_exact(odd_results, tmp_path):
    paths = labelstudio.write(odd_results, tmp_path)
    assert paths == [tmp_path / "tasks.json", tmp_path / "config.xml"] and all(p.exists() for p in paths)
    items = labelstudio.read(tmp_path / "tasks.json")
    assert [i.error for i in items] == [None] * len(odd_results)
    assert [i.result for i in items] == odd_results
    for item in items:
        assert offset_problems(item.result.to_dict()) == []  # text[start:end] == text for every span
    assert [i.origin for i in items] == ["tasks.json, task 1", "tasks.json, task 2", "tasks.json, task 3"]


def test_tasks_hold_text_metadata_and_a_versioned_prediction(odd_results, tmp_path):
    import pipeline

    tasks = written_tasks(odd_results, tmp_path)
    assert tasks[0]["data"] == {"text": ODD_TEXT, "article": {
        "id": "odd-1", "title": "Ünïcode 🎉 test", "url": "https://example.org/odd", "outlet": "Odd Times",
        "published": "2024-05-01", "path": None}}
    assert [t["predictions"][0]["model_version"] for t in tasks] == [f"newsclaims {pipeline.__version__}"] * 3
    assert tasks[2]["predictions"][0]["result"] == []
    relation = next(r for r in tasks[0]["predictions"][0]["result"] if r["type"] == "relation")
    assert relation == {"type": "relation", "from_id": "a1", "to_id": "a1_2e_content", "direction": "right",
                        "labels": ["content"]}


def test_real_pipeline_output_round_trips(run, tmp_path):
    articles = [{"text": (SAMPLES / "transit-budget.txt").read_text("utf-8"), "id": "transit-budget"}]
    articles += [json.loads(line) for line in (SAMPLES / "wire.jsonl").read_text("utf-8").splitlines()]
    results = [Result.from_dict(run(a.pop("text"), **a)) for a in articles]
    assert all(sum(len(layer) for layer in (r.entities, r.quantities, r.attributions, r.claims)) for r in results)
    assert any(r.attributions for r in results) and any(r.claims for r in results)
    items = labelstudio.read(labelstudio.write(results, tmp_path)[0])
    assert [i.error for i in items] == [None] * len(results)
    assert [i.result for i in items] == results
    check_with_sdk(tmp_path)


def test_region_ids_are_safe_for_label_studio_and_reversible(odd_results, tmp_path):
    ids = [r["id"] for t in written_tasks(odd_results, tmp_path) for r in t["predictions"][0]["result"]
           if "id" in r]
    assert ids and all(re.fullmatch(r"[A-Za-z0-9_-]+", i) for i in ids)
    assert labelstudio.region_id("a1.content") == "a1_2e_content"
    for span_id in ("e1", "a1.content", "x y#z", "é🎉", "_5f_", "a_b", "-"):
        assert labelstudio.span_id(labelstudio.region_id(span_id)) == span_id
    for ls_id in ("Dx_aB91ISN", "K-UimKZwcE", "5rvNQe_aK7", "ab_zz_cd"):  # Label Studio's own stay as they are
        assert labelstudio.span_id(ls_id) == ls_id


# ------------------------------------------------------------------------------------------------ offsets

def test_offsets_are_code_points_as_label_studio_stores_them(tmp_path):
    """Label Studio's editor converts browser (UTF-16) positions to code points before storing a region
    (selection-tools.js `charsToCodePoints`), so a span after "🎉" keeps its Python offsets: in UTF-16 units it
    would start one later."""
    task = written_tasks([odd_result()], tmp_path)[0]
    region = region_of(task, "e1")["value"]
    start = ODD_TEXT.index("José")
    assert ODD_TEXT[0] == "🎉" and len(ODD_TEXT[:start].encode("utf-16-le")) // 2 == start + 1
    assert (region["start"], region["end"], region["text"]) == (start, start + 10, "José\u00a0Núñez")
    content = region_of(task, "a3.content")["value"]  # ends in a family emoji: 5 code points, 8 UTF-16 units
    assert content["text"].endswith("👩\u200d👩\u200d👧") and ODD_TEXT[content["start"]:content["end"]] == content["text"]


def test_a_region_drawn_after_an_emoji_reads_back_at_its_place_and_utf16_offsets_are_caught(tmp_path):
    task = written_tasks([odd_result()], tmp_path)[0]
    region = drawn("Nw3_kQ9xZa", "person", ODD_TEXT, "Officials")
    start = region["value"]["start"]
    utf16_start = len(ODD_TEXT[:start].encode("utf-16-le")) // 2  # 🎉, 𝐁𝐨𝐥𝐝 and 👩‍👩‍👧 are two units each
    assert utf16_start == start + 8
    shifted = copy.deepcopy(region)
    shifted["value"].update(start=utf16_start, end=utf16_start + len("Officials"))
    good, bad = read_tasks([as_exported(task, [annotation(task["predictions"][0]["result"] + [r], "2024-05-03")])
                            for r in (region, shifted)], tmp_path / "export.json")
    assert good.error is None and good.result.entities[-1].text == "Officials"
    assert good.result.entities[-1].start == ODD_TEXT.index("Officials")
    assert "not 'Officials'" in bad.error


def test_region_text_is_compared_as_label_studio_writes_it(tmp_path):
    """A region a person draws over a line break has "\\n" for each break in its text, and a selection may turn
    a no-break space into a space; the span's text is always the article's own."""
    task = written_tasks([odd_result()], tmp_path)[0]
    across = drawn("Qq1-2Ww3Ee", "venue", ODD_TEXT, "in Zürich.\r\n𝐁𝐨𝐥𝐝")
    across["value"]["text"] = "in Zürich.\\n\\n𝐁𝐨𝐥𝐝"
    nbsp = drawn("Zz9_8Yy7Xx", "quantity", ODD_TEXT, "12\u00a0percent")
    nbsp["value"]["text"] = "12 percent"
    textless = drawn("Tt5-6Uu7Vv", "place", ODD_TEXT, "Zürich")  # saveTextResult="no" exports no text
    del textless["value"]["text"]
    result = task["predictions"][0]["result"] + [across, nbsp, textless]
    item, = read_tasks([as_exported(task, [annotation(result, "2024-05-03")])], tmp_path / "export.json")
    assert item.error is None
    assert [e.text for e in item.result.entities[-2:]] == ["in Zürich.\r\n𝐁𝐨𝐥𝐝", "Zürich"]
    assert item.result.quantities[-1].text == "12\u00a0percent"


# ------------------------------------------------------------------------------------------------ the SDK

def check_with_sdk(out: Path) -> LabelInterface:
    """Validate config.xml and every task and prediction of tasks.json with Label Studio's own SDK."""
    interface = LabelInterface((out / "config.xml").read_text("utf-8"))
    interface.validate()  # raises on an invalid config: schema, unique names, toName targets
    assert interface.is_valid
    for task in json.loads((out / "tasks.json").read_text("utf-8")):
        # validate_task(task) itself breaks on a task with predictions (it calls validate_prediction() with no
        # prediction), so the data and the prediction are checked one by one
        assert interface.validate_task({"data": task["data"]})
        for prediction in task["predictions"]:
            assert interface.validate_prediction(prediction, return_errors=True) == []
            assert interface.validate_prediction(prediction) is True
    return interface


def test_config_and_every_prediction_pass_the_sdk(odd_results, tmp_path):
    labelstudio.write(odd_results, tmp_path)
    interface = check_with_sdk(tmp_path)
    assert interface.get_control("label").labels == list(SPAN_LABELS)
    config = ET.fromstring((tmp_path / "config.xml").read_text("utf-8"))
    assert [r.get("value") for r in config.iter("Relation")] == list(LINK_KINDS)
    assert all(label.get("background") for label in config.iter("Label"))
    per_region = [c for c in config.iter() if c.get("perRegion") == "true"]
    assert {c.get("name") for c in per_region} == set(labelstudio.CONTROLS)
    assert {c.get("name"): c.get("whenLabelValue") for c in per_region}["entity_canonical"] == (
        "person,agency,organization,venue,place")


def test_the_sdk_check_fails_on_a_wrong_prediction(odd_results, tmp_path):
    prediction = written_tasks(odd_results, tmp_path)[0]["predictions"][0]
    interface = LabelInterface((tmp_path / "config.xml").read_text("utf-8"))
    wrong_label = copy.deepcopy(prediction)
    wrong_label["result"][0]["value"]["labels"] = ["politician"]
    wrong_choice = copy.deepcopy(prediction)
    next(r for r in wrong_choice["result"] if r["from_name"] == "quantity_qualifier")["value"]["choices"] = ["!="]
    dangling = copy.deepcopy(prediction)
    dangling["result"].append({"type": "relation", "from_id": "c1", "to_id": "q99", "direction": "right",
                               "labels": ["quantity"]})
    for wrong in (wrong_label, wrong_choice, dangling):
        assert interface.validate_prediction(wrong) is False
    assert "politician" in interface.validate_prediction(wrong_label, return_errors=True)[0]


# ------------------------------------------------------------------------------------------------ corrections

def test_corrections_in_a_label_studio_export_import_as_the_corrected_gold(tmp_path):
    odd = odd_result()
    task = written_tasks([odd], tmp_path)[0]
    result = [r for r in task["predictions"][0]["result"] if r.get("id") != "e2"]  # Zürich deleted
    for r in result:
        r["origin"] = "prediction"
        if r.get("id") == "e3" and r["type"] == "labels":
            r["value"]["labels"] = ["organization"]  # agency -> organization; its entity fields stay
            r["origin"] = "prediction-changed"
    result += [drawn("Xy_3kQ9-ab", "person", ODD_TEXT, "Officials"),
               drawn("p0-Lm_4Rt8", "quantity", ODD_TEXT, "3,400"),
               {"from_id": "p0-Lm_4Rt8", "to_id": "c2", "type": "relation", "direction": "right", "labels": []},
               {"from_id": "c3", "to_id": "a3", "type": "relation", "direction": "right", "labels": ["attribution"]}]
    item, = read_tasks([as_exported(task, [annotation(result, "2024-05-03T10:00:00.000000Z")])],
                       tmp_path / "export.json")
    assert item.error is None and item.origin == "export.json, task 1 (Label Studio id 1)"

    expected = copy.deepcopy(odd)
    e1, _, e3, e4, e5 = expected.entities
    e3.kind = "organization"
    officials = ODD_TEXT.index("Officials")
    expected.entities = [e1, e3, e4, e5, Entity("e2", "Officials", officials, officials + 9, "person", "GOLD",
                                                "Officials")]
    figure = ODD_TEXT.index("3,400")
    expected.quantities.append(Quantity("q6", "3,400", figure, figure + 5, None))
    expected.claims[1].quantities.append("q6")  # an unlabelled relation drawn from the quantity to the claim
    expected.claims[2].attribution = "a3"
    assert item.result == expected
    assert offset_problems(item.result.to_dict()) == []


def test_the_latest_annotation_not_cancelled_is_chosen(tmp_path):
    task = written_tasks([odd_result()], tmp_path)[0]
    full = task["predictions"][0]["result"]

    def without(span_id):
        return [r for r in full if r.get("id") != span_id]

    latest = annotation(without("e4"), "2024-05-04T10:00:00.000000Z", n=1)
    older = annotation(without("e1"), "2024-05-03T10:00:00.000000Z", n=2)
    cancelled = annotation(without("e5"), "2024-05-05T10:00:00.000000Z", cancelled=True, n=3)
    undated = [{**annotation(without(span_id), None, n=n), "created_at": None} for n, span_id in ((4, "e1"), (5, "e5"))]
    all_cancelled = [dict(cancelled), {**older, "was_cancelled": True}]
    items = read_tasks([as_exported(task, [latest, older, cancelled]), as_exported(task, undated, 2),
                        as_exported(task, all_cancelled, 3), as_exported(task, [], 4)], tmp_path / "export.json")
    assert [i.error for i in items[:2]] == [None] * 2
    assert [[e.id for e in i.result.entities] for i in items[:2]] == [
        ["e1", "e2", "e3", "e5"],  # the latest by updated_at, though listed first
        ["e1", "e2", "e3", "e4"]]  # no dates: the last listed
    # every annotation cancelled, or none: the pre-annotation is no gold
    assert items[2].result is None and "skipped in Label Studio" in items[2].error
    assert items[3].result is None and "not annotated in Label Studio" in items[3].error


# ------------------------------------------------------------------------------------------------ malformed

def broken(task: dict, change) -> dict:
    """The task as exported, with its one annotation's result changed by `change`."""
    result = copy.deepcopy(task["predictions"][0]["result"])
    return as_exported(task, [annotation(change(result) or result, "2024-05-03")])


def region_value(result, span_id, control="label"):
    rid = labelstudio.region_id(span_id)
    return next(r for r in result if r.get("id") == rid and r["from_name"] == control)["value"]


def test_malformed_tasks_give_per_task_errors_and_the_others_load(tmp_path):
    task = written_tasks([odd_result()], tmp_path)[0]
    text_length = len(ODD_TEXT)
    malformed = {
        "are outside the text": lambda r: region_value(r, "e1").update(end=text_length + 5),
        "not 'José\\xa0Núñez'": lambda r: region_value(r, "e1").update(start=14, end=24),
        "refers to no region 'q99'": lambda r: r.append({"type": "relation", "from_id": "c1", "to_id": "q99",
                                                          "direction": "right", "labels": ["quantity"]}),
        "unknown label 'politician'": lambda r: region_value(r, "e5").update(labels=["politician"]),
        "linked to no content": lambda r: [x for x in r if not str(x.get("id", x.get("to_id"))).startswith("a2_2e_c")],
        "value '3.400,5' is not a number": lambda r: region_value(r, "q2", "quantity_value").update(text=["3.400,5"]),
        "is none of content": lambda r: r.append({"type": "relation", "from_id": "e1", "to_id": "e5",
                                                  "direction": "right", "labels": []}),
        "a quantity relation links a claim to a quantity": lambda r: r.append(
            {"type": "relation", "from_id": "a1", "to_id": "a1_2e_content", "direction": "right",
             "labels": ["quantity"]}),
        "unknown control 'sentiment'": lambda r: r.append({**r[0], "from_name": "sentiment", "type": "choices"}),
        "region 'e1' has no labels": lambda r: [x for x in r if (x.get("id"), x.get("from_name")) != ("e1", "label")],
    }
    exported = [broken(task, lambda r: None)] + [broken(task, change) for change in malformed.values()]
    exported += [{"text": ODD_TEXT, "id": 9, "label": [{"start": 0, "end": 1, "labels": ["person"]}]},  # JSON-MIN
                 {"data": task["data"]}, broken(task, lambda r: None)]
    items = read_tasks(exported, tmp_path / "export.json")
    assert items[0].error is None and items[-1].error is None and items[-1].result == odd_result()
    errors = [i.error for i in items[1:-1]]
    for expected, error in zip([*malformed, "JSON-MIN is not read", "no annotation"], errors):
        assert error and expected in error, (expected, error)
    assert all(i.result is None for i in items[1:-1])
    assert items[1].origin == "export.json, task 2 (Label Studio id 1)"


def test_a_file_that_is_not_a_list_of_tasks_is_refused(tmp_path):
    path = tmp_path / "tasks.json"
    path.write_text('{"data": {}}', "utf-8")
    with pytest.raises(ValueError, match="expected a list of tasks"):
        labelstudio.read(path)


def test_corpus_export_and_load_use_this_format(odd_results, tmp_path):
    from pipeline import corpus

    corpus.export(odd_results, "labelstudio", tmp_path / "ls")
    assert [i.result for i in corpus.load(tmp_path / "ls" / "tasks.json", "labelstudio")] == odd_results
