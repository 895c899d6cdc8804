"""Candidate pairs kept in a real store (SQLite and PostgreSQL) with the packaged MiniLM: only new claims are
embedded and searched, a re-stored article's pairs are found again, and a read-only store is compared in memory."""
import json
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

import pipeline
from pipeline.linking import candidates
from pipeline.linking.compare import stored_clusters
from pipeline.linking.embed import shared
from pipeline.store import Store
from pipeline.store.tables import ClaimPairRow, ClaimVectorRow

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def results():
    lines = (ROOT / "corpora" / "compare" / "articles.jsonl").read_text("utf-8").splitlines()[:8]
    return list(pipeline.extract_many([json.loads(line) for line in lines]))


def counts(store) -> tuple[int, int]:
    with Session(store.engine) as session:
        return (session.scalar(select(func.count()).select_from(ClaimVectorRow)),
                session.scalar(select(func.count()).select_from(ClaimPairRow)))


def test_only_new_claims_are_embedded_and_their_pairs_kept(store_url, results):
    store = Store.open(store_url)
    store.add(results[:4])
    first = candidates.update(store, shared())
    vectors, pairs = counts(store)
    assert first == vectors == store.claims_count() and pairs > 0
    assert candidates.update(store, shared()) == 0 and counts(store) == (vectors, pairs)
    store.add(results[4:])
    assert candidates.update(store, shared()) == store.claims_count() - vectors
    assert all(store.claim_articles()[a] != store.claim_articles()[b] for a, b, _ in store.claim_pairs(0.0))


def test_a_stored_again_article_loses_its_old_pairs_and_finds_them_again(store_url, results):
    store = Store.open(store_url)
    store.add(results[:4])
    before = [sorted(f.ref for f in c.figures) for c in stored_clusters(store, shared())]
    store.add(results[:1], pipeline_version="99.0")  # replaced: new claim rows, their vectors and pairs gone
    assert counts(store)[0] == store.claims_count() - len(results[0].claims)
    after = [sorted(f.ref for f in c.figures) for c in stored_clusters(store, shared())]
    assert after == before and before


def test_a_read_only_store_is_compared_in_memory(tmp_path, results):
    url = f"sqlite:///{tmp_path / 'c.db'}"
    store = Store.open(url)
    store.add(results[:4])
    expected = [sorted(f.ref for f in c.figures) for c in stored_clusters(store, shared())]
    store.add(results[4:])  # stored but not yet compared
    store.close()
    read_only = Store(store.engine, url, read_only=True)
    found = [sorted(f.ref for f in c.figures) for c in stored_clusters(read_only, shared())]
    assert counts(read_only)[0] == sum(len(r.claims) for r in results[:4])  # nothing written
    assert all(c in found for c in expected) and len(found) >= len(expected)
