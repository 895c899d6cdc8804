"""The learned NER (opt-in): word pieces' tags to names, on hand-made pieces; the real model on real sentences."""
from __future__ import annotations

import spacy

from pipeline.components.ner import piece_names, sentence_names


def test_pieces_spell_names_a_b_opens_an_i_continues_and_so_do_later_pieces_of_a_word():
    # "Barack Obama visited New Yorker City." as word pieces: "york" "##er" are one word, "." another
    offsets = [(0, 0), (0, 6), (7, 12), (13, 20), (21, 24), (25, 29), (29, 31), (32, 36), (36, 37), (0, 0)]
    words = [None, 0, 1, 2, 3, 4, 4, 5, 6, None]
    tags = ["O", "B-PER", "I-PER", "O", "B-LOC", "I-LOC", "O", "I-LOC", "O", "O"]
    assert piece_names(offsets, words, tags) == [(0, 12, "PER"), (21, 36, "LOC")]


def test_an_i_of_another_class_opens_a_new_name_and_o_closes_one():
    offsets, words = [(0, 4), (5, 9), (10, 12), (13, 15)], [0, 1, 2, 3]
    assert piece_names(offsets, words, ["B-ORG", "I-PER", "O", "I-MISC"]) == [(0, 4, "ORG"), (5, 9, "PER"),
                                                                               (13, 15, "MISC")]


def test_names_cover_the_spacy_tokens_their_pieces_fall_in():
    doc = spacy.blank("en")("He met Ann-Marie Lee in Paris.")
    sentence = doc[:]
    spans = sentence_names(doc, sentence, [(7, 12, "PER"), (24, 29, "LOC"), (30, 30, "MISC")])
    assert [(s.text, s.label_) for s in spans] == [("Ann-Marie", "PERSON"), ("Paris", "GPE")]


def test_the_fine_tuned_model_names_people_bodies_and_places():
    import pipeline

    nlp = pipeline.load(ner="minilm")
    assert nlp.pipe_names.index("newsclaims_ner") == nlp.pipe_names.index("newsclaims_entities") - 1
    text = "Angela Merkel met managers of Siemens in Munich on Monday, a day after the Oscars, Germany's government said."
    doc = nlp(text)
    assert {(e.text, e.label_) for e in doc.ents} >= {("Angela Merkel", "PERSON"), ("Siemens", "ORG"),
                                                     ("Munich", "GPE")}
    kinds = {e.text: e.kind for e in pipeline.extract(text, nlp=nlp).entities}
    assert kinds["Angela Merkel"] == "person" and kinds["Munich"] == "place" and kinds["Siemens"] == "organization"


def test_combine_keeps_names_both_read_adds_the_learned_ones_and_drops_what_the_learned_model_reads_as_no_name():
    from spacy.tokens import Span

    from pipeline.components.ner import combined, replaced

    doc = spacy.blank("en")("Acme Corp hired Ann Lee in Paris on Monday and Page B4 said so.")
    model = [Span(doc, 0, 2, "ORG"), Span(doc, 3, 5, "PERSON"), Span(doc, 8, 9, "DATE"), Span(doc, 11, 12, "PERSON")]
    learned = [Span(doc, 0, 1, "MISC"), Span(doc, 3, 5, "PER"), Span(doc, 6, 7, "GPE")]
    assert [(s.text, s.label_) for s in combined(model, learned)] == [
        ("Acme Corp", "ORG"), ("Ann Lee", "PERSON"), ("Paris", "GPE"), ("Monday", "DATE")]  # "B4": no name
    assert [(s.text, s.label_) for s in replaced(model, learned)] == [
        ("Acme", "MISC"), ("Ann Lee", "PER"), ("Paris", "GPE"), ("Monday", "DATE")]
