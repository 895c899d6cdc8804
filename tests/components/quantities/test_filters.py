"""What is not a quantity (`pipeline.components.quantities.filters`): each rule of the chain on a blank or
hand-built Doc, and the chain itself."""
import pytest

from pipeline.components.quantities import filters
from pipeline.components.quantities.filters import NOT_A_QUANTITY, Candidate, not_a_quantity
from pipeline.components.quantities.numbers import Number, parse_number

from .docs import built, doc_of, first_token_at


def candidate(doc, surface):
    """The Candidate of the number written `surface` in `doc`."""
    return Candidate(doc, parse_number(doc, first_token_at(doc, surface)))


@pytest.mark.parametrize("rule, text, surface", [
    (filters.ordinal, "the 21st time", "21st"),
    (filters.code, "SCP 06F6 was", "06F6"),
    (filters.clock_time_am_pm, "at 2pm", "2"),
    (filters.hours_of_clock, "at 3:30", "3:30"),
    (filters.year, "passed in 2012.", "2012"),
    (filters.season_start, "the 2013-14 season", "2013"),
    (filters.emergency_number, "took 911 calls", "911"),
    (filters.after_name_prefix, "Route 66 was closed", "66"),
    (filters.after_name_prefix, "voters passed Measure 110 easily", "110"),
    (filters.after_name_prefix, "they backed Proposition 8 then", "8"),
    (filters.digits_run_on, "245 23 yen", "245"),
    (filters.score, "voted 7-2 to approve", "7"),
    (filters.score, "United won 3-1.", "3"),
    (filters.score, "took a 7-4 lead", "7"),
    (filters.score, "tied at 101-101.", "101"),
    (filters.score, "Chelsea led 7-4, and won.", "7"),
])
def test_each_rule_rejects_what_it_is_named_after(rule, text, surface):
    c = candidate(doc_of(text), surface)
    assert rule(c) and not_a_quantity(c)


def test_a_number_word_capitalised_inside_a_sentence_or_starting_a_known_place_is_part_of_a_name():
    inside = built(["residents", "of", "the", "Seven", "Oaks", "estate"], tags=["NNS", "IN", "DT", "CD", "NNP", "NN"])
    assert filters.number_word_in_a_name(candidate(inside, "Seven"))
    place = built(["Seven", "Oaks", "residents", "met"], tags=["CD", "NNP", "NNS", "VBD"])  # GeoNames knows it
    assert filters.number_word_in_a_name(candidate(place, "Seven"))
    people = built(["Seven", "Democrats", "voted"], tags=["CD", "NNPS", "VBD"])  # a sentence's first word: a figure
    assert not filters.number_word_in_a_name(candidate(people, "Seven"))


def test_a_number_word_capitalised_alone_inside_a_sentence_is_a_name():
    doc = built(["on", "Channel", "4", ",", "Five", ",", "Sky", "One"],
                tags=["IN", "NNP", "CD", ",", "CD", ",", "NNP", "CD"])
    assert filters.number_word_in_a_name(candidate(doc, "Five"))
    doc = built(["he", "said", ":", "Five", "."], tags=["PRP", "VBD", ":", "CD", "."])
    assert not filters.number_word_in_a_name(candidate(doc, "Five"))  # a quoted answer


def test_a_number_word_in_lower_case_or_in_title_case_or_a_prefix_in_lower_case_is_a_figure():
    lower = built(["residents", "of", "the", "seven", "new", "estates"], tags=["NNS", "IN", "DT", "CD", "JJ", "NNS"])
    assert not filters.number_word_in_a_name(candidate(lower, "seven"))
    shouted = built(["Seven", "People", "Died", "In", "A", "Crash"], tags=["CD", "NNS", "VBD", "IN", "DT", "NN"])
    assert not filters.number_word_in_a_name(candidate(shouted, "Seven"))
    assert not filters.after_name_prefix(candidate(doc_of("we measure 5 inches"), "5"))


@pytest.mark.parametrize("text, surface", [
    ("40 miles long", "40"),
    ("24703m2 of land", "24703m2"),
    ("2012 students", "2012"),
    ("10-15 exabytes", "10"),
    ("$4.2 billion", "4.2"),
    ("1 of the 4 accused", "1"),
])
def test_figures_pass_the_chain(text, surface):
    doc = doc_of(text)
    if surface == "2012":
        doc = built(["2012", "students"], pos=["NUM", "NOUN"])
    assert not not_a_quantity(candidate(doc, surface))


