"""Where a name starts and ends: without leading determiners and intensifiers ("the", "just"), titles of people
("Sgt."), trailing words that are not part of the name ("survey"), possessives and punctuation."""
from __future__ import annotations

from typing import Callable

from spacy.tokens import Doc, Span

from ... import resources


def strip_span(span: Span, kind: str) -> Span | None:
    """`span` without what is around the name in it, or None where nothing is left."""
    doc = span.doc
    start = strip_leading(doc, span.start, span.end, kind)
    end = strip_trailing_words(doc, start, span.end, kind)
    end = strip_trailing_punctuation(doc, start, end)
    end = strip_final_period(doc, start, end)
    if start >= end:
        return None
    return doc[start:end]


def leading_words(kind: str) -> set[str]:
    """The words stripped from the start of a name of `kind`: determiners and intensifiers, and titles of people."""
    lists = resources.load("entities")
    leading = set(lists["leading_words_to_strip"])
    if kind == "person":
        leading |= set(lists["person_titles"])
    return leading


def strip_leading(doc: Doc, start: int, end: int, kind: str) -> int:
    """The new start of [start, end): past leading words ("the", "Sgt."), punctuation and spaces."""
    leading = leading_words(kind)
    while start < end and (doc[start].lower_ in leading or doc[start].is_punct or doc[start].is_space):
        start += 1
    return start


def strip_trailing_words(doc: Doc, start: int, end: int, kind: str) -> int:
    """The new end of [start, end) before trailing words that are not part of a name ("Pew Research Center survey")
    and function words no name ends in ("LINCOLN HIGH SCHOOL ON", as NER reads text in capitals); the listed words
    never for people, never down to nothing."""
    trailing = set(resources.load("entities")["trailing_words_to_strip"]) if kind != "person" else set()
    while end > start + 1 and (doc[end - 1].lower_ in trailing or doc[end - 1].is_stop):
        end -= 1
    return end


def strip_trailing_punctuation(doc: Doc, start: int, end: int) -> int:
    """The new end of [start, end) before possessives, spaces and punctuation that cannot end a name."""
    lists = resources.load("entities")
    possessives, kept = set(lists["possessive_endings"]), set(lists["trailing_punctuation_kept"])
    while end > start and (doc[end - 1].lower_ in possessives or doc[end - 1].is_space
                           or (doc[end - 1].is_punct and doc[end - 1].text not in kept)):
        end -= 1
    return end


def strip_final_period(doc: Doc, start: int, end: int) -> int:
    """The new end of [start, end) before a final "." that ends the sentence rather than an abbreviation."""
    if end > start and doc[end - 1].text == "." and not is_abbreviation(doc[end - 2: end]):
        return end - 1
    return end


def is_abbreviation(tokens: Span) -> bool:
    """True where a final "." belongs to the name ("Calif.", "Inc.", "D.C.")."""
    text = tokens.text
    return len(text) > 1 and (text[0].isupper() and len(tokens) == 2 and len(tokens[0]) <= 5)


def coordinated_names(span: Span, has_kind_word: Callable[[Span], bool]) -> list[Span]:
    """The names a coordinator joins in one span ("Central Station and Mercy Hospital" -> both), where each side
    holds a word that types it (`has_kind_word`); else [span] ("Procter and Gamble", "Department of Health and Human
    Services")."""
    coordinators = set(resources.load("entities")["coordinators"])
    for i in range(1, len(span) - 1):
        if span[i].lower_ in coordinators:
            left, right = span[:i], span[i + 1:]
            if has_kind_word(left) and has_kind_word(right):
                return [left, right]
    return [span]


def bracketed_names(span: Span) -> list[Span]:
    """The names either side of an opening bracket in one span ("Advanced Law Enforcement Rapid Response Training
    Center (ALERRT" -> the center and "ALERRT"): a name and the short form it is defined by are two mentions."""
    for i in range(1, len(span) - 1):
        if span[i].text == "(":
            inner = span[i + 1:]
            if len(inner) and inner[-1].text == ")":
                inner = inner[:-1]
            return [s for s in (span[:i], inner) if len(s)]
    return [span]
