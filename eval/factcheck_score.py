"""Claim retrieval on CLEF 2020 CheckThat! task 2 (English): dev tweet queries against all 10,375 verified claims.

    python -m eval.factcheck_score [CLEF_DIR] [--split dev]

Prints MAP@5 (the task's official measure), MRR and recall@5 for the hybrid matcher, and in the same run for
BM25 alone and the embedding alone; queries per second for each (all queries in one batch, and the hybrid one query
at a time, as `factchecks match` calls `matching.match_many`); and what the two thresholds do on the split.

With each figure its sampling noise over the queries it rests on: for MAP@5 the standard error of the mean of the
per-query AP@5 (and, as a check, a bootstrap over queries), for differences between methods the standard error of
the per-query differences (paired: the same queries), for proportions (link precision, suggest recall, wrong links
of unchecked claims) the binomial standard error over the cases counted. Link precision is given by the qrels and
counting a link to another stored copy of the relevant claim as right (`clef.copies`), which is what the link
threshold is calibrated for.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np

from pipeline.factchecks import matching

from . import clef


def per_query_ap(ranked: list[list[tuple[str, float]]], qids: list[str], data: clef.Split) -> np.ndarray:
    return np.array([clef.average_precision([d for d, _ in hits], data.relevant[q]) for q, hits in zip(qids, ranked)])


def score(ranked: list[list[tuple[str, float]]], qids: list[str], data: clef.Split) -> dict[str, float]:
    ids = [[d for d, _ in hits] for hits in ranked]
    ap = per_query_ap(ranked, qids, data)
    return {
        "MAP@5": float(np.mean(ap)),
        "MRR": float(np.mean([clef.reciprocal_rank(r, data.relevant[q]) for q, r in zip(qids, ids)])),
        "R@5": float(np.mean([clef.recall(r, data.relevant[q]) for q, r in zip(qids, ids)])),
        "MAP@5_se": clef.mean_se(ap), "MAP@5_bootstrap_se": clef.bootstrap_se(ap), "n": len(qids),
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
    print(f"noise over the {len(qids)} queries: MAP@5 standard error (per-query AP@5; bootstrap over queries) "
          + ", ".join(f"{method} {r['MAP@5_se']:.3f} ({r['MAP@5_bootstrap_se']:.3f})" for method, r in results.items()))
    ap = {method: per_query_ap(ranked, qids, data) for method, ranked in rankings.items()}
    results["differences"] = {}
    for a, b in (("hybrid", "embedding"), ("embedding", "bm25"), ("hybrid", "bm25")):
        diff = ap[a] - ap[b]
        results["differences"][f"{a}-{b}"] = {"MAP@5": float(diff.mean()), "se": clef.mean_se(diff),
                                              "better": int((diff > 0).sum()), "worse": int((diff < 0).sum())}
    print("MAP@5 differences (paired over the same queries: mean difference ± standard error; queries better/worse): "
          + ", ".join(f"{k} {d['MAP@5']:+.3f} ± {d['se']:.3f} ({d['MAP@5'] / d['se']:.1f} SE; "
                      f"{d['better']}/{d['worse']})" for k, d in results["differences"].items()))

    thresholds = matching.settings()["thresholds"]
    stored = clef.copies(root)
    answers = {q: clef.with_copies(data.relevant[q], stored) for q in qids}
    hybrid = rankings["hybrid"]
    linked = [(q, hits[0]) for q, hits in zip(qids, hybrid) if hits and matching.status(hits[0][1]) == "link"]
    right = sum(d in data.relevant[q] for q, (d, _) in linked)
    right_or_copy = sum(d in answers[q] for q, (d, _) in linked)
    suggested = [(q, d) for q, hits in zip(qids, hybrid) for d, s in hits if matching.status(s) in ("link", "suggest")]
    found = sum(d in data.relevant[q] for q, hits in zip(qids, hybrid) for d, _ in hits)
    kept = sum(d in data.relevant[q] for q, d in suggested)
    print(f"thresholds ({thresholds['calibrated'].split(':')[0]}; see models/factcheck_ranker.json):")
    print(f"  link >= {thresholds['link']}: {len(linked)}/{len(qids)} queries linked automatically, {right_or_copy} of "
          f"them right counting another stored copy of the relevant claim ({right_or_copy / max(1, len(linked)):.1%} "
          f"± {clef.binomial_se(right_or_copy, len(linked)):.1%}), {right} by the qrels alone "
          f"({right / max(1, len(linked)):.1%} ± {clef.binomial_se(right, len(linked)):.1%})")
    print(f"  suggest >= {thresholds['suggest']}: {len(suggested)} suggestions ({len(suggested) / len(qids):.1f} a "
          f"query), keeping {kept}/{found} relevant top-5 hits ({kept / max(1, found):.1%} ± "
          f"{clef.binomial_se(kept, found):.1%})")
    position = {d: i for i, d in enumerate(m.ids)}
    orphans = m.candidates(texts, exclude=[{position[d] for d in answers[q] if d in position} for q in qids])
    orphan_scores = [float(matching.score(rows).max()) for rows in orphans if rows]
    wrong_links = sum(matching.status(s) == "link" for s in orphan_scores)
    wrong_suggestions = sum(matching.status(s) != "weak" for s in orphan_scores)
    print(f"with each query's fact-check (every stored copy) removed from the collection (a claim never fact-checked): "
          f"{wrong_links}/{len(qids)} would be linked to another fact-check "
          f"({wrong_links / len(qids):.1%} ± {clef.binomial_se(wrong_links, len(qids)):.1%}), {wrong_suggestions} "
          f"would get a suggestion")
    relevant = sorted((s for q, hits in zip(qids, hybrid) for d, s in hits if d in data.relevant[q]), reverse=True)
    print("suggestion threshold trade-off (relevant top-5 hits kept: threshold, suggestions a query, queries "
          "without an answer that get one):")
    for keep in (0.95, 0.90, 0.85, 0.80):
        t = relevant[int(np.ceil(keep * len(relevant))) - 1]
        n = sum(s >= t for hits in hybrid for _, s in hits)
        print(f"  keep {keep:.0%}: >= {t:.4f}, {n / len(qids):.2f} a query, {sum(s >= t for s in orphan_scores)}/{len(qids)}")
    results["thresholds"] = {
        "queries": len(qids), "linked": len(linked), "link_right": right, "link_right_or_copy": right_or_copy,
        "link_precision": right / max(1, len(linked)), "link_precision_se": clef.binomial_se(right, len(linked)),
        "link_precision_with_copies": right_or_copy / max(1, len(linked)),
        "link_precision_with_copies_se": clef.binomial_se(right_or_copy, len(linked)),
        "suggestions": len(suggested), "relevant_found": found, "suggest_kept": kept,
        "suggest_recall": kept / max(1, found), "suggest_recall_se": clef.binomial_se(kept, found),
        "orphan_links": wrong_links, "orphan_links_se": clef.binomial_se(wrong_links, len(qids)),
        "orphan_suggestions": wrong_suggestions}
    return results


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("root", nargs="?", type=Path, default=clef.DEFAULT)
    parser.add_argument("--split", default="dev", choices=("dev", "train"))
    args = parser.parse_args()
    evaluate(args.root, args.split)
