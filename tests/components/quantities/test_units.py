"""Reading units and currencies (`pipeline.components.quantities.units`) on blank and hand-built Docs."""
import pytest

from pipeline.components.quantities import unit_registry as public_registry
from pipeline.components.quantities.find import quantities_of
from pipeline.components.quantities.lexicon import tables
from pipeline.components.quantities.numbers import Number, literal_value, parse_literal, parse_number
from pipeline.components.quantities.units import (currency_prefix_end, is_clock_time, pint_expression, symbol_after,
                                                  symbol_before, unit_after, unit_registry)

from .docs import built, doc_of


def test_the_registry_is_pint_s_and_loaded_once():
    assert unit_registry() is unit_registry() is public_registry()
    assert str(unit_registry().parse_units("km/s**2")) == "kilometer / second ** 2"


@pytest.mark.parametrize("written, expression", [("km/s2", "km/s**2"), ("J/m^2", "J/m**2"), ("km²", "km**2"),
                                                 ("fb−1", "fb**-1"), ("kilogramme", "kilogram")])
def test_pint_expressions(written, expression):
    assert pint_expression(written) == expression


@pytest.mark.parametrize("text, surface, normalized, kind", [
    ("40 miles long", "miles", "mile", "length"),
    ("4 percent of them", "percent", "percent", "percent"),
    ("80 mph winds", "mph", "mile / hour", "speed"),
    ("6.5 km/s2 now", "km/s2", "kilometer / second ** 2", "length"),  # units.json's dimension kinds
    ("17-year-old", "-year-old", "year", "age"),
    ("3 in thick", "in", "inch", "length"),
    ("10 metres squared", "metres squared", "meter ** 2", "area"),
    ("9.83e-3 +/- 1e-5 km/s2", "km/s2", "kilometer / second ** 2", "length"),
])
def test_unit_after_a_number(text, surface, normalized, kind):
    unit = unit_after(doc_of(text), parse_literal(doc_of(text), 0))
    assert (unit.surface.strip(), unit.normalized, unit.kind) == (surface, normalized, kind)


def test_a_rate_after_the_unit():
    doc = doc_of("40 miles per hour")
    assert unit_after(doc, parse_literal(doc, 0)).normalized == "mile / hour"
    doc = doc_of("12 tonnes annually")
    assert unit_after(doc, parse_literal(doc, 0)).normalized.endswith("/ year")


@pytest.mark.parametrize("text", ["at 2 pm", "at 3 in the morning", "5 people", "5 m people"])
def test_no_unit(text):
    doc = doc_of(text)
    i = next(t.i for t in doc if t.like_num)
    assert unit_after(doc, parse_literal(doc, i)) is None


def test_clock_times_are_not_picometres():
    doc = doc_of("at 2.13 pm")
    assert is_clock_time(doc, parse_literal(doc, 1))
    doc = doc_of("of 2.1 pm")
    assert not is_clock_time(doc, parse_literal(doc, 1))
    assert unit_after(doc, parse_literal(doc, 1)).normalized == "picometer"


def test_pounds_are_money_only_in_a_money_context():
    doc = doc_of("over 2 pounds of fish")
    assert unit_after(doc, parse_literal(doc, 1)).normalized == "pound"
    doc = doc_of("20 million pounds")
    assert unit_after(doc, parse_literal(doc, 0)).normalized == "GBP"


@pytest.mark.parametrize("text, normalized", [("$4.2 billion", "USD"), ("£250,000", "GBP"), ("US$ 150", "USD"),
                                              ("€3 million", "EUR")])
def test_currency_symbol_before(text, normalized):
    doc = doc_of(text)
    i = next(t.i for t in doc if t.text[0].isdigit())
    start, entry = symbol_before(doc, parse_literal(doc, i))
    assert start == 0 and entry["normalized"] == normalized


def test_currency_symbol_after():
    doc = built(["15", "€"], spaces=[False, False])
    end, entry = symbol_after(doc, parse_literal(doc, 0))
    assert end == 3 and entry["normalized"] == "EUR"


def test_a_spelled_out_number_takes_its_unit_from_the_table():
    from pipeline.components.quantities.units import unit_after_words

    doc = built(["six", "gallons"], tags=["CD", "NNS"], pos=["NUM", "NOUN"])
    number = parse_number(doc, 0)
    assert unit_after_words(doc, number, number.end_char).normalized == "gallon"


# ---------------------------------------------------------------------------------------------- issue 16

def number_from(doc, char):
    """The digit literal starting at character `char` (inside a token, as after "INR" in "INR2"), by hand."""
    m = tables()["literal"].match(doc.text, char)
    i = next(t.i for t in doc if t.idx <= char < t.idx + len(t))
    return Number(i, i + 1, literal_value(m), char, m.end(), digits=True)


