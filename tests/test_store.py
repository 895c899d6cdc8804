"""The claims store, run twice: on SQLite files and on the PostgreSQL server at 127.0.0.1:5432 (database `test`).

The PostgreSQL half is skipped, loudly, only where no server answers; CI starts one (.ci/run).
"""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

import pipeline
from pipeline.records import Result
from pipeline.store import Store, StoreError, head_revision

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def results():
    lines = (ROOT / "corpora" / "samples" / "wire.jsonl").read_text("utf-8").splitlines()
    items = [json.loads(line) for line in lines]
    return list(pipeline.extract_many(items))


def test_ingest_is_idempotent_and_round_trips(store_url, results):
    store = Store.open(store_url)
    assert store.schema_version() == head_revision() == "0005"
    assert store.add(results) == 3
    assert store.add(results) == 3
    assert len(store) == 3 and store.ids() == sorted(r.article.id for r in results)
    assert store.get(results[0].article.id).to_dict() == results[0].to_dict()
    before = store.claims()
    store.add(results)
    assert store.claims() == before  # replaced, not duplicated


def test_every_sample_round_trips_through_the_rows_alone(store_url, nlp):
    rows = [json.loads(line) for path in sorted((ROOT / "corpora").rglob("*.jsonl"))
            for line in path.read_text("utf-8").splitlines() if line.strip()]
    items = [row for row in rows if isinstance(row.get("text"), str)]  # articles, not the gold sets' offset rows
    results = [r for r in pipeline.extract_many(items) if r.text.strip()]
    store = Store.open(store_url)
    store.add(results)
    differing = [r.article.id for r in results if store.get(r.article.id).to_dict() != r.to_dict()]
    print(f"{len(results)} articles stored and read back from their rows")
    assert len(results) > 30 and differing == []


OLD_STORE = ROOT / "tests" / "data" / "store-0002.db"  # the wire samples, written by newsclaims at schema 0002


def at_schema_0002(url: str, tmp_path: Path) -> str:
    """`url` holding the rows of `OLD_STORE`: the file itself for SQLite; for PostgreSQL, the schema made by the
    migrations up to 0002 and every row copied in, tables in the order their keys need."""
    if url.startswith("sqlite"):
        shutil.copy(OLD_STORE, tmp_path / "old.db")
        return f"sqlite:///{tmp_path / 'old.db'}"
    from alembic import command
    from sqlalchemy import MetaData, create_engine

    from pipeline.store.database import alembic_config

    engine, source = create_engine(url), create_engine(f"sqlite:///{OLD_STORE}")
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0002")
    tables = MetaData()
    tables.reflect(engine)
    with source.connect() as old, engine.begin() as new:
        for name in ("articles", "entities", "sources", "entity_mentions", "source_roles", "quantities",
                     "attributions", "claims", "claim_quantities", "alembic_version"):
            rows = [dict(r._mapping) for r in old.execute(text(f"SELECT * FROM {name}"))]
            if name == "alembic_version":
                continue
            if name == "articles":
                rows = [{**r, "record": json.loads(r["record"])} for r in rows]
            new.execute(tables.tables[name].insert(), rows)
        for name in ("entities", "sources", "entity_mentions", "source_roles", "quantities", "attributions", "claims"):
            new.execute(text(f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), (SELECT max(id) FROM {name}))"))
    engine.dispose()
    return url


def test_a_store_made_before_the_rows_held_everything_is_upgraded_losing_nothing(store_url, tmp_path, results):
    with sqlite3.connect(OLD_STORE) as connection:
        records = {i: json.loads(r) for i, r in connection.execute("SELECT id, record FROM articles")}
    store = Store.open(at_schema_0002(store_url, tmp_path))
    assert store.schema_version() == head_revision() and len(records) == len(store) == 3
    for article_id, record in records.items():
        assert store.get(article_id).to_dict() == record
    with store.engine.connect() as connection:
        assert "record" not in {c["name"] for c in inspect(connection).get_columns("articles")}
    assert len(store.claims()) > 0
    store.add(results)  # and it takes new writes (PostgreSQL's id sequences carried on)
    assert len(store) == 3


def test_a_newer_pipeline_replaces_and_an_older_one_does_not(store_url, results):
    store = Store.open(store_url)
    store.add(results[:1], pipeline_version="9.0.0")
    changed = Result.from_dict(results[0].to_dict())
    changed.claims = changed.claims[:1]
    assert store.add([changed], pipeline_version="1.0.0") == 0  # older: left alone
    assert len(store.get(changed.article.id).claims) == len(results[0].claims)
    assert store.add([changed], pipeline_version="9.1.0") == 1
    assert len(store.get(changed.article.id).claims) == 1
    assert len(store.claims(outlet="Northern Wire Service")) == 1


