"""Around a figure (`pipeline.components.quantities.context`): qualifiers, counted nouns, "of" phrases, changes and
scopes, on hand-built Docs."""
import pytest

from pipeline.components.quantities.context import (change_of, change_verb_before, counted_after, counted_noun,
                                                    of_phrase, place_scope, qualifier_before, raised_funds,
                                                    time_scope)
from pipeline.components.quantities.numbers import parse_number

from .docs import built, doc_of


@pytest.mark.parametrize("text, i, found", [
    ("more than 90 firefighters", 2, (0, ">", True)),
    ("no more than 40 guests", 3, (0, "<=", True)),
    ("just 18 percent", 1, (0, "=", False)),
    ("nearly 70 homes", 1, (0, "~", True)),
    ("the 70 homes", 1, None),
])
def test_qualifiers_before(text, i, found):
    assert qualifier_before(doc_of(text), i) == found


def test_counted_noun_by_the_parse():
    doc = built(["106", "mass", "shootings", "were"], heads=[2, 2, 2, 2], deps=["nummod", "compound", "ROOT", "aux"],
                pos=["NUM", "NOUN", "NOUN", "AUX"], tags=["CD", "NN", "NNS", "VBD"])
    assert counted_after(doc, parse_number(doc, 0), 1) == (1, 3)
    doc = built(["12", "dead"])
    assert counted_after(doc, parse_number(doc, 0), 1) == (1, 2)  # a counted adjective


def test_a_counted_noun_keeps_the_adjectives_that_make_a_kind_of_thing_and_drops_the_others():
    doc = built(["12", "dead", "people"], heads=[2, 2, 2], deps=["nummod", "amod", "ROOT"], pos=["NUM", "ADJ", "NOUN"])
    assert counted_noun(doc, 1, 3) == "people"
    doc = built(["106", "mass", "shootings"], heads=[2, 2, 2], deps=["nummod", "amod", "ROOT"],
                pos=["NUM", "ADJ", "NOUN"])
    assert counted_noun(doc, 1, 3) == "mass shootings"


def test_a_word_written_with_hyphens_is_counted_whole():
    doc = built(["sold", "300", "set", "-", "top", "boxes"], spaces=[True, True, False, False, True, False],
                pos=["VERB", "NUM", "NOUN", "PUNCT", "NOUN", "NOUN"], tags=["VBD", "CD", "NN", "HYPH", "NN", "NNS"],
                heads=[0, 5, 4, 4, 5, 0], deps=["ROOT", "nummod", "compound", "punct", "compound", "dobj"])
    assert counted_after(doc, parse_number(doc, 1), 2) == (2, 6)
    assert counted_noun(doc, 2, 6) == "set-top boxes"


def test_of_phrase_without_the_relative_clause():
    words = ["half", "of", "the", "hospitals", "that", "closed"]
    doc = built(words, heads=[0, 0, 3, 1, 5, 3], deps=["ROOT", "prep", "det", "pobj", "nsubj", "relcl"])
    assert of_phrase(doc, 1) == (2, 4)
    assert of_phrase(doc, 0) is None


def test_change_by_the_governing_verb():
    doc = built(["Prices", "rose", "20", "%"], heads=[1, 1, 3, 1], deps=["nsubj", "ROOT", "nummod", "dobj"],
                pos=["NOUN", "VERB", "NUM", "NOUN"], lemmas=["price", "rise", "20", "%"])
    assert change_of(doc[2:4]) == "up"
    assert change_verb_before(doc, 2) == "up"
    doc = built(["up", "from", "81,000"], lemmas=["up", "from", "81,000"], pos=["ADV", "ADP", "NUM"])
    assert change_verb_before(doc, 2) == "up"  # the level it moved up from (`find` links a later level given first)
    doc = built(["round", "up", "11", "million"], lemmas=["round", "up", "11", "million"],
                pos=["VERB", "ADP", "NUM", "NUM"], heads=[0, 0, 3, 0], deps=["ROOT", "prt", "compound", "dobj"])
    assert change_verb_before(doc, 2) is None  # a particle of another verb
    doc = built(["down", "\xa0", "from", "49"], spaces=[False, False, True, False], lemmas=["down", "\xa0", "from", "49"],
                pos=["ADV", "SPACE", "ADP", "NUM"])
    assert change_verb_before(doc, 3) == "down"  # a no-break space between the words of a web page
    doc = built(["fall", "\n\n", "30", "workers"], spaces=[False, False, True, False],
                lemmas=["fall", "\n\n", "30", "worker"], pos=["VERB", "SPACE", "NUM", "NOUN"])
    assert change_verb_before(doc, 2) is None  # a headline's verb does not reach across the line break


def test_money_raised_is_funds_and_not_a_rise():
    doc = built(["raised", "over", "$", "6", "million"], lemmas=["raise", "over", "$", "6", "million"])
    assert raised_funds(doc, 1)
    doc = built(["raised", "the", "fee", "by", "$", "40"], lemmas=["raise", "the", "fee", "by", "$", "40"])
    assert not raised_funds(doc, 4)


def test_time_scope_nearest_in_the_sentence():
    doc = doc_of("Fares rose 20% last year")
    assert time_scope(doc, doc[2:4]) == "last year"
    doc = built(["In", "February", ",", "fares", "rose", "20", "%"], ents=["O", "B-DATE", "O", "O", "O", "O", "O"])
    assert time_scope(doc, doc[5:7]) == "February"


def test_place_scope_in_the_figure_s_clause():
    doc = built(["106", "shootings", "in", "Texas"], heads=[1, 1, 1, 2], deps=["nummod", "ROOT", "prep", "pobj"],
                ents=["O", "O", "O", "B-GPE"])
    assert place_scope(doc, doc[0:2]) == "Texas"


def test_a_count_before_coordinated_modifiers_counts_the_noun_they_modify():
    doc = built(["20", "red", "and", "blue", "cars"], heads=[4, 4, 1, 1, 4], deps=["nummod", "amod", "cc", "conj", "ROOT"],
                pos=["NUM", "ADJ", "CCONJ", "ADJ", "NOUN"], tags=["CD", "JJ", "CC", "JJ", "NNS"])
    assert counted_after(doc, parse_number(doc, 0), 1) == (1, 5)
    assert counted_noun(doc, 1, 5) == "cars"


def test_a_singular_head_with_a_plural_conjunct_counts_the_plural():
    words = ["20", "cable", "and", "satellite", "channels"]
    doc = built(words, heads=[1, 1, 1, 4, 1], deps=["nummod", "ROOT", "cc", "compound", "conj"],
                pos=["NUM", "NOUN", "CCONJ", "NOUN", "NOUN"], tags=["CD", "NN", "CC", "NN", "NNS"])
    assert counted_after(doc, parse_number(doc, 0), 1) == (4, 5)  # "20 cable and satellite channels": channels
    one = built(["one"] + words[1:], heads=[1, 1, 1, 4, 1], deps=["nummod", "ROOT", "cc", "compound", "conj"],
                pos=["NUM", "NOUN", "CCONJ", "NOUN", "NOUN"], tags=["CD", "NN", "CC", "NN", "NNS"])
    assert counted_after(one, parse_number(one, 0), 1) == (1, 2)  # a singular count keeps its singular noun
    both = built(["12", "staff", "and", "students"], heads=[1, 1, 1, 1], deps=["nummod", "ROOT", "cc", "conj"],
                 pos=["NUM", "NOUN", "CCONJ", "NOUN"], tags=["CD", "NN", "CC", "NNS"])
    assert counted_after(both, parse_number(both, 0), 1) == (1, 2)  # two nouns counted, no modifier shared
