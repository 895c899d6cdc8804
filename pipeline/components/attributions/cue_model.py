"""A learned detector of attribution cues, for the cues no word list foresees ("is upbeat about", "took a swipe
at", "endorsed", "called X a liar").

A logistic regression over sparse features of a token and its dependency neighbourhood (lemma, tag, dependency,
children's relations, prepositions and their objects, complement kinds, subject kind, neighbouring words, quote
marks nearby) scores each verb, auxiliary, adjective and noun: the probability that it heads a cue. Trained on the
PolNeAR train split by `eval/train_cues.py`, which also chooses the threshold on held-out train articles; weights in
`models/cue_model.json` (the subject pronouns it takes for a person in `models/attribution.json`; a missing file is an error; `NO_MODEL`, passed through `resources.using`, turns the detector
off).
"""
from __future__ import annotations

import math

from spacy.tokens import Doc, Token

from ... import resources
from . import cue_encoder
from .lexicon import words

CANDIDATE_POS = ("VERB", "AUX", "ADJ", "NOUN")


def children_by_head(doc: Doc) -> list[list[Token]]:
    """Each token's children in text order, found in one pass (`Token.children` scans the token's whole subtree,
    which in a long flat sentence makes a walk over every token's children quadratic)."""
    out: list[list[Token]] = [[] for _ in range(len(doc))]
    for token in doc:
        if token.head.i != token.i:
            out[token.head.i].append(token)
    return out


def features(t: Token, sentence: tuple[int, int] | None = None,
             children: list[list[Token]] | None = None) -> list[str]:
    """The names of a token's features (each has the value 1). `sentence`: the token's sentence's (start, end)
    token indices when the caller knows them (`t.sent` costs a walk through the sentence); `children`: the doc's
    `children_by_head` when the caller has it."""
    kids = children if children is not None else children_by_head(t.doc)
    lemma = t.lemma_.lower()
    out = [f"lemma={lemma}", f"pos={t.pos_}", f"tag={t.tag_}", f"dep={t.dep_}", f"lemma_dep={lemma}|{t.dep_}",
           f"head_lemma={t.head.lemma_.lower()}", f"head_dep={t.dep_}|{t.head.pos_}",
           f"head_lemma_dep={t.head.lemma_.lower()}|{t.dep_}"]
    deps = set()
    for c in kids[t.i]:
        deps.add(c.dep_)
        out += [f"child={c.dep_}", f"lemma_child={lemma}|{c.dep_}"]
        if c.dep_ == "prep":
            out.append(f"lemma_prep={lemma}|{c.lower_}")
            out += [f"prep_obj_pos={c.lower_}|{g.pos_}" for g in kids[c.i]]
            out += [f"prep_obj_ent={c.lower_}|{g.ent_type_}" for g in kids[c.i] if g.ent_type_]
        if c.dep_ in ("acomp", "attr"):
            out.append(f"comp={c.lemma_.lower()}")
        if c.dep_ in ("ccomp", "xcomp"):
            out.append(f"clause_lemma={c.lemma_.lower()}")
        if c.dep_ == "dobj":
            out.append(f"lemma_obj={lemma}|{c.lemma_.lower()}")
        if c.is_quote or c.text in ("“", "”"):
            out.append("quote_child")
        if c.dep_ in ("nsubj", "nsubjpass"):
            out += [f"subj_pos={c.pos_}", f"subj_ent={c.ent_type_ or 'none'}", f"subj_lemma={c.lemma_.lower()}",
                    f"lemma_subj={lemma}|{c.ent_type_ or c.pos_}"]
            if c.lower_ in words()["subject_person_pronouns"]:
                out.append("subj_person_pron")
        if c.dep_ == "poss":
            out.append(f"lemma_poss={lemma}|{c.pos_}")  # "his claim", "Trump's attacks on"
        if c.dep_ == "ccomp":
            mark = next((g.lower_ for g in kids[c.i] if g.dep_ == "mark"), "none")
            out.append(f"lemma_ccomp_mark={lemma}|{mark}")
        if c.dep_ == "xcomp":
            out.append(f"lemma_xcomp={lemma}|{c.lemma_.lower()}")
        if c.dep_ == "prep":
            out += [f"lemma_prep_pobj={lemma}|{c.lower_}|{g.lemma_.lower()}" for g in kids[c.i] if g.dep_ == "pobj"]
    if not deps & {"nsubj", "nsubjpass", "csubj"}:
        out.append("no_subj")
    out += [f"lower={t.lower_}", f"deps={lemma}|" + ",".join(sorted(deps - {"punct", "det"}))]
    doc = t.doc
    start, end = sentence or (t.sent.start, t.sent.end)
    if any(x.is_quote for x in doc[max(start, t.i - 3): t.i]):
        out.append("quote_before")
    if any(x.is_quote for x in doc[t.i + 1: min(end, t.i + 4)]):
        out.append("quote_after")
    if t.i > 0:
        out.append(f"prev={doc[t.i - 1].lower_}")
    if t.i > 1:
        out.append(f"prev2={doc[t.i - 2].lower_}")
    if t.i + 1 < len(doc):
        out += [f"next={doc[t.i + 1].lower_}", f"lemma_next={lemma}|{doc[t.i + 1].lower_}"]
    if t.is_sent_start:
        out.append("sent_start")
    return list(dict.fromkeys(out))


