"""Spans NER or a pattern takes for a name that are none: each rule named after what it rejects, run as one flat
chain (`NOT_A_NAME`)."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable

from spacy.tokens import Span

from ... import resources
from .places import is_a_known_place


def is_a_listed_non_name(span: Span) -> bool:
    """A word listed as never a name of ours ("Sgt.", "Republican", "Fahrenheit")."""
    return span.text.lower() in resources.load("entities")["not_entities"]


def is_all_lowercase(span: Span) -> bool:
    """No capital letter at all ("state", "the agency"): a name is written with one."""
    return not any(c.isupper() for c in span.text)


def is_a_lone_adjective(span: Span) -> bool:
    """One adjective ("Democratic" in "Democratic presidential candidate", "Undecided")."""
    return len(span) == 1 and span[0].pos_ == "ADJ"


def is_a_handle_or_hashtag(span: Span) -> bool:
    """A social-media handle or hashtag ("@realDonaldTrump", "#DonaldTrump"): not a name as a reader writes it."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    glued = before is not None and not before.whitespace_ and before.text[-1:] in ("@", "#")
    return glued or "@" in span.text or "#" in span.text


def is_a_lone_letter(span: Span) -> bool:
    """A letter, with or without a period ("I.", "B"): an initial or a list number, not a name."""
    return len(span.text.rstrip(".")) == 1


def is_an_event_name(span: Span) -> bool:
    """The name of an event ("Democratic National Convention", "Yalta Conference", "the Emmy Awards")."""
    return len(span) > 1 and span[-1].lower_ in resources.load("entities")["event_final_words"]


def is_a_storm_or_wildfire(span: Span) -> bool:
    """A named storm ("Hurricane Maria", "Tropical Storm Ian") or wildfire: events, none of our kinds."""
    lists, text = resources.load("entities"), span.text.lower()
    before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
    with_before = f"{before} {text}"  # NER leaves "Tropical" out of "Tropical Storm Ian"
    storm = any(t.startswith(word + " ") for word in lists["storm_first_words"] for t in (text, with_before))
    return storm or is_a_wildfire(span, before)


SPEECH_LEMMAS = ("say", "tell", "report", "announce", "warn")


def is_a_wildfire(span: Span, before: str) -> bool:
    """A wildfire: "the Camp Fire" in a sentence about burning ("destroyed", "acres", "contained") that it is not
    speaking in; a fire service is "Cal Fire", or "the Lakeside Fire" that says or reports."""
    lists = resources.load("entities")
    if len(span) < 2 or span[-1].lower_ not in lists["wildfire_final_words"] or before != "the":
        return False
    speaks = span.end < len(span.doc) and span.doc[span.end].lemma_ in SPEECH_LEMMAS
    return not speaks and any(t.lower_ in lists["wildfire_words"] for t in span.sent)


@lru_cache(maxsize=1)
def official_language_names() -> frozenset[str]:
    """The English names of the languages official in some country (CLDR, through babel): "Swahili", "Hindi"."""
    import babel
    from babel.languages import get_official_languages

    english = babel.Locale.parse("en")
    codes = {code.split("_")[0] for territory in english.territories if len(territory) == 2 and territory.isalpha()
             for code in get_official_languages(territory, de_facto=True)}
    return frozenset(english.languages[c].lower() for c in codes if c in english.languages)


NAME_LIST_SEPARATORS = re.compile(r"\s*(?:,|\band\b|\bor\b)\s*")


def is_a_language(span: Span) -> bool:
    """A language, or a list of them ("Swahili, Amharic and Somali"), that NER did not call a person, where one at
    least is no known place ("Tuvalu" alone is the country): none of our kinds."""
    if span.label_ == "PERSON":
        return False
    parts = [p for p in NAME_LIST_SEPARATORS.split(span.text) if p]
    return bool(parts) and all(p.lower() in official_language_names() for p in parts) \
        and not all(is_a_known_place(p, "organization") for p in parts)


ROMAN_VERSION = re.compile(r"^(?=[IVX]{2,5}$)X{0,3}(IX|IV|V?I{0,3})$|^XP$")  # II-XXXIX, and Windows' XP