@pytest.mark.parametrize("rule, words, spaces, surface", [
    (filters.letters_around, ["J", "1149", "galaxy"], [False, True, False], "1149"),
    (filters.letters_around, ["an", "i", "7", "chip"], [True, False, True, False], "7"),
    (filters.letters_around, ["LGA", "1156", "socket"], [False, True, False], "1156"),
    (filters.phone_or_address_part, ["call", "+", "6663"], [True, False, False], "6663"),
    (filters.phone_or_address_part, ["at", "192", ".", "168"], [True, False, False, False], "168"),
])
def test_digits_written_into_other_signs(rule, words, spaces, surface):
    assert rule(candidate(built(words, spaces=spaces), surface))


def test_names_with_a_hyphen_and_a_number():
    doc = built(["COVID", "-", "19", "cases"], spaces=[False, False, True, False])
    assert filters.hyphenated_name(candidate(doc, "19"))
    doc = built(["pages", "10", "-", "19"], spaces=[True, False, False, False])
    assert not filters.hyphenated_name(candidate(doc, "19"))


def test_one_or_an_idiom_in_a_compound_modifier_is_no_figure_but_a_count_is():
    doc = built(["a", "two", "-", "way", "street"], spaces=[True, False, False, True, False])
    assert filters.compound_modifier(Candidate(doc, Number(1, 2, 2.0, 2, 5)))
    doc = built(["a", "one", "-", "time", "fee"], spaces=[True, False, False, True, False])
    assert filters.compound_modifier(Candidate(doc, Number(1, 2, 1.0, 2, 5)))
    doc = built(["a", "three", "-", "judge", "panel"], spaces=[True, False, False, True, False])
    assert not filters.compound_modifier(Candidate(doc, Number(1, 2, 3.0, 2, 7)))
    assert not filters.compound_modifier(candidate(doc_of("a 50-lane highway"), "50"))  # digits count lanes
    assert not filters.compound_modifier(candidate(doc_of("a 6.0-sigma result"), "6.0"))


def test_a_day_in_a_date_naming_a_month():
    doc = built(["on", "Oct.", "27", "in", "Pittsburgh"], ents=["O", "B-DATE", "I-DATE", "O", "O"])
    assert filters.calendar_date(candidate(doc, "27"))
    doc = built(["within", "27", "days"], ents=["O", "B-DATE", "I-DATE"])
    assert not filters.calendar_date(candidate(doc, "27"))


def test_an_amount_of_999_dollars_is_no_emergency_number():
    assert filters.emergency_number(candidate(doc_of("Dial 999."), "999"))
    assert not filters.emergency_number(candidate(doc_of("It costs $999."), "999"))


def test_a_clock_time_entity():
    doc = built(["at", "3", "o'clock"], ents=["O", "B-TIME", "I-TIME"])
    assert filters.clock_time_entity(candidate(doc, "3"))


def test_list_markers_at_the_start_of_a_line():
    doc = doc_of("1. Introduction\n2. Methods")
    assert filters.list_marker(candidate(doc, "1"))
    assert not filters.list_marker(candidate(doc_of("It cost 1."), "1"))


def test_one_of_a_group_is_no_figure_but_one_in_ten_or_one_of_every_five_is():
    group = built(["one", "of", "the", "great", "conservatives"], tags=["CD", "IN", "DT", "JJ", "NNS"])
    assert filters.one_of_a_group(candidate(group, "one")) and not_a_quantity(candidate(group, "one"))
    for words, tags in ((["one", "in", "ten", "bridges"], ["CD", "IN", "CD", "NNS"]),
                        (["one", "in", "ten", "of", "the", "bridges"], ["CD", "IN", "CD", "IN", "DT", "NNS"]),
                        (["one", "of", "every", "five", "voters"], ["CD", "IN", "DT", "CD", "NNS"])):
        assert not filters.one_of_a_group(candidate(built(words, tags=tags), "one"))


def test_the_chain_is_flat_named_and_ordered():
    names = [rule.__name__ for rule in NOT_A_QUANTITY]
    assert len(set(names)) == len(names) and names[0] == "one_of_a_group" and names[-1] == "list_marker"
    assert all(rule.__doc__ for rule in NOT_A_QUANTITY)


