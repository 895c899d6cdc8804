"""Train the fact-check ranker on CLEF 2020 task 2 train, calibrate its two thresholds on out-of-fold scores of the
same train split (dev is never read), and write both to factcheck_ranker.json in --out (default: the checkout's
models/, where the package reads it).

    python -m eval.factcheck_train [CLEF_DIR] [--out DIR]

Training data: the 800 train tweet queries (../shared/data/clef2020-task2/train) against the 10,375 verified claims;
every candidate the matcher proposes (BM25 top 100 + embedding top 100) is an example, relevant or not; and the same
queries again with their relevant claims taken out of the collection (all candidates wrong), so that the score says
whether a fact-check matches, not only which candidate matches best. Model: a
logistic regression (scikit-learn) over `matching.FEATURES`, its
regularisation and class weighting chosen by 5-fold cross-validation on train (folds by query).

Thresholds, on train out of fold: the same 5 folds by query; each query's candidates scored by a ranker and a pair
model fitted exactly as the shipped ones but without that query's fold. `link` is the lowest score at which the top
match is right for at least 95% of the cases scoring that high or higher (at every threshold above it too), the
cases being each train query twice: against all verified claims, and with its fact-check (every stored copy of it)
taken out, a claim nobody has checked. "Right" is the relevant claim or another stored copy of it
(`clef.copies`: 184 claims are stored two or three times, differing in quote marks; the qrels mark one copy, the
matcher cannot tell them apart). `suggest` keeps 90% of the relevant fact-checks that the top 5 find. Dev stays
a held-out measurement (`python -m eval.factcheck_score` prints what the thresholds do there, and the trade-off at
other levels).
"""
from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path

import numpy as np

from pipeline import resources
from pipeline.factchecks import matching

from . import clef

LINK_PRECISION = 0.95
SUGGEST_RECALL = 0.90
# the share of matched claims that have their fact-check stored, for which `link` promises LINK_PRECISION: one in
# ten (each train query counted once with and, weighted nine times, once without its fact-check). Most claims in the
# news have never been fact-checked, and a wrong automatic link costs a fact-checker more than a suggestion left for
# review, so the share is set low. Fewer checked claims means a higher link threshold, set by the few best-scoring
# unchecked claims: on 800 train queries a share of 0.1 moves it between about 0.62 and 0.87 (5-95%) when the queries
# are resampled, 0.5 (equal numbers, as the models are trained) between about 0.35 and 0.51
CHECKED_SHARE = 0.1


def examples(m, data: clef.Split, orphans: bool = False, stored: dict[str, frozenset[str]] | None = None):
    """Features, labels (relevant by the qrels) and query number of every candidate the matcher proposes for the
    split's queries, and whether each is a relevant claim or a stored copy of one (by `stored`, `clef.copies()`;
    the labels when not given). With `orphans`, as if each query's relevant fact-checks (and, given `stored`, every
    copy of them) had never been stored."""
    X, y, same, group = [], [], [], []
    qids = list(data.queries)
    position = {d: i for i, d in enumerate(m.ids)}
    answers = {q: clef.with_copies(data.relevant[q], stored or {}) for q in qids}
    removed = answers if stored is not None else data.relevant
    exclude = [{position[d] for d in removed[q] if d in position} for q in qids] if orphans else None
    for n, (qid, rows) in enumerate(zip(qids, m.candidates([data.queries[q] for q in qids], exclude=exclude))):
        for r in rows:
            X.append(r.features)
            y.append(m.ids[r.index] in data.relevant[qid])
            same.append(m.ids[r.index] in answers[qid])
            group.append(n)
    return np.array(X), np.array(y), np.array(group), np.array(same)


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


def fit(X: np.ndarray, y: np.ndarray, params: dict) -> dict:
    """The ranker (on all features, with `params`) and the pair model (on PAIR_FEATURES, C=1), as stored in
    models/factcheck_ranker.json."""
    from sklearn.linear_model import LogisticRegression

    ranker = LogisticRegression(max_iter=5000, **params).fit(X, y)
    pair_columns = [matching.FEATURES.index(f) for f in matching.PAIR_FEATURES]
    pair = LogisticRegression(C=1.0, max_iter=5000).fit(X[:, pair_columns], y)
    return {
        "ranker": {
            "weights": {f: round(float(w), 6) for f, w in zip(matching.FEATURES, ranker.coef_[0])},
            # balanced class weights shift every logit by log(negatives / positives); taking that off the
            # intercept leaves the ranking as it is and makes the output an estimate of a probability again
            "intercept": round(float(ranker.intercept_[0]) - (float(np.log((~y).sum() / y.sum()))
                                                               if params.get("class_weight") == "balanced" else 0.0), 6)},
        "pair": {"weights": {f: round(float(w), 6) for f, w in zip(matching.PAIR_FEATURES, pair.coef_[0])},
                 "intercept": round(float(pair.intercept_[0]), 6)}}


