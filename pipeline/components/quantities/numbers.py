"""Reading numbers: digit literals off the text ("1,200", "3.5bn", "-1e-3", "2 1/2", "⅓"), number words
("forty-seven", "a hundred and two"), scales, dozens, fractions ("two-thirds", "a quarter of"), ratios ("one in
five"), multiples ("three times the") and ranges ("10 to 20 billion"). Context (qualifiers, units) comes later."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from spacy.tokens import Doc

from .context import change_verb_before, qualifier_before
from .lexicon import tables
from .text import SPACES, advance, lower_seq, next_index, next_word_in, text_of, token_after, token_end, word_indices
from .units import Unit, currency_prefix_end, is_currency_sign, symbol_before, unit_after

SCALE_SUFFIX = re.compile(r"(?P<s>k|K|M|MM|mm|mil|mn|mln|m|bn|bln|b|B|tn|tln|T|G)(?![A-Za-z])")
CASED_SCALES = {"G": 1e9, "MM": 1e6, "T": 1e12}  # suffixes whose case decides ("T" is a trillion, "t" a tonne)


@dataclass
class Number:
    """A parsed number: tokens [start, end) and characters [start_char, end_char), its value and reading."""

    start: int
    end: int
    value: float
    start_char: int
    end_char: int
    kind: str = "count"  # count | fraction | ratio | multiple | frequency | age
    qualifier: str | None = None
    high: float | None = None  # the top of a vague amount, `value` its bottom ("hundreds": 100 to 1,000)
    yearlike: bool = False
    digits: bool = False


# ---------------------------------------------------------------------------------------------- digit literals

def literal_value(m: re.Match) -> float:
    """The value of a digit literal matched by `tables()["literal"]`."""
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
    frac = (m.group("frac") or "").replace("\u2044", "/")  # U+2044 FRACTION SLASH: "1⁄64"
    if frac:
        glyphs = tables()["words"]["unicode_fractions"]
        if frac in glyphs:
            value += glyphs[frac]
        elif frac.startswith("/"):
            denominator = float(frac[1:])
            value = value / denominator if denominator else float("nan")
        else:
            a, b = frac.strip().split("/")
            value += float(a) / float(b) if float(b) else float("nan")
    if m.group("sign"):
        value = -value
    return value


def opens_literal(doc: Doc, i: int, start: int, at: int | None) -> bool:
    """Whether a digit literal can start at character `start` of token i (`at`, when given, inside it): a digit,
    ".5", or a minus sign at the start of a word."""
    text = text_of(doc)
    token = doc[i]
    if at is not None:
        return text[at:at + 1].isdigit() or (text[at:at + 1] in "-−" and text[at + 1:at + 2].isdigit())
    if token.text[0] in "-−–":
        before = text[start - 1] if start > 0 else " "
        return before in SPACES + "\n([$€£¥" or start == 0
    return token.text[0].isdigit() or (token.text[0] == "." and len(token.text) > 1 and token.text[1].isdigit())


def parse_literal(doc: Doc, i: int, at: int | None = None) -> Number | None:
    """A digit literal starting at token i (or at character `at` inside it), read off the text ("1 234 567",
    "3.5bn", "-1e-3", "2 1/2", "⅓")."""
    text = text_of(doc)
    token = doc[i]
    start = token.idx if at is None else at
    glyphs = tables()["words"]["unicode_fractions"]
    if at is None and token.text[0] in glyphs:
        return Number(i, i + 1, glyphs[token.text[0]], start, start + 1, kind="fraction", digits=True)
    if not opens_literal(doc, i, start, at):
        return None
    m = tables()["literal"].match(text, start)
    if m is None or not any(c.isdigit() for c in m.group(0)):
        return None
    try:
        value = literal_value(m)
    except (OverflowError, ValueError, ZeroDivisionError):
        return None
    if not math.isfinite(value):  # "1/0", "1e999"
        return None
    grouped = bool(m.group("sep"))
    plain_integer = not (m.group("exp") or m.group("frac") or "." in m.group("num") or grouped)
    yearlike = plain_integer and not m.group("sign") and 1000 <= value <= 2100
    kind = "fraction" if m.group("frac") and m.group("frac")[0] in "/\u2044" and value < 1 else "count"
    scaled = scaled_literal(text, start, m.end(), value)
    if scaled is not None:
        value, end, yearlike = scaled[0], scaled[1], False
    else:
        end = m.end()
    end_token = token_after(doc, end)
    if end_token == i or (end_token <= len(doc) and end_token > 0 and doc[end_token - 1].idx + len(doc[end_token - 1]) < end):
        end_token = max(end_token, i + 1)
    return Number(i, max(end_token, i + 1), value, start, end, yearlike=yearlike, kind=kind, digits=True)


def scaled_literal(text: str, start: int, end: int, value: float) -> tuple[float, int] | None:
    """A scale written onto the literal ending at `end` ("40K", "3.5bn", "$2.174T", "10M") or after it ("2.5
    million", "10 bln"): (scaled value, new end), or None."""
    scales = tables()["numbers"]["scales"]
    sm = SCALE_SUFFIX.match(text, end)
    currency_before = start > 0 and is_currency_sign(text[start - 1]) or (start > 1 and is_currency_sign(text[start - 2]))
    if sm and not (sm.group("s") in ("mm", "m") and not currency_before):  # "$5m" is money, "5m" five metres
        suffix = sm.group("s")
        factor = CASED_SCALES[suffix] if suffix in CASED_SCALES else scales.get(suffix.lower(), scales.get(suffix, 1))
        return value * factor, sm.end()
    j = end
    while j < len(text) and text[j] in SPACES:
        j += 1
    scale = re.match(r"[A-Za-z]+", text[j:j + 12])
    big = tables()["big_scales"]
    hyphened = re.match(r"[-‑]([A-Za-z]+)", text[end:end + 13])
    if hyphened and hyphened.group(1).lower() in big:  # "a US$90-million contract", "a 3.4-billion-euro plan"
        return value * big[hyphened.group(1).lower()], end + hyphened.end()
    if scale and scale.group(0).lower() in big and j > end:
        return value * big[scale.group(0).lower()], j + len(scale.group(0))
    spaced = re.match(r"(B|M|bn|mn|mln|bln|tn)(?= (?!of\b)[a-z])", text[j:j + 8]) if j > end else None
    if spaced:  # "7 B users", "2.5 bn euros" (not "500 B of data")
        suffix = spaced.group(1)
        return value * scales.get(suffix, scales.get(suffix.lower(), 1)), j + len(suffix)
    return None


def plain_value(doc: Doc, number: Number) -> float:
    """The value of a number's first token alone ("20" of "20 billion"), to carry the scale to a range's start."""
    m = tables()["literal"].match(text_of(doc), number.start_char)
    if m:
        return literal_value(m)
    parsed = parse_words(doc, number.start)
    return parsed[1] if parsed else number.value


# ---------------------------------------------------------------------------------------------- number words

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
    if doc[i].text.endswith(("0s", "0S")) and (plural := digit_plural(doc, i) or age_decade(doc, i)) is not None:
        return plural  # "100s of", "her 20s" (the test first: this runs for every token)
    number = parse_literal(doc, i)
    glued = re.match(r"(\w+)[-‑][$€£¥]?(?=\d)", doc[i].lower_)
    glued = glued if glued and glued.group(1) in tables()["rules"]["glued_before_number"] else None
    if number is None and glued:  # "minus-40", "near-$18 million": the word joins it when the quantity is built
        number = parse_literal(doc, i, at=doc[i].idx + glued.end())
    if number is None and (at := currency_prefix_end(doc, i)) is not None:  # "INR2", "RM85,000", "Y=12,400"
        number = parse_literal(doc, i, at=at)
    return read_on(doc, number) if number is not None else parse_word_number(doc, i)


def read_on(doc: Doc, number: Number) -> Number:
    """`number` with what may follow it: "dozen", a fraction word, "and a half", a ratio, "times"."""
    number = dozen_after(doc, number)
    number = plus_after(doc, number)
    return fraction_after(doc, number) or and_a_fraction(doc, number) or ratio_after(doc, number) \
        or times_after(doc, number) or fold_after(doc, number) or number


def parse_word_number(doc: Doc, i: int) -> Number | None:
    """A number written in words at token i: a multiple ("twice"), "a dozen", an approximate plural ("hundreds
    of"), a spelled-out number ("forty-seven"), else a fraction ("a third of")."""
    t = tables()
    words, known = t["numbers"], t["words"]
    token, low = doc[i], doc[i].lower_
    nxt = next_index(doc, i + 1)
    if (idiom := digits_idiom(doc, i) or a_pair_of(doc, i)) is not None:
        return idiom
    if low in words["multipliers"] and (low in known["multipliers_alone"] or next_word_in(doc, nxt, known["multiplier_followers"])):
        return Number(i, i + 1, float(words["multipliers"][low]), token.idx, token_end(doc, i + 1), kind="multiple")
    if low in known["dozen_words"] and i > 0 and doc[i - 1].lower_ in ("a", "one", "half"):
        return None  # read from the word before
    if low in ("a", "one") and lower_seq(doc, nxt, 1) == ("dozen",):
        return Number(i, nxt + 1, 12.0, token.idx, token_end(doc, nxt + 1))  # "a dozen rifles"
    if low in t["rules"]["approximate_plurals"] and (lower_seq(doc, nxt, 1) == ("of",) or bare_plural(doc, i)):
        return approximate_plural(doc, i, nxt)
    if (vague := multi_scale(doc, i) or few_of_a_scale(doc, i)) is not None:
        return vague
    if (fold := fold_word(doc, i)) is not None:
        return fold
    if (low in t["small"] and (token.tag_ == "CD" or low in known["zero_words"])) \
            or (low in ("a", "one") and i + 1 < len(doc) and doc[i + 1].lower_ in t["big_scales"]):
        if low == "one" and i > 0 and doc[i - 1].lower_ in known["one_as_pronoun_after"]:
            return None  # "that one costs"
        parsed = parse_words(doc, i)
        if parsed:
            return read_on(doc, Number(i, parsed[0], parsed[1], token.idx, token_end(doc, parsed[0])))
    return parse_fraction(doc, i)


def approximate_plural(doc: Doc, i: int, of: int, value: float | None = None) -> Number:
    """"hundreds of", "tens of thousands of", "spending millions" (or `value` written in digits: "100s of"): a vague
    amount, from the word's value to ten times it (CQE's reading: "hundreds" is 100 to 1,000); token `of` is the
    "of", if any."""
    plurals = tables()["rules"]["approximate_plurals"]
    token, low = doc[i], doc[i].lower_
    value = float(plurals[low]) if value is None else value
    after = next_index(doc, advance(doc, of, 1))
    end = i + 1
    if lower_seq(doc, of, 1) == ("of",) and after < len(doc) and doc[after].lower_ in plurals \
            and value in (10, 100):
        value *= plurals[doc[after].lower_]
        end = after + 1
    return Number(i, end, value, token.idx, token_end(doc, end), high=value * 10)


DIGIT_PLURAL = re.compile(r"(10+)s", re.I)  # "100s", "1000S"
AGE_DECADE = re.compile(r"(?:(?:early|mid|late)[-‑])?([1-9]0)s", re.I)  # "20s", "mid-40s"


def digit_plural(doc: Doc, i: int) -> Number | None:
    """"100s of free channels", "10s of thousands of": a power of ten in digits with "s" and "of", read as the
    word ("hundreds of")."""
    m = DIGIT_PLURAL.fullmatch(doc[i].text)
    if m is None or lower_seq(doc, of := next_index(doc, i + 1), 1) != ("of",):
        return None
    return approximate_plural(doc, i, of, float(m.group(1)))


def age_decade(doc: Doc, i: int) -> Number | None:
    """"in her 20s", "in his mid-40s", "into their early 30s": a decade of a person's life after "in" and a
    possessive, 20 to 29 (as "double digits" is 10 to 99). Decades of years ("the 1990s") are not read."""
    m = AGE_DECADE.fullmatch(doc[i].text)
    if m is None:
        return None
    j = i - 1
    while j >= 0 and doc[j].lower_ in ("early", "mid", "late", "-"):
        j -= 1
    if j < 1 or doc[j].tag_ != "PRP$" or doc[j - 1].lower_ not in ("in", "into"):
        return None  # "in her 20s", not "his 60s records"
    low = float(m.group(1))
    return Number(i, i + 1, low, doc[i].idx, token_end(doc, i + 1), high=low + 9, kind="age")


def bare_plural(doc: Doc, i: int) -> bool:
    """"spending millions", "the support of millions": a vague plural standing for a noun, with no "of" after."""
    j = next_index(doc, i + 1)
    return doc[i].lower_ in tables()["rules"]["approximate_plurals_alone"] and doc[i].tag_ == "NNS" \
        and (j >= len(doc) or doc[j].pos_ not in ("NOUN", "PROPN", "NUM", "ADJ"))


def multi_scale(doc: Doc, i: int) -> Number | None:
    """"multi-million-dollar", "multibillion": more than one of the scale, read as the scale to ten times it."""
    scales = tables()["big_scales"]
    if not doc[i].lower_.startswith("multi"):
        return None
    m = re.fullmatch(r"multi-?(\w+)", doc[i].lower_)
    if m and m.group(1) in scales:
        end, scale = i + 1, scales[m.group(1)]
    elif doc[i].lower_ == "multi" and len(words := lower_seq(doc, i + 1, 2)) == 2 and words[0] == "-" \
            and words[1] in scales:
        end, scale = advance(doc, i + 1, 2), scales[words[1]]
    else:
        return None
    return Number(i, end, float(scale), doc[i].idx, token_end(doc, end), high=scale * 10.0)


def few_of_a_scale(doc: Doc, i: int) -> Number | None:
    """"a few hundred", "a few hundred thousand": some of the scale, read as the scale to ten times it (as
    "thousands"). "Several hundred" is left unread: quantulum3's gold set counts no quantity there."""
    if doc[i].lower_ != "a" or lower_seq(doc, i + 1, 1) != ("few",):
        return None
    few = next_index(doc, i + 1)
    scales, scale, end = tables()["big_scales"], 1.0, None
    j = next_index(doc, few + 1)
    while j < len(doc) and doc[j].lower_ in scales:  # "a few hundred thousand"
        scale, end, j = scale * scales[doc[j].lower_], j + 1, next_index(doc, j + 1)
    if end is None:
        return None
    return Number(i, end, scale, doc[i].idx, token_end(doc, end), high=scale * 10.0)


def parse_number_plain(doc: Doc, i: int) -> Number | None:
    """A digit or word number at i, with no fraction/ratio reading."""
    number = parse_literal(doc, i)
    if number is not None:
        return number
    if doc[i].tag_ == "CD" and (parsed := parse_words(doc, i)):
        return Number(i, parsed[0], parsed[1], doc[i].idx, token_end(doc, parsed[0]))
    return None


# ---------------------------------------------------------------------------------------------- after a number

def dozen_after(doc: Doc, number: Number) -> Number:
    """"3 dozens", "a dozen" (12), "half a dozen"."""
    known = tables()["words"]
    j = next_index(doc, number.end)
    if j < len(doc) and (doc[j].lower_ in known["dozen_words"] or doc[j].lower_ in known["dozen_abbreviations"]):
        return Number(number.start, j + 1, number.value * 12, number.start_char, token_end(doc, j + 1))
    return number


def fraction_after(doc: Doc, number: Number) -> Number | None:
    """"two-thirds", "three quarters", "three halves", "five eighths": a number followed by a fraction word."""
    fractions = tables()["numbers"]["fractions"]
    j = next_index(doc, number.end)
    if j < len(doc) and doc[j].text in ("-", "‑"):
        j = next_index(doc, j + 1)
    if j < len(doc) and doc[j].lower_ in fractions and number.value < 1000 and not number.digits \
            and not (doc[j].lower_ == "half" and number.value != 1):
        return Number(number.start, j + 1, number.value * fractions[doc[j].lower_], number.start_char,
                      token_end(doc, j + 1), kind="fraction")
    return None


def and_a_fraction(doc: Doc, number: Number) -> Number | None:
    """"two and a half", "seven-and-a-half", "one and a quarter": a whole number plus a fraction."""
    fractions = tables()["numbers"]["fractions"]
    at = word_indices(doc, number.end, 3)
    words = tuple(doc[k].lower_ for k in at)
    if len(words) == 3 and words[0] == "and" and words[1] in ("a", "an", "one") and words[2] in fractions:
        end = at[-1] + 1
        return Number(number.start, end, number.value + fractions[words[2]], number.start_char, token_end(doc, end))
    return None


def ratio_after(doc: Doc, number: Number) -> Number | None:
    """"1 in 5", "a 1-in-62 chance", "three out of 10", "one over three": a ratio, valued as a fraction."""
    if (odds := glued_ratio(doc, number)) is not None:
        return odds
    at = word_indices(doc, number.end, 3)
    words = tuple(doc[k].lower_ for k in at[:2])
    skip = 2 if words == ("out", "of") else 1 if words[:1] in (("in",), ("over",)) else 0
    if not skip or len(at) <= skip:
        return None
    k = at[skip]
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


def glued_ratio(doc: Doc, number: Number) -> Number | None:
    """"1-in-233", "1-out-of-5": odds written as one word (the tokenizer may keep "in-233" whole)."""
    text = text_of(doc)
    m = re.match(r"[-‑](?:in|out[-‑]of)[-‑](?=\d)", text[number.end_char:number.end_char + 10])
    if m is None:
        return None
    at = number.end_char + m.end()
    token = token_after(doc, at + 1) - 1
    second = parse_literal(doc, token, at=None if doc[token].idx == at else at)
    if second is None or second.value <= max(number.value, 0) or second.yearlike:
        return None
    return Number(number.start, max(second.end, token + 1), number.value / second.value, number.start_char,
                  second.end_char, kind="ratio")


def times_after(doc: Doc, number: Number) -> Number | None:
    """"three times the rate", "ten times harder": a multiple; "three times a week": a frequency ("five times" alone
    counts occasions)."""
    t = tables()
    j = next_index(doc, number.end)
    if lower_seq(doc, j, 1) == ("times",) and t["times_frequency"].match(text_of(doc)[token_end(doc, j + 1):token_end(doc, j + 1) + 20]):
        m = re.match(r"\s+(?:per|a|an|each|every)\s+(\w+)", text_of(doc)[token_end(doc, j + 1):])
        end_char = token_end(doc, j + 1) + m.end()
        return Number(number.start, token_after(doc, end_char), number.value, number.start_char, end_char,
                      kind="frequency", qualifier=None) if m else None
    words = lower_seq(doc, j, 2)
    comparative = j + 1 < len(doc) and doc[j + 1].tag_ in ("JJR", "RBR")  # "ten times harder", "five times larger"
    if len(words) == 2 and words[0] == "times" and (words[1] in t["words"]["times_followers"] or comparative):
        return Number(number.start, j + 1, number.value, number.start_char, token_end(doc, j + 1), kind="multiple")
    return None


def plus_after(doc: Doc, number: Number) -> Number:
    """"12 million-plus votes", "40-plus years", "100+ people": more than the number."""
    m = re.match(r"(?:[-‑]plus\b|\+)(?![\d+])", text_of(doc)[number.end_char:number.end_char + 6])
    if m is None:
        return number
    end_char = number.end_char + m.end()
    return Number(number.start, token_after(doc, end_char), number.value, number.start_char, end_char,
                  kind=number.kind, qualifier=">", digits=number.digits)


def digits_idiom(doc: Doc, i: int) -> Number | None:
    """"in double digits" (10 to 99), "single-digit", "triple digits": a range of how many digits a number has."""
    spans = tables()["rules"]["digit_count_words"]
    if doc[i].lower_ not in spans:
        return None
    words = lower_seq(doc, i, 3)
    if words[1:2] in (("digits",), ("digit",)) or words[1:3] in (("-", "digit"), ("-", "digits")):
        end = advance(doc, i, 2 if words[1] != "-" else 3)
        low, high = spans[words[0]]
        return Number(i, end, float(low), doc[i].idx, token_end(doc, end), high=float(high))
    return None


def a_pair_of(doc: Doc, i: int) -> Number | None:
    """"a pair of hoaxsters", "a couple of weeks": two."""
    if doc[i].lower_ != "a":
        return None
    words = lower_seq(doc, i, 3)
    if len(words) == 3 and words[1] in ("pair", "couple") and words[2] == "of":
        end = advance(doc, i, 2)
        return Number(i, end, 2.0, doc[i].idx, token_end(doc, end))
    return None


def fold_after(doc: Doc, number: Number) -> Number | None:
    """"10-fold", "10 fold": a multiple written with "fold" after the number."""
    m = re.match(r"[-‑ ]?fold\b", text_of(doc)[number.end_char:number.end_char + 6], re.I)
    if m is None:
        return None
    end_char = number.end_char + m.end()
    return Number(number.start, token_after(doc, end_char), number.value, number.start_char, end_char, kind="multiple",
                  digits=number.digits)


def fold_word(doc: Doc, i: int) -> Number | None:
    """"fourfold", "three-fold": a multiple written as one word (or hyphenated) from a number word."""
    small = tables()["small"]
    m = re.fullmatch(r"([a-z]+?)-?fold", doc[i].lower_)
    if m and m.group(1) in small:
        return Number(i, i + 1, float(small[m.group(1)]), doc[i].idx, token_end(doc, i + 1), kind="multiple")
    if doc[i].lower_ not in small:
        return None
    words = lower_seq(doc, i, 3)
    if len(words) == 3 and words[0] in small and words[1] in ("-", "‑") and words[2] == "fold":
        end = advance(doc, i, 3)
        return Number(i, end, float(small[words[0]]), doc[i].idx, token_end(doc, end), kind="multiple")
    return None


def parse_fraction(doc: Doc, i: int) -> Number | None:
    """"half", "a third", "a quarter" followed by "of" (or standing alone after a qualifier); "half a dozen" and
    "half a million", which are counts."""
    fractions = tables()["numbers"]["fractions"]
    known = tables()["words"]
    token = doc[i]
    if token.lower_ in ("a", "an", "one") and i + 1 < len(doc) and doc[i + 1].lower_ in fractions:
        end, word = i + 2, doc[i + 1].lower_
    elif token.lower_ == "one" and i + 2 < len(doc) and doc[i + 1].text == "-" and doc[i + 2].lower_ in fractions:
        end, word = i + 3, doc[i + 2].lower_
    elif token.lower_ == "half":
        end, word = i + 1, "half"
        following = lower_seq(doc, end, 2)
        if len(following) == 2 and following[0] == "a" and following[1] in known["dozen_words"]:
            end = advance(doc, end, 2)
            return Number(i, end, 6.0, token.idx, token_end(doc, end))
        if len(following) == 2 and following[0] == "a" and following[1] in tables()["big_scales"]:
            end = advance(doc, end, 2)  # "half a million jobs": a count
            return Number(i, end, tables()["big_scales"][following[1]] / 2, token.idx, token_end(doc, end))
    else:
        return None
    if word in known["ordinal_fractions"] and lower_seq(doc, end, 1) != ("of",) \
            and not (end >= len(doc) or doc[end].is_punct or doc[end].pos_ in ("VERB", "AUX")):
        return None  # "a third suspect", "a third party candidate"
    if word == "half" and not next_word_in(doc, end, known["half_followers"]) \
            and not qualifier_before(doc, i) and not (i > 0 and doc[i - 1].lower_ in ("a", "one")):
        return None
    return Number(i, end, fractions[word], token.idx, token_end(doc, end), kind="fraction")


# ---------------------------------------------------------------------------------------------- ranges

def m_joiner(text: str, pos: int) -> str:
    """The word joining a range's two numbers at `pos` ("to", "-", "and"), or ""."""
    m = re.match(r"\s*(to|through|and|-|–|—)", text[pos:pos + 10])
    return m.group(1) if m else ""


def word_before(doc: Doc, number: Number) -> str:
    """The lower-cased word before a number, past a currency symbol ("from" in "from $2,415")."""
    i = number.start - 1
    if i >= 0 and doc[i].text in "$€£¥":
        i -= 1
    return doc[i].lower_ if i >= 0 else ""


def range_end(doc: Doc, number: Number, unit: Unit | None) -> tuple[Number, Unit | None, bool] | None:
    """The second number of a range ("10 to 20", "10-20", "44 mg to 50 mg", "8- to 16-meter", "between 10 and 20",
    "six or seven months"):
    (second number, the range's unit, whether it is a "between")."""
    text = text_of(doc)
    pos = unit.end_char if unit is not None else number.end_char
    between = word_before(doc, number) == "between"
    from_ = word_before(doc, number) == "from"
    if change_verb_before(doc, number.start) and not from_ and "to" in m_joiner(text, pos):
        return None  # "fell 3 points to 4.1 percent": a change and a level, not a range
    rate = re.match(r"\s*(?:/|per)\s*[A-Za-z]+|\s+an?\s+(?:hour|day|week|month|year)\b", text[pos:pos + 16]) \
        if symbol_before(doc, number) else None
    if rate:
        pos += rate.end()  # "$350 per kg to $680 per kg", "from $10 an hour to $7.70"
    m = re.match(r"(-?\s*(?:to|through|and|or)\s+[$€£¥]?|\s?[-–—]\s?[$€£¥]?)", text[pos:pos + 12])
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
    joiner = m.group(0).strip(" -$€£¥")
    close = number.value < second.value <= number.value + max(1.0, number.value / 2)
    if joiner == "or" and not close or joiner == "to" and not from_ and 0 <= second.value < number.value:
        return None  # "six or seven", "Twenty or 30" are ranges; "10 or 5", "25 or 50", "50% to 40%" two figures
    if "to" not in m.group(0) and "and" not in m.group(0) and second.value <= number.value and number.value >= 0 \
            and second.value >= 0 and unit is None:
        return None  # "7-2" is a score; "10-20" a range
    second_unit = unit_after(doc, second)
    if unit is not None and second_unit is not None and second_unit.normalized != unit.normalized:
        return None  # "from 44 ml to 50 mg": two quantities
    return second, second_unit or unit, between
