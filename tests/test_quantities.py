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
    assert half["counted"] == "hospitals"  # the head noun of the "of" phrase, as a count's
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


# ---- coverage of issue 3: each on a real-looking sentence --------------------------------------------------------

def one(run, text, surface):
    return by_text(quantities(run, text), surface)


@pytest.mark.parametrize("text, surface, value", [
    ("The county spent 1,200 hours on the audit.", "1,200 hours", 1200),
    ("Average wait times grew to 3.5 minutes.", "3.5 minutes", 3.5),
    ("The city has 1.2 million residents.", "1.2 million residents", 1.2e6),
    ("Its debt reached 3.5bn euros.", "3.5bn euros", 3.5e9),
    ("The state lost $4.2 billion.", "$4.2 billion", 4.2e9),
    ("Nearly 40K fans attended.", "Nearly 40K fans", 40e3),
    ("The district serves 12\u00a0000 pupils.", "12\u00a0000 pupils", 12000),
    ("A shortfall of 1\u202f234\u202f567 votes was reported.", "1\u202f234\u202f567 votes", 1234567),
    ("Twelve jurors heard the case.", "Twelve jurors", 12),
    ("Forty-seven homes burned.", "Forty-seven homes", 47),
    ("They seized a dozen rifles.", "a dozen rifles", 12),
    ("About 2.5 million doses were shipped.", "About 2.5 million doses", 2.5e6),
])
def test_numbers(run, text, surface, value):
    assert one(run, text, surface)["value"] == pytest.approx(value)


@pytest.mark.parametrize("text, surface, low, high", [
    ("Hundreds of protesters marched.", "Hundreds", 100, 1000),
    ("Tens of thousands of people fled.", "Tens of thousands", 10_000, 100_000),
    ("A PAC is spending millions in an effort to stop him.", "millions", 1e6, 1e7),
    ("Trump has won the support of millions by echoing themes.", "millions", 1e6, 1e7),
    ("She lives in a multi-million-dollar mansion.", "multi-million-dollar", 1e6, 1e7),
])
def test_vague_amounts_are_ranges(run, text, surface, low, high):
    """CQE's reading of vague amounts: "hundreds" is 100 to 1,000, with no value and no qualifier."""
    found = one(run, text, surface)
    assert (found["value"], found["low"], found["high"], found["qualifier"]) == (None, low, high, "=")


@pytest.mark.parametrize("text, surface, value, kind, unit", [
    ("Turnout fell 4 per cent.", "4 per cent", 4, "percent", "percent"),
    ("Turnout fell 4%.", "4%", 4, "percent", "percent"),
    ("Margins rose 4 pct.", "4 pct", 4, "percent", "percent"),
    ("Support slipped 2 percentage points.", "2 percentage points", 2, "percent", "percentage point"),
    ("Three out of 10 voters are undecided.", "Three out of 10", 0.3, "ratio", "ratio"),
    ("1 in 5 teens vapes.", "1 in 5", 0.2, "ratio", "ratio"),
    ("Two-thirds of nurses agree.", "Two-thirds", 2 / 3, "fraction", "fraction"),
    ("A quarter of homes flooded.", "A quarter", 0.25, "fraction", "fraction"),
    ("Only 1/3 of the funds arrived.", "1/3", 1 / 3, "fraction", "fraction"),
    ("The homicide rate was 5.3 per 100,000 residents.", "5.3 per 100,000 residents", 5.3, "rate", "per 100000 residents"),
])
def test_percentages_and_rates(run, text, surface, value, kind, unit):
    q = one(run, text, surface)
    assert q["value"] == pytest.approx(value) and q["kind"] == kind and q["unit_normalized"] == unit


@pytest.mark.parametrize("text, surface, qualifier", [
    ("Up to 300 people may lose power.", "Up to 300 people", "<="),
    ("At least 12 were hurt.", "At least 12", ">="),
    ("No more than 40 guests are allowed.", "No more than 40 guests", "<="),
    ("Fewer than 20 beds remain.", "Fewer than 20 beds", "<"),
    ("More than 90 firefighters responded.", "More than 90 firefighters", ">"),
    ("Almost 70 homes burned.", "Almost 70 homes", "~"),
    ("Roughly 15 schools closed.", "Roughly 15 schools", "~"),
    ("Some 200 workers struck.", "Some 200 workers", "~"),
])
def test_bounds_and_approximations(run, text, surface, qualifier):
    assert one(run, text, surface)["qualifier"] == qualifier


