"""Train the learned cue detector (`pipeline/components/cue_model.py`) on PolNeAR's train split and write
models/cue_model.json.

    python -m eval.train_cues PATH

PATH is a checkout or export of github.com/networkdynamics/PolNeAR (data/train/text and data/train/attributions);
only the train split is read. Examples: every verb, auxiliary, adjective and noun of the 840 train articles as the
newsclaims pipeline parses them; positive when it is the syntactic head of a gold cue (first annotator's file).
Model: scikit-learn LogisticRegression over `cue_model.features`. The regularisation is chosen on the last fifth of the
train articles (sorted by name) by the F1 of finding cue heads, the threshold on the same articles by the whole
attribution stage's whole-attribution F1 (`eval.polnear`'s scorer), then the model is refitted on all of train. Weights are dropped under the largest magnitude (0.05 to 0.5) that costs at most 0.01
held-out F1.
"""
from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import numpy as np

from pipeline import resources
from pipeline.components import cue_model

from . import polnear


def examples(articles, docs):
    """Feature names and labels of every candidate token."""
    X, y = [], []
    for article, doc in zip(articles, docs):
        heads = set()
        for gold in article.gold:
            if gold.cue is None:
                continue
            pieces = gold.cue.pieces or ((gold.cue.start, gold.cue.end),)
            tokens = [t for t in doc if any(s <= t.idx < e for s, e in pieces)]
            inside = {t.i for t in tokens}
            candidates = [t for t in tokens if t.pos_ in cue_model.CANDIDATE_POS]
            top = [t for t in candidates if t.head.i not in inside or t.head.i == t.i]
            if candidates:
                heads.add((top or candidates)[0].i)
        for t in doc:
            if t.pos_ in cue_model.CANDIDATE_POS:
                X.append(dict.fromkeys(cue_model.features(t), 1))
                y.append(t.i in heads)
    return X, np.array(y)


def parse(articles):
    """The articles parsed as the pipeline parses them; cached under .newsclaims/cache (spaCy DocBin) between runs."""
    import hashlib

    from spacy.tokens import DocBin

    from pipeline.nlp import build

    nlp = build(stages=[])
    key = hashlib.sha1("".join(a.name + a.text for a in articles).encode() + nlp.meta["version"].encode()).hexdigest()[:16]
    cache = Path(__file__).resolve().parent.parent / ".newsclaims" / "cache" / f"polnear-train-{key}.spacy"
    if cache.exists():
        return list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    docs = list(nlp.pipe([a.text for a in articles], batch_size=16))
    cache.parent.mkdir(parents=True, exist_ok=True)
    DocBin(attrs=["ORTH", "TAG", "POS", "MORPH", "LEMMA", "DEP", "HEAD", "SENT_START", "ENT_IOB", "ENT_TYPE"],
           docs=docs).to_disk(cache)
    return docs


def f1_at(p: np.ndarray, y: np.ndarray, threshold: float) -> float:
    chosen = p >= threshold
    tp = (chosen & y).sum()
    return 2 * tp / max(1, chosen.sum() + y.sum())


def end_to_end_threshold(held, vectorizer, coef, intercept, prune) -> float:
    """The threshold at which the whole attribution stage (rules + this model, fitted without `held`) scores best
    on the held-out train articles: whole-attribution F1 as `eval.polnear` computes it."""
    weights = {n: float(w) for n, w in zip(vectorizer.get_feature_names_out(), coef) if abs(w) >= prune}
    best = (-1.0, 0.4)
    for threshold in (0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6):
        with cue_model.replaced({"weights": weights, "intercept": float(intercept), "threshold": threshold}):
            whole = polnear.score(held, polnear.predict_newsclaims(held)).parts["whole attribution"]
        print(f"threshold {threshold}: held-out whole-attribution F1 {whole.f1:.3f} (P {whole.p:.3f} R {whole.r:.3f})")
        if whole.f1 > best[0]:
            best = (whole.f1, threshold)
    return best[1]


def main(path: Path) -> None:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    articles = polnear.load(path, "train")
    docs = parse(articles)
    cut = int(len(articles) * 0.8)
    X_fit, y_fit = examples(articles[:cut], docs[:cut])
    X_held, y_held = examples(articles[cut:], docs[cut:])
    vectorizer = DictVectorizer()
    M_fit, M_held = vectorizer.fit_transform(X_fit), None
    M_held = vectorizer.transform(X_held)
    best = (0.0, 1.0, 0.5)
    fitted = {}
    for C in (0.3, 1.0, 3.0):
        fitted[C] = LogisticRegression(C=C, max_iter=5000).fit(M_fit, y_fit)
        p = fitted[C].predict_proba(M_held)[:, 1]
        for threshold in np.arange(0.2, 0.75, 0.05):
            f1 = f1_at(p, y_held, threshold)
            if f1 > best[0]:
                best = (f1, C, round(float(threshold), 2))
        print(f"C={C}: best held-out cue-head F1 so far {best[0]:.3f} (C={best[1]}, threshold={best[2]})")
    f1, C, threshold = best
    # the smallest model that loses at most 0.01 F1: drop weights under a magnitude
    coef, intercept = fitted[C].coef_[0], fitted[C].intercept_[0]
    prune = 0.001
    for level in (0.05, 0.1, 0.2, 0.3, 0.5):
        kept = np.where(np.abs(coef) >= level, coef, 0.0)
        p = 1 / (1 + np.exp(-(M_held @ kept + intercept)))
        pruned_f1 = f1_at(p, y_held, threshold)
        print(f"weights >= {level}: {(kept != 0).sum()} kept, held-out F1 {pruned_f1:.3f}")
        if pruned_f1 >= f1 - 0.01:
            prune = level
    threshold = end_to_end_threshold(articles[cut:], vectorizer, coef, intercept, prune)
    X, y = examples(articles, docs)
    vectorizer = DictVectorizer()
    model = LogisticRegression(C=C, max_iter=5000).fit(vectorizer.fit_transform(X), y)
    weights = {name: round(float(w), 4) for name, w in zip(vectorizer.get_feature_names_out(), model.coef_[0])
               if abs(w) >= prune}
    out = {
        "_doc": "Learned attribution-cue detector (pipeline/components/cue_model.py), written by "
                "`python -m eval.train_cues PATH`. Do not edit by hand.",
        "threshold": threshold, "intercept": round(float(model.intercept_[0]), 4),
        "trained": {"data": "PolNeAR train split (github.com/networkdynamics/PolNeAR), first annotator per article",
                    "articles": len(articles), "candidates": int(len(y)), "cue_heads": int(y.sum()),
                    "model": f"LogisticRegression(C={C})", "held_out_cue_head_f1": round(f1, 4),
                    "threshold_by": "held-out whole-attribution F1 of the attribution stage",
                    "chosen_on": f"last {len(articles) - cut} train articles", "pruned_below": prune, "date": date.today().isoformat()},
        "weights": dict(sorted(weights.items())),
    }
    target = resources.MODELS_DIR / "cue_model.json"
    target.write_text(json.dumps(out, indent=0, ensure_ascii=False) + "\n", "utf-8")
    print(f"{len(weights)} weights, threshold {threshold}, C {C}, held-out cue-head F1 {f1:.3f} -> {target}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: python -m eval.train_cues PATH-TO-PolNeAR")
    main(Path(sys.argv[1]))