def combined(models: dict, X: np.ndarray) -> np.ndarray:
    """The match score (`matching.score`) of feature rows X under `models` ({"ranker", "pair"}, as `fit` returns)."""
    with resources.using({"factcheck_ranker": {**resources.packaged("factcheck_ranker"), **models}}):
        return matching.score([matching.Candidate(0, list(x)) for x in X])


def out_of_fold(params: dict, fitted: list[tuple], scored: list[tuple], folds: int = 5) -> list[np.ndarray]:
    """Each candidate of `scored` [(X, group)] scored by models fitted (`fit`, on all the `fitted` [(X, y, group)]
    arrays stacked, as `main` fits the shipped ones) without its query: folds by query, the folds `choose` uses."""
    from sklearn.model_selection import GroupKFold

    X, y, group = fitted[0]
    out = [np.zeros(len(g)) for _, g in scored]
    for _, held_at in GroupKFold(n_splits=folds).split(X, y, group):
        held = np.unique(group[held_at])
        keep = [~np.isin(g, held) for _, _, g in fitted]
        models = fit(np.vstack([f[0][k] for f, k in zip(fitted, keep)]),
                     np.concatenate([f[1][k] for f, k in zip(fitted, keep)]), params)
        for o, (Xs, gs) in zip(out, scored):
            at = np.isin(gs, held)
            o[at] = combined(models, Xs[at])
    return out


def top_matches(scores: np.ndarray, right: np.ndarray, group: np.ndarray) -> list[tuple[float, bool]]:
    """Each query's best-scoring candidate: (score, right), ties broken as `Matcher.rank` breaks them."""
    out = []
    for g in np.unique(group):
        at = np.flatnonzero(group == g)
        best = at[np.argsort(-scores[at], kind="stable")[0]]
        out.append((float(scores[best]), bool(right[best])))
    return out


def found_scores(scores: np.ndarray, y: np.ndarray, group: np.ndarray, k: int = 5) -> list[float]:
    """The scores of the relevant candidates among each query's k best."""
    out = []
    for g in np.unique(group):
        at = np.flatnonzero(group == g)
        out += [float(scores[i]) for i in at[np.argsort(-scores[at], kind="stable")[:k]] if y[i]]
    return out


def link_threshold(top: list[tuple], precision: float = LINK_PRECISION) -> float:
    """The lowest score t such that, for every threshold >= t, the top matches scoring that high are right at least
    `precision` of the time. `top`: (score, right) or (score, right, weight) for each case."""
    top = sorted(top, reverse=True)
    best, right, n = 1.0, 0.0, 0.0
    for case in top:
        score, ok, weight = (*case, 1.0)[:3]
        right += weight * ok
        n += weight
        if right / n >= precision:
            best = score
        else:
            break
    return best


def suggest_threshold(relevant_scores: list[float], keep: float = SUGGEST_RECALL) -> float:
    """The score that keeps `keep` of the relevant fact-checks found in the top 5."""
    ordered = sorted(relevant_scores, reverse=True)
    return ordered[max(0, int(np.ceil(keep * len(ordered))) - 1)] if ordered else 0.5


CHECKOUT_MODELS = Path(__file__).resolve().parent.parent / "models"


