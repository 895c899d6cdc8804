"""extraction: the Doc a text is run as, `prepared_doc`, carries the parse of a Title Case headline sentence-cased
(`doc._.recased_headline`), made with the model's components (`nlp.model_parse`), so no stage runs the `Language`."""
import spacy
from spacy.language import Language

from pipeline.components.extensions import RECASED_HEADLINE
from pipeline.extraction import headline_parse, prepared_doc
from pipeline.nlp import model_components, model_parse

TITLE = "Ben Carson Slams Hillary And The Media In One Debate Answer."
ARTICLE = TITLE + "\n\nBen Carson criticized Hillary Clinton at the debate."


@Language.component("test_extraction_marker")
def marker(doc):
    doc.user_data.setdefault("ran", []).append("marker")
    return doc


def pipeline_with(*names: str) -> Language:
    nlp = spacy.blank("en")
    for n, factory in enumerate(names):
        nlp.add_pipe(factory, name=f"{factory}_{n}")
    return nlp


def test_the_model_components_are_those_before_our_first_stage():
    nlp = pipeline_with("test_extraction_marker", "newsclaims_paragraphs", "test_extraction_marker",
                        "newsclaims_attributions", "test_extraction_marker")
    assert [name for name, _ in model_components(nlp)] == [
        "test_extraction_marker_0", "newsclaims_paragraphs_1", "test_extraction_marker_2"]
    doc = model_parse(nlp, "Some text.")
    assert doc.user_data["ran"] == ["marker", "marker"] and doc.text == "Some text."


def test_the_headline_is_parsed_sentence_cased_for_a_pipeline_with_the_attribution_stage():
    nlp = pipeline_with("test_extraction_marker", "newsclaims_attributions")
    headline = headline_parse(nlp, ARTICLE)
    assert headline.text == "Ben Carson slams Hillary and the media in one debate answer."
    assert headline.user_data["ran"] == ["marker"]
    assert headline_parse(nlp, "Carson defends his record on taxes.\n\nBody.") is None
    assert headline_parse(pipeline_with("test_extraction_marker"), ARTICLE) is None  # no attribution stage


def test_the_prepared_doc_is_the_text_with_the_headline_parse_on_it():
    nlp = pipeline_with("newsclaims_attributions")
    doc = prepared_doc(nlp, ARTICLE)
    assert doc.text == ARTICLE and doc._.get(RECASED_HEADLINE).text.startswith("Ben Carson slams")
    assert prepared_doc(nlp, "No headline here.")._.get(RECASED_HEADLINE) is None
