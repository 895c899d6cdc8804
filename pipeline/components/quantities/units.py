"""Reading units and currencies next to a number: our unit table (`models/units.json`) first, then pint's registry
("km/s2", "MWh", "°C", "12,000 KB", "31 mpg"), rates ("per week", "/hour", "annually", "points per game"), and
currencies before or after ("$", "US$", "HK $", "$US", "RM", wire-style "Y=", ISO codes as in "INR2 trillion", "15€";
the symbols and codes beyond our table from babel's currency data)."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from ... import resources
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
    """pint's unit registry (loaded once, on first use), with the units news writes that pint lacks (units.json's
    `pint_definitions`: "ppb", "ppt")."""
    import pint

    registry = pint.UnitRegistry()
    for definition in resources.packaged("units").get("pint_definitions", []):  # one registry per process
        registry.define(definition)
    return registry


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


def implied_compound(surface: str, unit: str) -> bool:
    """Whether pint made a product or power of units that the writing does not show: "U.S" read as enzyme unit
    times siemens, "MN4" as meganewton to the fourth (a code); "N·m", "km/h", "m2" and "km²" show theirs."""
    if " * " in unit and not re.search(r"[*·⋅ /-]", surface):
        return True
    return "**" in unit and bool(re.fullmatch(r"[A-Z]{2,}\d", surface))


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
        unit = parse_unit(data.get("pint_spellings", {}).get(surface, expression))  # "KB" is pint's "kB"
        if unit is None or str(unit) in ("dimensionless", "") or implied_compound(surface, str(unit)):
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
    if attached and is_inch_mark(text, j):
        return Unit(j + 1, text[j], "inch", "length")
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


FEET_AND_INCHES = re.compile(r"\s?['′’]\s?(\d{1,2})\s?(?:[\"″”]|''|['′’]{2})|[-‑]foot[-‑](\d{1,2})(?:[-‑]inch(?:es)?)?(?![\d.])")
QUOTE_REACH = 300  # characters back to the line's start, to tell an inch mark from a closing quote


def feet_and_inches(doc: Doc, number: Number) -> tuple[int, float] | None:
    """"6'2\"", "8’10”", "a 6-foot-2 guard": a length in feet and inches, as (its end, its length in inches: 6'2"
    is 74), or None (also after a degree sign: a coordinate's minutes and seconds)."""
    text = text_of(doc)
    m = FEET_AND_INCHES.match(text, number.end_char)
    if m is None or not number.digits or number.value != int(number.value) or not 0 < number.value < 100 \
            or re.search(r"[°º]\s?$", text[max(0, number.start_char - 2):number.start_char]):
        return None  # "40°45'07\"N": minutes and seconds of a degree
    written = m.group(1) or m.group(2)
    if written.startswith("0") and len(written) > 1:
        return None  # "2'05\"": minutes and seconds
    return (m.end(), number.value * 12 + int(written)) if int(written) < 12 else None


def is_inch_mark(text: str, j: int) -> bool:
    """Whether the double prime or quotation mark at `j`, right after digits, is an inch mark ("a 24\" screen",
    "a 55″ TV"): a double prime always; a quotation mark where it closes no quotation opened on its line."""
    if j >= len(text) or text[j] not in '″"”' or re.search(r"[°º′'’]\s?\d+$", text[max(0, j - 8):j]):
        return False  # "45′46″", "2'05\"": seconds of arc or of a lap, not inches
    line = text[max(0, j - QUOTE_REACH):j].rsplit("\n", 1)[-1]
    quotes = len(re.findall(r'(?<!\d)"', line))  # quotation marks; those after digits are inch marks
    opened = quotes % 2 == 1 if text[j] == '"' else line.rfind("“") > line.rfind("”")
    return text[j] == "″" or not opened and not re.match(r"[A-Za-z\d]", text[j + 1:j + 2])


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
    over_noun = rate_over_noun(doc, unit)
    if over_noun is not None:
        return over_noun
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


def rate_over_noun(doc: Doc, unit: Unit) -> Unit | None:
    """"27 points per game", "12 points a match", "$2 million per episode": a unit of units.json's `per_noun_units`
    or a currency over any noun that is not a duration (durations are `rate_after`'s) becomes a rate of that noun
    ("point / game", kind "rate"; "USD / episode", kind "money")."""
    base = tables()["unit_data"].get("per_noun_units", {}).get(unit.surface.strip(" -").lower())
    if base is None and unit.kind == "money" and unit.normalized:
        base = unit.normalized  # "$2 million per episode", "$3 a share"
    if base is None:
        return None
    text = text_of(doc)
    m = re.match(r"(\s+per\s+|\s+an?\s+)([a-z]+)(?![\w-])", text[unit.end_char:unit.end_char + 24], re.I)
    if m is None:
        return None
    noun = m.group(2).lower()
    if noun.rstrip("s") in tables()["words"]["rate_durations"] or noun in tables()["words"]["rate_adverbs"]:
        return None
    k = token_after(doc, unit.end_char + m.start(2))
    if k < len(doc) and doc[k].idx == unit.end_char + m.start(2) and doc[k].pos_ not in ("", "NOUN"):
        return None  # "points a record", "points per cent" (tagged): the word after is no noun
    end = unit.end_char + m.end()
    return Unit(end, text[unit.end_char - len(unit.surface):end], f"{base} / {noun}",
                unit.kind if unit.kind == "money" else "rate")


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

def currency_tables() -> dict:
    """The currency symbols and codes read before a number, built once per units.json: `symbols` (lower-cased: ours,
    then babel's English symbols such as "nz$", "r$", "₩"), `glued` (case kept, written right against the digits
    only: "Y="), `codes` (ISO 4217 codes of babel's currency data)."""
    return resources.derived(build_currency_tables, "units")


def build_currency_tables(unit_data: dict) -> dict:
    """The tables of `currency_tables` from units.json and babel (codes: the currencies tender in some territory
    today, less those that are also words, names or acronyms in capitals, units.json's `currency_codes_as_words`:
    "TOP10", "COP26", "SDG 4", "CRC32", "RON95")."""
    from babel.core import get_global
    from babel.numbers import get_currency_symbol, get_territory_currencies

    words = set(unit_data.get("currency_codes_as_words", []))
    tender = {c for territory in get_global("territory_currencies")
              for c in get_territory_currencies(territory, tender=True)}
    entries = {c: {"normalized": c, "kind": "money"} for c in sorted(tender) if re.fullmatch(r"[A-Z]{3}", c)}
    codes = {c: entry for c, entry in entries.items() if c not in words}
    symbols, glued, by_babel = {}, {}, {}
    for unit in unit_data["units"]:
        for symbol in unit.get("symbols", []):
            symbols.setdefault(symbol, unit)
        for symbol in unit.get("glued_symbols", []):
            glued[symbol] = unit
    for code, entry in entries.items():  # English symbols: "NZ$", "R$", "₩" ("PHP" is a word, "₱" is not)
        symbol = re.sub(r"\s", "", get_currency_symbol(code, "en")).lower()
        if symbol != code.lower():
            by_babel.setdefault(symbol, []).append(entry)
    for symbol, found in by_babel.items():
        if len(found) == 1 and symbol not in symbols:  # one currency only, ours first
            symbols[symbol] = found[0]
    return {"symbols": symbols, "glued": glued, "codes": codes,
            "widest": max(map(len, symbols)), "widest_glued": max(map(len, glued), default=0)}


def is_currency_sign(ch: str) -> bool:
    """Whether `ch` is a currency sign ("$", "€", "₩"): Unicode's category Sc."""
    return len(ch) == 1 and unicodedata.category(ch) == "Sc"


def symbol_before(doc: Doc, number: Number) -> tuple[int, dict] | None:
    """A currency just before the number ("$", "£", "US$", "c $", "HK $", "$US", "$A", "RM", "Rs.", "Y=", "INR",
    "USD "): (its first char, unit entry)."""
    return currency_ending_at(doc, number.start_char)


def currency_ending_at(doc: Doc, char: int) -> tuple[int, dict] | None:
    """A currency written right before character `char` (across spaces; "Y=" and a code glued to the digits or one
    space before them): (its first char, unit entry)."""
    text = text_of(doc)
    j = char
    while j > 0 and text[j - 1] in SPACES:
        j -= 1
    return (glued_symbol(text, j) if j == char else None) or letters_then_sign(doc, j) or table_symbol(text, j) \
        or sign_then_letters(text, j) or iso_code(doc, j, char - j)


def word_starts_at(text: str, s: int) -> bool:
    """Whether a word can start at character `s` (nothing alphanumeric, "#" or "@" just before it)."""
    return s == 0 or not (text[s - 1].isalnum() or text[s - 1] in "#@_")


def glued_symbol(text: str, j: int) -> tuple[int, dict] | None:
    """A symbol written only against the digits, case as in the table: wire-style yen "Y=12,400"."""
    glued = currency_tables()["glued"]
    for width in range(currency_tables()["widest_glued"], 0, -1):
        s = j - width
        if s >= 0 and text[s:j] in glued and word_starts_at(text, s):
            return s, glued[text[s:j]]
    return None


def letters_then_sign(doc: Doc, j: int) -> tuple[int, dict] | None:
    """Letters right before a currency sign, or one space before it: "HK $2.5 billion", "c $ 16.4", "NZ$" ("A $5
    bill", "cost us $5": an article or pronoun is no prefix, nor the "s" of "music's $500 million man")."""
    text = text_of(doc)
    if j < 2 or not is_currency_sign(text[j - 1]):
        return None
    sign = text[j - 1]
    m = re.search(r"([A-Za-z][A-Za-z.]{0,4})( ?)$", text[max(0, j - 7):j - 1])
    if m is None:
        return None
    s = j - 1 - len(m.group(0))
    if not word_starts_at(text, s) or re.search(r"['’`] ?$", text[max(0, s - 2):s]):
        return None
    letters, symbols = m.group(1).lower(), currency_tables()["symbols"]
    entry = next((symbols[key] for key in (letters + sign, letters.rstrip(".") + sign, letters.replace(".", "") + sign)
                  if key in symbols), None)
    if entry is None and sign == "$":
        entry = currency_tables()["codes"].get(letters.upper())  # "nzd$15", "mxn$ 15"
    if entry is None:
        return None
    if m.group(2):  # "HK $": a word of its own, taken only where it names another currency than the sign alone
        k = token_after(doc, s)
        alone = symbols.get(sign)
        if letters in ("a", "an") or (k < len(doc) and doc[k].idx == s and doc[k].pos_ in ("DET", "PRON")) \
                or (alone is not None and alone["normalized"] == entry["normalized"]):
            return None  # "A $5 bill", "cost us $5", "the U.S. $10 bill"
    return s, entry


def table_symbol(text: str, j: int) -> tuple[int, dict] | None:
    """A symbol of units.json or babel ending at `j`, longest first: "US$", "€", "RM", "Rs.", "NZ$"."""
    symbols = currency_tables()["symbols"]
    for width in range(currency_tables()["widest"], 0, -1):
        s = j - width
        if s < 0:
            continue
        raw = text[s:j]
        if raw.lower() in symbols and word_starts_at(text, s):
            return s, symbols[raw.lower()]
    return None


def sign_then_letters(text: str, j: int) -> tuple[int, dict] | None:
    """A sign written before its country's letters, against the digits: "$US41,000", "$A9,300", "$NZ" (the
    table's "us$", "a$", "nz$")."""
    m = re.search(r"([$])([A-Za-z]{1,3})$", text[max(0, j - 4):j])
    if m is None:
        return None
    s = j - len(m.group(0))
    key = m.group(2).lower() + m.group(1)
    if key not in currency_tables()["symbols"] or not word_starts_at(text, s):
        return None
    return s, currency_tables()["symbols"][key]


def iso_code(doc: Doc, j: int, spaces: int) -> tuple[int, dict] | None:
    """An ISO 4217 code in capitals right before the digits or one space before them ("INR2 trillion", "USD 5
    million"); spaced, not the first word of a sentence nor after a word in capitals ("TOP 10", "THE ALL 4")."""
    text = text_of(doc)
    s = j - 3
    if spaces > 1 or s < 0 or not word_starts_at(text, s):
        return None
    entry = currency_tables()["codes"].get(text[s:j])
    if entry is None:
        return None
    if spaces:
        k = token_after(doc, s)
        if k >= len(doc) or doc[k].idx != s or doc[k].is_sent_start:
            return None
        p = k - 1
        while p >= 0 and doc[p].is_space:
            p -= 1
        if p >= 0 and doc[p].is_alpha and len(doc[p]) > 1 and doc[p].is_upper:
            return None
    return s, entry


def currency_prefix_end(doc: Doc, i: int) -> int | None:
    """Where the digits start in token i when a currency is written against them ("INR2", "RM85,000", "Y=12,400",
    "HK$2.5", "NZ$5", "Rs.500", "US41,000" after "$", "A9,300" after "$"): the character to read the literal from,
    or None."""
    token = doc[i]
    m = re.match(r"[A-Za-z][^\d\s]{0,5}(?=[0-9])", token.text)
    if m is None:
        return None
    at = token.idx + m.end()
    found = currency_ending_at(doc, at)
    return at if found is not None and found[0] <= token.idx else None  # the whole prefix is the currency


def symbol_after(doc: Doc, number: Number) -> tuple[int, dict] | None:
    """A currency sign right after the number ("15€", "100₩")."""
    text = text_of(doc)
    e = number.end_char
    if e < len(text) and is_currency_sign(text[e]) and text[e] in currency_tables()["symbols"]:
        return e + 1, currency_tables()["symbols"][text[e]]
    return None
