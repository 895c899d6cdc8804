"""Numbers that are not quantities, as a flat chain of named rules: years, dates, clock times, codes ("J1149"),
emergency numbers ("911 calls"), names with numbers ("COVID-19", "Route 66"), ordinals, scores ("7-2"), list
markers, "one" as a word ("one thing") and "one of" a group. Each rule takes a `Candidate` and says whether it rejects it; `NOT_A_QUANTITY` runs them in order."""
from __future__ import annotations

import bisect
import re
from functools import cached_property, lru_cache

from spacy.tokens import Doc, Token

from ..entities.filters import is_shouting
from ..entities.places import is_a_known_place
from .context import qualifier_before
from .lexicon import tables
from .numbers import SCALE_SUFFIX, Number
from .text import ents_of, index_of, lower_seq, next_index, sentence_of, text_of, token_after
from .units import Unit, is_clock_time, symbol_before, unit_after

ORDINAL = re.compile(r"^\d+(st|nd|rd|th)$", re.I)
CLOCK = re.compile(r"\d:\d\d|\b[ap]\.?m\.?\b|o['’]clock", re.I)


class Candidate:
    """A number where it stands: its first token, the tokens and characters around it, and the unit after it
    (parsed once, on first use, and kept for building the quantity)."""

    def __init__(self, doc: Doc, number: Number):
        self.doc, self.number = doc, number
        self.text = text_of(doc)
        self.first: Token = doc[number.start]
        self.nxt = next_index(doc, token_after(doc, number.end_char))
        self.after: Token | None = doc[self.nxt] if self.nxt < len(doc) else None
        self.prev: Token | None = doc[number.start - 1] if number.start > 0 else None
        self.before_char = self.text[number.start_char - 1] if number.start_char > 0 else " "
        self.after_char = self.text[number.end_char] if number.end_char < len(self.text) else " "

    @cached_property
    def unit(self) -> Unit | None:
        """The unit right after the number (`unit_after`)."""
        return unit_after(self.doc, self.number)

    def word(self) -> str:
        """The run of non-space characters the number is written in ("LGA1156", "06F6")."""
        text, start = self.text, self.number.start_char
        return re.search(r"[^\s,;()]*$", text[max(0, start - 40):start]).group(0) \
            + re.match(r"[^\s,;()]*", text[start:start + 40]).group(0)


def ordinal(c: Candidate) -> bool:
    """"21st", "first"."""
    return bool(ORDINAL.match(c.first.text)) or (c.first.ent_type_ == "ORDINAL" and not c.number.digits)


def letters_around(c: Candidate) -> bool:
    """"SCP 06F6", "J1149", "i7": digits touching letters that are not a unit or scale."""
    return c.number.digits and (c.before_char.isalpha() and symbol_before(c.doc, c.number) is None
                                or c.after_char.isalpha() and c.unit is None
                                and not SCALE_SUFFIX.match(c.text, c.number.end_char))


def code(c: Candidate) -> bool:
    """"06F6", "LGA1156": a code (but "24703m2" is square metres)."""
    if not c.number.digits:
        return False
    word = c.word()
    return bool(re.fullmatch(r"[A-Za-z]*\d+[A-Za-z]+\d+[A-Za-z\d]*", word)) \
        and not re.fullmatch(r"\d+(\.\d+)?[eE]\d+", word) \
        and not (word[0].isdigit() and c.unit is not None and c.unit.kind in ("area", "volume"))


def phone_or_address_part(c: Candidate) -> bool:
    """"+6663", "#3", the parts of "192.168" and "1.2.3.4"."""
    n = c.number
    return n.digits and c.before_char in "+#" or (n.digits and c.before_char == "." and n.start_char > 1
                                                  and c.text[n.start_char - 2].isdigit()) \
        or n.digits and bool(re.match(r"\.\d", c.text[n.end_char:n.end_char + 2]))


