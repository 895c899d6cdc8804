"""Sports teams named by their city (`pipeline.components.entities.teams`) on hand-built Docs."""
import pytest
from spacy.tokens import Doc, Span

from pipeline.components.entities.teams import (SCORE, in_a_fixture, is_about_sport, names_a_country,
                                                takes_a_team_role, team_names)

from .docs import NLP


def parsed(words, heads, deps, lemmas=None):
    """A one-sentence Doc with its parse (heads as token indices)."""
    return Doc(NLP.vocab, words=words, heads=heads, deps=deps, lemmas=lemmas or [w.lower() for w in words],
               sent_starts=[i == 0 for i in range(len(words))])


SPORT = ["in", "the", "league", "match", "at", "the", "stadium"]


def sentence(words, heads, deps, lemmas=None):
    """`words` then a phrase of sport (three words of sport), all one Doc."""
    n = len(words)
    tail_heads = [n - 1, n + 3, n + 3, n + 0, n + 0, n + 6, n + 4]
    return parsed(words + SPORT, heads + tail_heads, deps + ["prep", "det", "compound", "pobj", "prep", "det", "pobj"],
                  (lemmas or [w.lower() for w in words]) + SPORT)


@pytest.mark.parametrize("words, heads, deps, lemmas, name", [
    (["Leeds", "beat", "Arsenal"], [1, 1, 1], ["nsubj", "ROOT", "dobj"], ["leeds", "beat", "arsenal"], (0, 1)),
    (["Chelsea", "beat", "Leeds"], [1, 1, 1], ["nsubj", "ROOT", "dobj"], ["chelsea", "beat", "leeds"], (2, 3)),
    (["They", "lost", "to", "Lyon"], [1, 1, 1, 2], ["nsubj", "ROOT", "prep", "pobj"], ["they", "lose", "to", "lyon"], (3, 4)),
    (["Liverpool", "manager", "Evans", "spoke"], [1, 2, 3, 3], ["compound", "compound", "nsubj", "ROOT"], None, (0, 1)),
])
def test_a_place_that_plays_as_a_team_is_found(words, heads, deps, lemmas, name):
    d = sentence(words, heads, deps, lemmas)
    span = Span(d, *name, label="GPE")
    assert is_about_sport(d) and takes_a_team_role(span) and team_names([span]) == {span.text}


def test_a_place_in_a_text_that_is_not_about_sport_or_a_country_stays_a_place():
    d = parsed(["Obama", "beat", "Iowa"], [1, 1, 1], ["nsubj", "ROOT", "dobj"], ["obama", "beat", "iowa"])
    assert not is_about_sport(d) and team_names([Span(d, 2, 3, label="GPE")]) == set()
    d = sentence(["Japan", "beat", "Syria"], [1, 1, 1], ["nsubj", "ROOT", "dobj"], ["japan", "beat", "syria"])
    assert team_names([Span(d, 0, 1, label="GPE"), Span(d, 2, 3, label="GPE")]) == set()


def test_a_place_where_something_is_played_is_no_team():
    d = sentence(["They", "played", "in", "Leeds"], [1, 1, 1, 2], ["nsubj", "ROOT", "prep", "pobj"],
                 ["they", "play", "in", "leeds"])
    assert not takes_a_team_role(Span(d, 3, 4, label="GPE"))


@pytest.mark.parametrize("verb", ["host", "lead", "hold", "top"])
def test_a_city_that_hosts_leads_or_tops_is_no_team(verb):
    """Cities host games and lead or top lists: those verbs say nothing of a team."""
    d = sentence(["Houston", verb, "it"], [1, 1, 1], ["nsubj", "ROOT", "dobj"], ["houston", verb, "it"])
    assert not takes_a_team_role(Span(d, 0, 1, label="GPE"))


@pytest.mark.parametrize("text, score", [("won 2-1 on Sunday", True), ("call 555-1234 now", False),
                                         ("call 1-800-555-0199", False), ("a 5.5-6.2 range", False)])
def test_a_score_is_two_short_numbers_and_a_hyphen_alone(text, score):
    assert bool(SCORE.search(text)) is score


def test_a_word_of_sport_repeated_is_one_word():
    d = NLP("The Arab League met. The Arab League spoke. The Arab League left.")
    assert not is_about_sport(d)


@pytest.mark.parametrize("name", ["England", "Holland", "U.S."])
def test_nations_that_field_teams_are_countries(name):
    assert names_a_country(name) and not names_a_country("Leeds")


def test_the_object_of_a_verb_cities_take_is_no_team():
    d = sentence(["Chelsea", "hosted", "Leeds"], [1, 1, 1], ["nsubj", "ROOT", "dobj"], ["chelsea", "host", "leeds"])
    assert not takes_a_team_role(Span(d, 2, 3, label="GPE"))


def test_either_side_of_a_fixture_is_a_team():
    d = Doc(NLP.vocab, words=["Draw", ":", "Bayern", "Munich", "v", "Arsenal", ",", "Lyon", "vs.", "PSG"])
    assert in_a_fixture(d[2:4]) and in_a_fixture(d[5:6])
    assert in_a_fixture(d[7:8]) and in_a_fixture(d[9:10])
    assert not in_a_fixture(d[0:1])