def is_a_numbered_product_or_event(span: Span) -> bool:
    """A name ending in a version or edition written as a Roman numeral ("Windows XP", "Delta IV", "World War II"): a
    product or an event; not a person's regnal number ("Henry VIII", which NER tags PERSON)."""
    return len(span) > 1 and span[0].ent_type_ != "PERSON" and ROMAN_VERSION.match(span[-1].text) is not None


PAGE_REFERENCE = re.compile(r"^(Page|Section|Chapter|Figure|Table|Item)\s+[A-Z]?\d+[A-Za-z]?$")


def is_a_page_reference(span: Span) -> bool:
    """A reference to a part of a text ("Page B4", "Section 303a"), not a name."""
    return PAGE_REFERENCE.match(span.text) is not None


SEPARATORS = (":", "•", "|", "»", "«", "·")  # what runs a title, a menu or a breadcrumb together, never a name


def holds_a_separator(span: Span) -> bool:
    """A span across a title's colon or a menu's bullet ("Broadband Telephony: Leveraging Voice", "Top Money Stories
    • Summer"): words a page put together, not one name."""
    return any(sep in span.text for sep in SEPARATORS)


def is_part_of_an_office_title(span: Span) -> bool:
    """One word naming a department inside an office's title ("Defense" in "Defense Secretary", "State" in
    "Secretary of State", "Health" in "shadow Health Secretary"): the office, not a body."""
    if len(span) != 1:
        return False
    titles = resources.load("entities")["office_title_words"]
    doc = span.doc
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    before = [t.lower_ for t in doc[max(span.start - 2, 0):span.start]]
    return after in titles or (len(before) == 2 and before[1] in ("of", "for") and before[0] in titles)


def is_an_award_in_an_adjective(span: Span) -> bool:
    """A name joined by a hyphen to "winning" or "nominated" ("Oscar-winning", "Pulitzer-nominated"): an award."""
    doc = span.doc
    after = [t.lower_ for t in doc[span.end:span.end + 2]]
    glued = span.end < len(doc) and not doc[span.end - 1].whitespace_ and not doc[span.end].whitespace_
    return glued and len(after) == 2 and after[0] == "-" and after[1] in ("winning", "nominated")


SHOUTING_WORDS = 6  # a sentence of fewer words is not taken for one written in capitals or Title Case
SHOUTING_SHARE = 0.8  # the share of its words that must be capitalised
LONGEST_SHOUTED_NAME = 5  # tokens


def is_shouting(sentence: Span) -> bool:
    """Whether a sentence is written in capitals or Title Case: most of its words capitalised."""
    words = [t for t in sentence if t.is_alpha]
    return len(words) >= SHOUTING_WORDS and sum(t.text[0].isupper() for t in words) >= SHOUTING_SHARE * len(words)


def is_a_run_of_capitalised_words(span: Span) -> bool:
    """In a sentence written in capitals or Title Case, a run of words NER took for one name: longer than any name,
    or holding a stop word no name holds ("Officials In Fresno County Said The Fbi")."""
    inner = set(resources.load("entities")["name_inner_stop_words"])
    suspicious = len(span) > LONGEST_SHOUTED_NAME or any(t.is_stop and t.lower_ not in inner for t in span)
    return suspicious and is_shouting(span.sent)


NOT_A_NAME: tuple[Callable[[Span], bool], ...] = (
    is_a_listed_non_name,
    is_all_lowercase,
    is_a_lone_adjective,
    is_a_handle_or_hashtag,
    is_a_lone_letter,
    is_an_event_name,
    is_a_storm_or_wildfire,
    is_a_language,
    is_part_of_an_office_title,
    is_an_award_in_an_adjective,
    is_a_numbered_product_or_event,
    is_a_page_reference,
    holds_a_separator,
    is_a_run_of_capitalised_words,
)


def is_not_a_name(span: Span) -> bool:
    """Whether any rule of `NOT_A_NAME` rejects `span`."""
    return any(rejects(span) for rejects in NOT_A_NAME)
