"""kinds: an entity's kind from its NER label, refined by the word lists (agency, place, organization, venue)."""
import pytest

from pipeline.components.entities.kinds import contains_phrase, folded, kind_of, ner_kind

from .docs import span


@pytest.mark.parametrize("words, label, kind", [
    (["Maria", "Lopez"], "PERSON", "person"),
    (["Fresno"], "GPE", "place"),
    (["Lake", "Erie"], "LOC", "place"),
    (["FBI"], "ORG", "agency"),
    (["Dallas", "Police", "Department"], "ORG", "agency"),
    (["Harris", "County", "Sheriff’s", "Office"], "ORG", "agency"),  # agency before place: "County"
    (["Fresno", "County"], "ORG", "place"),
    (["Lake", "Tahoe"], "FAC", "place"),
    (["Ohio", "State", "University"], "ORG", "organization"),
    (["Lincoln", "High", "School"], "FAC", "venue"),
    (["Pulse", "nightclub"], "ORG", "venue"),
    (["Acme", "Widgets"], "ORG", "organization"),  # no word list says otherwise: the label's kind
    (["Golden", "Gate", "Bridge"], "FAC", "venue"),
    (["European", "Union"], "ORG", "agency"),  # intergovernmental bodies, by name
    (["Mercosur"], "GPE", "agency"),  # a listed body, whatever NER took it for
    (["Andean", "Community"], "ORG", "agency"),  # a region's countries' body
    (["South", "American", "Community", "of", "Nations"], "ORG", "agency"),
    (["European", "People's", "Party"], "ORG", "organization"),  # a region's party is no body of states
    (["Met", "Office"], "ORG", "agency"),
    (["Defense", "Department"], "ORG", "agency"),
    (["AFP", "news", "agency"], "ORG", "organization"),  # an agency that is a business
    (["Ogilvy", "advertising", "agency"], "ORG", "organization"),
    (["Lakeside", "Fire"], "ORG", "agency"),  # a fire service
    (["Kurfürstendamm"], "PERSON", "place"),  # a street, whatever NER took it for
    (["Nevsky", "Prospekt"], "PERSON", "place"),
    (["Via", "del", "Corso"], "PERSON", "place"),
    (["Avenida", "Paulista"], "ORG", "place"),
    (["Rue", "McClanahan"], "PERSON", "person"),  # a first name, not "Rue de ..."
    (["Via", "Rail"], "ORG", "organization"),  # "via" is English too: a street only before a particle
    (["Alexanderplatz"], "ORG", "place"),
    (["Amazon", "rainforest"], "ORG", "place"),
])
def test_kind_of_refines_organizations_and_venues(words, label, kind):
    assert kind_of(span(words, label), label) == kind


@pytest.mark.parametrize("label", ["DATE", "CARDINAL", "NORP", "MONEY"])
def test_labels_of_no_kind_of_ours_are_none(label):
    assert kind_of(span(["Tuesday"], label), label) is None


def test_ner_kind_keeps_possible_surnames_as_unknown():
    assert ner_kind(span(["Trump"], "NORP")) == "unknown"
    assert ner_kind(span(["Helus"], "WORK_OF_ART")) == "unknown"
    assert ner_kind(span(["Tuesday"], "DATE")) is None
    assert ner_kind(span(["FBI"], "ORG")) == "agency"


def test_contains_phrase_matches_whole_words_only():
    assert contains_phrase("dallas police department", "police")
    assert not contains_phrase("policeman union", "police")
    assert not contains_phrase("o'police", "police")
    assert contains_phrase("harris county sheriff's office", "sheriff’s office")


def test_folded_straightens_apostrophes():
    assert folded("Sheriff’s Office") == "sheriff's office"