def slash_date(c: Candidate) -> bool:
    """"5/12/04", "expires on 7/14/": a day and month written with slashes."""
    return c.number.digits and re.fullmatch(r"\d{1,2}/\d{1,2}/(\d{2}|\d{4})?", c.word()) is not None


def letter_of_a_code(c: Candidate) -> bool:
    """"pad 37B", "Section 303b", "303b of the German Penal Code": an integer with a "b" glued on, after a noun or
    name or citing a code, with no currency and nothing it counts after it, names a thing ("$37B", "paid 19B",
    "1.2b" and "3B people" are billions)."""
    n = c.number
    written = c.text[n.start_char:n.end_char]
    return n.digits and written[-1:] in ("b", "B") and written[:-1].isdigit() and symbol_before(c.doc, n) is None \
        and (c.prev is not None and c.prev.pos_ in ("NOUN", "PROPN") or cites_a_code(c)) \
        and (c.after is None or c.after.pos_ not in ("NOUN", "PROPN", "ADJ"))


def cites_a_code(c: Candidate) -> bool:
    """Whether the number is followed by "of the" and a name: "303b of the German Penal Code"."""
    doc, i = c.doc, c.nxt
    return i + 2 < len(doc) and doc[i].lower_ == "of" and doc[i + 1].lower_ == "the" and doc[i + 2].is_title


def clock_time_am_pm(c: Candidate) -> bool:
    """"2pm", "at 2.13 am"."""
    return bool(re.match(r"\s?(a\.?m\.?|p\.?m\.?)(?![A-Za-z])", c.text[c.number.end_char:c.number.end_char + 5], re.I)) \
        and is_clock_time(c.doc, c.number)


def clock_time_entity(c: Candidate) -> bool:
    """A TIME entity written as a clock time ("3:30 p.m.", "six o'clock")."""
    return c.first.ent_type_ == "TIME" and bool(CLOCK.search(c.doc[c.first.i: c.first.i + 4].text)) \
        and is_clock_time(c.doc, c.number)


def hours_of_clock(c: Candidate) -> bool:
    """The "3" of "3:30"."""
    return bool(re.match(r":\d\d", c.text[c.number.end_char:c.number.end_char + 3]))


def calendar_date(c: Candidate) -> bool:
    """A day in a DATE entity naming a month or weekday ("Oct. 27")."""
    if c.first.ent_type_ != "DATE":
        return False
    months = tables()["rules"]["months_and_weekdays"]
    ent = next((e for e in ents_of(c.doc) if e.start <= c.first.i < e.end), None)
    return ent is not None and any(tok.lower_ in months for tok in ent)


def year(c: Candidate) -> bool:
    """"in 2012", "the 2016 election", a year standing alone; not "2021 students"."""
    if not (c.number.yearlike and c.unit is None):
        return False
    rules = tables()["rules"]
    prev, after = c.prev, c.after
    if c.first.ent_type_ == "DATE" or (prev is not None and prev.lower_ in rules["year_prepositions"]):
        return True
    if prev is not None and prev.lower_ in rules["year_determiners"] and after is not None and after.pos_ in ("NOUN", "PROPN", "ADJ"):
        return True  # "a 2021 study", "the 2016 election"
    return after is None or after.is_punct or after.pos_ not in ("NOUN", "ADJ")


def season_start(c: Candidate) -> bool:
    """The "2013" of "2013-14"."""
    return bool(re.match(r"[-–]\d\d(?!\d)", c.text[c.number.end_char:c.number.end_char + 4])) and c.number.yearlike


def season_end(c: Candidate) -> bool:
    """The "14" of "2013-14"."""
    n = c.number
    return n.start_char >= 5 and bool(re.search(r"(1[0-9]|20)\d\d[-–]$", c.text[n.start_char - 5:n.start_char])) \
        and n.value < 100


