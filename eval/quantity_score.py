"""Score the quantity stage on public gold sets, side by side with quantulum3, in one run.

    python -m eval.quantity_score [--show-errors SET]

Gold sets (read from ../shared/data, never copied):
- quantulum3: quantulum3's English test set (`quantulum3/quantities.json`, 101 sentences, 148 quantities);
- recognizers-*: Microsoft Recognizers-Text English specs: NumberModel, NumberRangeModel, PercentModel,
  CurrencyModel, DimensionModel. Cases marked NotSupported or NotSupportedByDesign are left out.

Matching rules (the same for every system):
- Which predictions a set is about: all of them for quantulum3 and NumberModel; percentages for PercentModel;
  money for CurrencyModel; physical dimensions (length, mass, volume, area, speed, temperature, data, energy, ...:
  anything but counts, percentages, fractions, money and durations) for DimensionModel; ranges for
  NumberRangeModel.
- A prediction and a gold quantity match when their character spans overlap; each is used at most once (gold in
  text order, the first overlapping prediction not yet used).
- The value is right when the prediction's value (for a range: the midpoint of low and high; for NumberRange
  gold: low and high each) equals the gold value within a relative 1e-4.
- The unit is right when both normalise to the same key (`unit_key`): currencies to ISO codes, "dimensionless"
  and counts to none, spellings and plurals folded ("kilometre" = "kilometer"), percent = percentage.
- value P/R/F1: a true positive is a matched pair with the right value; a prediction that matches nothing, or
  matches with a wrong value, is a false positive; a gold quantity without a true positive is a false negative.
  value+unit likewise, with the unit right too.
"""
from __future__ import annotations

import argparse
import json
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from pipeline.evaluation import PRF

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
RECOGNIZERS = ("NumberModel", "NumberRangeModel", "PercentModel", "CurrencyModel", "DimensionModel")
NON_DIMENSIONS = {"count", "percent", "fraction", "ratio", "multiple", "money", "duration", "age", None}

CURRENCY_KEYS = {
    "dollar": "USD", "united states dollar": "USD", "us dollar": "USD", "usd": "USD", "pound sterling": "GBP",
    "british pound": "GBP", "gbp": "GBP", "euro": "EUR", "eur": "EUR", "japanese yen": "JPY",
    "yen": "JPY", "jpy": "JPY", "canadian dollar": "CAD", "cad": "CAD", "hong kong dollar": "HKD", "hkd": "HKD",
    "australian dollar": "AUD", "aud": "AUD", "chinese yuan": "CNY", "yuan": "CNY", "cny": "CNY", "swiss franc": "CHF",
    "chf": "CHF", "franc": "FRF", "french franc": "FRF", "peseta": "ESP", "finnish markka": "FIM",
    "netherlands guilder": "NLG", "dutch guilder": "NLG", "indian rupee": "INR", "rupee": "INR", "inr": "INR",
    "cent": "cent", "pence": "penny", "penny": "penny", "dime": "dime",
}
UNIT_SYNONYMS = {
    "percentage": "percent", "percent": "percent", "dimensionless": None,
}


def pint_form(name: str) -> str:
    """A unit name as the gold sets write it ("kilometre per square second", "inverse femtobarn") in pint syntax."""
    n = re.sub(r"\bdegrees? celsius\b", "degC", name, flags=re.I)
    n = re.sub(r"\bdegrees? fahrenheit\b", "degF", n, flags=re.I)
    n = re.sub(r"\bper square (\w+)", r"/ \1**2", n)
    n = re.sub(r"\bper cubic (\w+)", r"/ \1**3", n)
    n = re.sub(r"\bsquare (\w+)", r"\1**2", n)
    n = re.sub(r"\bcubic (\w+)", r"\1**3", n)
    n = re.sub(r"\binverse (\w+)", r"1/\1", n)
    n = re.sub(r"^count\b", "1", n)
    n = re.sub(r"\bmetric ton\b", "metric_ton", n, flags=re.I)
    return n.replace(" per ", " / ").replace("pound-mass", "pound")


