"""The stage's word lists (`models/attribution.json`) and the one test made of them alone: is a token a cue verb."""
from __future__ import annotations

from spacy.tokens import Token

from ... import resources


def words() -> dict:
    """The word lists of `models/attribution.json`, with "verbs": every cue verb of every group."""
    return resources.derived(with_cue_verbs, "attribution")


def with_cue_verbs(data: dict) -> dict:
    """`data` with "verbs", the union of its cue-verb groups."""
    return {**data, "verbs": {lemma for group in data["cue_verbs"].values() for lemma in group}}


def is_cue(token: Token) -> bool:
    """A verb that can introduce reported content."""
    return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in words()["verbs"] \
        and (token.dep_ != "xcomp" or token.lemma_.lower() in words()["participle_cues"])


def is_speech_cue(token: Token) -> bool:
    """A cue verb of speech ("said", "told"), the only cues that tie a quotation to its speaker."""
    return is_cue(token) and token.lemma_.lower() in words()["cue_verbs"]["speech"]
