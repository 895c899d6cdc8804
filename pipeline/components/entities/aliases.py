"""Mentions merged into the entities of one article: each mention gets its final kind and its canonical name.

People: a mention that is the last word(s) of a full name mentioned elsewhere is that person ("Helus" -> "Ron
Helus"); a surface form ever tagged PERSON is a person everywhere ("Trump" tagged ORG once). A surface form ever a
place is a place. Other kinds: a mention that is the start of a longer mention of the same entity takes its name
("Columbine" -> "Columbine High School"). Surnames NER missed are found once their person is known.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from spacy.tokens import Doc

from ... import resources
from ...names import name_key
from .mentions import Mention


@dataclass
class ArticleNames:
    """What the merging rules look up, keyed by `name_key`: the kinds each surface form was given, the full names
    people are called by their last words, and the longer names other entities are called by their first words."""

    kinds: dict[str, set[str]]
    person_by_last_words: dict[str, Mention]
    longer_by_first_words: dict[str, Mention]


def article_names(mentions: list[Mention]) -> ArticleNames:
    """The names of an article's mentions (the first full name and the longest longer name winning)."""
    kinds: dict[str, set[str]] = {}
    for m in mentions:
        kinds.setdefault(name_key(m.span.text), set()).add(m.kind)
    person_by_last_words: dict[str, Mention] = {}
    for p in (m for m in mentions if m.kind == "person" and len(m.span) > 1):
        for k in range(1, len(p.span)):
            person_by_last_words.setdefault(name_key(p.span[-k:].text), p)
    longer_by_first_words: dict[str, Mention] = {}
    for o in sorted((m for m in mentions if len(m.span) > 1 and m.kind not in ("person", "place")),
                    key=lambda m: -len(m.span.text)):
        for k in range(1, len(o.span)):
            longer_by_first_words.setdefault(name_key(o.span[:k].text), o)
    return ArticleNames(kinds, person_by_last_words, longer_by_first_words)


Resolved = tuple[str, str]  # (kind, canonical name)


def last_words_of_a_person(m: Mention, key: str, names: ArticleNames) -> Resolved | None:
    """A surname (or first-name-less form) of a person named in full elsewhere: that person."""
    person = names.person_by_last_words.get(key)
    if person is None or len(m.span) >= len(person.span) or m.kind not in ("person", "organization", "unknown"):
        return None
    return "person", person.span.text


def once_tagged_a_person(m: Mention, key: str, names: ArticleNames) -> Resolved | None:
    """An organization or unknown whose surface form is elsewhere a person: a person."""
    if "person" in names.kinds[key] and m.kind in ("organization", "unknown"):
        return "person", m.span.text
    return None


def once_tagged_a_place(m: Mention, key: str, names: ArticleNames) -> Resolved | None:
    """A non-place whose surface form is elsewhere a place (a person only when written in capitals): a place."""
    if "place" in names.kinds[key] and m.kind in ("organization", "unknown", "venue", "person") \
            and (m.kind != "person" or m.span.text.isupper()):
        return "place", m.span.text
    return None


def first_words_of_a_longer_name(m: Mention, key: str, names: ArticleNames) -> Resolved | None:
    """A non-person, non-place that starts a longer name of the article: that entity."""
    if m.kind in ("person", "place"):
        return None
    longer = names.longer_by_first_words.get(key)
    if longer is None or len(longer.span) <= len(m.span):
        return None
    return longer.kind, longer.span.text


MERGE_RULES: tuple[Callable[[Mention, str, ArticleNames], Resolved | None], ...] = (
    last_words_of_a_person,
    once_tagged_a_person,
    once_tagged_a_place,
    first_words_of_a_longer_name,
)


def resolved(m: Mention, names: ArticleNames) -> Resolved:
    """The kind and canonical name of `m`: by the first merging rule that applies, else its own."""
    key = name_key(m.span.text)
    return next((r for rule in MERGE_RULES if (r := rule(m, key, names)) is not None), (m.kind, m.span.text))


def one_spelling(merged: list[tuple[Mention, str]]) -> list[tuple[Mention, str]]:
    """`merged` with one canonical spelling per entity: the longest among canonicals with the same `name_key`."""
    spelling: dict[str, str] = {}
    for _, canonical in merged:
        k = name_key(canonical)
        if len(canonical) > len(spelling.get(k, "")):
            spelling[k] = canonical
    return [(m, spelling[name_key(c)]) for m, c in merged]


def merge_mentions(mentions: list[Mention]) -> list[tuple[Mention, str]]:
    """Each mention with its final kind and its canonical name within the article; those of unknown kind that no
    rule made a person or place are dropped."""
    names = article_names(mentions)
    out: list[tuple[Mention, str]] = []
    for m in mentions:
        kind, canonical = resolved(m, names)
        if kind != "unknown":
            out.append((Mention(m.span, kind, m.label), canonical))
    return one_spelling(out)


def alias_mentions(doc: Doc, merged: list[tuple[Mention, str]]) -> list[tuple[Mention, str]]:
    """Mentions NER missed of people already named in the article: "Helus" once "Ron Helus" was found."""
    names: dict[str, str] = {}
    for m, canonical in merged:
        if m.kind == "person":
            names[m.span.text] = canonical
            names[m.span[-1].text] = canonical
    covered = {i for m, _ in merged for i in range(m.span.start, m.span.end)}
    alias_pos = resources.load("entities")["alias_pos"]
    return [(Mention(doc[t.i: t.i + 1], "person", "ALIAS"), names[t.text]) for t in doc
            if t.i not in covered and t.text in names and t.is_title and t.pos_ in alias_pos]
