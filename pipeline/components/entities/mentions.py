"""Candidate mentions: spaCy's NER spans, the spans our patterns find (`models/entity_patterns.json`) and the
places of datelines, boundaries fixed, overlaps resolved in favour of the longer span."""
from __future__ import annotations

from dataclasses import dataclass
from itertools import chain
from typing import Callable, Iterator

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ... import resources
from .boundaries import bracketed_names, coordinated_names, strip_span
from .filters import is_not_a_name
from .kinds import has_kind_word, is_kept_label, kind_of, label_kind, ner_kind


@dataclass
class Mention:
    """A candidate entity span before canonical merging."""

    span: Span
    kind: str
    label: str  # spaCy NER label, PATTERN, DATELINE or ALIAS


def pattern_matcher(vocab) -> Matcher:
    """A Matcher over the patterns of `models/entity_patterns.json`, keyed by kind."""
    matcher = Matcher(vocab)
    for i, entry in enumerate(resources.load("entity_patterns")["patterns"]):
        matcher.add(f"{entry['kind']}#{i}", [entry["pattern"]], greedy="LONGEST")
    return matcher


def headline_ents(doc: Doc, headline: Doc) -> list[Span]:
    """NER's spans in `headline`, the sentence-cased parse of `doc`'s Title Case headline, as spans of `doc`."""
    spans = (doc.char_span(e.start_char, e.end_char, label=e.label_, alignment_mode="contract") for e in headline.ents)
    return [s for s in spans if s is not None]


def ner_spans(doc: Doc, headline: Doc | None) -> list[Span]:
    """NER's spans of `doc`; in a Title Case headline, those NER finds in its sentence-cased parse `headline`
    ("Trump Supporter Screams At Reporters" is read as "Trump supporter screams at reporters")."""
    if headline is None:
        return list(doc.ents)
    end = len(headline.text)
    return headline_ents(doc, headline) + [e for e in doc.ents if e.start_char >= end]


def ner_mentions(doc: Doc, headline: Doc | None = None) -> Iterator[Mention]:
    """The NER spans of `doc` (`ner_spans`) of a kind of ours, boundaries fixed, each kind decided on the name
    without what was stripped from it ("the White House" is the agency "White House")."""
    for ent in ner_spans(doc, headline):
        if not is_kept_label(ent.label_):
            continue
        span = strip_span(ent, label_kind(ent.label_))
        if span is None:
            continue
        for name in (n for part in bracketed_names(span) for n in coordinated_names(part, has_kind_word)):
            if not is_not_a_name(name):
                yield Mention(name, ner_kind(name, ent.label_), ent.label_)


def pattern_mentions(doc: Doc, matcher: Matcher) -> Iterator[Mention]:
    """The spans `matcher` finds in `doc`, boundaries fixed; an organization's kind refined as NER's ORG is."""
    spans = [Span(doc, start, end, label=doc.vocab.strings[match_id].split("#")[0])
             for match_id, start, end in matcher(doc)]
    for span in spans:
        stripped = strip_span(span, span.label_)
        if stripped is None or is_not_a_name(stripped):
            continue
        kind = kind_of(stripped, "ORG") if span.label_ == "organization" else span.label_
        yield Mention(stripped, kind, "PATTERN")


def first_not(sent: Span, i: int, holds: Callable[[Token], bool]) -> int:
    """The first index from `i` within `sent` whose token `holds` does not hold (`sent.end` if none)."""
    doc = sent.doc
    while i < sent.end and holds(doc[i]):
        i += 1
    return i


def dateline_of(sent: Span) -> list[Span]:
    """The places of a dateline opening `sent`: "CEDAR FALLS, Iowa — ..." gives CEDAR FALLS and Iowa; else []."""
    doc = sent.doc
    i = first_not(sent, sent.start, lambda t: t.is_space)
    j = first_not(sent, i, lambda t: t.is_upper and t.is_alpha)
    if j == i or j >= sent.end or doc[j].text != ",":
        return []
    k = first_not(sent, j + 1, lambda t: t.is_title or t.text == ".")
    if k < sent.end and doc[k].text in resources.load("entities")["dateline_dashes"] and k > j + 1:
        return [doc[i:j], doc[j + 1:k]]
    return []


def dateline_places(doc: Doc) -> list[Span]:
    """The places of the datelines opening sentences of `doc`, in text order."""
    return [place for sent in doc.sents for place in dateline_of(sent)]


def dateline_mentions(doc: Doc) -> Iterator[Mention]:
    """The places of datelines as mentions."""
    return (Mention(span, "place", "DATELINE") for span in dateline_places(doc))


def candidate_mentions(doc: Doc, matcher: Matcher, headline: Doc | None = None) -> list[Mention]:
    """NER, pattern and dateline mentions, in text order; of two with the same span the later source wins (pattern
    over NER, dateline over both), and of overlapping spans the longer. `headline`: the sentence-cased parse of a
    Title Case headline, where NER reads the headline."""
    mentions: dict[tuple[int, int], Mention] = {}
    for mention in chain(ner_mentions(doc, headline), pattern_mentions(doc, matcher), dateline_mentions(doc)):
        mentions[(mention.span.start, mention.span.end)] = mention
    kept = filter_spans([m.span for m in mentions.values()])
    return [mentions[(s.start, s.end)] for s in kept]
