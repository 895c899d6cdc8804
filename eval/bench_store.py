"""Ingest rate of the claims store, SQLite and PostgreSQL, on the same pre-extracted articles in the same run.

    python -m eval.bench_store [--articles 300] [--pg postgresql+psycopg://postgres@127.0.0.1:5432/test]

The pipeline is left out: articles are extracted once (corpora/samples and corpora/gold), then copied under new ids
to the requested count, and ingested as records. Printed: articles/second and claims/second into a fresh SQLite
file and a fresh PostgreSQL schema, and their ratio. (Vector search latency, the other half of issue 5's benchmark,
needs the embedding index, which is not built yet.)
"""
from __future__ import annotations

import argparse
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import create_engine, text

import pipeline
from pipeline import readers
from pipeline.records import Result
from pipeline.store import Store

ROOT = Path(__file__).resolve().parent.parent


def records(n: int) -> list[Result]:
    """`n` articles as records: the bundled ones extracted once, then copied under new ids."""
    docs = [d for d in readers.read([str(ROOT / "corpora" / "samples"), str(ROOT / "corpora" / "gold")]) if d.status == "ok"]
    base = [r.to_dict() for r in pipeline.extract_many(docs)]
    out = []
    for i in range(n):
        data = dict(base[i % len(base)])
        data["article"] = {**data["article"], "id": f"bench-{i}"}
        out.append(Result.from_dict(data))
    return out


def ingest_rate(url: str, items: list[Result]) -> tuple[float, int]:
    store = Store.open(url)
    start = time.perf_counter()
    for r in items:
        store.add([r])
    seconds = time.perf_counter() - start
    n_claims = len(store.claims(limit=10**9))
    store.close()
    return seconds, n_claims


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--pg", default="postgresql+psycopg://postgres@127.0.0.1:5432/test")
    args = ap.parse_args(argv)
    items = records(args.articles)
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        results["SQLite (file, WAL)"] = ingest_rate(f"sqlite:///{tmp}/bench.db", items)
    schema = f"nc_bench_{uuid.uuid4().hex[:8]}"
    engine = create_engine(args.pg)
    try:
        with engine.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        results["PostgreSQL (127.0.0.1)"] = ingest_rate(f"{args.pg}?options=-csearch_path%3D{schema}", items)
    except Exception as e:  # no server: say so, keep the SQLite figure
        print(f"PostgreSQL skipped: {e}")
    finally:
        try:
            with engine.begin() as conn:
                conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        except Exception:
            pass
    print(f"{len(items)} articles, one transaction each")
    print(f"{'store':<26}{'articles/s':>12}{'claims/s':>12}{'seconds':>10}")
    for name, (seconds, n_claims) in results.items():
        print(f"{name:<26}{len(items) / seconds:>12.1f}{n_claims / seconds:>12.1f}{seconds:>10.2f}")
    if len(results) == 2:
        (a, _), (b, _) = results.values()
        print(f"PostgreSQL time / SQLite time: {b / a:.2f}")


if __name__ == "__main__":
    main()
