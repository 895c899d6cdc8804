"""`newsclaims export`, `import` and `evaluate` on real files: round trips byte for byte, per-item errors, scores."""
from __future__ import annotations

import json

import pytest
from odd_texts import odd_result
from test_cli import newsclaims

from pipeline.corpus import FORMATS
from pipeline.records import Article, Result


def records(path) -> list[Result]:
    return [Result.from_dict(json.loads(line)) for line in path.read_text("utf-8").splitlines()]


@pytest.fixture()
def odd_jsonl(tmp_path):
    path = tmp_path / "odd.jsonl"
    results = [odd_result(), odd_result(article_id="odd-2"), Result(Article("empty"), "Nothing.\r\n")]
    path.write_text("".join(r.to_json() + "\n" for r in results), encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_then_import_gives_the_same_jsonl(fmt, odd_jsonl, tmp_path):
    out = tmp_path / fmt
    exported = newsclaims("export", str(odd_jsonl), "--format", fmt, "--out", str(out))
    assert exported.returncode == 0, exported.stderr.decode()
    assert f"3 articles exported as {fmt}" in exported.stderr.decode()
    target = {"labelstudio": out / "tasks.json", "docbin": out / "corpus.spacy"}.get(fmt, out)
    back = newsclaims("import", str(target), "--format", fmt, "--out", str(tmp_path / "back.jsonl"))
    assert back.returncode == 0, back.stderr.decode()
    assert "3 items: 3 imported, 0 failed" in back.stderr.decode()
    assert records(tmp_path / "back.jsonl") == records(odd_jsonl)  # equal records (3400 and 3400.0 alike)
    if fmt != "datasets":  # the others keep an integer an integer: the very same bytes
        assert (tmp_path / "back.jsonl").read_bytes() == odd_jsonl.read_bytes()


def test_export_from_a_store(odd_jsonl, tmp_path):
    url = f"sqlite:///{tmp_path / 'claims.db'}"
    assert newsclaims("store", "ingest", str(odd_jsonl), "--store", url).returncode == 0
    exported = newsclaims("export", "--store", url, "--format", "brat", "--out", str(tmp_path / "brat"))
    assert exported.returncode == 0, exported.stderr.decode()
    assert sorted(p.name for p in (tmp_path / "brat").glob("*.ann")) == ["empty.ann", "odd-1.ann", "odd-2.ann"]


def test_bad_arguments_exit_2_with_one_message(odd_jsonl, tmp_path):
    unknown = newsclaims("export", str(odd_jsonl), "--format", "conll", "--out", str(tmp_path / "x"))
    assert unknown.returncode == 2 and "choose one of datasets, docbin, brat, labelstudio, xmi" in unknown.stderr.decode()
    neither = newsclaims("export", "--format", "brat", "--out", str(tmp_path / "x"))
    assert neither.returncode == 2 and "a JSONL file or --store" in neither.stderr.decode()


def test_import_reports_each_bad_item_and_keeps_the_rest(odd_jsonl, tmp_path):
    out = tmp_path / "brat"
    newsclaims("export", str(odd_jsonl), "--format", "brat", "--out", str(out))
    (out / "odd-2.ann").write_text("T1\tPerson 0 3\tnot what the text says\n", encoding="utf-8")
    back = newsclaims("import", str(out), "--format", "brat", "--out", str(tmp_path / "gold.jsonl"))
    err = back.stderr.decode()
    assert back.returncode == 1 and "failed odd-2.ann: T1: the text at 0-3" in err
    assert "3 items: 2 imported, 1 failed" in err
    assert [json.loads(line)["article"]["id"] for line in (tmp_path / "gold.jsonl").read_text().splitlines()] == [
        "odd-1", "empty"]


def test_evaluate_two_files_as_a_table_and_as_json(odd_jsonl, tmp_path):
    pred = tmp_path / "pred.jsonl"
    data = [json.loads(line) for line in odd_jsonl.read_text("utf-8").splitlines()]
    data[0]["entities"][0]["kind"] = "organization"
    pred.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in data), encoding="utf-8")
    shown = newsclaims("evaluate", str(odd_jsonl), str(pred))
    assert shown.returncode == 0, shown.stderr.decode()
    assert "3 articles compared" in shown.stdout.decode()
    report = json.loads(newsclaims("evaluate", str(odd_jsonl), str(pred), "--json").stdout)
    rows = {(r["layer"], r["kind"]): r for r in report["rows"]}
    assert rows[("entities", "person")]["exact"]["recall"] == 0.75
    assert rows[("entities", "any kind")]["exact"]["f1"] == 1.0
    agreement = json.loads(newsclaims("evaluate", "--agreement", str(pred), str(odd_jsonl), "--json").stdout)
    assert agreement["mode"] == "agreement"
    assert {(r["layer"], r["kind"]): r["exact"]["f1"] for r in agreement["rows"]}[("entities", "all")] == \
        rows[("entities", "all")]["exact"]["f1"]


def test_evaluate_runs_the_pipeline_without_predictions(tmp_path):
    gold = tmp_path / "gold.jsonl"
    text = "Officials said 12 people were hurt in Phoenix on Monday."
    gold.write_text(Result(Article("one"), text).to_json() + "\n", encoding="utf-8")
    report = json.loads(newsclaims("evaluate", str(gold), "--json").stdout)
    rows = {(r["layer"], r["kind"]): r for r in report["rows"]}
    assert report["articles"] == 1 and rows[("quantities", "all")]["exact"]["fp"] >= 1  # the run found "12 people"


def test_import_of_nothing_and_to_an_unwritable_place_exit_2(odd_jsonl, tmp_path):
    (tmp_path / "empty").mkdir()
    nothing = newsclaims("import", str(tmp_path / "empty"), "--format", "brat")
    assert nothing.returncode == 2 and "holds no brat items" in nothing.stderr.decode()
    newsclaims("export", str(odd_jsonl), "--format", "brat", "--out", str(tmp_path / "brat"))
    nowhere = newsclaims("import", str(tmp_path / "brat"), "--format", "brat", "--out", str(odd_jsonl / "x.jsonl"))
    assert nowhere.returncode == 2 and "cannot write to" in nowhere.stderr.decode()


def test_a_lone_surrogate_is_refused_before_export(tmp_path):
    bad = tmp_path / "bad.jsonl"
    record = Result(Article("s"), "a?b").to_dict()
    bad.write_text(json.dumps(record).replace("a?b", "a\\ud800b") + "\n", encoding="utf-8")  # JSON can say it
    refused = newsclaims("export", str(bad), "--format", "brat", "--out", str(tmp_path / "x"))
    assert refused.returncode == 2 and "lone surrogate (U+D800)" in refused.stderr.decode()
