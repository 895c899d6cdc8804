"""The bridge to the learned cue detector (`cue_model`, and `cue_encoder` for the accurate one): attributions
whose cue the model finds and no rule did ("criticized [the plan]", "is upbeat about [Cruz's chances]")."""
from __future__ import annotations

from spacy.tokens import Token

from . import cue_model
from .content import content_of
from .cues import found_for
from .found import Found, Reading
from .lexicon import words
from .marks import in_quotation
from .sources import agent_or_antecedent, governing_subject

LEARNED_CONTENT_DEPS = ("dobj", "xcomp", "ccomp", "prep", "acomp", "attr", "oprd", "dative", "pobj")
INNER_VERB_REACH = 3  # "tried to demonstrate": the verb a learned cue governs, at most this many tokens on
Range = tuple[int, int]


def learned_source_head(verb: Token) -> Token | None:
    """Who holds the stance of a learned cue: its subject or passive agent; for a participle or a verb joined to
    another ("..., hailing Helus as a hero"), that verb's subject. Never an object after it; nobody for a raising
    verb ("Sanders seemed [to soften]": an impression, not Sanders's claim) or a passive without an agent."""
    if verb.lemma_.lower() in words()["raising_verbs"] or \
            (any(c.dep_ == "auxpass" for c in verb.children) and not any(c.dep_ == "agent" for c in verb.children)):
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "csubj") and not (c.is_punct or c.is_quote)), None)
    if subject is None and verb.pos_ == "NOUN":
        # "his attacks on Clinton", "George Will's call for ...": the possessor
        return next((c for c in verb.children if c.dep_ == "poss"), None)
    if subject is None and not any(c.dep_ == "agent" for c in verb.children):
        return governing_subject(verb)
    return agent_or_antecedent(verb, subject)


def content_parts(verb: Token, speaker: set[Token], taken: list[Range]) -> list[Token]:
    """What a learned cue's object or phrases after it say it is about: its objects, complements and prepositional
    phrases after it, neither the speaker's words, nor a scene ("at the rally"), nor another cue."""
    return [c for c in verb.children if c.dep_ in LEARNED_CONTENT_DEPS and c.i > verb.i and c not in speaker
            and not (c.dep_ == "prep" and c.lower_ in words()["scene_prepositions"])
            and not any(start <= t.idx < end for t in c.subtree for start, end in taken)]


def stance_content(verb: Token, head: Token | None, detected: set[int], taken: list[Range]
                   ) -> tuple[Range, set[int]] | None:
    """What a learned cue with no reported clause is about, and the detections its cue may grow over: its object
    or phrases, through the verb it governs ("tried to demonstrate [that ...]", "decided to back [Clinton]"), or
    a passive's subject ("The fraud allegations were highlighted ...")."""
    # the speaker's words, without the cue's own clause ("a supporter who has accused [Sanders] of ...")
    speaker = set(head.subtree) - set(verb.subtree) if head is not None else set()
    inner = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"
                  and 0 < c.i - verb.i <= INNER_VERB_REACH), verb)
    parts, grown = content_parts(inner, speaker, taken), detected
    if inner is not verb and parts:
        grown = detected | set(range(verb.i, inner.i + 1))
    elif inner is not verb:
        parts = content_parts(verb, speaker, taken)  # "declined [to comment]"
    if not parts and any(c.dep_ == "auxpass" for c in verb.children):
        parts = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if not parts:
        return None
    tokens = [t for c in parts for t in c.subtree]
    first, last = min(t.i for t in tokens), max(t.i for t in tokens)
    doc = verb.doc
    return (doc[first].idx, doc[last].idx + len(doc[last])), grown


def learned_attributions(reading: Reading, found: list[Found]) -> list[Found]:
    """Attributions whose cue the learned model finds and no rule did: the source from the cue's subject, the
    content from its complement clause or, failing that, what follows it (`stance_content`)."""
    doc = reading.doc
    detected = cue_model.detections(doc)
    if not detected:
        return []
    taken = [(f.cue.start, f.cue.end) for f in found]
    out = []
    for verb in cue_model.cue_heads(doc, detected):
        if any(start <= verb.idx < end for start, end in taken) or in_quotation(reading.quotes, verb.idx):
            continue
        head = learned_source_head(verb)
        content = content_of(verb, head, reading.edges) if verb.pos_ in ("VERB", "AUX") else None
        grown = detected
        if content is None:
            stance = stance_content(verb, head, detected, taken)
            if stance is None:
                continue
            content, grown = stance
        one = found_for(verb, head, content, reading, grown)
        if one is not None:
            one.detected_by = "model"
            out.append(one)
    return out
