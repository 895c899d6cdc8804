"""Quantities on news we did not write, scored in CQE's conventions: newsclaims and quantulum3 on the held-out
quantity set, and figure coverage on fact-checked claims.

    python -m eval.news_quantity_score POLNEAR_DIR [--set news|outlets] [--wikinews WIKINEWSSUM]
        [--half dev|test|all] [--coverage] [--json FILE]

The sets (`eval/quantity_set.py`): `news`, 321 items, and `outlets`, 401 items (which needs `--wikinews`), each
with a dev half (tuned on) and a test half (scored once, at the end).
Matching follows CQE's evaluation (github.com/satya77/CQE_Evaluation, `evaluate_models.py`): a value matches when
`numpy.isclose` (rtol 1e-5) holds, a range only a range with both ends in the same order; value+unit also needs the
unit, value+change also the change (= ~ > < up down). One difference: here each gold quantity and each prediction is
used once (CQE's script can match one prediction to several gold quantities). Units are compared normalised: a
currency by its ISO code, a physical unit by pint's form (`quantity_score.unit_key`: "kilometre" = "km"), a count by
its counted noun lemmatised ("detainees" = "detainee"), "-" for a bare number, "% NOUN" for a fraction or a ratio
of NOUN ("1 in 5 teens": "% teen").
newsclaims' qualifier and change give CQE's change: up/down where it has one, else = ~ > < (>= as >, <= as <).
A change written from one figure to another in one span ("rose from 12 to 15": newsclaims' value 15, previous 12) is
CQE's range in text order (12-15) with its change. quantulum3 has no change; its quantities count as "=".

With --coverage: on every CLEF 2020 verified claim (`../shared`), the share of figures written in digits that lie
inside a reported quantity; bare years (1500-2099), ordinals, days of dates, ends of seasons ("2014-15") and codes
("AR-15") are not figures (`NOT_FIGURES`). It is given twice: over every such figure, and over the figures that state an amount, leaving out named dates
("9/11"), decades, clock times, phone numbers and links, and numbers inside names ("Flight 370"), which
the issue counts as no quantities (`NOT_AMOUNTS`, `in_a_name`).
"""
from __future__ import annotations

import json
import re
import warnings
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from pipeline import evaluation
from pipeline.evaluation import PRF

from . import held_out, quantity_set
from .quantity_score import unit_key

CHANGE_OF_QUALIFIER = {"=": "=", "~": "~", ">": ">", ">=": ">", "<": "<", "<=": "<"}
NAMED_UNITS = {"percent": "percentage", "percentage": "percentage", "percentage point": "percentage point",
               "times": "times", "year of age": "year of age"}


@dataclass(frozen=True)
class Found:
    value: float | None
    low: float | None
    high: float | None
    unit: str  # in the gold's vocabulary, or as close as the system gives
    change: str


@lru_cache(maxsize=1)
def lemmatizer():
    import spacy

    from pipeline import resources

    return spacy.load(resources.load("pipeline")["spacy_model"], disable=["parser", "ner"])


@lru_cache(maxsize=4096)
def lemma(noun: str) -> str:
    """A counted noun lower-cased and lemmatised, without determiners ("the mass shootings" -> "mass shooting"; a
    noun that is all stop words, like "overs", is kept)."""
    tokens = [t for t in lemmatizer()(noun.lower()) if not t.is_punct]
    words = [singular(t) for t in tokens if not t.is_stop] or [singular(t) for t in tokens]  # "overs": not all stop
    return " ".join(words) or "-"


@lru_cache(maxsize=1)
def inflections():
    import inflect

    return inflect.engine()


def singular(token) -> str:
    """A word's lemma, or, where spaCy left a plural in "s" as it was ("americans", a proper noun's plural), its
    singular by `inflect`."""
    if token.lemma_ != token.text or not token.text.endswith("s") or token.text.endswith(("ss", "us", "is", "as", "os")):
        return token.lemma_
    return inflections().singular_noun(token.text) or token.text


def unit_form(unit: str) -> object:
    """What a unit is compared by (see the module's docstring)."""
    u = unit.strip().lower()
    if u in NAMED_UNITS:
        return NAMED_UNITS[u]
    if u == "-" or u.startswith("% "):
        return u if u in ("-", "% -") else "% " + lemma(u[2:])
    for form in (u, lemma(u)):  # "kilometres" by pint, "dollars" as a currency, "deputies" as "deputy", "°C"
        key = unit_key(form)
        if key is not None and key != form.lower().replace("_", " ").rstrip("s"):  # pint or a currency read it
            return key
    return lemma(u)


def newsclaims_found(q) -> Found:
    """A newsclaims quantity in CQE's terms."""
    change = q.change if q.change in ("up", "down") else CHANGE_OF_QUALIFIER.get(q.qualifier, "=")
    if q.kind == "age":
        unit = "year of age"
    elif q.kind in ("fraction", "ratio"):  # "1 in 5 teens", "a 1-in-62 chance": CQE's fractions
        unit = "% " + (q.counted or "-")
    elif q.kind == "multiple":
        unit = "times"
    elif q.unit_normalized:
        unit = q.unit_normalized
    elif (q.counted or "").lower() == "times":
        unit = "time"  # "tried five times": a count of occasions, not CQE's "times" of a multiple
    else:
        unit = q.counted or q.unit or "-"
    if q.previous is not None and q.low is None and re.search(r"\bto\b", q.text):
        return Found(None, q.previous, q.value, unit, change)  # "from $2,415 to $2,315": CQE's range in text order
    return Found(q.value, q.low, q.high, unit, change)


