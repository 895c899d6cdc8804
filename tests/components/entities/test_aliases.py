"""aliases: mentions merged into the entities of one article."""
from spacy.tokens import Doc

from pipeline.components.entities.aliases import (abbreviates, alias_mentions, called_it, merge_mentions, name_key,
                                                  one_spelling, referred_to_as_it, repeated_mentions)
from pipeline.components.entities.mentions import Mention

from .docs import NLP, doc


def mentions(words, marked):
    """Mentions of a Doc of `words`: `marked` holds (start, end, kind, label)."""
    d = doc(words)
    return d, [Mention(d[start:end], kind, label) for start, end, kind, label in marked]


def merged(ms):
    return [(m.span.text, m.kind, canonical) for m, canonical in merge_mentions(ms)]


def test_name_key_folds_spacing_ampersands_apostrophes_and_case():
    assert name_key("  Smith &  Wesson’s ") == "smith and wesson's"
    assert name_key("The FBI") == "the fbi"  # articles are the store's business


def test_a_surname_is_the_person_named_in_full():
    _, ms = mentions(["Ron", "Helus", "died", ".", "Helus", "was", "a", "sergeant"],
                     [(0, 2, "person", "PERSON"), (4, 5, "organization", "ORG")])
    assert merged(ms) == [("Ron Helus", "person", "Ron Helus"), ("Helus", "person", "Ron Helus")]


def test_a_surname_typed_a_place_or_venue_is_the_person_but_an_agency_stays_one():
    _, ms = mentions(["Ron", "Helus", "and", "Helus"], [(0, 2, "person", "PERSON"), (3, 4, "place", "GPE")])
    assert merged(ms)[1] == ("Helus", "person", "Ron Helus")
    _, ms = mentions(["Ron", "Helus", "and", "Helus"], [(0, 2, "person", "PERSON"), (3, 4, "venue", "FAC")])
    assert merged(ms)[1] == ("Helus", "person", "Ron Helus")
    _, ms = mentions(["Ron", "Helus", "and", "Helus"], [(0, 2, "person", "PERSON"), (3, 4, "agency", "ORG")])
    assert merged(ms)[1] == ("Helus", "agency", "Helus")


def test_an_acronym_is_the_longer_name_it_abbreviates():
    _, ms = mentions(["Federal", "Emergency", "Management", "Agency", "(", "FEMA", ")", "and", "DHS"],
                     [(0, 4, "agency", "ORG"), (5, 6, "organization", "ORG"), (8, 9, "organization", "ORG")])
    assert merged(ms)[1:] == [("FEMA", "agency", "Federal Emergency Management Agency"), ("DHS", "organization", "DHS")]


def test_a_short_form_defined_in_brackets_is_the_name_before_it_even_when_not_its_initials():
    words = ["Centers", "for", "Disease", "Control", "and", "Prevention", "(", "CDC", ")", ".", "The", "CDC", "said"]
    _, ms = mentions(words, [(0, 6, "organization", "ORG"), (7, 8, "agency", "ORG"), (11, 12, "agency", "ORG")])
    assert merged(ms) == [("Centers for Disease Control and Prevention", "agency", name)
                          for name in ["Centers for Disease Control and Prevention"]] + \
        [("CDC", "agency", "Centers for Disease Control and Prevention")] * 2
    _, ms = mentions(["Texas", "State", "University", "(", "NIH", ")"],
                     [(0, 3, "organization", "ORG"), (4, 5, "agency", "ORG")])
    assert merged(ms)[1] == ("NIH", "agency", "NIH")  # brackets alone do not make an abbreviation


def test_an_abbreviation_takes_its_letters_from_the_name_from_the_end_the_first_at_a_word_start():
    assert abbreviates("CDC", "Centers for Disease Control and Prevention")
    assert abbreviates("ALERRT", "Advanced Law Enforcement Rapid Response Training Center")
    assert abbreviates("U.N.", "United Nations")
    assert not abbreviates("NIH", "Texas State University")
    assert not abbreviates("XCDC", "Centers for Disease Control")


def test_a_country_written_short_is_the_country_and_a_bare_code_only_when_ner_said_place():
    _, ms = mentions(["U.S.", "and", "UAE", "and", "GE", "and", "US"],
                     [(0, 1, "place", "GPE"), (2, 3, "organization", "ORG"), (4, 5, "organization", "ORG"),
                      (6, 7, "place", "GPE")])
    assert merged(ms) == [("U.S.", "place", "United States"), ("UAE", "place", "United Arab Emirates"),
                          ("GE", "organization", "GE"), ("US", "place", "United States")]


