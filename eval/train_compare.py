"""Train the same-claim model of `newsclaims compare` (pipeline/linking/pairs.py) and write models/compare.json.

    python -m eval.train_compare [--dry-run]

Data (`--sets`, default news,heldout): corpora/compare-news, both halves (89 articles on 24 events; its test half
was scored once with the model trained on the dev half alone, before it became training data) and
corpora/compare-heldout (48 articles on 12 events; the test set of the second round, scored three times, training
data since 2026-12-06). corpora/compare-heldout2, the test set since then, is never read.
The articles are extracted and stored; the candidate pairs are found exactly as `compare` finds them
(`linking.candidates`); a pair is positive when the gold puts both figures in one cluster. A logistic regression
(scikit-learn, C=1) is fitted on the features of `linking.pairs`. The threshold and the probability a conflict's
own pair needs (`conflict_from`; its lowest value, `KEPT_FROM`, means any kept pair) are chosen by
leave-one-event-out cross-validation on the same articles (each event's pairs scored by a model trained on the
other events): those of `THRESHOLDS` and `CONFLICT_FROM` with the best mean of cluster F1 and conflict F1.
Printed: the cross-validated scores of each, and the weights.
"""
from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import tempfile

import numpy as np

import pipeline
from pipeline import resources
from pipeline.linking import candidates
from pipeline.linking.candidates import KEPT_FROM
from pipeline.linking.compare import clusters_of
from pipeline.linking.embed import shared
from pipeline.linking.pairs import FEATURES, features
from pipeline.store import Store

from . import compare_score

THRESHOLDS = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7)
CONFLICT_FROM = (0.05, 0.1, 0.2, 0.3)


def training_pairs(store: Store, gold: dict, texts: dict[str, str]):
    """The figures, the candidate pairs (positions), their features and their gold labels."""
    vectors, _ = candidates.embedded(store, shared(), write=True)
    figures = store.figures()
    pairs = sorted(candidates.candidate_pairs(candidates.Positions(figures), vectors, {f.quantity for f in figures}))
    x = [features(figures[i], figures[j], vectors.claim_similarity(figures[i].row, figures[j].row),
                  vectors.figure_similarity(figures[i].quantity, figures[j].quantity)) for i, j in pairs]
    spans = compare_score.figure_spans(gold, texts)
    same, _ = compare_score.gold_pairs(gold, set(texts))

    def node(f):
        return compare_score.node_of(spans, f.article_id, f.start, f.end, (f.article_id, f.text, f.start))

    y = [compare_score.pair(node(figures[i]), node(figures[j])) in same for i, j in pairs]
    return figures, pairs, np.array(x), np.array(y)


def fitted(x: np.ndarray, y: np.ndarray):
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=1.0, max_iter=5000).fit(x, y)


def cross_validated(x, y, events) -> np.ndarray:
    """Each pair's probability from a model trained on the other events' pairs."""
    p = np.zeros(len(y))
    for e in sorted(set(events)):
        held = events == e
        p[held] = fitted(x[~held], y[~held]).predict_proba(x[held])[:, 1]
    return p


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dry-run", action="store_true", help="print, do not write models/compare.json")
    parser.add_argument("--sets", default="news,heldout",
                        help="the sets trained on, comma-separated (eval.compare_score's names)")
    args = parser.parse_args()
    sets = args.sets.split(",")
    items, gold = compare_score.corpora(sets)
    texts = {d["id"]: d["text"] for d in items}
    event_of = {d["id"]: d["event"] for d in items}
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(f"sqlite:///{tmp}/train.db")
        store.add(pipeline.extract_many(items))
        figures, pairs, x, y = training_pairs(store, gold, texts)
        events = np.array([event_of[figures[i].article_id] for i, _ in pairs])
        p = cross_validated(x, y, events)
        print(f"{len(items)} articles, {len(figures)} figures, {len(pairs)} candidate pairs, {int(y.sum())} "
              f"positive; leave-one-event-out cross-validation over {len(set(events))} events:")
        best, best_score = (None, None), -1.0
        links = [(i, j, q) for (i, j), q in zip(pairs, p) if q >= KEPT_FROM]
        for t, c in itertools.product(THRESHOLDS, CONFLICT_FROM):
            s = compare_score.scored(clusters_of(figures, links, t, c), store, gold, texts)
            (cp, cr, cf), (kp, kr, kf) = s["clusters"], s["conflicts"]
            print(f"  threshold {t:.1f}, conflict_from {c:.2f}: clusters P {cp:.3f} R {cr:.3f} F1 {cf:.3f} | "
                  f"conflicts P {kp:.3f} R {kr:.3f} F1 {kf:.3f}")
            if (cf + kf) / 2 > best_score:
                best, best_score = (t, c), (cf + kf) / 2
        store.close()
    m = fitted(x, y)
    weights = {name: round(float(w), 4) for name, w in zip(FEATURES, m.coef_[0])}
    saved = dict(resources.packaged("compare"))
    version = hashlib.sha1(json.dumps([weights, best]).encode()).hexdigest()[:10]
    saved.update(weights=weights, intercept=round(float(m.intercept_[0]), 4), threshold=best[0],
                 conflict_from=best[1], version=version,
                 trained_on=f"{', '.join(map(compare_score.folder, sets))}: {len(pairs)} candidate pairs, "
                            f"{int(y.sum())} positive")
    print(f"threshold {best[0]}, conflict_from {best[1]}; weights {weights}, "
          f"intercept {saved['intercept']}")
    if not args.dry_run:
        path = resources.models_dir().joinpath("compare.json")
        path.write_text(json.dumps(saved, indent=1) + "\n", "utf-8")
        print(f"written to {path}")


if __name__ == "__main__":
    main()
