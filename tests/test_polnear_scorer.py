"""The PolNeAR reader and scorer (eval/polnear.py) on a two-article stand-in with PolNeAR's layout."""
from pathlib import Path

import pytest

from eval import polnear

DATA = Path(__file__).parent / "data" / "polnear"


def test_reader_takes_the_first_annotator_and_discontinuous_content():
    articles = polnear.load(DATA, "dev")
    assert [a.name for a in articles] == ["a1", "a2"]
    a1 = articles[0]
    assert len(a1.gold) == 2
    content = a1.gold[1].content
    assert len(content.pieces) == 2 and a1.text[content.pieces[1][0]:content.pieces[1][1]] == "The crews worked all night."


def test_test_split_is_refused():
    with pytest.raises(SystemExit, match="test split"):
        polnear.load(DATA, "test")


def test_scores_newsclaims_on_the_stand_in():
    articles = polnear.load(DATA, "dev")
    s = polnear.score(articles, polnear.predict_newsclaims(articles))
    whole = s.parts["whole attribution"]
    print({k: (v.tp, v.predicted, v.gold) for k, v in s.parts.items()})
    assert whole.gold == 3 and whole.tp == 3 and whole.predicted == 3  # the continuing quote joins its speaker's
    assert s.parts["source overlap"].tp == 3


def test_scorer_counts_misses_and_extras():
    articles = polnear.load(DATA, "dev")
    nothing = polnear.score(articles, [[] for _ in articles])
    assert nothing.parts["whole attribution"].tp == 0 and nothing.parts["whole attribution"].recall == 0.0
    wrong = [[polnear.Attr(polnear.Span(0, 3), polnear.Span(0, 3), None)] for _ in articles]
    s = polnear.score(articles, wrong)
    assert s.parts["whole attribution"].tp == 0 and s.parts["whole attribution"].predicted == 2


def test_agreement_scores_annotators_against_the_first_and_us_against_each():
    human, ours = polnear.agreement(polnear.annotators(DATA, "dev")).values()  # a1 has two annotators; the second marked nothing
    whole = human.parts["whole attribution"]
    assert (whole.tp, whole.predicted, whole.gold) == (0, 0, 2)
    whole = ours.parts["whole attribution"]
    assert (whole.tp, whole.predicted, whole.gold) == (2, 4, 2)  # right against the first, all extra against the second