def test_queries(store_url, results):
    store = Store.open(store_url)
    store.add(results)
    assert {c.source for c in store.claims(source="Linda Choi")} == {"Linda Choi"}
    money = store.claims(kind="money")
    assert money and all(any(f.kind == "money" for f in c.figures) for c in money)
    big = store.claims(min_value=1e9)
    assert [f.text for c in big for f in c.figures if (f.value or 0) >= 1e9] == ["$1.8 billion"]
    assert [c.claim_id for c in store.claims(text_query="bridges poor condition")] == ["wire-2024-0420-bridge#c1"]
    assert store.claims(since="2024-04-16") and all(c.published >= "2024-04-16" for c in store.claims(since="2024-04-16"))
    assert store.claims(entity="Harbor Logistics") and all(c.article_id == "wire-2024-0412-fire"
                                                           for c in store.claims(entity="Harbor Logistics"))
    cited = {s.source: s for s in store.sources()}
    assert cited["Maria Okafor"].roles == ["Lakeside Fire Chief"]


INJECTIONS = ["'; DROP TABLE claims; --", "\" OR 1=1 --", "x') OR ('1'='1", "%", "_", "\\", "NEAR(a b)", "*",
              "claims_fts MATCH 'a'", "1; DELETE FROM articles"]


@pytest.mark.parametrize("evil", INJECTIONS)
def test_filters_take_user_text_only_as_parameters(store_url, results, evil):
    store = Store.open(store_url)
    store.add(results)
    from pipeline.store import FilterError

    for kwargs in ({"entity": evil}, {"source": evil}, {"outlet": evil}, {"kind": evil}, {"unit": evil},
                   {"text_query": evil}):
        assert isinstance(store.claims(**kwargs), list)
    for kwargs in ({"since": evil}, {"until": evil}):  # not a date: refused before any SQL
        with pytest.raises(FilterError, match="is not a date"):
            store.claims(**kwargs)
    assert len(store) == 3 and len(store.claims()) > 0


def test_failure_mid_batch_leaves_no_half_written_article(store_url, results):
    store = Store.open(store_url)
    broken = Result.from_dict(results[1].to_dict())
    broken.claims[0].quantities = ["q999"]  # no such quantity: the write fails inside the article's transaction
    with pytest.raises((StoreError, KeyError)):
        store.add([results[0], broken, results[2]])
    assert store.ids() == [results[0].article.id]  # the first is stored, the broken one left no rows
    assert all(c.article_id == results[0].article.id for c in store.claims())


def test_store_made_by_a_newer_schema_is_refused_and_untouched(store_url, results):
    store = Store.open(store_url)
    store.add(results)
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(StoreError, match="newer newsclaims"):
        Store.open(store_url)
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM articles")).scalar() == 3


def test_unreachable_store_is_a_clear_error():
    with pytest.raises(StoreError, match="cannot open store postgresql"):
        Store.open("postgresql+psycopg://postgres@127.0.0.1:1/test")


def test_read_only_store_file_is_a_clear_error_and_loses_nothing(tmp_path, results):
    path = tmp_path / "claims.db"
    Store.open(f"sqlite:///{path}").add(results[:1])
    path.chmod(stat.S_IRUSR)
    # root writes through file permissions, so open it the way SQLite opens a read-only file
    url = f"sqlite:///file:{path}?mode=ro&uri=true" if os.access(path, os.W_OK) else f"sqlite:///{path}"
    store = Store.open(url)
    with pytest.raises(StoreError, match="cannot write"):
        store.add(results[1:])
    assert sqlite3.connect(path).execute("SELECT count(*) FROM articles").fetchone()[0] == 1


@contextmanager
def unwritable(directory: Path):
    """`directory` made unwritable for this process: chmod, and for root (who writes through modes) chattr +i.
    Skips where neither holds (a file system without the immutable flag, or no right to set it)."""
    directory.chmod(0o555)
    immutable = False
    if os.access(directory, os.W_OK):
        proc = subprocess.run(["chattr", "+i", str(directory)], capture_output=True, text=True)
        if proc.returncode:
            directory.chmod(0o755)
            pytest.skip(f"cannot make {directory} unwritable for this user: chattr +i says {proc.stderr.strip()!r}")
        immutable = True
    try:
        yield
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(directory)], check=True)
        directory.chmod(0o755)


