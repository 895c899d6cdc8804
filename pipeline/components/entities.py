"""Entity stage: people, agencies, organizations, venues and places, merged into canonical entities.

Starts from spaCy's NER, adds the spans our patterns find (`models/entity_patterns.json`), fixes boundaries
(leading "the"/"just", titles such as "Sgt."), decides the kind from the word lists in `models/entities.json`,
and merges the mentions of one article into entities ("Helus" -> "Ron Helus"). Writes `doc._.entities`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Iterator

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .. import resources
from ..records import Entity
from .stage import DataStage

POSSESSIVE = {"'s", "’s", "'", "’"}


@dataclass
class Mention:
    """A candidate entity span before canonical merging."""

    span: Span
    kind: str
    label: str  # spaCy NER label or PATTERN


def words() -> dict:
    return resources.load("entities")


def strip_span(span: Span, kind: str) -> Span | None:
    """`span` without leading determiners/intensifiers (and titles, for people) and trailing possessives/punctuation."""
    lists = words()
    leading = set(lists["leading_words_to_strip"])
    if kind == "person":
        leading |= set(lists["person_titles"])
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ in leading or doc[start].is_punct or doc[start].is_space):
        start += 1
    trailing = set(lists["trailing_words_to_strip"]) if kind != "person" else set()
    while end > start + 1 and doc[end - 1].lower_ in trailing:
        end -= 1  # "Pew Research Center survey": the survey is not part of the name
    while end > start and (doc[end - 1].lower_ in POSSESSIVE or doc[end - 1].is_space
                           or (doc[end - 1].is_punct and doc[end - 1].text not in {".", "&"})):
        end -= 1
    if end > start and doc[end - 1].text == "." and not _abbreviation(doc[end - 2: end]):
        end -= 1
    if start >= end:
        return None
    return doc[start:end]


def _abbreviation(tokens: Span) -> bool:
    """True where a final "." belongs to the name ("Calif.", "Inc.", "D.C.")."""
    text = tokens.text
    return len(text) > 1 and (text[0].isupper() and len(tokens) == 2 and len(tokens[0]) <= 5)


def kind_of(span: Span, label: str) -> str | None:
    """The newsclaims kind of an NER span, or None where it is none of ours."""
    lists = words()
    kind = lists["ner_label_kinds"].get(label)
    if kind not in ("organization", "venue"):
        return kind
    text = span.text.lower().replace("’", "'")
    if text in lists["agency_names"] or any(_contains_phrase(text, w) for w in lists["agency_words"]):
        return "agency"
    if span[-1].lower_ in lists["place_final_words"] or span[0].lower_ in lists["place_first_words"]:
        return "place"
    if any(_contains_phrase(text, w) for w in lists["organization_over_venue"]):
        return "organization"
    if any(_contains_phrase(text, w) for w in lists["venue_nouns"]):
        return "venue"
    return kind


def _contains_phrase(text: str, phrase: str) -> bool:
    return re.search(r"(?<![\w'])" + re.escape(phrase.replace("’", "'")) + r"(?![\w])", text) is not None


def pattern_matcher(nlp_vocab) -> Matcher:
    """A Matcher over the patterns of `models/entity_patterns.json`, keyed by kind."""
    matcher = Matcher(nlp_vocab)
    for i, entry in enumerate(resources.load("entity_patterns")["patterns"]):
        matcher.add(f"{entry['kind']}#{i}", [entry["pattern"]], greedy="LONGEST")
    return matcher


def candidate_mentions(doc: Doc, matcher: Matcher) -> list[Mention]:
    """NER and pattern spans, boundaries fixed, overlaps resolved in favour of the longer span."""
    lists = words()
    pattern_spans = []
    for match_id, start, end in matcher(doc):
        kind = doc.vocab.strings[match_id].split("#")[0]
        pattern_spans.append(Span(doc, start, end, label=kind))
    mentions: dict[tuple[int, int], Mention] = {}
    for ent in doc.ents:
        kind = kind_of(ent, ent.label_)
        if kind is None and ent.label_ in ("NORP", "PRODUCT", "WORK_OF_ART", "EVENT"):
            kind = "unknown"  # kept only if it turns out to be a known person's surname
        if kind is None:
            continue
        span = strip_span(ent, kind)
        if span is None or span.text.lower() in lists["not_entities"]:
            continue
        mentions[(span.start, span.end)] = Mention(span, kind, ent.label_)
    for span in pattern_spans:
        kind = span.label_
        stripped = strip_span(span, kind)
        if stripped is not None:
            mentions[(stripped.start, stripped.end)] = Mention(stripped, kind_of(stripped, "ORG") if kind == "organization" else kind, "PATTERN")
    for span in dateline_places(doc):
        mentions[(span.start, span.end)] = Mention(span, "place", "DATELINE")
    kept = filter_spans([m.span for m in mentions.values()])
    return [mentions[(s.start, s.end)] for s in kept]


def dateline_places(doc: Doc) -> list[Span]:
    """The places of a dateline opening a paragraph: "CEDAR FALLS, Iowa — ..." gives CEDAR FALLS and Iowa."""
    out = []
    for sent in doc.sents:
        i = sent.start
        while i < sent.end and doc[i].is_space:
            i += 1
        j = i
        while j < sent.end and doc[j].is_upper and doc[j].is_alpha:
            j += 1
        if j == i or j >= sent.end or doc[j].text != ",":
            continue
        k = j + 1
        while k < sent.end and (doc[k].is_title or doc[k].text == "."):
            k += 1
        if k < sent.end and doc[k].text in ("—", "–", "-", "--") and k > j + 1:
            out += [doc[i:j], doc[j + 1:k]]
    return out


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("&", "and").replace("’", "'")).strip().lower()


def merge_mentions(mentions: list[Mention]) -> list[tuple[Mention, str]]:
    """Give each mention its kind and canonical name within the article.

    People: a mention that is the last word(s) of a full name mentioned elsewhere is that person ("Helus");
    a surface form ever tagged PERSON is a person everywhere ("Trump" tagged ORG once). Other kinds: a mention
    that is the start of a longer mention of the same entity takes its name ("Columbine" -> "Columbine High School").
    """
    by_text: dict[str, set[str]] = {}
    for m in mentions:
        by_text.setdefault(_key(m.span.text), set()).add(m.kind)
    # last words of full names ("Helus" of "Ron Helus"), first words of longer names ("Columbine" of "Columbine
    # High School"): looked up by key, the first full name / the longest name winning
    person_by_suffix: dict[str, Mention] = {}
    for p in (m for m in mentions if m.kind == "person" and len(m.span) > 1):
        for k in range(1, len(p.span)):
            person_by_suffix.setdefault(_key(p.span[-k:].text), p)
    longer_by_prefix: dict[str, Mention] = {}
    for o in sorted((m for m in mentions if len(m.span) > 1 and m.kind not in ("person", "place")),
                    key=lambda m: -len(m.span.text)):
        for k in range(1, len(o.span)):
            longer_by_prefix.setdefault(_key(o.span[:k].text), o)
    out: list[tuple[Mention, str]] = []
    for m in mentions:
        key = _key(m.span.text)
        kind, canonical = m.kind, m.span.text
        person = person_by_suffix.get(key)
        if person is not None and len(m.span) >= len(person.span):
            person = None
        if person is not None and m.kind in ("person", "organization", "unknown"):
            kind, canonical = "person", person.span.text
        elif "person" in by_text[key] and m.kind in ("organization", "unknown"):
            kind = "person"
        elif "place" in by_text[key] and m.kind in ("organization", "unknown", "venue", "person") \
                and (m.kind != "person" or m.span.text.isupper()):
            kind = "place"
        elif m.kind not in ("person", "place"):
            longer = longer_by_prefix.get(key)
            if longer is not None and len(longer.span) > len(m.span):
                kind, canonical = longer.kind, longer.span.text
        if kind == "unknown":
            continue
        out.append((Mention(m.span, kind, m.label), canonical))
    # one canonical spelling per entity: the longest spelling among mentions sharing a normalised canonical
    spelling: dict[str, str] = {}
    for m, canonical in out:
        k = _key(canonical)
        if len(canonical) > len(spelling.get(k, "")):
            spelling[k] = canonical
    return [(m, spelling[_key(c)]) for m, c in out]


def alias_mentions(doc: Doc, merged: list[tuple[Mention, str]]) -> list[tuple[Mention, str]]:
    """Mentions NER missed of people already named in the article: "Helus" once "Ron Helus" was found."""
    names: dict[str, str] = {}
    for m, canonical in merged:
        if m.kind == "person":
            names[m.span.text] = canonical
            names[m.span[-1].text] = canonical
    covered = {i for m, _ in merged for i in range(m.span.start, m.span.end)}
    found = []
    for token in doc:
        if token.i not in covered and token.text in names and token.is_title and token.pos_ in ("PROPN", "NOUN", "ADJ"):
            found.append((Mention(doc[token.i: token.i + 1], "person", "ALIAS"), names[token.text]))
    return found


def entity_records(doc: Doc, matcher: Matcher) -> Iterator[Entity]:
    """The entity mentions of `doc` as records, in text order."""
    merged = merge_mentions(candidate_mentions(doc, matcher))
    merged += alias_mentions(doc, merged)
    for i, (m, canonical) in enumerate(sorted(merged, key=lambda mc: mc[0].span.start_char), start=1):
        yield Entity(id=f"e{i}", text=m.span.text, start=m.span.start_char, end=m.span.end_char,
                     kind=m.kind, label=m.label, canonical=canonical)


class EntityStage(DataStage):
    """spaCy component `newsclaims_entities`: sets `doc._.entities` (list of `Entity`)."""

    data_files = ("entities", "entity_patterns")

    def __init__(self, nlp: Language, name: str):
        super().__init__(name)
        self.vocab = nlp.vocab
        self.loaded()

    def loaded(self) -> None:
        with resources.using(self.data):
            self.matcher = pattern_matcher(self.vocab)

    def process(self, doc: Doc) -> Doc:
        doc._.entities = list(entity_records(doc, self.matcher))
        return doc


def register_extensions(names: Iterable[str]) -> None:
    for name in names:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


@Language.factory("newsclaims_entities", requires=["doc.ents", "token.pos"], assigns=["doc._.entities"])
def make_entity_stage(nlp: Language, name: str) -> EntityStage:
    register_extensions(["entities"])
    return EntityStage(nlp, name)
