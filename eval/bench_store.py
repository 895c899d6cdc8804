"""Ingest rate of the claims store, SQLite and PostgreSQL, on the same pre-extracted articles in the same run.

    python -m eval.bench_store [--articles 300] [--pg postgresql+psycopg://postgres@127.0.0.1:5432/test]

The pipeline is left out: articles are extracted once (corpora/samples and corpora/gold), then copied under new ids
to the requested count, and ingested as records. Printed: articles/second and claims/second into a fresh SQLite
file and a fresh PostgreSQL schema, and their ratio.

With --vectors 100000,1000000: the p50/p95 latency of one "claims similar to this one" query against that many
synthetic claim vectors (384 dimensions, unit length, clustered like real embeddings), exact search (FAISS
IndexFlatIP) against HNSW (M=32, efConstruction=100, efSearch=128, the index the store uses above 50,000 claims), and HNSW's recall@10
against the exact neighbours, measured in the same run.
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


def synthetic_vectors(n: int, dims: int = 384, seed: int = 0, latent: int = 32):
    """Unit vectors shaped like sentence embeddings: clusters in a 32-dimensional subspace of the 384 dimensions,
    plus noise in all of them (real embeddings have a low intrinsic dimension; isotropic random vectors would make
    neighbours near-equidistant and no index could tell them apart)."""
    import numpy as np

    rng = np.random.default_rng(seed)
    projection = np.random.default_rng(42).standard_normal((latent, dims)).astype(np.float32)
    centres = np.random.default_rng(7).standard_normal((max(1, n // 200), latent)).astype(np.float32)
    z = centres[rng.integers(0, len(centres), n)] + 0.5 * rng.standard_normal((n, latent)).astype(np.float32)
    vectors = z @ projection + 0.5 * rng.standard_normal((n, dims)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors


def vector_latency(n: int, n_queries: int = 200) -> None:
    import faiss
    import numpy as np

    from pipeline.linking.index import VectorIndex

    vectors = synthetic_vectors(n)
    queries = synthetic_vectors(n_queries, seed=1)[:n_queries]
    ids = [str(i) for i in range(n)]
    exact = VectorIndex.build(ids, vectors, exact_below=n + 1)
    start = time.perf_counter()
    hnsw = VectorIndex.build(ids, vectors, exact_below=0)  # built with every core
    build = time.perf_counter() - start
    faiss.omp_set_num_threads(1)  # then one query at a time on one core, as a user asks
    rows = {}
    truth = []
    for name, index in (("exact", exact), ("hnsw", hnsw)):
        times, found = [], []
        for q in queries:
            t = time.perf_counter()
            hits = index.search(q[None, :], 10)[0]
            times.append((time.perf_counter() - t) * 1000)
            found.append({h for h, _ in hits})
        if name == "exact":
            truth = found
        recall = np.mean([len(f & t) / 10 for f, t in zip(found, truth)])
        rows[name] = (np.percentile(times, 50), np.percentile(times, 95), recall)
    print(f"{n:>9,} vectors  exact p50 {rows['exact'][0]:7.2f} ms  p95 {rows['exact'][1]:7.2f} ms  |  "
          f"HNSW p50 {rows['hnsw'][0]:6.3f} ms  p95 {rows['hnsw'][1]:6.3f} ms  recall@10 {rows['hnsw'][2]:.3f}  "
          f"(HNSW built in {build:.0f} s)")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--pg", default="postgresql+psycopg://postgres@127.0.0.1:5432/test")
    ap.add_argument("--vectors", default="", help="comma-separated index sizes for the similarity latency benchmark")
    args = ap.parse_args(argv)
    for n in [int(x) for x in args.vectors.split(",") if x.strip()]:
        vector_latency(n)
    if args.vectors:
        return
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
