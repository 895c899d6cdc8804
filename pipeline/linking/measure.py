"""What a figure measures: the statistic and its subject, the population, the place, the years and the body it comes
from, read from an article's records.

Two figures can be the same claim only when their measures agree (`compatible`): a part both give must match, a part
one of them leaves out does not decide. "4 percent of 106 shootings (2000-2015), Texas State University" and "14
percent of shootings in 2019" differ in years; "12 dead" in Thousand Oaks and "12 dead" in Ohio differ in place.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from ..names import stored_name_key
from ..records import Claim, Entity, Quantity, Result

BODY_KINDS = ("organization", "agency")
YEAR = re.compile(r"\b(19\d\d|20\d\d)\b")
NUMBER = re.compile(r"\d[\d,.]*")
CONTEXT_WORDS = 8  # words each side of a figure in its context


@dataclass(frozen=True)
class Measure:
    """What one figure is a figure of."""

    statistic: str  # "share", "count", or a kind and unit ("money USD", "length km")
    subject: str | None = None  # the counted noun, or what a share is a share of ("mass shootings")
    population: float | None = None  # the base of a share ("of 106 shootings" -> 106)
    place: str | None = None  # the quantity's place scope ("in Ohio")
    years: str | None = None  # the years of the quantity's time scope ("between 2000 and 2015", "in 2019")
    body: str | None = None  # the organization or agency it comes from ("Texas State University")

    def to_dict(self) -> dict:
        return asdict(self)

    def described(self) -> str:
        """The measure in words: "share of mass shootings (of 106), Ohio, 2000-2015, Texas State University"."""
        what = f"{self.statistic} of {self.subject}" if self.subject else self.statistic
        if self.population is not None:
            what += f" (of {self.population:g})"
        return ", ".join(p for p in (what, self.place, self.years, self.body) if p)


def statistic(kind: str, unit: str | None) -> str:
    """The statistic a figure gives: shares (percent, fractions, ratios) alike, counts alike, others by unit."""
    if kind in ("percent", "fraction", "ratio"):
        return "share"
    if kind == "count":
        return "count"
    return f"{kind} {unit}" if unit else kind


def years_in(*texts: str | None) -> str | None:
    """The years named in the first text that names any: "2000-2015" for a span, "2019" for one."""
    for text in texts:
        found = sorted({int(y) for y in YEAR.findall(text or "")})
        if found:
            return str(found[0]) if len(found) == 1 else f"{found[0]}-{found[-1]}"
    return None


def inside(e: Entity, c: Claim) -> bool:
    return c.start <= e.start and e.end <= c.end


def body_of(result: Result, claim: Claim) -> str | None:
    """The organization or agency a claim comes from: its attributed source where that names one, else one named in
    the claim ("a study by Texas State University found")."""
    by_id = {e.id: e for e in result.entities}
    attribution = next((a for a in result.attributions if a.id == claim.attribution), None)
    source = attribution.source if attribution else None
    if source is not None and source.entity in by_id and by_id[source.entity].kind in BODY_KINDS:
        return by_id[source.entity].canonical
    named = [e for e in result.entities if e.kind in BODY_KINDS and inside(e, claim)]
    return named[0].canonical if named else None


def context_of(text: str, claim: Claim, q: Quantity, words: int = CONTEXT_WORDS) -> str:
    """The words around a figure within its claim, the figure shown by its words alone and every number masked, so
    that two figures are alike by what they are about, not by their values: "was up <%> from # deaths in #"."""
    left = text[claim.start:q.start].split()[-words:]
    right = text[q.end:claim.end].split()[:words]
    own = NUMBER.sub("", q.text).strip()
    return NUMBER.sub("#", " ".join(left + [f"<{own or 'n'}>"] + right))


def contexts(result: Result) -> dict[str, str]:
    """The context (`context_of`) of every quantity that a claim states, by quantity id."""
    by_id = {q.id: q for q in result.quantities}
    return {qid: context_of(result.text, c, by_id[qid]) for c in result.claims for qid in c.quantities}


def measures(result: Result) -> dict[str, Measure]:
    """The measure of every quantity that a claim states, by quantity id."""
    by_id = {q.id: q for q in result.quantities}
    out: dict[str, Measure] = {}
    for c in result.claims:
        body = body_of(result, c)
        for qid in c.quantities:
            q = by_id[qid]
            out[qid] = Measure(statistic(q.kind, q.unit_normalized), (q.counted or "").lower() or None, q.base,
                               q.place, years_in(q.time), body)
    return out


def years_meet(a: str, b: str) -> bool:
    """Whether two year spans share a year ("2000-2015" and "2015" do; "2015" and "2019" do not)."""
    a_low, _, a_high = a.partition("-")
    b_low, _, b_high = b.partition("-")
    return int(a_low) <= int(b_high or b_low) and int(b_low) <= int(a_high or a_low)


def compatible(a: Measure, b: Measure) -> bool:
    """Whether two figures' measures allow them to be the same claim: each part that both give agrees."""
    if a.statistic != b.statistic:
        return False
    if a.years and b.years and not years_meet(a.years, b.years):
        return False
    if a.place and b.place and stored_name_key(a.place) != stored_name_key(b.place):
        return False
    if a.population and b.population and a.population != b.population:
        return False
    return True
