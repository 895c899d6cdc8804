"""found: trimming a char range to a span, and the final period of a quotation."""
from pipeline.components.attributions.found import text_span, trimmed, with_final_period
from pipeline.records import TextSpan

from .docs import ARGUED, parsed


def test_trimmed_drops_edge_punctuation_spaces_and_quote_marks():
    text = ' “The bridge is safe,” '
    assert trimmed(text, 0, len(text)) == TextSpan("The bridge is safe", 2, 20)


def test_trimmed_keeps_a_final_period_unless_told():
    text = "It is safe."
    assert trimmed(text, 0, len(text)).text == "It is safe."
    assert trimmed(text, 0, len(text), keep_final_period=False).text == "It is safe"


def test_nothing_left_is_none():
    assert trimmed(" , “ ” ", 0, 7) is None


def test_a_period_just_inside_the_closing_mark_joins_the_quotation():
    text = "“We are back.”"
    span = trimmed(text, 1, 13, keep_final_period=False)
    assert with_final_period(text, span, 13).text == "We are back."
    assert with_final_period(text, span, span.end) == span  # the mark closes before it


def test_text_span_of_a_spacy_span():
    doc = parsed(ARGUED)
    assert text_span(doc[1:3]) == TextSpan("senator argued", 4, 18)