@pytest.mark.parametrize("text, written, normalized", [
    ("Shares closed at Y=12,400.", "Y=", "JPY"),  # wire-style yen
    ("The plan costs INR2 trillion.", "INR", "INR"),  # ISO codes, from babel
    ("A fine of EUR1.2bn", "EUR", "EUR"),
    ("the SGD50 note", "SGD", "SGD"),
    ("He earns $US41,000 a year.", "$US", "USD"),
    ("She paid $A9,300.", "$A", "AUD"),
    ("He was fined RM85,000.", "RM", "MYR"),
    ("Gains of NZ$5 million", "NZ$", "NZD"),  # babel's English symbol
    ("It cost Rs.500 crore", "Rs.", "INR"),
    ("a bond of nzd$15", "nzd$", "NZD"),
])
def test_a_currency_written_against_the_digits(text, written, normalized):
    doc = doc_of(text)
    i = next(t.i for t in doc if any(c.isdigit() for c in t.text) and not t.text[0].isdigit())
    at = currency_prefix_end(doc, i)
    assert at == next(k for k, c in enumerate(text) if c.isdigit())
    start, entry = symbol_before(doc, number_from(doc, at))
    assert (text[start:at], entry["normalized"], entry["kind"]) == (written, normalized, "money")


@pytest.mark.parametrize("text", ["A COVID19 case", "the TOP10 list", "the COP26 summit", "a PHP7 server", "y=12",
                                  "the MP3 player", "a G20 summit", "Mrs.5", "X$5", "a CRC32 check", "RON95 petrol"])
def test_letters_against_digits_that_are_no_currency(text):
    doc = doc_of(text)
    assert all(currency_prefix_end(doc, t.i) is None for t in doc)


@pytest.mark.parametrize("text, written, normalized", [
    ("A HK $2.5 billion deal.", "HK $", "HKD"),  # the letters end right before the sign
    ("to hk $ 10.05 billion", "hk $", "HKD"),
    ("ranges between c $ 16.4 million", "c $", "CAD"),
    ("the U.S. $5 billion aid", "$", "USD"),  # a word before the sign, only where it changes the currency
    ("A US$90-million contract.", "US$", "USD"),
    ("Revenue was R$ 3 billion.", "R$", "BRL"),
    ("worth mxn$ 15", "mxn$", "MXN"),
    ("It costs INR 2 trillion.", "INR", "INR"),  # a code one space before
    ("costs CHF 1.5 million", "CHF", "CHF"),
])
def test_a_currency_before_a_sign_or_a_space(text, written, normalized):
    doc = doc_of(text)
    i = next(t.i for t in doc if t.text[0].isdigit())
    start, entry = symbol_before(doc, parse_literal(doc, i))
    assert (text[start:doc[i].idx].strip(), entry["normalized"]) == (written, normalized)


@pytest.mark.parametrize("text", ["A $300 million contract", "She paid $9,300.", "a $ 4 billion deal",
                                  "country music ' s $ 500 million man", "the music's $500 million man",
                                  "the old U.S. $10 bill", "russia accepted a us $ 150 million loan"])
def test_a_word_before_the_sign_is_no_prefix(text):
    doc = doc_of(text)
    i = next(t.i for t in doc if t.text[0].isdigit())
    start, entry = symbol_before(doc, parse_literal(doc, i))
    assert (text[start], entry["normalized"]) == ("$", "USD")


def test_a_pronoun_before_the_sign_is_no_prefix():
    doc = built(["It", "cost", "us", "$", "5", "million"], spaces=[True, True, True, False, True, False],
                pos=["PRON", "VERB", "PRON", "SYM", "NUM", "NUM"])
    start, entry = symbol_before(doc, parse_literal(doc, 4))
    assert (start, entry["normalized"]) == (doc[3].idx, "USD")


@pytest.mark.parametrize("text", ["USD 5 million was raised", "IN THE EUR 5 ZONE", "the XYZ 5 plan", "the TOP 10",
                                  "an INR  2 trillion plan", "progress on SDG 4", "the BSD 3 licence"])
def test_no_code_before_the_number(text):
    doc = doc_of(text)
    i = next(t.i for t in doc if t.text[0].isdigit())
    assert symbol_before(doc, parse_literal(doc, i)) is None


def test_a_currency_sign_of_babel_after_the_number():
    doc = built(["100", "₩"], spaces=[False, False])
    end, entry = symbol_after(doc, parse_literal(doc, 0))
    assert end == 4 and entry["normalized"] == "KRW"


