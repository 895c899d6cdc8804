"""No input crashes the pipeline, and every span's offsets hold (property-based, hypothesis)."""
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import pipeline
from pipeline.records import offset_problems

news_words = st.sampled_from([
    "said", "“", "”", "\"", "'", "according to", "the FBI", "Trump", "4", "percent", "%", "of", "106", "1,200",
    "$", "3.5bn", "a third", "more than", "half", "between", "2000", "and", "2015", "911", "calls", "COVID-19",
    "\u00a0", "—", "\n", "\n\n", ".", ",", "he", "She", "told reporters", "17-year-old", "-", "one in five", "Sgt.",
    "Police", "Department", "Bar and Grill", "«", "»", "‘", "’", "10-20", "up to", "hours", "$4.2 billion",
])
texts = st.one_of(st.text(max_size=300), st.lists(news_words, max_size=60).map(" ".join),
                  st.lists(st.one_of(news_words, st.text(max_size=5)), max_size=40).map("".join))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
@example("0A/0")  # pint divided by zero on this once
@example("1e999 0/0 ½½ $-")
def test_any_text_gives_valid_output(nlp, text):
    data = pipeline.extract(text, nlp=nlp).to_dict()
    pipeline.validate(data)
    assert data["text"] == text
    assert offset_problems(data) == []


number_like = st.one_of(
    st.from_regex(r"[-−$£€(]?\d{1,4}([,.\u00a0\u202f ]\d{1,3}){0,3}(e[-+]?\d{1,3}|[x×]10\^?-?\d|/\d{1,3})?"
                  r"(k|K|M|bn|%|m|mm|kg|°C|km/s2|)?[)]?", fullmatch=True),
    st.sampled_from(["½", "⅓ cup", "2 1/2 in", "1/0", "0/0", "9" * 40, "1e999", "-0", "1,2,3", "4.5.6", "10-20-30",
                     "between 1 and", "from 5 to", "per 100,000", "a.m.", "3:30", "24/7", "9/11", "1990s"]),
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(number_like, news_words), min_size=1, max_size=25).map(" ".join))
def test_number_like_text_never_breaks_quantities(nlp, text):
    data = pipeline.extract(text, nlp=nlp).to_dict()
    pipeline.validate(data)
    assert offset_problems(data) == []
    for q in data["quantities"]:
        for key in ("value", "low", "high", "base", "previous"):
            assert q[key] is None or q[key] == q[key], f"NaN in {q}"  # never NaN
