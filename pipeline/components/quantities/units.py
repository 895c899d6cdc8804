"""Reading units and currencies next to a number: our unit table (`models/units.json`) first, then pint's registry
("km/s2", "MWh", "°C"), rates ("per week", "/hour", "annually"), and currency symbols before or after ("$", "US$",
"15€")."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from .lexicon import tables
from .text import SPACES, advance, lower_seq, next_index, text_of, token_after, token_end

if TYPE_CHECKING:
    from .numbers import Number

UNIT_CHUNK = re.compile(r"[A-Za-zµμ°Ω][A-Za-z0-9µμ°Ω/^²³·.*−\-]*")


@dataclass
class Unit:
    """A unit found after a number: where it ends, how it is written, normalised, and the quantity kind."""

    end_char: int
    surface: str
    normalized: str | None
    kind: str


@lru_cache(maxsize=1)
def unit_registry():
    """pint's unit registry (loaded once, on first use)."""
    import pint

    return pint.UnitRegistry()


# ---------------------------------------------------------------------------------------------- our table

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


# ---------------------------------------------------------------------------------------------- pint

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


def pint_candidates(text: str, char: int, chunk: str) -> list[tuple[str, int, str]]:
    """The readings of the words at `char` to try with pint, longest first: (surface, end, pint expression)
    ("cubic kilometers", "square miles", "metres squared", then the unit-like chunk alone)."""
    two = re.match(r"(square|cubic|sq)\s+([A-Za-z]+)", text[char:char + 40], re.I)
    candidates = ([(two.group(0), char + len(two.group(0)))] if two else []) + [(chunk, char + len(chunk))]
    cubed = re.match(r"[A-Za-z]+\s+(squared|cubed)\b", text[char:char + 30])
    if cubed:
        candidates.insert(0, (cubed.group(0), char + len(cubed.group(0))))
    out = []
    for surface, end in candidates:
        expression = pint_expression(re.sub(r"\s+(squared|cubed)$", lambda x: "**2" if x.group(1) == "squared" else "**3",
                                            re.sub(r"^(square|sq)\s+", "", re.sub(r"^cubic\s+", "", surface, flags=re.I), flags=re.I)))
        if two and surface == two.group(0):
            expression += "**3" if two.group(1).lower() == "cubic" else "**2"
        out.append((surface, end, expression))
    return out


def pint_unit(doc: Doc, char: int, attached: bool, number: Number) -> Unit | None:
    """A unit pint knows, starting at character `char`; ambiguous English words are not taken for units."""
    data = tables()["unit_data"]
    text = text_of(doc)
    m = UNIT_CHUNK.match(text, char)
    if m is None:
        return None
    for surface, end, expression in pint_candidates(text, char, m.group(0).rstrip(".-")):
        low = surface.lower()
        if surface == "L":
            return Unit(end, surface, "liter", "volume")
        if surface == "t" and number.digits and number.value >= 1000 and not attached \
                and re.match(r"\s*([a-z]|[.,;)]|$)", text[end:end + 3]):
            return Unit(end, surface, "metric_ton", "mass")  # "278,000 t valued"
        if surface in data["units_attached_single"] and single_letter_unit(doc, end, attached):
            return Unit(end, surface, "meter" if surface == "m" else "gram", "length" if surface == "m" else "mass")
        if low in data["pint_never"] and not (attached and len(low) > 1 and low not in tables()["words"]["short_units_when_attached"]):
            continue
        if len(low) <= 3 and low.isalpha() and not attached and low not in data["pint_short_allowed"] and not any(c.isupper() for c in surface[1:]) \
                and not surface.isupper():
            continue
        unit = parse_unit(expression)
        if unit is None or str(unit) in ("dimensionless", ""):
            continue
        if len(surface) > 4 and surface.isalpha() and surface.islower() and " " not in surface:
            singular = re.sub(r"(es|s)$", "", low).replace("metre", "meter").replace("litre", "liter")
            if not str(unit).replace("_", "").startswith(singular[:max(3, len(singular) - 2)]):
                continue  # "units" is not micro-nits
        return Unit(end, text[char:end], str(unit), unit_kind(unit))
    return None


# ---------------------------------------------------------------------------------------------- after a number

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
        decided, unit = am_pm_or_inch(doc, number, j)
        if decided:
            return unit
        unit = pint_unit(doc, j, attached, number)
    return powered_rate(doc, unit, j) if unit is not None else None


