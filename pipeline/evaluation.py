"""Score results against a user's gold, or two annotators against each other, per layer and kind.

    from pipeline.evaluation import evaluate
    report = evaluate(gold_results, predicted_results)   # matched by article id; texts must be equal
    report.rows                                            # (layer, kind, exact PRF, overlap PRF)

Matching is one-to-one within an article, the most pairs and among them the most overlap (`best_pairs`), so it
does not depend on which side is gold (overlap: at least one character in common; exact: the same start and end). Typed rows (an entity kind) match
only spans of that kind. Layers and their rows:
- entities: each kind, `all` (span and kind right) and `any kind` (span right, kind not asked);
- quantities: `all`, and among overlapping pairs the share whose value (value, low and high), normalised unit,
  change and qualifier agree (value accuracy);
- attributions: `cue`, `content`, `source` (the source's own words) and `whole` (cue and content both match);
- claims: `all`.
For agreement the first annotator plays gold: precision and recall swap with the order, F1 does not.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable, Sequence

import numpy as np
from scipy.optimize import linear_sum_assignment

from .corpus.graph import ENTITY_KINDS
from .records import Result


@dataclass
class PRF:
    """Counts of one comparison: true positives, false positives, false negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def gold(self) -> int:
        return self.tp + self.fn

    @property
    def predicted(self) -> int:
        return self.tp + self.fp

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: "PRF") -> "PRF":
        return PRF(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def as_dict(self) -> dict[str, float | int]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


def pairs(gold: Sequence, pred: Sequence, score: Callable[[object, object], float]) -> list[tuple[object, object]]:
    """Gold and predicted items matched one to one, greedily: each gold item, in order, takes the unused
    prediction with the highest positive `score` (the earliest on a tie). The project's scorers count this way,
    as PolNeAR's and CQE's conventions do; `best_pairs` is the matching that does not depend on the order."""
    used: set[int] = set()
    out = []
    for g in gold:
        best, best_score = None, 0.0
        for i, p in enumerate(pred):
            if i not in used:
                s = score(g, p)
                if s > best_score:
                    best, best_score = i, s
        if best is not None:
            used.add(best)
            out.append((g, pred[best]))
    return out


def best_pairs(gold: Sequence, pred: Sequence, score: Callable[[object, object], float]) -> list[tuple[object, object]]:
    """The one-to-one matching with the most pairs of positive `score` and, among those, the highest total score
    (an assignment problem, solved by scipy): the same pairs whichever side is called gold."""
    if not gold or not pred:
        return []
    scores = np.array([[score(g, p) for p in pred] for g in gold], dtype=float)
    weight = np.where(scores > 0, scores + scores.sum() + 1.0, 0.0)  # a pair outweighs any gain in overlap
    rows, cols = linear_sum_assignment(weight, maximize=True)
    return [(gold[r], pred[c]) for r, c in zip(rows, cols) if scores[r, c] > 0]


def count(gold: Sequence, pred: Sequence, score: Callable[[object, object], float], match=pairs) -> PRF:
    """P/R/F1 counts of a one-to-one matching (`pairs`, or `best_pairs`)."""
    tp = len(match(gold, pred, score))
    return PRF(tp, len(pred) - tp, len(gold) - tp)


def overlap(a, b) -> float:
    """Characters two spans (anything with start and end) share; two identical empty spans share one."""
    if a.start == b.start and a.end == b.end:
        return float(max(1, a.end - a.start))
    return float(max(0, min(a.end, b.end) - max(a.start, b.start)))


def exact(a, b) -> float:
    """1 where two spans have the same start and end."""
    return float(a.start == b.start and a.end == b.end)


def close(a: float | None, b: float | None) -> bool:
    """Two values equal up to rounding (both None counts as equal)."""
    if a is None or b is None:
        return a is b
    return abs(a - b) <= 1e-6 * max(1.0, abs(b))


def same_value(g, p) -> bool:
    """Value, low and high all agree."""
    return close(g.value, p.value) and close(g.low, p.low) and close(g.high, p.high)


VALUE_CHECKS = {"value": same_value, "unit": lambda g, p: g.unit_normalized == p.unit_normalized,
                "change": lambda g, p: g.change == p.change, "qualifier": lambda g, p: g.qualifier == p.qualifier}


@dataclass
class Row:
    """One line of a report: a layer, a kind within it, exact and overlap counts."""

    layer: str
    kind: str
    exact: PRF = field(default_factory=PRF)
    overlap: PRF = field(default_factory=PRF)


@dataclass
class Report:
    """Every row, the value accuracy of quantities, and which articles could not be compared."""

    rows: list[Row] = field(default_factory=list)
    values: dict[str, list[int]] = field(default_factory=lambda: {name: [0, 0] for name in VALUE_CHECKS})
    articles: int = 0
    unmatched: list[str] = field(default_factory=list)  # gold articles with no prediction, or with another text

    def row(self, layer: str, kind: str) -> Row:
        found = next((r for r in self.rows if r.layer == layer and r.kind == kind), None)
        if found is None:
            found = Row(layer, kind)
            self.rows.append(found)
        return found

    def as_dict(self) -> dict:
        return {"articles": self.articles, "unmatched": self.unmatched,
                "rows": [{"layer": r.layer, "kind": r.kind, "exact": r.exact.as_dict(),
                          "overlap": r.overlap.as_dict()} for r in self.rows],
                "quantity_values": {name: {"right": right, "pairs": n, "accuracy": round(right / n, 4) if n else None}
                                    for name, (right, n) in self.values.items()}}


def layers(result: Result) -> dict[tuple[str, str], list]:
    """The spans of every row of one result."""
    attributions = result.attributions
    spans = {("entities", kind): [e for e in result.entities if e.kind == kind] for kind in ENTITY_KINDS}
    spans[("entities", "all")] = result.entities
    spans[("quantities", "all")] = result.quantities
    spans[("attributions", "cue")] = [a.cue for a in attributions]
    spans[("attributions", "content")] = [a.content for a in attributions]
    spans[("attributions", "source")] = [a.source for a in attributions if a.source and a.source.text is not None]
    spans[("claims", "all")] = result.claims
    return spans


def add_article(report: Report, gold: Result, pred: Result) -> None:
    """Add one article's comparison to the report."""
    gold_spans, pred_spans = layers(gold), layers(pred)
    for (layer, kind), g in gold_spans.items():
        row = report.row(layer, kind)
        typed = layer == "entities" and kind == "all"
        same_kind = (lambda s: (lambda a, b: s(a, b) if a.kind == b.kind else 0.0)) if typed else (lambda s: s)
        row.exact += count(g, pred_spans[(layer, kind)], same_kind(exact), best_pairs)
        row.overlap += count(g, pred_spans[(layer, kind)], same_kind(overlap), best_pairs)
    untyped = report.row("entities", "any kind")
    untyped.exact += count(gold.entities, pred.entities, exact, best_pairs)
    untyped.overlap += count(gold.entities, pred.entities, overlap, best_pairs)
    whole = report.row("attributions", "whole")
    for name, span_score in (("exact", exact), ("overlap", overlap)):
        both = lambda a, b, s=span_score: min(s(a.cue, b.cue), s(a.content, b.content))  # noqa: E731
        setattr(whole, name, getattr(whole, name) + count(gold.attributions, pred.attributions, both, best_pairs))
    for g, p in best_pairs(gold.quantities, pred.quantities, overlap):
        for name, check in VALUE_CHECKS.items():
            report.values[name][0] += check(g, p)
            report.values[name][1] += 1


def evaluate(gold: Iterable[Result], pred: Iterable[Result]) -> Report:
    """Score `pred` against `gold`, articles matched by id. An article on one side only counts all its spans as
    missed (gold only) or extra (prediction only) and is listed in `unmatched`; one whose two texts differ cannot
    be compared and is listed there too."""
    gold, pred = list(gold), list(pred)
    by_id = {r.article.id: r for r in pred}
    gold_ids = {g.article.id for g in gold}
    report = Report()
    pairs_ = [(g, by_id.get(g.article.id)) for g in gold]
    pairs_ += [(None, p) for p in pred if p.article.id not in gold_ids]
    for g, p in pairs_:
        if g is not None and p is not None and p.text != g.text:
            report.unmatched.append(f"{g.article.id}: the prediction's text differs from the gold text")
            continue
        if p is None:
            report.unmatched.append(f"{g.article.id}: no prediction (every gold span counts as missed)")
            p = Result(article=g.article, text=g.text)
        if g is None:
            report.unmatched.append(f"{p.article.id}: not in the gold (every predicted span counts as extra)")
            g = Result(article=p.article, text=p.text)
        report.articles += 1
        add_article(report, g, p)
    order = {"entities": 0, "quantities": 1, "attributions": 2, "claims": 3}
    # a kind that neither side has gives no row
    report.rows = sorted((r for r in report.rows if r.overlap != PRF()), key=lambda r: order[r.layer])
    return report


def table(report: Report, title: str = "exact | overlap") -> str:
    """The report as aligned text."""
    lines = [f"{report.articles} articles compared" + (f"; {len(report.unmatched)} not: " + "; ".join(
        report.unmatched[:5]) if report.unmatched else ""),
        f"{'layer':<13}{'kind':<14}{'P':>7}{'R':>7}{'F1':>7}  |{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}{'pred':>7}"
        f"   ({title})"]
    for r in report.rows:
        e, o = r.exact, r.overlap
        lines.append(f"{r.layer:<13}{r.kind:<14}{e.precision:>7.3f}{e.recall:>7.3f}{e.f1:>7.3f}  |"
                     f"{o.precision:>7.3f}{o.recall:>7.3f}{o.f1:>7.3f}{o.tp + o.fn:>7}{o.tp + o.fp:>7}")
    accuracy = ", ".join(f"{name} {right / n:.3f} ({right}/{n})" if n else f"{name} -"
                         for name, (right, n) in report.values.items())
    lines.append(f"quantity values over overlapping pairs: {accuracy}")
    return "\n".join(lines)
