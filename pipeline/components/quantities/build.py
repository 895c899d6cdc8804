"""Building a quantity around a number that passed the filters: its range, currency, unit, rate base, counted
noun, negation and qualifier, each a step that fills a `Draft`, then the record and its token span."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from .value import QuantityValue
from .context import (change_of, change_verb_before, change_verb_in_clause, counted_after, counted_noun, of_phrase,
                      place_scope, qualifier_before, raised_funds, time_scope)
from .filters import Candidate, not_a_quantity
from .lexicon import tables
from .numbers import Number, parse_literal, parse_number, plain_value, range_end, word_before
from .text import lower_seq, next_index, text_of, token_after, token_end
from .units import Unit, feet_and_inches, rate_after, symbol_after, symbol_before, table_unit, unit_after, unit_after_words


NOT_CONVERTED = ("count", "percent", "fraction", "ratio")  # "about 40 people (12 of them children)": a part
CURRENCY_PREFIX = re.compile(r"[A-Z]{0,3}[$€£¥]")  # "A$", "HK$", "US$"


@dataclass
class Draft:
    """A quantity being built around a number: its character extent and the fields of its `QuantityValue`."""

    start_char: int
    end_char: int
    value: float | None
    kind: str
    qualifier: str
    low: float | None = None
    high: float | None = None
    previous: float | None = None
    base: float | None = None
    unit_text: str | None = None
    unit_normalized: str | None = None
    counted: str | None = None


def quantity_at(doc: Doc, number: Number) -> tuple[Span, QuantityValue] | None:
    """The quantity built around `number`, with its context, or None where it is not a quantity."""
    candidate = Candidate(doc, number)
    if not_a_quantity(candidate):
        return None
    draft = Draft(number.start_char, number.end_char, number.value, number.kind, number.qualifier or "=")
    if number.high is not None:
        draft.low, draft.high = number.value, number.high  # "hundreds": 100 to 1,000
    if (height := feet_and_inches(doc, number)) is not None:  # "6'2\"": one length, in inches
        draft.end_char, draft.value = height
        draft.unit_text, draft.unit_normalized, draft.kind = "feet and inches", "inch", "length"
        return finished(doc, number, draft, take_qualifier(doc, number, draft))
    sym = symbol_before(doc, number)
    unit = candidate.unit if number.kind == "count" or number.digits else None
    if unit is not None and unit.kind == "money" and sym is not None and unit.normalized == "USD":
        unit = None  # "$ 5 dollars"
    ranged = range_end(doc, number, unit)
    if ranged is not None and draft.kind == "count":
        unit = take_range(doc, number, draft, unit, ranged)
    if sym is not None:
        unit = take_symbol_before(doc, number, draft, sym, unit)
    elif (after := symbol_after(doc, number)) is not None and unit is None:
        draft.end_char, entry = after
        draft.unit_text, draft.unit_normalized, draft.kind = text_of(doc)[number.end_char:after[0]], entry["normalized"], entry["kind"]
    if unit is None:
        unit = unit_elsewhere(doc, number, draft, ranged is None)
    if unit is None or not take_unit(number, draft, unit, sym is not None):
        name_unitless(doc, number, draft)
    take_rate_base(doc, draft)
    take_counted(doc, number, draft)
    take_count_rate(doc, draft)
    take_scale(doc, number, draft)
    take_age(doc, number, draft)
    take_negator(doc, number, draft)
    first_token = take_qualifier(doc, number, draft)
    return finished(doc, number, draft, first_token)


def take_range(doc: Doc, number: Number, draft: Draft, unit: Unit | None, ranged: tuple) -> Unit | None:
    """"10 to 20 billion", "rose from 12 to 15", "between 10 and 20 percent": low and high (or previous and value
    after a change verb: "lower the minimum wage in St. Louis from $10 to $7.70"), the scale of the second carried to
    the first; returns the range's unit."""
    second, range_unit, between = ranged
    scale = second.value / plain_value(doc, second) if plain_value(doc, second) else 1
    value = draft.value
    first_value = value * scale if (scale > 1 and abs(value * scale) <= abs(second.value) and not (unit and range_unit is unit)) else value
    draft.low, draft.high, draft.value = first_value, second.value, None
    draft.previous = None
    changed = change_verb_before(doc, number.start) or change_verb_in_clause(doc, number.start)
    if word_before(doc, number) == "from" and changed:
        draft.previous, draft.value, draft.low, draft.high = draft.low, draft.high, None, None  # "rose from 12 to 15": 15, up from 12
    elif draft.low > draft.high:
        draft.low, draft.high = draft.high, draft.low
    draft.end_char = second.end_char
    if between:
        draft.start_char = doc[number.start - 1].idx
    return unit_after(doc, second) or (unit if unit is not None and unit.end_char <= second.start_char else None) or range_unit


