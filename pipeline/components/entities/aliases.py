"""Mentions merged into the entities of one article: each mention gets its final kind and its canonical name.

People: a mention that is the last word(s) of a full name mentioned elsewhere is that person ("Helus" -> "Ron
Helus"); a surface form ever tagged PERSON is a person everywhere ("Trump" tagged ORG once). A surface form ever a
place is a place, and so is a name GeoNames knows as a place ("Montserrat" tagged PERSON). Other kinds: a mention that is the start of a longer mention of the same entity takes its name
("Columbine" -> "Columbine High School"). Surnames NER missed are found once their person is known.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Callable

from spacy.tokens import Doc

from ... import resources
from ...names import name_key
from .mentions import Mention
from .places import is_a_known_place


@dataclass
class ArticleNames:
    """What the merging rules look up, keyed by `name_key`: the kinds each surface form was given, the full names
    people are called by their last words, and the longer names other entities are called by their first words."""

    kinds: dict[str, set[str]]
    person_by_last_words: dict[str, Mention]
    longer_by_first_words: dict[str, Mention]
    longer_by_last_words: dict[str, dict[str, Mention]]  # every longer name ending so, by its key
    longer_by_initials: dict[str, Mention]


def initials(m: Mention) -> str:
    """The capitals an acronym of `m`'s name would be written with ("Department of Homeland Security" -> "DHS")."""
    skipped = set(resources.load("entities")["acronym_skipped_words"])
    return "".join(t.text[0] for t in m.span if t.lower_ not in skipped and t.text[:1].isupper())


def longer_names(mentions: list[Mention]) -> tuple[dict, dict, dict]:
    """The names of several words other than people and places, by their first words (the longest winning), by
    their last words (all of them) and by their initials."""
    by_first: dict[str, Mention] = {}
    by_last: dict[str, dict[str, Mention]] = {}
    by_initials: dict[str, Mention] = {}
    for o in sorted((m for m in mentions if len(m.span) > 1 and m.kind not in ("person", "place")),
                    key=lambda m: -len(m.span.text)):
        for k in range(1, len(o.span)):
            by_first.setdefault(name_key(o.span[:k].text), o)
            by_last.setdefault(name_key(o.span[k:].text), {}).setdefault(name_key(o.span.text), o)
        letters = initials(o)
        if len(letters) >= 2:
            by_initials.setdefault(letters, o)
    return by_first, by_last, by_initials


def article_names(mentions: list[Mention]) -> ArticleNames:
    """The names of an article's mentions (the first full name and the longest longer name winning)."""
    kinds: dict[str, set[str]] = {}
    for m in mentions:
        kinds.setdefault(name_key(m.span.text), set()).add(m.kind)
    person_by_last_words: dict[str, Mention] = {}
    for p in (m for m in mentions if m.kind == "person" and len(m.span) > 1):
        for k in range(1, len(p.span)):
            person_by_last_words.setdefault(name_key(p.span[-k:].text), p)
    return ArticleNames(kinds, person_by_last_words, *longer_names(mentions))


Resolved = tuple[str, str]  # (kind, canonical name)
OWN_LABELS = ("PATTERN", "DATELINE", "ALIAS")  # mentions found by our rules rather than by NER


def last_words_of_a_person(m: Mention, key: str, names: ArticleNames) -> Resolved | None:
    """A surname (or first-name-less form) of a person named in full elsewhere, whatever kind NER gave it (but an
    agency): that person."""
    person = names.person_by_last_words.get(key)
    if person is None or len(m.span) >= len(person.span) or m.kind == "agency":
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


def an_acronym_of_a_longer_name(m: Mention, key: str, names: ArticleNames) -> Resolved | None:
    """An acronym of a longer name of the article ("FEMA" after "Federal Emergency Management Agency"): that
    entity."""
    letters = m.span.text.replace(".", "")
    longer = names.longer_by_initials.get(letters) if letters.isupper() and len(letters) >= 2 else None
    return None if longer is None or m.kind == "person" else (longer.kind, longer.span.text)


def last_words_of_a_longer_name(m: Mention, key: str, names: ArticleNames) -> Resolved | None:
    """The last words of exactly one longer name of the article other than a person's or a place's ("Education"
    after "Department of Education", "City Council" after "Riverton City Council"), unless they are an agency's own
    name ("House" is not "White House"): that entity."""
    longer = names.longer_by_last_words.get(key, {})
    if m.kind in ("person", "place") or len(longer) != 1 or key in resources.load("entities")["agency_names"]:
        return None
    [o] = longer.values()
    return o.kind, o.span.text


def a_known_place(m: Mention, key: str, names: ArticleNames) -> Resolved | None:
    """A person, organization or name of unknown kind that GeoNames knows as a place (`places`): a place."""
    if m.kind in ("person", "organization", "unknown", "venue") and is_a_known_place(m.span.text, m.kind):
        return "place", m.span.text
    return None


MergeRule = Callable[[Mention, str, ArticleNames], Resolved | None]

MERGE_RULES: tuple[MergeRule, ...] = (
    last_words_of_a_person,
    once_tagged_a_person,
    once_tagged_a_place,
    an_acronym_of_a_longer_name,
    first_words_of_a_longer_name,
    last_words_of_a_longer_name,
    a_known_place,
)


def resolved(m: Mention, names: ArticleNames, rules: tuple[MergeRule, ...] = MERGE_RULES) -> Resolved | None:
    """The kind and canonical name of `m` by the first of `rules` that applies; None where none does."""
    key = name_key(m.span.text)
    return next((r for rule in rules if (r := rule(m, key, names)) is not None), None)


def unresolved(m: Mention, check: Callable[[Mention], str | None] | None) -> Resolved | None:
    """The kind and name of a mention no rule resolved: its own, or what `check` makes of it (None: no name)."""
    kind = check(m) if check is not None and m.label not in OWN_LABELS else m.kind
    return None if kind is None else (kind, m.span.text)


def one_kind(merged: list[tuple[Mention, str]]) -> list[tuple[Mention, str]]:
    """`merged` with one kind per entity: the kind most of its mentions have (of a tie, the first mention's)."""
    kinds: dict[str, Counter] = {}
    for m, canonical in merged:
        kinds.setdefault(name_key(canonical), Counter())[m.kind] += 1
    kind_of = {k: counts.most_common(1)[0][0] for k, counts in kinds.items()}
    return [(Mention(m.span, kind_of[name_key(c)], m.label), c) for m, c in merged]


def one_spelling(merged: list[tuple[Mention, str]]) -> list[tuple[Mention, str]]:
    """`merged` with one canonical spelling per entity: the longest among canonicals with the same `name_key`."""
    spelling: dict[str, str] = {}
    for _, canonical in merged:
        k = name_key(canonical)
        if len(canonical) > len(spelling.get(k, "")):
            spelling[k] = canonical
    return [(m, spelling[name_key(c)]) for m, c in merged]


def merge_mentions(mentions: list[Mention], rules: tuple[MergeRule, ...] = MERGE_RULES,
                   check: Callable[[Mention], str | None] | None = None) -> list[tuple[Mention, str]]:
    """Each mention with its final kind and its canonical name within the article, by `rules`, and for an NER
    mention no rule resolved, by `check` (the learned model: its kind, another, or None for no name); those of
    unknown kind that no rule made a person or place are dropped."""
    names = article_names(mentions)
    out: list[tuple[Mention, str]] = []
    for m in mentions:
        found = resolved(m, names, rules) or unresolved(m, check)
        if found is not None and found[0] != "unknown":
            out.append((Mention(m.span, found[0], m.label), found[1]))
    return one_kind(one_spelling(out))


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
