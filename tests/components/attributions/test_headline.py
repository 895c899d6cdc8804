"""headline: a Title Case headline read in its sentence-cased parse (`doc._.recased_headline`, which the stage only
reads), its attributions given back as written."""
import spacy

from pipeline.components.attributions import AttributionStage
from pipeline.components.attributions.finders import read
from pipeline.components.attributions.found import Found, SourceParts
from pipeline.components.attributions.headline import (as_written, headline_attributions, recased_headline,
                                                       sentence_cased, title_case_end)
from pipeline.components.extensions import ATTRIBUTIONS, RECASED_HEADLINE
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
    assert recased_headline("Carson Wins\n\nBody.") is None


def test_the_recased_headline_is_the_title_case_line_sentence_cased():
    assert recased_headline(ARTICLE) == sentence_cased(TITLE, ARTICLE[len(TITLE):]) == parsed(HEADLINE).text


def test_the_title_case_headline_is_read_in_its_sentence_cased_parse_and_given_back_as_written():
    found = headline_attributions(read(NLP.make_doc(ARTICLE), []), parsed(HEADLINE), [])
    slams = next(f for f in found if f.cue.text == "Slams")
    assert ARTICLE[slams.cue.start:slams.cue.end] == "Slams" and slams.source.text == "Ben Carson"
    assert slams.content.text.startswith("Hillary And The Media")  # as written, not as recased


def test_a_headline_cue_the_article_parse_found_is_not_found_again():
    taken = Found(TextSpan("Slams", 11, 16), TextSpan("Hillary", 17, 24), "indirect", None)
    assert headline_attributions(read(NLP.make_doc(ARTICLE), []), parsed(HEADLINE), [taken]) == []


def test_without_the_headline_parse_or_with_another_texts_none_is_found():
    reading = read(NLP.make_doc(ARTICLE), [])
    assert headline_attributions(reading, None, []) == []
    assert headline_attributions(read(NLP.make_doc("Another Text Entirely Here Now.\n\nBody."), []),
                                 parsed(HEADLINE), []) == []


def test_as_written_takes_every_text_from_the_article():
    recased = "Ben Carson slams Hillary"
    text = "Ben Carson Slams Hillary"
    f = Found(TextSpan("slams", 11, 16), TextSpan("Hillary", 17, 24), "indirect",
              SourceParts("Ben Carson", 0, 10, None, "Ben Carson"))
    assert as_written(f, text, recased).cue.text == "Slams"


def stage_on(doc, headline):
    """The attribution stage of a blank pipeline run on `doc` with `doc._.recased_headline` = `headline`."""
    nlp = spacy.blank("en")
    stage = nlp.add_pipe("newsclaims_attributions")
    assert isinstance(stage, AttributionStage)
    doc._.set(RECASED_HEADLINE, headline)
    return stage(doc)


def unparsed_article():
    """`ARTICLE` tokenized, one sentence per line, with no tags or dependencies: the article's rules find nothing."""
    doc = NLP.make_doc(ARTICLE)
    for token in doc:
        token.is_sent_start = token.i == 0 or "\n" in doc[token.i - 1].text
    return doc


def test_the_stage_reads_the_headline_parse_it_is_handed_and_parses_nothing():
    doc = stage_on(unparsed_article(), parsed(HEADLINE))
    found = doc.spans[ATTRIBUTIONS]
    assert [(s._.attribution.cue.text, s._.attribution.source.text) for s in found] == [("Slams", "Ben Carson")]
    assert list(stage_on(unparsed_article(), None).spans[ATTRIBUTIONS]) == []  # nlp(text) directly: none