def test_the_unit_is_parsed_once_for_all_rules(monkeypatch):
    calls = []
    real = filters.unit_after
    monkeypatch.setattr(filters, "unit_after", lambda doc, number: calls.append(number) or real(doc, number))
    c = candidate(doc_of("the 2012-alarm fire"), "2012")
    assert filters.year(c) and filters.one_without_contrast(c) is False and filters.number_in_a_name(c) is False
    for rule in NOT_A_QUANTITY:
        rule(c)
    assert len(calls) == 1 and c.unit is None


def tagged(words):
    """A hand-built Doc with number words tagged CD and the rest NN."""
    return built(words, tags=["CD" if w.lower() in ("one", "50", "100", "two") else "NN" for w in words])


@pytest.mark.parametrize("words", [["One", "organization", "posted", "it"], ["One", "is", "a", "wonk"],
                                   ["if", "one", "candidate", "won", "and", "one", "candidate", "lost"],
                                   ["at", "one", "point", "he", "trailed", "by", "50", "points"],
                                   ["two", "rivals", "judged", "against", "one", "another"],
                                   ["50", "men", "piled", "one", "on", "top", "of", "another"],
                                   ["50", "came", "one", "after", "another"]])
def test_one_as_an_article_or_pronoun_is_no_figure(words):
    surface = next(w for w in words if w.lower() == "one")
    assert filters.one_without_contrast(candidate(tagged(words), surface))


@pytest.mark.parametrize("words", [["Only", "one", "person", "was", "killed"], ["live", "one", "day", "than", "100", "years"],
                                   ["one", "hour"], ["the", "answer", "is", "minus", "one"],
                                   ["try", "one", "more", "time"],
                                   ["Only", "one", "person", "died", "and", "another", "was", "hurt"]])
def test_one_counts_when_stressed_contrasted_or_measuring(words):
    assert not filters.one_without_contrast(candidate(tagged(words), "one"))


@pytest.mark.parametrize("words, pos, surface", [
    (["Retailer", "Forever", "21", "is", "selling"], ["NOUN", "PROPN", "NUM", "AUX", "VERB"], "21"),
    (["The", "FTSE", "100", "rose"], ["DET", "PROPN", "NUM", "VERB"], "100"),
    (["The", "Pixel", "8", "Pro", "is", "out"], ["DET", "PROPN", "NUM", "NOUN", "AUX", "ADV"], "8"),
    (["Ted", "Cruz", "1", ",", "John", "Kasich", "2"], ["PROPN", "PROPN", "NUM", "PUNCT", "PROPN", "PROPN", "NUM"], "1"),
    (["The", "Boeing", "737", "Max", "crashed"], ["DET", "PROPN", "NUM", "PROPN", "VERB"], "737"),
    (["The", "iPhone", "15", "costs", "more"], ["DET", "PROPN", "NUM", "VERB", "ADV"], "15"),
])
def test_digits_inside_a_name(words, pos, surface):
    assert filters.number_in_a_name(candidate(built(words, pos=pos), surface))


def test_camel_case_is_a_name_s_writing():
    assert filters.is_camel_case("iPhone") and filters.is_camel_case("eBay")
    assert not filters.is_camel_case("Phone") and not filters.is_camel_case("phones") and not filters.is_camel_case("")


def test_a_name_with_its_number_modifying_a_noun():
    doc = built(["the", "Pac", "12", "title"], pos=["DET", "PROPN", "NUM", "NOUN"], heads=[3, 3, 3, 3],
                deps=["det", "nmod", "nummod", "ROOT"])
    assert filters.number_in_a_name(candidate(doc, "12"))
    iowa = built(["In", "Iowa", "12", "people", "died"], pos=["ADP", "PROPN", "NUM", "NOUN", "VERB"], heads=[4, 0, 3, 4, 4],
                 deps=["prep", "pobj", "nummod", "nsubj", "ROOT"])
    assert not filters.number_in_a_name(candidate(iowa, "12"))


def test_the_pages_of_a_journal_citation():
    assert filters.citation_pages(candidate(doc_of("See Science 381, 12-15."), "12"))
    assert not filters.citation_pages(candidate(doc_of("It rose 12-15 percent."), "12"))


@pytest.mark.parametrize("words, pos, surface", [
    (["In", "Iowa", "12", "people", "died"], ["ADP", "PROPN", "NUM", "NOUN", "VERB"], "12"),
    (["Clinton", "52", "%"], ["PROPN", "NUM", "NOUN"], "52"),
    (["in", "May", "5", "people", "died"], ["ADP", "PROPN", "NUM", "NOUN", "VERB"], "5"),
    (["the", "class", "is", '"', "English", "101", '"'], ["DET", "NOUN", "AUX", "PUNCT", "PROPN", "NUM", "PUNCT"], "101"),
])
def test_digits_after_a_name_that_count_something_stay(words, pos, surface):
    c = candidate(built(words, pos=pos), surface)
    assert not filters.number_in_a_name(c) and not filters.day_of_a_month(c)