def take_symbol_before(doc: Doc, number: Number, draft: Draft, sym: tuple[int, dict], unit: Unit | None) -> Unit | None:
    """"$4.2 billion", "($99.99)", "$15.4/hour": money from the symbol before; returns the unit still to apply."""
    text = text_of(doc)
    draft.start_char, entry = sym
    draft.unit_text, draft.unit_normalized, draft.kind = text[sym[0]:number.start_char].strip(), entry["normalized"], entry["kind"]
    if unit is not None and unit.kind == "money":
        unit = None
    if sym[0] > 0 and text[sym[0] - 1] == "(" and text[draft.end_char:draft.end_char + 1] == ")" \
            and draft.value is not None and draft.value > 0 and not an_aside(doc, sym[0] - 1):
        draft.value, draft.start_char, draft.end_char = -draft.value, sym[0] - 1, draft.end_char + 1  # accounting negative
    rate = rate_after(doc, Unit(draft.end_char, "", draft.unit_normalized, draft.kind))
    if rate.end_char > draft.end_char and unit is None:
        draft.end_char, draft.unit_normalized = rate.end_char, rate.normalized  # "$15.4/hour", "$115 million a year"
    elif draft.end_char > number.end_char and unit is None:  # "$10 an hour to $7.70": the first figure's rate
        first_rate = rate_after(doc, Unit(number.end_char, "", draft.unit_normalized, draft.kind))
        if first_rate.end_char > number.end_char:
            draft.unit_normalized = first_rate.normalized
    return unit


def an_aside(doc: Doc, paren_char: int) -> bool:
    """Whether the "(" at `paren_char` opens an aside: after an amount it holds a conversion ("4,500 yuan ($640)",
    "A$2.1 billion ($1.4 billion)"), after a noun or its modifier the noun's amount ("Revenue ($5.2 million) fell",
    "a planned ($1.4 billion) expansion"). Only elsewhere
    ("Net income was ($5.2 million)") is a parenthesised amount an accounting negative."""
    i = token_after(doc, paren_char) - 1
    while i >= 0 and (doc[i].is_space or doc[i].idx >= paren_char):
        i -= 1
    if i < 0:
        return False
    word = doc[i]
    unit = table_unit(doc, word.idx)
    modifier = word.pos_ == "ADJ" or word.tag_ in ("VBN", "VBG")  # "a planned ($1.4 billion) expansion"
    return word.like_num or word.lower_ in tables()["big_scales"] or word.pos_ in ("NOUN", "PROPN") or modifier \
        or (unit is not None and unit.kind == "money")


def unit_elsewhere(doc: Doc, number: Number, draft: Draft, not_a_range: bool) -> Unit | None:
    """A unit not right after the number: past one adjective ("47 bloody minutes"), after a spelled-out number
    ("two meters"), or written once after a second number ("45 and 50 mg")."""
    unit = None
    if number.digits and draft.kind == "count":
        unit = duration_after_adjective(doc, draft.end_char)
    elif not number.digits and draft.kind in ("count", "fraction"):
        unit = unit_after_words(doc, number, draft.end_char)
    if unit is None and draft.kind == "count" and not_a_range:
        unit = shared_unit(doc, number)
    return unit


def duration_after_adjective(doc: Doc, end_char: int) -> Unit | None:
    """"47 bloody minutes": one adjective between the number and a duration."""
    j = next_index(doc, token_after(doc, end_char))
    if j < len(doc) and doc[j].pos_ == "ADJ" and j + 1 < len(doc):
        maybe = table_unit(doc, doc[next_index(doc, j + 1)].idx) if next_index(doc, j + 1) < len(doc) else None
        if maybe is not None and maybe.kind == "duration":
            return maybe
    return None


def shared_unit(doc: Doc, number: Number) -> Unit | None:
    """"45 and 50 mg": the unit written once after two coordinated numbers, for the first of them (span unchanged)."""
    m = re.match(r"\s+(?:and|or|to|,)\s+", text_of(doc)[number.end_char:number.end_char + 8])
    if not m:
        return None
    k = token_after(doc, number.end_char + m.end())
    second = parse_literal(doc, k) if k < len(doc) else None
    found = unit_after(doc, second) if second is not None else None
    if found is None or found.kind == "money":
        return None
    return Unit(number.end_char, "", found.normalized, found.kind)


