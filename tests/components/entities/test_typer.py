"""typer: the learned check of NER's classes (models/entity_typer.json, trained on CoNLL-2003 train)."""
from pipeline import resources
from pipeline.components.entities import typer

from .docs import doc


def test_the_model_says_what_it_was_trained_on_and_how_sure_it_must_be():
    model = resources.load("entity_typer")
    assert model["trained"]["data"].startswith("CoNLL-2003 English train")
    weights = resources.load("entity_typer.npz")
    assert 0.5 <= model["threshold"] < 1 and weights["intercepts"].shape == (len(typer.CLASSES),)
    assert weights["weights"].shape == (len(model["features"]), len(typer.CLASSES))
    assert weights["vector_weights"].shape == (3 * typer.VECTOR_WIDTH, len(typer.CLASSES))


def test_features_name_the_mention_its_neighbours_and_its_label():
    d = doc(["Officials", "at", "Twitter", "said", "so"])
    names = typer.features(d[2:3], "PERSON")
    assert {"ner=PERSON", "word=twitter", "prev=at", "next=said", "shape=Xxxxx"} <= set(names)


def test_probabilities_are_a_distribution_and_a_doc_without_vectors_still_gets_them():
    d = doc(["Officials", "at", "Twitter", "said", "so"])
    probs = typer.probabilities(d[2:3], "PERSON")
    assert set(probs) == set(typer.CLASSES) and abs(sum(probs.values()) - 1) < 1e-6
    assert typer.vectors(d[2:3]).shape == (3 * typer.VECTOR_WIDTH,)


def test_the_check_overrules_ner_only_when_sure():
    d = doc(["Officials", "at", "Twitter", "said", "so"])
    probs = typer.probabilities(d[2:3], "PERSON")
    best = max(probs, key=probs.get)
    with resources.using({"entity_typer": {**resources.load("entity_typer"), "threshold": 1.01}}):
        assert typer.learned_class(probs) is None
    with resources.using({"entity_typer": {**resources.load("entity_typer"), "threshold": 0.0}}):
        assert typer.learned_class(probs) == best


def test_mentions_of_one_name_that_agree_add_up_their_evidence():
    reading = {"person": 0.05, "organization": 0.1, "place": 0.8, "none": 0.05}
    assert typer.pooled([reading])["place"] == 0.8
    assert typer.pooled([reading] * 3)["place"] > 0.98
    mixed = typer.pooled([reading, {"person": 0.9, "organization": 0.04, "place": 0.05, "none": 0.01}])
    assert max(mixed.values()) < 0.9  # readings that disagree stay unsure


def test_only_a_mention_itself_may_make_a_name_no_name():
    none = {"person": 0.01, "organization": 0.01, "place": 0.01, "none": 0.97}
    own = {"person": 0.1, "organization": 0.8, "place": 0.05, "none": 0.05}
    assert typer.name_probs(none, own) is own
    assert typer.name_probs(own, none) is own


def test_every_mention_of_a_name_is_decided_by_the_name_s_pooled_reading():
    d = doc(["Officials", "at", "Twitter", "said", "so", ".", "Twitter", "agreed"])
    spans = [(d[2:3], "PERSON", "person"), (d[6:7], "PERSON", "person")]
    own = [typer.probabilities(s, label) for s, label, _ in spans]
    name = typer.pooled(own)
    with resources.using({"entity_typer": {**resources.load("entity_typer"), "threshold": 0.0}}):
        decided = typer.checked_kinds(spans)
        assert decided == [typer.checked_kind(s, label, kind, typer.name_probs(name, probs))
                           for (s, label, kind), probs in zip(spans, own)]
