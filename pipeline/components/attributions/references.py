"""Sources that refer back: pronouns ("he said"), descriptions ("the agency said") and documents cited again ("the
report estimates"), each resolved against the attributions before it; and nested attributions that repeat their
outer one's source. Every function here takes the attributions in the text order of their cues."""
from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Token

from .found import EntityMention, Found
from .lexicon import words
from .sources import BODY_KINDS, is_description

NESTING_REACH = 5000  # chars: no content runs longer than a few paragraphs


def resolve_pronoun(pronoun: Token, entities: list[EntityMention], previous: list[Found]) -> EntityMention | None:
    """The entity a pronoun source stands for: the last person quoted or named before it."""
    kind = words()["pronouns"].get(pronoun.lower_)
    before = [e for e in entities if e.end <= pronoun.idx]
    if kind == "person":
        last_speaker = next((f for f in reversed(previous) if f.source and f.source.entity and f.cue.start < pronoun.idx), None)
        nearest = next((e for e in reversed(before) if e.kind == "person"), None)
        if last_speaker is not None and nearest is not None and last_speaker.source.canonical != nearest.canonical:
            speaker_entity = next((e for e in entities if e.span == last_speaker.source.entity), None)
            # the last speaker wins when no other person was named since their attribution
            if speaker_entity is not None and nearest.start < last_speaker.cue.start:
                return speaker_entity
        return nearest
    if kind == "body":
        return next((e for e in reversed(before) if e.kind in BODY_KINDS), None)
    return None


def resolve_description(head: Token, entities: list[EntityMention], previous: list[Found]) -> EntityMention | None:
    """The body a definite description ("the agency", "the group") refers back to: the last body cited as a
    source, else the last body named."""
    by_span = {e.span: e for e in entities}
    for f in reversed(previous):
        e = by_span.get(f.source.entity) if f.source and f.source.entity else None
        if e is not None and e.kind != "person" and f.cue.start < head.idx:
            return e  # a cited "place" is a body the NER took for a place ("a survey by Hunger Free Colorado")
    return next((e for e in reversed(entities) if e.kind in BODY_KINDS and e.end <= head.idx), None)


def outer_speaker(f: Found, found: list[Found]) -> Found | None:
    """The attribution whose content holds `f`'s cue, cued before it ("officials said [they plan to ...]")."""
    return next((o for o in found if o is not f and o.source and o.content.start <= f.cue.start < o.content.end
                 and o.cue.start < f.cue.start), None)


def resolve_references(found: list[Found], entities: list[EntityMention]) -> None:
    """Resolve pronoun and description sources ("he said", "the agency said") in text order, each against the
    attributions before it."""
    for i, f in enumerate(found):
        head = f.source_head
        if f.source is None or f.source.entity or head is None or f.source.start is None:
            continue
        span = head.doc.char_span(f.source.start, f.source.end)
        mention = None
        outer = outer_speaker(f, found) if span is not None and len(span) == 1 else None
        if outer is not None and head.lower_ in words()["outer_speaker_pronouns"] and outer.source.canonical:
            # "officials said they plan to ...": the pronoun is the outer speaker
            f.source.entity, f.source.canonical = outer.source.entity, outer.source.canonical
            continue
        if span is not None and len(span) == 1 and head.pos_ == "PRON":
            mention = resolve_pronoun(head, entities, found[:i])
        elif span is not None and is_description(span):
            mention = resolve_description(head, entities, found[:i])
        if mention is not None:
            f.source.entity, f.source.canonical = mention.span, mention.canonical


def resolve_repeated_documents(found: list[Found]) -> None:
    """"The report estimates ...": a document cited again takes the author found where it was cited with one."""
    for f in found:
        head = f.source_head
        if head is None or f.source is None or f.source.entity or head.lemma_.lower() not in words()["document_nouns"]:
            continue
        same = [e for e in found if e is not f and e.source_head is not None and e.source and e.source.entity
                and e.source_head.lemma_ == head.lemma_]
        earlier = [e for e in same if e.cue.start < f.cue.start]
        # a headline's "survey finds" is named in the body: take the first later citation then
        cited = earlier[-1] if earlier else (same[0] if same else None)
        if cited is not None:
            f.source.entity, f.source.canonical = cited.source.entity, cited.source.canonical


def without_redundant_nested(found: list[Found]) -> list[Found]:
    """`found` without an attribution inside another's content when it has the same source ("Dean said he thinks
    ..."); a rule attribution is never dropped for a learned one around it."""
    keep = []
    by_start = sorted(found, key=lambda o: o.content.start)
    starts = [o.content.start for o in by_start]
    for f in found:
        lo, hi = bisect_left(starts, f.cue.start - NESTING_REACH), bisect_left(starts, f.cue.start + 1)
        outer = next((o for o in by_start[lo:hi] if o is not f and o.content.start <= f.cue.start < o.content.end
                      and (o.detected_by == "rules" or f.detected_by == "model")), None)
        if outer is not None and outer.source and f.source and outer.source.canonical == f.source.canonical:
            continue
        keep.append(f)
    return keep
