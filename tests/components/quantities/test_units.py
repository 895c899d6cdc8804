"""Reading units and currencies (`pipeline.components.quantities.units`) on blank and hand-built Docs."""
import pytest

from pipeline.components.quantities import unit_registry as public_registry
from pipeline.components.quantities.numbers import parse_literal, parse_number
from pipeline.components.quantities.units import (is_clock_time, pint_expression, symbol_after, symbol_before,
                                                  unit_after, unit_registry)

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
