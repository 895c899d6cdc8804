"""How likely two figures of different articles state the same claim: a logistic regression over what the two
figures share, trained on annotated pairs (`eval/train_compare.py`; weights in models/compare.json).

What it looks at (`FEATURES`): how alike the two claims are in meaning, and the figures' contexts (the words around
each, numbers masked); whether the values can both be true and whether they are the same number; whether their
subjects, years and bodies agree (a part only one gives counts as neither); how many carry a qualifier; how many
words their contexts share; whether both or neither are changes ("rose 3 percent"); whether the days and months
their contexts name agree ("by Sunday night" and "as of Thursday" are two moments of a count that grows).
"""
from __future__ import annotations

import math
import re
from functools import lru_cache

from .. import resources
from .compare import Figure, agree, same_value

FEATURES = ("claim_similarity", "context_similarity", "values_agree", "same_value", "subject_overlap", "same_years",
            "same_body", "qualifiers", "context_overlap", "both_or_neither_changes", "same_days")
WORD = re.compile(r"[A-Za-z]+")


@lru_cache(maxsize=1)
def model() -> dict:
    """The trained weights (models/compare.json): `weights` by feature, `intercept`, `threshold`, `version`."""
    return resources.load("compare")


def words(text: str | None) -> set[str]:
    """The content words of a text, lower-cased (models/compare.json's `stop_words` left out)."""
    stop = set(model()["stop_words"])
    return {w for w in (x.lower() for x in WORD.findall(text or "")) if w not in stop}


def overlap(a: set[str], b: set[str], missing: float = 0.0) -> float:
    """Jaccard overlap of two word sets; `missing` where either is empty."""
    return len(a & b) / len(a | b) if a and b else missing


def agreement(a: str | None, b: str | None) -> float:
    """1 where both give the same part, 0 where both give different ones, 0.5 where one gives none."""
    return 0.5 if not (a and b) else float(a == b)


def is_change(f: Figure) -> bool:
    return bool(words(f.context) & set(model()["change_words"]))


def days(f: Figure) -> set[str]:
    """The days and months a figure's context names, as written (models/compare.json's `day_words`: "Sunday",
    "May", "yesterday", ...; "may" the verb is none)."""
    return set(WORD.findall(f.context or "")) & set(model()["day_words"])


def day_agreement(a: set[str], b: set[str]) -> float:
    """1 where both name a day or month in common, 0 where both name only different ones, 0.5 where one names
    none."""
    return 0.5 if not (a and b) else float(bool(a & b))


def features(a: Figure, b: Figure, claim_similarity: float, context_similarity: float) -> list[float]:
    """The features of a pair of figures (`FEATURES`, in order)."""
    ma, mb = a.measure, b.measure
    return [claim_similarity, context_similarity, float(agree(a, b)), float(same_value(a, b)),
            overlap(words(ma.subject if ma else None), words(mb.subject if mb else None), missing=0.5),
            agreement(ma and ma.years, mb and mb.years), agreement(ma and ma.body, mb and mb.body),
            float(a.qualifier != "=") + float(b.qualifier != "="),
            overlap(words(a.context), words(b.context)), float(is_change(a) == is_change(b)),
            day_agreement(days(a), days(b))]


def probability(x: list[float]) -> float:
    """The model's probability that a pair with features `x` states the same claim."""
    m = model()
    z = m["intercept"] + sum(m["weights"][name] * value for name, value in zip(FEATURES, x))
    return 1 / (1 + math.exp(-z))
