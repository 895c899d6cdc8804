"""mentions: NER spans, pattern spans and dateline places as candidate mentions."""
import pytest

from pipeline.components.entities.mentions import (candidate_mentions, dateline_places, ner_mentions,
                                                   pattern_matcher, pattern_mentions)

from .docs import NLP, doc


@pytest.fixture(scope="module")
def matcher():
    return pattern_matcher(NLP.vocab)


def found(mentions):
    return [(m.span.text, m.kind, m.label) for m in mentions]


def test_ner_mentions_fix_boundaries_and_give_kinds():
    d = doc(["Sgt.", "Maria", "Lopez", "called", "the", "FBI", "on", "Tuesday"],
            ents=["B-PERSON", "I-PERSON", "I-PERSON", "O", "O", "B-ORG", "O", "B-DATE"])
    assert found(ner_mentions(d)) == [("Maria Lopez", "person", "PERSON"), ("FBI", "agency", "ORG")]


def test_the_kind_is_decided_on_the_name_without_what_was_stripped():
    d = doc(["the", "White", "House", "came"], ents=["B-ORG", "I-ORG", "I-ORG", "O"])
    assert found(ner_mentions(d)) == [("White House", "agency", "ORG")]  # "white house" is an agency name


def test_two_names_ner_joined_with_a_coordinator_are_two_mentions():
    d = doc(["Central", "Station", "and", "Mercy", "Hospital", ",", "Procter", "and", "Gamble"],
            ents=["B-FAC", "I-FAC", "I-FAC", "I-FAC", "I-FAC", "O", "B-ORG", "I-ORG", "I-ORG"])
    assert found(ner_mentions(d)) == [("Central Station", "venue", "FAC"), ("Mercy Hospital", "venue", "FAC"),
                                      ("Procter and Gamble", "organization", "ORG")]


def test_a_person_span_ending_as_no_name_does_is_typed_as_an_organization_is():
    d = doc(["Lakeside", "Group", "said", "Riverton", "Council", "met", "Lakeside", "Fire"],
            ents=["B-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON"])
    assert found(ner_mentions(d)) == [("Lakeside Group", "organization", "PERSON"),
                                      ("Riverton Council", "agency", "PERSON"),
                                      ("Lakeside Fire", "agency", "PERSON")]  # a fire service


def test_ner_mentions_drop_what_is_no_entity_and_keep_possible_surnames():
    d = doc(["Republican", "Helus", "met", "SWAT"], ents=["B-NORP", "B-NORP", "O", "B-ORG"])
    assert found(ner_mentions(d)) == [("Helus", "unknown", "NORP")]


def test_a_pattern_finds_a_venue_ner_splits(matcher):
    words = ["Gunfire", "erupted", "at", "the", "Silver", "Spur", "Bar", "and", "Grill", "in", "Fresno"]
    d = doc(words, ents=["O"] * 10 + ["B-GPE"])
    assert ("Silver Spur Bar and Grill", "venue", "PATTERN") in found(pattern_mentions(d, matcher))
    assert found(candidate_mentions(d, matcher)) == [("Silver Spur Bar and Grill", "venue", "PATTERN"),
                                                    ("Fresno", "place", "GPE")]


def test_dateline_places():
    d = doc(["CEDAR", "FALLS", ",", "Iowa", "—", "Police", "said", "."])
    assert [s.text for s in dateline_places(d)] == ["CEDAR FALLS", "Iowa"]


@pytest.mark.parametrize("words", [
    ["Cedar", "Falls", ",", "Iowa", "—", "Police", "said"],  # not in capitals
    ["CEDAR", "FALLS", "Iowa", "—", "Police", "said"],  # no comma
    ["CEDAR", "FALLS", ",", "—", "Police", "said"],  # no state
    ["CEDAR", "FALLS", ",", "Iowa", "police", "said"],  # no dash
])
def test_no_dateline(words):
    assert dateline_places(doc(words)) == []


def test_a_dateline_opens_a_later_sentence_too():
    words = ["Hello", ".", "DES", "MOINES", ",", "Iowa", "—", "Rain", "."]
    d = doc(words, sent_starts=[True, False, True, False, False, False, False, False, False])
    assert [s.text for s in dateline_places(d)] == ["DES MOINES", "Iowa"]


def test_candidates_prefer_patterns_over_ner_on_the_same_span_and_the_longer_span(matcher):
    words = ["at", "the", "Silver", "Spur", "Bar", "and", "Grill", "in", "Fresno"]
    d = doc(words, ents=["O", "O", "B-ORG", "I-ORG", "O", "O", "B-ORG", "O", "B-GPE"])
    assert found(candidate_mentions(d, matcher)) == [("Silver Spur Bar and Grill", "venue", "PATTERN"),
                                                    ("Fresno", "place", "GPE")]


def test_candidates_take_dateline_places_over_ner(matcher):
    d = doc(["CEDAR", "FALLS", ",", "Iowa", "—", "Police", "said", "."],
            ents=["B-ORG", "I-ORG", "O", "B-GPE", "O", "O", "O", "O"])
    assert found(candidate_mentions(d, matcher)) == [("CEDAR FALLS", "place", "DATELINE"),
                                                    ("Iowa", "place", "DATELINE")]


def test_a_title_case_headline_is_read_in_its_sentence_cased_parse():
    words = ["Trump", "Supporter", "Screams", "At", "Reporters", "\n", "Trump", "spoke", "."]
    d = doc(words, ents=["B-PERSON", "I-PERSON", "I-PERSON", "O", "O", "O", "B-PERSON", "O", "O"])
    recased = doc(["Trump", "supporter", "screams", "at", "reporters"], ents=["B-PERSON", "O", "O", "O", "O"])
    assert found(ner_mentions(d)) == [("Trump Supporter Screams", "person", "PERSON"), ("Trump", "person", "PERSON")]
    assert found(ner_mentions(d, recased)) == [("Trump", "person", "PERSON"), ("Trump", "person", "PERSON")]
