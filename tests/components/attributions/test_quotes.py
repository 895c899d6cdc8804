"""quotes: quotations tied to a cue next to them, and quotations continuing the previous speaker."""
from pipeline.components.attributions.finders import read
from pipeline.components.attributions.found import Found, SourceParts
from pipeline.components.attributions.quotes import floating_quotes, is_utterance, quote_cue_attributions
from pipeline.components.attributions.marks import quote_spans
from pipeline.records import TextSpan

from .docs import ABSOLUTELY, CHIEF, INVERTED, NLP, parsed


def test_a_one_word_quotation_stands_alone_only_as_an_utterance():
    text = "“Absolutely,” he said."
    assert is_utterance(text, TextSpan("Absolutely", 1, 11), 12)
    assert not is_utterance("“Absolutely” he said.", TextSpan("Absolutely", 1, 11), 11)


def test_a_speech_verb_right_after_a_quotation():
    [found] = quote_cue_attributions(read(parsed(ABSOLUTELY), []), [])
    assert (found.cue.text, found.content.text, found.kind, found.source.text) == ("said", "Absolutely", "direct", "he")


def test_a_colon_lead_in_gives_its_verb_phrase_as_cue():
    [found] = quote_cue_attributions(read(parsed(CHIEF), []), [])
    assert (found.cue.text, found.content.text, found.source.text) == (
        "put it simply:", "We cannot cover every street.", "The chief")


def test_a_quotation_already_taken_is_not_taken_again():
    reading = read(parsed(INVERTED), [])
    taken = Found(TextSpan("said", 23, 27), TextSpan("The bridge is safe", 1, 19), "direct", None)
    assert quote_cue_attributions(reading, [taken]) == []


def test_a_floating_quotation_continues_the_previous_speaker_in_its_paragraph():
    text = "“We ran out of beds by noon,” said Dr. Park. “Nobody planned for this at all.”\n\n“Not a word of this.”"
    park = Found(TextSpan("said", 30, 34), TextSpan("We ran out of beds by noon", 1, 27), "direct",
                 SourceParts("Dr. Park", 35, 43, NLP.make_doc(text).char_span(35, 43), "Lena Park"))
    [floating] = floating_quotes(text, quote_spans(text), [park])
    assert floating.content.text == "Nobody planned for this at all."
    assert floating.cue == park.cue and floating.source.canonical == "Lena Park" and floating.source.text is None
    assert floating.source.entity == park.source.entity


def test_a_short_floating_quotation_is_left_alone():
    text = "“We ran out of beds by noon,” said Dr. Park. “Never.”"
    park = Found(TextSpan("said", 30, 34), TextSpan("We ran out of beds by noon", 1, 27), "direct",
                 SourceParts("Dr. Park", 35, 43, NLP.make_doc(text).char_span(35, 43), "Lena Park"))
    assert floating_quotes(text, quote_spans(text), [park]) == []
