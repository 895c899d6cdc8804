"""Train the fact-check ranker on CLEF 2020 task 2 train, calibrate its two thresholds on dev, and write both to
models/factcheck_ranker.json.

    python -m eval.factcheck_train [CLEF_DIR]

Training data: the 800 train tweet queries (../shared/data/clef2020-task2/train) against the 10,375 verified claims;
every candidate the matcher proposes (BM25 top 100 + embedding top 100) is an example, relevant or not; and the same
queries again with their relevant claims taken out of the collection (all candidates wrong), so that the score says
whether a fact-check matches, not only which candidate matches best. Model: a
logistic regression (scikit-learn) over `matching.FEATURES`, its
regularisation and class weighting chosen by 5-fold cross-validation on train (folds by query). Thresholds, on dev: `link` is the lowest score at
which the top match is right for at least 95% of the queries scoring that high or higher; `suggest` keeps 90% of
the relevant fact-checks that the top 5 find (`python -m eval.factcheck_score` prints the trade-off at other levels).
"""
from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import numpy as np

from pipeline import resources
from pipeline.factchecks import matching

from . import clef

LINK_PRECISION = 0.95
SUGGEST_RECALL = 0.90


def examples(m, data: clef.Split, orphans: bool = False):
    """Features, labels and query number of every candidate the matcher proposes for the split's queries; with
    `orphans`, as if each query's relevant fact-checks had never been stored (every candidate is then wrong)."""
    X, y, group = [], [], []
    qids = list(data.queries)
    position = {d: i for i, d in enumerate(m.ids)}
    exclude = [{position[d] for d in data.relevant[q] if d in position} for q in qids] if orphans else None
    for n, (qid, rows) in enumerate(zip(qids, m.candidates([data.queries[q] for q in qids], exclude=exclude))):
        for r in rows:
            X.append(r.features)
            y.append(m.ids[r.index] in data.relevant[qid])
            group.append(n)
    return np.array(X), np.array(y), np.array(group)


def grouped_map(scores: np.ndarray, y: np.ndarray, group: np.ndarray) -> float:
    """MAP@5 of ranking each query's candidates by score (relevant candidates outside the pool count as missed)."""
    out = []
    for g in np.unique(group):
        at = np.flatnonzero(group == g)
        order = at[np.argsort(-scores[at], kind="stable")]
        out.append(clef.average_precision([str(i) for i in order], {str(i) for i in at[y[at]]}) if y[at].any() else 0.0)
    return float(np.mean(out))


def choose(X: np.ndarray, y: np.ndarray, group: np.ndarray) -> tuple[dict, float]:
    """Regularisation and class weighting chosen by 5-fold cross-validation on train, folds by query."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    best = ({}, -1.0)
    for params in ({"C": c, "class_weight": w} for c in (0.1, 1.0, 10.0) for w in (None, "balanced")):
        folds = []
        for fit, held in GroupKFold(n_splits=5).split(X, y, group):
            model = LogisticRegression(max_iter=5000, **params).fit(X[fit], y[fit])
            folds.append(grouped_map(model.decision_function(X[held]), y[held], group[held]))
        print(f"cv {params}: MAP@5 {np.mean(folds):.4f}")
        if np.mean(folds) > best[1]:
            best = (params, float(np.mean(folds)))
    return best


def link_threshold(top: list[tuple[float, bool]], precision: float = LINK_PRECISION) -> float:
    """The lowest score t such that, for every threshold >= t, the top matches scoring that high are right at least
    `precision` of the time."""
    top = sorted(top, reverse=True)
    best, right = 1.0, 0
    for n, (score, ok) in enumerate(top, 1):
        right += ok
        if right / n >= precision:
            best = score
        else:
            break
    return best


def suggest_threshold(relevant_scores: list[float], keep: float = SUGGEST_RECALL) -> float:
    """The score that keeps `keep` of the relevant fact-checks found in the top 5."""
    ordered = sorted(relevant_scores, reverse=True)
    return ordered[max(0, int(np.ceil(keep * len(ordered))) - 1)] if ordered else 0.5


def main(root: Path = clef.DEFAULT) -> None:
    from sklearn.linear_model import LogisticRegression

    m = clef.matcher(root)
    train = clef.split("train", root)
    X, y, group = examples(m, train)
    params, cv_map = choose(X, y, group)
    # the same queries again with their answers taken out: a claim nobody has fact-checked still has a best
    # candidate, ranked first by both retrievers; these teach the model that being first is not being right
    X_orphan, y_orphan, _ = examples(m, train, orphans=True)
    X, y = np.vstack([X, X_orphan]), np.concatenate([y, y_orphan])
    ranker = LogisticRegression(max_iter=5000, **params).fit(X, y)
    pair_columns = [matching.FEATURES.index(f) for f in matching.PAIR_FEATURES]
    pair = LogisticRegression(C=1.0, max_iter=5000).fit(X[:, pair_columns], y)
    path = Path(__file__).resolve().parent.parent / "models" / "factcheck_ranker.json"  # the checkout's models/
    current = json.loads(path.read_text("utf-8"))
    current.update({
        "ranker": {
            "weights": {f: round(float(w), 6) for f, w in zip(matching.FEATURES, ranker.coef_[0])},
            # balanced class weights shift every logit by log(negatives / positives); taking that off the
            # intercept leaves the ranking as it is and makes the output an estimate of a probability again
            "intercept": round(float(ranker.intercept_[0]) - (float(np.log((~y).sum() / y.sum()))
                                                               if params["class_weight"] == "balanced" else 0.0), 6)},
        "pair": {"weights": {f: round(float(w), 6) for f, w in zip(matching.PAIR_FEATURES, pair.coef_[0])},
                 "intercept": round(float(pair.intercept_[0]), 6)},
        "trained": {"data": "CLEF 2020 CheckThat! task 2 English, train split, each query twice: against all "
                            "verified claims and with its relevant ones removed", "queries": len(train.queries),
                    "examples": int(len(y)), "positives": int(y.sum()), "ranker": f"LogisticRegression({params})", "ranker_cv_map5": round(cv_map, 4),
                    "pair": "LogisticRegression(C=1)",
                    "date": date.today().isoformat()},
    })
    path.write_text(json.dumps(current, indent=1) + "\n", "utf-8")
    resources.packaged.cache_clear()

    dev = clef.split("dev", root)
    qids = list(dev.queries)
    ranked = m.rank([dev.queries[q] for q in qids], k=5)
    top = [(hits[0][1], hits[0][0] in dev.relevant[q]) for q, hits in zip(qids, ranked) if hits]
    found = [s for q, hits in zip(qids, ranked) for i, s in hits if i in dev.relevant[q]]
    current["thresholds"] = {
        # rounded outwards, so that what was calibrated still holds: link up, suggest down
        "link": float(np.ceil(link_threshold(top) * 1e4) / 1e4),
        "suggest": float(np.floor(suggest_threshold(found) * 1e4) / 1e4),
        "calibrated": f"CLEF 2020 task 2 dev ({len(qids)} queries): link = top match right >= {LINK_PRECISION:.0%} "
                      f"of the time at or above it; suggest keeps {SUGGEST_RECALL:.0%} of relevant top-5 hits"}
    path.write_text(json.dumps(current, indent=1) + "\n", "utf-8")
    print(json.dumps({k: current[k] for k in ("ranker", "pair", "trained", "thresholds")}, indent=1))


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else clef.DEFAULT)
