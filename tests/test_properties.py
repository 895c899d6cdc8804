"""No input crashes the pipeline, and every span's offsets hold (property-based, hypothesis)."""
from hypothesis import HealthCheck, given, settings
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
def test_any_text_gives_valid_output(nlp, text):
    data = pipeline.extract(text, nlp=nlp).to_dict()
    pipeline.validate(data)
    assert data["text"] == text
    assert offset_problems(data) == []
