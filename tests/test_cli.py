"""The `newsclaims` CLI on real files: every document processed, skipped or failed with a reason, counts adding up."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import pipeline

ROOT = Path(__file__).resolve().parent.parent
CLI = [sys.executable, "-m", "pipeline.cli"]


def newsclaims(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1"}
    return subprocess.run(CLI + list(args), input=stdin, capture_output=True, cwd=cwd or ROOT, env=env, timeout=600)


def lines(out: bytes) -> list[dict]:
    return [json.loads(line) for line in out.decode().splitlines() if line.strip()]


def summary_line(stderr: bytes) -> str:
    return [line for line in stderr.decode().splitlines() if "documents:" in line][-1]


def test_samples_all_processed_and_valid(tmp_path):
    out = tmp_path / "out.jsonl"
    proc = newsclaims("extract", "corpora/samples", "--out", str(out))
    assert proc.returncode == 0, proc.stderr.decode()
    results = lines(out.read_bytes())
    assert len(results) >= 5
    for data in results:
        pipeline.validate(data)
    assert "5 processed, 0 skipped, 0 failed" in summary_line(proc.stderr) or "processed, 0 skipped, 0 failed" in summary_line(proc.stderr)
    html = next(r for r in results if r["article"]["path"].endswith(".html"))
    assert html["article"]["outlet"] == "The Valley Ledger"
    assert "ADVERTISEMENT" not in html["text"] and "Most read" not in html["text"] and "Subscribe" not in html["text"]
    wire = [r for r in results if r["article"]["id"].startswith("wire-")]
    assert len(wire) == 3 and all(r["article"]["outlet"] == "Northern Wire Service" for r in wire)
    summary = newsclaims("summary", str(out))
    assert summary.returncode == 0 and "Entities by kind" in summary.stdout.decode()


@pytest.fixture()
def bad_inputs(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text("The county reported 12 new cases on Monday, officials said.\n", encoding="utf-8")
    (d / "empty.txt").write_bytes(b"")
    (d / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (d / "latin1.txt").write_bytes("Caf\xe9 owners said 30 percent of sales were lost.".encode("latin-1"))
    (d / "huge.txt").write_text(("Officials said 12 people were hurt. " * 150_000)[:5_000_000], encoding="utf-8")
    (d / "nobody.html").write_text("<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a></nav>"
                                   "</body></html>", encoding="utf-8")
    (d / "batch.jsonl").write_text(
        json.dumps({"id": "ok-1", "text": "About 40 workers lost their jobs, the union said."}) + "\n"
        + "{not json\n"
        + json.dumps({"id": "ok-2", "text": "Sales rose 3 percent."}) + "\n"
        + json.dumps({"id": "no-text", "title": "x"}) + "\n", encoding="utf-8")
    return d


def test_bad_inputs_are_reported_and_the_batch_goes_on(bad_inputs, tmp_path):
    out = tmp_path / "out.jsonl"
    proc = newsclaims("extract", str(bad_inputs), "--out", str(out))
    err = proc.stderr.decode()
    assert proc.returncode == 1, err  # some documents failed
    results = lines(out.read_bytes())
    assert sorted(r["article"]["id"] for r in results if r["article"]["id"].startswith("ok-")) == ["ok-1", "ok-2"]
    assert any(r["article"]["path"].endswith("good.txt") for r in results)
    expected = {
        "empty.txt": ("skipped", "empty"),
        "binary.txt": ("failed", "binary"),
        "latin1.txt": ("failed", "invalid UTF-8"),
        "huge.txt": ("skipped", "too long"),
        "nobody.html": ("skipped", "no article body"),
        "batch.jsonl:2": ("failed", "malformed JSON"),
        "batch.jsonl:4": ("failed", "no \"text\""),
    }
    for name, (status, why) in expected.items():
        line = next((l for l in err.splitlines() if name in l and l.startswith(f"newsclaims: {status}")), None)
        assert line is not None and why in line, f"{name}: {err}"
    processed, skipped, failed = len(results), 3, 4
    assert f"{processed + skipped + failed} documents: {processed} processed, {skipped} skipped, {failed} failed" \
        in summary_line(proc.stderr)


def test_stdin_text_and_jsonl():
    proc = newsclaims("extract", "-", stdin="Nearly 300 homes were flooded, the mayor said.".encode())
    assert proc.returncode == 0
    [data] = lines(proc.stdout)
    assert data["quantities"][0]["text"] == "Nearly 300 homes"
    jsonl = "\n".join(json.dumps({"id": f"s{i}", "text": f"{i + 2} people were hurt."}) for i in range(3))
    proc = newsclaims("extract", "-", stdin=jsonl.encode())
    assert [d["article"]["id"] for d in lines(proc.stdout)] == ["s0", "s1", "s2"]


def test_missing_path_fails_with_a_reason():
    proc = newsclaims("extract", "does/not/exist.txt")
    assert proc.returncode == 1
    assert "failed does/not/exist.txt: no such file or directory" in proc.stderr.decode()


def test_store_option_writes_sqlite(tmp_path):
    db = tmp_path / "claims.db"
    proc = newsclaims("extract", "corpora/samples/wire.jsonl", "--store", f"sqlite:///{db}", "--out", str(tmp_path / "o"))
    assert proc.returncode == 0, proc.stderr.decode()
    from pipeline.store import Store
    store = Store.open(f"sqlite:///{db}")
    assert len(store) == 3
    assert store.get("wire-2024-0420-bridge").article.outlet == "Northern Wire Service"


def test_help_starts_without_the_heavy_libraries():
    """`newsclaims --help` and a command's --help import no NLP, ML or database library (start-up time is measured
    by `python -m eval.startup`, not here)."""
    heavy = ("spacy", "torch", "transformers", "sqlalchemy", "numpy", "trafilatura", "faiss", "bm25s")
    code = ("import sys; from typer.testing import CliRunner; from pipeline.cli import app; r = CliRunner(); "
            "outs = [r.invoke(app, args) for args in (['--help'], ['claims', '--help'], ['extract', '--help'])]; "
            "assert all(o.exit_code == 0 for o in outs), [o.output for o in outs]; "
            f"print(sorted(m for m in {heavy!r} if m in sys.modules))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"


def test_a_file_name_with_a_newline_cannot_forge_a_line(tmp_path):
    forged = tmp_path / "x.txt\nnewsclaims: 9 documents: 9 processed, 0 skipped, 0 failed\n.bin"
    forged.write_text("Text.")
    proc = newsclaims("extract", str(forged), "--out", str(tmp_path / "out.jsonl"))
    messages = proc.stderr.decode().splitlines()
    assert len(messages) == 2 and "\\n" in messages[0]  # the skip, with its name escaped, and the summary
    assert summary_line(proc.stderr).endswith("1 documents: 0 processed, 1 skipped, 0 failed (written to "
                                               f"{tmp_path / 'out.jsonl'})")


@pytest.mark.parametrize("command", ["validate", "summary"])
@pytest.mark.parametrize("bad_line, says", [(b"{not json", "is not a JSON object"),
                                            (b"\xff\xfe{}", "is not a JSON object"),
                                            (b'{"schema": "newsclaims/1"}', "does not follow newsclaims/1")])
def test_validate_and_summary_name_the_bad_line(tmp_path, command, bad_line, says):
    good = newsclaims("extract", "corpora/samples/transit-budget.txt").stdout
    path = tmp_path / "results.jsonl"
    path.write_bytes(good + bad_line + b"\n")
    proc = newsclaims(command, str(path))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr.decode()
    [message] = proc.stderr.decode().splitlines()
    assert message.startswith("newsclaims: ") and f"results.jsonl:2 {says}" in message


@pytest.mark.parametrize("k", ["0", "-1"])
def test_similar_rejects_a_k_below_one(k):
    proc = newsclaims("similar", "12 people died", "-k", k)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr.decode() and "-k" in proc.stderr.decode()


def test_max_chars_above_the_default_is_honoured():
    import spacy

    from pipeline.components.entities import register_extensions
    from pipeline.extraction import allow_length, process_batch
    from pipeline.readers import Document

    register_extensions(["entities", "quantities", "attributions", "claims"])
    text = "One word. " * 120_000  # 1.2 million characters, over models/pipeline.json's max_chars
    nlp = spacy.blank("en")
    [before] = process_batch(nlp, [Document("big", text)])
    [after] = process_batch(allow_length(nlp, 1_500_000), [Document("big", text)])
    assert before.status == "skipped" and after.status == "processed" and after.result.text == text


@pytest.mark.parametrize("args, says", [(["--since", "yesterday"], "since 'yesterday' is not a date"),
                                        (["--max", "nan"], "max must be a finite number"),
                                        (["--outlet", "a\x01b", "--until", "2024-4-31"], "until '2024-4-31' is not a date")])
def test_claims_refuses_filters_that_are_not_what_they_say(tmp_path, args, says):
    proc = newsclaims("claims", "--store", f"sqlite:///{tmp_path / 'claims.db'}", *args)
    [message] = proc.stderr.decode().splitlines()
    assert proc.returncode == 2 and message.startswith(f"newsclaims: {says}")


def test_a_full_disk_stops_the_run_with_what_was_written_and_what_was_not():
    proc = newsclaims("extract", "corpora/samples/transit-budget.txt", "corpora/samples/wire.jsonl", "--out", "/dev/full")
    messages = proc.stderr.decode().splitlines()
    assert proc.returncode == 1 and "Traceback" not in proc.stderr.decode()
    assert "transit-budget.txt could not be written to /dev/full (No space left on device)" in messages[-2]
    assert messages[-2].startswith("newsclaims: stopped: ") and "the 0 results before it are written" in messages[-2]
    assert messages[-1] == "newsclaims: 1 documents: 0 processed, 0 skipped, 1 failed (written to /dev/full)"


def test_compare_names_the_figures_that_conflict_and_why(tmp_path):
    articles = tmp_path / "two.jsonl"
    articles.write_text(
        json.dumps({"id": "a", "outlet": "Daily", "text": "Just 4 percent of mass shootings ended with the shooter "
                    "shot by police, according to the Texas State University study."}) + "\n" +
        json.dumps({"id": "b", "outlet": "Ledger", "text": "Only 14 percent of mass shootings ended with the shooter "
                    "shot by police, according to the Texas State University study."}) + "\n", "utf-8")
    db = f"sqlite:///{tmp_path / 'claims.db'}"
    assert newsclaims("extract", str(articles), "--store", db, "--out", str(tmp_path / "o.jsonl")).returncode == 0
    proc = newsclaims("compare", "--json", "--conflicts", "--store", db)
    assert proc.returncode == 0, proc.stderr.decode()
    [cluster] = lines(proc.stdout)
    [conflict] = cluster["conflicts"]
    assert {f["figure"] for f in conflict["figures"]} == {"4 percent", "14 percent"}
    assert {f["outlet"] for f in conflict["figures"]} == {"Daily", "Ledger"}
    assert all(f["claim_id"] and f["article_id"] and f["unit"] == "percent" for f in conflict["figures"])
    assert "3.5-4.5 percent" in conflict["reason"] and "13.5-14.5 percent" in conflict["reason"]
    assert {f["measure"]["statistic"] for f in conflict["figures"]} == {"share"}
    assert {f["measure"]["subject"] for f in conflict["figures"]} == {"mass shootings"}
    shown = newsclaims("article", "a", "--store", db).stdout.decode()
    assert "4 percent: share of mass shootings" in shown, shown
