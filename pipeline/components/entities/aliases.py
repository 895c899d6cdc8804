"""Mentions merged into the entities of one article: each mention gets its final kind and its canonical name.

People: a mention that is the last word(s) of a full name mentioned elsewhere is that person ("Helus" -> "Ron
Helus"); a surface form ever tagged PERSON is a person everywhere ("Trump" tagged ORG once). A surface form ever a
place is a place, and so is a name of a known place (`places`: "Montserrat" tagged PERSON), a one-word one only
where the article puts something in it ("in Cairns"). A name written as a web address is an organization. Other
kinds: a mention that is the start of a longer mention of the same entity takes its name ("Columbine" ->
"Columbine High School"). Surnames NER missed are found once their person is known, and names of several words
wherever they are written again.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Callable

from spacy.tokens import Doc

from ... import resources
from ...names import name_key
from .filters import is_shouting
from .mentions import Mention
from .places import country_of_short_form, is_a_known_place
from .teams import team_names


@dataclass
class ArticleNames:
    """What the merging rules look up, keyed by `name_key`: the kinds each surface form was given, the full names
    people are called by their last words, and the longer names other entities are called by their first words."""

    kinds: dict[str, set[str]]
    person_by_last_words: dict[str, Mention]
    longer_by_first_words: dict[str, Mention]
    longer_by_last_words: dict[str, dict[str, Mention]]  # every longer name ending so, by its key
    longer_by_initials: dict[str, Mention]
    located: set[str]  # the names the article puts something in ("in Cairns")
    defined: dict[str, Mention]  # short forms defined in brackets after a name ("CDC" in "Centers for ... (CDC)")
    teams: set[str]  # places that play as teams in a report of sport ("Leeds beat Arsenal"; `teams`)


def is_put_in(m: Mention) -> bool:
    """Whether the article puts something in the place `m` would name: a locative word just before it ("in
    Cairns", "north of Rockhampton"), and no possessive after it ("in Clinton's speech")."""
    doc = m.span.doc
    before = " ".join(t.lower_ for t in doc[max(m.span.start - 2, 0):m.span.start])
    after = doc[m.span.end].text if m.span.end < len(doc) else ""
    if after in resources.load("entities")["possessive_endings"]:
        return False
    return any(before == w or before.endswith(" " + w) for w in resources.load("entities")["locative_words"])


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


def abbreviates(short: str, long: str) -> bool:
    """Whether `short` can be an abbreviation of `long` (Schwartz & Hearst, 2003): each of its letters, from the
    last, found in `long` from the end, the first at the start of a word ("CDC": "Centers for Disease Control and
    Prevention")."""
    s, text = short.lower(), long.lower()
    j = len(text) - 1
    for i in range(len(s) - 1, -1, -1):
        if not s[i].isalnum():
            continue
        while j >= 0 and (text[j] != s[i] or (i == 0 and j > 0 and text[j - 1].isalnum())):
            j -= 1
        if j < 0:
            return False
        j -= 1
    return True


def defined_short_forms(mentions: list[Mention]) -> dict[str, Mention]:
    """Short forms an article defines in brackets right after a name of several words ("the Centers for Disease
    Control and Prevention (CDC)"), by the short form as written."""
    out: dict[str, Mention] = {}
    for m in mentions:
        doc, end = m.span.doc, m.span.end
        if len(m.span) < 2 or m.kind == "person" or end + 2 >= len(doc) or doc[end].text != "(" \
                or doc[end + 2].text != ")":
            continue
        short = doc[end + 1].text
        if short.replace(".", "").isupper() and len(short) >= 2 and abbreviates(short, m.span.text):
            out.setdefault(short.replace(".", ""), m)
    return out


def article_names(mentions: list[Mention]) -> ArticleNames:
    """The names of an article's mentions (the first full name and the longest longer name winning)."""
    kinds: dict[str, set[str]] = {}
    for m in mentions:
        kinds.setdefault(name_key(m.span.text), set()).add(m.kind)
    person_by_last_words: dict[str, Mention] = {}
    for p in (m for m in mentions if m.kind == "person" and len(m.span) > 1):
        for k in range(1, len(p.span)):
            person_by_last_words.setdefault(name_key(p.span[-k:].text), p)
    located = {name_key(m.span.text) for m in mentions if is_put_in(m)}
    teams = {name_key(t) for t in team_names([m.span for m in mentions if m.kind in ("place", "organization")])}
    return ArticleNames(kinds, person_by_last_words, *longer_names(mentions), located, defined_short_forms(mentions),
                        teams)


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


def modifies_a_noun(span) -> bool:
    """Whether a lower-case noun follows `span` ("South American countries")."""
    doc = span.doc
    return span.end < len(doc) and doc[span.end].pos_ == "NOUN" and doc[span.end].is_lower


def first_words_of_a_longer_name(m: Mention, key: str, names: ArticleNames) -> Resolved | None:
    """A non-person, non-place that starts a longer name of the article: that entity. Not a name of unknown kind
    used as an adjective ("South American" in "South American countries" is no short form of "South American
    Community"; "the Girl Scouts for ..." is one of "Girl Scouts of America")."""
    if m.kind in ("person", "place") or (m.kind == "unknown" and modifies_a_noun(m.span)):
        return None
    longer = names.longer_by_first_words.get(key)
    if longer is None or len(longer.span) <= len(m.span):
        return None
    return longer.kind, longer.span.text


def an_acronym_of_a_longer_name(m: Mention, key: str, names: ArticleNames) -> Resolved | None:
    """An acronym of a longer name of the article ("FEMA" after "Federal Emergency Management Agency"), or a short
    form it defines in brackets ("CDC" after "the Centers for Disease Control and Prevention (CDC)"): that entity."""
    letters = m.span.text.replace(".", "")
    longer = names.defined.get(letters) or names.longer_by_initials.get(letters) \
        if letters.isupper() and len(letters) >= 2 else None
    if longer is None or m.kind == "person":
        return None
    return ("agency" if "agency" in (m.kind, longer.kind) else longer.kind), longer.span.text  # "CDC" is listed


def last_words_of_a_longer_name(m: Mention, key: str, names: ArticleNames) -> Resolved | None:
    """The last words of exactly one longer name of the article other than a person's or a place's ("Education"
    after "Department of Education", "City Council" after "Riverton City Council"), unless they are an agency's own
    name ("House" is not "White House"): that entity."""
    longer = names.longer_by_last_words.get(key, {})
    if m.kind in ("person", "place") or len(longer) != 1 or key in resources.load("entities")["agency_names"]:
        return None
    [o] = longer.values()
    return o.kind, o.span.text


def a_country_s_short_form(m: Mention, key: str, names: ArticleNames) -> Resolved | None:
    """A place written as a country's code or short form ("U.S.", "UK", "UAE" NER took for an organization; a bare
    two-letter code only when NER took it for a place): that country, under its English name ("United States"), so
    that it is one entity with the name written out."""
    if m.kind not in ("place", "organization"):
        return None
    country = country_of_short_form(m.span.text, codes=m.kind == "place")
    return None if country is None else ("place", country)


def a_known_place(m: Mention, key: str, names: ArticleNames) -> Resolved | None:
    """A person, organization or name of unknown kind that GeoNames knows as a place (`places`), or a city the
    article puts something in: a place."""
    if m.kind in ("person", "organization", "unknown", "venue") \
            and is_a_known_place(m.span.text, m.kind, key in names.located):
        return "place", m.span.text
    return None


WEB_ADDRESS = re.compile(r"^[\w-]+(\.[\w-]+)*\.(com|net|org|info|biz|co\.uk|com\.au|co\.in)$", re.IGNORECASE)


def a_sports_team(m: Mention, key: str, names: ArticleNames) -> Resolved | None:
    """A name that plays as a team somewhere in a report of sport (`teams`, found among places and organizations),
    whatever kind NER gave this mention of it ("Manchester United" a person once, a place once): the club."""
    return ("organization", m.span.text) if key in names.teams and m.kind != "agency" else None


def a_website(m: Mention, key: str, names: ArticleNames) -> Resolved | None:
    """A name written as a web address ("CNET News.com", "Amazon.com"): the business that runs it."""
    return ("organization", m.span.text) if any(WEB_ADDRESS.match(t.text) for t in m.span) else None


MergeRule = Callable[[Mention, str, ArticleNames], Resolved | None]

MERGE_RULES: tuple[MergeRule, ...] = (
    a_website,
    a_sports_team,
    a_country_s_short_form,
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


def checked(unresolved: list[Mention], check: Callable[[list[Mention]], list[str | None]] | None) -> list[str | None]:
    """The kinds of the mentions no rule resolved: their own, or what `check` makes of NER's (None: no name)."""
    asked = [m for m in unresolved if check is not None and m.label not in OWN_LABELS]
    answers = dict(zip(map(id, asked), check(asked))) if asked else {}
    return [answers.get(id(m), m.kind) for m in unresolved]


def one_kind(merged: list[tuple[Mention, str]]) -> list[tuple[Mention, str]]:
    """`merged` with one kind per entity: the kind most of its mentions have (of a tie, the first mention's)."""
    kinds: dict[str, Counter] = {}
    for m, canonical in merged:
        kinds.setdefault(name_key(canonical), Counter())[m.kind] += 1
    kind_of = {k: counts.most_common(1)[0][0] for k, counts in kinds.items()}
    return [(Mention(m.span, kind_of[name_key(c)], m.label), c) for m, c in merged]


def referred_to_as_it(span) -> bool:
    """Whether the article refers back to a name with "its", as to a thing, not a person, in an aside right after
    it: "Lycos Europe, in its defense, denied" (not "Angela Merkel defended its record", where "its" is another's)."""
    after = span.doc[span.end:span.end + 3]
    return len(after) == 3 and after[0].text == "," and after[1].pos_ == "ADP" and after[2].lower_ == "its"


def called_it(merged: list[tuple[Mention, str]]) -> list[tuple[Mention, str]]:
    """`merged` with the people the article refers to as "it" (`referred_to_as_it`) made organizations, every
    mention of them ("Lycos Europe", a person to NER, "in its defense")."""
    things = {name_key(c) for m, c in merged if m.kind == "person" and referred_to_as_it(m.span)}
    return [(Mention(m.span, "organization", m.label), c) if m.kind == "person" and name_key(c) in things else (m, c)
            for m, c in merged]


def one_spelling(merged: list[tuple[Mention, str]]) -> list[tuple[Mention, str]]:
    """`merged` with one canonical spelling per entity: the longest among canonicals with the same `name_key`."""
    spelling: dict[str, str] = {}
    for _, canonical in merged:
        k = name_key(canonical)
        if len(canonical) > len(spelling.get(k, "")):
            spelling[k] = canonical
    return [(m, spelling[name_key(c)]) for m, c in merged]


def merge_mentions(mentions: list[Mention], rules: tuple[MergeRule, ...] = MERGE_RULES,
                   check: Callable[[list[Mention]], list[str | None]] | None = None) -> list[tuple[Mention, str]]:
    """Each mention with its final kind and its canonical name within the article, by `rules`, and for the NER
    mentions no rule resolved, by `check` (the learned model, over all of them at once: for each its kind, another,
    or None for no name); those of unknown kind that no rule made a person or place are dropped."""
    names = article_names(mentions)
    found = [resolved(m, names, rules) for m in mentions]
    rest = [m for m, f in zip(mentions, found) if f is None]
    rest_kinds = iter(checked(rest, check))
    out: list[tuple[Mention, str]] = []
    for m, f in zip(mentions, found):
        if f is None:
            kind = next(rest_kinds)
            f = None if kind is None else (kind, m.span.text)
        if f is not None and f[0] != "unknown":
            out.append((Mention(m.span, f[0], m.label), f[1]))
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


def repeated_mentions(doc: Doc, merged: list[tuple[Mention, str]]) -> list[tuple[Mention, str]]:
    """Other occurrences, written the same way, of the names of several words of bodies and places the article has
    ("Associated Press" found once by NER, missed twice): one name keeps its reading through an article. One-word
    names are left out: one word is as often a modifier ("VOIP services", "Democratic voters"); so are sentences
    written in capitals or Title Case, where a capital says nothing."""
    known: dict[tuple[str, ...], tuple[str, str]] = {}
    for m, canonical in merged:
        if m.kind != "person" and len(m.span) > 1 and not is_shouting(m.span.sent):
            known.setdefault(tuple(t.text for t in m.span), (m.kind, canonical))
    covered = {i for m, _ in merged for i in range(m.span.start, m.span.end)}
    texts = [t.text for t in doc]
    starts: dict[str, list[int]] = {}
    for i, text in enumerate(texts):
        starts.setdefault(text, []).append(i)
    out: list[tuple[Mention, str]] = []
    for words, (kind, canonical) in sorted(known.items(), key=lambda kv: -len(kv[0])):
        for i in starts.get(words[0], ()):
            end = i + len(words)
            if tuple(texts[i:end]) == words and not covered.intersection(range(i, end)) \
                    and not is_shouting(doc[i].sent):
                out.append((Mention(doc[i:end], kind, "ALIAS"), canonical))
                covered.update(range(i, end))
    return out
