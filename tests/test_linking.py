"""Embeddings (the packaged all-MiniLM-L6-v2, loaded offline) and the vector index, on real text."""
import numpy as np
import pytest

from pipeline.linking import similarity
from pipeline.linking.compare import stored_clusters, stored_conflicts
from pipeline.linking.embed import Embedder, EmbeddingError, shared
from pipeline.linking.index import VectorIndex


def test_embeddings_are_unit_384_vectors_that_rank_paraphrases_first():
    e = shared()
    v = e.encode(["Just 4 percent of 106 mass shootings ended with the shooter being shot.",
                  "Only 4% of 106 active-shooter attacks ended when the gunman was shot.",
                  "The city will repair 150 bridges a year."])
    assert v.shape == (3, 384) and np.allclose(np.linalg.norm(v, axis=1), 1, atol=1e-5)
    assert v[0] @ v[1] > 0.7 > v[0] @ v[2]


def test_model_path_is_configurable_and_missing_models_are_clear(tmp_path):
    with pytest.raises(EmbeddingError, match="no model at"):
        Embedder(tmp_path)


@pytest.mark.parametrize("exact_below", [10, 10**6])
def test_index_exact_and_hnsw_find_the_same_neighbour(tmp_path, exact_below):
    rng = np.random.default_rng(0)
    vectors = rng.standard_normal((200, 16)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    index = VectorIndex.build([f"c{i}" for i in range(200)], vectors, exact_below=exact_below)
    assert index.kind == ("hnsw" if exact_below == 10 else "exact")
    index.save(tmp_path / "i.faiss")
    loaded = VectorIndex.load(tmp_path / "i.faiss")
    hits = loaded.search(vectors[[17]], 3)[0]
    assert hits[0][0] == "c17" and hits[0][1] == pytest.approx(1.0, abs=1e-4)


def test_store_similar_claims(tmp_path):
    import json
    from pathlib import Path

    import pipeline
    from pipeline.store import Store

    root = Path(__file__).resolve().parent.parent
    items = [json.loads(line) for line in (root / "corpora/samples/wire.jsonl").read_text("utf-8").splitlines()]
    store = Store.open(f"sqlite:///{tmp_path / 'c.db'}")
    store.add(pipeline.extract_many(items))
    hits = similarity.similar(store, "how many of the state's bridges are in bad shape", shared(), k=3)
    assert hits[0].claim_id == "wire-2024-0420-bridge#c1" and hits[0].similarity > 0.5
    assert similarity.index_path(store).exists()


def test_an_empty_store_has_no_clusters_and_no_similar_claims(tmp_path):
    from pipeline.store import Store

    store = Store.open(f"sqlite:///{tmp_path / 'empty.db'}")
    assert stored_clusters(store, shared()) == [] and stored_conflicts(store, shared()) == []
    assert similarity.similar(store, "anything", shared()) == []


def test_an_index_that_cannot_be_written_or_read_is_used_in_memory(tmp_path):
    import json
    from pathlib import Path

    import pipeline
    from pipeline.store import Store

    root = Path(__file__).resolve().parent.parent
    items = [json.loads(line) for line in (root / "corpora/samples/wire.jsonl").read_text("utf-8").splitlines()]
    store = Store.open(f"sqlite:///{tmp_path / 'c.db'}")
    store.add(pipeline.extract_many(items))
    query = "how many of the state's bridges are in bad shape"
    similarity.index_path(store).mkdir()  # a directory where the index file should go: faiss cannot write it
    with pytest.warns(UserWarning, match="cannot be saved .* used in memory"):
        hits = similarity.similar(store, query, shared(), k=3)
    assert hits[0].claim_id == "wire-2024-0420-bridge#c1"
    similarity.index_path(store).rmdir()
    similarity.index_path(store).write_bytes(b"not a faiss index")  # damaged: built again from the store
    assert similarity.similar(store, query, shared(), k=3)[0].claim_id == hits[0].claim_id


def test_the_similarity_index_reads_the_vectors_compare_kept(tmp_path):
    import json
    from pathlib import Path

    from sqlalchemy import update
    from sqlalchemy.orm import Session

    from pipeline.store.tables import ClaimVectorRow

    import pipeline
    from pipeline.linking import candidates
    from pipeline.store import Store

    root = Path(__file__).resolve().parent.parent
    items = [json.loads(line) for line in (root / "corpora/samples/wire.jsonl").read_text("utf-8").splitlines()]
    store = Store.open(f"sqlite:///{tmp_path / 'c.db'}")
    store.add(pipeline.extract_many(items))
    candidates.stored_pairs(store, shared(), 1.0)  # compare embeds and keeps every claim
    name = candidates.model_name(shared())
    assert store.claims_to_embed(name) == []
    one = store.vectors("claim", name)[1][0].tobytes()
    with Session(store.engine) as session, session.begin():  # every kept vector made the same: the index must show it
        session.execute(update(ClaimVectorRow).values(vector=one))
    index = similarity.reindex(store, shared())
    assert len(index.ids) == store.claims_count()
    hits = similarity.similar(store, "how many of the state's bridges are in bad shape", shared(), k=3)
    assert len({h.similarity for h in hits}) == 1
