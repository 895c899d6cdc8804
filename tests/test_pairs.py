"""The same-claim model's features on hand-built figures, and its trained weights."""
from pipeline.linking.compare import Figure
from pipeline.linking.measure import Measure
from pipeline.linking.pairs import FEATURES, features, model, probability


def fig(article, text, value, context, subject=None, years=None, body=None, qualifier="="):
    return Figure(f"{article}#c1", article, None, None, "", text, value, None, None, "percent", "percent", qualifier,
                  None, measure=Measure("share", subject, None, None, years, body), context=context)


def test_features_say_what_two_figures_share():
    a = fig("a", "4 percent", 4, "found that just <percent> of # mass shootings ended", "mass shootings", "2015",
            "Texas State University")
    b = fig("b", "6 percent", 6, "reported <percent> of # mass shootings ended", "mass shootings", "2015")
    x = dict(zip(FEATURES, features(a, b, 0.9, 0.8)))
    assert x["claim_similarity"] == 0.9 and x["context_similarity"] == 0.8
    assert x["values_agree"] == 0 and x["same_value"] == 0
    assert x["subject_overlap"] == 1 and x["same_years"] == 1 and x["same_body"] == 0.5
    assert x["qualifiers"] == 0 and 0 < x["context_overlap"] < 1 and x["both_or_neither_changes"] == 1
    assert x["same_days"] == 0.5  # neither names a day
    rose = fig("b", "4 percent", 4, "prices rose <percent> in June")
    assert dict(zip(FEATURES, features(a, rose, 0.5, 0.5)))["both_or_neither_changes"] == 0


def test_days_named_around_two_figures_tell_two_moments_apart():
    sunday = fig("a", "25 percent", 25, "By Sunday night the fire was <percent> contained")
    thursday = fig("b", "40 percent", 40, "As of Thursday the fire was <percent> contained")
    also_sunday = fig("c", "25%", 25, "the blaze was <%> contained on Sunday")
    may_verb = fig("d", "25%", 25, "the fire may be <%> contained")
    day = FEATURES.index("same_days")
    assert features(sunday, thursday, 0.9, 0.9)[day] == 0
    assert features(sunday, also_sunday, 0.9, 0.9)[day] == 1
    assert features(sunday, may_verb, 0.9, 0.9)[day] == 0.5  # "may" the verb names no month
    in_may = fig("e", "25%", 25, "was <%> contained in May")
    assert features(sunday, in_may, 0.9, 0.9)[day] == 0.5  # a weekday and a month may be one moment
    lower = fig("f", "40%", 40, "the fire was <%> contained by thursday")
    assert features(thursday, lower, 0.9, 0.9)[day] == 1


def test_the_model_has_a_weight_for_every_feature_and_likes_alike_claims():
    assert set(model()["weights"]) == set(FEATURES) and 0 < model()["threshold"] < 1
    assert 0 <= model()["conflict_from"] <= model()["threshold"]
    a = fig("a", "4 percent", 4, "just <percent> of shootings")
    b = fig("b", "4%", 4, "only <%> of shootings")
    assert probability(features(a, b, 0.95, 0.9)) > model()["threshold"] > probability(features(a, b, 0.2, 0.1))


def test_value_gap_says_how_far_apart_two_values_are_in_unlike_contexts():
    four, six, fourteen = (fig(x, f"{v} percent", v, "<percent> of shootings") for x, v in (("a", 4), ("b", 6), ("c", 14)))
    gap = FEATURES.index("value_gap")
    assert features(four, fig("d", "4%", 4, "<%>"), 0.9, 0.5)[gap] == 0
    assert 0.20 < features(four, six, 0.9, 0.5)[gap] < 0.21  # |ln 4/6|, half of it for contexts half alike
    assert features(four, fourteen, 0.9, 0.0)[gap] == 1  # capped
    assert features(four, fourteen, 0.9, 1.0)[gap] == 0  # the same words: the gap is a conflict, not another claim
    assert features(four, fig("e", "none", None, "<n>"), 0.9, 0.0)[gap] == 1  # no value to compare


def test_the_same_sentence_with_far_apart_figures_is_linked():
    a = fig("a", "4 percent", 4, "Just <percent> of mass shootings ended with the shooter shot by police")
    b = fig("b", "14 percent", 14, "Only <percent> of mass shootings ended with the shooter shot by police")
    assert probability(features(a, b, 0.97, 0.95)) > model()["threshold"]
