"""Finding every quantity of a Doc (`pipeline.components.quantities.find`) on blank and hand-built Docs."""
import pytest

from pipeline.components.quantities.find import (indefinite_unit_quantity, percent_of_number, quantities_of,
                                                 verb_multiple)

from .docs import built, doc_of


def test_one_pass_in_text_order_without_overlaps():
    doc = doc_of("The 40 miles cost $4.2 billion, or 10 to 20 percent.")
    assert [q.text for _, q in quantities_of(doc)] == ["40 miles", "$4.2 billion", "10 to 20 percent"]


def test_spans_match_the_quantities():
    doc = doc_of("It runs 6.5 miles.")
    (span, q), = quantities_of(doc)
    assert (span.start_char, span.end_char) == (q.start, q.end) and span.text == q.text


def test_nothing_is_left_on_the_doc():
    doc = doc_of("About 96,000 people ride, up from 81,000 in 2022.")
    quantities_of(doc)
    assert doc.user_data == {}


def test_up_from_links_the_previous_value():
    doc = doc_of("About 96,000 people ride, up from 81,000 in 2022.")
    first, second = [q for _, q in quantities_of(doc)]
    assert (first.previous, first.change) == (81000, "up") and second.unit == first.unit


def test_two_levels_each_after_up_or_down_from_are_not_linked():
    words = ["Sanders", "is", "up", "from", "37", "percent", "and", "Clinton", "is", "down", "from", "49", "percent"]
    pos = ["PROPN", "AUX", "ADV", "ADP", "NUM", "NOUN", "CCONJ", "PROPN", "AUX", "ADV", "ADP", "NUM", "NOUN"]
    doc = built(words, lemmas=[w.lower() for w in words], pos=pos)
    first, second = [q for _, q in quantities_of(doc)]
    assert (first.previous, first.change, second.change) == (None, "up", "down")


def test_a_bare_count_after_a_count_in_the_sentence_counts_the_same_thing():
    doc = built(["hauled", "81", "delegates", "to", "Rubio", "'s", "17", "."],
                pos=["VERB", "NUM", "NOUN", "ADP", "PROPN", "PART", "NUM", "PUNCT"],
                tags=["VBD", "CD", "NNS", "IN", "NNP", "POS", "CD", "."])
    first, second = [q for _, q in quantities_of(doc)]
    assert (second.text, second.counted) == ("17", "delegates")
    doc = built(["81", "delegates", "and", "17", "governors"], pos=["NUM", "NOUN", "CCONJ", "NUM", "NOUN"],
                tags=["CD", "NNS", "CC", "CD", "NNS"])
    assert [q.counted for _, q in quantities_of(doc)] == ["delegates", "governors"]
    doc = built(["has", "3", "children", "and", "is", "45", "."],
                pos=["VERB", "NUM", "NOUN", "CCONJ", "AUX", "NUM", "PUNCT"], tags=["VBZ", "CD", "NNS", "CC", "VBZ", "CD", "."])
    assert [q.counted for _, q in quantities_of(doc)] == ["children", None]  # a verb between: another measure


def test_a_count_of_the_wounded_or_described_by_who_takes_the_noun_across_a_verb():
    doc = built(["four", "people", "were", "killed", "and", "eight", "wounded", "."],
                pos=["NUM", "NOUN", "AUX", "VERB", "CCONJ", "NUM", "VERB", "PUNCT"],
                tags=["CD", "NNS", "VBD", "VBN", "CC", "CD", "VBN", "."])
    assert [q.counted for _, q in quantities_of(doc)] == ["people", "people"]
    doc = built(["94,000", "people", "died", "here", ",", "of", "138,000", "who", "died", "."],
                pos=["NUM", "NOUN", "VERB", "ADV", "PUNCT", "ADP", "NUM", "PRON", "VERB", "PUNCT"],
                tags=["CD", "NNS", "VBD", "RB", ",", "IN", "CD", "WP", "VBD", "."])
    assert [q.counted for _, q in quantities_of(doc)] == ["people", "people"]
    doc = built(["destroyed", "200", "homes", "and", "left", "12", "dead", "."],
                pos=["VERB", "NUM", "NOUN", "CCONJ", "VERB", "NUM", "ADJ", "PUNCT"],
                tags=["VBD", "CD", "NNS", "CC", "VBD", "CD", "JJ", "."])
    assert [q.counted for _, q in quantities_of(doc)] == ["homes", "dead"]  # the count before counts no people
    doc = built(["seized", "40", "guns", "and", "arrested", "12", "who", "fled", "."],
                pos=["VERB", "NUM", "NOUN", "CCONJ", "VERB", "NUM", "PRON", "VERB", "PUNCT"],
                tags=["VBD", "CD", "NNS", "CC", "VBD", "CD", "WP", "VBD", "."])
    assert [q.counted for _, q in quantities_of(doc)] == ["guns", None]


def test_percent_written_before_its_number():
    doc = doc_of("per cent of 10 voters")
    span, q = percent_of_number(doc, 0)
    assert (q.text, q.value, q.kind) == ("per cent of 10", 10, "percent")
    assert percent_of_number(doc_of("the percent of 10"), 1) is None


@pytest.mark.parametrize("lemma, value, change", [("double", 2, "up"), ("halve", 0.5, "down")])
def test_a_verb_that_states_a_multiple(lemma, value, change):
    doc = built(["Enrollment", lemma + "d"], lemmas=["enrollment", lemma], pos=["NOUN", "VERB"])
    span, q = verb_multiple(doc, 1)
    assert (q.value, q.change, q.unit_normalized) == (value, change, "times")
    assert verb_multiple(built(["a", "double"], lemmas=["a", "double"], pos=["DET", "NOUN"]), 1) is None


def test_a_unit_after_a_or_an():
    doc = doc_of("nearly an hour passed")
    span, q = indefinite_unit_quantity(doc, 1)
    assert (q.text, q.value, q.qualifier, q.kind) == ("nearly an hour", 1.0, "~", "duration")
    assert indefinite_unit_quantity(doc_of("a year ago"), 0) is None


@pytest.mark.parametrize("text, values, unit, counted", [
    ("They sell two-, three- and four-bedroom flats.", [2, 3, 4], None, "bedroom"),
    ("the 2-, 3- and 4-year plans", [2, 3, 4], "year", None),
    ("He served 2- or 3-day stints.", [2, 3], "day", None),
])
def test_hanging_hyphens_give_one_quantity_per_number(text, values, unit, counted):
    doc = doc_of(text)
    found = [q for _, q in quantities_of(doc)]
    assert [q.value for q in found] == values
    assert all(q.unit_normalized == unit and q.counted == counted and text[q.start:q.end] == q.text for q in found)


def test_a_word_with_a_hyphen_is_no_hanging_number():
    assert quantities_of(doc_of("The x- and y-axis")) == []


def test_to_a_figure_from_another_links_the_previous_value():
    doc = built(["Volume", "eased", "to", "41,200", "contracts", "from", "45,900", "."],
                pos=["NOUN", "VERB", "ADP", "NUM", "NOUN", "ADP", "NUM", "PUNCT"],
                tags=["NN", "VBD", "IN", "CD", "NNS", "IN", "CD", "."], spaces=[True] * 6 + [False, False])
    now, before = [q for _, q in quantities_of(doc)]
    assert (now.value, now.previous, now.change, before.change) == (41200, 45900, "down", None)


def test_figures_of_two_measures_are_not_linked():
    doc = doc_of("He went to 3 schools from 2 states.")
    assert all(q.previous is None for _, q in quantities_of(doc))