@pytest.mark.parametrize("text, surface", [('tweet-date="February 28, 2016"', "28"), ("as of  30 September 2016", "30"),
                                           ("on Sept. 4, he", "4")])
def test_the_day_of_a_date_even_without_a_date_entity(text, surface):
    assert filters.day_of_a_month(candidate(doc_of(text), surface))


@pytest.mark.parametrize("text, surface", [("the 9/11 flap", "9/11"), ("open 24/7.", "24/7")])
def test_numbers_that_name_a_day_or_mean_always(text, surface):
    assert filters.named_number(candidate(doc_of(text), surface))


def test_no_dot_one_is_a_rank():
    assert filters.after_name_prefix(candidate(doc_of("be No. 1, he said"), "1"))


@pytest.mark.parametrize("text, surface", [("In 2019, 10-15 percent smoked", "10"), ("By 2030, 20-25 million", "20")])
def test_a_year_and_a_range_are_no_citation(text, surface):
    assert not filters.citation_pages(candidate(doc_of(text), surface))


@pytest.mark.parametrize("text, surface", [("the post-9/11 era", "9/11"), ("9/11's anniversary", "9/11")])
def test_a_named_number_inside_a_word(text, surface):
    doc = doc_of(text)
    i = next(t.i for t in doc if "9" in t.text)
    assert filters.named_number(Candidate(doc, parse_number(doc, i) or Number(i, i + 1, 9.0, doc[i].idx, doc[i].idx + 1)))


def test_said_no_then_a_number_is_no_rank():
    assert not filters.after_name_prefix(candidate(doc_of("Voters said no. 5 states voted."), "5"))


@pytest.mark.parametrize("text, surface, rejected", [("a 3-D printer", "3", True), ("7-Eleven stores", "7", True),
                                                     ("a $70-a-share price", "70", False), ("-78-0 degrees", "0", False)])
def test_digits_before_a_capitalised_word_name_something(text, surface, rejected):
    doc = doc_of(text)
    i = next(t.i for t in doc if t.text.lstrip("-$") .startswith(surface))
    number = parse_number(doc, i)
    assert filters.compound_modifier(Candidate(doc, number)) == rejected


def test_a_year_after_a_qualifier_is_still_a_year():
    assert filters.year(candidate(doc_of("it dates back to at least 1850 ."), "1850"))


def test_a_number_word_spelled_on_into_an_ordinal_is_no_figure():
    doc = built(["a", "twenty", "-", "first"], spaces=[True, False, False, False])
    assert filters.compound_modifier(Candidate(doc, Number(1, 2, 20.0, 2, 8)))
    doc = built(["three", "twenty", "-", "firsts"], spaces=[True, False, False, False])
    assert filters.compound_modifier(Candidate(doc, Number(1, 2, 20.0, 6, 12)))


@pytest.mark.parametrize("rule, text, surface", [
    (filters.slash_date, "it expires on 5/12/04 unless", "5/12/04"),
    (filters.phone_or_address_part, "the server at 10.2.3.4 failed", "10.2.3.4"),
])
def test_dates_addresses_and_codes_written_with_digits(rule, text, surface):
    c = candidate(doc_of(text), surface)
    assert rule(c) and not_a_quantity(c)


def test_an_integer_with_a_letter_after_a_noun_is_a_code():
    pad = built(["launched", "from", "pad", "37B", "on"], pos=["VERB", "ADP", "NOUN", "NUM", "ADP"])
    assert filters.letter_of_a_code(candidate(pad, "37B"))
    cited = built(["with", "303b", "of", "the", "German", "Penal", "Code"],
                  pos=["ADP", "NUM", "ADP", "DET", "ADJ", "PROPN", "PROPN"])
    assert filters.letter_of_a_code(candidate(cited, "303b"))


