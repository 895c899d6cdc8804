"""A learned check of the class NER gave a name: person, organization, place, or none of ours ("Twitter" tagged
PERSON is an organization; "Snapchat said" is not a person).

A multinomial logistic regression over sparse features of the mention and its neighbours (its words and their
shapes, the words before and after it, its syntactic role and head, its NER label, whether GeoNames knows it as a
place) and over the English model's own token vectors (`doc.tensor`: the mention's mean, and the tokens just before
and after it) gives the probability of each class. Trained on CoNLL-2003's English train split (Reuters news, 1996) by
`eval/train_entity_typer.py`; the feature names and the probability a class needs to overrule NER in
`models/entity_typer.json`, the weights in `models/entity_typer.npz` (arrays, not JSON lists: tens of thousands of
small lists would slow every garbage collection of the process). The stage asks it only about NER's mentions that no rule of the article resolved
(`aliases`), once per name of the article from all its mentions (`checked_kinds`), and the word lists still split
organizations into agencies, organizations and venues.
"""
from __future__ import annotations

import math

import numpy as np
from spacy.tokens import Span

from ... import resources
from ...names import name_key
from .kinds import ner_kind
from .places import is_a_known_place

CLASSES = ("person", "organization", "place", "none")
VECTOR_WIDTH = 96  # the width of the English model's token vectors (en_core_web_sm)


def around(span: Span) -> list[str]:
    """The words just before and after `span`, lower-cased ("<s>"/"</s>" at the edges of the doc)."""
    doc = span.doc
    before = [doc[i].lower_ if i >= 0 else "<s>" for i in (span.start - 2, span.start - 1)]
    after = [doc[i].lower_ if i < len(doc) else "</s>" for i in (span.end, span.end + 1)]
    return before + after


def features(span: Span, label: str) -> list[str]:
    """The names of a mention's features (each has the value 1); `label`: the NER label it came with."""
    words = [t.lower_ for t in span]
    prev2, prev, nxt, nxt2 = around(span)
    root = span.root
    out = [f"ner={label}", f"len={min(len(span), 4)}", f"first={words[0]}", f"last={words[-1]}",
           f"suffix={words[-1][-3:]}", f"prev={prev}", f"prev2={prev2}|{prev}", f"next={nxt}",
           f"next2={nxt}|{nxt2}", f"dep={root.dep_}", f"head={root.head.lemma_.lower()}",
           f"dep_head={root.dep_}|{root.head.lemma_.lower()}", f"caps={span.text.isupper()}",
           f"known_place={is_a_known_place(span.text, 'organization')}"]
    out += [f"word={w}" for w in words]
    out += [f"shape={t.shape_}" for t in span]
    return out


def vectors(span: Span) -> np.ndarray:
    """The model's token vectors around a mention: its mean, then the token before and the token after (zeros at
    the edges of the doc, and everywhere for a Doc without vectors of the width the model was trained on)."""
    tensor = span.doc.tensor
    if tensor is None or len(tensor) != len(span.doc) or tensor.shape[-1:] != (VECTOR_WIDTH,):
        return np.zeros(3 * VECTOR_WIDTH)
    edge = np.zeros(tensor.shape[1])
    before = tensor[span.start - 1] if span.start > 0 else edge
    after = tensor[span.end] if span.end < len(span.doc) else edge
    return np.concatenate([tensor[span.start:span.end].mean(axis=0), before, after])


def feature_rows(model: dict) -> dict[str, int]:
    """Each feature name's row in the weight matrix (built once per model file)."""
    return {name: i for i, name in enumerate(model["features"])}


def probabilities(span: Span, label: str) -> dict[str, float]:
    """The probability of each class of `CLASSES` for a mention NER labelled `label`."""
    weights = resources.load("entity_typer.npz")
    rows = resources.derived(feature_rows, "entity_typer")
    found = [rows[name] for name in features(span, label) if name in rows]
    scores = weights["intercepts"] + weights["weights"][found].sum(axis=0) + vectors(span) @ weights["vector_weights"]
    exp = np.exp(scores - scores.max())
    return {c: float(e) for c, e in zip(CLASSES, exp / exp.sum())}


def pooled(probs: list[dict[str, float]]) -> dict[str, float]:
    """The probability of each class for one name of an article from those of its mentions: their logarithms summed,
    so that mentions that agree add up their evidence ("Cairns" read as a place three times at 0.8)."""
    logs = {c: sum(math.log(max(p[c], 1e-12)) for p in probs) for c in CLASSES}
    top = max(logs.values())
    exp = {c: math.exp(v - top) for c, v in logs.items()}
    return {c: v / sum(exp.values()) for c, v in exp.items()}


def learned_class(probs: dict[str, float]) -> str | None:
    """The class of `probs` the model is sure enough of to overrule NER (at least the model's `threshold`), else
    None."""
    best = max(probs, key=probs.get)
    return best if probs[best] >= resources.load("entity_typer")["threshold"] else None


COARSE = {"person": "person", "agency": "organization", "organization": "organization", "venue": "place",
          "place": "place", "unknown": "none"}  # the classes the model tells apart
LABEL_OF_CLASS = {"person": "PERSON", "organization": "ORG", "place": "GPE"}


def checked_kind(span: Span, label: str, kind: str, probs: dict[str, float] | None = None) -> str | None:
    """`kind`, or the kind of the class the model is sure of where it differs ("Twitter" tagged PERSON is an
    organization, typed further by the word lists); None where it is sure the name is none of ours. Agencies and
    venues, which the word lists typed, stay what they are. `probs`: the class probabilities to decide by (default:
    the mention's own)."""
    if kind in ("agency", "venue"):
        return kind
    learned = learned_class(probs or probabilities(span, label))
    if learned is None or learned == COARSE[kind]:
        return kind
    return None if learned == "none" else ner_kind(span, LABEL_OF_CLASS[learned])


def checked_kinds(mentions: list[tuple[Span, str, str]]) -> list[str | None]:
    """`checked_kind` of each (span, NER label, kind) of one article, decided for each name by the pooled
    probabilities of all its mentions here, so that one name gets one reading."""
    own = [probabilities(span, label) for span, label, _ in mentions]
    keys = [name_key(span.text) for span, _, _ in mentions]
    by_name: dict[str, list[dict[str, float]]] = {}
    for key, probs in zip(keys, own):
        by_name.setdefault(key, []).append(probs)
    names = {key: pooled(probs) for key, probs in by_name.items()}
    return [checked_kind(span, label, kind, name_probs(names[key], probs))
            for (span, label, kind), key, probs in zip(mentions, keys, own)]


def name_probs(name: dict[str, float], own: dict[str, float]) -> dict[str, float]:
    """What a mention is decided by: its name's pooled probabilities, unless they make it no name at all, which
    only the mention's own reading may do (a name used once as an adjective is still a name elsewhere)."""
    return own if max(name, key=name.get) == "none" else name
