"""The held-out quantity set (eval/quantity_set.py) and its CQE-convention scorer (eval/news_quantity_score.py), on
stand-ins: no PolNeAR or CLEF text is bundled."""
import json
from collections import Counter

from eval import news_quantity_score as S
from eval import quantity_set
from eval.news_quantity_score import Found


def test_the_committed_set_is_321_items_in_two_halves_with_quantities_in_cqe_form():
    rows = [json.loads(line) for line in quantity_set.GOLD.read_text("utf-8").splitlines()]
    assert len(rows) == 321 and Counter(r["half"] for r in rows) == {"dev": 161, "test": 160}
    assert Counter(r["source"] for r in rows) == {"polnear": 201, "clef": 120}
    for r in rows:
        assert "text" not in r and len(r["sha1"]) == 40
        for q in r["quantities"]:
            assert q["change"] in ("=", "~", ">", "<", "up", "down") and q["unit"]
            assert ("value" in q) != ("low" in q and "high" in q)
            assert len(q["text"]) == q["end"] - q["start"]


def test_the_outlets_set_is_401_items_split_by_page_with_a_second_annotation_of_40():
    rows = [json.loads(line) for line in quantity_set.GOLDS["outlets"].read_text("utf-8").splitlines()]
    assert len(rows) == 401 and Counter(r["half"] for r in rows) == {"dev": 197, "test": 204}
    assert Counter(r["source"] for r in rows) == {"wikinews": 301, "polnear": 100}
    halves_of_page = {}
    for r in rows:
        halves_of_page.setdefault(r["file"], set()).add(r["half"])
        assert "text" not in r and len(r["sha1"]) == 40
        for q in r["quantities"]:
            assert q["change"] in ("=", "~", ">", "<", "up", "down") and q["unit"]
            assert ("value" in q) != ("low" in q and "high" in q)
    assert all(len(h) == 1 for h in halves_of_page.values())  # no page in both halves
    news_files = {json.loads(line)["file"] for line in quantity_set.GOLD.read_text("utf-8").splitlines()}
    assert not news_files & set(halves_of_page)
    second = (quantity_set.GOLDS["outlets"].parent / "second.jsonl").read_text("utf-8").splitlines()
    assert len(second) == 40


def test_a_second_annotator_is_scored_against_the_gold_on_the_items_both_annotated(tmp_path):
    gold_file = tmp_path / "gold.jsonl"
    (tmp_path / "second.jsonl").write_text(json.dumps({"n": 1, "quantities": [
        {"value": 5.0, "unit": "percentage", "change": "="}, {"value": 7.0, "unit": "-", "change": "="}]}) + "\n")
    items = [quantity_set.Item(n, "dev", "wikinews", "t", [gold(5.0, unit="percentage")]) for n in (1, 2)]
    totals = S.agreement(items, gold_file)
    assert (totals["value"].precision, totals["value"].recall) == (0.5, 1.0)  # item 2 has no second annotation
    assert S.agreement(items, tmp_path / "elsewhere" / "gold.jsonl") is None


def gold(value=None, low=None, high=None, unit="-", change="="):
    return quantity_set.GoldQuantity(0, 1, "x", value, low, high, unit, change)


def test_values_match_as_cqe_matches_them():
    assert S.same_value(Found(2.5e9, None, None, "USD", "="), gold(2500000000.0))
    assert not S.same_value(Found(2.5, None, None, "USD", "="), gold(2500000000.0))
    assert S.same_value(Found(None, 10, 20, "km", "="), gold(low=10, high=20))
    assert not S.same_value(Found(None, 20, 10, "km", "="), gold(low=10, high=20))  # text order
    assert not S.same_value(Found(15, None, None, "km", "="), gold(low=10, high=20))  # a range is no value


def test_units_compare_normalised():
    assert S.unit_form("USD") == S.unit_form("dollar")
    assert S.unit_form("kilometer") == S.unit_form("kilometre")
    assert S.unit_form("percent") == S.unit_form("percentage")
    assert S.unit_form("detainees") == S.unit_form("detainee")
    assert S.unit_form("deputies") == S.unit_form("deputy") and S.unit_form("dollars") == S.unit_form("USD")
    assert S.unit_form("% voters") == S.unit_form("% voter") and S.unit_form("-") != S.unit_form("detainee")


def test_newsclaims_quantities_in_cqe_terms():
    from pipeline.records import Quantity

    def q(text, **fields):
        return Quantity(id="q1", text=text, start=0, end=len(text), **fields)

    assert S.newsclaims_found(q("$2,415 to $2,315", value=2315.0, previous=2415.0, change="down", kind="money",
                                unit_normalized="USD")) == Found(None, 2415.0, 2315.0, "USD", "down")
    assert S.newsclaims_found(q("96,000 people", value=96000.0, previous=81000.0, change="up", counted="people")) \
        == Found(96000.0, None, None, "people", "up")  # "up from 81,000" is a figure of its own
    assert S.newsclaims_found(q("92", value=92.0, kind="age")).unit == "year of age"
    assert S.newsclaims_found(q("more than 90", value=90.0, qualifier=">")).change == ">"


def test_each_gold_quantity_and_prediction_is_used_once():
    golds = [gold(5.0, unit="percentage", change="up"), gold(5.0, unit="dollar")]
    preds = [Found(5.0, None, None, "percent", "up")]
    assert (S.count(preds, golds, S.MATCHES["value"]).tp, S.count(preds, golds, S.MATCHES["value"]).fn) == (1, 1)
    assert S.count(preds, golds, S.MATCHES["value+change"]).tp == 1


def test_figures_are_digit_runs_other_than_years_ordinals_dates_and_codes():
    text = "In 2014, 1,200 people paid $7,600 on Dec. 12 for an AR-15 on the 22nd day; 2016% is odd, $2016 too."
    assert [text[s:e] for s, e in S.figures(text)] == ["1,200", "7,600", "2016", "2016"]


def test_figures_that_state_an_amount_leave_out_names_dates_and_times():
    text = "After 9/11, Flight 370 left at 4 PM; in the 1990s, 40 people at 10:30 paid 12 percent; 911 deaths."
    assert [text[s:e] for s, e in S.figures(text)] == ["9", "11", "370", "4", "40", "10", "30", "12", "911"]
    assert [text[s:e] for s, e in S.figures(text, amounts_only=True)] == ["40", "12", "911"]
    text = "In 1692, the 2014-15 season ran Oct. 7-10 and HR 1313 passed 40 to 12."
    assert [text[s:e] for s, e in S.figures(text, amounts_only=True)] == ["40", "12"]


def test_counted_nouns_compare_lower_cased_and_singular_whatever_their_tag():
    assert S.unit_form("Americans") == S.unit_form("american") and S.unit_form("Sri Lankans") == S.unit_form("sri lankan")
    assert S.unit_form("overs") == S.unit_form("over")  # a stop word alone is still the noun
    assert S.unit_form("gas") != S.unit_form("ga") and S.unit_form("mass shootings") == "mass shooting"
