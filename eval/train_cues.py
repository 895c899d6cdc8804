"""Train the learned cue detector (`pipeline/components/attributions/cue_model.py`) on PolNeAR's train split and write
cue_model.json (and with --accurate cue_head.npz) into --out (default: the checkout's models/, where the package
reads them).

    python -m eval.train_cues PATH [--accurate] [--out DIR]

PATH is a checkout or export of github.com/networkdynamics/PolNeAR (data/train/text and data/train/attributions);
only the train split is read. Examples: every verb, auxiliary, adjective and noun of the 840 train articles as the
newsclaims pipeline parses them; positive when it is the syntactic head of a gold cue (first annotator's file).
Model: scikit-learn LogisticRegression over `cue_model.features`. The regularisation is chosen on the last fifth of the
train articles (sorted by name) by the F1 of finding cue heads, the threshold on the same articles by the whole
attribution stage's mean of whole-attribution and source F1 (`eval.polnear`'s scorer), then the model is refitted on
all of train. Weights are dropped under the largest magnitude (0.05 to 0.5) that costs at most 0.01
held-out F1.

With --accurate, also the accurate detector (`pipeline/components/attributions/cue_encoder.py`, models/cue_head.npz): a network
with one hidden layer over frozen MiniLM states of each candidate and its head, fitted on the same four fifths,
its threshold chosen on the last fifth (the same mean, averaged with the logistic regression fitted without them),
then refitted on all of train. It reads MiniLM over every train sentence: about ten minutes on two cores.
"""
from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path

import numpy as np

import pipeline
from pipeline import resources
from pipeline.components.attributions import cue_model

from . import polnear

CHECKOUT_MODELS = Path(__file__).resolve().parent.parent / "models"  # where the package reads trained weights


def cue_heads(article, doc) -> set[int]:
    """Indices of the tokens heading the article's gold cues: each cue's topmost candidate token."""
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
    return heads


def examples(articles, docs):
    """Feature names and labels of every candidate token."""
    X, y = [], []
    for article, doc in zip(articles, docs):
        heads = cue_heads(article, doc)
        children = cue_model.children_by_head(doc)
        for t in doc:
            if t.pos_ in cue_model.CANDIDATE_POS:
                X.append(dict.fromkeys(cue_model.features(t, children=children), 1))
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


def end_to_end_threshold(held, detector: dict, thresholds=(0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6)) -> float:
    """The threshold at which the whole attribution stage (rules + `detector`, fitted without `held`) scores best
    on the held-out train articles: the mean of whole-attribution F1 and source F1 (the issue's two targets) as
    `eval.polnear` computes them. With a "head" in `detector` (the accurate detector), its threshold is the one
    chosen."""
    best = (-1.0, 0.4)
    for threshold in thresholds:
        if detector.get("head") is not None:
            trial = {**detector, "head": {**detector["head"], "threshold": np.float32(threshold)}}
        else:
            trial = {**detector, "threshold": threshold}
        with pipeline.load().get_pipe("newsclaims_attributions").detector(trial):
            parts = polnear.score(held, polnear.predict_newsclaims(held)).parts
        whole, source = parts["whole attribution"], parts["source overlap"]
        print(f"threshold {threshold}: held-out whole-attribution F1 {whole.f1:.3f} "
              f"(P {whole.precision:.3f} R {whole.recall:.3f}), "
              f"source F1 {source.f1:.3f} (P {source.precision:.3f} R {source.recall:.3f})", flush=True)
        if (whole.f1 + source.f1) / 2 > best[0]:
            best = ((whole.f1 + source.f1) / 2, threshold)
    return best[1]


HEAD_HIDDEN, HEAD_EPOCHS = 256, 4


def head_examples(articles, docs):
    """The accurate detector's inputs (`cue_encoder.inputs`) and labels for every candidate token."""
    from pipeline.components.attributions import cue_encoder

    X, y = [], []  # one array per article, in order
    for n, (article, doc) in enumerate(zip(articles, docs)):
        candidates = [t.i for t in doc if t.pos_ in cue_model.CANDIDATE_POS]
        X.append(cue_encoder.inputs(doc, candidates, cue_encoder.token_states(doc)).astype(np.float16))
        heads = cue_heads(article, doc)
        y.append(np.array([i in heads for i in candidates], dtype=bool))
        if n % 100 == 99:
            print(f"  MiniLM states of {n + 1} articles", flush=True)
    return X, y