def predict_newsclaims(texts: list[str]) -> list[list[Found]]:
    import pipeline

    return [[newsclaims_found(q) for q in r.quantities] for r in pipeline.extract_many(texts, batch_size=64)]


def predict_quantulum3(texts: list[str]) -> list[list[Found]]:
    warnings.filterwarnings("ignore")
    from quantulum3 import parser

    out = []
    for text in texts:
        try:
            found = parser.parse(text)
        except Exception:  # quantulum3 raises on some inputs: nothing found there
            found = []
        out.append([Found(q.value, None, None, "-" if q.unit.name == "dimensionless" else q.unit.name, "=")
                    for q in found])
    return out


SYSTEMS = {"newsclaims": predict_newsclaims, "quantulum3": predict_quantulum3}


def same_value(p: Found, g) -> bool:
    """CQE's value match: isclose, a range only with a range in the same order."""
    if g.low is not None:
        return p.low is not None and bool(np.isclose([g.low, g.high], [p.low, p.high], rtol=1e-5).all())
    return p.low is None and p.value is not None and bool(np.isclose(g.value, p.value, rtol=1e-5))


MATCHES = {
    "value": same_value,
    "value+unit": lambda p, g: same_value(p, g) and unit_form(p.unit) == unit_form(g.unit),
    "value+change": lambda p, g: same_value(p, g) and p.change == g.change,
}


def count(pred: list[Found], gold: list, match) -> PRF:
    """One item's matches, each gold quantity and prediction used once (`pipeline.evaluation.count`)."""
    return evaluation.count(gold, pred, lambda g, p: float(match(p, g)))


def score(items, predictions) -> dict[str, PRF]:
    totals = {name: PRF() for name in MATCHES}
    for item, pred in zip(items, predictions):
        for name, match in MATCHES.items():
            totals[name] = totals[name] + count(pred, item.quantities, match)
    return totals