def emergency_number(c: Candidate) -> bool:
    """"911 calls", "dial 999" (but not "$999.", an amount)."""
    rules = tables()["rules"]
    after, prev = c.after, c.prev
    return c.first.text in rules["emergency_numbers"] and symbol_before(c.doc, c.number) is None and (
        after is None or after.lower_ in rules["phone_nouns"] or after.is_punct
        or (prev is not None and prev.lemma_ in rules["phone_verbs"]))


def hyphenated_name(c: Candidate) -> bool:
    """COVID-19, F-35, Catch-22."""
    prev, n = c.prev, c.number
    return prev is not None and prev.whitespace_ == "" and prev.text in ("-", "‑", "#") and n.start > 1 \
        and c.doc[n.start - 2].is_alpha and not n.value < 0


def after_name_prefix(c: Candidate) -> bool:
    """"Route 66", "page 12", "Section 8", and ballot measures written capitalised ("Measure 110", "Proposition 8";
    not "measure 5 inches")."""
    rules = tables()["rules"]
    if c.prev is not None and c.prev.text == "." and c.number.start > 1:  # "No. 1" tokenized "No", "."
        return c.doc[c.number.start - 2].text in ("No", "Nos")  # not "said no. 5 states"
    return c.prev is not None and (c.prev.lower_ in rules["name_prefixes"]
                                   or c.prev.text in rules["capitalised_name_prefixes"])


def compound_modifier(c: Candidate) -> bool:
    """"a one-time fee", "a two-way street": "one", or an idiom (`compound_idioms`), in a compound modifier, not a
    figure, nor a number word spelled on into an ordinal ("twenty-first", "three twenty-firsts"; but "a three-judge
    panel", "a 50-lane highway", "a 2,300-page plan" and "6.0-sigma" count or measure);
    digits before a capitalised word ("7-Eleven", "a 3-D printer") name something."""
    after, n = c.after, c.number
    joined = after is not None and after.text in ("-", "‑") and c.nxt + 1 < len(c.doc) and c.doc[c.nxt + 1].is_alpha
    if not joined:
        return False
    noun = c.doc[c.nxt + 1]
    if n.digits:
        return noun.text[0].isupper()
    idiom = c.first.lower_ == "one" or noun.lower_ in tables()["rules"]["compound_idioms"]
    spelled_on = noun.like_num or noun.lower_.endswith("s") and noun.vocab[noun.lower_[:-1]].like_num
    return (idiom or spelled_on) and after.idx == n.end_char and c.unit is None \
        and "." not in c.text[n.start_char:n.end_char]


def digits_run_on(c: Candidate) -> bool:
    """"245 23 yen": digits run into other digits, no reading is safe."""
    n = c.number
    return n.digits and (bool(re.match(r" \d", c.text[n.end_char:n.end_char + 2]))
                         or bool(re.search(r"(?<![A-Za-z\d])\d+ \Z", c.text[max(0, n.start_char - 8):n.start_char])))


def score(c: Candidate) -> bool:
    """"voted 7-2", "won 3-1": a tally, not a figure on its own."""
    return is_score(c.doc, c.number)


def list_marker(c: Candidate) -> bool:
    """"1." / "2)" at the start of a line."""
    prev, after = c.prev, c.after
    at_line_start = prev is None or "\n" in prev.text or "\n" in prev.whitespace_
    return at_line_start and after is not None and after.text in (")", ".") and after.idx == c.number.end_char \
        and c.number.value < 100 and (after.whitespace_ != "" or c.nxt + 1 >= len(c.doc))


def bare_integer(c: Candidate) -> bool:
    """Whether the number is an integer of at most three digits with no unit after it."""
    return c.number.digits and c.number.end - c.number.start == 1 and c.first.text.isdecimal() \
        and len(c.first.text) <= 3 and c.unit is None