def test_the_last_words_of_one_longer_name_are_that_entity_but_not_an_agency_of_its_own():
    _, ms = mentions(["Riverton", "City", "Council", ",", "City", "Council", ",", "White", "House", ",", "House"],
                     [(0, 3, "agency", "ORG"), (4, 6, "agency", "ORG"), (7, 9, "agency", "ORG"), (10, 11, "agency", "ORG")])
    assert merged(ms)[1] == ("City Council", "agency", "Riverton City Council")
    assert merged(ms)[3] == ("House", "agency", "House")


def test_last_words_shared_by_two_longer_names_stay_their_own():
    _, ms = mentions(["Riverton", "City", "Council", ",", "Salem", "City", "Council", ",", "City", "Council"],
                     [(0, 3, "agency", "ORG"), (4, 7, "agency", "ORG"), (8, 10, "agency", "ORG")])
    assert merged(ms)[2] == ("City Council", "agency", "City Council")


def test_one_name_gets_one_kind_in_an_article():
    _, ms = mentions(["Denver", ",", "Denver", ",", "Denver"],
                     [(0, 1, "place", "GPE"), (2, 3, "organization", "ORG"), (4, 5, "place", "GPE")])
    assert [kind for _, kind, _ in merged(ms)] == ["place", "place", "place"]


def test_a_name_geonames_knows_as_a_place_is_one_unless_a_person_is_called_so():
    _, ms = mentions(["Montserrat", "and", "Los", "Gatos", "and", "Carson"],
                     [(0, 1, "person", "PERSON"), (2, 4, "person", "PERSON"), (5, 6, "person", "PERSON")])
    assert merged(ms) == [("Montserrat", "place", "Montserrat"), ("Los Gatos", "place", "Los Gatos"),
                          ("Carson", "person", "Carson")]  # a one-word city is a place only over an organization


def test_a_one_word_city_the_article_puts_something_in_is_a_place_even_tagged_a_person():
    _, ms = mentions(["The", "train", "to", "Cairns", "crashed", "north", "of", "Cairns", "."],
                     [(3, 4, "person", "PERSON"), (7, 8, "person", "PERSON")])
    assert [kind for _, kind, _ in merged(ms)] == ["place", "place"]
    _, ms = mentions(["Trust", "in", "Carson", "'s", "plan"], [(2, 3, "person", "PERSON")])
    assert merged(ms) == [("Carson", "person", "Carson")]  # a possessive after it: the person's


def test_a_name_written_as_a_web_address_is_an_organization():
    _, ms = mentions(["CNET", "News.com", "and", "Amazon.com", "and", "Mr.", "Com"],
                     [(0, 2, "person", "PERSON"), (3, 4, "place", "GPE"), (6, 7, "person", "PERSON")])
    assert [kind for _, kind, _ in merged(ms)] == ["organization", "organization", "person"]


def test_a_nationality_before_a_noun_is_no_short_form_of_a_longer_name():
    d = doc(["South", "American", "Community", ".", "South", "American", "countries", "and", "Girl", "Scouts", "of",
             "America", ".", "Girl", "Scouts", "said"],
            pos=["PROPN", "PROPN", "PROPN", "PUNCT", "PROPN", "ADJ", "NOUN", "CCONJ", "PROPN", "PROPN", "ADP",
                 "PROPN", "PUNCT", "PROPN", "PROPN", "VERB"])
    ms = [Mention(d[0:3], "agency", "ORG"), Mention(d[4:6], "unknown", "NORP"), Mention(d[8:12], "organization", "ORG"),
          Mention(d[13:15], "unknown", "NORP")]
    assert merged(ms) == [("South American Community", "agency", "South American Community"),
                          ("Girl Scouts of America", "organization", "Girl Scouts of America"),
                          ("Girl Scouts", "organization", "Girl Scouts of America")]


def test_a_form_ever_tagged_a_person_is_a_person():
    _, ms = mentions(["Trump", "and", "Trump"], [(0, 1, "person", "PERSON"), (2, 3, "organization", "ORG")])
    assert merged(ms) == [("Trump", "person", "Trump"), ("Trump", "person", "Trump")]


def test_a_form_ever_a_place_is_a_place_and_one_name_keeps_one_kind():
    _, ms = mentions(["Georgia", "Georgia", "GEORGIA", "GEORGIA"],
                     [(0, 1, "place", "GPE"), (1, 2, "person", "PERSON"), (2, 3, "place", "GPE"),
                      (3, 4, "person", "PERSON")])
    assert [kind for _, kind, _ in merged(ms)] == ["place", "place", "place", "place"]


def test_the_start_of_a_longer_name_is_that_entity():
    _, ms = mentions(["Columbine", "High", "School", "and", "Columbine"],
                     [(0, 3, "venue", "FAC"), (4, 5, "organization", "ORG")])
    assert merged(ms)[1] == ("Columbine", "venue", "Columbine High School")