def take_unit(number: Number, draft: Draft, unit: Unit, after_symbol: bool) -> bool:
    """The unit's surface, normalised name and kind (a currency symbol before keeps the money); "points" are
    percentage points. False where the unit does not extend the figure (nothing taken)."""
    if unit.end_char == number.end_char and unit.surface == "":
        draft.unit_normalized, draft.kind = unit.normalized, unit.kind  # "45 and 50 mg"
        return True
    if unit.end_char > draft.end_char:
        draft.unit_text = unit.surface.strip(" -")
        if not draft.unit_normalized or unit.kind != "money":
            draft.unit_normalized = unit.normalized
        if not after_symbol or unit.kind != "money":
            draft.kind = unit.kind
            draft.unit_normalized = unit.normalized
        draft.end_char = unit.end_char
        if "point" in draft.unit_text.lower() and unit.kind == "percent" and unit.normalized == "percent":
            # "points", "percentage points" (not "basis points")
            draft.unit_normalized = "percentage point"
        return True
    return False


def name_unitless(doc: Doc, number: Number, draft: Draft) -> None:
    """The unit a figure without one is named by its kind: "times", "1 / week" ("three times a week"), "fraction",
    "ratio"."""
    literal = text_of(doc)[number.start_char:number.end_char]
    if draft.kind == "multiple":
        draft.unit_normalized = "times"
    elif draft.kind == "frequency":
        draft.unit_text = literal.split(None, 1)[1] if " " in literal else None
        draft.unit_normalized = "1 / " + re.sub(r"s$", "", literal.split()[-1].lower())
    elif draft.kind in ("fraction", "ratio"):
        draft.unit_normalized = draft.unit_text = draft.kind


def take_rate_base(doc: Doc, draft: Draft) -> None:
    """"5.3 per 100,000 residents": a rate over a base."""
    if draft.kind != "count" or draft.unit_text is not None:
        return
    text = text_of(doc)
    per = re.match(r"\s+per\s+(\d{1,3}(?:,\d{3})+|\d+)\s+([a-z]+)", text[draft.end_char:draft.end_char + 40])
    if per:
        draft.base = float(per.group(1).replace(",", ""))
        draft.unit_text = text[draft.end_char:draft.end_char + per.end()].strip()
        draft.unit_normalized, draft.kind, draft.counted = f"per {per.group(1).replace(',', '')} {per.group(2)}", "rate", per.group(2)
        draft.end_char += per.end()


def take_counted(doc: Doc, number: Number, draft: Draft) -> None:
    """What a count counts ("106 mass shootings", "hundreds of protesters"), and the base of a share ("4 percent
    of 106 mass shootings")."""
    j = next_index(doc, max(number.end, token_after(doc, draft.end_char)))
    if draft.kind == "count" and draft.unit_text is None:
        counted_range = counted_after(doc, number, j)
        if counted_range is not None:
            draft.unit_text = doc[counted_range[0]: counted_range[1]].text.lstrip("-‑")  # "a 50-lane highway": "lane"
            draft.counted = counted_noun(doc, *counted_range)
            draft.end_char = token_end(doc, counted_range[1])
        elif (of_range := of_phrase(doc, next_index(doc, j + 1) if lower_seq(doc, j, 2) == ("out", "of") else j)) is not None:
            take_partitive(doc, draft, of_range)  # "six of the seven contests", "four out of the five updates"
    if draft.kind in ("percent", "fraction", "ratio"):
        of_range = of_phrase(doc, next_index(doc, token_after(doc, draft.end_char)))
        if of_range is not None:
            inner_start = next_index(doc, of_range[0])
            if inner_start < of_range[1] - 1 and doc[inner_start].pos_ == "DET":
                inner_start = next_index(doc, inner_start + 1)  # "two-thirds of the 55,000 pages"
            inner = parse_number(doc, inner_start) if inner_start < len(doc) else None
            if inner is not None and inner.kind == "count" and not inner.yearlike:
                draft.base = inner.value
                counted_range = counted_after(doc, inner, next_index(doc, inner.end))
                draft.counted = counted_noun(doc, *counted_range) if counted_range else None
            else:
                draft.counted = counted_noun(doc, *of_range)  # "two-thirds of the country's population": population


