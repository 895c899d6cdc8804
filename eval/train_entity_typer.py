"""Train the learned check of NER's classes (`pipeline/components/entities/typer.py`) on CoNLL-2003 English and write
entity_typer.json into --out (default: the checkout's models/, where the package reads it).

    python -m eval.train_entity_typer CONLL_TRAIN CONLL_DEV [--threshold P] [--out DIR]

CONLL_TRAIN, CONLL_DEV: CoNLL-2003's English train and dev ("testa") files as distributed (not bundled: Reuters'
licence); the test split ("testb") is not read. Each document is parsed by the pipeline's English model as
`eval.conll_score` makes its text. Examples: every span the model's NER gives a label that can name one of our
kinds (`CANDIDATE_LABELS`), with the class of the gold entity it overlaps (PER -> person, ORG -> organization,
LOC -> place, MISC -> none) or none where it overlaps no gold entity. Model: scikit-learn's multinomial
LogisticRegression over `typer.features` and `typer.vectors`; its regularisation and the probability a class needs to overrule NER
are chosen on the dev file by the share of spans given their right class, then the model is refitted on train
(dev is never fitted on). Weights under 0.01 in every class are dropped. `--threshold` sets the probability instead
(the shipped model: 0.9, where the PolNeAR entity set's dev half scores as without the model; at CoNLL's choice,
0.5, it loses 0.02-0.03 typed F1 there).
"""
from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

import numpy as np
import spacy

from pipeline import resources
from pipeline.components.entities import typer

from .conll_score import read_conll

CHECKOUT_MODELS = Path(__file__).resolve().parent.parent / "models"
CANDIDATE_LABELS = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART")
GOLD_CLASSES = {"PER": "person", "ORG": "organization", "LOC": "place", "MISC": "none"}
NER_CLASSES = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place", "FAC": "place"}
CS = (0.3, 1.0, 3.0)
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95)


def examples(path: Path, nlp) -> tuple[list[list[str]], list[str], list[str]]:
    """Features, gold class and NER's own class of every candidate span of a CoNLL file."""
    X, y, ner = [], [], []
    docs = read_conll(path)
    for d, parsed in zip(docs, nlp.pipe((d.text for d in docs), batch_size=32)):
        for ent in parsed.ents:
            if ent.label_ not in CANDIDATE_LABELS:
                continue
            gold = next((g for g in d.entities if g.start < ent.end_char and ent.start_char < g.end), None)
            X.append((typer.features(ent, ent.label_), typer.vectors(ent)))
            y.append("none" if gold is None else GOLD_CLASSES[gold.cls])
            ner.append(NER_CLASSES.get(ent.label_, "none"))
    return X, y, ner


def design(vectorizer, X, fitting: bool = False):
    """The sparse features one-hot, then the token vectors, as one matrix."""
    from scipy.sparse import csr_matrix, hstack

    rows = [{f: 1 for f in fs} for fs, _ in X]
    sparse = vectorizer.fit_transform(rows) if fitting else vectorizer.transform(rows)
    return hstack([sparse, csr_matrix(np.array([v for _, v in X]))]).tocsr()


def fit(X, y, c: float):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer()
    matrix = design(vectorizer, X, fitting=True)
    model = LogisticRegression(C=c, max_iter=3000)
    model.fit(matrix, [typer.CLASSES.index(c) for c in y])
    return vectorizer, model


def accuracy(vectorizer, model, X, y, ner, threshold: float) -> float:
    """The share of spans whose class is right when the model overrules NER at `threshold`."""
    probs = model.predict_proba(design(vectorizer, X))
    right = 0
    for p, gold, own in zip(probs, y, ner):
        best = typer.CLASSES[int(np.argmax(p))]
        right += (best if p.max() >= threshold else own) == gold
    return right / len(y)


def exported(vectorizer, model, threshold: float, meta: dict) -> tuple[dict, dict]:
    """The model as models/entity_typer.json (feature names, threshold, how it was trained) and entity_typer.npz
    (weights) hold it."""
    names, rows = [], []
    for name, column in sorted(vectorizer.vocabulary_.items()):
        w = model.coef_[:, column]
        if np.abs(w).max() >= 0.01:
            names.append(name)
            rows.append(w)
    described = {"_doc": "Learned check of NER's classes (pipeline/components/entities/typer.py); classes in order: "
                         + ", ".join(typer.CLASSES) + "; weights in entity_typer.npz, one row per feature. Written by "
                         "eval/train_entity_typer.py.",
                 "threshold": threshold, "trained": meta, "features": names}
    arrays = {"weights": np.array(rows, dtype=np.float32), "intercepts": model.intercept_.astype(np.float32),
              "vector_weights": model.coef_[:, len(vectorizer.vocabulary_):].T.astype(np.float32)}
    return described, arrays


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("train", type=Path)
    parser.add_argument("dev", type=Path)
    parser.add_argument("--threshold", type=float, help="the probability to overrule NER (default: chosen on dev)")
    parser.add_argument("--out", type=Path, default=CHECKOUT_MODELS)
    args = parser.parse_args(argv)
    nlp = spacy.load(resources.load("pipeline")["spacy_model"])
    train, dev = examples(args.train, nlp), examples(args.dev, nlp)
    print(f"examples: train {len(train[1])}, dev {len(dev[1])}; NER's own class right on dev: "
          f"{sum(a == b for a, b in zip(dev[1], dev[2])) / len(dev[1]):.3f}")
    best = (0.0, None, None)
    for c in CS:
        vectorizer, model = fit(train[0], train[1], c)
        for t in THRESHOLDS:
            acc = accuracy(vectorizer, model, *dev, t)
            print(f"  C={c} threshold={t}: dev accuracy {acc:.3f}")
            best = max(best, (acc, c, t), key=lambda b: b[0])
    acc, c, t = best
    vectorizer, model = fit(train[0], train[1], c)
    if args.threshold is not None:
        t, acc = args.threshold, accuracy(vectorizer, model, *dev, args.threshold)
    chosen = "C chosen" if args.threshold is not None else "C and threshold chosen"
    meta = {"data": f"CoNLL-2003 English train (fitted), dev/testa ({chosen})", "C": c,
            "dev_accuracy": round(acc, 4), "examples": len(train[1]), "model": nlp.meta["name"],
            "date": date.today().isoformat()}
    described, arrays = exported(vectorizer, model, t, meta)
    resources.dump("entity_typer", described, args.out)
    resources.dump("entity_typer.npz", arrays, args.out)
    print(f"chosen C={c}, threshold={t} (dev accuracy {acc:.3f}); wrote entity_typer.json and .npz in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