def main(root: Path = clef.DEFAULT, out: Path = CHECKOUT_MODELS) -> None:
    m = clef.matcher(root)
    train = clef.split("train", root)
    stored = clef.copies(root)
    X, y, group, same = examples(m, train, stored=stored)
    params, cv_map = choose(X, y, group)
    # the same queries again with their answers taken out: a claim nobody has fact-checked still has a best
    # candidate, ranked first by both retrievers; these teach the model that being first is not being right
    X_orphan, y_orphan, group_orphan, _ = examples(m, train, orphans=True)
    X_all, y_all = np.vstack([X, X_orphan]), np.concatenate([y, y_orphan])
    models = fit(X_all, y_all, params)
    path = out / "factcheck_ranker.json"
    current = dict(resources.load("factcheck_ranker"))  # what is not trained here (features, notes) is kept
    current.update({
        **models,
        "trained": {"data": "CLEF 2020 CheckThat! task 2 English, train split, each query twice: against all "
                            "verified claims and with its relevant ones removed", "queries": len(train.queries),
                    "examples": int(len(y_all)), "positives": int(y_all.sum()), "ranker": f"LogisticRegression({params})", "ranker_cv_map5": round(cv_map, 4),
                    "pair": "LogisticRegression(C=1)",
                    "date": date.today().isoformat()},
    })
    path.write_text(json.dumps(current, indent=1) + "\n", "utf-8")
    resources.packaged.cache_clear()

    # thresholds on out-of-fold scores of train: each query scored by models that never saw it; the cases are each
    # query against all claims and with every stored copy of its answer taken out (a claim nobody has checked)
    X_none, _, group_none, same_none = examples(m, train, orphans=True, stored=stored)
    held, held_none = out_of_fold(params, [(X, y, group), (X_orphan, y_orphan, group_orphan)],
                                  [(X, group), (X_none, group_none)])
    answered, unanswered = top_matches(held, same, group), top_matches(held_none, same_none, group_none)
    found = found_scores(held, y, group)
    # rounded outwards, so that what was calibrated still holds: link up, suggest down
    weight = (1 - CHECKED_SHARE) / CHECKED_SHARE  # of a case without a fact-check stored, against one with
    link = float(np.ceil(link_threshold(answered + [(s, ok, weight) for s, ok in unanswered]) * 1e4) / 1e4)
    suggest = float(np.floor(suggest_threshold(found) * 1e4) / 1e4)
    linked = [ok for s, ok in answered if s >= link]
    linked_none = [ok for s, ok in unanswered if s >= link]
    right = sum(linked) + sum(linked_none)
    kept = sum(s >= suggest for s in found)
    n = len(train.queries)
    mix = ("in equal numbers" if CHECKED_SHARE == 0.5 else
           f"weighted as if {CHECKED_SHARE:.0%} of claims had their fact-check stored")
    current["thresholds"] = {
        "link": link,
        "suggest": suggest,
        "calibrated": f"CLEF 2020 task 2 train, out of fold (5 folds by query, each query scored by models fitted "
                      f"without its fold; dev not used): link = lowest score at which the top match is right >= "
                      f"{LINK_PRECISION:.0%} of the time at every threshold above it, over {2 * n} cases {mix} (the "
                      f"{n} train queries against all verified claims, and again with their fact-check, every stored "
                      f"copy, removed), right = the relevant claim or another stored copy of it: "
                      f"{len(linked) + len(linked_none)} linked ({len(linked)} of {n} with a fact-check stored, "
                      f"{sum(linked)} right; {len(linked_none)} of {n} without, {sum(linked_none)} right), "
                      f"{right} right ({right / max(1, len(linked) + len(linked_none)):.1%}); "
                      f"suggest keeps {SUGGEST_RECALL:.0%} of the relevant claims the top 5 find ({kept} of "
                      f"{len(found)} in {n} queries)"}
    path.write_text(json.dumps(current, indent=1) + "\n", "utf-8")
    resources.packaged.cache_clear()

    # what the rule gives on other assumptions (all on train, out of fold): the qrels alone (a link to another copy
    # of the answer counted wrong), only queries with a fact-check stored, other shares of checked claims
    strict_top = top_matches(held, y, group)
    t = link_threshold(strict_top)
    print(f"link rule, qrels only (copies wrong), queries with a fact-check stored only: {t:.4f} "
          f"({sum(s >= t for s, _ in strict_top)} of {n} linked); best precision over the top 20 or more: "
          f"{max(np.cumsum([ok for _, ok in sorted(strict_top, reverse=True)])[19:] / np.arange(20, n + 1)):.3f}")
    t = link_threshold(answered)
    print(f"link rule, copies right, queries with a fact-check stored only: {t:.4f} "
          f"({sum(s >= t for s, _ in answered)} of {n} linked; {sum(s >= t for s, _ in unanswered)} of {n} "
          f"without a fact-check would be)")
    rng = np.random.default_rng(0)
    for share in (0.5, 0.25, 0.1):
        w = (1 - share) / share
        t = link_threshold(answered + [(s, ok, w) for s, ok in unanswered])
        again = [link_threshold([answered[i] for i in at] + [(*unanswered[i], w) for i in at])
                 for at in rng.integers(0, n, size=(200, n))]
        print(f"link rule, share of checked claims {share:.0%}: {t:.4f} ({sum(s >= t for s, _ in answered)} of {n} "
              f"with a fact-check linked, {sum(s >= t for s, _ in unanswered)} of {n} without); 5-95% over 200 "
              f"resamplings of the queries: {np.percentile(again, 5):.3f}-{np.percentile(again, 95):.3f}")
    print(json.dumps({k: current[k] for k in ("ranker", "pair", "trained", "thresholds")}, indent=1))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("clef", nargs="?", type=Path, default=clef.DEFAULT)
    parser.add_argument("--out", type=Path, default=CHECKOUT_MODELS, help="directory to write factcheck_ranker.json")
    arguments = parser.parse_args()
    arguments.out.mkdir(parents=True, exist_ok=True)
    main(arguments.clef, arguments.out)