NO_MODEL = {"weights": {}, "intercept": 0.0, "threshold": 1.0}


def model() -> dict:
    """Weights, intercept and threshold (models/cue_model.json, or what the running stage carries), and optionally
    "head", the accurate detector's weights (`with_head`). Training and evaluation pass others through
    `resources.using({"cue_model": ...})`."""
    return resources.load("cue_model")


def with_head(fast: dict, head: dict) -> dict:
    """The cue model with the accurate detector's network (models/cue_head.npz) joined to it."""
    return {**fast, "head": {name: array.astype("float32") for name, array in head.items()}}


def probability(t: Token, sentence: tuple[int, int] | None = None,
                children: list[list[Token]] | None = None) -> float:
    """The model's probability that `t` heads an attribution cue (`sentence`, `children`: as for `features`)."""
    m = model()
    weights = m["weights"]
    z = m["intercept"] + sum(weights.get(f, 0.0) for f in features(t, sentence, children))
    return 1 / (1 + math.exp(-max(-50.0, min(50.0, z))))


def detections(doc: Doc) -> set[int]:
    """Indices of the tokens the model takes for parts of cues; with the accurate detector (`cue_encoder`), by the
    mean of both models' probabilities and that detector's threshold."""
    m = model()
    if not m["weights"]:
        return set()
    candidates = [(t, (sent.start, sent.end)) for sent in doc.sents for t in sent if t.pos_ in CANDIDATE_POS]
    children = children_by_head(doc)
    fast = [probability(t, sentence, children) for t, sentence in candidates]
    head = m.get("head")
    if head is None:
        return {t.i for (t, _), p in zip(candidates, fast) if p >= m["threshold"]}
    slow = cue_encoder.probabilities(doc, [t.i for t, _ in candidates], head)
    return {t.i for (t, _), p, q in zip(candidates, fast, slow) if (p + q) / 2 >= float(head["threshold"])}


CLAUSE_DEPS = ("advcl", "conj", "ccomp", "relcl", "parataxis")


def cue_heads(doc: Doc, detected: set[int]) -> list[Token]:
    """The topmost token of each group of detections linked by dependency ("is upbeat": "is"); a detection heading
    its own clause is a cue of its own ("blasted the yoga instructor, [calling] her a ...")."""
    return [doc[i] for i in sorted(detected)
            if doc[i].head.i == i or doc[i].head.i not in detected or doc[i].dep_ in CLAUSE_DEPS]
