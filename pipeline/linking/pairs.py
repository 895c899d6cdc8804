"""How likely two figures of different articles state the same claim: a logistic regression over what the two
figures share, trained on annotated pairs (`eval/train_compare.py`; weights in models/compare.json).

What it looks at (`FEATURES`): how alike the two claims are in meaning, and the figures' contexts (the words around
each, numbers masked); whether the values can both be true and whether they are the same number; whether their
subjects, years and bodies agree (a part only one gives counts as neither); how many carry a qualifier; how many
words their contexts share; whether both or neither are changes ("rose 3 percent"); whether the weekdays or months
their contexts name agree ("by Sunday night" and "as of Thursday" are two moments of a count that grows); how
far apart the two values are (`value_gap`), weighed by how unlike their contexts are: far-apart values in other
words are likely other claims, while "Just 4 percent of mass shootings ended ..." and "Only 14 percent of mass
shootings ended ..." are one claim and a conflict.
"""
from __future__ import annotations

import math
import re
from functools import lru_cache

from .. import resources
from .compare import Figure, agree, same_value, scaled

FEATURES = ("claim_similarity", "context_similarity", "values_agree", "same_value", "subject_overlap", "same_years",
            "same_body", "qualifiers", "context_overlap", "both_or_neither_changes", "same_days", "value_gap")
WORD = re.compile(r"[A-Za-z]+")


@lru_cache(maxsize=1)
def model() -> dict:
    """The trained weights (models/compare.json): `weights` by feature, `intercept`, `threshold`, `conflict_from`,
    `version`, and the word lists the features read."""
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


@lru_cache(maxsize=1)
def day_lists() -> tuple[frozenset[str], frozenset[str]]:
    """The weekdays (lower case) and months (as written) that `days` looks for (models/compare.json)."""
    return frozenset(model()["weekday_words"]), frozenset(model()["month_words"])


def days(f: Figure) -> tuple[set[str], set[str]]:
    """The weekdays and the months a figure's context names ("Sunday"; "May", but not "may" the verb)."""
    weekdays, months = day_lists()
    written = WORD.findall(f.context or "")
    return {w.lower() for w in written} & weekdays, set(written) & months


def day_agreement(a: tuple[set[str], set[str]], b: tuple[set[str], set[str]]) -> float:
    """1 where both name a weekday, or both a month, in common; 0 where both name weekdays (or, naming none,
    months) and none in common; 0.5 where they name none of one sort ("on Thursday" against "in May")."""
    for one, other in ((a[0], b[0]), (a[1], b[1])):
        if one and other:
            return float(bool(one & other))
    return 0.5


def value_gap(a: Figure, b: Figure) -> float:
    """How far apart two figures' values are: |ln| of their ratio, capped at 1 (about a factor of 2.7), shares
    compared as percentages; 1 where either has no value, is zero (as the model was trained), or their signs
    differ. "4 percent" against "6 percent" is 0.41, "12" against "12" 0, and "4 percent" against "14 percent" 1."""
    x, y = (scaled(f, next((v for v in (f.value, f.low, f.high) if v is not None), None)) for f in (a, b))
    if not x or not y or x * y < 0:
        return 1.0
    return min(1.0, abs(math.log(x / y)))


def features(a: Figure, b: Figure, claim_similarity: float, context_similarity: float) -> list[float]:
    """The features of a pair of figures (`FEATURES`, in order)."""
    ma, mb = a.measure, b.measure
    return [claim_similarity, context_similarity, float(agree(a, b)), float(same_value(a, b)),
            overlap(words(ma.subject if ma else None), words(mb.subject if mb else None), missing=0.5),
            agreement(ma and ma.years, mb and mb.years), agreement(ma and ma.body, mb and mb.body),
            float(a.qualifier != "=") + float(b.qualifier != "="),
            overlap(words(a.context), words(b.context)), float(is_change(a) == is_change(b)),
            day_agreement(days(a), days(b)), value_gap(a, b) * (1 - context_similarity)]


def probability(x: list[float]) -> float:
    """The model's probability that a pair with features `x` states the same claim."""
    m = model()
    z = m["intercept"] + sum(m["weights"][name] * value for name, value in zip(FEATURES, x))
    return 1 / (1 + math.exp(-z))
