"""recasing: a Title Case or capitals headline sentence-cased, and a text in odd case throughout truecased, each as
long as it, for the stages to read."""
import pytest

from pipeline.components.recasing import in_capitals, odd_case_throughout, recased_headline, sentence_cased, truecased


def test_a_headline_in_capitals_takes_the_bodys_spelling_of_its_names():
    headline, body = "SOCCER - SHEARER NAMED AS ENGLAND CAPTAIN BY FA .", "\nThe FA named Alan Shearer, England's striker."
    assert in_capitals(headline)
    assert sentence_cased(headline, body) == "Soccer - Shearer named as England captain by FA ."
    assert len(recased_headline(headline + body)) == len(headline)


def test_a_title_case_headline_keeps_its_acronyms_and_names():
    text = "FBI Says Hillary Clinton’s Aides Deleted Emails\n\nThe FBI said aides of Hillary Clinton did so."
    assert not in_capitals(text.split("\n")[0])
    assert recased_headline(text) == "FBI says Hillary Clinton’s aides deleted emails"


def test_a_sentence_cased_first_line_is_no_headline_to_recase():
    assert recased_headline("Carson defends his record on taxes.\n\nBody.") is None


CAPITALS = "DONALD TRUMP SAID ON TUESDAY THAT HE WOULD SEND 300 WORKERS.\nIN ADDITION, THE SENATOR SAID HE WOULD OPPOSE IT."


@pytest.mark.parametrize("text, odd", [(CAPITALS, True), (CAPITALS.title(), True), (CAPITALS.capitalize(), False),
                                       ("NASA AND FEMA", False), ("The FBI said aides of Hillary Clinton did so.", False)])
def test_a_text_in_capitals_or_title_case_throughout_is_in_odd_case(text, odd):
    assert odd_case_throughout(text) is odd


def test_a_text_in_capitals_is_truecased_sentence_by_sentence_as_long_as_it():
    recased = truecased(CAPITALS)
    assert recased.startswith("Donald Trump said on Tuesday that he would send 300 workers.\nIn addition, the")
    assert len(recased) == len(CAPITALS) and recased.lower() == CAPITALS.lower()
    assert recased_headline(CAPITALS) == recased


def test_a_word_whose_recasing_changes_its_length_stays_as_written():
    text = "THE MAYOR OF İSTANBUL SAID SO ON MONDAY."
    recased = truecased(text)
    assert "İSTANBUL" in recased and len(recased) == len(text)


def test_a_sentence_opening_with_a_quotation_mark_still_starts_with_a_capital():
    text = '"WE WILL WIN THIS ONE," THE MAYOR SAID ON MONDAY.'
    assert truecased(text).startswith('"We will win')
