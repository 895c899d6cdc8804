"""paragraphs: a line break always starts a sentence."""
import spacy

from pipeline.components.paragraphs import ParagraphStage, mark_line_starts

NLP = spacy.blank("en")


def starts(doc):
    """The tokens after the first that start a sentence."""
    return [t.text for t in doc[1:] if t.is_sent_start]


def test_the_token_after_a_line_break_starts_a_sentence():
    doc = mark_line_starts(NLP("Crime falls\nThe city said so.\n\nRain is due"))
    assert starts(doc) == ["The", "Rain"]


def test_a_leading_break_starts_the_first_word():
    assert starts(mark_line_starts(NLP("\nOne line"))) == ["One"]


def test_without_a_break_sentence_starts_are_left_to_the_parser():
    doc = mark_line_starts(NLP("One line only."))
    assert all(t.is_sent_start is None for t in doc[1:])


def test_the_stage_runs_as_a_pipe():
    nlp = spacy.blank("en")
    stage = nlp.add_pipe("newsclaims_paragraphs")
    assert isinstance(stage, ParagraphStage)
    assert starts(nlp("Headline\nBody")) == ["Body"]
