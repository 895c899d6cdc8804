"""Sports teams named by their city: in a report of sport, a place that plays ("Leeds beat Arsenal 2-1", "lost to
Bayern Munich", "Liverpool manager Roy Evans", "Plymouth 4 Exeter 1", "Lyon v Porto") is the club, an
organization. Countries are left as places (a national team is named by its country, and most news means the
country); so are cities in a text that is not about sport. The word lists are `models/entities.json`'s `sports_words`, `team_verbs`,
`team_object_verbs`, `team_prepositions`, `team_role_nouns` and `national_team_names`."""
from __future__ import annotations

import re

from spacy.attrs import LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from ... import resources
from .places import country_of_short_form, gazetteer

SPORTS_WORDS = 3  # words of sport a text needs (or one score written "2-1") to be read as a report of sport
SCORE = re.compile(r"(?<![\d.,-])\d{1,3}-\d{1,3}(?![\d-]|[.,]\d)")


def is_about_sport(doc: Doc) -> bool:
    """Whether `doc` reports sport: `SPORTS_WORDS` different words of sport of the list, or one and a score ("2-1")
    anywhere in it."""
    words = {get_string_id(w) for w in resources.load("entities")["sports_words"]}
    found = len(words & set(doc.to_array(LOWER).tolist()))  # the tokens' lower-case forms, no Token objects made
    return found >= SPORTS_WORDS or found >= 1 and SCORE.search(doc.text) is not None


def takes_a_team_role(span: Span) -> bool:
    """Whether a name acts as a team in its sentence: the subject of a verb teams do ("beat", "drew", "edged"), the
    object of one ("beat Leeds"), after "against" or after "to" a loss, before a role in a team ("Liverpool manager",
    "Leeds' striker"), or followed by its score on a results line."""
    lists, root, doc = resources.load("entities"), span.root, span.doc
    head = root.head
    if root.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in lists["team_verbs"]:
        return True
    if root.dep_ == "dobj" and head.lemma_.lower() in lists["team_object_verbs"]:
        return True
    after_words = lists["team_prepositions"].get(head.lower_) if root.dep_ == "pobj" else None
    if after_words is not None and (not after_words or head.head.lemma_.lower() in after_words):
        return True  # "against Leeds", "lost to Lyon", "a win over Porto"
    after = doc[span.end:span.end + 2]
    role = next((t for t in after if t.lower_ not in ("'", "'s", "’s", "’")), None)
    if role is not None and role.lower_ in lists["team_role_nouns"]:
        return True
    if in_a_fixture(span):
        return True
    score = doc[span.end] if span.end < len(doc) else None  # "Plymouth 4 Exeter 1"
    return score is not None and score.is_digit and len(score) <= 3 and span.start == span.sent.start


FIXTURE_WORDS = ("v", "v.", "vs", "vs.")


def in_a_fixture(span: Span) -> bool:
    """Whether a name is one side of a fixture: "Bayern Munich v Arsenal", "Lyon vs. PSG" (a capitalised word on
    the other side of "v" or "vs")."""
    doc = span.doc
    after, before = doc[span.end:span.end + 2], doc[max(0, span.start - 2):span.start]
    return len(after) == 2 and after[0].lower_ in FIXTURE_WORDS and capitalised(after[1]) \
        or len(before) == 2 and before[1].lower_ in FIXTURE_WORDS and capitalised(before[0])


def capitalised(token) -> bool:
    return token.is_title or token.is_upper


def team_names(spans: list[Span]) -> set[str]:
    """The texts of the names among `spans` (places and organizations, as NER read them) that play as teams in a
    report of sport, countries left out (`names_a_country`)."""
    if not spans or not is_about_sport(spans[0].doc):
        return set()
    return {s.text for s in spans if not names_a_country(s.text) and takes_a_team_role(s)}


def names_a_country(text: str) -> bool:
    """A country, US state or continent (GeoNames, CLDR), a country's short form ("U.S.") or a nation that fields
    national teams without being a state (`national_team_names`: "England", "Holland")."""
    return text in gazetteer().regions or country_of_short_form(text) is not None \
        or text.lower() in resources.load("entities")["national_team_names"]
