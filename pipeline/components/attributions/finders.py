"""The finders, in the order they run: each sees the attributions the ones before it found (a quotation a cue verb
took is not taken again, a learned cue is not a rule's), so the order is part of the rules."""
from __future__ import annotations

from spacy.tokens import Doc

from .content import subtree_edges
from .cues import colon_attributions, phrase_attributions, verb_attributions
from .found import EntityMention, Found, Reading
from .learned import learned_attributions
from .marks import quote_spans
from .quotes import quote_cue_attributions

FINDERS = (
    verb_attributions,        # cue verbs: "X said that ...", "..., X said", "As X reported, ..."
    quote_cue_attributions,   # quotations with a cue next to them that the parse did not tie: "“A,” I said"
    phrase_attributions,      # cue phrases: "according to X", "In a Washington Post-ABC News poll, ..."
    colon_attributions,       # a name and a colon opening a line: "Graham: ...", "KATE BOULDUAN: ..."
    learned_attributions,     # the learned detector's cues that no rule found: "criticized the plan"
)


def read(doc: Doc, entities: list[EntityMention]) -> Reading:
    """`doc` as the finders read it: its text, quotations and subtree edges, each computed once."""
    text = doc.text
    return Reading(doc, text, entities, quote_spans(text), subtree_edges(doc))


def found_in(reading: Reading) -> list[Found]:
    """The attributions every finder sees in the text read, before references are resolved."""
    found: list[Found] = []
    for find in FINDERS:
        found += find(reading, found)
    return found
