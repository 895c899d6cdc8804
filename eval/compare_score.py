"""Score cross-article clusters and conflicts against corpora/compare/gold.json.

    python -m eval.compare_score

The 32 articles of corpora/compare/articles.jsonl are extracted and stored in a fresh SQLite store; `linking.compare.stored_clusters`
runs on it. A figure is named by its article id and its text. Cluster scores are pairwise:
a pair of figures in the same predicted cluster is a true positive when the gold puts them in the same cluster
(precision over predicted pairs, recall over gold pairs). Conflict scores are over pairs of figures flagged as
conflicting. Gold figures the pipeline did not extract count as misses.
"""
from __future__ import annotations

import json
import tempfile
from itertools import combinations
from pathlib import Path

import pipeline
from pipeline.linking.compare import SAME_CLAIM, stored_clusters
from pipeline.evaluation import PRF
from pipeline.linking.embed import shared
from pipeline.store import Store

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpora" / "compare"


def prf(predicted: set, gold: set) -> tuple[float, float, float]:
    """Precision, recall and F1 of predicted pairs against gold pairs."""
    counts = PRF(len(predicted & gold), len(predicted - gold), len(gold - predicted))
    return counts.precision, counts.recall, counts.f1


def pair(a, b) -> frozenset:
    return frozenset((tuple(a), tuple(b)))


def run(same_claim: float | None = None) -> dict[str, tuple[float, float, float]]:
    gold = json.loads((CORPUS / "gold.json").read_text("utf-8"))
    items = [json.loads(line) for line in (CORPUS / "articles.jsonl").read_text("utf-8").splitlines() if line.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(f"sqlite:///{tmp}/compare.db")
        store.add(pipeline.extract_many(items))
        clusters = stored_clusters(store, shared(), same_claim or SAME_CLAIM)
        store.close()
    predicted_same = {pair(a.ref, b.ref) for c in clusters for a, b in combinations(c.figures, 2)}
    predicted_conflicts = {pair(a.ref, b.ref) for c in clusters for a, b in c.conflicts}
    gold_same = {pair(a, b) for c in gold["clusters"] for a, b in combinations(c, 2)}
    gold_conflicts = {pair(a, b) for a, b in gold["conflicts"]}
    return {"clusters": prf(predicted_same, gold_same), "conflicts": prf(predicted_conflicts, gold_conflicts),
            "_detail": (predicted_same - gold_same, gold_same - predicted_same,
                        predicted_conflicts - gold_conflicts, gold_conflicts - predicted_conflicts)}


def main() -> None:
    scores = run()
    print("corpora/compare: 32 articles")
    for name in ("clusters", "conflicts"):
        p, r, f = scores[name]
        print(f"{name:<10} pairwise P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    extra_same, missed_same, extra_conf, missed_conf = scores["_detail"]
    for threshold in (0.55, 0.70, 0.75):
        other = run(threshold)
        print(f"  at similarity threshold {threshold:.2f}: clusters F1 {other['clusters'][2]:.3f}, "
              f"conflicts F1 {other['conflicts'][2]:.3f}")
    for label, pairs in (("extra same", extra_same), ("missed same", missed_same), ("extra conflict", extra_conf),
                         ("missed conflict", missed_conf)):
        for p in sorted(pairs, key=str):
            print(f"  - {label}: {sorted(p)}")


if __name__ == "__main__":
    main()
