"""filters: spans taken for names that are none, one named rule each."""
from spacy.tokens import Span

from pipeline.components.entities.filters import (NOT_A_NAME, holds_a_separator, is_a_handle_or_hashtag, is_a_listed_non_name,
                                                  is_a_lone_adjective, is_a_lone_letter, is_all_lowercase,
                                                  is_a_run_of_capitalised_words, is_an_award_in_an_adjective,
                                                  is_a_numbered_product_or_event, is_a_page_reference,
                                                  is_an_event_name, is_a_language, is_a_storm_or_wildfire,
                                                  is_not_a_name, is_part_of_an_office_title)

from .docs import doc, span


def test_a_listed_word_is_no_name():
    assert is_a_listed_non_name(Span(doc(["Sgt."]), 0, 1)) and not is_a_listed_non_name(Span(doc(["FBI"]), 0, 1))
    for word in ("PDF", "MB", "VOIP", "Emmys"):  # formats, units, technologies, award shows
        assert is_a_listed_non_name(Span(doc([word]), 0, 1))


def test_words_across_a_colon_or_a_bullet_are_no_name():
    assert holds_a_separator(Span(doc(["Broadband", "Telephony", ":", "Leveraging", "Voice"]), 0, 5))
    assert holds_a_separator(Span(doc(["Top", "Stories", "•", "Summer"]), 0, 4))
    assert not holds_a_separator(Span(doc(["Yahoo!"]), 0, 1))


def test_a_page_reference_is_no_name():
    assert is_a_page_reference(Span(doc(["Page", "B4"]), 0, 2))
    assert is_a_page_reference(Span(doc(["Section", "303a"]), 0, 2))
    assert not is_a_page_reference(Span(doc(["Jimmy", "Page"]), 0, 2))


def test_a_span_without_capitals_is_no_name():
    assert is_all_lowercase(Span(doc(["the", "state"]), 0, 2))
    assert not is_all_lowercase(Span(doc(["iPhone"]), 0, 1))


def test_one_adjective_is_no_name_but_a_proper_noun_is():
    d = doc(["Democratic", "candidate", "Warren"], pos=["ADJ", "NOUN", "PROPN"])
    assert is_a_lone_adjective(d[0:1]) and not is_a_lone_adjective(d[2:3])


def test_handles_and_hashtags_are_no_names():
    d = doc(["@realDonaldTrump", "#", "DonaldTrump", "Trump"], spaces=[True, False, True, False])
    assert is_a_handle_or_hashtag(d[0:1]) and is_a_handle_or_hashtag(d[2:3])
    assert not is_a_handle_or_hashtag(d[3:4])


def test_a_lone_letter_is_no_name():
    d = doc(["I.", "B", "Al"])
    assert is_a_lone_letter(d[0:1]) and is_a_lone_letter(d[1:2]) and not is_a_lone_letter(d[2:3])


def test_a_department_inside_an_office_title_is_no_name():
    d = doc(["Defense", "Secretary", "Ash", "Carter", "met", "Secretary", "of", "State", "Kerry", "at", "State",
             "Department", "and", "Defense", "officials"])
    assert is_part_of_an_office_title(d[0:1]) and is_part_of_an_office_title(d[7:8])
    assert not is_part_of_an_office_title(d[10:12]) and not is_part_of_an_office_title(d[13:14])
    assert not is_part_of_an_office_title(d[8:9])


def test_an_award_joined_to_winning_is_no_name():
    d = doc(["Oscar", "-", "winning", "Oscar", "-", "winning", "Oscar", "said"],
            spaces=[False, False, True, True, True, True, True, False])
    assert is_an_award_in_an_adjective(d[0:1])
    assert not is_an_award_in_an_adjective(d[3:4])  # "Oscar - winning": not one word
    assert not is_an_award_in_an_adjective(d[6:7])


def test_a_name_ending_in_a_roman_numeral_is_a_product_or_event_but_not_a_king():
    d = doc(["Windows", "XP", "and", "Delta", "IV", "and", "Henry", "VIII", "and", "Malcolm", "X"],
            ents=["B-PRODUCT", "I-PRODUCT", "O", "B-ORG", "I-ORG", "O", "B-PERSON", "I-PERSON", "O", "B-PERSON",
                  "I-PERSON"])
    assert is_a_numbered_product_or_event(d[0:2]) and is_a_numbered_product_or_event(d[3:5])
    assert not is_a_numbered_product_or_event(d[6:8]) and not is_a_numbered_product_or_event(d[9:11])
    assert not is_a_numbered_product_or_event(d[1:2])  # one word alone


def test_an_event_is_no_name_of_ours():
    d = doc(["Yalta", "Conference", "and", "Emmy", "Awards", "and", "Conference", "Board", "and", "Nobel", "Prize"])
    assert is_an_event_name(d[0:2]) and is_an_event_name(d[3:5]) and not is_an_event_name(d[6:8])
    assert is_an_event_name(d[9:11])  # an award is no name of ours either


def test_in_a_title_case_sentence_a_run_of_words_is_no_name_but_a_name_is():
    words = ["Officials", "In", "Fresno", "County", "Said", "The", "Department", "Of", "Education", "Met", "."]
    d = doc(words)
    assert is_a_run_of_capitalised_words(d[0:5])  # "Officials In Fresno County Said"
    assert not is_a_run_of_capitalised_words(d[2:4]) and not is_a_run_of_capitalised_words(d[6:9])
    plain = doc(["Officials", "in", "Fresno", "said", "the", "Department", "of", "Education", "met", "today", "."])
    assert not is_a_run_of_capitalised_words(plain[0:3])  # a sentence written normally: left to the other rules


def test_the_chain_rejects_what_any_rule_rejects():
    d = doc(["the", "agency", "told", "Ana", "Ruiz"], pos=["DET", "NOUN", "VERB", "PROPN", "PROPN"])
    assert is_not_a_name(d[0:2]) and not is_not_a_name(d[3:5])
    assert len(NOT_A_NAME) == len(set(NOT_A_NAME))


def test_storms_and_wildfires_are_no_names_but_a_fire_service_is():
    assert is_a_storm_or_wildfire(span(["Hurricane", "Maria"], "PERSON"))
    assert is_a_storm_or_wildfire(span(["Typhoon", "Haiyan"], "ORG"))
    assert is_a_storm_or_wildfire(span(["Tropical", "Storm", "Ian"], "PERSON", 1, 3))  # NER leaves "Tropical" out
    assert is_a_storm_or_wildfire(span(["the", "Camp", "Fire", "burned"], "ORG", 1, 3))
    assert not is_a_storm_or_wildfire(span(["Cal", "Fire", "crews", "burned"], "ORG", 0, 2))  # no "the": the service
    assert not is_a_storm_or_wildfire(span(["the", "Lakeside", "Fire", "Department"], "ORG", 1, 4))
    assert not is_a_storm_or_wildfire(span(["for", "the", "Lakeside", "Fire", "on", "scene"], "ORG", 2, 4))  # no fire


def test_languages_are_no_names_unless_a_person_or_a_place():
    assert is_a_language(span(["Swahili"], "ORG")) and is_a_language(span(["Hindi"], "NORP"))
    assert is_a_language(span(["Swahili", ",", "Amharic", "and", "Somali"], "ORG"))
    assert not is_a_language(span(["Tuvalu"], "GPE"))  # the country's name too
    assert not is_a_language(span(["Hindi"], "PERSON"))
    assert not is_a_language(span(["Swahili", "Airlines"], "ORG"))
