"""Quantity stage: every figure in the text, with value, qualifier, unit or counted noun, base and time scope.

Reads tokens left to right. At each token that can open a number it parses the number: a digit literal read
off the text itself ("1,200", "1 234 567", "3.5bn", "-1e-3", "2.48×10−5", "2 1/2", "⅓"), spelled-out numbers
("forty-seven", "a hundred and two", "two and a half"), fractions ("a third", "two-thirds"), ratios ("one in
five"), multiples ("twice") and approximate plurals ("hundreds of"). Then it looks around the number: a
qualifier before ("more than", "nearly"), a range ("10 to 20 billion", "44 mg to 50 mg"), a currency before
("$", "US$"), a unit after (our table first, then pint's registry: "km/s2", "MWh", "°C") with a rate ("per
week", "/hour"), or else a counted noun ("106 mass shootings", "12 dead"), a base ("4 percent of 106 mass
shootings"), a change ("rose 20%") and the time scope in the same sentence. Numbers that are not quantities
(years, dates, clock times, "911 calls", "COVID-19", "Route 66", ordinals, scores, list markers) are passed over.
Word lists: `models/numbers.json`, `models/units.json`, `models/quantity_rules.json`.
Writes `doc._.quantities` (list of `Quantity`) and `doc._.quantity_spans` (token spans, same order).
"""
from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import resources
from ..records import Quantity
from .entities import register_extensions
from .stage import DataStage