def numbered_sequence(c: Candidate) -> bool:
    """"1 Mark Richardson, 2 Mathew Sinclair, 3 ...", "5 A close encounter ... 6 A ...": bare integers numbering the
    parts of a sentence, three or more in a row and in order, each before a capitalised word or a verb (not "1 goal, 2
    assists and 3 points", nor "aged 1, 2 and 3")."""
    after_number = c.after
    if not bare_integer(c) or after_number is None or not (after_number.is_title or after_number.pos_ == "VERB"):
        return False
    sentence_start = sentence_of(c.doc, c.doc[c.first.i:c.first.i + 1]).start
    where = index_of(c.doc).small_integers
    value, i = int(c.first.text), c.first.i

    def before(v: int, j: int) -> int | None:
        at = where.get((sentence_start, v), [])
        k = bisect.bisect_left(at, j)
        return at[k - 1] if k > 0 else None

    def after(v: int, j: int) -> int | None:
        at = where.get((sentence_start, v), [])
        k = bisect.bisect_right(at, j)
        return at[k] if k < len(at) else None

    prev1, next1 = before(value - 1, i), after(value + 1, i)
    return prev1 is not None and (next1 is not None or before(value - 2, prev1) is not None) \
        or next1 is not None and after(value + 2, next1) is not None


def marker_of_a_part(c: Candidate) -> bool:
    """"(1) placed a greater priority", "… per 1000 years. 9 A collision", "attached as Exhibit A. 2.": a bare
    integer opening a clause in brackets, opening a sentence before a capitalised article, or closing the text after
    a full stop, or a list's "1." after a colon (not "the number of deaths (12) was", "John Smith (17)", "Deaths so
    far: 12.")."""
    if not bare_integer(c) or c.after is None:
        return False
    doc, after, prev = c.doc, c.after, c.prev
    opens_clause = prev is not None and prev.text == "(" \
        and (prev.i == 0 or doc[prev.i - 1].pos_ not in ("NOUN", "PROPN", "NUM", "PRON"))
    bracketed = opens_clause and after.text == ")" and c.number.value < 30 and c.nxt + 1 < len(doc) \
        and doc[c.nxt + 1].is_alpha
    before_article = after.pos_ == "DET" and after.is_title and (prev is None or prev.is_punct)
    closing = after.text == "." and c.nxt + 1 >= len(doc) and prev is not None \
        and (prev.text == "." or prev.text == ":" and c.number.value == 1)  # "... apply to terms used: 1."
    return bracketed or before_article or closing


NAMING_ENTITIES = ("ORG", "EVENT", "FAC", "LAW")


def number_in_a_named_entity(c: Candidate) -> bool:
    """"BBC One", "Sky One", "Delta 4", "G20 summit": a number inside a name NER found (an organization, event,
    building or law: the small model's products and works of art are too often a name and a figure), next to a
    capitalised word of that name that is not a number (not "Rubio's 17", where NER joined a possessive and a
    figure)."""
    if c.first.ent_type_ not in NAMING_ENTITIES or c.unit is not None:
        return False
    doc, n = c.doc, c.number
    beside = [doc[n.start - 1]] if n.start > 0 else []
    beside += [doc[n.end]] if n.end < len(doc) else []
    return any(t.ent_type_ == c.first.ent_type_ and t.ent_iob_ != "O" and t.is_alpha and t.text[0].isupper()
               and not t.like_num and (t.i > n.start or doc[n.start].ent_iob_ == "I") for t in beside)


def one_of_a_group(c: Candidate) -> bool:
    """"one of the great conservatives", "one of his sons": "one" picking out a member, not counting (but "one of
    every five" is a ratio, and so is "one in ten of the bridges")."""
    doc, i = c.doc, c.nxt
    return not c.number.digits and c.number.kind != "ratio" and c.first.lower_ == "one" and c.after is not None and c.after.lower_ == "of" \
        and not (i + 1 < len(doc) and doc[i + 1].lower_ in ("every", "each"))


ONE_CONTRAST_REACH = 40  # tokens either side, within the sentence, where a number contrasts with "one"


