"""Reading a Doc (`pipeline.components.quantities.text`): space-skipping look-ahead and the per-document index,
which lives only inside `indexed` and writes nothing onto the Doc."""
from pipeline.components.quantities.text import (advance, index_of, indexed, lower_seq, next_index, sentence_of,
                                                 token_after)

from .docs import doc_of


def test_look_ahead_skips_space_tokens():
    doc = doc_of("more  than  5")
    assert lower_seq(doc, 0, 2) == ("more", "than")
    assert [t.is_space for t in doc] == [False, True, False, True, False]
    assert next_index(doc, 1) == 2 and advance(doc, 0, 2) == 3
    assert token_after(doc, doc[-1].idx) == len(doc) - 1


def test_the_index_lives_only_inside_indexed():
    doc = doc_of("One sentence here")
    with indexed(doc):
        assert index_of(doc) is index_of(doc)
        assert index_of(doc_of("another doc")) is not index_of(doc)
    assert index_of(doc) is not index_of(doc)
    assert doc.user_data == {}


def test_sentence_of_by_bisection():
    doc = doc_of("A b. C d.")
    for token in doc:
        token.is_sent_start = token.i in (0, 3)
    assert sentence_of(doc, doc[4:5]).start == 3 and sentence_of(doc, doc[1:2]).start == 0


def test_small_integers_are_indexed_by_sentence_and_value_but_not_superscripts():
    doc = doc_of("Footnote ¹ says 3 men and 3 women came")
    with indexed(doc):
        assert index_of(doc).small_integers == {(0, 3): [3, 6]}