def fit_head(X: np.ndarray, y: np.ndarray) -> dict[str, np.ndarray]:
    """One hidden layer of ReLUs over the MiniLM states, trained with Adam (seeded, so the run repeats)."""
    import torch

    torch.manual_seed(0)
    net = torch.nn.Sequential(torch.nn.Linear(X.shape[1], HEAD_HIDDEN), torch.nn.ReLU(), torch.nn.Dropout(0.2),
                              torch.nn.Linear(HEAD_HIDDEN, 1))
    optimiser = torch.optim.Adam(net.parameters(), lr=1e-3, weight_decay=1e-5)
    inputs, labels = torch.from_numpy(X.astype(np.float32)), torch.from_numpy(y.astype(np.float32))
    for _ in range(HEAD_EPOCHS):
        net.train()
        order = torch.randperm(len(inputs))
        for i in range(0, len(order), 512):
            batch = order[i:i + 512]
            loss = torch.nn.functional.binary_cross_entropy_with_logits(net(inputs[batch]).squeeze(-1), labels[batch])
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
    first, last = net[0], net[3]
    return {"w1": first.weight.detach().numpy().T.copy(), "b1": first.bias.detach().numpy().copy(),
            "w2": last.weight.detach().numpy()[0].copy(), "b2": last.bias.detach().numpy().copy()}


def train_head(articles, docs, cut: int, held_detector: dict, out: Path) -> None:
    """Fit the accurate detector (`cue_encoder`) on the first four fifths, choose its threshold on the rest with
    the logistic regression fitted without them, refit on all of train and write cue_head.npz into `out`."""
    from pipeline.components.attributions import cue_encoder

    X, y = head_examples(articles, docs)
    head = fit_head(np.concatenate(X[:cut]), np.concatenate(y[:cut]))
    threshold = end_to_end_threshold(articles[cut:], {**held_detector, "head": head}, (0.3, 0.35, 0.4, 0.45))
    head = fit_head(np.concatenate(X), np.concatenate(y))
    head["threshold"] = np.float32(threshold)
    target = out / "cue_head.npz"
    np.savez_compressed(target, **{k: v.astype(np.float16) if v.ndim == 2 else v.astype(np.float32)
                                   for k, v in head.items()})
    resources.packaged.cache_clear()
    print(f"accurate detector: {X[0].shape[1]} inputs, {HEAD_HIDDEN} hidden, threshold {threshold} -> {target}")


def main(path: Path, accurate: bool = False, out: Path = CHECKOUT_MODELS) -> None:
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
    held_detector = {"weights": {n: float(w) for n, w in zip(vectorizer.get_feature_names_out(), coef) if abs(w) >= prune},
                     "intercept": float(intercept), "head": None}
    threshold = end_to_end_threshold(articles[cut:], held_detector)
    X, y = examples(articles, docs)
    vectorizer = DictVectorizer()
    model = LogisticRegression(C=C, max_iter=5000).fit(vectorizer.fit_transform(X), y)
    weights = {name: round(float(w), 4) for name, w in zip(vectorizer.get_feature_names_out(), model.coef_[0])
               if abs(w) >= prune}
    out = {
        "_doc": "Learned attribution-cue detector (pipeline/components/attributions/cue_model.py), written by "
                "`python -m eval.train_cues PATH`. Do not edit by hand.",
        "threshold": threshold, "intercept": round(float(model.intercept_[0]), 4),
        "trained": {"data": "PolNeAR train split (github.com/networkdynamics/PolNeAR), first annotator per article",
                    "articles": len(articles), "candidates": int(len(y)), "cue_heads": int(y.sum()),
                    "model": f"LogisticRegression(C={C})", "held_out_cue_head_f1": round(f1, 4),
                    "threshold_by": "held-out mean of whole-attribution and source F1 of the attribution stage",
                    "chosen_on": f"last {len(articles) - cut} train articles", "pruned_below": prune, "date": date.today().isoformat()},
        "weights": dict(sorted(weights.items())),
    }
    target = out / "cue_model.json"
    target.write_text(json.dumps(out, indent=0, ensure_ascii=False) + "\n", "utf-8")
    print(f"{len(weights)} weights, threshold {threshold}, C {C}, held-out cue-head F1 {f1:.3f} -> {target}")
    if accurate:
        train_head(articles, docs, cut, held_detector, out)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("polnear", type=Path, help="a PolNeAR checkout (only data/train is read)")
    parser.add_argument("--accurate", action="store_true", help="also train the accurate detector (MiniLM)")
    parser.add_argument("--out", type=Path, default=CHECKOUT_MODELS, help="directory to write the trained files")
    arguments = parser.parse_args()
    arguments.out.mkdir(parents=True, exist_ok=True)
    main(arguments.polnear, arguments.accurate, arguments.out)