def test_a_wal_store_in_a_read_only_directory_is_read_and_refuses_writes_in_one_line(tmp_path, results):
    path = tmp_path / "ro" / "claims.db"
    url = f"sqlite:///{path}"
    store = Store.open(url)
    store.add(results[:2])
    store.close()
    assert sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with unwritable(path.parent):
        store = Store.open(url)
        assert store.read_only
        assert {r.article_id for r in store.claims()} == {r.article.id for r in results[:2]}
        with pytest.raises(StoreError, match="read-only"):
            store.add(results[2:3])
        for command in (["claims", "--json"], ["sources"], ["article", results[0].article.id]):
            proc = subprocess.run([sys.executable, "-m", "pipeline.cli", *command, "--store", url],
                                  capture_output=True, text=True, timeout=300)
            assert proc.returncode == 0, (command, proc.stderr)
        samples = ROOT / "corpora" / "samples" / "wire.jsonl"
        proc = subprocess.run([sys.executable, "-m", "pipeline.cli", "extract", str(samples), "--store", url],
                              capture_output=True, text=True, timeout=300)
        assert proc.returncode == 2 and proc.stderr.splitlines() == [
            f"newsclaims: store {url} is read-only here (the file or its directory cannot be written): it can be queried but not "
            "written"]
    assert sqlite3.connect(path).execute("SELECT count(*) FROM articles").fetchone()[0] == 2


def test_cli_ingest_reports_lines_that_break_the_contract(tmp_path, results):
    good = tmp_path / "in.jsonl"
    lines = [results[0].to_json(), '{"schema": "newsclaims/1"}', "not json", results[1].to_json()]
    good.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'c.db'}"
    proc = subprocess.run([sys.executable, "-m", "pipeline.cli", "store", "ingest", str(good), "--store", db],
                          capture_output=True, cwd=ROOT, timeout=300)
    err = proc.stderr.decode()
    assert proc.returncode == 1
    assert "in.jsonl:2: does not follow newsclaims/1" in err and "in.jsonl:3" in err
    assert "4 articles: 2 stored, 0 kept (stored by a newer pipeline), 2 failed" in err
    assert len(Store.open(db)) == 2


def test_a_damaged_sqlite_file_is_refused_in_one_line_naming_it(tmp_path, results):
    path = tmp_path / "claims.db"
    store = Store.open(f"sqlite:///{path}")
    store.add(results)
    store.close()
    size = path.stat().st_size
    with path.open("r+b") as f:  # 40 KB of garbage over the middle of the file
        f.seek(max(4096, size // 2 - 20_000))
        f.write(os.urandom(40_000))
    with pytest.raises(StoreError, match=f"{path}.*(damaged|malformed)") as raised:
        Store.open(f"sqlite:///{path}")
    assert "\n" not in str(raised.value)
    for command in (["claims"], ["sources"], ["article", results[0].article.id], ["similar", "bridges"]):
        proc = subprocess.run([sys.executable, "-m", "pipeline.cli", *command, "--store", f"sqlite:///{path}"],
                              capture_output=True, text=True, timeout=300)
        assert proc.returncode == 2 and len(proc.stderr.splitlines()) == 1, (command, proc.stderr)
        assert str(path) in proc.stderr


def concurrent_ingest(url: str, files: list[Path]) -> list[subprocess.CompletedProcess]:
    """`newsclaims store ingest` of each file, all at once in separate processes, on a store not yet created."""
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1"}
    procs = [subprocess.Popen([sys.executable, "-m", "pipeline.cli", "store", "ingest", str(f), "--store", url],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env) for f in files]
    return [subprocess.CompletedProcess(p.args, p.wait(timeout=600), *p.communicate()) for p in procs]


@pytest.mark.parametrize("attempt", [1, 2, 3])
def test_two_writers_at_once_lose_nothing(store_url, results, tmp_path, attempt):
    """Two processes, overlapping ids (v-00000..19 and v-00010..29) and the same entities and sources, on a store
    that neither has created yet: every article stored once, both runs clean."""
    def record(n: int) -> str:
        data = results[n % len(results)].to_dict()
        return json.dumps({**data, "article": {**data["article"], "id": f"v-{n:05d}"}})

    files = []
    for name, ids in (("a", range(0, 20)), ("b", range(10, 30))):
        files.append(tmp_path / f"conc-{name}.jsonl")
        files[-1].write_text("\n".join(record(n) for n in ids) + "\n", "utf-8")
    procs = concurrent_ingest(store_url, files)
    for proc in procs:
        assert proc.returncode == 0, proc.stderr
        assert "20 articles: " in proc.stderr and ", 0 failed" in proc.stderr
    store = Store.open(store_url)
    assert store.ids() == [f"v-{n:05d}" for n in range(30)]
    per_article = len(results[0].claims)
    assert sum(1 for c in store.claims(limit=10**6) if c.article_id == "v-00000") == per_article
    store.close()
