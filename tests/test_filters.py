"""Query arguments are checked before SQL, so both stores take or refuse the same values with the same message."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import pipeline
from pipeline.store import Store
from pipeline.store.filters import FilterError, date_filter, number_filter, published_bounds, text_filter

ROOT = Path(__file__).resolve().parent.parent


def test_dates_with_one_digit_months_and_days_are_dates():
    assert date_filter("since", "2024-4-3").isoformat() == "2024-04-03"


@pytest.mark.parametrize("value", ["yesterday", "2024-13-01", "2024-02-30", "13/04/2024", ""])
def test_what_is_not_a_date_is_refused_by_name(value):
    with pytest.raises(FilterError, match=f"since {value!r} is not a date"):
        date_filter("since", value)


def test_until_takes_in_the_whole_day_and_an_empty_range_is_refused():
    assert published_bounds("2024-4-13", "2024-04-13") == ("2024-04-13", "2024-04-14")
    with pytest.raises(FilterError, match="after until"):
        published_bounds("2024-05-01", "2024-04-13")


@pytest.mark.parametrize("value", [float("nan"), float("inf"), -float("inf")])
def test_numbers_must_be_finite(value):
    with pytest.raises(FilterError, match="max must be a finite number"):
        number_filter("max", value)


def test_nul_characters_are_refused():
    with pytest.raises(FilterError, match="outlet contains a NUL character"):
        text_filter("outlet", "Wire\x00")


@pytest.fixture(scope="module")
def results():
    lines = (ROOT / "corpora" / "samples" / "wire.jsonl").read_text("utf-8").splitlines()
    return list(pipeline.extract_many([json.loads(line) for line in lines]))


def test_both_stores_answer_the_same_to_checked_filters(store_url, results):
    store = Store.open(store_url)
    store.add(results)
    published = sorted(r.article.published for r in results if r.article.published)
    day = published[0][:10]
    year, month, dom = (int(x) for x in day.split("-"))
    assert store.claims(since=f"{year}-{month}-{dom}") == store.claims(since=day)  # one-digit forms are dates
    assert store.claims(until=day) and all(c.published[:10] <= day for c in store.claims(until=day))
    for bad in ({"since": "yesterday"}, {"max_value": float("nan")}, {"outlet": "a\x00b"}, {"text_query": "\x00"}):
        with pytest.raises(FilterError):
            store.claims(**bad)
    with pytest.raises(FilterError, match="article id contains a NUL"):
        store.get("v-0\x00")


def test_both_stores_refuse_the_same_records_with_the_same_message(store_url, results):
    from pipeline.records import Result
    from pipeline.store import StoreError

    store = Store.open(store_url)
    record = results[0].to_dict()
    long_id = {**record, "article": {**record["article"], "id": "x" * 201}}
    long_date = {**record, "article": {**record["article"], "published": "2024-04-12" * 7}}
    nul = {**record, "text": record["text"].replace(" ", "\x00", 1)}
    says = {"over the limit of 200": long_id, "over the limit of 64": long_date, "NUL character": nul}
    for message, bad in says.items():
        with pytest.raises(StoreError, match=message) as raised:
            store.add([Result.from_dict(bad)])
        assert "\n" not in str(raised.value) and "INSERT" not in str(raised.value)
    assert len(store) == 0
    assert store.add([Result.from_dict({**record, "article": {**record["article"], "id": "x" * 200}})]) == 1
