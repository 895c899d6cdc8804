"""recasing: a Title Case or capitals headline sentence-cased, as long as it, for the stages to read."""
from pipeline.components.recasing import in_capitals, recased_headline, sentence_cased


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
