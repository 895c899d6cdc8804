"""A vector index behind a small interface: FAISS, exact below a size threshold, HNSW above.

`VectorIndex.build(ids, vectors)`, `.search(queries, k)`, `.save(path)`, `VectorIndex.load(path)`. Vectors are
unit-length, so inner product is cosine similarity.
"""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np

EXACT_BELOW = 50_000
HNSW_M = 32
HNSW_EF_CONSTRUCTION = 100
HNSW_EF_SEARCH = 128


class VectorIndex:
    """Ids and their vectors, searchable by inner product."""

    def __init__(self, index, ids: list[str]):
        self.index = index
        self.ids = ids

    @classmethod
    def build(cls, ids: list[str], vectors: np.ndarray, exact_below: int = EXACT_BELOW) -> "VectorIndex":
        import faiss

        vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        dims = vectors.shape[1]
        if len(ids) < exact_below:
            index = faiss.IndexFlatIP(dims)
        else:
            index = faiss.IndexHNSWFlat(dims, HNSW_M, faiss.METRIC_INNER_PRODUCT)
            index.hnsw.efConstruction = HNSW_EF_CONSTRUCTION
            index.hnsw.efSearch = HNSW_EF_SEARCH
        index.add(vectors)
        return cls(index, list(ids))

    @property
    def kind(self) -> str:
        return "hnsw" if "HNSW" in type(self.index).__name__ else "exact"

    def search(self, queries: np.ndarray, k: int = 10) -> list[list[tuple[str, float]]]:
        """For each query, up to k (id, cosine similarity) pairs, best first."""
        if not self.ids:
            return [[] for _ in range(len(queries))]
        scores, positions = self.index.search(np.ascontiguousarray(queries, dtype=np.float32), min(k, len(self.ids)))
        return [[(self.ids[p], float(s)) for s, p in zip(row_s, row_p) if p >= 0]
                for row_s, row_p in zip(scores, positions)]

    def save(self, path: Path) -> None:
        import faiss

        path.parent.mkdir(parents=True, exist_ok=True)
        faiss.write_index(self.index, str(path))
        path.with_suffix(".ids.json").write_text(json.dumps(self.ids), "utf-8")

    @classmethod
    def load(cls, path: Path) -> "VectorIndex":
        import faiss

        return cls(faiss.read_index(str(path)), json.loads(path.with_suffix(".ids.json").read_text("utf-8")))