def take_count_rate(doc: Doc, draft: Draft) -> None:
    """"50 men a day", "450 clicks a minute", "2 million visitors annually": a count over a duration is a rate of
    what it counts ("men / day"); "a year ago", "20 employees a year off" and "3 workers a week's notice" are no
    rates."""
    if draft.kind != "count" or not draft.counted or draft.unit_normalized or draft.unit_text is None:
        return
    counted = Unit(draft.end_char, draft.unit_text, draft.counted, "count")
    rate = rate_after(doc, counted)
    text = text_of(doc)
    then = text[rate.end_char:rate.end_char + 10]
    if rate is counted or re.match(r"\s*(ago|earlier|later|before|after|off|['’]s)\b", then):
        return
    k = token_after(doc, rate.end_char)
    if k < len(doc) and doc[k].pos_ == "NOUN":
        return  # "gives 20 employees a year's leave", "3 workers a week notice"
    draft.unit_text = text[draft.end_char - len(draft.unit_text):rate.end_char].strip()
    draft.unit_normalized, draft.kind, draft.end_char = rate.normalized, "rate", rate.end_char


SCALE_AFTER = re.compile(r"\s+on\s+the\s+((?:[A-Z][\w-]*\s+){1,3}[Ss]cale)\b")


def take_scale(doc: Doc, number: Number, draft: Draft) -> None:
    """"7.1 on the Richter scale", "a 4 on the Torino scale", "a magnitude 6.1 earthquake", "a 6.1-magnitude
    quake": a reading on a named scale, not a count of what follows."""
    if draft.kind != "count" or draft.unit_normalized or draft.low is not None:
        return
    text = text_of(doc)
    on_scale = SCALE_AFTER.match(text, number.end_char)
    if on_scale:
        draft.unit_text = draft.unit_normalized = on_scale.group(1)
        draft.kind, draft.counted, draft.end_char = "scale", None, number.end_char
        return
    before = re.search(r"\bmagnitude[\s-]+$", text[max(0, number.start_char - 12):number.start_char], re.I)
    after = re.match(r"[\s-]+magnitude\b", text[number.end_char:number.end_char + 12], re.I)  # "a 6.1-magnitude"
    if before or after:
        draft.unit_text, draft.unit_normalized, draft.kind = "magnitude", "magnitude", "magnitude"
        draft.counted, draft.end_char = None, number.end_char + (after.end() if after and not before else 0)


def take_partitive(doc: Doc, draft: Draft, of_range: tuple[int, int]) -> None:
    """"hundreds of protesters", "six of the past seven contests", "millions of dollars": what the "of" phrase
    names is counted, or is the unit where it is one ("a couple of weeks"); the span stays the number's."""
    words = [t for t in doc[of_range[0]:of_range[1]] if t.pos_ in ("NOUN", "PROPN")]
    if not words:  # "two of us"
        return
    unit = table_unit(doc, words[-1].idx)
    if unit is not None and unit.kind not in ("percent", "count"):
        draft.unit_text, draft.unit_normalized, draft.kind = words[-1].text, unit.normalized, unit.kind
        return
    draft.unit_text = doc[of_range[0]: of_range[1]].text
    draft.counted = counted_noun(doc, *of_range)


def take_age(doc: Doc, number: Number, draft: Draft) -> None:
    """"died at the age of 92", "aged 27", "who turned 50 on Sunday", "Jillian Chase, 27, a Tinder user": a bare
    number that is a person's age."""
    if number.kind == "age":  # "in her 20s" (`numbers.age_decade`)
        draft.unit_normalized = "year"
        return
    value = draft.value
    if draft.kind != "count" or draft.unit_text is not None or value is None or not 0 < value < 130 \
            or value != int(value) or draft.low is not None:
        return
    text = text_of(doc)
    stated = re.search(r"\b(?:aged|age of|ages? of|turn(?:s|ed|ing)?)\s+$",
                       text[max(0, number.start_char - 12):number.start_char], re.I)
    before = doc[number.start - 2] if number.start > 1 and doc[number.start - 1].text == "," else None
    apposed = before is not None and before.ent_type_ == "PERSON" and re.match(r"\s*[,)]", text[draft.end_char:draft.end_char + 4])
    if stated or apposed:
        draft.kind, draft.unit_normalized = "age", "year"


def take_negator(doc: Doc, number: Number, draft: Draft) -> None:
    """"minus five percent", "minus-40": the negator joins the span and flips the value (and the range)."""
    negators = tables()["numbers"]["negators"]
    glued = re.search(r"(?:%s)[-‑]$" % "|".join(negators), text_of(doc)[doc[number.start].idx:number.start_char], re.I)
    if (glued or number.start > 0 and doc[number.start - 1].lower_ in negators) \
            and draft.start_char == number.start_char:
        draft.start_char = doc[number.start].idx if glued else doc[number.start - 1].idx
        low, high = draft.low, draft.high
        draft.value = -draft.value if draft.value is not None else draft.value
        draft.low, draft.high = (-high if high is not None else None), (-low if low is not None else None)
        if draft.low is not None:
            draft.value = None


