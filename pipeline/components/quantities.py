"""Quantity stage: every figure in the text, with value, qualifier, unit or counted noun, base and time scope.

Reads tokens left to right. At each token that can open a number (digits, number words, "a third", "hundreds
of") it parses the number, then looks around it: a qualifier before ("more than", "nearly"), a range ("10 to
20"), a unit or counted noun after ("percent", "47 bloody minutes", "106 mass shootings", "12 dead"), a base
("of 106 mass shootings"), the time scope in the same sentence. Numbers that are not quantities (years, dates,
times of day, "911 calls", "COVID-19", "Route 66", ordinals, list markers) are passed over.
All word lists are in `models/numbers.json`, `models/units.json` and `models/quantity_rules.json`.
Writes `doc._.quantities` (list of `Quantity`) and `doc._.quantity_spans` (token spans, same order).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .. import resources
from ..records import Quantity
from .entities import register_extensions

DIGITS = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?$")
DIGITS_WITH_SCALE = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(k|m|mn|mln|bn|b|tn)$", re.I)
ORDINAL = re.compile(r"^\d+(st|nd|rd|th)$", re.I)
CLOCK = re.compile(r"\d:\d\d|\b[ap]\.?m\.?\b|o['’]clock", re.I)
MONTHS = {"jan", "jan.", "january", "feb", "feb.", "february", "mar", "mar.", "march", "apr", "apr.", "april", "may",
          "jun", "june", "jul", "july", "aug", "aug.", "august", "sep", "sept", "sept.", "september", "oct", "oct.",
          "october", "nov", "nov.", "november", "dec", "dec.", "december", "monday", "tuesday", "wednesday",
          "thursday", "friday", "saturday", "sunday"}


@dataclass
class Number:
    """A parsed number: tokens [start, end), its value, and whether it is a year-shaped bare integer."""

    start: int
    end: int
    value: float
    kind: str = "count"  # count | fraction | ratio
    qualifier: str | None = None  # set by approximate forms ("hundreds of")
    yearlike: bool = False


@lru_cache(maxsize=1)
def tables() -> dict:
    """Number words, unit surfaces and context rules, keyed for lookup."""
    numbers = resources.load("numbers")
    rules = resources.load("quantity_rules")
    units = {}
    symbols = {}
    for unit in resources.load("units")["units"]:
        for surface in unit["surface"]:
            units[tuple(surface.split())] = unit
        for symbol in unit.get("symbols", []):
            symbols[symbol] = unit
    qualifiers = {tuple(k.split()): v for k, v in rules["qualifiers"].items()}
    return {"numbers": numbers, "rules": rules, "units": units, "symbols": symbols, "qualifiers": qualifiers,
            "max_unit_len": max(len(k) for k in units), "max_qualifier_len": max(len(k) for k in qualifiers)}


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


def parse_words(doc: Doc, i: int) -> tuple[int, float] | None:
    """A spelled-out number starting at token i ("forty-seven", "two hundred and five"): (end, value)."""
    words = tables()["numbers"]
    small = {**words["units"], **words["tens"]}
    scales = {k: v for k, v in words["scales"].items() if len(k) > 2}
    total, current, end, seen = 0.0, 0.0, i, False
    j = i
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
        elif low in ("-", "and") and seen and j + 1 < len(doc) and doc[j + 1].lower_ in small:
            j += 1
            continue
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
    number: Number | None = None
    if m := DIGITS.match(token.text):
        value = float(m.group(1).replace(",", "") + (m.group(2) or ""))
        yearlike = "," not in token.text and m.group(2) is None and 1000 <= value <= 2100
        number = Number(i, i + 1, value, yearlike=yearlike)
        # "40K", "3.5 million", "$4.2 billion"
        if nxt < len(doc) and doc[nxt].lower_ in words["scales"] and (len(doc[nxt]) > 2 or token.whitespace_ == ""):
            number = Number(i, nxt + 1, value * words["scales"][doc[nxt].lower_])
    elif m := DIGITS_WITH_SCALE.match(token.text):
        value = float(m.group(1).replace(",", "") + (m.group(2) or "")) * words["scales"][m.group(3).lower()]
        number = Number(i, i + 1, value)
    elif low in words["multipliers"] and (low in ("twice", "thrice") or lower_seq(doc, nxt, 1) in (("the",), ("that",), ("what",))):
        return Number(i, i + 1, float(words["multipliers"][low]), kind="multiple")  # "roughly twice the usual total"
    elif low in words["dozen"] and token.i > 0 and doc[i - 1].lower_ in ("a", "one") and low == "dozen":
        number = Number(i - 1, i + 1, 12.0)
    elif low in t["rules"]["approximate_plurals"] and lower_seq(doc, nxt, 1) == ("of",):
        value = float(t["rules"]["approximate_plurals"][low])
        # "tens of thousands of"
        after = next_index(doc, advance(doc, nxt, 1))
        if after < len(doc) and doc[after].lower_ in t["rules"]["approximate_plurals"] and low in ("tens", "hundreds"):
            value *= t["rules"]["approximate_plurals"][doc[after].lower_]
            return Number(i, after + 1, value, qualifier=">=")
        return Number(i, i + 1, value, qualifier=">=")
    elif (low in words["units"] or low in words["tens"]) and token.tag_ == "CD":
        parsed = parse_words(doc, i)
        if parsed:
            number = Number(i, parsed[0], parsed[1])
    if number is None:
        return parse_fraction(doc, i)
    if lower_seq(doc, nxt if number.end == i + 1 else next_index(doc, number.end), 1) == ("times",) \
            and lower_seq(doc, advance(doc, next_index(doc, number.end), 1), 1) in (("the",), ("as",), ("more",), ("higher",), ("that",)):
        end = advance(doc, next_index(doc, number.end), 1)
        return Number(number.start, end, number.value, kind="multiple")  # "three times the rate"
    fraction = fraction_after(doc, number)
    return fraction or ratio_after(doc, number) or number


def fraction_after(doc: Doc, number: Number) -> Number | None:
    """"two-thirds", "three quarters": a small number followed by a fraction word."""
    fractions = tables()["numbers"]["fractions"]
    j = next_index(doc, number.end)
    if j < len(doc) and doc[j].text in ("-", "‑"):
        j = next_index(doc, j + 1)
    if j < len(doc) and doc[j].lower_ in fractions and number.value < 20 and doc[j].lower_ not in ("half", "halves"):
        return Number(number.start, j + 1, number.value * fractions[doc[j].lower_], kind="fraction")
    return None


def ratio_after(doc: Doc, number: Number) -> Number | None:
    """"1 in 5", "three out of 10": a ratio, valued as a fraction."""
    j = next_index(doc, number.end)
    words = lower_seq(doc, j, 2)
    skip = 2 if words == ("out", "of") else 1 if words[:1] == ("in",) else 0
    if not skip:
        return None
    k = next_index(doc, advance(doc, j, skip))
    if k >= len(doc):
        return None
    second = parse_number_plain(doc, k)
    if second is None or second.value <= number.value or second.value == 0 or second.yearlike:
        return None
    return Number(number.start, second.end, number.value / second.value, kind="ratio")


def parse_number_plain(doc: Doc, i: int) -> Number | None:
    """A digit or word number at i, with no fraction/ratio reading."""
    token = doc[i]
    if m := DIGITS.match(token.text):
        value = float(m.group(1).replace(",", "") + (m.group(2) or ""))
        return Number(i, i + 1, value, yearlike="," not in token.text and 1000 <= value <= 2100)
    if token.tag_ == "CD" and (parsed := parse_words(doc, i)):
        return Number(i, parsed[0], parsed[1])
    return None


def parse_fraction(doc: Doc, i: int) -> Number | None:
    """"half", "a third", "a quarter" followed by "of" (or standing alone after a qualifier)."""
    fractions = tables()["numbers"]["fractions"]
    token = doc[i]
    if token.lower_ in ("a", "an", "one") and i + 1 < len(doc) and doc[i + 1].lower_ in fractions:
        end, word = i + 2, doc[i + 1].lower_
    elif token.lower_ in ("half",):
        end, word = i + 1, "half"
    else:
        return None
    if word in ("fourth", "fifth", "sixth", "eighth", "tenth", "third") and lower_seq(doc, end, 1) != ("of",):
        return None  # "a third suspect"
    if word == "half" and lower_seq(doc, end, 1) not in (("of",), ("a",), ("an",), ("the",)) and not qualifier_before(doc, i):
        return None
    return Number(i, end, fractions[word], kind="fraction")


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


def unit_after(doc: Doc, i: int) -> tuple[int, dict] | None:
    """The unit starting at token i (longest surface form first): (end, unit entry)."""
    t = tables()
    if i + 1 < len(doc) and doc[i].text in ("-", "‑") and i > 0 and doc[i - 1].whitespace_ == "" \
            and lower_seq(doc, i, 4) != ("-", "year", "-", "old"):
        found = unit_after(doc, i + 1)  # "a 10-year plan", "a 5-mile race"
        return found if found is None or doc[i].whitespace_ == "" else None
    for n in range(t["max_unit_len"], 0, -1):
        words = lower_seq(doc, i, n)
        if len(words) == n and words in t["units"]:
            unit = t["units"][words]
            if n == 1 and len(words[0]) <= 2 and doc[i].is_alpha and doc[i - 1].whitespace_ and unit["kind"] != "percent":
                continue  # "5 m" is ambiguous with a word; require "5m"
            return advance(doc, i, n), unit
    return None


def symbol_before(doc: Doc, i: int) -> tuple[int, dict] | None:
    """A currency symbol just before token i ("$", "£")."""
    j = i - 1
    if j >= 0 and doc[j].text.lower() in tables()["symbols"]:
        return j, tables()["symbols"][doc[j].text.lower()]
    return None


def not_a_quantity(doc: Doc, number: Number) -> bool:
    """Years, dates, clock times, emergency numbers, names with numbers, ordinals and list markers."""
    rules = tables()["rules"]
    first = doc[number.start]
    nxt = next_index(doc, number.end)
    after = doc[nxt] if nxt < len(doc) else None
    prev = doc[number.start - 1] if number.start > 0 else None
    if ORDINAL.match(first.text) or first.ent_type_ == "ORDINAL":
        return True
    if first.ent_type_ == "TIME" and CLOCK.search(doc[first.i: first.i + 4].text):
        return True
    if first.ent_type_ == "DATE":
        ent = next((e for e in doc.ents if e.start <= first.i < e.end), None)
        if ent is not None and any(tok.lower_ in MONTHS for tok in ent):
            return True
    if number.yearlike and (unit_after(doc, nxt) is None):
        if first.ent_type_ == "DATE" or (prev is not None and prev.lower_ in rules["year_prepositions"]):
            return True
        if prev is not None and prev.lower_ in rules["year_determiners"] and after is not None and after.pos_ in ("NOUN", "PROPN"):
            return True  # "a 2021 study", "the 2016 election"
        if after is None or after.is_punct or after.pos_ not in ("NOUN", "ADJ"):
            return True
    if first.text in ("911", "999", "112", "311") and (after is None or after.lower_ in rules["phone_nouns"] or after.is_punct):
        return True
    if prev is not None and prev.whitespace_ == "" and prev.text in ("-", "‑", "#") and number.start > 1 and doc[number.start - 2].is_alpha:
        return True  # COVID-19, F-35, Catch-22
    if prev is not None and prev.lower_ in rules["name_prefixes"]:
        return True
    if is_score(doc, number.start) or (number.start >= 2 and is_score(doc, number.start - 2)):
        return True  # "voted 7-2", "won 3-1": a tally, not a figure on its own
    if after is not None and after.text in ("-", "‑") and doc[nxt - 1].whitespace_ == "" and nxt + 1 < len(doc) \
            and doc[nxt + 1].is_alpha and unit_after(doc, nxt) is None:
        return True  # "a four-alarm fire": a compound modifier, not a figure
    at_line_start = prev is None or "\n" in prev.text or "\n" in prev.whitespace_
    if at_line_start and after is not None and after.text in (")", "."):
        return True  # "1." / "2)" list markers
    return False


def is_score(doc: Doc, i: int) -> bool:
    """Digits, a hyphen and smaller digits written together ("7-2"): a vote or game score."""
    if i + 2 >= len(doc) or doc[i + 1].text not in ("-", "–") or doc[i].whitespace_ or doc[i + 1].whitespace_:
        return False
    a, b = DIGITS.match(doc[i].text), DIGITS.match(doc[i + 2].text)
    return bool(a and b) and float(doc[i + 2].text.replace(",", "")) <= float(doc[i].text.replace(",", "")) < 200


def counted_after(doc: Doc, number: Number, i: int) -> tuple[int, int] | None:
    """The counted noun phrase right after a number ("106 [mass shootings]", "12 [dead]"): token range."""
    rules = tables()["rules"]
    if i >= len(doc):
        return None
    head = doc[number.end - 1]
    token = doc[i]
    if token.lower_ in rules["counted_adjectives"]:
        return i, i + 1
    # the noun the number modifies, with its modifiers in between
    target = head.head if head.dep_ in ("nummod", "quantmod", "compound") and head.head.i >= i else None
    if target is not None and target.i - i <= 4 and target.pos_ == "NOUN" and target.ent_type_ not in ("DATE", "TIME"):
        if all(t.pos_ in ("ADJ", "NOUN", "PROPN", "PUNCT", "ADV", "VERB", "NUM") and not t.is_punct or t.text in ("-",) for t in doc[i: target.i]):
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


def time_scope(doc: Doc, span: Span) -> str | None:
    """The date expression nearest to `span` in its sentence ("between 2000 and 2015", "in February")."""
    sent = span.sent
    dates = [e for e in doc.ents if e.label_ == "DATE" and e.start >= sent.start and e.end <= sent.end
             and not (e.start < span.end and span.start < e.end)]
    if not dates:
        return None
    nearest = min(dates, key=lambda e: (e.start - span.end if e.start >= span.end else 2 * (span.start - e.end)))
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


def quantity_at(doc: Doc, number: Number) -> tuple[Span, Quantity] | None:
    """The quantity built around `number`, with its context, or None where it is not a quantity."""
    if not_a_quantity(doc, number):
        return None
    start, end = number.start, number.end
    value, low, high = number.value, None, None
    kind = number.kind
    unit = unit_normalized = counted = None
    qualifier = number.qualifier or "="
    base = None

    # ranges: "10 to 20", "10-20", "between 10 and 20"
    j = next_index(doc, end)
    joiner = doc[j].lower_ if j < len(doc) else ""
    between = start > 0 and doc[start - 1].lower_ == "between" and joiner == "and"
    if kind == "count" and (joiner in ("-", "–", "to") or between) and j + 1 < len(doc):
        k = next_index(doc, j + 1)
        second = parse_number(doc, k) if k < len(doc) else None
        if second is not None and second.kind == "count" and second.value > value and not second.yearlike:
            scale = second.value / doc_value_without_scale(doc, second)
            low, high, value = value * (scale if value * scale <= second.value else 1), second.value, None
            end = second.end
            if between:
                start -= 1
    sym = symbol_before(doc, start)
    if sym is not None:
        start, entry = sym
        unit, unit_normalized, kind = doc[sym[0]].text, entry["normalized"], entry["kind"]
    j = next_index(doc, end)
    found = unit_after(doc, j) if j < len(doc) else None
    if found is None and j < len(doc) and doc[j].pos_ == "ADJ":
        k = next_index(doc, j + 1)
        maybe = unit_after(doc, k) if k < len(doc) else None
        if maybe is not None and maybe[1]["kind"] == "duration":
            found = maybe  # "47 bloody minutes"
            j = k
    if found is not None and unit is None or (found is not None and found[1]["kind"] == "money"):
        unit_end, entry = found
        unit = doc[j:unit_end].text.strip()
        unit_normalized, kind = entry["normalized"], entry["kind"]
        if kind == "percent" and any(w in unit.lower() for w in ("point",)):
            unit_normalized = "percentage point"
            if unit.lower() in ("point", "points") and change_of(doc[start:unit_end]) is None:
                unit = unit_normalized = None
                kind = "count"
                unit_end = end
        end = unit_end
    elif kind in ("fraction", "ratio"):
        unit_normalized = unit = kind
    elif kind == "multiple":
        unit_normalized, unit = "times", None
    elif number.qualifier is not None and (of_range := of_phrase(doc, j)) is not None:
        counted = unit = doc[of_range[0]: of_range[1]].text  # "hundreds of protesters"
    elif unit is None:
        counted_range = counted_after(doc, number, j)
        if counted_range is not None:
            counted = doc[counted_range[0]: counted_range[1]].text
            unit = counted
            end = counted_range[1]
    if kind in ("percent", "fraction", "ratio"):
        of_range = of_phrase(doc, next_index(doc, end))
        if of_range is not None:
            inner = parse_number(doc, next_index(doc, of_range[0])) if of_range[0] < len(doc) else None
            if inner is not None and inner.kind == "count" and not inner.yearlike:
                base = inner.value
                counted_range = counted_after(doc, inner, next_index(doc, inner.end))
                counted = doc[counted_range[0]: counted_range[1]].text if counted_range else None
            else:
                counted = doc[of_range[0]: of_range[1]].text
    qual = qualifier_before(doc, start)
    if qual is not None:
        q_start, symbol, inside = qual
        qualifier = symbol
        if inside:
            start = q_start
    if (doc[start].lower_ in ("a", "an") and kind == "count") or doc[start: end].text.strip() == "":
        return None
    span = doc[start:end]
    time = time_scope(doc, span)
    if low is not None:
        value = None
    return span, Quantity(
        id="", text=span.text, start=span.start_char, end=span.end_char, value=value, low=low, high=high,
        unit=unit, unit_normalized=unit_normalized, kind=kind, qualifier=qualifier, change=change_of(span),
        base=base, counted=counted, time=time,
    )


def doc_value_without_scale(doc: Doc, number: Number) -> float:
    """The value of a number's first token alone ("20" of "20 billion"), to carry the scale to a range's start."""
    plain = parse_number_plain(doc, number.start)
    return plain.value if plain is not None and plain.value else number.value


def indefinite_unit_quantity(doc: Doc, i: int) -> tuple[Span, Quantity] | None:
    """"nearly an hour", "more than a year": one unit, only when a qualifier makes it a figure."""
    if doc[i].lower_ not in ("a", "an"):
        return None
    qual = qualifier_before(doc, i)
    found = unit_after(doc, i + 1) if i + 1 < len(doc) else None
    if qual is None or found is None or found[1]["kind"] != "duration" or not qual[2]:
        return None
    span = doc[qual[0]: found[0]]
    return span, Quantity(
        id="", text=span.text, start=span.start_char, end=span.end_char, value=1.0,
        unit=doc[i + 1: found[0]].text, unit_normalized=found[1]["normalized"], kind="duration",
        qualifier=qual[1], time=time_scope(doc, span),
    )


def quantities_of(doc: Doc) -> list[tuple[Span, Quantity]]:
    """Every quantity in `doc`, in text order, spans not overlapping."""
    found: list[tuple[Span, Quantity]] = []
    i = 0
    while i < len(doc):
        token = doc[i]
        result = None
        if not token.is_space:
            number = parse_number(doc, i)
            if number is not None:
                result = quantity_at(doc, number)
                if result is None:
                    i = max(i + 1, number.end)
                    continue
            else:
                result = indefinite_unit_quantity(doc, i)
        if result is not None and not (found and result[0].start < found[-1][0].end):
            found.append(result)
            i = max(i + 1, result[0].end)
        else:
            i += 1
    return found


class QuantityStage:
    """spaCy component `newsclaims_quantities`: sets `doc._.quantities` and `doc._.quantity_spans`."""

    def __init__(self, nlp: Language, name: str):
        self.name = name
        tables()

    def __call__(self, doc: Doc) -> Doc:
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
