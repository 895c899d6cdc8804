"""Quantity stage: values, units, counted nouns, qualifiers, bases, time scope, and what is not a quantity."""
import pytest

from conftest import by_text


def quantities(run, text):
    return run(text)["quantities"]


def test_percent_with_nbsp_base_counted_and_time(run):
    q = quantities(run, "Only 7\u00a0percent of 212 robberies it reviewed between 2010 and 2019 were solved.")
    pct = by_text(q, "7\u00a0percent")
    assert pct["value"] == 7 and pct["kind"] == "percent" and pct["unit_normalized"] == "percent"
    assert pct["qualifier"] == "=" and pct["base"] == 212 and pct["counted"] == "robberies"
    assert pct["time"] == "between 2010 and 2019"
    assert by_text(q, "212 robberies")["value"] == 212
    assert not any(x["text"] in ("2010", "2019") for x in q)


@pytest.mark.parametrize("text, surface, value, qualifier", [
    ("The storm left 9 dead across the county.", "9 dead", 9, "="),
    ("Nearly an hour passed before help came.", "Nearly an hour", 1, "~"),
    ("He was missing for more than four days.", "more than four days", 4, ">"),
    ("At least 30 people were hurt.", "At least 30 people", 30, ">="),
    ("The fund holds $4.2 billion.", "$4.2 billion", 4.2e9, "="),
    ("Forty-seven workers were laid off.", "Forty-seven workers", 47, "="),
    ("Fewer than 1,200 ballots were cast.", "Fewer than 1,200 ballots", 1200, "<"),
])
def test_values_and_qualifiers(run, text, surface, value, qualifier):
    q = by_text(quantities(run, text), surface)
    assert q["value"] == pytest.approx(value) and q["qualifier"] == qualifier


def test_fractions_with_counted_noun(run):
    q = quantities(run, "More than half of the nation’s hospitals are full, and a third of nurses plan to leave.")
    half = by_text(q, "More than half")
    assert half["value"] == 0.5 and half["kind"] == "fraction" and half["qualifier"] == ">"
    assert half["counted"] == "the nation’s hospitals"
    third = by_text(q, "a third")
    assert third["value"] == pytest.approx(1 / 3) and third["counted"] == "nurses"


def test_ranges_carry_magnitude(run):
    q = by_text(quantities(run, "The project will cost 10 to 20 billion dollars."), "10 to 20 billion dollars")
    assert q["value"] is None and q["low"] == 10e9 and q["high"] == 20e9 and q["unit_normalized"] == "USD"


def test_ratio(run):
    q = by_text(quantities(run, "About one in five adults smokes."), "About one in five")
    assert q["value"] == pytest.approx(0.2) and q["kind"] == "ratio" and q["qualifier"] == "~"


@pytest.mark.parametrize("text, number", [
    ("Dispatchers took dozens of 911 calls that night.", "911"),
    ("The law was passed in 2012.", "2012"),
    ("The shooting happened on Oct. 27 in Pittsburgh.", "27"),
    ("COVID-19 cases were falling.", "19"),
    ("Traffic on Route 66 was closed.", "66"),
    ("The meeting starts at 3:30 p.m. sharp.", "3:30"),
    ("She finished first, the third time she had tried.", "first"),
    ("The council voted 7-2 to approve it.", "7"),
])
def test_not_quantities(run, text, number):
    q = quantities(run, text)
    assert not any(number in x["text"] for x in q), q


def test_change(run):
    q = by_text(quantities(run, "Prices rose 20% last year."), "20%")
    assert q["change"] == "up" and q["value"] == 20 and q["time"] == "last year"