def take_qualifier(doc: Doc, number: Number, draft: Draft) -> int:
    """The qualifier before the figure ("more than", "nearly"), in the span unless it is "just"/"only"; returns
    the figure's first token before the qualifier."""
    first_token = token_after(doc, draft.start_char) if draft.start_char != number.start_char else number.start
    holder = min(first_token, len(doc) - 1)
    holder -= holder > 0 and doc[holder].idx > draft.start_char  # the token the figure starts in
    glued = re.search(r"(\w+)[-‑]$", text_of(doc)[doc[holder].idx:draft.start_char])
    if glued and (glued.group(1).lower(),) in tables()["qualifiers"]:  # "over-50", "nearly-$18 million"
        draft.qualifier, draft.start_char = tables()["qualifiers"][(glued.group(1).lower(),)], doc[holder].idx
        return holder
    qual = qualifier_before(doc, first_token)
    if qual is not None:
        q_start, symbol, inside = qual
        draft.qualifier = symbol
        if inside:
            draft.start_char = doc[q_start].idx
    elif draft.kind not in NOT_CONVERTED and (converted := qualifier_of_converted(doc, first_token)) is not None:
        draft.qualifier = converted  # "roughly 400 meters (1300 feet)": the conversion is as rough
    return first_token


def qualifier_of_converted(doc: Doc, first_token: int) -> str | None:
    """The qualifier of the amount that a figure in parentheses converts ("about 780,000 km (480,000 miles)"), or
    None: the "(" before the figure follows an amount's unit within three words."""
    if first_token < 2 or doc[first_token - 1].text != "(":
        return None
    i = first_token - 2
    while i >= max(0, first_token - 5) and not doc[i].like_num:
        i -= 1
    if i < 0 or not doc[i].like_num or any(t.is_punct or t.is_sent_start for t in doc[i + 1:first_token - 1]):
        return None
    while i > 0 and (doc[i - 1].like_num or doc[i - 1].is_currency or CURRENCY_PREFIX.fullmatch(doc[i - 1].text)):
        i -= 1
    qual = qualifier_before(doc, i)
    return qual[1] if qual is not None else None


def changed_by_multiple(doc: Doc, number: Number) -> str | None:
    """"will more than double the staff": a multiple written as a verb of change is a change up (or down, "halve")."""
    token = doc[number.start]
    factor = tables()["rules"]["change_verbs_as_figures"].get(token.lemma_)
    if number.kind != "multiple" or factor is None:
        return None
    i = number.start - 1
    while i >= 0 and doc[i].lower_ in tables()["rules"]["multiple_qualifier_words"]:
        i -= 1
    after_verb_helper = i >= 0 and (doc[i].pos_ == "AUX" and doc[i].lemma_ != "be" or doc[i].lower_ == "to")
    return ("up" if factor > 1 else "down") if after_verb_helper else None  # a tagged verb is find.verb_multiple's


def finished(doc: Doc, number: Number, draft: Draft, first_token: int) -> tuple[Span, QuantityValue] | None:
    """The span and `QuantityValue` of a finished draft, with its change and scopes; None for an empty or bare "a"."""
    text = text_of(doc)
    start_char, end_char = draft.start_char, draft.end_char
    bare_article = number.end - number.start == 1 and doc[number.start].lower_ in ("a", "an")
    if text[start_char:end_char].strip() == "" or (bare_article and draft.kind == "count" and draft.unit_text is None):
        return None
    if draft.low is not None:
        draft.value = None
    if any(x is not None and not math.isfinite(x) for x in (draft.value, draft.low, draft.high, draft.base, draft.previous)):
        return None
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    change = change_of(span) or change_verb_before(doc, first_token) or changed_by_multiple(doc, number)
    if change == "up" and draft.kind == "money" and raised_funds(doc, first_token):
        change = None  # "raised $6 million": funds, not a rise
    if draft.previous is not None and draft.value is not None and change is None:
        change = "up" if draft.value > draft.previous else "down" if draft.value < draft.previous else None
    return span, QuantityValue(
        text=text[start_char:end_char], start=start_char, end=end_char, value=draft.value, low=draft.low,
        high=draft.high, unit=draft.unit_text, unit_normalized=draft.unit_normalized, kind=draft.kind,
        qualifier=draft.qualifier, change=change, base=draft.base, counted=draft.counted,
        time=time_scope(doc, span), previous=draft.previous, place=place_scope(doc, span),
    )