def am_pm_or_inch(doc: Doc, number: Number, j: int) -> tuple[bool, Unit | None]:
    """After digits, "am"/"pm" and "in" at character `j` decide alone: (whether they do, the unit or None):
    attometres/picometres unless a time of day, inches only as in "3 in thick"."""
    text = text_of(doc)
    word = re.match(r"[A-Za-z.]+", text[j:j + 6])
    w = word.group(0).lower() if word else ""
    if w.replace(".", "") in ("am", "pm"):
        if is_clock_time(doc, number) or "." in w.rstrip(".")[1:]:
            return True, None  # a time of day, not attometres
        return True, Unit(j + 2, text[j:j + 2], "attometer" if w == "am" else "picometer", "length")
    if w.rstrip(".") == "in":
        after = text[j + 2:j + 12].lstrip(" ")
        if not (after == "" or after[0] in ".,;)" or tables()["inch_adjective"].match(after)):
            return True, None
        return True, Unit(j + 2, text[j:j + 2], "inch", "length")
    return False, None


def powered_rate(doc: Doc, unit: Unit, j: int) -> Unit:
    """`unit` (written from character `j`) with "squared"/"cubed" after a length, and a rate after it."""
    text = text_of(doc)
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
    return any(w in literal for w in tables()["words"]["money_scale_words"]) or "£" in text_of(doc) \
        or "sterling" in text_of(doc).lower()


def is_clock_time(doc: Doc, number: Number) -> bool:
    """Whether a number before "am"/"pm" is a time of day ("at 2.13 am", "2pm"), not atto-/picometres ("2.1 pm")."""
    prev = doc[number.start - 1].lower_ if number.start > 0 else ""
    literal = text_of(doc)[number.start_char:number.end_char]
    return prev in tables()["words"]["clock_prepositions"] \
        or not re.search(r"\.\d", literal) or bool(re.search(r"[:.]\d\d$", literal)) and number.value < 13 and prev != "of"


def rate_after(doc: Doc, unit: Unit) -> Unit:
    """"per week", "a year", "/hour" after a unit: the unit becomes a rate ("USD / hour")."""
    text = text_of(doc)
    words = tables()["words"]
    m = re.match(r"(\s*/\s*|\s+per\s+|\s+an?\s+)([A-Za-z]+\d*)(?![A-Za-z])", text[unit.end_char:unit.end_char + 24])
    adverb = tables()["rate_adverb"].match(text[unit.end_char:unit.end_char + 16])
    if adverb:  # "$115 million annually" = "$115 million a year"
        end = unit.end_char + adverb.end()
        per = words["rate_adverbs"][adverb.group(1)]
        return Unit(end, text[end - adverb.end() - len(unit.surface):end], f"{unit.normalized or 'count'} / {per}", unit.kind)
    if not m:
        return unit
    word = re.sub(r"\d+$", "", m.group(2)).lower()
    per = word.rstrip("s") if word not in ("s",) else word
    if per not in words["rate_durations"] and not m.group(1).strip() in ("/", "per"):
        return unit
    try:
        unit_registry().parse_units(pint_expression(m.group(2)))
    except Exception:
        return unit
    end = unit.end_char + m.end()
    base = unit.normalized or "count"
    name = str(unit_registry().parse_units(pint_expression(m.group(2))))
    return Unit(end, text[end - (end - unit.end_char) - len(unit.surface):end], f"{base} / {name}", unit.kind)


def unit_after_words(doc: Doc, number: Number, end_char: int) -> Unit | None:
    """The unit after a spelled-out number ("two meters", "six gallons"), from our table or pint (full words)."""
    j = next_index(doc, token_after(doc, end_char))
    if j >= len(doc):
        return None
    unit = table_unit(doc, doc[j].idx)
    if unit is None and doc[j].is_alpha and len(doc[j]) > 3 and doc[j].pos_ == "NOUN":
        unit = pint_unit(doc, doc[j].idx, False, number)
    return rate_after(doc, unit) if unit is not None else None


# ---------------------------------------------------------------------------------------------- currency

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
    return None


def symbol_after(doc: Doc, number: Number) -> tuple[int, dict] | None:
    """A currency symbol right after the number ("15€")."""
    text = text_of(doc)
    e = number.end_char
    if e < len(text) and text[e] in "€£¥$" and text[e] in tables()["symbols"]:
        return e + 1, tables()["symbols"][text[e]]
    return None