def test_just_and_only_stay_outside_the_span(run):
    q = quantities(run, "Just 18 percent of shots hit, and only 3 officers were trained.")
    assert [x["text"] for x in q] == ["18 percent", "3 officers"] and all(x["qualifier"] == "=" for x in q)


def test_ranges(run):
    q = one(run, "Between 10 and 20 percent of trees died.", "Between 10 and 20 percent")
    assert (q["low"], q["high"], q["value"], q["unit_normalized"]) == (10, 20, None, "percent")
    q = one(run, "The storm dropped 10-20 inches of snow.", "10-20 inches")
    assert (q["low"], q["high"], q["kind"]) == (10, 20, "length")


@pytest.mark.parametrize("text, surface, change, value, previous", [
    ("Fares rose 20% in March.", "20%", "up", 20, None),
    ("Approval fell by 3 points.", "3 points", "down", 3, None),
    ("Enrollment doubled.", "doubled", "up", 2, None),
    ("Sales tripled last year.", "tripled", "up", 3, None),
    ("The backlog halved.", "halved", "down", 0.5, None),
    ("Cases rose from 12 to 15 a week.", "12 to 15", "up", 15, 12),
    ("About 96,000 people ride the bus, up from 81,000 in 2022.", "About 96,000 people", "up", 96000, 81000),
])
def test_changes(run, text, surface, change, value, previous):
    q = one(run, text, surface)
    assert q["change"] == change and q["value"] == pytest.approx(value) and q["previous"] == previous


@pytest.mark.parametrize("text, surface, kind, unit", [
    ("The fine was £250,000.", "£250,000", "money", "GBP"),
    ("The grant is worth €3 million.", "€3 million", "money", "EUR"),
    ("A 17-year-old was arrested.", "17-year-old", "age", "year"),
    ("The trail runs 6.5 miles.", "6.5 miles", "length", "mile"),
    ("Police seized 40 kilograms of cocaine.", "40 kilograms", "mass", "kilogram"),
    ("Temperatures hit 114 degrees Fahrenheit.", "114 degrees Fahrenheit", "temperature", "degree_Fahrenheit"),
    ("Wind gusts reached 80 mph.", "80 mph", "speed", "mile / hour"),
    ("The fire burned 12,000 acres.", "12,000 acres", "area", "acre"),
    ("Talks lasted 14 hours.", "14 hours", "duration", "hour"),
    ("He earns $15 an hour.", "$15 an hour", "money", "USD / hour"),
])
def test_units(run, text, surface, kind, unit):
    q = one(run, text, surface)
    assert q["kind"] == kind and q["unit_normalized"] == unit


def test_counted_noun_and_time_scope(run):
    q = one(run, "Since 2019, 106 mass shootings were recorded in Texas.", "106 mass shootings")
    assert q["counted"] == "mass shootings" and q["time"] == "2019" or q["time"] == "Since 2019"
    assert q["place"] == "Texas"
    q = one(run, "Last year 12 dead were counted.", "12 dead")
    assert q["counted"] == "dead" and q["time"] == "Last year"


@pytest.mark.parametrize("text, number", [
    ("Seven F-35 jets flew over.", "35"),
    ("He read Catch-22 twice.", "22"),
    ("Section 8 vouchers are scarce.", "8"),
    ("See page 12 of the report.", "12"),
    ("Read chapter 3 first.", "3"),
    ("The shop at 1600 Pennsylvania Ave is closed.", "1600"),
    ("1. Introduction\n2. Methods", "1"),
    ("The Lakers won 112-104 on Sunday.", "112"),
    ("He called 999 at once.", "999"),
    ("The clinic opens at 9 a.m. daily.", "9"),
])
def test_more_not_quantities(run, text, number):
    q = quantities(run, text)
    assert not any(number in x["text"] for x in q), q
