"""Stored claims nearest in meaning to a query: a service over the store's claims and the claim vector index."""
from __future__ import annotations

import hashlib
import warnings
from pathlib import Path

import numpy as np

from ..store.records import SimilarClaim
from .index import VectorIndex


def index_path(store) -> Path:
    """Where the claim vector index of `store` is kept: beside a SQLite file, else under .newsclaims/."""
    url = store.url
    if url.startswith("sqlite:///") and not url.startswith("sqlite:///file:") and ":memory:" not in url:
        return Path(url[len("sqlite:///"):]).with_suffix(".faiss")
    return Path(".newsclaims") / f"{hashlib.sha1(store.safe_url.encode()).hexdigest()[:12]}.faiss"


def claim_vectors(store, embedder, claims: dict[int, tuple[str, str]]) -> np.ndarray:
    """The vectors of `claims` (by row id, in order): those `compare` kept in the store, the others embedded here
    (and kept, where the store can be written)."""
    from .candidates import model_name

    name = model_name(embedder)
    missing = [i for i, _ in store.claims_to_embed(name) if i in claims]  # drops other models' vectors first
    row = dict(zip(*store.vectors("claim", name)))
    fresh = embedder.encode([claims[i][1] for i in missing])
    if missing and not store.read_only:
        store.add_vectors("claim", name, missing, fresh)
    row.update(zip(missing, fresh))
    return np.stack([row[i] for i in claims]) if claims else np.zeros((0, embedder.dimensions), np.float32)


def reindex(store, embedder) -> VectorIndex:
    """Build the vector index of the claims of `store` from their kept vectors, embedding with `embedder` those that
    have none (exact below 50,000 claims, HNSW above); saved beside the store, or used in memory (a warning) where
    it cannot be saved."""
    claims = store.claim_texts()
    index = VectorIndex.build([claim_id for claim_id, _ in claims.values()], claim_vectors(store, embedder, claims))
    try:
        index.save(index_path(store))
    except (OSError, RuntimeError) as e:  # faiss raises RuntimeError for a file it cannot write
        warnings.warn(f"the claim index cannot be saved to {index_path(store)} ({str(e).splitlines()[0]}); "
                      "it is used in memory and built again next time", stacklevel=2)
    return index


def current_index(store, embedder) -> VectorIndex:
    """The saved index of `store`, or a new one where it is missing, damaged or out of date."""
    path = index_path(store)
    try:
        index = VectorIndex.load(path) if path.is_file() else None
    except (OSError, RuntimeError, ValueError):  # unreadable or damaged: built again from the store
        index = None
    if index is None or len(index.ids) != store.claims_count():
        index = reindex(store, embedder)
    return index


def similar(store, query: str, embedder, k: int = 10) -> list[SimilarClaim]:
    """The k stored claims nearest in meaning to `query`, each with its cosine similarity."""
    hits = current_index(store, embedder).search(embedder.encode([query]), k)[0]
    if not hits:
        return []
    articles = sorted({i.split("#", 1)[0] for i, _ in hits})
    by_id = {c.claim_id: c for c in store.claims(article_ids=articles, limit=10**9)}
    return [SimilarClaim(**vars(by_id[i]), similarity=round(score, 4)) for i, score in hits if i in by_id]
