"""lexicon: the word lists of models/attribution.json, and which tokens are cue verbs."""
from pipeline.components.attributions.lexicon import is_cue, is_speech_cue, words

from .docs import ARGUED, CRITICIZED, SEEMED, WANTS, parsed


def test_verbs_are_every_cue_verb_of_every_group():
    lists = words()
    assert {"say", "believe", "find", "want"} <= lists["verbs"]
    assert lists["verbs"] == {v for group in lists["cue_verbs"].values() for v in group}


def test_a_cue_is_a_verb_whose_lemma_is_listed():
    doc = parsed(ARGUED)
    assert [t.text for t in doc if is_cue(t)] == ["argued"]
    assert not any(is_cue(t) for t in parsed(CRITICIZED))  # a stance, left to the learned detector


def test_an_open_clause_is_a_cue_only_as_a_participle_cue():
    doc = parsed(WANTS)  # "wants [to take]": "take" is no cue verb anyway; "wants" is an intention
    assert [t.text for t in doc if is_cue(t)] == ["wants"]
    seemed = parsed(SEEMED)
    assert not any(is_cue(t) for t in seemed)


def test_speech_cues_are_the_speech_group():
    doc = parsed(WANTS)
    assert not is_speech_cue(doc[2]) and is_cue(doc[2])
    assert is_speech_cue(parsed(ARGUED)[2])