SPACES = " \u00a0\u202f\u2009"
UNICODE_FRACTIONS = {"½": 0.5, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 0.25, "¾": 0.75, "⅕": 0.2, "⅖": 0.4, "⅗": 0.6, "⅘": 0.8,
                     "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 0.125, "⅜": 0.375, "⅝": 0.625, "⅞": 0.875}
# a digit literal, read off the text: sign, grouped or plain digits, decimals, exponent, a mixed or plain fraction
LITERAL = re.compile(
    r"(?P<sign>[-−–](?=\d|\.\d))?"
    r"(?P<num>\d{1,3}(?:(?P<sep>[,\u00a0\u202f\u2009 ])\d{3}(?!\d))(?:(?P=sep)\d{3}(?!\d))*(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    r"(?P<exp>[eE][-+−]?\d+(?![A-Za-z])|\s?[x×]\s?\d+(?:\^[-+−]?\d+|[-−]\d+)|\^[-+−]*\d+)?"
    r"(?P<frac>/\d+(?![\d/])|[ \u00a0]\d+/\d+(?![\d/])|[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞])?"
)
SCALE_SUFFIX = re.compile(r"(?P<s>k|K|M|MM|mm|mil|mn|mln|bn|bln|b|B|tn|tln|T|G)(?![A-Za-z])")
ORDINAL = re.compile(r"^\d+(st|nd|rd|th)$", re.I)
CLOCK = re.compile(r"\d:\d\d|\b[ap]\.?m\.?\b|o['’]clock", re.I)
MONTHS = {"jan", "jan.", "january", "feb", "feb.", "february", "mar", "mar.", "march", "apr", "apr.", "april", "may",
          "jun", "june", "jul", "july", "aug", "aug.", "august", "sep", "sept", "sept.", "september", "oct", "oct.",
          "october", "nov", "nov.", "november", "dec", "dec.", "december", "monday", "tuesday", "wednesday",
          "thursday", "friday", "saturday", "sunday"}
UNIT_CHUNK = re.compile(r"[A-Za-zµμ°Ω][A-Za-z0-9µμ°Ω/^²³·.*−\-]*")


@dataclass
class Number:
    """A parsed number: tokens [start, end) and characters [start_char, end_char), its value and reading."""

    start: int
    end: int
    value: float
    start_char: int
    end_char: int
    kind: str = "count"  # count | fraction | ratio | multiple
    qualifier: str | None = None  # set by approximate forms ("hundreds of")
    yearlike: bool = False
    digits: bool = False


@dataclass
class Unit:
    """A unit found after a number: where it ends, how it is written, normalised, and the quantity kind."""

    end_char: int
    surface: str
    normalized: str | None
    kind: str


def tables() -> dict:
    """Number words, unit surfaces and context rules, keyed for lookup (built once per set of data files)."""
    return resources.derived(build_tables, "numbers", "quantity_rules", "units")


def build_tables(numbers: dict, rules: dict, unit_data: dict) -> dict:
    """The lookup tables of `tables` from the three data files."""
    units, symbols = {}, {}
    for unit in unit_data["units"]:
        for surface in unit["surface"]:
            units[tuple(surface.split())] = unit
        for symbol in unit.get("symbols", []):
            symbols[symbol] = unit
    qualifiers = {tuple(k.split()): v for k, v in rules["qualifiers"].items()}
    return {"numbers": numbers, "rules": rules, "units": units, "symbols": symbols, "qualifiers": qualifiers,
            "unit_data": unit_data, "unit_kinds": {}, "max_unit_len": max(len(k) for k in units),
            "max_qualifier_len": max(len(k) for k in qualifiers),
            "small": {**numbers["units"], **numbers["tens"]},
            "big_scales": {k: v for k, v in numbers["scales"].items() if len(k) > 2}}


@lru_cache(maxsize=1)
def unit_registry():
    """pint's unit registry (loaded once, on first use)."""
    import pint

    return pint.UnitRegistry()


# ---------------------------------------------------------------------------------------------- token helpers

def next_index(doc: Doc, i: int) -> int:
    """Index of the first non-space token at or after `i` (len(doc) if none)."""
    while i < len(doc) and doc[i].is_space:
        i += 1
    return i


def lower_seq(doc: Doc, i: int, n: int) -> tuple[str, ...]:
    """Lower-cased texts of the next `n` non-space tokens from `i`."""
    out = []
    while i < len(doc) and len(out) < n:
        if not doc[i].is_space:
            out.append(doc[i].lower_)
        i += 1
    return tuple(out)


def advance(doc: Doc, i: int, n: int) -> int:
    """The index after `n` non-space tokens from `i`."""
    count = 0
    while i < len(doc) and count < n:
        if not doc[i].is_space:
            count += 1
        i += 1
    return i


def text_of(doc: Doc) -> str:
    """The doc's text, joined once per doc (spaCy rebuilds `doc.text` from the tokens on every access)."""
    text = doc.user_data.get("newsclaims_text")
    if text is None:
        text = doc.user_data["newsclaims_text"] = doc.text
    return text


def ents_of(doc: Doc) -> tuple:
    """The doc's entities, built once per doc (spaCy builds a new tuple of spans on every `doc.ents`)."""
    ents = doc.user_data.get("newsclaims_ents")
    if ents is None:
        ents = doc.user_data["newsclaims_ents"] = doc.ents
    return ents


def sentence_of(doc: Doc, span: Span) -> Span:
    """The sentence `span` starts in, by bisection over the doc's sentences (`span.sent` walks the sentence: with
    thousands of figures in one sentence that walk is quadratic)."""
    sentences = doc.user_data.get("newsclaims_sents")
    if sentences is None:
        listed = list(doc.sents)
        sentences = doc.user_data["newsclaims_sents"] = (listed, [s.start for s in listed])
    listed, starts = sentences
    return listed[bisect.bisect_right(starts, span.start) - 1]


def token_after(doc: Doc, char: int) -> int:
    """Index of the first token starting at or after character `char`."""
    starts = doc.user_data.get("newsclaims_token_starts")
    if starts is None:
        starts = doc.user_data["newsclaims_token_starts"] = [t.idx for t in doc]
    return bisect.bisect_left(starts, char)


def token_end(doc: Doc, end_token: int) -> int:
    """Character offset where token `end_token - 1` ends."""
    t = doc[end_token - 1]
    return t.idx + len(t.text)


# ---------------------------------------------------------------------------------------------- numbers

def literal_value(m: re.Match) -> float:
    """The value of a LITERAL match."""
    num = m.group("num")
    sep = m.group("sep")
    if sep:
        num = num.replace(sep, "")
    value = float(num)
    exp = m.group("exp")
    if exp:
        times = re.match(r"\s?[x×]\s?(\d+)\^?([-+−]?\d+)", exp)
        if times:  # "2.48×10−5", "8x2^10"
            value *= float(times.group(1)) ** int(times.group(2).replace("−", "-"))
        else:
            digits = re.sub(r"[^\d\-+−]", "", exp).replace("−", "-")
            power = int(digits.replace("+", "").lstrip("-") or 0) * (-1 if "-" in digits else 1)
            value = value * 10 ** power if exp[0] in "eE" else value ** power
    frac = m.group("frac")
    if frac:
        if frac in UNICODE_FRACTIONS:
            value += UNICODE_FRACTIONS[frac]
        elif frac.startswith("/"):
            denominator = float(frac[1:])
            value = value / denominator if denominator else float("nan")
        else:
            a, b = frac.strip().split("/")
            value += float(a) / float(b) if float(b) else float("nan")
    if m.group("sign"):
        value = -value
    return value


def parse_literal(doc: Doc, i: int, at: int | None = None) -> Number | None:
    """A digit literal starting at token i (or at character `at` inside it), read off the text ("1 234 567",
    "3.5bn", "-1e-3", "2 1/2", "⅓")."""
    text = text_of(doc)
    token = doc[i]
    start = token.idx if at is None else at
    if at is not None:
        if not (text[at:at + 1].isdigit() or (text[at:at + 1] in "-−" and text[at + 1:at + 2].isdigit())):
            return None
    elif token.text[0] in UNICODE_FRACTIONS:
        return Number(i, i + 1, UNICODE_FRACTIONS[token.text[0]], start, start + 1, kind="fraction", digits=True)
    if token.text[0] in "-−–":
        before = text[start - 1] if start > 0 else " "
        if not (before in SPACES + "\n([$€£¥" or start == 0):
            return None
    elif not (token.text[0].isdigit() or (token.text[0] == "." and len(token.text) > 1 and token.text[1].isdigit())):
        return None
    m = LITERAL.match(text, start)
    if m is None or not any(c.isdigit() for c in m.group(0)):
        return None
    try:
        value = literal_value(m)
    except (OverflowError, ValueError, ZeroDivisionError):
        return None
    if not math.isfinite(value):  # "1/0", "1e999"
        return None
    end = m.end()
    grouped = bool(m.group("sep"))
    plain_integer = not (m.group("exp") or m.group("frac") or "." in m.group("num") or grouped)
    yearlike = plain_integer and not m.group("sign") and 1000 <= value <= 2100
    kind = "fraction" if m.group("frac") and m.group("frac").startswith("/") and value < 1 else "count"
    # a scale written onto the number ("40K", "3.5bn", "$2.174T", "10M") or after it ("2.5 million", "10 bln")
    words = tables()["numbers"]
    sm = SCALE_SUFFIX.match(text, end)
    currency_before = start > 0 and text[start - 1] in "$€£¥" or (start > 1 and text[start - 2] in "$€£¥")
    if sm and not (sm.group("s") == "mm" and not currency_before):
        value *= words["scales"].get(sm.group("s").lower(), words["scales"].get(sm.group("s"), 1)) \
            if sm.group("s") not in ("G", "MM", "T") else {"G": 1e9, "MM": 1e6, "T": 1e12}[sm.group("s")]
        end, yearlike = sm.end(), False
    else:
        j = end
        while j < len(text) and text[j] in SPACES:
            j += 1
        scale = re.match(r"[A-Za-z]+", text[j:j + 12])
        big = tables()["big_scales"]
        if scale and scale.group(0).lower() in big and j > end:
            value *= big[scale.group(0).lower()]
            end, yearlike = j + len(scale.group(0)), False
    end_token = token_after(doc, end)
    if end_token == i or (end_token <= len(doc) and end_token > 0 and doc[end_token - 1].idx + len(doc[end_token - 1]) < end):
        end_token = max(end_token, i + 1)
    return Number(i, max(end_token, i + 1), value, start, end, yearlike=yearlike, kind=kind, digits=True)


def parse_words(doc: Doc, i: int) -> tuple[int, float] | None:
    """A spelled-out number from token i ("forty-seven", "a hundred and two", "three million, two hundred & forty",
    "two hundred point zero three"): (end token, value)."""
    t = tables()
    small, scales = t["small"], t["big_scales"]
    total, current, end, seen, j = 0.0, 0.0, i, False, i
    if doc[i].lower_ in ("a", "one") and i + 1 < len(doc) and doc[i + 1].lower_ in scales:
        current, seen, end, j = 1.0, True, i + 1, i + 1  # "a hundred"
    while j < len(doc):
        low = doc[j].lower_
        if low in small:
            current += small[low]
        elif low in scales and seen:
            if scales[low] == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * scales[low]
                current = 0
        elif low in ("-", "and", "&", ",") and seen and j + 1 < len(doc) and doc[j + 1].lower_ in small:
            if low == "," and not (total and current == 0):
                break  # "three million, two hundred" but not "two, three"
            j += 1
            continue
        elif low == "point" and seen and j + 1 < len(doc) and doc[j + 1].lower_ in small:
            digits, k = "", j + 1
            while k < len(doc) and doc[k].lower_ in small:
                digits += str(int(small[doc[k].lower_]))
                k += 1
            return k, total + current + float("0." + digits)
        else:
            break
        seen, end = True, j + 1
        j += 1
    return (end, total + current) if seen else None


def parse_number(doc: Doc, i: int) -> Number | None:
    """The number that opens at token i, if any (without context: qualifiers and units come later)."""
    t = tables()
    words = t["numbers"]
    token = doc[i]
    low = token.lower_
    nxt = next_index(doc, i + 1)
    number = parse_literal(doc, i)
    if number is None:
        if low in words["multipliers"] and (low in ("twice", "thrice") or lower_seq(doc, nxt, 1) in (("the",), ("that",), ("what",))):
            return Number(i, i + 1, float(words["multipliers"][low]), token.idx, token_end(doc, i + 1), kind="multiple")
        if low in ("dozen", "dozens") and i > 0 and doc[i - 1].lower_ in ("a", "one", "half"):
            return None  # read from the word before
        if low in ("a", "one") and lower_seq(doc, nxt, 1) == ("dozen",):
            return Number(i, nxt + 1, 12.0, token.idx, token_end(doc, nxt + 1))  # "a dozen rifles"
        if low in t["rules"]["approximate_plurals"] and lower_seq(doc, nxt, 1) == ("of",):
            value = float(t["rules"]["approximate_plurals"][low])
            after = next_index(doc, advance(doc, nxt, 1))
            if after < len(doc) and doc[after].lower_ in t["rules"]["approximate_plurals"] and low in ("tens", "hundreds"):
                value *= t["rules"]["approximate_plurals"][doc[after].lower_]
                return Number(i, after + 1, value, token.idx, token_end(doc, after + 1), qualifier=">=")
            return Number(i, i + 1, value, token.idx, token_end(doc, i + 1), qualifier=">=")
        if (low in t["small"] and (token.tag_ == "CD" or low in ("zero", "nought", "naught"))) \
                or (low in ("a", "one") and i + 1 < len(doc) and doc[i + 1].lower_ in t["big_scales"]):
            if low == "one" and i > 0 and doc[i - 1].lower_ in ("that", "this", "each", "every", "which", "no", "any", "the", "last"):
                return None  # "that one costs"
            parsed = parse_words(doc, i)
            if parsed:
                number = Number(i, parsed[0], parsed[1], token.idx, token_end(doc, parsed[0]))
        if number is None:
            return parse_fraction(doc, i)
    number = dozen_after(doc, number)
    return fraction_after(doc, number) or and_a_fraction(doc, number) or ratio_after(doc, number) \
        or times_after(doc, number) or number


def dozen_after(doc: Doc, number: Number) -> Number:
    """"3 dozens", "a dozen" (12), "half a dozen"."""
    j = next_index(doc, number.end)
    if j < len(doc) and doc[j].lower_ in ("dozen", "dozens", "dzs", "dozs"):
        return Number(number.start, j + 1, number.value * 12, number.start_char, token_end(doc, j + 1))
    return number


def fraction_after(doc: Doc, number: Number) -> Number | None:
    """"two-thirds", "three quarters", "three halves", "five eighths": a number followed by a fraction word."""
    fractions = tables()["numbers"]["fractions"]
    j = next_index(doc, number.end)
    if j < len(doc) and doc[j].text in ("-", "‑"):
        j = next_index(doc, j + 1)
    if j < len(doc) and doc[j].lower_ in fractions and number.value < 1000 and not number.digits \
            and not (doc[j].lower_ in ("half",) and number.value != 1):
        return Number(number.start, j + 1, number.value * fractions[doc[j].lower_], number.start_char,
                      token_end(doc, j + 1), kind="fraction")
    return None


def and_a_fraction(doc: Doc, number: Number) -> Number | None:
    """"two and a half", "one and a quarter": a whole number plus a fraction."""
    fractions = tables()["numbers"]["fractions"]
    j = next_index(doc, number.end)
    words = lower_seq(doc, j, 3)
    if len(words) == 3 and words[0] == "and" and words[1] in ("a", "an", "one") and words[2] in fractions:
        end = advance(doc, j, 3)
        return Number(number.start, end, number.value + fractions[words[2]], number.start_char, token_end(doc, end))
    return None


def ratio_after(doc: Doc, number: Number) -> Number | None:
    """"1 in 5", "three out of 10", "one over three": a ratio, valued as a fraction."""
    j = next_index(doc, number.end)
    words = lower_seq(doc, j, 2)
    skip = 2 if words == ("out", "of") else 1 if words[:1] in (("in",), ("over",)) else 0
    if not skip:
        return None
    k = next_index(doc, advance(doc, j, skip))
    if k >= len(doc):
        return None
    second = parse_number_plain(doc, k)
    if second is None or second.value == 0 or second.yearlike:
        return None
    if words[:1] == ("in",) and second.value <= number.value:
        return None
    if words[:1] == ("over",) and (number.value >= 1000 or symbol_before(doc, number) is not None
                                   or unit_after(doc, second) is not None
                                   or lower_seq(doc, next_index(doc, second.end), 1)[:1] and doc[next_index(doc, second.end)].pos_ == "NOUN"):
        return None  # "$2.6 billion over ten years" is not a ratio
    return Number(number.start, second.end, number.value / second.value, number.start_char, second.end_char, kind="ratio")


def times_after(doc: Doc, number: Number) -> Number | None:
    """"three times the rate": a multiple."""
    j = next_index(doc, number.end)
    if lower_seq(doc, j, 1) == ("times",) and re.match(r"\s+(?:per|a|an|each|every)\s+(second|minute|hour|day|week|month|year)\b",
                                                      text_of(doc)[token_end(doc, j + 1):token_end(doc, j + 1) + 20]):
        m = re.match(r"\s+(?:per|a|an|each|every)\s+(\w+)", text_of(doc)[token_end(doc, j + 1):])
        end_char = token_end(doc, j + 1) + m.end()
        return Number(number.start, token_after(doc, end_char), number.value, number.start_char, end_char,
                      kind="frequency", qualifier=None) if m else None
    if lower_seq(doc, j, 2) in (("times", "the"), ("times", "as"), ("times", "more"), ("times", "higher"), ("times", "that")):
        return Number(number.start, j + 1, number.value, number.start_char, token_end(doc, j + 1), kind="multiple")
    return None


def parse_number_plain(doc: Doc, i: int) -> Number | None:
    """A digit or word number at i, with no fraction/ratio reading."""
    number = parse_literal(doc, i)
    if number is not None:
        return number
    if doc[i].tag_ == "CD" and (parsed := parse_words(doc, i)):
        return Number(i, parsed[0], parsed[1], doc[i].idx, token_end(doc, parsed[0]))
    return None


def parse_fraction(doc: Doc, i: int) -> Number | None:
    """"half", "a third", "a quarter" followed by "of" (or standing alone after a qualifier); "half a dozen"."""
    fractions = tables()["numbers"]["fractions"]
    token = doc[i]
    if token.lower_ in ("a", "an", "one") and i + 1 < len(doc) and doc[i + 1].lower_ in fractions:
        end, word = i + 2, doc[i + 1].lower_
    elif token.lower_ == "one" and i + 2 < len(doc) and doc[i + 1].text == "-" and doc[i + 2].lower_ in fractions:
        end, word = i + 3, doc[i + 2].lower_
    elif token.lower_ == "half":
        end, word = i + 1, "half"
        if lower_seq(doc, end, 2) in (("a", "dozen"), ("a", "dozens")):
            end = advance(doc, end, 2)
            return Number(i, end, 6.0, token.idx, token_end(doc, end))
    else:
        return None
    if word in ("fourth", "fifth", "sixth", "eighth", "tenth", "third") and lower_seq(doc, end, 1) != ("of",) \
            and not (end >= len(doc) or doc[end].is_punct or doc[end].pos_ in ("VERB", "AUX", "NOUN")):
        return None  # "a third suspect"
    if word == "half" and lower_seq(doc, end, 1) not in (("of",), ("a",), ("an",), ("the",)) \
            and not qualifier_before(doc, i) and not (i > 0 and doc[i - 1].lower_ in ("a", "one")):
        return None
    return Number(i, end, fractions[word], token.idx, token_end(doc, end), kind="fraction")


# ---------------------------------------------------------------------------------------------- context

def qualifier_before(doc: Doc, i: int) -> tuple[int, str, bool] | None:
    """The qualifier phrase ending just before token i: (its first token, symbol, whether it belongs in the span)."""
    t = tables()
    outside = {tuple(q.split()) for q in t["rules"]["qualifiers_outside_span"]}
    for n in range(t["max_qualifier_len"], 0, -1):
        start = i - n
        if start < 0:
            continue
        words = tuple(tok.lower_ for tok in doc[start:i])
        if words in t["qualifiers"]:
            return start, t["qualifiers"][words], words not in outside
    return None


def table_unit(doc: Doc, char: int) -> Unit | None:
    """A unit of our table starting at character `char` (longest surface first)."""
    t = tables()
    i = token_after(doc, char)
    if i >= len(doc) or doc[i].idx != char:
        return None
    for n in range(t["max_unit_len"], 0, -1):
        words = lower_seq(doc, i, n)
        if len(words) == n and words in t["units"]:
            entry = t["units"][words]
            end = token_end(doc, advance(doc, i, n))
            return Unit(end, text_of(doc)[char:end], entry["normalized"], entry["kind"])
    return None


def pint_expression(chunk: str) -> str:
    """A unit as written ("km/s2", "J/m^2", "fb−1", "km²") in pint's syntax ("km/s**2")."""
    chunk = re.sub(r"gramme", "gram", chunk).replace("−", "-").replace("²", "**2").replace("³", "**3").replace("^", "**").replace("·", "*")
    return "/".join(re.sub(r"(?<=[A-Za-zµμ°])(-?\d+)$", r"**\1", part) for part in chunk.split("/"))


@lru_cache(maxsize=4096)
def parse_unit(expression: str):
    """pint's unit for an expression, or None (cached: the same words recur)."""
    try:
        return unit_registry().parse_units(expression)
    except Exception:  # pint raises many kinds of errors on odd strings ("A/0" divides by zero): not a unit
        return None


def unit_kind(unit) -> str:
    """The quantity kind of a pint unit, from its dimensionality (`models/units.json`; remembered per table)."""
    known = tables()["unit_kinds"]
    if unit not in known:
        known[unit] = kind_from_dimensions(unit, tables()["unit_data"])
    return known[unit]


def kind_from_dimensions(unit, data: dict) -> str:
    """The kind that units.json gives `unit`'s dimensionality, else "measure"."""
    dims = unit.dimensionality
    for expression, kind in data["dimension_kinds"]:
        if dims == unit_registry().get_dimensionality(expression):
            return kind
    if not dims:
        name = str(unit)
        return next((k for n, k in data["dimensionless_kinds"].items() if n in name), "measure")
    return "measure"


def single_letter_unit(doc: Doc, end: int, attached: bool) -> bool:
    """Whether "m"/"g" after a number is metres/grams ("1.8m tall", "1 m x 1 m"), not "5m people" or a stray letter."""
    rest = text_of(doc)[end:end + 12]
    nxt = re.match(r"\s*([A-Za-z×]+|\S)?", rest)
    word = (nxt.group(1) or "").lower() if nxt else ""
    k = token_after(doc, end + (len(rest) - len(rest.lstrip())))
    follower_is_noun = k < len(doc) and doc[k].pos_ in ("NOUN", "PROPN") and word not in tables()["unit_data"]["single_letter_followers"]
    if attached:
        return not follower_is_noun
    return word == "" or word in tables()["unit_data"]["single_letter_followers"] or not rest.strip()[:1].isalnum()


def pint_unit(doc: Doc, char: int, attached: bool, number: Number) -> Unit | None:
    """A unit pint knows, starting at character `char`; ambiguous English words are not taken for units."""

    data = tables()["unit_data"]
    text = text_of(doc)
    m = UNIT_CHUNK.match(text, char)
    if m is None:
        return None
    chunk = m.group(0).rstrip(".-")
    # "cubic kilometers", "square miles": two words
    two = re.match(r"(square|cubic|sq)\s+([A-Za-z]+)", text[char:char + 40], re.I)
    candidates = ([(two.group(0), char + len(two.group(0)))] if two else []) + [(chunk, char + len(chunk))]
    cubed = re.match(r"[A-Za-z]+\s+(squared|cubed)\b", text[char:char + 30])
    if cubed:
        candidates.insert(0, (cubed.group(0), char + len(cubed.group(0))))
    for surface, end in candidates:
        low = surface.lower()
        if surface == "L":
            return Unit(end, surface, "liter", "volume")
        if surface == "t" and number.digits and number.value >= 1000 and not attached \
                and re.match(r"\s*([a-z]|[.,;)]|$)", text[end:end + 3]):
            return Unit(end, surface, "metric_ton", "mass")  # "278,000 t valued"
        if surface in data["units_attached_single"] and single_letter_unit(doc, end, attached):
            return Unit(end, surface, "meter" if surface == "m" else "gram", "length" if surface == "m" else "mass")
        if low in data["pint_never"] and not (attached and len(low) > 1 and low not in ("am", "pm", "in", "at", "a.m.", "p.m.")):
            continue
        if len(low) <= 3 and low.isalpha() and not attached and low not in data["pint_short_allowed"] and not any(c.isupper() for c in surface[1:]) \
                and not surface.isupper():
            continue
        expression = pint_expression(re.sub(r"\s+(squared|cubed)$", lambda x: "**2" if x.group(1) == "squared" else "**3",
                                            re.sub(r"^(square|sq)\s+", "", re.sub(r"^cubic\s+", "", surface, flags=re.I), flags=re.I)))
        if two and surface == two.group(0):
            expression += "**3" if two.group(1).lower() == "cubic" else "**2"
        unit = parse_unit(expression)
        if unit is None:
            continue
        if str(unit) in ("dimensionless", ""):
            continue
        if len(surface) > 4 and surface.isalpha() and surface.islower() and " " not in surface:
            singular = re.sub(r"(es|s)$", "", low).replace("metre", "meter").replace("litre", "liter")
            if not str(unit).replace("_", "").startswith(singular[:max(3, len(singular) - 2)]):
                continue  # "units" is not micro-nits
        return Unit(end, text[char:end], str(unit), unit_kind(unit))
    return None


def unit_after(doc: Doc, number: Number, char: int | None = None) -> Unit | None:
    """The unit right after a number (across at most one space): "percent", "47 bloody minutes", "km/s2"."""
    text = text_of(doc)
    pos = number.end_char if char is None else char
    uncertainty = re.match(r"\s*(?:\+/-|±)\s*[\d.eE+\-−]+", text[pos:pos + 20])
    if uncertainty:
        pos += uncertainty.end()  # "9.83e-3 +/- 1e-5 km/s2": the unit follows the uncertainty
    j = pos
    if j < len(text) and text[j] in "-‑" and j + 1 < len(text) and text[j + 1].isalpha():
        j += 1  # "a 10-year plan", "27-kilometer"
        if text[j:j + 8].lower() == "year-old":
            return Unit(j + 8, text[pos:j + 8], "year", "age")
    while j < len(text) and text[j] in SPACES and j - pos < 2:
        j += 1
    attached = j == pos
    if j >= len(text) or not (text[j].isalpha() or text[j] in "%°µμ'’"):
        return None
    if text[j:j + 11].lower() in ("years-old", "years old") or text[j:j + 9].lower() == "years old":
        return Unit(j + 9, text[pos:j + 9], "year", "age")
    bracket = re.match(r"[(\[{<]\s*([A-Za-zµ°/]+)\s*[)\]}>]", text[j:j + 12])
    if bracket:  # "20 (kg)", "20 [kg]"
        inner = pint_unit(doc, j + bracket.start(1), True, number)
        if inner is not None and inner.end_char == j + bracket.end(1):
            return Unit(j + bracket.end(), text[j:j + bracket.end()], inner.normalized, inner.kind)
    unit = table_unit(doc, j)
    if unit is not None and unit.normalized == "GBP" and unit.surface.lower().startswith("pound") and not money_context(doc, number):
        unit = Unit(unit.end_char, unit.surface, "pound", "mass")  # "over two pounds": weight
    if unit is None and number.digits:
        word = re.match(r"[A-Za-z.]+", text[j:j + 6])
        w = word.group(0).lower() if word else ""
        if w.replace(".", "") in ("am", "pm"):
            if is_clock_time(doc, number) or "." in w.rstrip(".")[1:]:
                return None  # a time of day, not attometres
            return Unit(j + 2, text[j:j + 2], "attometer" if w == "am" else "picometer", "length")
        if w.rstrip(".") == "in":
            after = text[j + 2:j + 12].lstrip(" ")
            if not (after == "" or after[0] in ".,;)" or re.match(r"(thick|long|wide|tall|high|deep|across)\b", after)):
                return None
            return Unit(j + 2, text[j:j + 2], "inch", "length")
        unit = pint_unit(doc, j, attached, number)
    if unit is None:
        return None
    power = re.match(r"\s+(squared|cubed)\b", text[unit.end_char:unit.end_char + 10])
    if power and unit.normalized and unit.kind == "length":
        square = power.group(1) == "squared"
        unit = Unit(unit.end_char + power.end(), text[j:unit.end_char + power.end()],
                    f"{unit.normalized} ** {2 if square else 3}", "area" if square else "volume")
    return rate_after(doc, unit)


def money_context(doc: Doc, number: Number) -> bool:
    """Whether "pounds" after this number is money: a scale word before it ("20 million pounds"), or sterling in
    the text."""
    literal = text_of(doc)[number.start_char:number.end_char].lower()
    return any(w in literal for w in ("million", "billion", "thousand", "bn", "m")) or "£" in text_of(doc) or "sterling" in text_of(doc).lower()


def is_clock_time(doc: Doc, number: Number) -> bool:
    """Whether a number before "am"/"pm" is a time of day ("at 2.13 am", "2pm"), not atto-/picometres ("2.1 pm")."""
    prev = doc[number.start - 1].lower_ if number.start > 0 else ""
    literal = text_of(doc)[number.start_char:number.end_char]
    return prev in ("at", "by", "until", "till", "before", "after", "from", "around", "about", "since") \
        or not re.search(r"\.\d", literal) or bool(re.search(r"[:.]\d\d$", literal)) and number.value < 13 and prev != "of"


def rate_after(doc: Doc, unit: Unit) -> Unit:
    """"per week", "a year", "/hour" after a unit: the unit becomes a rate ("USD / hour")."""
    text = text_of(doc)
    m = re.match(r"(\s*/\s*|\s+per\s+|\s+an?\s+)([A-Za-z]+\d*)(?![A-Za-z])", text[unit.end_char:unit.end_char + 24])
    adverb = re.match(r"\s+(annually|yearly|monthly|weekly|daily|hourly)\b", text[unit.end_char:unit.end_char + 16])
    if adverb:  # "$115 million annually" = "$115 million a year"
        per = {"annually": "year", "yearly": "year", "monthly": "month", "weekly": "week", "daily": "day", "hourly": "hour"}
        end = unit.end_char + adverb.end()
        return Unit(end, text[end - adverb.end() - len(unit.surface):end], f"{unit.normalized or 'count'} / {per[adverb.group(1)]}", unit.kind)
    if not m:
        return unit
    word = re.sub(r"\d+$", "", m.group(2)).lower()
    durations = {"second", "minute", "hour", "day", "week", "month", "year", "decade", "annum", "s", "h", "min", "hr", "yr"}
    per = word.rstrip("s") if word not in ("s",) else word
    if per not in durations and not m.group(1).strip() in ("/", "per"):
        return unit
    try:
        unit_registry().parse_units(pint_expression(m.group(2)))
    except Exception:
        return unit
    end = unit.end_char + m.end()
    base = unit.normalized or "count"
    name = str(unit_registry().parse_units(pint_expression(m.group(2))))
    return Unit(end, text[end - (end - unit.end_char) - len(unit.surface):end], f"{base} / {name}", unit.kind)


def symbol_before(doc: Doc, number: Number) -> tuple[int, dict] | None:
    """A currency symbol just before the number ("$", "£", "US$", "c $", "hk $"): (its first char, unit entry)."""
    symbols = tables()["symbols"]
    text = text_of(doc)
    j = number.start_char
    while j > 0 and text[j - 1] in SPACES:
        j -= 1
    for width in (4, 3, 2, 1):
        s = j - width
        if s < 0:
            continue
        raw = text[s:j]
        compact = raw.replace(" ", "").lower()
        if compact in symbols and (s == 0 or not text[s - 1].isalnum()) and (raw[0] in "$€£¥" or raw.lower() in symbols):
            return s, symbols[compact]
        # "c $ 16.4", "hk $ 10.05", "us $ 150"
        m = re.match(r"([A-Za-z.]{1,4})\s*\$\s*$", text[max(0, j - 8):j])
        if m and (m.group(1).lower().rstrip(".") + "$") in symbols:
            return j - len(m.group(0)), symbols[m.group(1).lower().rstrip(".") + "$"]
    # "-15€": a currency symbol after the number
    return None


def symbol_after(doc: Doc, number: Number) -> tuple[int, dict] | None:
    """A currency symbol right after the number ("15€")."""
    text = text_of(doc)
    e = number.end_char
    if e < len(text) and text[e] in "€£¥$" and text[e] in tables()["symbols"]:
        return e + 1, tables()["symbols"][text[e]]
    return None


def not_a_quantity(doc: Doc, number: Number) -> bool:
    """Years, dates, clock times, emergency numbers, names with numbers, ordinals, scores and list markers."""
    rules = tables()["rules"]
    text = text_of(doc)
    first = doc[number.start]
    nxt = token_after(doc, number.end_char)
    nxt = next_index(doc, nxt)
    after = doc[nxt] if nxt < len(doc) else None
    prev = doc[number.start - 1] if number.start > 0 else None
    before_char = text[number.start_char - 1] if number.start_char > 0 else " "
    after_char = text[number.end_char] if number.end_char < len(text) else " "
    if ORDINAL.match(first.text) or (first.ent_type_ == "ORDINAL" and not number.digits):
        return True
    if number.digits and (before_char.isalpha() or after_char.isalpha() and unit_after(doc, number) is None
                          and not SCALE_SUFFIX.match(text, number.end_char)):
        return True  # "SCP 06F6", "J1149", "i7": part of a code
    word = re.search(r"[^\s,;()]*$", text[max(0, number.start_char - 40):number.start_char]).group(0) \
        + re.match(r"[^\s,;()]*", text[number.start_char:number.start_char + 40]).group(0)
    if number.digits and re.fullmatch(r"[A-Za-z]*\d+[A-Za-z]+\d+[A-Za-z\d]*", word) \
            and not re.fullmatch(r"\d+(\.\d+)?[eE]\d+", word) \
            and not (word[0].isdigit() and (u := unit_after(doc, number)) is not None and u.kind in ("area", "volume")):
        return True  # "06F6", "LGA1156": a code (but "24703m2" is square metres)
    if number.digits and before_char in "+#" or (number.digits and before_char == "." and number.start_char > 1
                                                  and text[number.start_char - 2].isdigit()):
        return True  # "+6663", "#3", "192.168" parts
    if re.match(r"\s?(a\.?m\.?|p\.?m\.?)(?![A-Za-z])", text[number.end_char:number.end_char + 5], re.I) \
            and is_clock_time(doc, number):
        return True  # "2pm", "at 2.13 am"
    if first.ent_type_ == "TIME" and CLOCK.search(doc[first.i: first.i + 4].text) and is_clock_time(doc, number):
        return True
    if re.match(r":\d\d", text[number.end_char:number.end_char + 3]):
        return True
    if first.ent_type_ == "DATE":
        ent = next((e for e in ents_of(doc) if e.start <= first.i < e.end), None)
        if ent is not None and any(tok.lower_ in MONTHS for tok in ent):
            return True
    if number.yearlike and unit_after(doc, number) is None:
        if first.ent_type_ == "DATE" or (prev is not None and prev.lower_ in rules["year_prepositions"]):
            return True
        if prev is not None and prev.lower_ in rules["year_determiners"] and after is not None and after.pos_ in ("NOUN", "PROPN", "ADJ"):
            return True  # "a 2021 study", "the 2016 election"
        if after is None or after.is_punct or after.pos_ not in ("NOUN", "ADJ"):
            return True
    if re.match(r"[-–]\d\d(?!\d)", text[number.end_char:number.end_char + 4]) and number.yearlike:
        return True  # "2013-14"
    if number.start_char >= 5 and re.search(r"(1[0-9]|20)\d\d[-–]$", text[number.start_char - 5:number.start_char]) \
            and number.value < 100:
        return True  # the "14" of "2013-14"
    if first.text in ("911", "999", "112", "311") and (after is None or after.lower_ in rules["phone_nouns"] or after.is_punct
                                                       or (prev is not None and prev.lemma_ in ("call", "dial", "phone", "ring", "text"))):
        return True
    if prev is not None and prev.whitespace_ == "" and prev.text in ("-", "‑", "#") and number.start > 1 \
            and doc[number.start - 2].is_alpha and not number.value < 0:
        return True  # COVID-19, F-35, Catch-22
    if prev is not None and prev.lower_ in rules["name_prefixes"]:
        return True
    if after is not None and after.text in ("-", "‑") and after.idx == number.end_char and nxt + 1 < len(doc) \
            and doc[nxt + 1].is_alpha and unit_after(doc, number) is None \
            and "." not in text[number.start_char:number.end_char]:
        return True  # "a four-alarm fire": a compound modifier, not a figure (but "6.0-sigma" is a measurement)
    if number.digits and (re.match(r" \d", text[number.end_char:number.end_char + 2])
                          or re.search(r"(?<![A-Za-z\d])\d+ \Z", text[max(0, number.start_char - 8):number.start_char])):
        return True  # "245 23 yen": digits run into other digits, no reading is safe
    if is_score(doc, number):
        return True  # "voted 7-2", "won 3-1": a tally, not a figure on its own
    at_line_start = prev is None or "\n" in prev.text or "\n" in prev.whitespace_
    if at_line_start and after is not None and after.text in (")", ".") and after.idx == number.end_char and number.value < 100:
        return after.whitespace_ != "" or nxt + 1 >= len(doc)  # "1." / "2)" list markers
    return False


def is_score(doc: Doc, number: Number) -> bool:
    """Digits, a hyphen and smaller digits written together ("7-2"), as a vote or game score."""
    text = text_of(doc)
    m_after = re.match(r"[-–](\d{1,3})(?![\d.,]|\s*(?:percent|%))", text[number.end_char:number.end_char + 8])
    m_before = re.search(r"(?<![\d.,])(\d{1,3})[-–]$", text[max(0, number.start_char - 4):number.start_char])
    if not number.digits or number.value >= 200:
        return False
    if m_after and int(m_after.group(1)) <= number.value and not unit_follows(text, number.end_char + m_after.end()):
        return True
    if m_before and number.value <= int(m_before.group(1)) and not unit_follows(text, number.end_char):
        return True
    return False


def unit_follows(text: str, pos: int) -> bool:
    """Whether a unit-looking word directly follows `pos` ("10-15 exabytes")."""
    m = re.match(r"\s*([A-Za-z%°]+)", text[pos:pos + 20])
    return bool(m) and m.group(1).lower() not in ("on", "in", "at", "to", "and", "or", "vote", "votes", "win", "victory", "loss")


def counted_after(doc: Doc, number: Number, i: int) -> tuple[int, int] | None:
    """The counted noun phrase right after a number ("106 [mass shootings]", "12 [dead]"): token range."""
    rules = tables()["rules"]
    if i >= len(doc):
        return None
    head = doc[number.end - 1]
    token = doc[i]
    if token.lower_ in rules["counted_adjectives"]:
        return i, i + 1
    target = head.head if head.dep_ in ("nummod", "quantmod", "compound") and head.head.i >= i else None
    if target is not None and target.i - i <= 4 and target.pos_ == "NOUN" and target.ent_type_ not in ("DATE", "TIME"):
        if all((t.pos_ in ("ADJ", "NOUN", "PROPN", "ADV", "VERB") and not t.is_punct) or t.text == "-"
               for t in doc[i: target.i]):
            return i, target.i + 1
    if token.pos_ == "NOUN" and token.tag_ in ("NNS", "NN") and token.dep_ != "npadvmod":
        end = i + 1
        while end < len(doc) and doc[end].pos_ == "NOUN" and doc[end].dep_ == "compound":
            end += 1
        return i, end
    return None


def of_phrase(doc: Doc, i: int) -> tuple[int, int] | None:
    """The noun phrase after "of" at token i, without relative clauses: token range."""
    if i >= len(doc) or doc[i].lower_ != "of":
        return None
    pobj = next((c for c in doc[i].children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    cut = {"relcl", "acl", "advcl", "punct", "cc", "conj"}
    kept = [pobj] + [t for c in pobj.children if c.dep_ not in cut for t in c.subtree]
    start = min(t.i for t in kept)
    end = max(t.i for t in kept) + 1
    return (start, end) if start > i else None


TIME_PHRASE = re.compile(r"\b(?:(?:last|this|next|past|previous)\s+(?:year|month|week|decade|quarter|summer|winter|spring|fall)"
                         r"|(?:since|in|by|until|from|during|before|after)\s+(?:19|20)\d\d"
                         r"|between\s+(?:19|20)\d\d\s+and\s+(?:19|20)\d\d)\b", re.I)


def time_scope(doc: Doc, span: Span) -> str | None:
    """The date expression nearest to `span` in its sentence ("between 2000 and 2015", "in February", "last year"):
    the nearest after it, or one before it at less than half the distance; ties go to the entity."""
    dates = sentence_table(doc, sentence_of(doc, span))["dates"]
    start, end = span.start_char, span.end_char
    after = bisect.bisect_left(dates["by_start"], (end, -1))
    before = bisect.bisect_right(dates["by_end"], (start, math.inf)) - 1
    candidates = []
    if after < len(dates["by_start"]):
        r0, n = dates["by_start"][after]
        candidates.append((r0 - end, n))
    if before >= 0:
        r1, minus_n = dates["by_end"][before]
        candidates.append((2 * (start - r1), -minus_n))
    if not candidates:
        return None
    s, e = dates["ranges"][min(candidates)[1]]
    return text_of(doc)[s:e]


def sentence_table(doc: Doc, sent: Span) -> dict:
    """What the scopes look up in a sentence, found once per sentence: its date ranges (DATE entities, then time
    phrases), sorted by start and by end for `time_scope`, and its GPE/LOC entities for `place_scope`."""
    tables_by_sentence = doc.user_data.setdefault("newsclaims_sentences", {})
    if sent.start not in tables_by_sentence:
        in_sentence = ents_of_sentence(doc, sent)
        ranges = [(e.start_char, e.end_char) for e in in_sentence if e.label_ == "DATE"]
        text = text_of(doc)[sent.start_char:sent.end_char]
        ranges += [(sent.start_char + m.start(), sent.start_char + m.end()) for m in TIME_PHRASE.finditer(text)]
        tables_by_sentence[sent.start] = {
            "dates": {"ranges": ranges, "by_start": sorted((r0, n) for n, (r0, _) in enumerate(ranges)),
                      "by_end": sorted((r1, -n) for n, (_, r1) in enumerate(ranges))},
            "places": [e for e in in_sentence if e.label_ in ("GPE", "LOC")]}
    return tables_by_sentence[sent.start]


def ents_of_sentence(doc: Doc, sent: Span) -> list[Span]:
    """The doc's entities inside `sent` (found by bisection over the doc's entities, in order)."""
    ents = ents_of(doc)
    starts = doc.user_data.get("newsclaims_ent_starts")
    if starts is None:
        starts = doc.user_data["newsclaims_ent_starts"] = [e.start for e in ents]
    first = bisect.bisect_left(starts, sent.start)
    out = []
    for e in ents[first:]:
        if e.start >= sent.end:
            break
        if e.end <= sent.end:
            out.append(e)
    return out


def place_scope(doc: Doc, span: Span) -> str | None:
    """The place named in the figure's clause ("in Ohio", "across California"): the nearest GPE/LOC entity."""
    places = sentence_table(doc, sentence_of(doc, span))["places"]
    if not places:
        return None
    head = span.root.head
    near = [e for e in places if e.start == head.i or head.is_ancestor(doc[e.start])]
    if not near:
        return None
    nearest = min(near, key=lambda e: abs(e.start - span.start))
    return nearest.text


def change_of(span: Span) -> str | None:
    """"up"/"down" where the figure is what something rose or fell by ("rose 20%", "fell by 3 points")."""
    rules = tables()["rules"]
    root = span.root
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "by":
        head = head.head
    elif root.dep_ not in ("dobj", "npadvmod", "advmod", "attr"):
        return None
    if head.pos_ not in ("VERB", "AUX", "ADV"):
        return None
    if head.lemma_ in rules["change_up"]:
        return "up"
    if head.lemma_ in rules["change_down"]:
        return "down"
    return None


def m_joiner(text: str, pos: int) -> str:
    """The word joining a range's two numbers at `pos` ("to", "-", "and"), or ""."""
    m = re.match(r"\s*(to|through|and|-|–|—)", text[pos:pos + 10])
    return m.group(1) if m else ""


def range_end(doc: Doc, number: Number, unit: Unit | None) -> tuple[Number, Unit | None, bool] | None:
    """The second number of a range ("10 to 20", "10-20", "44 mg to 50 mg", "8- to 16-meter", "between 10 and 20")."""
    text = text_of(doc)
    pos = unit.end_char if unit is not None else number.end_char
    between = number.start > 0 and doc[number.start - 1].lower_ == "between"
    from_ = number.start > 0 and doc[number.start - 1].lower_ == "from"
    if change_verb_before(doc, number.start) and not from_ and "to" in m_joiner(text, pos):
        return None  # "fell 3 points to 4.1 percent": a change and a level, not a range
    rate = re.match(r"\s*(?:/|per)\s*[A-Za-z]+", text[pos:pos + 16]) if symbol_before(doc, number) else None
    if rate:
        pos += rate.end()  # "$350 per kg to $680 per kg"
    m = re.match(r"(-?\s*(?:to|through|and)\s+[$€£¥]?|\s?[-–—]\s?[$€£¥]?)", text[pos:pos + 12])
    if not m or (m.group(0).strip() == "and" and not between):
        return None
    k = token_after(doc, pos + m.end())
    if k < len(doc) and doc[k].idx == pos + m.end():
        second = parse_number(doc, k)
    else:  # "3.5–4.0" is one token
        inside = k - 1 if k > 0 else 0
        second = parse_literal(doc, inside, at=pos + m.end())
    if second is None or second.kind != "count" or second.yearlike or number.kind != "count":
        return None
    if "to" not in m.group(0) and "and" not in m.group(0) and second.value <= number.value and number.value >= 0 \
            and second.value >= 0 and unit is None:
        return None  # "7-2" is a score; "10-20" a range
    second_unit = unit_after(doc, second)
    if unit is not None and second_unit is not None and second_unit.normalized != unit.normalized:
        return None  # "from 44 ml to 50 mg": two quantities
    return second, second_unit or unit, between


def change_verb_before(doc: Doc, i: int) -> str | None:
    """"up"/"down" when a change verb (or "up"/"down") governs the figure at token i ("rose 20%", "fell by 3",
    "rose from 12 to 15", "up from 81,000")."""
    rules = tables()["rules"]
    j = i - 1
    if j >= 1 and doc[j].lower_ == "from" and doc[j - 1].lower_ in ("up", "down"):
        return None  # "up from 81,000": the earlier value, not a change
    while j >= 0 and doc[j].lower_ in ("by", "from", "some", "about", "nearly", "almost", "roughly", "more", "than",
                                         "just", "only", "over", "under", "less", "around", "approximately", "$", "£", "€"):
        j -= 1
    if j < 0:
        return None
    if doc[j].lemma_ in rules["change_up"] and doc[j].pos_ in ("VERB", "ADV", "ADP", "AUX", "NOUN"):
        return "up"
    if doc[j].lemma_ in rules["change_down"] and doc[j].pos_ in ("VERB", "ADV", "ADP", "AUX", "NOUN"):
        return "down"
    return None


def quantity_at(doc: Doc, number: Number) -> tuple[Span, Quantity] | None:
    """The quantity built around `number`, with its context, or None where it is not a quantity."""
    if not_a_quantity(doc, number):
        return None
    text = text_of(doc)
    start_char, end_char = number.start_char, number.end_char
    value, low, high, previous = number.value, None, None, None
    kind = number.kind
    unit_text = unit_normalized = counted = None
    qualifier = number.qualifier or "="
    base = None
    end_token = number.end

    sym = symbol_before(doc, number)
    unit = unit_after(doc, number) if kind in ("count",) or number.digits else None
    if unit is not None and unit.kind == "money" and sym is not None and unit.normalized in ("USD",):
        unit = None  # "$ 5 dollars"
    # ranges
    ranged = range_end(doc, number, unit)
    if ranged is not None and kind == "count":
        second, range_unit, between = ranged
        scale = second.value / plain_value(doc, second) if plain_value(doc, second) else 1
        first_value = value * scale if (scale > 1 and abs(value * scale) <= abs(second.value) and not (unit and ranged[1] is unit)) else value
        low, high, value = first_value, second.value, None
        previous = None
        if number.start > 0 and doc[number.start - 1].lower_ == "from" and change_verb_before(doc, number.start):
            previous, value, low, high = low, high, None, None  # "rose from 12 to 15": 15, up from 12
        elif low > high:
            low, high = high, low
        end_char = second.end_char
        unit = unit_after(doc, second) or (unit if unit is not None and unit.end_char <= second.start_char else None) or range_unit
        if between:
            start_char = doc[number.start - 1].idx
    if sym is not None:
        start_char, entry = sym
        unit_text, unit_normalized, kind = text[sym[0]:number.start_char].strip(), entry["normalized"], entry["kind"]
        if unit is not None and unit.kind == "money":
            unit = None
        if sym[0] > 0 and text[sym[0] - 1] == "(" and text[end_char:end_char + 1] == ")" and value is not None and value > 0:
            value, start_char, end_char = -value, sym[0] - 1, end_char + 1  # "($99.99)": accounting negative
        rate = rate_after(doc, Unit(end_char, "", unit_normalized, kind))
        if rate.end_char > end_char and unit is None:
            end_char, unit_normalized = rate.end_char, rate.normalized  # "$15.4/hour", "$115 million a year"
    elif (after := symbol_after(doc, number)) is not None and unit is None:
        end_char, entry = after
        unit_text, unit_normalized, kind = text[number.end_char:after[0]], entry["normalized"], entry["kind"]
    if unit is None and number.digits and kind == "count":
        # "47 bloody minutes": one adjective between the number and a duration
        j = next_index(doc, token_after(doc, end_char))
        if j < len(doc) and doc[j].pos_ == "ADJ" and j + 1 < len(doc):
            maybe = table_unit(doc, doc[next_index(doc, j + 1)].idx) if next_index(doc, j + 1) < len(doc) else None
            if maybe is not None and maybe.kind == "duration":
                unit = maybe
    if unit is None and not number.digits and kind in ("count", "fraction"):
        unit = table_or_duration_after_words(doc, number, end_char)
    if unit is None and kind == "count" and ranged is None:
        unit = shared_unit(doc, number)  # "45 and 50 mg": the first takes the unit of the second
    if unit is not None and unit.end_char == number.end_char and unit.surface == "":
        unit_normalized, kind = unit.normalized, unit.kind  # "45 and 50 mg"
    elif unit is not None and unit.end_char > end_char:
        unit_text = unit.surface.strip(" -")
        unit_normalized = unit.normalized if not unit_normalized or unit.kind != "money" else unit_normalized
        if sym is None or unit.kind != "money":
            kind = unit.kind
            unit_normalized = unit.normalized
        end_char = unit.end_char
        if unit_normalized == "percent" and unit_text.lower() in ("point", "points"):
            unit_normalized = "percentage point"
        if "point" in unit_text.lower():
            unit_normalized = "percentage point"
    elif kind == "multiple":
        unit_normalized = "times"
    elif kind == "frequency":
        unit_text = text[number.start_char:number.end_char].split(None, 1)[1] if " " in text[number.start_char:number.end_char] else None
        unit_normalized = "1 / " + re.sub(r"s$", "", text[number.start_char:number.end_char].split()[-1].lower())
    elif kind in ("fraction", "ratio"):
        unit_normalized = unit_text = kind
    per = re.match(r"\s+per\s+(\d{1,3}(?:,\d{3})+|\d+)\s+([a-z]+)", text[end_char:end_char + 40]) \
        if kind == "count" and unit_text is None else None
    if per:  # "5.3 per 100,000 residents"
        base = float(per.group(1).replace(",", ""))
        unit_text = text[end_char:end_char + per.end()].strip()
        unit_normalized, kind, counted = f"per {per.group(1).replace(',', '')} {per.group(2)}", "rate", per.group(2)
        end_char += per.end()
    end_token = max(end_token, token_after(doc, end_char))
    j = next_index(doc, end_token)
    if kind == "count" and unit_text is None:
        if number.qualifier is not None and (of_range := of_phrase(doc, j)) is not None:
            counted = unit_text = doc[of_range[0]: of_range[1]].text  # "hundreds of protesters"
        else:
            counted_range = counted_after(doc, number, j)
            if counted_range is not None:
                counted = unit_text = doc[counted_range[0]: counted_range[1]].text
                end_char = token_end(doc, counted_range[1])
    if kind in ("percent", "fraction", "ratio"):
        of_range = of_phrase(doc, next_index(doc, token_after(doc, end_char)))
        if of_range is not None:
            inner_start = next_index(doc, of_range[0])
            inner = parse_number(doc, inner_start) if inner_start < len(doc) else None
            if inner is not None and inner.kind == "count" and not inner.yearlike:
                base = inner.value
                counted_range = counted_after(doc, inner, next_index(doc, inner.end))
                counted = doc[counted_range[0]: counted_range[1]].text if counted_range else None
            else:
                counted = doc[of_range[0]: of_range[1]].text
    if number.start > 0 and doc[number.start - 1].lower_ in tables()["numbers"]["negators"] and start_char == number.start_char:
        start_char = doc[number.start - 1].idx  # "minus five percent"
        value, low, high = -value if value is not None else value, (-high if high is not None else None), (-low if low is not None else None)
        if low is not None:
            value = None
    first_token = token_after(doc, start_char) if start_char != number.start_char else number.start
    qual = qualifier_before(doc, first_token)
    if qual is not None:
        q_start, symbol, inside = qual
        qualifier = symbol
        if inside:
            start_char = doc[q_start].idx
    bare_article = number.end - number.start == 1 and doc[number.start].lower_ in ("a", "an")
    if text[start_char:end_char].strip() == "" or (bare_article and kind == "count" and unit_text is None):
        return None
    if low is not None:
        value = None
    if any(x is not None and not math.isfinite(x) for x in (value, low, high, base, previous)):
        return None
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    change = change_of(span) or change_verb_before(doc, first_token)
    if previous is not None and value is not None and change is None:
        change = "up" if value > previous else "down" if value < previous else None
    return span, Quantity(
        id="", text=text[start_char:end_char], start=start_char, end=end_char, value=value, low=low, high=high,
        unit=unit_text, unit_normalized=unit_normalized, kind=kind, qualifier=qualifier, change=change,
        base=base, counted=counted, time=time_scope(doc, span), previous=previous, place=place_scope(doc, span),
    )


def shared_unit(doc: Doc, number: Number) -> Unit | None:
    """"45 and 50 mg": the unit written once after two coordinated numbers, for the first of them (span unchanged)."""
    m = re.match(r"\s+(?:and|or|to|,)\s+", text_of(doc)[number.end_char:number.end_char + 8])
    if not m:
        return None
    k = token_after(doc, number.end_char + m.end())
    second = parse_literal(doc, k) if k < len(doc) else None
    found = unit_after(doc, second) if second is not None else None
    if found is None or found.kind in ("money",):
        return None
    return Unit(number.end_char, "", found.normalized, found.kind)


def table_or_duration_after_words(doc: Doc, number: Number, end_char: int) -> Unit | None:
    """The unit after a spelled-out number ("two meters", "six gallons"), from our table or pint (full words)."""
    j = next_index(doc, token_after(doc, end_char))
    if j >= len(doc):
        return None
    unit = table_unit(doc, doc[j].idx)
    if unit is None and doc[j].is_alpha and len(doc[j]) > 3 and doc[j].pos_ == "NOUN":
        unit = pint_unit(doc, doc[j].idx, False, number)
    return rate_after(doc, unit) if unit is not None else None


def plain_value(doc: Doc, number: Number) -> float:
    """The value of a number's first token alone ("20" of "20 billion"), to carry the scale to a range's start."""
    m = LITERAL.match(text_of(doc), number.start_char)
    if m:
        return literal_value(m)
    parsed = parse_words(doc, number.start)
    return parsed[1] if parsed else number.value


def indefinite_unit_quantity(doc: Doc, i: int) -> tuple[Span, Quantity] | None:
    """"nearly an hour", "a gallon of beer": one unit after "a"/"an" (durations only after a qualifier)."""
    if doc[i].lower_ not in ("a", "an") or i + 1 >= len(doc):
        return None
    qual = qualifier_before(doc, i)
    number = Number(i, i + 1, 1.0, doc[i].idx, doc[i].idx + len(doc[i]))
    unit = table_unit(doc, doc[i + 1].idx)
    if unit is None and doc[i + 1].pos_ in ("NOUN", "PROPN") and len(doc[i + 1]) > 3:
        unit = pint_unit(doc, doc[i + 1].idx, False, number)
    if unit is None or unit.kind in ("percent", "money") and unit.normalized not in ("penny", "cent"):
        return None
    if unit.kind in ("duration", "age") and (qual is None or not qual[2]):
        return None  # "a year ago", "once a week": not figures
    defining = doc[i].is_sent_start and i + 2 < len(doc) and doc[next_index(doc, token_after(doc, unit.end_char))].lemma_ in ("be", "equal")
    if unit.kind not in ("duration",) and unit.normalized not in ("penny", "cent") and lower_seq(doc, i + 2, 1) != ("of",) \
            and not defining:
        return None
    start = doc[qual[0]].idx if qual is not None and qual[2] else doc[i].idx
    span = doc.char_span(start, unit.end_char, alignment_mode="expand")
    return span, Quantity(
        id="", text=text_of(doc)[start:unit.end_char], start=start, end=unit.end_char, value=1.0,
        unit=unit.surface, unit_normalized=unit.normalized, kind=unit.kind,
        qualifier=qual[1] if qual else "=", time=time_scope(doc, span),
    )


def verb_multiple(doc: Doc, i: int) -> tuple[Span, Quantity] | None:
    """"Enrollment doubled", "the deficit halved": a change stated by the verb itself."""
    token = doc[i]
    factor = tables()["rules"]["change_verbs_as_figures"].get(token.lemma_)
    if factor is None or token.pos_ != "VERB":
        return None
    span = doc[i:i + 1]
    return span, Quantity(id="", text=token.text, start=token.idx, end=token.idx + len(token), value=float(factor),
                          unit=None, unit_normalized="times", kind="multiple", change="up" if factor > 1 else "down",
                          time=time_scope(doc, span), place=place_scope(doc, span))


def percent_of_number(doc: Doc, i: int) -> tuple[Span, Quantity] | None:
    """"percent of 10", "per cent of twenty-two": a percentage written before its number."""
    m = re.match(r"(per\s?cents?|percents?|percentage)\s+of\s+", text_of(doc)[doc[i].idx:doc[i].idx + 24], re.I)
    if not m or (i > 0 and (doc[i - 1].like_num or doc[i - 1].lower_ in ("a", "the", "what", "high", "low", "large", "small"))):
        return None
    k = token_after(doc, doc[i].idx + m.end())
    number = parse_number_plain(doc, k) if k < len(doc) else None
    if number is None or number.yearlike:
        return None
    start, end = doc[i].idx, number.end_char
    span = doc.char_span(start, end, alignment_mode="expand")
    return span, Quantity(id="", text=text_of(doc)[start:end], start=start, end=end, value=number.value, unit=m.group(1),
                          unit_normalized="percent", kind="percent", time=time_scope(doc, span))


PER_DOC_CACHES = ("newsclaims_token_starts", "newsclaims_text", "newsclaims_ents", "newsclaims_ent_starts",
                  "newsclaims_sentences", "newsclaims_sents")


def quantities_of(doc: Doc) -> list[tuple[Span, Quantity]]:
    """Every quantity in `doc`, in text order, spans not overlapping."""
    for key in PER_DOC_CACHES:
        doc.user_data.pop(key, None)
    found: list[tuple[Span, Quantity]] = []
    i = 0
    while i < len(doc):
        token = doc[i]
        result = None
        if not token.is_space and ((pre := percent_of_number(doc, i)) is not None or (pre := verb_multiple(doc, i)) is not None):
            found.append(pre)
            i = max(i + 1, token_after(doc, pre[1].end))
            continue
        if not token.is_space:
            number = parse_number(doc, i)
            if number is not None:
                result = quantity_at(doc, number)
                if result is None:
                    i = max(i + 1, number.end)
                    continue
            else:
                result = indefinite_unit_quantity(doc, i)
        if result is not None and not (found and result[1].start < found[-1][1].end):
            found.append(result)
            i = max(i + 1, token_after(doc, result[1].end))
        else:
            i += 1
    link_previous_values(doc, found)
    for key in PER_DOC_CACHES:
        doc.user_data.pop(key, None)
    return found


def link_previous_values(doc: Doc, found: list[tuple[Span, Quantity]]) -> None:
    """"About 96,000 people ride ..., up from 81,000 in 2022": the earlier figure becomes the previous value of the
    figure it is compared with, and takes its unit when it has none."""
    for k in range(1, len(found)):
        span, q = found[k]
        m = re.search(r"\b(up|down)\s+(?:sharply\s+|slightly\s+)?from\s+$", text_of(doc)[max(0, q.start - 30):q.start])
        if not m:
            continue
        prev_span, prev = found[k - 1]
        if sentence_of(doc, prev_span).start != sentence_of(doc, span).start or prev.value is None \
                or q.value is None or prev.previous is not None:
            continue
        prev.previous, prev.change = q.value, m.group(1)
        if q.unit is None and q.kind == "count" and prev.kind == q.kind:
            q.unit, q.counted = prev.unit, prev.counted
        elif q.kind == "count" and prev.kind != "count" and q.unit is None:
            q.kind, q.unit, q.unit_normalized = prev.kind, prev.unit, prev.unit_normalized


class QuantityStage(DataStage):
    """spaCy component `newsclaims_quantities`: sets `doc._.quantities` and `doc._.quantity_spans`."""

    data_files = ("numbers", "quantity_rules", "units")

    def __init__(self, nlp: Language, name: str):
        super().__init__(name)

    def process(self, doc: Doc) -> Doc:
        pairs = quantities_of(doc)
        for n, (_, quantity) in enumerate(pairs, start=1):
            quantity.id = f"q{n}"
        doc._.quantities = [q for _, q in pairs]
        doc._.quantity_spans = [s for s, _ in pairs]
        return doc


@Language.factory("newsclaims_quantities", requires=["token.tag", "token.dep", "doc.ents"],
                  assigns=["doc._.quantities", "doc._.quantity_spans"])
def make_quantity_stage(nlp: Language, name: str) -> QuantityStage:
    register_extensions(["quantities", "quantity_spans"])
    return QuantityStage(nlp, name)
