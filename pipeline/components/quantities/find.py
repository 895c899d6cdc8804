"""Finding the quantities of a Doc: one pass left to right, trying at each token the forms written without a
leading number ("percent of 10", "enrollment doubled"), then a number and the quantity built around it, then "a"
with a unit ("nearly an hour"); afterwards "up from 81,000" links a figure to its previous value."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from .value import QuantityValue
from .build import quantity_at
from .context import place_scope, qualifier_before, time_scope
from .lexicon import tables
from .numbers import Number, parse_number, parse_number_plain
from .text import indexed, lower_seq, next_index, sentence_of, text_of, token_after
from .units import pint_unit, table_unit


def quantities_of(doc: Doc) -> list[tuple[Span, QuantityValue]]:
    """Every quantity in `doc`, in text order, spans not overlapping."""
    with indexed(doc):
        found: list[tuple[Span, QuantityValue]] = []
        i = 0
        while i < len(doc):
            i = quantity_from(doc, i, found)
        link_previous_values(doc, found)
        take_elided_nouns(doc, found)
        return found


def quantity_from(doc: Doc, i: int, found: list[tuple[Span, QuantityValue]]) -> int:
    """Appends to `found` the quantity that starts at token i, if any; returns the token to go on from."""
    if doc[i].is_space:
        return i + 1
    pre = percent_of_number(doc, i) or verb_multiple(doc, i)
    if pre is not None:
        found.append(pre)
        return max(i + 1, token_after(doc, pre[1].end))
    chain = suspended_hyphens(doc, i)
    if chain:
        found.extend(chain)
        return max(i + 1, token_after(doc, chain[-1][1].end))
    number = parse_number(doc, i)
    if number is not None:
        result = quantity_at(doc, number)
        if result is None:
            return max(i + 1, number.end)
    else:
        result = indefinite_unit_quantity(doc, i)
    if result is not None and not (found and result[1].start < found[-1][1].end):
        found.append(result)
        return max(i + 1, token_after(doc, result[1].end))
    return i + 1


def percent_of_number(doc: Doc, i: int) -> tuple[Span, QuantityValue] | None:
    """"percent of 10", "per cent of twenty-two": a percentage written before its number."""
    m = re.match(r"(per\s?cents?|percents?|percentage)\s+of\s+", text_of(doc)[doc[i].idx:doc[i].idx + 24], re.I)
    if not m or (i > 0 and (doc[i - 1].like_num or doc[i - 1].lower_ in tables()["rules"]["percent_of_blockers"])):
        return None
    k = token_after(doc, doc[i].idx + m.end())
    number = parse_number_plain(doc, k) if k < len(doc) else None
    if number is None or number.yearlike:
        return None
    start, end = doc[i].idx, number.end_char
    span = doc.char_span(start, end, alignment_mode="expand")
    return span, QuantityValue(text=text_of(doc)[start:end], start=start, end=end, value=number.value, unit=m.group(1),
                               unit_normalized="percent", kind="percent", time=time_scope(doc, span))


def verb_multiple(doc: Doc, i: int) -> tuple[Span, QuantityValue] | None:
    """"Enrollment doubled", "the deficit halved": a change stated by the verb itself."""
    token = doc[i]
    factor = tables()["rules"]["change_verbs_as_figures"].get(token.lemma_)
    if factor is None or token.pos_ != "VERB":
        return None
    span = doc[i:i + 1]
    return span, QuantityValue(text=token.text, start=token.idx, end=token.idx + len(token), value=float(factor),
                               unit=None, unit_normalized="times", kind="multiple",
                               change="up" if factor > 1 else "down", time=time_scope(doc, span),
                               place=place_scope(doc, span))


SUSPENDED = re.compile(r"(\d+(?:\.\d+)?|[A-Za-z]+)[-‑]")


def suspended_value(doc: Doc, i: int) -> float | None:
    """The number written in token i with a hyphen left hanging ("two-", "3-"), or None."""
    m = SUSPENDED.fullmatch(doc[i].text)
    if m is None or doc[i].whitespace_ == "" and i + 1 < len(doc) and doc[i + 1].is_alpha:
        return None
    word = m.group(1).lower()
    known = tables()["small"]
    return float(word) if word[0].isdigit() else float(known[word]) if word in known else None


def small_number(doc: Doc, k: int) -> Number | None:
    """A number word under a hundred at token k ("four"), whatever its tag."""
    known = tables()["small"]
    word = doc[k].lower_
    return Number(k, k + 1, float(known[word]), doc[k].idx, doc[k].idx + len(doc[k])) if word in known else None


HANGING_LONGEST = 8  # numbers in one chain of hanging hyphens: "1- 2- 3- ..." must stay linear


def suspended_hyphens(doc: Doc, i: int) -> list[tuple[Span, QuantityValue]]:
    """"two-, three- and four-bedroom flats", "2- and 3-year terms": hyphens left hanging until the last number,
    whose noun or unit every number of the chain takes: one quantity for each."""
    values, k = [], i
    while k < len(doc) and len(values) < HANGING_LONGEST and (value := suspended_value(doc, k)) is not None:
        values.append((k, value))
        k = next_index(doc, k + 1)
        while k < len(doc) and doc[k].lower_ in (",", "and", "or"):  # "8- to 16-meter" is a range
            k = next_index(doc, k + 1)
    last = (parse_number_plain(doc, k) or small_number(doc, k)) if values and k < len(doc) else None
    if last is None or lower_seq(doc, last.end, 2)[:1] != ("-",) or last.end + 1 >= len(doc) or not doc[last.end + 1].is_alpha:
        return []
    noun = doc[last.end + 1]
    unit = table_unit(doc, noun.idx)
    out = []
    for start_char, end_char, value in [(doc[t].idx, doc[t].idx + len(doc[t]) - 1, v) for t, v in values] + \
            [(last.start_char, noun.idx + len(noun), last.value)]:
        span = doc.char_span(start_char, end_char, alignment_mode="expand")
        out.append((span, QuantityValue(
            text=text_of(doc)[start_char:end_char], start=start_char, end=end_char, value=value,
            unit=noun.text if unit is None else unit.surface, unit_normalized=unit.normalized if unit else None,
            kind=unit.kind if unit else "count", counted=None if unit else noun.text, time=time_scope(doc, span))))
    return out


def indefinite_unit_quantity(doc: Doc, i: int) -> tuple[Span, QuantityValue] | None:
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
    defining = doc[i].is_sent_start and i + 2 < len(doc) \
        and doc[next_index(doc, token_after(doc, unit.end_char))].lemma_ in tables()["rules"]["defining_verbs"]
    if unit.kind not in ("duration",) and unit.normalized not in ("penny", "cent") and lower_seq(doc, i + 2, 1) != ("of",) \
            and not defining:
        return None
    start = doc[qual[0]].idx if qual is not None and qual[2] else doc[i].idx
    span = doc.char_span(start, unit.end_char, alignment_mode="expand")
    return span, QuantityValue(
        text=text_of(doc)[start:unit.end_char], start=start, end=unit.end_char, value=1.0,
        unit=unit.surface, unit_normalized=unit.normalized, kind=unit.kind,
        qualifier=qual[1] if qual else "=", time=time_scope(doc, span),
    )


ELISION_REACH = 12  # tokens from the count before: "81 delegates to the Florida senator's 17"


def take_elided_nouns(doc: Doc, found: list[tuple[Span, QuantityValue]]) -> None:
    """"81 delegates to Rubio's 17", "52 senators in favor and 48 against": a bare count whose noun is left out
    counts what the count just before it in the sentence counts, when no verb stands between them (not "has 3
    children and is 45"). A count of the dead or wounded, or one a relative clause describes, takes that noun across
    verbs too when the count before counts people ("four people were killed and eight wounded", "94,000 people ... out
    of 138,000 who died"; not "destroyed 200 homes and left 12 dead")."""
    adjectives, people = tables()["rules"]["counted_adjectives"], tables()["rules"]["people_nouns"]
    for k in range(1, len(found)):
        span, q = found[k]
        prev_span, prev = found[k - 1]
        after = doc[span.end] if span.end < len(doc) else None
        described = q.counted in adjectives or not (q.counted or q.unit) and after is not None \
            and after.lower_ in ("who", "whom")
        if q.kind != "count" or prev.kind != "count" or not prev.counted or prev.counted in adjectives \
                or span.start - prev_span.end > ELISION_REACH \
                or sentence_of(doc, prev_span).start != sentence_of(doc, span).start:
            continue
        if described:
            if prev.counted.lower() in people:
                q.counted = prev.counted
        elif not (q.counted or q.unit) and not any(t.pos_ in ("VERB", "AUX") for t in doc[prev_span.end:span.start]) \
                and (after is None or after.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM", "X", "SYM")):
            q.counted, q.unit = prev.counted, prev.unit


def same_measure(a: QuantityValue, b: QuantityValue) -> bool:
    """Whether two figures may be one measure at two times: no two different units or counted nouns."""
    return (a.unit_normalized is None or b.unit_normalized is None or a.unit_normalized == b.unit_normalized) \
        and (a.counted is None or b.counted is None or a.counted.lower() == b.counted.lower())


UP_OR_DOWN_FROM = re.compile(r"\b(up|down)\s+(?:sharply\s+|slightly\s+)?from\s+$")


def earlier_value_of(doc: Doc, prev: QuantityValue, q: QuantityValue) -> str | None:
    """How `q` is the earlier value of the figure before it: "up"/"down" ("96,000, up from 81,000"), "from" ("eased to
    41,200 contracts from 45,900"), or None."""
    text = text_of(doc)
    m = UP_OR_DOWN_FROM.search(text, max(0, q.start - 30), q.start)
    if m:
        return m.group(1)
    if re.fullmatch(r"\s+from\s+", text[prev.end:q.start]) and re.search(r"\bto\s+$", text[max(0, prev.start - 4):prev.start]):
        return "from"
    return None


def link_previous_values(doc: Doc, found: list[tuple[Span, QuantityValue]]) -> None:
    """"About 96,000 people ride ..., up from 81,000 in 2022", "eased to 41,200 contracts from 45,900": the earlier
    figure becomes the previous value of the figure it is compared with (which changes up or down from it), and takes
    its unit when it has none."""
    for k in range(1, len(found)):
        span, q = found[k]
        prev_span, prev = found[k - 1]
        direction = earlier_value_of(doc, prev, q)
        if direction is None or sentence_of(doc, prev_span).start != sentence_of(doc, span).start \
                or prev.value is None or q.value is None or prev.previous is not None or not same_measure(prev, q) \
                or UP_OR_DOWN_FROM.search(text_of(doc), max(0, prev.start - 30), prev.start):
            continue  # "up from 37 percent ... and Clinton is down from 49 percent": two starting levels
        prev.previous, q.change = q.value, None
        prev.change = direction if direction in ("up", "down") else prev.change or (
            "up" if prev.value > q.value else "down" if prev.value < q.value else None)
        if q.unit is None and q.kind == "count" and prev.kind == q.kind:
            q.unit, q.counted = prev.unit, prev.counted
        elif q.kind == "count" and prev.kind != "count" and q.unit is None:
            q.kind, q.unit, q.unit_normalized = prev.kind, prev.unit, prev.unit_normalized