def unit_key(unit: str | None):
    """A comparable key for a unit name from any of the systems scored: an ISO code for currencies, None for
    dimensionless readings (counts, fractions, ratios, multiples), else pint's base-unit form with its factor, so
    that "kilometre" = "kilometer" and "km**2" = "square kilometre"."""
    if unit is None:
        return None
    u = unit.strip()
    low = u.lower().replace("_", " ")
    if low in CURRENCY_KEYS:
        return CURRENCY_KEYS[low]
    if low in ("dimensionless", "fraction", "ratio", "times", "count"):
        return None
    if low in ("percentage", "percent"):
        return "percent"
    if low in UNIT_SYNONYMS:
        return UNIT_SYNONYMS[low]
    parts = re.split(r"\s+/\s+|\s+per\s+", low)
    if len(parts) > 1 and parts[0] in CURRENCY_KEYS:  # "USD / hour" = "dollar per hour"
        return (CURRENCY_KEYS[parts[0]],) + tuple(unit_key(p) for p in parts[1:])
    try:
        import pint  # noqa: F401

        from pipeline.components.quantities import unit_registry

        ureg = unit_registry()
        try:
            parsed = ureg.parse_units(pint_form(u))
        except Exception:
            parsed = ureg.parse_units(pint_form(low))
        if "degree_Celsius" in str(parsed) or "degree_Fahrenheit" in str(parsed) or "kelvin" in str(parsed):
            return str(parsed)
        base = (1 * parsed).to_base_units()
        return (str(base.units), round(float(base.magnitude), 9))
    except Exception:
        return low.rstrip("s")


@dataclass
class Gold:
    start: int
    end: int
    text: str
    value: float | None
    unit: str | None = None
    low: float | None = None
    high: float | None = None


@dataclass
class Pred:
    start: int
    end: int
    text: str
    value: float | None
    unit: str | None
    kind: str | None
    low: float | None = None
    high: float | None = None


@dataclass
class Case:
    text: str
    gold: list[Gold]


@dataclass
class Score:
    value_tp: int = 0
    unit_tp: int = 0
    n_pred: int = 0
    n_gold: int = 0
    errors: list[str] = field(default_factory=list)

    def prf(self, tp: int) -> tuple[float, float, float]:
        counts = PRF(tp, self.n_pred - tp, self.n_gold - tp)
        return counts.precision, counts.recall, counts.f1

    @property
    def value(self) -> tuple[float, float, float]:
        return self.prf(self.value_tp)

    @property
    def value_unit(self) -> tuple[float, float, float]:
        return self.prf(self.unit_tp)


def load_quantulum3() -> list[Case]:
    """quantulum3's test sentences; gold surfaces located in the text left to right."""
    cases = []
    for item in json.loads((SHARED / "quantulum3" / "quantities.json").read_text("utf-8")):
        text, pos, gold = item["req"], 0, []
        for r in item["res"]:
            at = text.find(r["surface"], pos)
            at = text.find(r["surface"]) if at < 0 else at
            if at < 0:
                continue
            gold.append(Gold(at, at + len(r["surface"]), r["surface"], float(r["value"]), r["unit"]))
            pos = at + len(r["surface"])
        cases.append(Case(text, gold))
    return cases


def _recognizers_value(name: str, resolution: dict) -> tuple[float | None, float | None, float | None]:
    raw = resolution.get("value")
    if raw is None:
        return None, None, None
    if name == "NumberRangeModel":
        m = re.match(r"[\[(]\s*([-\d.E+]*)\s*,\s*([-\d.E+]*)\s*[\])]", raw)
        if not m:
            return None, None, None
        low = float(m.group(1)) if m.group(1) else None
        high = float(m.group(2)) if m.group(2) else None
        return None, low, high
    return float(raw.rstrip("%")), None, None


def load_recognizers(name: str) -> list[Case]:
    """One Recognizers-Text spec file; `End` there is inclusive."""
    cases = []
    for item in json.loads((SHARED / "recognizers" / f"{name}.json").read_text("utf-8")):
        if item.get("NotSupported") or item.get("NotSupportedByDesign"):
            continue
        gold = []
        for r in item["Results"]:
            value, low, high = _recognizers_value(name, r.get("Resolution") or {})
            if value is None and low is None and high is None:
                continue
            start = r.get("Start", item["Input"].lower().find(r["Text"].lower()))
            end = r.get("End", start + len(r["Text"]) - 1) + 1
            unit = "percent" if name == "PercentModel" else (r.get("Resolution") or {}).get("unit")
            if name == "CurrencyModel" and unit == "Pound":
                unit = "pound sterling"
            gold.append(Gold(start, end, r["Text"], value, unit, low, high))
        cases.append(Case(item["Input"], gold))
    return cases


def relevant(set_name: str) -> Callable[[Pred], bool]:
    """Which predictions a gold set is about (see the module docstring)."""
    return {
        "recognizers-PercentModel": lambda p: p.kind == "percent",
        "recognizers-CurrencyModel": lambda p: p.kind == "money",
        "recognizers-DimensionModel": lambda p: p.kind not in NON_DIMENSIONS,
        "recognizers-NumberRangeModel": lambda p: p.low is not None or p.high is not None,
    }.get(set_name, lambda p: True)