@pytest.mark.parametrize("text, surface, normalized, kind", [
    ("over 12,000 KB.", "KB", "kilobyte", "data"),  # units.json's pint_spellings: pint's "kB"
    ("a 100 MB file", "MB", "megabyte", "data"),
    ("31 mpg.", "mpg", "mile / gallon", "fuel economy"),
    ("15 ppb.", "ppb", "ppb", "concentration"),  # units.json's pint_definitions
    ("70 ppt in water", "ppt", "ppt", "concentration"),
    ("15 ppm of lead", "ppm", "ppm", "concentration"),
    ("50 ksi.", "ksi", "kip_per_square_inch", "pressure"),
    ("27 points per game.", "points per game", "point / game", "rate"),  # not poll points
    ("12 points a match", "points a match", "point / match", "rate"),
    ("a 25 Mb line.", "Mb", "megabit", "data"),  # bits, not pint's millibarns
    ("5 N·m of torque", "N·m", "meter * newton", "energy"),  # a product the writing shows
])
def test_units_of_issue_16(text, surface, normalized, kind):
    doc = doc_of(text)
    i = next(t.i for t in doc if t.text[0].isdigit())
    unit = unit_after(doc, parse_literal(doc, i))
    assert (unit.surface.strip(), unit.normalized, unit.kind) == (surface, normalized, kind)


@pytest.mark.parametrize("text", ["the 3 U.S states", "the 4 MN4 code"])
def test_no_product_or_power_of_units_the_writing_does_not_show(text):
    doc = doc_of(text)
    i = next(t.i for t in doc if t.text[0].isdigit())
    assert unit_after(doc, parse_literal(doc, i)) is None


def test_points_over_a_duration_stay_a_rate_of_points():
    doc = doc_of("3 points a week")
    unit = unit_after(doc, parse_literal(doc, 0))
    assert (unit.normalized, unit.kind) == ("percent / week", "percent")


@pytest.mark.parametrize("text, surface, value, normalized, kind", [
    ("A HK $2.5 billion deal.", "HK $2.5 billion", 2.5e9, "HKD", "money"),
    ("It costs INR 2 trillion.", "INR 2 trillion", 2e12, "INR", "money"),
    ("The file is over 12,000 KB.", "over 12,000 KB", 12000, "kilobyte", "data"),
    ("The car gets 31 mpg.", "31 mpg", 31, "mile / gallon", "fuel economy"),
    ("Lead was 15 ppb.", "15 ppb", 15, "ppb", "concentration"),
    ("Steel of 50 ksi.", "50 ksi", 50, "kip_per_square_inch", "pressure"),
    ("A $300 million contract.", "$300 million", 3e8, "USD", "money"),
    ("He scored 27 points per game.", "27 points per game", 27, "point / game", "rate"),
    ("Shares closed at Y=12,400.", "Y=12,400", 12400, "JPY", "money"),
    ("The plan costs INR2 trillion.", "INR2 trillion", 2e12, "INR", "money"),
    ("He earns $US41,000.", "$US41,000", 41000, "USD", "money"),
    ("She paid $A9,300.", "$A9,300", 9300, "AUD", "money"),
    ("He was fined RM85,000.", "RM85,000", 85000, "MYR", "money"),
    ("A US$90-million contract.", "US$90-million", 9e7, "USD", "money"),
    ("a 3.4-billion-euro plan", "3.4-billion-euro", 3.4e9, "EUR", "money"),
])
def test_quantities_of_issue_16(text, surface, value, normalized, kind):
    (span, q), = quantities_of(doc_of(text))
    assert (q.text, q.value, q.unit_normalized, q.kind) == (surface, value, normalized, kind)
    assert text[q.start:q.end] == q.text


def test_a_code_tagged_as_a_proper_noun_is_a_currency():
    doc = built(["It", "costs", "CHF", "1.5", "million", "."], spaces=[True, True, True, True, False, False],
                pos=["PRON", "VERB", "PROPN", "NUM", "NUM", "PUNCT"])
    (span, q), = quantities_of(doc)
    assert (q.text, q.value, q.unit_normalized, q.kind) == ("CHF 1.5 million", 1.5e6, "CHF", "money")


@pytest.mark.parametrize("text, surface, normalized", [
    ("CBS secured $2 million per episode.", "$2 million per episode", "USD / episode"),
    ("Oil hit $50 a barrel.", "$50 a barrel", "USD / barrel"),
    ("He earns $15 an hour.", "$15 an hour", "USD / hour"),
])
def test_money_over_a_noun_is_a_price_per_that_noun(text, surface, normalized):
    doc = built(*zip(*[(t.text, t.whitespace_ != "") for t in doc_of(text)]),
                pos=["NOUN" if t.text in ("episode", "barrel", "hour") else "X" for t in doc_of(text)])
    (span, q), = quantities_of(doc)
    assert (q.text, q.unit_normalized, q.kind) == (surface, normalized, "money")


@pytest.mark.parametrize("text, inch", [('a 24" screen', True), ("a 55″ TV", True), ('He said "we have 24" then', False),
                                        ("He said “they had 24” then", False), ('Size 24"x', False)])
def test_a_double_prime_or_a_quotation_mark_that_closes_no_quotation_is_an_inch_mark(text, inch):
    doc = doc_of(text)
    i = next(t.i for t in doc if t.text[:2].isdigit())
    unit = unit_after(doc, parse_literal(doc, i))
    assert (unit is not None and unit.normalized == "inch") == inch