def test_unknowns_no_rule_resolves_are_dropped():
    _, ms = mentions(["Ron", "Helus", "Olympics"], [(0, 2, "person", "PERSON"), (2, 3, "unknown", "EVENT")])
    assert merged(ms) == [("Ron Helus", "person", "Ron Helus")]
    _, ms = mentions(["Ron", "Helus", "Helus"], [(0, 2, "person", "PERSON"), (2, 3, "unknown", "NORP")])
    assert merged(ms)[1] == ("Helus", "person", "Ron Helus")


def test_one_spelling_per_entity_the_longest():
    _, ms = mentions(["Smith", "&", "Wesson", "Smith", "and", "Wesson"],
                     [(0, 3, "organization", "ORG"), (3, 6, "organization", "ORG")])
    pairs = [(m, m.span.text) for m in ms]
    assert [c for _, c in one_spelling(pairs)] == ["Smith and Wesson", "Smith and Wesson"]


def test_aliases_are_surnames_ner_missed():
    d = doc(["Ron", "Helus", "died", ".", "Helus", "was", "honored", ".", "helus"],
            pos=["PROPN", "PROPN", "VERB", "PUNCT", "PROPN", "AUX", "VERB", "PUNCT", "PROPN"])
    found = alias_mentions(d, [(Mention(d[0:2], "person", "PERSON"), "Ron Helus")])
    assert [(m.span.text, m.span.start, m.kind, m.label, c) for m, c in found] == \
        [("Helus", 4, "person", "ALIAS", "Ron Helus")]


def test_aliases_need_a_name_like_part_of_speech():
    d = doc(["Ron", "Helus", "Helus"], pos=["PROPN", "PROPN", "VERB"])
    assert alias_mentions(d, [(Mention(d[0:2], "person", "PERSON"), "Ron Helus")]) == []


def test_a_name_of_several_words_found_once_is_found_wherever_it_is_written_so():
    d = doc(["Associated", "Press", "said", ",", "and", "Associated", "Press", "added", "VOIP", "and", "VOIP"])
    found = repeated_mentions(d, [(Mention(d[0:2], "organization", "ORG"), "Associated Press"),
                                  (Mention(d[8:9], "organization", "ORG"), "VOIP")])
    assert [(m.span.start, m.span.text, m.kind, m.label, c) for m, c in found] == [
        (5, "Associated Press", "organization", "ALIAS", "Associated Press")]  # one word: not spread


def test_a_person_s_name_is_not_spread_by_repetition():
    d = doc(["Ron", "Helus", "and", "Ron", "Helus"])
    assert repeated_mentions(d, [(Mention(d[0:2], "person", "PERSON"), "Ron Helus")]) == []


def test_names_are_not_spread_through_sentences_written_in_title_case():
    words = ["Armed", "Security", "Guard", "said", "so", "."] + \
        ["Armed", "Security", "Guard", "Stops", "Gunman", "In", "The", "Big", "City", "Today"]
    d = doc(words, sent_starts=[i in (0, 6) for i in range(len(words))])
    assert repeated_mentions(d, [(Mention(d[0:3], "organization", "ORG"), "Armed Security Guard")]) == []


def parsed(words, heads, deps, pos):
    return Doc(NLP.vocab, words=words, heads=heads, deps=deps, pos=pos, sent_starts=[i == 0 for i in range(len(words))])


def test_a_person_the_article_calls_it_is_an_organization_every_mention():
    d = doc(["Lycos", ",", "in", "its", "defense", ",", "denied", ".", "Lycos", "said", "so"],
            pos=["PROPN", "PUNCT", "ADP", "PRON", "NOUN", "PUNCT", "VERB", "PUNCT", "PROPN", "VERB", "ADV"])
    assert referred_to_as_it(d[0:1]) and not referred_to_as_it(d[8:9])
    out = called_it([(Mention(d[0:1], "person", "PERSON"), "Lycos"), (Mention(d[8:9], "person", "PERSON"), "Lycos")])
    assert [m.kind for m, _ in out] == ["organization", "organization"]


def test_a_person_whose_sentence_has_its_of_another_stays_a_person():
    words = ["Angela", "Merkel", "defended", "its", "record"]
    d = parsed(words, [1, 2, 2, 4, 2], ["compound", "nsubj", "ROOT", "poss", "dobj"],
               ["PROPN", "PROPN", "VERB", "PRON", "NOUN"])
    assert not referred_to_as_it(d[0:2])
    out = called_it([(Mention(d[0:2], "person", "PERSON"), "Angela Merkel")])
    assert [m.kind for m, _ in out] == ["person"]
