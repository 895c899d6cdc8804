"""Reading numbers (`pipeline.components.quantities.numbers`) on blank and hand-built Docs."""
import pytest

from pipeline.components.quantities.numbers import (parse_literal, parse_number, parse_words, range_end)

from .docs import built, doc_of


@pytest.mark.parametrize("text, value, end_char", [
    ("1,200 hours", 1200, 5),
    ("1 234 567 votes", 1234567, 9),
    ("12\u00a0000 pupils", 12000, 6),
    ("3.5bn euros", 3.5e9, 5),
    ("40K fans", 40e3, 3),
    ("$2.174T debt", 2.174e12, 7),
    ("2.5 million doses", 2.5e6, 11),
    ("-1e-3 volts", -1e-3, 5),
    ("2.48×10−5 m", 2.48e-5, 9),
    ("2 1/2 cups", 2.5, 5),
    ("3⅓ cups", 3 + 1 / 3, 2),
])
def test_digit_literals_are_read_off_the_text(text, value, end_char):
    doc = doc_of(text)
    start = 1 if text.startswith("$") else 0
    number = parse_literal(doc, start)
    assert number.value == pytest.approx(value) and number.end_char == end_char and number.digits


def test_a_unicode_fraction_alone_is_a_fraction():
    number = parse_literal(doc_of("⅓ of it"), 0)
    assert number.value == pytest.approx(1 / 3) and number.kind == "fraction"


def test_a_plain_four_digit_number_is_yearlike_but_not_a_grouped_one():
    assert parse_literal(doc_of("in 2012"), 1).yearlike
    assert not parse_literal(doc_of("2,012 people"), 0).yearlike
    assert not parse_literal(doc_of("2012bn"), 0).yearlike


@pytest.mark.parametrize("text", ["1/0 of it", "1e999 grains", "word"])
def test_no_literal_where_the_value_is_not_finite_or_there_are_no_digits(text):
    assert parse_literal(doc_of(text), 0) is None


def test_a_minus_sign_opens_a_literal_only_at_the_start_of_a_word():
    assert parse_literal(doc_of("fell -5 points"), 1).value == -5
    assert parse_literal(doc_of("at - 5"), 1) is None  # a dash with a space after is no sign


@pytest.mark.parametrize("text, value", [
    ("forty-seven workers", 47),
    ("a hundred and two days", 102),
    ("three million, two hundred", 3_000_200),
    ("two hundred point zero three", 200.03),
    ("two, three", 2),
])
def test_number_words(text, value):
    end, parsed = parse_words(doc_of(text), 0)
    assert parsed == pytest.approx(value)


@pytest.mark.parametrize("text, value, kind, qualifier", [
    ("twice the rate", 2, "multiple", None),
    ("a dozen rifles", 12, "count", None),
    ("half a dozen eggs", 6, "count", None),
    ("half a million jobs", 500000, "count", None),
    ("hundreds of protesters", 100, "count", None),
    ("tens of thousands of people", 10_000, "count", None),
    ("3 dozens of eggs", 36, "count", None),
    ("1 in 5 teens", 0.2, "ratio", None),
    ("3 out of 10 voters", 0.3, "ratio", None),
    ("3 times the rate", 3, "multiple", None),
    ("3 times a week", 3, "frequency", None),
    ("a quarter of homes", 0.25, "fraction", None),
    ("half of the funds", 0.5, "fraction", None),
])
def test_number_forms(text, value, kind, qualifier):
    number = parse_number(doc_of(text), 0)
    assert (number.value, number.kind, number.qualifier) == (pytest.approx(value), kind, qualifier)


def test_times_before_a_comparative_is_a_multiple_and_alone_counts_occasions():
    doc = built(["ten", "times", "harder"], tags=["CD", "NNS", "JJR"])
    assert parse_number(doc, 0).kind == "multiple"
    doc = built(["tried", "five", "times", "."], tags=["VBD", "CD", "NNS", "."])
    assert parse_number(doc, 1).kind == "count"