def one_without_contrast(c: Candidate) -> bool:
    """"One organization posted", "one thing in common", "at one point": the word "one" as an article or pronoun.
    It counts where a qualifier or sign stresses it ("only one person", "minus one", "one more vote"), where it
    measures ("one hour"), or where another number in the sentence contrasts with it
    ("one day as a lion than 100 years as a sheep"), and never in "at one point", "late one night", "one another"."""
    n, doc = c.number, c.doc
    if n.digits or c.first.lower_ != "one" or n.end - n.start != 1 or n.kind != "count":
        return False
    rules = tables()["rules"]
    if c.prev is not None and c.prev.lower_ in rules["one_idiom_before"] and c.after is not None \
            and c.after.lower_ in rules["one_idiom_nouns"]:
        return True
    words = lower_seq(doc, n.end, 4)
    if words[:1] == ("another",) or words[:2] == ("after", "another") or words == ("on", "top", "of", "another"):
        return True  # "one another", "one after another", "piled one on top of another"
    if qualifier_before(doc, n.start) is not None or (c.unit is not None and c.unit.kind != "count") \
            or c.prev is not None and c.prev.lower_ in tables()["numbers"]["negators"] \
            or c.after is not None and c.after.lower_ in rules["one_counting_before"]:
        return False  # "only one", "one hour", "minus one", "one more time"
    sentence = sentence_of(doc, doc[n.start:n.end])
    near = doc[max(sentence.start, n.start - ONE_CONTRAST_REACH):min(sentence.end, n.end + ONE_CONTRAST_REACH)]
    return not any(t.like_num and t.lower_ != "one" and t.ent_type_ not in ("DATE", "TIME", "ORDINAL") for t in near)


def is_camel_case(word: str) -> bool:
    """"iPhone", "eBay", "iPad": a lower-case first letter, then a capital."""
    return word[:1].islower() and any(ch.isupper() for ch in word[1:])


def number_in_a_name(c: Candidate) -> bool:
    """"Forever 21 is selling", "the FTSE 100 rose", "Pixel 8 Pro", "the iPhone 15 costs", "Ted Cruz 1, John Kasich
    2": digits right after a capitalised (or camel-case) proper noun, with nothing they count or measure after
    them."""
    n, prev, after = c.number, c.prev, c.after
    if not n.digits or prev is None or c.unit is not None or prev.pos_ != "PROPN" or not prev.is_alpha \
            or not (prev.is_title or prev.is_upper or is_camel_case(prev.text)) or prev.whitespace_ == "":
        return False
    if prev.lower_ in tables()["rules"]["months_and_weekdays"] or c.after_char in "%-–" \
            or symbol_before(c.doc, n) is not None:  # "costs CHF 1.5 million.": a currency code, not a name
        return False
    if prev.dep_ == "nmod" and prev.head.i >= n.end and prev.head.pos_ == "NOUN" \
            and c.text[n.start_char:n.end_char].isdigit():
        return True  # "the Pac 12 title", "the FTSE 100 index": the name with its number modifies the noun
    if after is not None and after.is_alpha and (after.is_title or after.is_upper):  # "Pixel 8 Pro is", "737 Max"
        then = c.doc[after.i + 1] if after.i + 1 < len(c.doc) else None
        return after.pos_ == "PROPN" or then is not None and then.pos_ in ("VERB", "AUX")
    return after is None or (after.is_punct and not after.is_quote and after.text not in ("-", "–", "/")) \
        or after.pos_ in ("VERB", "AUX", "CCONJ")


def number_word_in_a_name(c: Candidate) -> bool:
    """"Thousand Oaks", "the Seven Oaks school", "Three Rivers", "on Channel 4, Five, Sky One": a number word
    written capitalised before a capitalised word or alone before punctuation, inside a sentence (where a figure is
    written in lower case), or starting a known place's name (GeoNames, ISO 3166-2); not in a sentence written in
    capitals or Title Case."""
    n = c.number
    first, after = c.doc[n.start], c.after
    if n.digits or c.unit is not None or not first.is_title or is_shouting(first.sent):
        return False
    inside = not first.is_sent_start and c.prev is not None and c.prev.text not in (":", "\"", "“", "‘", "'", "(")
    if after is None or after.is_punct and after.text not in ("-", "‑", "%"):
        return inside  # "Channel 4, Five, Sky One"
    if not after.is_title or not after.is_alpha:
        return False
    return inside or is_a_known_place(c.text[first.idx:after.idx + len(after.text)], "organization")