def close(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and abs(a - b) <= 1e-4 * max(1.0, abs(b))


def same_unit(predicted: str | None, gold: str | None) -> bool:
    """Whether a prediction's unit is the gold's (`unit_key`); a price over something ("USD / share", "USD / year")
    is right where the gold names its currency alone, since the gold sets write no rates of money."""
    key, gold_key = unit_key(predicted), unit_key(gold)
    if key == gold_key:
        return True
    return isinstance(key, tuple) and isinstance(gold_key, str) and gold_key in CURRENCY_KEYS.values() \
        and key[0] == gold_key


def value_right(p: Pred, g: Gold) -> bool:
    if g.value is None:
        return (g.low is None or close(p.low, g.low)) and (g.high is None or close(p.high, g.high))
    value = p.value if p.value is not None else ((p.low + p.high) / 2 if p.low is not None and p.high is not None else None)
    return close(value, g.value)


def score(cases: list[Case], predict: Callable[[list[str]], list[list[Pred]]], set_name: str) -> Score:
    keep = relevant(set_name)
    s = Score()
    for case, preds in zip(cases, predict([c.text for c in cases])):
        preds = [p for p in preds if keep(p)]
        s.n_pred += len(preds)
        s.n_gold += len(case.gold)
        used: set[int] = set()
        for g in case.gold:
            hit = next((i for i, p in enumerate(preds) if i not in used and p.start < g.end and g.start < p.end), None)
            if hit is None:
                s.errors.append(f"missed {g.text!r} in {case.text[:80]!r}")
                continue
            used.add(hit)
            p = preds[hit]
            if value_right(p, g):
                s.value_tp += 1
                if same_unit(p.unit, g.unit) or set_name.startswith("recognizers-Number"):
                    s.unit_tp += 1
                else:
                    s.errors.append(f"unit {p.text!r}: {p.unit} vs gold {g.unit}")
            else:
                s.errors.append(f"value {p.text!r}: {p.value if p.value is not None else (p.low, p.high)} vs gold "
                                f"{g.text!r} {g.value if g.value is not None else (g.low, g.high)}")
        s.errors += [f"extra {p.text!r} in {case.text[:80]!r}" for i, p in enumerate(preds) if i not in used]
    return s


def predict_newsclaims(texts: list[str]) -> list[list[Pred]]:
    import pipeline

    out = []
    for result in pipeline.extract_many(texts, batch_size=64):
        out.append([Pred(q.start, q.end, q.text, q.value, q.unit_normalized, q.kind, q.low, q.high)
                    for q in result.quantities])
    return out


QUANTULUM_KINDS = {"currency": "money", "dimensionless": "count", "time": "duration"}


def predict_quantulum3(texts: list[str]) -> list[list[Pred]]:
    warnings.filterwarnings("ignore")
    from quantulum3 import parser

    out = []
    for text in texts:
        preds = []
        try:
            found = parser.parse(text)
        except Exception:  # quantulum3 raises on some inputs; count as finding nothing there
            found = []
        for q in found:
            entity = q.unit.entity.name
            kind = "percent" if q.unit.name == "percentage" else QUANTULUM_KINDS.get(entity, entity)
            unit = None if q.unit.name == "dimensionless" else q.unit.name
            low = high = None
            if q.uncertainty:  # quantulum3 gives a range as its midpoint and half-width
                low, high = q.value - q.uncertainty, q.value + q.uncertainty
            preds.append(Pred(q.span[0], q.span[1], q.surface, q.value, unit, kind, low, high))
        out.append(preds)
    return out


SYSTEMS = {"newsclaims": predict_newsclaims, "quantulum3": predict_quantulum3}


def gold_sets() -> dict[str, list[Case]]:
    sets = {"quantulum3": load_quantulum3()}
    for name in RECOGNIZERS:
        sets[f"recognizers-{name}"] = load_recognizers(name)
    return sets


def run(systems: dict[str, Callable] | None = None) -> dict[str, dict[str, Score]]:
    """{set name: {system name: Score}} for every gold set and system."""
    systems = systems or SYSTEMS
    return {name: {sys_name: score(cases, fn, name) for sys_name, fn in systems.items()}
            for name, cases in gold_sets().items()}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--show-errors", metavar="SET", help="list one system's errors on this set (newsclaims)")
    ap.add_argument("--system", default="newsclaims")
    args = ap.parse_args(argv)
    results = run()
    print(f"{'set':<30}{'gold':>6}  {'system':<12}{'value P':>8}{'R':>7}{'F1':>7}   {'value+unit F1':>13}")
    for name, by_system in results.items():
        for sys_name, s in by_system.items():
            p, r, f = s.value
            print(f"{name:<30}{s.n_gold:>6}  {sys_name:<12}{p:>8.3f}{r:>7.3f}{f:>7.3f}   {s.value_unit[2]:>13.3f}")
    if args.show_errors:
        for e in results[args.show_errors][args.system].errors:
            print("  -", e)


if __name__ == "__main__":
    main()