@pytest.mark.parametrize("text, low, high", [
    ("hundreds of protesters", 100, 1000),
    ("tens of thousands of euros", 10_000, 100_000),
    ("hundreds of millions of Americans", 1e8, 1e9),
    ("dozens of homes", 12, 120),
    ("multi-million-dollar mansion", 1e6, 1e7),
    ("multibillion deals", 1e9, 1e10),
    ("a few thousand users", 1000, 10_000),
    ("a few hundred thousand dollars", 1e5, 1e6),
])
def test_vague_amounts_are_ranges_from_the_word_to_ten_times_it(text, low, high):
    number = parse_number(doc_of(text), 0)
    assert (number.value, number.high) == (pytest.approx(low), pytest.approx(high))


def test_a_vague_plural_stands_alone_when_tagged_as_a_plural_noun():
    doc = built(["spending", "millions", "in", "ads"], tags=["VBG", "NNS", "IN", "NNS"], pos=["VERB", "NOUN", "ADP", "NOUN"])
    assert (parse_number(doc, 1).value, parse_number(doc, 1).high) == (1e6, 1e7)


@pytest.mark.parametrize("text", ["millions more", "thousands Americans", "tens in a row", "scores"])
def test_a_vague_plural_without_of_stands_alone_or_is_not_read(text):
    number = parse_number(doc_of(text), 0)
    assert number is None or number.high is None


def test_spelled_out_numbers_need_a_cardinal_tag():
    words = ["two", "-", "thirds", "of", "nurses"]
    doc = built(words, spaces=[False, False, True, True, False], tags=["CD", "HYPH", "NNS", "IN", "NNS"])
    number = parse_number(doc, 0)
    assert number.value == pytest.approx(2 / 3) and number.kind == "fraction"
    assert parse_number(built(words, spaces=[False, False, True, True, False]), 0) is None


def test_one_after_a_determiner_is_a_pronoun():
    doc = built(["that", "one", "costs"], tags=["DT", "CD", "VBZ"])
    assert parse_number(doc, 1) is None


def test_an_ordinal_word_before_a_modifier_is_no_fraction():
    doc = built(["a", "third", "straight", "win"], pos=["DET", "ADJ", "ADJ", "NOUN"])
    assert parse_number(doc, 0) is None
    doc = built(["a", "third", "of", "nurses"], pos=["DET", "NOUN", "ADP", "NOUN"])
    assert parse_number(doc, 0).value == pytest.approx(1 / 3)


@pytest.mark.parametrize("words, spaces, value, end", [
    (["seven", "-", "and", "-", "a", "-", "half", "years"], [False] * 7 + [False], 7.5, 7),
    (["a", "1", "-", "in-233", "chance"], [True, False, False, True, False], 1 / 233, 4),
    (["a", "1", "-", "in", "-", "62", "chance"], [True] + [False] * 5 + [False], 1 / 62, 6),
])
def test_numbers_written_as_one_word_with_hyphens(words, spaces, value, end):
    doc = built(words, spaces=spaces, tags=["CD" if w in ("seven", "1") else "NN" for w in words])
    number = parse_number(doc, 1 if words[0] == "a" else 0)
    assert (number.value, number.end) == (pytest.approx(value), end)


def test_odds_against_zero_are_no_ratio():
    doc = built(["a", "-1", "-", "in-0", "chance"], spaces=[True, False, False, True, False],
                tags=["DT", "CD", "HYPH", "NN", "NN"])
    number = parse_number(doc, 1)
    assert number is None or number.kind != "ratio"


def test_a_ratio_needs_a_larger_second_number():
    assert parse_number(doc_of("5 in 2 cases"), 0).kind == "count"


@pytest.mark.parametrize("text, low, high", [("10 to 20 people", 10, 20), ("10-20 inches", 10, 20),
                                              ("between 10 and 20 percent", 10, 20)])
def test_range_ends(text, low, high):
    doc = doc_of(text)
    start = 1 if text.startswith("between") else 0
    second, unit, between = range_end(doc, parse_number(doc, start), None)
    assert second.value == high and between == text.startswith("between")


@pytest.mark.parametrize("text", ["7-2 to approve", "10 and 20 people"])
def test_no_range_for_a_score_or_a_bare_and(text):
    doc = doc_of(text)
    assert range_end(doc, parse_number(doc, 0), None) is None


