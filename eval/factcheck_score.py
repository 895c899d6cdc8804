"""Claim retrieval on CLEF 2020 CheckThat! task 2 (English): dev tweet queries against all 10,375 verified claims.

    python -m eval.factcheck_score [CLEF_DIR] [--split dev]

Prints MAP@5 (the task's official measure), MRR and recall@5 for the hybrid matcher, and in the same run for
BM25 alone and the embedding alone; queries per second for each (all queries in one batch, and the hybrid one query
at a time, as `store.match` is called); and what the two thresholds do on the split.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np

from pipeline.factchecks import matching

from . import clef


def score(ranked: list[list[tuple[str, float]]], qids: list[str], data: clef.Split) -> dict[str, float]:
    ids = [[d for d, _ in hits] for hits in ranked]
    return {
        "MAP@5": float(np.mean([clef.average_precision(r, data.relevant[q]) for q, r in zip(qids, ids)])),
        "MRR": float(np.mean([clef.reciprocal_rank(r, data.relevant[q]) for q, r in zip(qids, ids)])),
        "R@5": float(np.mean([clef.recall(r, data.relevant[q]) for q, r in zip(qids, ids)])),
    }


def evaluate(root: Path = clef.DEFAULT, split: str = "dev") -> dict[str, dict[str, float]]:
    """Every method on one split; returns {method: {measure: value}} and prints the table."""
    m = clef.matcher(root)
    data = clef.split(split, root)
    qids = list(data.queries)
    texts = [data.queries[q] for q in qids]
    m.rank(texts[:2], k=5)  # warm up the model and the tokenizers before timing
    results: dict[str, dict[str, float]] = {}
    rankings = {}
    for method in ("bm25", "embedding", "hybrid"):
        t = time.perf_counter()
        ranked = m.rank(texts, k=5, method=method)
        elapsed = time.perf_counter() - t
        rankings[method] = ranked
        results[method] = {**score(ranked, qids, data), "qps_batch": len(texts) / elapsed}
    t = time.perf_counter()
    for text in texts[:50]:
        m.rank([text], k=5)
    results["hybrid"]["qps_single"] = 50 / (time.perf_counter() - t)

    print(f"CLEF 2020 task 2, {split}: {len(qids)} queries, {len(m)} verified claims")
    print(f"{'method':<10} {'MAP@5':>7} {'MRR':>7} {'R@5':>7} {'q/s batch':>10} {'q/s one':>8}")
    for method, r in results.items():
        print(f"{method:<10} {r['MAP@5']:7.3f} {r['MRR']:7.3f} {r['R@5']:7.3f} {r['qps_batch']:10.1f} "
              f"{r.get('qps_single', float('nan')):8.1f}")
    base = max(results["bm25"]["MAP@5"], results["embedding"]["MAP@5"])
    print(f"hybrid vs best single method: {results['hybrid']['MAP@5'] - base:+.3f} MAP@5")

    thresholds = matching.settings()["thresholds"]
    hybrid = rankings["hybrid"]
    linked = [(q, hits[0]) for q, hits in zip(qids, hybrid) if hits and matching.status(hits[0][1]) == "link"]
    right = sum(d in data.relevant[q] for q, (d, _) in linked)
    suggested = [(q, d) for q, hits in zip(qids, hybrid) for d, s in hits if matching.status(s) in ("link", "suggest")]
    found = sum(d in data.relevant[q] for q, hits in zip(qids, hybrid) for d, _ in hits)
    kept = sum(d in data.relevant[q] for q, d in suggested)
    print(f"thresholds (calibrated on dev): link >= {thresholds['link']}: {len(linked)}/{len(qids)} queries linked "
          f"automatically, {right} of them right ({right / max(1, len(linked)):.1%}); suggest >= "
          f"{thresholds['suggest']}: {len(suggested)} suggestions ({len(suggested) / len(qids):.1f} a query), "
          f"keeping {kept}/{found} relevant top-5 hits")
    position = {d: i for i, d in enumerate(m.ids)}
    orphans = m.candidates(texts, exclude=[{position[d] for d in data.relevant[q] if d in position} for q in qids])
    orphan_scores = [float(matching.score(rows).max()) for rows in orphans if rows]
    wrong_links = sum(matching.status(s) == "link" for s in orphan_scores)
    wrong_suggestions = sum(matching.status(s) != "weak" for s in orphan_scores)
    print(f"with each query's answer removed from the collection (a claim never fact-checked): {wrong_links}/"
          f"{len(qids)} would be linked to another fact-check, {wrong_suggestions} would get a suggestion")
    relevant = sorted((s for q, hits in zip(qids, hybrid) for d, s in hits if d in data.relevant[q]), reverse=True)
    print("suggestion threshold trade-off (relevant top-5 hits kept: threshold, suggestions a query, queries "
          "without an answer that get one):")
    for keep in (0.95, 0.90, 0.85, 0.80):
        t = relevant[int(np.ceil(keep * len(relevant))) - 1]
        n = sum(s >= t for hits in hybrid for _, s in hits)
        print(f"  keep {keep:.0%}: >= {t:.4f}, {n / len(qids):.2f} a query, {sum(s >= t for s in orphan_scores)}/{len(qids)}")
    results["thresholds"] = {"linked": len(linked), "link_precision": right / max(1, len(linked)),
                             "suggestions": len(suggested), "suggest_recall": kept / max(1, found),
                             "orphan_links": wrong_links, "orphan_suggestions": wrong_suggestions}
    return results


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("root", nargs="?", type=Path, default=clef.DEFAULT)
    parser.add_argument("--split", default="dev", choices=("dev", "train"))
    args = parser.parse_args()
    evaluate(args.root, args.split)