FIGURE = re.compile(r"(?<![\w.,])\d[\d,.]*\d|(?<![\w.,])\d")
YEAR = re.compile(r"(1[5-9]|20)\d\d")
MONTH = (r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?")
NAMED_DATES = re.compile(r"9/11|24/7|7/7|3/11|9-1-1")
NOT_FIGURES = (
    ("a bare year", lambda text, s, e: bool(YEAR.fullmatch(text[s:e])) and not re.match(r"\s*(%|percent)", text[e:])
     and text[s - 1:s] != "$"),
    ("an ordinal", lambda text, s, e: bool(re.match(r"(st|nd|rd|th)\b", text[e:]))),
    ("the day of a date", lambda text, s, e: bool(re.search(MONTH + r"\s(\d{1,2}(-|–| and | to ))?$", text[max(0, s - 20):s], re.I)
                                                 or re.match(r"\s" + MONTH + r"\b", text[e:], re.I))),
    ("the end of a season", lambda text, s, e: bool(re.search(r"(1[5-9]|20)\d\d[-–]$", text[max(0, s - 5):s]))),
    ("a code or model", lambda text, s, e: bool(re.search(r"[A-Za-z]-$", text[max(0, s - 3):s]))),
)
NOT_AMOUNTS = (  # figures that state no amount, the way the issue counts names with numbers as no quantities
    ("a named date", lambda text, s, e: any(m.start() <= s and e <= m.end()
                                            for m in NAMED_DATES.finditer(text, max(0, s - 6), e + 6))),
    ("a decade", lambda text, s, e: bool(re.match(r"['’]?s\b", text[e:])) and (YEAR.fullmatch(text[s:e]) is not None
                                                                           or text[s - 1:s] in "'’")),
    ("a clock time", lambda text, s, e: bool(re.match(r"(:\d\d|(\s(or|and|to)\s\d{1,2}|[-–]\d{1,2})?(\s?(a\.?m\.?|p\.?m\.?)(?![a-z])|\s?o['’]clock))", text[e:], re.I))
     or text[s - 1:s] == ":"),
    ("a phone number or link", lambda text, s, e: text[s:e] in ("911", "999", "112") and not re.match(r"\s+[a-z]+s\b", text[e:])
     or e - s >= 8 and text[s:e].isdigit()
     or bool(re.search(r"(https?://|www\.)\S*$", text[max(0, s - 80):s]))),
)


def figures(text: str, amounts_only: bool = False) -> list[tuple[int, int]]:
    """The figures written in digits in `text`, other than bare years, ordinals, days of dates and codes ("AR-15");
    with `amounts_only`, also none of `NOT_AMOUNTS` and no number inside a name (`in_a_name`)."""
    rules = NOT_FIGURES + (NOT_AMOUNTS if amounts_only else ())
    found = [(m.start(), m.end()) for m in FIGURE.finditer(text)
             if not any(rejects(text, m.start(), m.end()) for _, rejects in rules)]
    return [f for f in found if not in_a_name(text, *f)] if amounts_only and found else found


@lru_cache(maxsize=8)
def parsed(text: str):
    """`text` tagged once for all its figures."""
    return lemmatizer()(text)


def in_a_name(text: str, start: int, end: int) -> bool:
    """A number inside a name, by spaCy's tags: right after a capitalised noun that does not open the
    sentence ("Flight 370", "House Bill 481", "Toy Story 3"), or after "No.", with no noun after it that it counts."""
    doc = parsed(text)
    i = next((t.i for t in doc if t.idx <= start < t.idx + len(t)), None)
    if i is None or i == 0:
        return False
    prev = doc[i - 1]
    after = doc[i + 1] if i + 1 < len(doc) else None
    counts_after = after is not None and (after.pos_ in ("NOUN", "ADJ") or after.text in ("%", "percent"))
    abbreviation = prev.is_upper or "." in prev.text[:-1]  # "HR 1313", "H.B. 1369"
    named = prev.pos_ in ("PROPN", "NOUN") and prev.text[:1].isupper() and (abbreviation or not prev.is_sent_start) \
        or prev.lower_ in ("no.", "no") or prev.text == "." and i > 1 and doc[i - 2].lower_ == "no"
    return named and not counts_after


def coverage(amounts_only: bool = False) -> tuple[int, int]:
    """(figures covered by a reported quantity, figures) over every CLEF 2020 verified claim."""
    import pipeline

    claims = list(quantity_set.clef_claims().values())
    covered = total = 0
    for text, result in zip(claims, pipeline.extract_many(claims, batch_size=64)):
        spans = [(q.start, q.end) for q in result.quantities]
        for s, e in figures(text, amounts_only):
            total += 1
            covered += any(a <= s and e <= b for a, b in spans)
    return covered, total


def agreement(items: list, gold: Path) -> dict[str, PRF] | None:
    """A second annotator scored against the gold, on the items both annotated (`second.jsonl` beside `gold`), or
    None where the set has no second annotation."""
    path = gold.parent / "second.jsonl"
    if not path.exists():
        return None
    second = {e["n"]: e["quantities"] for e in map(json.loads, path.read_text(encoding="utf-8").splitlines())}
    both = [i for i in items if i.n in second]
    found = [[Found(q.get("value"), q.get("low"), q.get("high"), q["unit"], q["change"]) for q in second[i.n]]
             for i in both]
    return score(both, found)


def main(argv: list[str] | None = None) -> int:
    parser = held_out.scorer_parser(__doc__, "a PolNeAR checkout (data/train/text)", quantity_set.GOLDS)
    held_out.add_wikinews_argument(parser)
    parser.add_argument("--coverage", action="store_true", help="also figure coverage on the CLEF verified claims")
    parser.add_argument("--agreement", action="store_true",
                        help="also a second annotator against the gold, where the set has one")
    args = parser.parse_args(argv)
    items = held_out.loaded(held_out.set_loader(quantity_set.load, quantity_set.GOLDS, args), args.polnear, args.half, quantity_set.SetError)
    if items is None:
        return 2
    figures_out = {}
    for half, chosen in held_out.by_half(items, args.half):
        print(f"{half}: {len(chosen)} items, {sum(len(i.quantities) for i in chosen)} gold quantities")
        figures_out[half] = {}
        for name, predict in SYSTEMS.items():
            totals = score(chosen, predict([i.text for i in chosen]))
            figures_out[half][name] = {k: {"p": v.precision, "r": v.recall, "f1": v.f1} for k, v in totals.items()}
            print(f"  {name:<11} " + " | ".join(f"{k} P {v.precision:.3f} R {v.recall:.3f} F1 {v.f1:.3f}"
                                               for k, v in totals.items()))
    if args.agreement:
        every = items if args.half == "all" else held_out.loaded(
            held_out.set_loader(quantity_set.load, quantity_set.GOLDS, args), args.polnear, "all", quantity_set.SetError)
        totals = agreement(every, quantity_set.GOLDS[args.set])
        if totals is None:
            print("agreement: this set has no second annotation")
        else:
            figures_out["agreement"] = {k: {"p": v.precision, "r": v.recall, "f1": v.f1} for k, v in totals.items()}
            print("  annotators  " + " | ".join(f"{k} P {v.precision:.3f} R {v.recall:.3f} F1 {v.f1:.3f}"
                                               for k, v in totals.items()) + " (second against first, both halves)")
    if args.coverage:
        for amounts_only, label in ((False, "every figure"), (True, "figures that state an amount")):
            covered, total = coverage(amounts_only)
            figures_out["coverage_amounts" if amounts_only else "coverage"] = covered / total
            print(f"figure coverage on CLEF verified claims, {label}: {covered}/{total} = {covered / total:.3f}")
    if args.json:
        args.json.write_text(json.dumps(figures_out, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
