"""Clusters of figures that state the same claim across articles, and conflicts where they cannot both be true.

Each figure of each stored claim is a node. Pairs of figures from different articles that measure the same kind of
thing (`comparable`: the same kind and normalised unit; shares compared as percentages, so "one in ten" = "10
percent"; counts of the same counted noun or the same number) with measures that agree (`measure.compatible`) are
candidates; the same-claim model (`pairs`) gives each a probability, and those of at least its threshold are joined,
the likeliest first, into clusters that never hold two figures of one article. Within a cluster, two figures of one
measure conflict when the model itself links the two (a probability of at least its `conflict_from`: a cluster's
chain of links is not evidence that its two ends state one claim) and no reading of their qualifiers lets both be
true (`agree`): each stands for the values that
round to it as written ("52 percent": 51.5 to 52.5; "96,000": 95,500 to 96,500; a fraction or ratio in words is
exact: "four in five" is 80 percent) and at least `TOLERANCE` around it; "about" reaches to the rounding or `ABOUT`
around it, whichever is wider ("about 70 percent": 65 to 75; "about 52 percent": 49.4 to 54.6). "At least 13" and
"19" agree; "4 percent" and "6 percent" do not, nor "52" and "57", nor "about 70 percent" and "79 percent".
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .measure import Measure, compatible

TOLERANCE = 0.005  # relative: the least a figure is allowed to be off
SAME_VALUE = 0.05  # relative: counts of different nouns with numbers this close are taken to be the same figure
ABOUT = 0.05  # relative: how far "about" reaches beyond the rounding of a figure ("about 52" and "53" agree)
SHARE_KINDS = {"percent": 1.0, "fraction": 100.0, "ratio": 100.0}
EXACT_KINDS = ("fraction", "ratio")  # "four in five" is 80 percent, not 75 to 85


@dataclass
class Figure:
    """One figure of one stored claim."""

    claim_id: str
    article_id: str
    outlet: str | None
    source: str | None
    claim_text: str
    text: str
    value: float | None
    low: float | None
    high: float | None
    unit: str | None
    kind: str
    qualifier: str = "="
    counted: str | None = None
    start: int = -1  # the figure's characters in its article
    end: int = -1
    row: int = 0  # its claim's row id in the store
    measure: Measure | None = None
    quantity: int = 0  # its row id in the store
    context: str | None = None  # the words around it in its claim, numbers masked (`measure.context_of`)

    @property
    def ref(self) -> tuple[str, str]:
        return self.article_id, self.text


@dataclass
class Cluster:
    """Figures stating the same thing, and the pairs of them that conflict."""

    figures: list[Figure]
    conflicts: list[tuple[Figure, Figure]] = field(default_factory=list)


def dimension(f: Figure) -> tuple[str, str | None]:
    """What a figure measures, for comparing: shares as percent, money by currency and period, units as given."""
    if f.kind in SHARE_KINDS:
        return "share", None
    if f.kind == "count":
        return "count", None
    return f.kind, f.unit


def scaled(f: Figure, x: float | None) -> float | None:
    return None if x is None else x * SHARE_KINDS.get(f.kind, 1.0)


def rounding(x: float) -> float:
    """Half the unit of the last significant digit of a value as written: 52 -> 0.5, 96,000 -> 500, 4.5 -> 0.05."""
    x = abs(x)
    if x == 0:
        return 0.5
    if x == int(x):
        n = int(x)
        unit = 1
        while n % (unit * 10) == 0:
            unit *= 10
        return unit / 2
    decimals = len(f"{x:.6f}".rstrip("0").split(".")[1])
    return 0.5 * 10 ** -decimals


def interval(f: Figure) -> tuple[float, float]:
    """The values a figure allows, given its qualifier ("at least 13" allows 13 and more)."""
    if f.value is None:
        low, high = scaled(f, f.low), scaled(f, f.high)
        return (low if low is not None else -np.inf), (high if high is not None else np.inf)
    v = scaled(f, f.value)
    written = 0.0 if f.kind in EXACT_KINDS else scaled(f, rounding(f.value))
    spread = max(written, abs(v) * TOLERANCE)
    about = max(written, abs(v) * ABOUT)
    return {
        ">": (v, np.inf), ">=": (v - spread, np.inf), "<": (-np.inf, v), "<=": (-np.inf, v + spread),
        "~": (v - about, v + about),
    }.get(f.qualifier, (v - spread, v + spread))


def agree(a: Figure, b: Figure) -> bool:
    """Whether both figures can be true at once."""
    a_low, a_high = interval(a)
    b_low, b_high = interval(b)
    return a_low < b_high and b_low < a_high  # touching ends (52.5 | 52.5) do not overlap


def number(x: float) -> str:
    """A bound as a reader writes it: "3.5", "95,500", "114.4 million", "1.85 billion"."""
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(x) >= scale:
            return f"{x / scale:,.4g} {word}"
    return f"{x:,.6g}"


def described(f: Figure) -> str:
    """The values a figure allows, in words ("3.5-4.5 percent", "13 or more", "at most 20 USD")."""
    low, high = interval(f)
    unit = "percent" if f.kind in SHARE_KINDS else (f.unit or "")
    if low == -np.inf and high == np.inf:
        values = "any value"
    elif high == np.inf:
        values = f"{number(low)} or more"
    elif low == -np.inf:
        values = f"at most {number(high)}"
    else:
        values = f"{number(low)}-{number(high)}"
    return f"{values} {unit}".strip()


def why_they_conflict(a: Figure, b: Figure) -> str:
    """Why two figures cannot both be true ("4 percent vs 14 percent: 3.5-4.5 percent and 13.5-14.5 percent do not
    meet")."""
    return f"{a.text} vs {b.text}: {described(a)} and {described(b)} do not meet"


def figure_record(f: Figure) -> dict:
    """A figure as `newsclaims compare --json` writes it: its text, value or range, unit, qualifier, the claim,
    article, outlet and source it comes from, and its measure."""
    return {"figure": f.text, "value": f.value, "low": f.low, "high": f.high, "unit": f.unit, "kind": f.kind,
            "qualifier": f.qualifier, "claim_id": f.claim_id, "article_id": f.article_id, "outlet": f.outlet,
            "source": f.source, "claim": f.claim_text, "measure": f.measure.to_dict() if f.measure else None}


def same_value(a: Figure, b: Figure) -> bool:
    """Whether two figures give the same number (within the tolerance), whatever their qualifiers."""
    if a.value is None or b.value is None:
        return False
    return abs(a.value - b.value) <= SAME_VALUE * max(abs(a.value), abs(b.value))


def comparable(a: Figure, b: Figure) -> bool:
    if a.article_id == b.article_id or dimension(a) != dimension(b):
        return False
    if a.kind == "count" and a.counted and b.counted:
        # "13 deaths" and "640 people" count different things; "96,000 people" and "96,000 riders" the same figure
        return bool(set(a.counted.lower().split()) & set(b.counted.lower().split())) or same_value(a, b)
    return True


def linked(a: Figure, b: Figure) -> bool:
    """Whether two figures of claims alike in meaning state the same thing: comparable, with measures that agree."""
    return comparable(a, b) and (a.measure is None or b.measure is None or compatible(a.measure, b.measure))


def conflicting(a: Figure, b: Figure) -> bool:
    """Whether two figures from different articles, of one measure, cannot both be true."""
    return a.article_id != b.article_id and linked(a, b) and not agree(a, b)


def clusters_of(figures: list[Figure], links: list[tuple[int, int, float]], threshold: float,
                conflict_from: float = 0.0) -> list[Cluster]:
    """Figures joined by the `links` of at least `threshold` (positions and how likely they are the same claim),
    the likeliest first, never two figures of one article in a cluster (an article states a claim once); conflicts
    inside each (`conflicting`) between two figures linked with at least `conflict_from`."""
    members = {i: [i] for i in range(len(figures))}
    root = list(range(len(figures)))
    articles = {i: {f.article_id} for i, f in enumerate(figures)}
    for i, j, _ in sorted((link for link in links if link[2] >= threshold), key=lambda link: -link[2]):
        a, b = root[i], root[j]
        if a == b or articles[a] & articles[b]:
            continue
        small, large = (a, b) if len(members[a]) <= len(members[b]) else (b, a)
        for k in members[small]:
            root[k] = large
        members[large] += members.pop(small)
        articles[large] |= articles.pop(small)
    conflicts = cluster_conflicts(figures, links, root, conflict_from)
    out = [Cluster([figures[i] for i in sorted(m)],
                   [(figures[x], figures[y]) for x, y in sorted(conflicts.get(r, ()))])
           for r, m in members.items() if len(m) > 1]
    return sorted(out, key=lambda c: (-len(c.figures), c.figures[0].claim_id))


def cluster_conflicts(figures: list[Figure], links: list[tuple[int, int, float]], root: list[int],
                      conflict_from: float) -> dict[int, set[tuple[int, int]]]:
    """By cluster (`root` of each position), the pairs of positions linked with at least `conflict_from` that
    conflict (`conflicting`)."""
    out: dict[int, set[tuple[int, int]]] = {}
    for i, j, p in links:
        if p >= conflict_from and i != j and root[i] == root[j]:
            x, y = sorted((i, j))
            if conflicting(figures[x], figures[y]):
                out.setdefault(root[i], set()).add((x, y))
    return out


def stored_clusters(store, embedder, threshold: float | None = None) -> list[Cluster]:
    """Clusters of the figures kept in `store`: the pairs the same-claim model (`pairs`) gives at least `threshold`
    (default: the model's own), from the store's candidate pairs (`candidates`: only new figures are embedded and
    searched)."""
    from .candidates import stored_pairs
    from .pairs import model

    figures, pairs = stored_pairs(store, embedder, 0.0)
    position = {f.quantity: n for n, f in enumerate(figures)}
    links = [(position[a], position[b], p) for a, b, p in pairs if a in position and b in position]
    return clusters_of(figures, links, model()["threshold"] if threshold is None else threshold,
                       model()["conflict_from"])


def stored_conflicts(store, embedder, threshold: float | None = None) -> list[tuple[Figure, Figure]]:
    """Pairs of figures in `store` stating the same thing with different numbers."""
    return [pair for c in stored_clusters(store, embedder, threshold) for pair in c.conflicts]
