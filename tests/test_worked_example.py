"""The README's worked example, end to end with the CLI: 20 news articles pre-annotated by the pipeline, exported to
Label Studio, brat and XMI, corrected there (scripted here the way each tool writes corrections), imported as
gold, evaluated against the pipeline, and published as a Hugging Face dataset that reloads with load_from_disk."""
from __future__ import annotations

import json
import re
from pathlib import Path

import datasets
import pytest
from cassis import load_cas_from_xmi, load_typesystem
from test_cli import newsclaims

from pipeline.records import Result

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = 20


@pytest.fixture(scope="module")
def run(tmp_path_factory) -> Path:
    """The pipeline's results on the first 20 articles of corpora/compare."""
    folder = tmp_path_factory.mktemp("worked")
    lines = (ROOT / "corpora" / "compare" / "articles.jsonl").read_text("utf-8").splitlines()[:ARTICLES]
    (folder / "articles.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    done = newsclaims("extract", str(folder / "articles.jsonl"), "--out", str(folder / "run.jsonl"))
    assert done.returncode == 0, done.stderr.decode()
    return folder / "run.jsonl"


def results(path: Path) -> list[Result]:
    return [Result.from_dict(json.loads(line)) for line in path.read_text("utf-8").splitlines()]


def corrections(run: Path) -> dict:
    """What the annotators change: article 1's first entity gets another kind, article 2 loses a quantity no
    claim depends on alone, article 3 gains an organization over its first word."""
    first, second, third = results(run)[:3]
    entity = first.entities[0]
    claimed = [q for c in second.claims if len(c.quantities) == 1 for q in c.quantities]
    dropped = next(q for q in second.quantities if q.id not in claimed)
    word = re.match(r"\w+", third.text)
    return {"entity": entity.id, "kind": "agency" if entity.kind == "organization" else "organization",
            "quantity": dropped.id, "new": (word.start(), word.end(), word.group())}


def correct_label_studio(out: Path, fix: dict) -> Path:
    """Label Studio's JSON export after the corrections: each task with an annotation made from its
    pre-annotation, a region relabelled, one deleted (with its attributes and relations), one drawn."""
    tasks = json.loads((out / "tasks.json").read_text("utf-8"))
    for n, task in enumerate(tasks):
        result = json.loads(json.dumps(task["predictions"][0]["result"]))
        if n == 0:
            region = next(r for r in result if r["id"] == fix["entity"] and r["type"] == "labels")
            region["value"]["labels"] = [fix["kind"]]
        if n == 1:
            result = [r for r in result if fix["quantity"] not in (r.get("id"), r.get("from_id"), r.get("to_id"))]
        if n == 2:
            start, end, word = fix["new"]
            result.append({"id": "Zx81kQa9Tb", "from_name": "label", "to_name": "text", "type": "labels",
                           "value": {"start": start, "end": end, "text": word, "labels": ["organization"]}})
        task["id"] = n + 1
        task["annotations"] = [{"id": 100 + n, "result": result, "was_cancelled": False, "completed_by": 1,
                                "created_at": "2026-12-01T10:00:00Z", "updated_at": "2026-12-01T10:05:00Z"}]
    exported = out / "project-1-at-2026-12-01.json"
    exported.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    return exported


def correct_brat(out: Path, fix: dict) -> Path:
    """The brat folder after the corrections, as brat saves them: a T line's type changed, a T line and every
    line on it deleted, a T line added."""
    files = [json.loads(line)["file"] for line in (out / "articles.jsonl").read_text("utf-8").splitlines()]
    for n, name in enumerate(files[:3]):
        path = out / f"{name}.ann"
        lines = path.read_text("utf-8").splitlines()
        tid = lambda rid: next(l.split("\t")[1].split()[1] for l in lines  # noqa: E731, E741
                               if l.startswith("#") and json.loads(l.split("\t")[2])["id"] == rid)
        if n == 0:
            target = tid(fix["entity"])
            lines = [re.sub(r"^(T\d+\t)\w+", rf"\g<1>{fix['kind'].capitalize()}", l) if l.startswith(target + "\t")
                     else l for l in lines]  # noqa: E741
        if n == 1:
            target = tid(fix["quantity"])
            lines = [l for l in lines if not re.search(rf"(^|[\s:]){target}(\s|$)", l)]  # noqa: E741
        if n == 2:
            start, end, word = fix["new"]
            lines.append(f"T999\tOrganization {start} {end}\t{word}")
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


def correct_xmi(out: Path, fix: dict) -> Path:
    """The XMI folder after the corrections, made with cassis the way INCEpTION writes them."""
    ts = load_typesystem(out / "typesystem.xml")
    span_type = ts.get_type("newsclaims.Span")
    for n, path in enumerate(sorted(out.glob("*.xmi"))[:3]):
        cas = load_cas_from_xmi(path, typesystem=ts)
        by_rid = {s.rid: s for s in cas.select(span_type)}
        if n == 0:
            by_rid[fix["entity"]].label = fix["kind"]
        if n == 1:
            for link in cas.select("newsclaims.Link"):
                if fix["quantity"] in (link.Governor.rid, link.Dependent.rid):
                    cas.remove(link)
            cas.remove(by_rid[fix["quantity"]])
        if n == 2:
            start, end, _ = fix["new"]
            cas.add(span_type(begin=start, end=end, label="organization", order=0, source_continued=False))
        cas.to_xmi(path)
    return out


CORRECT = {"labelstudio": correct_label_studio, "brat": correct_brat, "xmi": correct_xmi}


@pytest.mark.parametrize("fmt", CORRECT)
def test_pre_annotate_correct_import_evaluate_publish(fmt, run, tmp_path):
    out = tmp_path / fmt
    exported = newsclaims("export", str(run), "--format", fmt, "--out", str(out))
    assert exported.returncode == 0, exported.stderr.decode()
    corrected = CORRECT[fmt](out, corrections(run))

    gold = tmp_path / "gold.jsonl"
    imported = newsclaims("import", str(corrected), "--format", fmt, "--out", str(gold))
    assert imported.returncode == 0, imported.stderr.decode()
    assert f"{ARTICLES} items: {ARTICLES} imported, 0 failed" in imported.stderr.decode()

    report = json.loads(newsclaims("evaluate", str(gold), str(run), "--json").stdout)
    rows = {(r["layer"], r["kind"]): r["exact"] for r in report["rows"]}
    predicted = results(run)
    n_entities, n_quantities = (sum(len(getattr(r, layer)) for r in predicted) for layer in ("entities", "quantities"))
    print(fmt, {k: v["f1"] for k, v in rows.items()})
    assert report["articles"] == ARTICLES
    assert (rows[("entities", "all")]["tp"], rows[("entities", "all")]["fp"], rows[("entities", "all")]["fn"]) == (
        n_entities - 1, 1, 2)  # one kind corrected, one name added
    assert (rows[("quantities", "all")]["tp"], rows[("quantities", "all")]["fp"]) == (n_quantities - 1, 1)
    assert rows[("attributions", "whole")]["f1"] == 1.0

    published = tmp_path / "hf"
    done = newsclaims("export", str(gold), "--format", "datasets", "--out", str(published))
    assert done.returncode == 0, done.stderr.decode()
    rows_back = datasets.load_from_disk(str(published / "dataset"))["train"]
    assert rows_back.num_rows == ARTICLES
    assert [Result.from_dict({"schema": "newsclaims/1", **row}) for row in rows_back] == results(gold)
    assert "## How it was made" in (published / "README.md").read_text("utf-8")