def day_of_a_month(c: Candidate) -> bool:
    """"February 28, 2016", "30 September 2016": a day written next to a month's name, even where NER found no date."""
    n = c.number
    if not n.digits or not 1 <= n.value <= 31 or n.value != int(n.value):
        return False
    months = tables()["rules"]["months_and_weekdays"]
    before = re.search(r"([A-Z][a-z]+\.?)\s+$", c.text[max(0, n.start_char - 12):n.start_char])
    after = re.match(r"\s+([A-Z][a-z]+\.?)", c.text[n.end_char:n.end_char + 12])
    if before and before.group(1).lower() in months:
        return c.after is None or c.after.pos_ not in ("NOUN", "ADJ")  # "May 28, 2016", not "in May 5 people died"
    return bool(after and after.group(1).lower() in months)


def citation_pages(c: Candidate) -> bool:
    """"Science 381, 12-15": the pages of a journal citation, after its title and volume."""
    n = c.number
    cited = re.search(r"\b([A-Z][A-Za-z.]*)\s(\d{1,4}),\s?(\d+[-–])?$", c.text[max(0, n.start_char - 30):n.start_char])
    if not n.digits or cited is None or 1500 <= int(cited.group(2)) <= 2100 \
            or cited.group(1).lower() in tables()["rules"]["year_prepositions"]:
        return False  # "In 2019, 10-15 percent": a year and a range
    return cited.group(3) is not None or bool(re.match(r"[-–]\d", c.text[n.end_char:n.end_char + 2]))


def named_number(c: Candidate) -> bool:
    """"9/11", "post-9/11", "24/7": numbers that name a day or mean "always"."""
    return named_numbers_pattern(tuple(tables()["rules"]["named_numbers"])).search(c.word()) is not None


@lru_cache(maxsize=4)
def named_numbers_pattern(names: tuple[str, ...]) -> re.Pattern:
    """One pattern for the named numbers, not inside a longer run of digits and slashes."""
    return re.compile(r"(?<![\d/])(?:%s)(?![\d/])" % "|".join(map(re.escape, names)))


NOT_A_QUANTITY = (
    one_of_a_group,
    one_without_contrast,
    number_in_a_name,
    number_in_a_named_entity,
    numbered_sequence,
    marker_of_a_part,
    slash_date,
    letter_of_a_code,
    number_word_in_a_name,
    day_of_a_month,
    citation_pages,
    named_number,
    ordinal,
    letters_around,
    code,
    phone_or_address_part,
    clock_time_am_pm,
    clock_time_entity,
    hours_of_clock,
    calendar_date,
    year,
    season_start,
    season_end,
    emergency_number,
    hyphenated_name,
    after_name_prefix,
    compound_modifier,
    digits_run_on,
    score,
    list_marker,
)


def not_a_quantity(candidate: Candidate) -> bool:
    """Whether any rule of `NOT_A_QUANTITY` rejects the number, tried in order."""
    return any(rule(candidate) for rule in NOT_A_QUANTITY)


def is_score(doc: Doc, number: Number) -> bool:
    """Digits, a hyphen and smaller digits written together ("7-2"), as a vote or game score."""
    text = text_of(doc)
    m_after = re.match(r"[-–](\d{1,3})(?!\d|,\d|\.\d|\s*(?:percent|%))", text[number.end_char:number.end_char + 8])
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
    return bool(m) and m.group(1).lower() not in tables()["rules"]["score_followers"]