def test_a_b_glued_to_a_money_amount_a_decimal_or_after_a_verb_is_billions_not_a_letter():
    assert not filters.letter_of_a_code(candidate(doc_of("raised $37B last year"), "37B"))
    assert not filters.letter_of_a_code(candidate(doc_of("a 1.2b budget"), "1.2b"))
    paid = built(["Facebook", "paid", "19B", "for", "WhatsApp"], pos=["PROPN", "VERB", "NUM", "ADP", "PROPN"])
    assert not filters.letter_of_a_code(candidate(paid, "19B"))


def test_bare_integers_numbering_the_parts_of_a_sentence_are_no_figures():
    doc = doc_of("1 Mark Richardson , 2 Mathew Sinclair , 3 Tim Edwards")
    assert all(filters.numbered_sequence(candidate(doc, s)) for s in ("1", "2", "3"))
    doc = doc_of("they had 2 sons and 3 daughters")  # two numbers are no sequence
    assert not filters.numbered_sequence(candidate(doc, "2"))
    doc = doc_of("won 1 , 3 and 5 medals")  # not consecutive
    assert not filters.numbered_sequence(candidate(doc, "3"))
    doc = doc_of("he scored 1 goal , 2 assists and 3 points")  # counts, each before its noun
    assert not any(filters.numbered_sequence(candidate(doc, s)) for s in ("1", "2", "3"))
    doc = doc_of("the children , aged 1 , 2 and 3 , were rescued")
    assert not filters.numbered_sequence(candidate(doc, "2"))


def test_a_marker_in_brackets_or_before_a_capitalised_article_is_no_figure():
    doc = built(["(", "1", ")", "placed", "a", "priority"], spaces=[False, False, True, True, True, False])
    assert filters.marker_of_a_part(candidate(doc, "1"))
    aside = built(["deaths", "(", "12", ")", "fell"], spaces=[True, False, False, True, False],
                  pos=["NOUN", "PUNCT", "NUM", "PUNCT", "VERB"])
    assert not filters.marker_of_a_part(candidate(aside, "12"))  # a figure given for the noun
    doc = built(["Deaths", "so", "far", ":", "12", "."], spaces=[True, True, False, True, False, False])
    assert not filters.marker_of_a_part(candidate(doc, "12"))  # a figure after a colon
    doc = built(["as", "Exhibit", "A", ".", "2", "."], spaces=[True, True, False, True, False, False])
    assert filters.marker_of_a_part(candidate(doc, "2"))
    doc = built(["terms", "used", ":", "1", "."], spaces=[True, False, True, False, False])
    assert filters.marker_of_a_part(candidate(doc, "1"))  # a list's first marker
    age = built(["John", "Smith", "(", "17", ")", "said"], spaces=[True, True, False, False, True, False],
                pos=["PROPN", "PROPN", "PUNCT", "NUM", "PUNCT", "VERB"])
    assert not filters.marker_of_a_part(candidate(age, "17"))  # an age after a name
    doc = built(["crashes", ":", "9", "A", "collision"], pos=["NOUN", "PUNCT", "NUM", "DET", "NOUN"])
    assert filters.marker_of_a_part(candidate(doc, "9"))
    doc = built(["cases", "rose", "3", "A", "day", "later"], pos=["NOUN", "VERB", "NUM", "DET", "NOUN", "ADV"])
    assert not filters.marker_of_a_part(candidate(doc, "3"))  # inside a clause
    doc = built(["9", "people", "came"], pos=["NUM", "NOUN", "VERB"])
    assert not filters.marker_of_a_part(candidate(doc, "9"))


def test_a_number_inside_an_organization_s_name_is_no_figure_but_a_figure_beside_one_is():
    doc = built(["watch", "BBC", "One", "tonight"], tags=["VB", "NNP", "CD", "NN"],
                ents=["O", "B-ORG", "I-ORG", "O"])
    assert filters.number_in_a_named_entity(candidate(doc, "One"))
    doc = built(["Rubio", "'s", "17", "delegates"], ents=["B-ORG", "I-ORG", "I-ORG", "O"])
    assert not filters.number_in_a_named_entity(candidate(doc, "17"))  # NER joined a possessive and a figure
    doc = built(["the", "Voyager", "2", "probe"], ents=["O", "B-PRODUCT", "I-PRODUCT", "O"])
    assert not filters.number_in_a_named_entity(candidate(doc, "2"))  # products: too often a name and a figure


@pytest.mark.parametrize("text", ["rose 7-4,000 times", "a 10-5 percent cut"])
def test_a_second_number_with_thousands_or_a_percent_is_no_score(text):
    assert not filters.score(candidate(doc_of(text), text.split()[1].split("-")[0]))
