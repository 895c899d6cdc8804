"""headline: a Title Case headline read sentence-cased, its attributions given back as written."""
import spacy
from spacy.language import Language

from pipeline.components.attributions.finders import read
from pipeline.components.attributions.found import Found, SourceParts
from pipeline.components.attributions.headline import (as_written, headline_attributions, model_parse,
                                                       sentence_cased, title_case_end)
from pipeline.records import TextSpan

from .docs import HEADLINE, NLP, parsed

TITLE = "Ben Carson Slams Hillary And The Media In One Debate Answer."
ARTICLE = TITLE + "\n\nBen Carson criticized Hillary Clinton at the debate."


def test_sentence_casing_keeps_names_capitals_and_length():
    headline = "FBI Says Hillary Clinton’s Aides Deleted Emails, Judge Rules"
    body = "\n\nThe FBI said Hillary Clinton and her aides met the judge."
    assert title_case_end(headline + body) == len(headline)
    assert sentence_cased(headline, body) == "FBI says Hillary Clinton’s aides deleted emails, judge rules"
    assert title_case_end("Carson defends his record on taxes.\n\nBody.") == 0


def test_a_short_first_line_is_no_title_case_headline():
    assert title_case_end("Carson Wins\n\nBody.") == 0
    assert title_case_end("No Line Break At All Here") == 0


def test_the_title_case_headline_is_parsed_sentence_cased_and_read_as_written():
    recased = sentence_cased(TITLE, ARTICLE[len(TITLE):])
    parses = []

    def parse(text):
        parses.append(text)
        return parsed(HEADLINE)

    found = headline_attributions(read(NLP.make_doc(ARTICLE), []), parse, [])
    assert parses == [recased]
    slams = next(f for f in found if f.cue.text == "Slams")
    assert ARTICLE[slams.cue.start:slams.cue.end] == "Slams" and slams.source.text == "Ben Carson"
    assert slams.content.text.startswith("Hillary And The Media")  # as written, not as recased


def test_a_headline_cue_the_article_parse_found_is_not_found_again():
    taken = Found(TextSpan("Slams", 11, 16), TextSpan("Hillary", 17, 24), "indirect", None)
    assert headline_attributions(read(NLP.make_doc(ARTICLE), []), lambda text: parsed(HEADLINE), [taken]) == []


def test_as_written_takes_every_text_from_the_article():
    recased = "Ben Carson slams Hillary"
    text = "Ben Carson Slams Hillary"
    f = Found(TextSpan("slams", 11, 16), TextSpan("Hillary", 17, 24), "indirect",
              SourceParts("Ben Carson", 0, 10, None, "Ben Carson"))
    assert as_written(f, text, recased).cue.text == "Slams"


@Language.component("test_attributions_marker")
def marker(doc):
    doc.user_data.setdefault("ran", []).append("marker")
    return doc


def test_the_headline_parse_runs_the_models_components_before_our_stages():
    nlp = spacy.blank("en")
    nlp.add_pipe("test_attributions_marker")
    nlp.add_pipe("newsclaims_attributions")
    nlp.add_pipe("test_attributions_marker", name="after_ours")
    doc = model_parse(nlp, "Some text.")
    assert doc.user_data["ran"] == ["marker"] and doc.text == "Some text."