@pytest.mark.parametrize("text, value", [("fourfold", 4), ("three-fold", 3), ("tenfold rise", 10), ("10-fold", 10),
                                         ("2 fold increase", 2)])
def test_fold_multiples(text, value):
    number = parse_number(doc_of(text), 0)
    assert (number.value, number.kind) == (value, "multiple")


@pytest.mark.parametrize("text, value", [("7 B users", 7e9), ("2.5 bn euros", 2.5e9), ("500 B of data", 500),
                                         ("1\u204464 of an inch", 1 / 64), ("2 1\u20442 cups", 2.5)])
def test_spaced_scales_and_the_fraction_slash(text, value):
    assert parse_number(doc_of(text), 0).value == pytest.approx(value)


def test_a_negator_glued_by_a_hyphen():
    doc = doc_of("minus-40 degrees")
    number = parse_number(doc, 0)
    assert (number.value, number.start_char) == (40, 6)


@pytest.mark.parametrize("text, value, end", [("12 million-plus votes", 12e6, "12 million-plus"), ("40-plus years", 40, "40-plus"),
                                             ("100+ people", 100, "100+")])
def test_plus_after_a_number_is_more_than_it(text, value, end):
    number = parse_number(doc_of(text), 0)
    assert (number.value, number.qualifier, text[number.start_char:number.end_char]) == (value, ">", end)


@pytest.mark.parametrize("text, low, high", [("double digits", 10, 99), ("single-digit growth", 1, 9), ("triple digits", 100, 999)])
def test_digit_counts_are_ranges(text, low, high):
    number = parse_number(doc_of(text), 0)
    assert (number.value, number.high) == (low, high)


@pytest.mark.parametrize("text", ["a pair of hoaxsters", "a couple of weeks"])
def test_a_pair_or_a_couple_of_is_two(text):
    assert parse_number(doc_of(text), 0).value == 2


@pytest.mark.parametrize("text, value", [("$5m last year", 5e6), ("£2.5m deal", 2.5e6), ("5m high", 5)])
def test_an_m_after_a_currency_is_millions_else_metres(text, value):
    doc = doc_of(text)
    number = parse_number(doc, next(t.i for t in doc if t.text[0].isdigit()))
    assert number.value == value


@pytest.mark.parametrize("text, low, high", [("100s of channels", 100, 1000), ("1000s of boxes", 1000, 10_000),
                                             ("10s of thousands of fans", 10_000, 100_000)])
def test_a_power_of_ten_in_digits_with_s_and_of_is_a_vague_amount(text, low, high):
    number = parse_number(doc_of(text), 0)
    assert (number.value, number.high) == (low, high)


@pytest.mark.parametrize("words, tags, surface, low", [
    (["in", "her", "20s"], ["IN", "PRP$", "NNS"], "20s", 20),
    (["in", "his", "mid-40s"], ["IN", "PRP$", "NNS"], "mid-40s", 40),
    (["in", "their", "early", "30s"], ["IN", "PRP$", "JJ", "NNS"], "30s", 30),
])
def test_a_decade_after_a_possessive_is_an_age(words, tags, surface, low):
    doc = built(words, tags=tags)
    number = parse_number(doc, words.index(surface))
    assert (number.value, number.high, number.kind) == (low, low + 9, "age")


@pytest.mark.parametrize("words, tags, i", [(["in", "the", "1990s"], ["IN", "DT", "NNS"], 2),
                                            (["in", "the", "80s"], ["IN", "DT", "NNS"], 2),
                                            (["100s", "were", "there"], ["NNS", "VBD", "RB"], 0)])
def test_decades_of_years_and_digit_plurals_without_of_are_no_range(words, tags, i):
    number = parse_number(built(words, tags=tags), i)
    assert number is None or (number.kind != "age" and number.high is None)


def test_a_decade_after_a_possessive_without_in_is_no_age():
    doc = built(["his", "60s", "records", "sold"], tags=["PRP$", "NNS", "NNS", "VBD"])
    number = parse_number(doc, 1)
    assert number is None or number.kind != "age"
