"""marks: paragraphs and quotation marks paired within them."""
import pytest

from pipeline.components.attributions.marks import in_quotation, paragraphs, quote_containing, quote_spans


def test_paragraphs_are_split_at_line_breaks():
    text = "One.\n\nTwo, three.\nFour."
    assert [text[s:e] for s, e in paragraphs(text)] == ["One.", "Two, three.", "Four."]


@pytest.mark.parametrize("text, inside", [
    ("“The bridge is safe,” she said.", ["The bridge is safe,"]),
    ('"The bridge is safe," she said.', ["The bridge is safe,"]),
    ("«The bridge is safe,» she said.", ["The bridge is safe,"]),
    ("‘The bridge is safe,’ she said.", ["The bridge is safe,"]),
    ('"A," he said, "B."', ["A,", "B."]),
])
def test_marks_pair_by_shape_and_straight_quotes_alternately(text, inside):
    assert [text[s:e] for s, e in quote_spans(text)] == inside


def test_apostrophes_inside_words_neither_open_nor_close():
    text = "“We don’t know,” said the city’s mayor."
    assert [text[s:e] for s, e in quote_spans(text)] == ["We don’t know,"]
    text = "the city‘s mayor"
    assert quote_spans(text) == []


def test_an_unclosed_quotation_runs_to_its_paragraphs_end():
    text = "“We will rebuild.\n\nNot today,” she said."
    assert [text[s:e] for s, e in quote_spans(text)] == ["We will rebuild."]  # ” alone opens nothing


def test_quote_containing_allows_the_marks_and_commas_around_it():
    quotes = [(1, 20)]
    assert quote_containing(quotes, 0, 21) == (1, 20)
    assert quote_containing(quotes, 0, 25) is None


def test_in_quotation():
    assert in_quotation([(1, 20)], 1) and not in_quotation([(1, 20)], 20)
