"""Cross-article clusters and conflicts on our 32-article corpus (corpora/compare), floors on pairwise F1."""
from eval import compare_score
from pipeline.linking.compare import (Figure, agree, clusters_of, comparable, described, figure_record,
                                      why_they_conflict)


def fig(article, text, value, kind="percent", unit="percent", qualifier="=", counted=None):
    return Figure(f"{article}#c1", article, None, None, "", text, value, None, None, unit, kind, qualifier, counted)


def test_qualifiers_decide_agreement():
    assert agree(fig("a", "at least 13", 13, "count", None, ">="), fig("b", "19", 19, "count", None))
    assert not agree(fig("a", "13", 13, "count", None), fig("b", "19", 19, "count", None))
    assert agree(fig("a", "one in ten", 0.1, "ratio", "ratio"), fig("b", "10 percent", 10))
    assert not agree(fig("a", "4 percent", 4), fig("b", "6 percent", 6))


def test_figures_stand_for_what_rounds_to_them():
    assert not agree(fig("a", "52 percent", 52), fig("b", "57 percent", 57))
    assert agree(fig("a", "52 percent", 52), fig("b", "52.4 percent", 52.4))
    assert not agree(fig("a", "52 percent", 52), fig("b", "53 percent", 53))
    assert agree(fig("a", "about 52 percent", 52, qualifier="~"), fig("b", "53 percent", 53))
    assert agree(fig("a", "96,000", 96000, "count", None), fig("b", "96,400", 96400, "count", None))
    assert not agree(fig("a", "96,000", 96000, "count", None), fig("b", "97,000", 97000, "count", None))
    assert agree(fig("a", "$1.2 billion", 1.2e9, "money", "USD"), fig("b", "$1.23 billion", 1.23e9, "money", "USD"))
    assert agree(fig("a", "a third", 1 / 3, "fraction", None), fig("b", "33 percent", 33))


def test_counts_of_different_things_are_not_compared():
    assert not comparable(fig("a", "13 deaths", 13, "count", None, counted="deaths"),
                          fig("b", "640 people", 640, "count", None, ">", counted="people"))
    assert comparable(fig("a", "96,000 people", 96000, "count", None, counted="people"),
                      fig("b", "96,000 riders", 96000, "count", None, counted="riders"))


def test_a_conflict_says_which_values_each_figure_allows():
    assert why_they_conflict(fig("a", "4 percent", 4), fig("b", "14 percent", 14)) == \
        "4 percent vs 14 percent: 3.5-4.5 percent and 13.5-14.5 percent do not meet"
    assert described(fig("a", "more than 13", 13, "count", None, ">")) == "13 or more"
    assert described(fig("a", "under 20", 20, "count", None, "<")) == "at most 20"
    assert described(fig("a", "96,000", 96000, "count", None)) == "95,500-96,500"
    assert described(fig("a", "one in ten", 0.1, "ratio", "ratio")) == "9.95-10.05 percent"  # exact, as written
    assert described(fig("a", "about 70 percent", 70, qualifier="~")) == "65-75 percent"


def test_fractions_in_words_are_exact_and_about_reaches_past_the_rounding():
    assert not agree(fig("a", "four in five", 0.8, "ratio", "ratio"), fig("b", "about 75 percent", 75, qualifier="~"))
    assert not agree(fig("a", "about 70 percent", 70, qualifier="~"), fig("b", "79 percent", 79))
    assert agree(fig("a", "roughly one in four", 0.25, "ratio", "ratio", "~"), fig("b", "26 percent", 26))
    assert agree(fig("a", "about 9 percent", 9, qualifier="~"), fig("b", "9.3 percent", 9.3))


def test_a_figure_record_names_its_claim_article_outlet_and_source():
    record = figure_record(Figure("a#c1", "a", "Daily", "police", "Police said 13 died.", "13", 13, None, None,
                                  None, "count", "=", "died"))
    assert record == {"figure": "13", "value": 13, "low": None, "high": None, "unit": None, "kind": "count",
                      "qualifier": "=", "claim_id": "a#c1", "article_id": "a", "outlet": "Daily", "source": "police",
                      "claim": "Police said 13 died.", "measure": None}


