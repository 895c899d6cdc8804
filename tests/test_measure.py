"""A figure's measure read from hand-built records, and when two measures allow the same claim."""
from pipeline.linking.measure import Measure, compatible, measures, statistic, years_in, years_meet
from pipeline.records import Article, Attribution, Claim, Entity, Quantity, Result, Source, TextSpan

TEXT = ("A study by Texas State University found that just 4 percent of 106 mass shootings in Ohio between 2000 and "
        "2015 ended with the shooter shot, the center said.")


def span(text: str) -> TextSpan:
    start = TEXT.index(text)
    return TextSpan(text, start, start + len(text))


def result() -> Result:
    tsu, ohio, share = span("Texas State University"), span("Ohio"), span("4 percent")
    content = span("just 4 percent of 106 mass shootings in Ohio between 2000 and 2015 ended with the shooter shot")
    return Result(
        Article("a"), TEXT,
        entities=[Entity("e1", tsu.text, tsu.start, tsu.end, "organization", "ORG", tsu.text),
                  Entity("e2", ohio.text, ohio.start, ohio.end, "place", "GPE", "Ohio")],
        quantities=[Quantity("q1", share.text, share.start, share.end, 4.0, unit="percent", unit_normalized="percent",
                             kind="percent", base=106.0, counted="Mass shootings", time="between 2000 and 2015",
                             place="Ohio")],
        attributions=[Attribution("a1", "indirect", Source(span("A study by Texas State University").text, 0, 33,
                                                           "e1", "Texas State University"),
                                  span("found"), content)],
        claims=[Claim("c1", content.text, content.start, content.end, ["q1"], "a1", "Texas State University")])


def test_a_figure_measures_its_subject_base_place_years_and_body():
    assert measures(result()) == {"q1": Measure("share", "mass shootings", 106.0, "Ohio", "2000-2015",
                                                "Texas State University")}


def test_the_body_is_named_in_the_claim_when_the_source_is_not_a_body():
    r = result()
    r.attributions[0].source = Source("the center", 130, 140, None, "center")
    r.claims[0].start = 0  # the claim as the whole sentence: "A study by Texas State University found that ..."
    assert measures(r)["q1"].body == "Texas State University"
    r.claims[0].start = TEXT.index("just")
    assert measures(r)["q1"].body is None


def test_shares_are_one_statistic_and_other_kinds_go_by_unit():
    assert statistic("percent", "percent") == statistic("ratio", None) == "share"
    assert statistic("money", "USD") == "money USD" != statistic("money", "EUR")


def test_years_are_read_from_the_first_text_that_names_any():
    assert years_in("between 2000 and 2015") == "2000-2015"
    assert years_in(None, "in March 2019, up from 2015") == "2015-2019"
    assert years_in("last week", "rose 4 percent") is None
    assert years_meet("2000-2015", "2015") and not years_meet("2015", "2019")


def test_measures_agree_unless_a_part_both_give_differs():
    share = Measure("share", "mass shootings", 106.0, "Ohio", "2000-2015")
    assert compatible(share, Measure("share"))
    assert compatible(share, Measure("share", years="2014", place="ohio"))
    assert not compatible(share, Measure("share", years="2019"))
    assert not compatible(share, Measure("share", place="Texas"))
    assert not compatible(share, Measure("share", population=160.0))
    assert not compatible(share, Measure("count", "mass shootings"))
