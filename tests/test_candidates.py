"""Candidate pairs kept in a real store (SQLite and PostgreSQL) with the packaged MiniLM: only new figures are
embedded and searched, a re-stored article's pairs are found again, a new same-claim model scores every pair again,
and a read-only store is compared in memory."""
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
from pipeline.store.tables import ClaimVectorRow, FigurePairRow, FigureVectorRow

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def results():
    lines = (ROOT / "corpora" / "compare" / "articles.jsonl").read_text("utf-8").splitlines()[:8]
    return list(pipeline.extract_many([json.loads(line) for line in lines]))


def counts(store) -> tuple[int, int, int]:
    with Session(store.engine) as session:
        return tuple(session.scalar(select(func.count()).select_from(t))
                     for t in (ClaimVectorRow, FigureVectorRow, FigurePairRow))


def groups(clusters) -> list[list]:
    return sorted(sorted(f.ref for f in c.figures) for c in clusters)


def test_only_new_figures_are_embedded_and_their_pairs_kept(store_url, results):
    store = Store.open(store_url)
    store.add(results[:4])
    figures, pairs = candidates.stored_pairs(store, shared(), 0.0)
    claims, vectors, kept = counts(store)
    assert claims == store.claims_count() and vectors == len(figures) and kept == len(pairs) > 0
    assert all(a < b for a, b, _ in pairs)
    name = f"{candidates.model_name(shared())}+{candidates.model()['version']}"
    assert store.figures_to_embed(name) == [] and counts(store) == (claims, vectors, kept)
    store.add(results[4:])
    assert len(store.figures_to_embed(name)) == len(store.figures()) - vectors
    candidates.stored_pairs(store, shared(), 0.0)
    assert store.figures_to_embed(name) == [] and counts(store)[2] > kept


def test_a_stored_again_article_loses_its_old_pairs_and_finds_them_again(store_url, results):
    store = Store.open(store_url)
    store.add(results[:4])
    before = groups(stored_clusters(store, shared()))
    store.add(results[:1], pipeline_version="99.0")  # replaced: new rows; its vectors and pairs are gone
    assert counts(store)[1] == len(store.figures()) - sum(len(c.quantities) for c in results[0].claims)
    assert groups(stored_clusters(store, shared())) == before and before


def test_vectors_kept_under_another_model_are_dropped_with_every_pair(store_url, results):
    store = Store.open(store_url)
    store.add(results[:4])
    candidates.stored_pairs(store, shared(), 0.0)
    assert len(store.figures_to_embed("another+model")) == len(store.figures())
    assert counts(store)[1:] == (0, 0)


def test_a_read_only_store_is_compared_in_memory(tmp_path, results):
    url = f"sqlite:///{tmp_path / 'c.db'}"
    store = Store.open(url)
    store.add(results)
    expected = groups(stored_clusters(store, shared()))
    store.close()
    fresh = Store.open(f"sqlite:///{tmp_path / 'd.db'}")
    fresh.add(results[:4])
    candidates.stored_pairs(fresh, shared(), 0.0)
    fresh.add(results[4:])  # stored but not yet compared
    kept = counts(fresh)
    read_only = Store(fresh.engine, fresh.url, read_only=True)
    assert groups(stored_clusters(read_only, shared())) == expected and expected
    assert counts(read_only) == kept  # nothing written


def test_articles_stored_before_measures_were_kept_are_measured_and_compared(tmp_path, results):
    from sqlalchemy import update

    from pipeline.store.tables import QuantityRow

    store = Store.open(f"sqlite:///{tmp_path / 'new.db'}")
    store.add(results[:4])
    expected = groups(stored_clusters(store, shared()))
    earlier = Store.open(f"sqlite:///{tmp_path / 'earlier.db'}")
    earlier.add(results[:4])
    with Session(earlier.engine) as session, session.begin():  # as a store upgraded from schema 0003 holds them
        session.execute(update(QuantityRow).values(context=None, subject=None, years=None, body=None,
                                                   scope_place=None))
    assert groups(stored_clusters(earlier, shared())) == expected and expected
    assert earlier.measure_earlier_articles() == 0


def test_a_vector_or_pair_kept_twice_is_kept_once(store_url, results):
    store = Store.open(store_url)
    store.add(results[:2])
    figures, pairs = candidates.stored_pairs(store, shared(), 0.0)
    name = f"{candidates.model_name(shared())}+{candidates.model()['version']}"
    ids, vectors = store.vectors("figure", name)
    store.add_vectors("figure", name, ids, vectors)  # as a second compare running at once would
    store.add_figure_pairs({(a, b): p for a, b, p in pairs}, candidates.model()["version"])
    assert pairs and counts(store)[1:] == (len(figures), len(pairs))