def test_a_conflict_needs_its_own_link_not_a_chain_of_them():
    four, four_again, six = fig("a", "4 percent", 4), fig("b", "4%", 4), fig("c", "6 percent", 6)
    chain = [(0, 1, 0.9), (1, 2, 0.6)]  # "6 percent" joins the cluster through "4%" alone
    [cluster] = clusters_of([four, four_again, six], chain, 0.5, conflict_from=0.3)
    assert len(cluster.figures) == 3 and [(a.text, b.text) for a, b in cluster.conflicts] == [("4%", "6 percent")]
    [cluster] = clusters_of([four, four_again, six], chain + [(0, 2, 0.31)], 0.5, conflict_from=0.3)
    assert len(cluster.conflicts) == 2


def test_a_claim_reported_hundreds_of_times_is_one_cluster_and_quickly():
    """Each figure has links to only some of the others (the candidate search's neighbours): the pairs without one
    must not keep the reports apart."""
    import random

    rng = random.Random(7)
    figs = [fig(f"a{n}", "4 percent", 4) for n in range(600)]
    links = [(i, j, rng.uniform(0.8, 0.99)) for i in range(600) for j in rng.sample(range(600), 40) if i != j]
    clusters = clusters_of(figs, links, 0.2, 0.05)
    assert [len(c.figures) for c in clusters] == [600] and not clusters[0].conflicts


def test_cluster_and_conflict_floors():
    """Measured 1.000 and 0.941 (2026-12-06; 0.966 and 0.800 before the value-gap feature)."""
    scores = compare_score.run()
    print({k: v for k, v in scores.items() if not k.startswith("_")})
    assert scores["clusters"][2] >= 0.85
    assert scores["conflicts"][2] >= 0.75


def test_floors_on_the_dev_half_of_the_cross_outlet_set():
    """corpora/compare-news dev (the same-claim model is trained on it: a guard against regressions, not a
    held-out score; measured: clusters F1 0.747, conflicts P 0.882 R 0.333, entities F1 0.862)."""
    scores = compare_score.run(name="news", split="dev")
    print({k: v for k, v in scores.items() if not k.startswith("_")})
    assert scores["clusters"][2] >= 0.70
    assert scores["conflicts"][0] >= 0.85 and scores["conflicts"][1] >= 0.30
    assert scores["entities"][2] >= 0.80


def test_floors_on_the_second_set_now_trained_on():
    """corpora/compare-heldout, the test set until 2026-12-06 and training data since (measured in-sample: clusters F1
    0.672, conflicts P 0.591 R 0.289, entities F1 0.803); a guard against regressions."""
    scores = compare_score.run(name="heldout")
    print({k: v for k, v in scores.items() if not k.startswith("_")})
    assert scores["clusters"][2] >= 0.58
    assert scores["conflicts"][0] >= 0.38 and scores["conflicts"][1] >= 0.15
    assert scores["entities"][2] >= 0.74


def test_floors_on_the_held_out_set():
    """corpora/compare-heldout2, which nothing is trained or tuned on (measured at its last scoring, 2026-12-06:
    clusters P 0.745 R 0.617 F1 0.675, conflicts P 0.679 R 0.380 over 50 gold conflicts, entities F1 0.738); floors
    a sampling margin below (one conflict is 2 points of recall)."""
    scores = compare_score.run(name="heldout2")
    print({k: v for k, v in scores.items() if not k.startswith("_")})
    assert scores["clusters"][2] >= 0.60
    assert scores["conflicts"][0] >= 0.45 and scores["conflicts"][1] >= 0.26
    assert scores["entities"][2] >= 0.67


def test_large_bounds_are_written_in_millions_and_billions():
    low, high = fig("a", "$1.8 billion", 1.8e9, "money", "USD"), fig("b", "$2.6 billion", 2.6e9, "money", "USD")
    assert why_they_conflict(low, high) == \
        "$1.8 billion vs $2.6 billion: 1.75 billion-1.85 billion USD and 2.55 billion-2.65 billion USD do not meet"
