"""Attribution stage: who said or found what, through which cue, in which words.

Finds three things and joins them:
- quotations, by pairing quote marks within a paragraph (`quote_spans`);
- cues: speech, cognition and finding verbs with a subject and a content clause ("X said that ...",
  "..., X said", "As X reported, ...", "a study that found ..."), "according to X" and "in a poll by X";
- sources: the cue's subject, with appositive roles ("Adam Lankford, a criminology professor at ..."), titles
  ("Ventura County Sheriff Geoff Dean"), pronouns and surnames resolved to the article's entities.
Content inside one quotation is a direct quote; content mixing quoted and unquoted text is mixed; the rest is
indirect. A quotation with no cue of its own continues the previous speaker's quote in the same paragraph.
Word lists: `models/attribution.json`. Writes `doc._.attributions` (list of `Attribution`).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from contextlib import contextmanager
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .. import resources
from ..records import Attribution, Entity, Source, TextSpan
from . import cue_model
from .entities import register_extensions
from .stage import DataStage

SEPARATORS = (",", "”", "\"", "’", "'", "—")
CUE_TRAILERS = ("dobj", "npadvmod", "dative", "prt", "punct")
CONTENT_EDGE = " \t\n\u00a0,;:—–-\"“”‘’«»"
LEAD_IN_WORDS = 6  # a colon lead-in's verb phrase longer than this is cut to the verb ("contrasted ... with Clinton:")


@dataclass
class Found:
    """An attribution before ids: token-level cue/source, char-level content."""

    cue: TextSpan
    content: TextSpan
    kind: str
    source: Source | None
    source_head: Token | None = None
    detected_by: str = "rules"


def words() -> dict:
    """The word lists of `models/attribution.json`, with "verbs": every cue verb of every group."""
    return resources.derived(with_cue_verbs, "attribution")


def with_cue_verbs(data: dict) -> dict:
    return {**data, "verbs": {lemma for group in data["cue_verbs"].values() for lemma in group}}


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: text between blank lines or line breaks."""
    out, start = [], 0
    for m in re.finditer(r"\n\s*", text):
        if m.start() > start:
            out.append((start, m.start()))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the inside of each quotation, pairing marks within a paragraph.

    Curly and guillemet marks pair by shape, straight double quotes alternately. A quotation left open at the
    end of a paragraph runs to the paragraph's end (the next paragraph may reopen it).
    """
    pairs = words()["quote_pairs"]
    straight = set(words()["straight_quotes"])
    out = []
    for p_start, p_end in paragraphs(text):
        open_at: int | None = None
        closer = ""
        for i in range(p_start, p_end):
            ch = text[i]
            if open_at is None:
                if (ch in pairs or ch in straight) and not (ch == "‘" and i > p_start and text[i - 1].isalnum()):
                    open_at, closer = i, pairs.get(ch, ch)
            elif ch == closer and not (ch == "’" and i + 1 < p_end and text[i + 1].isalpha()):
                if i > open_at + 1:
                    out.append((open_at + 1, i))
                open_at = None
        if open_at is not None and p_end > open_at + 1:
            out.append((open_at + 1, p_end))
    return out


def trimmed(text: str, start: int, end: int, keep_final_period: bool = True) -> TextSpan | None:
    """The span [start, end) of `text` without edge punctuation, spaces and quote marks."""
    while start < end and text[start] in CONTENT_EDGE:
        start += 1
    while end > start and (text[end - 1] in CONTENT_EDGE or (not keep_final_period and text[end - 1] == ".")):
        end -= 1
    if end <= start:
        return None
    return TextSpan(text[start:end], start, end)


def is_cue(token: Token) -> bool:
    """A verb that can introduce reported content."""
    return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in words()["verbs"] \
        and (token.dep_ != "xcomp" or token.lemma_.lower() in words()["participle_cues"])


def cue_span(verb: Token, content: tuple[int, int]) -> Span:
    """The cue as written: the verb with its auxiliaries and adverbs just before it ("have repeatedly said"), and
    what sets the scene right after it: addressee, time, occasion or medium ("told reporters", "said Thursday",
    "said in a statement", "tweeted Wednesday morning")."""
    doc = verb.doc
    start = verb.i
    while start > 0 and doc[start - 1].head == verb and doc[start - 1].dep_ in ("aux", "advmod", "neg", "auxpass"):
        start -= 1
    return doc[start: cue_setting(verb, content)[0]]


def cue_setting(verb: Token, content: tuple[int, int] | None = None) -> tuple[int, int]:
    """What sets the scene right after a cue verb: to whom, when, where or how it was said (objects and time nouns,
    "told reporters Thursday"; prepositional phrases of occasion or medium, "in a statement", "at a rally in San
    Diego"), never reaching into the content. Returns the index just past the words that belong to the cue, and
    the index just past the whole setting: they differ when a phrase runs on past a comma ("said on CNN, where he
    is a contributor, that ..." -> cue "said on CNN")."""
    doc = verb.doc
    end = verb.i + 1
    for child in verb.rights:
        first, last = child.left_edge, child.right_edge
        if first.i != end:
            break
        setting = (child.dep_ in ("dobj", "npadvmod", "dative", "prt") and child.pos_ in ("NOUN", "PROPN", "PRON", "ADP", "ADV")
                   and not any(t.dep_ in ("relcl", "acl", "ccomp") for t in child.subtree)) \
            or (child.dep_ == "prep" and child.lower_ in words()["cue_setting_prepositions"])
        if not setting:
            break
        if content is not None and first.idx < content[1] and content[0] < last.idx + len(last):
            if child.dep_ == "prep" and first.idx < content[0]:
                # "said in one of a series of messages [that the truck was ...]": the phrase up to the content
                inside = [t.i for t in doc[first.i: last.i + 1] if t.idx < content[0] and t.text not in ("that", ",")]
                end = max(inside[-1] + 1, end) if inside else end
            break
        comma = next((t.i for t in doc[first.i: last.i + 1] if t.text in (",", "—", "(")), None)
        if comma is not None:
            return comma, last.i + 1
        end = last.i + 1
    return end, end


def source_head(verb: Token) -> Token | None:
    """The token naming who speaks: the verb's subject, a passive's agent, or what a relative "that" stands for."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj") and not (c.is_punct or c.is_quote)]
    if not subjects and verb.tag_ != "VBG":
        # "«...,» said Mayor Ana Ortiz": an inverted cue whose speaker the parser did not take for the subject
        after = [c for c in verb.children if c.i > verb.i and c.pos_ in ("PROPN", "NOUN") and c.dep_ in
                 ("dobj", "attr", "npadvmod", "appos", "nsubj", "oprd")]
        if after and verb.i + 1 < len(verb.doc) and verb.doc[verb.i + 1].pos_ in ("PROPN", "NOUN", "DET", "ADJ"):
            subjects = after[:1]
    if not subjects and not any(c.dep_ == "agent" for c in verb.children):
        if verb.dep_ == "conj" and verb.head.dep_ == "ccomp" and verb.head.head.i < verb.head.i \
                and is_cue(verb.head.head) and verb.i in next_cue_clause(verb.head):
            return source_head(verb.head.head)  # "Lazar said he welcomed it and added ...": Lazar added
        if verb.dep_ == "conj" or (verb.tag_ == "VBG" and verb.lemma_.lower() in words()["participle_cues"]):
            # "survived 5 years in a prison and says ...", "..., saying the plan would fail": the governing subject
            return governing_subject(verb)
        subjects = stranded_subject(verb)
    # two subjects means the parser took part of a fronted content clause for one: the speaker is nearest the verb
    return agent_or_antecedent(verb, min(subjects, key=lambda c: abs(c.i - verb.i)) if subjects else None)


def governing_subject(verb: Token) -> Token | None:
    """Who does what a subjectless verb says: the subject of the clause it hangs from, up to three levels up through
    a coordination, an adverbial or open clause or a preposition ("called on Congress to act and said ...", "declined
    to comment, saying ...", "picked up from his daughter by saying ..."); a relative "who" is what it stands for."""
    t = verb
    for _ in range(3):
        if t.dep_ in ("advcl", "xcomp", "conj"):
            t = t.head
        elif t.dep_ == "pcomp" and t.head.dep_ == "prep":
            t = t.head.head
        else:
            return None
        if t.pos_ not in ("VERB", "AUX"):
            return None
        subject = next((c for c in t.children if c.dep_ == "nsubj" and not (c.is_punct or c.is_quote)), None)
        if subject is not None:
            return agent_or_antecedent(t, subject)
    return None


def stranded_subject(verb: Token) -> list[Token]:
    """A name the parser hung on a fronted phrase instead of the verb after it ("As part of his plea, Marcel Lazar,
    44, said ..."): the proper noun of the appositive just before the verb."""
    before, first = verb.i - 1, verb.sent.start
    while before >= first and verb.doc[before].is_punct:
        before -= 1
    if before < first or verb.doc[verb.i - 1].text != ",":
        return []
    t, names = verb.doc[before], []
    while t.dep_ in ("appos", "compound", "nummod", "flat") and t.head.i < t.i:
        if t.pos_ == "PROPN" and t.dep_ == "appos":
            names.append(t)
        t = t.head
    return names[-1:]


def agent_or_antecedent(verb: Token, subject: Token | None) -> Token | None:
    """The speaker given the subject found: a passive's agent when there is none ("was reported by X"), what a
    relative "who"/"that" stands for when that is the subject."""
    if subject is None:
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        subject = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if subject is not None and subject.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
        subject = verb.head
    return subject


def source_span(head: Token, verb: Token) -> Span:
    """The words naming the source: `head`'s phrase without appositives, relative clauses or the cue itself,
    never reaching over a line break or out of the sentence."""
    cut = {"appos", "relcl", "acl", "punct", "advcl"}
    kept = {head.i} | {t.i for c in head.children if c.dep_ not in cut and c != verb and verb not in c.subtree
                       for t in c.subtree}
    doc = head.doc
    start = end = head.i
    while start - 1 in kept and "\n" not in doc[start - 1].text_with_ws and not doc[start - 1].is_space:
        start -= 1
    while end + 1 in kept and "\n" not in doc[end].whitespace_ and not doc[end + 1].is_space:
        end += 1
    while end > start and (doc[end].is_punct or doc[end].is_quote) and doc[end].text not in ("&",):
        end -= 1
    while start < end and (doc[start].is_punct or doc[start].is_quote):
        start += 1
    return doc[start: end + 1]


def source_phrase(head: Token, verb: Token) -> Span:
    """The whole phrase naming the source as written: `head`'s noun phrase with titles, ages, appositives and
    relative clauses ("Jimmy Ghazal, 39, a Lebanese man visiting Nice with his family"; "Ron Weiser, who was a
    co-chair"), up to the relative pronoun where the cue is in the relative clause ("Perez, who"), within the
    sentence and the paragraph, never the cue."""
    pronoun = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("WDT", "WP")), None)

    def under_verb(t: Token) -> bool:  # t hangs from `head` through the cue verb ("Perez, who [said ...]")
        while t != head:
            if t == verb:
                return True
            t = t.head
        return False

    inside = {t.i for t in head.subtree if not under_verb(t)}
    if pronoun is not None:
        inside.add(pronoun.i)
    doc, sent = head.doc, head.sent
    start = end = head.i
    while start - 1 in inside and start - 1 >= sent.start and "\n" not in doc[start - 1].text_with_ws:
        start -= 1
    while end + 1 in inside and end + 1 < sent.end and "\n" not in doc[end].text_with_ws:
        end += 1
    while end > start and (doc[end].is_punct or doc[end].is_quote or doc[end].is_space) and doc[end].text != ")":
        end -= 1
    while start < end and (doc[start].is_punct or doc[start].is_quote or doc[start].is_space):
        start += 1
    return doc[start: end + 1]


def role_of(head: Token, span: Span, mention: Entity | None) -> str | None:
    """The source's role: an appositive ("a criminology professor at ...") or the title before the name."""
    appos = next((c for c in head.children if c.dep_ == "appos"), None)
    if appos is not None and appos.pos_ in ("NOUN", "PROPN") and not any(t.like_num for t in appos.subtree):
        sub = list(appos.subtree)
        role = head.doc[sub[0].i: sub[-1].i + 1]
        return role.text.strip(" ,")
    if mention is not None and mention.kind == "person" and mention.start > span.start_char:
        text = span.text[: mention.start - span.start_char].strip()
        words_ = text.split()
        if words_ and words_[0].lower() in words()["determiners"]:
            words_ = words_[1:]
        return " ".join(words_) or None
    return None


def mentions_in(entities: list[Entity], start: int, end: int) -> list[Entity]:
    return [e for e in entities if e.start >= start and e.end <= end]


def best_mention(mentions: list[Entity], head: Token | None = None) -> Entity | None:
    """The entity a source phrase is about: the one holding its head word, else a person, then a body, then
    anything else; earliest first."""
    if head is not None:
        holding = [m for m in mentions if m.start <= head.idx < m.end]
        if holding:
            return holding[0]
    for kinds in (("person",), ("agency", "organization")) + ((("venue", "place"),) if head is None else ()):
        hit = [m for m in mentions if m.kind in kinds]
        if hit:
            return hit[0]
    return None


def resolve_pronoun(pronoun: Token, entities: list[Entity], previous: list[Found]) -> Entity | None:
    """The entity a pronoun source stands for: the last person quoted or named before it."""
    kind = words()["pronouns"].get(pronoun.lower_)
    before = [e for e in entities if e.end <= pronoun.idx]
    if kind == "person":
        last_speaker = next((f for f in reversed(previous) if f.source and f.source.entity and f.cue.start < pronoun.idx), None)
        nearest = next((e for e in reversed(before) if e.kind == "person"), None)
        if last_speaker is not None and nearest is not None and last_speaker.source.canonical != nearest.canonical:
            speaker_entity = next((e for e in entities if e.id == last_speaker.source.entity), None)
            # the last speaker wins when no other person was named since their attribution
            if speaker_entity is not None and nearest.start < last_speaker.cue.start:
                return speaker_entity
        return nearest
    if kind == "body":
        return next((e for e in reversed(before) if e.kind in ("agency", "organization")), None)
    return None


def can_find(head: Token, entities: list[Entity]) -> bool:
    """Whether a finding verb's subject can be a source: a named body or person, a pronoun or a document ("a study")."""
    if head.pos_ == "PRON" or head.lemma_.lower() in words()["document_nouns"] + words()["body_nouns"]:
        return True
    phrase = list(head.subtree)
    start, end = phrase[0].idx, phrase[-1].idx + len(phrase[-1])
    return any(e.kind in ("person", "agency", "organization") for e in mentions_in(entities, start, end))


def is_description(span: Span) -> bool:
    """"the agency", "The group": a definite description of a body, which refers back to one named before; also
    people placed at a body just named ("Researchers there", "officials there")."""
    if len(span) == 2 and span[1].lower_ == "there" and span[0].pos_ == "NOUN":
        return True
    return len(span) == 2 and span[0].lower_ == "the" and span[1].lemma_.lower() in words()["body_nouns"]


def resolve_references(found: list[Found], entities: list[Entity]) -> None:
    """Resolve pronoun and description sources ("he said", "the agency said") in text order, each against the
    attributions before it."""
    for i, f in enumerate(found):
        head = f.source_head
        if f.source is None or f.source.entity or head is None or f.source.start is None:
            continue
        span = head.doc.char_span(f.source.start, f.source.end)
        mention = None
        outer = next((o for o in found if o is not f and o.source and o.content.start <= f.cue.start < o.content.end
                      and o.cue.start < f.cue.start), None) if span is not None and len(span) == 1 else None
        if outer is not None and head.lower_ in ("they", "we", "he", "she") and outer.source.canonical:
            # "officials said they plan to ...": the pronoun is the outer speaker
            f.source.entity, f.source.canonical = outer.source.entity, outer.source.canonical
            continue
        if span is not None and len(span) == 1 and head.pos_ == "PRON":
            mention = resolve_pronoun(head, entities, found[:i])
        elif span is not None and is_description(span):
            mention = resolve_description(head, entities, found[:i])
        if mention is not None:
            f.source.entity, f.source.canonical = mention.id, mention.canonical


def resolve_description(head: Token, entities: list[Entity], previous: list[Found]) -> Entity | None:
    """The body a definite description ("the agency", "the group") refers back to: the last body cited as a
    source, else the last body named."""
    bodies = ("agency", "organization")
    by_id = {e.id: e for e in entities}
    for f in reversed(previous):
        e = by_id.get(f.source.entity) if f.source and f.source.entity else None
        if e is not None and e.kind != "person" and f.cue.start < head.idx:
            return e  # a cited "place" is a body the NER took for a place ("a survey by Hunger Free Colorado")
    return next((e for e in reversed(entities) if e.kind in bodies and e.end <= head.idx), None)


def make_source(head: Token, verb: Token, entities: list[Entity]) -> Source:
    """The `Source` record for a cue's subject, resolved to an entity where one fits."""
    span = source_span(head, verb)
    mention = best_mention(mentions_in(entities, span.start_char, span.end_char), head)
    role = None
    if mention is None and head.pos_ not in ("PROPN", "PRON") and not is_description(span):
        # "The warehouse owner, Harbor Logistics, said": the appositive names it; "a report ... by the ASCE":
        # a document's author
        appos = next((c for c in head.children if c.dep_ == "appos"), None)
        where = list(appos.subtree) if appos is not None else []
        if not where and head.lemma_.lower() in words()["document_nouns"]:
            inside = verb in head.subtree  # "a study that found": leave the finding out
            where = [t for t in head.subtree if not (inside and (t == verb or verb in t.ancestors))]
        if where:
            mention = best_mention(mentions_in(entities, where[0].idx, where[-1].idx + len(where[-1])))
            if mention is not None and appos is not None:
                role = span.text
    if mention is not None:
        canonical = mention.canonical
    else:
        tokens = [t for t in span if not (t.i == span.start and t.lower_ in words()["determiners"])]
        if head.lemma_.lower() in words()["document_nouns"] and head.i == span.end - 1 \
                and tokens and all(t.pos_ == "PROPN" for t in tokens[:-1]) and len(tokens) > 1:
            tokens = tokens[:-1]  # "A Pew Research Center survey": the body that wrote it
            canonical = span.doc[tokens[0].i: tokens[-1].i + 1].text
        else:
            canonical = span.doc[tokens[0].i: span.end].text if tokens else span.text
    phrase = source_phrase(head, verb)
    return Source(text=span.text, start=span.start_char, end=span.end_char,
                  entity=mention.id if mention else None, canonical=canonical,
                  role=role or role_of(head, span, mention if mention and mention.start >= span.start_char else None),
                  phrase=None if (phrase.start_char, phrase.end_char) == (span.start_char, span.end_char)
                  else TextSpan(phrase.text, phrase.start_char, phrase.end_char))


def misattached_complement(verb: Token) -> list[Token]:
    """A "that" clause the parser hung as a relative clause on the cue's setting ("said in one of a series of
    Twitter messages [that the truck was carrying arms]", "alleged in the suit [that Trump earned ...]", where the
    parser may hang "that" elsewhere): it has its own subject, so "that" is not a pronoun."""
    for child in verb.rights:
        if child.dep_ != "prep" or child.lower_ not in words()["cue_setting_prepositions"]:
            continue
        for t in child.subtree:
            that = any(c.dep_ == "mark" and c.lower_ == "that" for c in t.children) \
                or t.left_edge.lower_ == "that" or (t.left_edge.i > 0 and t.doc[t.left_edge.i - 1].lower_ == "that")
            if t.dep_ in ("relcl", "acl") and that \
                    and any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ not in ("WDT", "WP") for c in t.children):
                return [t]
    return []


def next_cue_clause(clause: Token) -> set[int]:
    """Indices of a second cue the parser joined to the reported clause instead of to its cue, with the "and" before
    it ("said he welcomed extradition and [added, "I'll plead guilty"]"): not part of the first one's content."""
    second = next((c for c in clause.children if c.dep_ == "conj" and c.lemma_.lower() in words()["cue_verbs"]["speech"]
                   and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)), None)
    if second is None:
        return set()
    start = second.left_edge.i
    while start - 1 > clause.i and clause.doc[start - 1].dep_ in ("cc", "punct"):
        start -= 1
    return set(range(start, second.right_edge.i + 1))


def next_paragraph(verb: Token) -> tuple[int, int] | None:
    """"In a speech last July, he said:" closing its paragraph: the next paragraph (unless it opens with a quote,
    which the quote cues take)."""
    doc = verb.doc
    first = verb.i + 3
    if first >= len(doc) or doc[verb.i + 1].text != ":" or not doc[verb.i + 2].is_space \
            or "\n" not in doc[verb.i + 1].whitespace_ + doc[verb.i + 2].text or doc[first].text[0] in "“\"‘'«":
        return None
    last = first
    while last + 1 < len(doc) and "\n" not in doc[last].whitespace_ and "\n" not in doc[last + 1].text:
        last += 1
    return doc[first].idx, doc[last].idx + len(doc[last])


def clause_before_inverted_cue(verb: Token, speaker: Token | None) -> tuple[int, int] | None:
    """"Couple global exposure with ... and Clevelanders get nervous, said Christine Link": a clause the parser made
    the subject of a speech verb with nothing reported after it; the content is the sentence up to the comma before
    the cue (or before its speaker), when that holds a verb and is not a fronted phrase of the cue's own."""
    if verb.dep_ != "ROOT" or verb.lemma_.lower() not in words()["cue_verbs"]["speech"] \
            or any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr") and c.i > verb.i for c in verb.children):
        return None
    doc, sent = verb.doc, verb.sent
    left = speaker.left_edge.i if speaker is not None and speaker.i < verb.i else verb.i
    before = doc[sent.start:left - 1]
    if len(before) <= 2 or doc[left - 1].text != "," or not any(t.pos_ in ("VERB", "AUX") for t in before) \
            or any(t.head == verb and t.dep_ in ("advcl", "prep", "npadvmod", "advmod") for t in before) \
            or any(t.text in (";", ":") for t in before) or any(t.is_quote for t in doc[verb.i + 1: sent.end]):
        return None
    return sent.start_char, doc[left - 2].idx + len(doc[left - 2])


def subtree_edges(doc: Doc) -> tuple[list[int], list[int]]:
    """The first and last token index of every token's subtree, in one pass from the leaves up (spaCy's
    `left_edge`/`right_edge` can be stale after non-projective repairs; walking each subtree is quadratic in a long
    sentence). Kept in `doc.user_data` while the stage runs."""
    edges = doc.user_data.get("newsclaims_edges")
    if edges is not None:
        return edges
    first, last = list(range(len(doc))), list(range(len(doc)))
    children = cue_model.children_by_head(doc)
    order, stack = [], [t.i for t in doc if t.head.i == t.i]
    while stack:  # roots first, so that reversed, every child comes before its head
        i = stack.pop()
        order.append(i)
        stack.extend(c.i for c in children[i])
    for i in reversed(order):
        for c in children[i]:
            first[i], last[i] = min(first[i], first[c.i]), max(last[i], last[c.i])
    doc.user_data["newsclaims_edges"] = (first, last)
    return first, last


def clause_bounds(clauses: list[Token], verb: Token) -> tuple[int, int]:
    """First and past-the-last token index of the clauses' subtrees, without a following cue's own clause
    (`next_cue_clause`); a subtree's edges are looked up (`subtree_edges`) when nothing is left out of it."""
    starts, ends = [], []
    first, last = subtree_edges(verb.doc)
    for c in clauses:
        second = set() if c.i < verb.i else next_cue_clause(c)
        if not second:
            starts.append(first[c.i])
            ends.append(last[c.i] + 1)
            continue
        kept = [t.i for t in c.subtree if t.i not in second]
        if kept:
            starts.append(min(kept))
            ends.append(max(kept) + 1)
    return min(starts), max(ends)


def content_of(verb: Token, speaker: Token | None = None) -> tuple[int, int] | None:
    """Char range of what the cue reports: its complement clause, or the clause it is parenthetical to."""
    doc = verb.doc
    comps = [c for c in verb.children if c.dep_ == "ccomp"]
    misattached = [] if comps else misattached_complement(verb)
    if not comps and verb.lemma_.lower() in words()["cue_verbs"]["intention"]:
        # "wants to take over the mine", "called for a recount": an intention's content
        comps = [c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i]
        if not comps and verb.lemma_.lower() == "call":
            comps = [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("for", "on") for g in c.children
                     if g.dep_ == "pobj"]
    if comps or misattached:
        start, end = clause_bounds(comps or misattached, verb)
        if start > verb.i and not misattached:
            # "X said [about one in four ...] were": everything between the cue and its clause is content,
            # except the cue's own addressee or time ("told reporters", "said Thursday")
            start = cue_setting(verb, (doc[start].idx, doc[end - 1].idx + len(doc[end - 1])))[1]
            while start < len(doc) and doc[start].head == verb and doc[start].dep_ in CUE_TRAILERS:
                start += 1
        if doc[start].lower_ == "that" and (doc[start].dep_ == "mark" or misattached):
            start += 1
        if end <= verb.i:
            # content before the cue must be set off by a comma or a closing quote ("..., X said"); it runs up to
            # the speaker ("..., a program expected to cost $115 million a year, officials announced")
            if speaker is not None and end <= speaker.i < verb.i and doc[end].text in SEPARATORS:
                upto = min(t.i for t in speaker.subtree if t.i >= end)
                if not any(t.text in (";", ":") for t in doc[end:upto]):
                    end = upto
            last = end
            while last > start and (doc[last - 1].is_punct or doc[last - 1].is_space):
                last -= 1
            if not any(doc[k].text in SEPARATORS for k in range(last, min(end + 1, len(doc)))):
                return None
            end = last
        tail = doc[end: verb.sent.end]
        if start > verb.i and not any(t.pos_ in ("VERB", "AUX") or t.text in ("“", "\"") for t in tail):
            end = verb.sent.end  # "... hit their target in gunfights just 18 percent of the time": to the sentence's end
        return doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
    if not comps and verb.lemma_.lower() in ("say", "write", "tweet", "post", "answer", "reply", "cite"):
        # "said yes", "said something strange", "say the same of Sanders": what was said is the object
        objects = [c for c in verb.children if c.dep_ in ("dobj", "attr") and c.i > verb.i and c.pos_ != "PRON"
                   or (c.dep_ == "dobj" and c.lower_ in ("so", "something", "nothing", "this", "that"))]
        if objects:
            last = objects[0].right_edge
            for c in verb.rights:  # "citing his anger [at articles]": a phrase the parser hung on the verb
                if c.i > last.i and c.left_edge.i == last.i + 1 and c.dep_ == "prep" \
                        and c.lower_ not in words()["cue_setting_prepositions"]:
                    last = c.right_edge
            return objects[0].left_edge.idx, last.idx + len(last)
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        # "As The Daily Caller reported, the creator gave ...": the clause the as-clause is part of
        return clause_without(verb.head, {t.i for t in verb.subtree})
    # "After the court ruled, Hebert said, most laws were ...": a fronted clause the parser hung on the cue is not it
    fronted = {t.i for c in verb.children if c.dep_ == "advcl" and c.i < verb.i for t in c.subtree}
    first = min(t.i for t in verb.subtree if t.i not in fronted)
    if verb.dep_ == "parataxis" and verb.head.i > verb.i and verb.sent.start < first \
            and not doc[first - 1].is_quote and not any(t.is_quote for t in verb.subtree):
        # "This campaign, he says, is different": the sentence around the parenthetical cue
        sent = verb.sent
        return sent.start_char, sent.end_char
    found = next_paragraph(verb) or clause_before_inverted_cue(verb, speaker)
    if found:
        return found
    if verb.dep_ in ("parataxis", "ccomp", "advcl", "conj") and verb.head.i < verb.i:
        sent = verb.sent
        first = min(t.i for t in verb.subtree)
        parenthetical = doc[first].text == "," or (first > 0 and doc[first - 1].text in (",", "”", "\""))
        has_object = any(c.dep_ in ("dobj", "attr", "acomp", "xcomp", "oprd") and verb.lemma_ != "tell" for c in verb.children)
        if first > sent.start and parenthetical and not has_object:
            return sent.start_char, doc[first - 1].idx + len(doc[first - 1])
    return None


def quote_containing(quotes: list[tuple[int, int]], start: int, end: int) -> tuple[int, int] | None:
    """The quotation the content [start, end) lies in (allowing the quote marks and commas around it)."""
    for q_start, q_end in quotes:
        if q_start - 2 <= start and end <= q_end + 2:
            return q_start, q_end
    return None


def is_unattributed_question(verb: Token) -> bool:
    """"Asked whether he would run, Reid said ...": a question put by someone unnamed (the reporter); it is an
    attribution with no source."""
    return verb.lemma_.lower() == "ask" and verb.tag_ == "VBN" and verb.dep_ == "advcl" \
        and not any(c.dep_ in ("nsubj", "nsubjpass", "agent") for c in verb.children)


def verb_attributions(doc: Doc, text: str, entities: list[Entity], quotes: list[tuple[int, int]]) -> list[Found]:
    """Attributions introduced by a cue verb with a subject and content."""
    found: list[Found] = []
    for verb in doc:
        if not is_cue(verb):
            continue
        if any(c.dep_ == "auxpass" for c in verb.children) and not any(c.dep_ == "agent" for c in verb.children):
            continue  # "was told the scene was not secure": nobody named
        if any(q_start <= verb.idx < q_end for q_start, q_end in quotes):
            continue  # a verb inside a quotation is the speaker's words, not a cue
        head = source_head(verb)
        content = content_of(verb, head)
        if content is None or (head is None and not is_unattributed_question(verb)):
            continue
        if verb.lemma_.lower() in words()["inanimate_finding_verbs"] and not can_find(head, entities):
            continue  # "The massacre ... show how difficult ...": things show, sources find
        one = found_for(verb, head, content, text, entities, quotes)
        if one is not None:
            found.append(one)
    return found


def found_for(verb: Token, head: Token | None, content: tuple[int, int], text: str, entities: list[Entity],
              quotes: list[tuple[int, int]], detected: set[int] = frozenset()) -> Found | None:
    """An attribution for a cue verb, its source's head and its content's char range: direct when the content is
    one quotation, mixed when it holds quoted words, indirect otherwise. `detected`: tokens the learned model
    took for parts of cues, which the cue may grow over ("is upbeat about")."""
    quote = quote_containing(quotes, *content)
    if quote is not None:
        span, kind = trimmed(text, *quote), "direct"
        if span is not None and span.end < quote[1] and text[span.end] == ".":
            span = TextSpan(text[span.start: span.end + 1], span.start, span.end + 1)
    else:
        span = trimmed(text, *content, keep_final_period=False)
        inside = any(q_start < content[1] and content[0] < q_end for q_start, q_end in quotes)
        kind = "mixed" if inside else "indirect"
    if span is None:
        return None
    cue = cue_span(verb, (span.start, span.end))
    doc, end = verb.doc, cue.end
    while end < len(doc) and end in detected and not span.start <= doc[end].idx < span.end:
        end += 1
    cue = doc[cue.start:end]
    return Found(TextSpan(cue.text, cue.start_char, cue.end_char), span, kind,
                 make_source(head, verb, entities) if head is not None else None, head)


LEARNED_CONTENT_DEPS = ("dobj", "xcomp", "ccomp", "prep", "acomp", "attr", "oprd", "dative", "pobj")


def learned_attributions(doc: Doc, text: str, entities: list[Entity], quotes: list[tuple[int, int]],
                         found: list[Found]) -> list[Found]:
    """Attributions whose cue the learned model finds (`cue_model`) and no rule did: the source from the cue's
    subject, the content from its complement clause or, failing that, what follows it as object or prepositional
    phrase ("criticized [the plan]", "is upbeat about [Cruz's chances]")."""
    detected = cue_model.detections(doc)
    if not detected:
        return []
    taken = [(f.cue.start, f.cue.end) for f in found]
    out = []
    for verb in cue_model.cue_heads(doc, detected):
        if any(start <= verb.idx < end for start, end in taken) or \
                any(q_start <= verb.idx < q_end for q_start, q_end in quotes):
            continue
        head = learned_source_head(verb)
        content = content_of(verb, head) if verb.pos_ in ("VERB", "AUX") else None
        grown = detected
        if content is None:
            # the speaker's words, without the cue's own clause ("a supporter who has accused [Sanders] of ...")
            speaker = set(head.subtree) - set(verb.subtree) if head is not None else set()
            # "tried to demonstrate [that ...]", "decided to back [Clinton]": the cue runs through the verb it governs
            inner = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB" and 0 < c.i - verb.i <= 3), verb)
            parts = content_parts(inner, speaker, taken)
            if inner is not verb and parts:
                grown = detected | set(range(verb.i, inner.i + 1))
            elif inner is not verb:
                parts = content_parts(verb, speaker, taken)  # "declined [to comment]"
            if not parts and any(c.dep_ == "auxpass" for c in verb.children):
                # "The fraud allegations were highlighted ...": what a passive cue is about is its subject
                parts = [c for c in verb.children if c.dep_ == "nsubjpass"]
            if not parts:
                continue
            tokens = [t for c in parts for t in c.subtree]
            first, last = min(t.i for t in tokens), max(t.i for t in tokens)
            content = doc[first].idx, doc[last].idx + len(doc[last])
        one = found_for(verb, head, content, text, entities, quotes, grown)
        if one is not None:
            one.detected_by = "model"
            out.append(one)
    return out


def content_parts(verb: Token, speaker: set[Token], taken: list[tuple[int, int]]) -> list[Token]:
    """What a learned cue's object or phrases after it say it is about: its objects, complements and prepositional
    phrases after it, neither the speaker's words, nor a scene ("at the rally"), nor another cue."""
    return [c for c in verb.children if c.dep_ in LEARNED_CONTENT_DEPS and c.i > verb.i and c not in speaker
            and not (c.dep_ == "prep" and c.lower_ in words()["scene_prepositions"])
            and not any(start <= t.idx < end for t in c.subtree for start, end in taken)]


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
        subject = next((c for c in verb.children if c.dep_ == "poss"), None)
        return subject
    if subject is None and not any(c.dep_ == "agent" for c in verb.children):
        return governing_subject(verb)
    return agent_or_antecedent(verb, subject)


def quote_cue_attributions(doc: Doc, text: str, entities: list[Entity], quotes: list[tuple[int, int]],
                           found: list[Found]) -> list[Found]:
    """Quotations whose cue the parse did not tie to them: "“A,” I said, “B”" (a cue right after the quote), and
    colon lead-ins ("He put it simply: “...”", "X said: “...”")."""
    out = []
    covered = [(f.content.start, f.content.end) for f in found]
    starts = [t.idx for t in doc]
    for q_start, q_end in quotes:
        if any(s - 2 <= q_start and q_end <= e + 2 for s, e in covered):
            continue
        span = trimmed(text, q_start, q_end)
        if span is None:
            continue
        # one word is a quotation only as a whole utterance with its cue next to it ("“Absolutely,” he said")
        one_word = len(span.text.split()) < 2
        if one_word and text[q_end - 1: q_end] not in (",", ".", "?", "!"):
            continue
        after = bisect_left(starts, q_end + 1)
        verb = next((t for t in doc[after: after + 6] if is_cue(t) and t.lemma_.lower() in words()["cue_verbs"]["speech"]
                     and text[q_end + 1: t.idx].strip(" ,\u00a0\n") == "" or
                     (is_cue(t) and t.lemma_.lower() in words()["cue_verbs"]["speech"]
                      and all(x.dep_ in ("nsubj", "compound", "det", "amod", "punct", "poss", "appos") or x.pos_ == "PROPN"
                              for x in doc[after: t.i]))), None)
        cue_token, head, lead_in = None, None, None
        if verb is not None and "\n" not in text[q_end: verb.idx]:
            head = source_head(verb)
            cue_token = verb
        else:
            before = bisect_left(starts, q_start) - 2  # the token before the opening mark
            while before >= 0 and doc[before].is_space:
                before -= 1  # 'Karadsheh says:\n\n"Well, ...' : a lead-in ending the paragraph before
            gap = text[doc[before].idx: q_start] if before >= 0 else ""
            if before >= 0 and doc[before].text in (":", "—", ",") and ("\n" not in gap or doc[before].text == ":"):
                lead = doc[before]
                root = doc[before - 1] if before > 0 else None
                while root is not None and root.head != root and root.head.i < before:
                    root = root.head  # the clause before the colon: "The chief put it simply:"
                if root is not None and root.i < before:
                    head = source_head(root) if is_cue(root) else next((c for c in root.children if c.dep_ == "nsubj"), None)
                    cue_token = root if is_cue(root) else (lead if lead.text == ":" else None)
                    if cue_token is lead and root.pos_ in ("VERB", "AUX") and before - root.i <= LEAD_IN_WORDS:
                        cue_token, lead_in = root, lead  # "The chief put it simply:": the verb phrase to the colon
                    if one_word and not (is_cue(root) and before - root.i <= 2):
                        cue_token = None
        if head is None or cue_token is None:
            continue
        if span.end < q_end and text[span.end] == ".":
            span = TextSpan(text[span.start: span.end + 1], span.start, span.end + 1)
        if cue_token.text == ":":
            cue = doc[cue_token.i: cue_token.i + 1]
        elif lead_in is not None:
            cue = doc[cue_span(cue_token, (span.start, span.end)).start: lead_in.i + 1]
        else:
            cue = cue_span(cue_token, (span.start, span.end))
        out.append(Found(TextSpan(cue.text, cue.start_char, cue.end_char), span, "direct",
                         make_source(head, cue_token, entities), head))
        covered.append((span.start, span.end))
    return out


def colon_attributions(doc: Doc, text: str, entities: list[Entity], found: list[Found]) -> list[Found]:
    """"Graham: Trump’s rhetoric destroying GOP’s chance": a name and a colon opening a line or sentence attribute
    what follows to the name (headline style)."""
    out = []
    speaker_labels = re.findall(r"(?m)^[A-Z][A-Z.'’ -]+:", text)
    for sent in doc.sents:
        first = next((t for t in sent if not t.is_space), None)
        if first is None:
            continue
        colon = next((t for t in sent[:6] if t.text == ":"), None)
        if colon is None or colon.i == first.i or colon.i - first.i > 5:
            continue
        name = doc[first.i: colon.i]
        mention = best_mention(mentions_in(entities, name.start_char, name.end_char))
        # a transcript's speaker labels ("KATE BOULDUAN: Why not debate?"), several in the article
        label = len(speaker_labels) >= 2 and name.text.isupper() and (first.idx == 0 or text[first.idx - 1] == "\n")
        if not label and (mention is None or mention.kind not in ("person", "agency", "organization")
                          or mention.end - mention.start < len(name.text) - 2):
            continue
        line_end = text.find("\n", colon.idx)
        end = len(text) if line_end < 0 else line_end
        span = trimmed(text, colon.idx + 1, end, keep_final_period=False)
        if span is None or any(f.content.start <= span.start < f.content.end for f in found):
            continue
        out.append(Found(TextSpan(":", colon.idx, colon.idx + 1), span, "indirect",
                         Source(text=name.text, start=name.start_char, end=name.end_char,
                                entity=mention.id if mention else None, canonical=mention.canonical if mention else None),
                         name.root))
    return out


def clause_without(clause: Token, left_out: set[int]) -> tuple[int, int] | None:
    """Char range of the longer run of `clause`'s words before or after the words `left_out` (a cue phrase)."""
    tokens = [t for t in clause.subtree if t.i not in left_out]
    if not tokens or not left_out:
        return None
    before = [t for t in tokens if t.i < min(left_out)]
    after = [t for t in tokens if t.i > max(left_out)]
    part = before if len(before) >= len(after) else after
    while part and (part[-1].is_punct or part[-1].is_space):
        part = part[:-1]
    while part and (part[0].is_punct or part[0].is_space):
        part = part[1:]
    return (part[0].idx, part[-1].idx + len(part[-1])) if part else None


def is_named_finding(noun: Token, preposition: Token) -> bool:
    """Whether "in <noun>" cites a particular poll or study: "In a Washington Post-ABC News poll, ...", "... in
    the latest survey", not "risen in the polls" or "in the investigation"."""
    if noun.tag_ != "NN" or noun.lemma_.lower() not in words()["setting_documents"]:
        return False
    fronted = preposition.i == preposition.sent.start
    return fronted or any(c.dep_ in ("compound", "nmod", "amod") or (c.dep_ == "poss" and c.pos_ != "PRON")
                          for c in noun.children)


def phrase_attributions(doc: Doc, text: str, entities: list[Entity]) -> list[Found]:
    """"..., according to X" and "In a Washington Post-ABC News poll, ...": the content is the clause the phrase
    attaches to, minus the phrase; the source is the phrase's object."""
    found = []
    for token in doc:
        if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            preposition, cue = doc[token.i + 1], doc[token.i: token.i + 2]
            phrase = set(token.subtree) | set(preposition.subtree)
        elif token.lower_ == "in" and token.dep_ == "prep" and token.head.pos_ in ("VERB", "AUX"):
            preposition, cue = token, doc[token.i: token.i + 1]
            phrase = set(token.subtree)
        else:
            continue
        pobj = next((c for c in preposition.children if c.dep_ == "pobj"), None)
        if pobj is None or (cue.text.lower() == "in" and not is_named_finding(pobj, token)):
            continue
        clause = token.head if token.head != token else token.sent.root
        content = clause_without(clause, {t.i for t in phrase})
        span = trimmed(text, *content) if content is not None else None
        if span is None:
            continue
        found.append(Found(TextSpan(cue.text, cue.start_char, cue.end_char), span, "indirect",
                           make_source(pobj, token, entities), pobj))
    return found


def floating_quotes(text: str, quotes: list[tuple[int, int]], found: list[Found]) -> list[Found]:
    """Quotations with no cue of their own that continue the previous quoted speaker in the same paragraph."""
    para_starts = [s for s, _ in paragraphs(text)]
    para_of = lambda pos: bisect_left(para_starts, pos + 1) - 1  # noqa: E731
    covered = sorted((f.content.start, f.content.end) for f in found)
    covered_starts = [s for s, _ in covered]
    quoted = sorted((f for f in found if f.kind in ("direct", "mixed") and f.source), key=lambda f: f.content.end)
    quoted_ends = [f.content.end for f in quoted]
    indirect = sorted((f for f in found if f.kind == "indirect"), key=lambda f: f.content.start)
    indirect_starts = [f.content.start for f in indirect]
    out: list[Found] = []
    for q_start, q_end in quotes:
        near = covered[max(0, bisect_left(covered_starts, q_start - 5000)): bisect_left(covered_starts, q_end + 3)]
        if any(s - 2 <= q_start and q_end <= e + 2 or (q_start <= s and e <= q_end) for s, e in near):
            continue
        span = trimmed(text, q_start, q_end)
        if span is None or len(span.text.split()) < words()["min_quote_words"]:
            continue
        if span.end < q_end and text[span.end] == ".":
            span = TextSpan(text[span.start: span.end + 1], span.start, span.end + 1)
        k = bisect_right(quoted_ends, q_start) - 1
        previous = [f for f in ([quoted[k]] if k >= 0 else []) + out[-1:] if f.content.end <= q_start]
        if not previous:
            continue
        last = max(previous, key=lambda f: f.content.end)
        if para_of(last.content.start) != para_of(q_start):
            continue
        if any(last.content.end < f.content.start < q_start for f in indirect[max(0, bisect_left(indirect_starts, last.content.end)):
                                                                          bisect_left(indirect_starts, q_start)]):
            continue  # somebody else was reported in between
        src = last.source
        out.append(Found(last.cue, span, "direct",
                         Source(text=None, start=None, end=None, entity=src.entity, canonical=src.canonical, role=None)))
    return out


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


def drop_redundant_nested(found: list[Found]) -> list[Found]:
    """Drop an attribution inside another's content when it has the same source ("Dean said he thinks ...")."""
    keep = []
    by_start = sorted(found, key=lambda o: o.content.start)
    starts = [o.content.start for o in by_start]
    for f in found:
        # contents holding the cue start before it, and no content is longer than a few paragraphs
        lo, hi = bisect_left(starts, f.cue.start - 5000), bisect_left(starts, f.cue.start + 1)
        outer = next((o for o in by_start[lo:hi] if o is not f and o.content.start <= f.cue.start < o.content.end
                      and (o.detected_by == "rules" or f.detected_by == "model")), None)
        if outer is not None and outer.source and f.source and outer.source.canonical == f.source.canonical:
            continue
        keep.append(f)
    return keep


def found_in(doc: Doc, text: str, entities: list[Entity], quotes: list[tuple[int, int]]) -> list[Found]:
    """The attributions every finder sees in `doc` (whose text is `text`), before references are resolved."""
    found = verb_attributions(doc, text, entities, quotes)
    found += quote_cue_attributions(doc, text, entities, quotes, found)
    found += phrase_attributions(doc, text, entities)
    found += colon_attributions(doc, text, entities, found)
    found += learned_attributions(doc, text, entities, quotes, found)
    return found


def title_case_end(text: str) -> int:
    """Where the article's first line ends when it is a headline in Title Case ("Ben Carson Slams Hillary And The
    Media"), which the parser reads as a row of names; 0 when it is not."""
    end = text.find("\n")
    words = re.findall(r"[^\W\d_]+", text[:end]) if end > 0 else []
    if len(words) < 4 or sum(w[0].isupper() for w in words) < 0.8 * len(words):
        return 0
    return end


def sentence_cased(headline: str, body: str) -> str:
    """`headline` with its capitalised words lowercased, except the first, words in capitals ("FBI") and words the
    body writes capitalised inside a sentence (names): as long as `headline`, so every offset holds."""
    names = set(re.findall(r"(?<=[\w,;] )[A-Z][^\W\d_]*", body))

    def recased(m: re.Match) -> str:
        w = m.group()
        keep = m.start() == 0 or w in names or w.isupper() or len(w.lower()) != len(w)
        return w if keep else w.lower()

    return re.sub(r"[^\W\d_]+", recased, headline)


def as_written(f: Found, text: str, recased: str) -> Found:
    """`f`, found in the sentence-cased headline, with every text taken from the article as written."""
    def span(t: TextSpan | None) -> TextSpan | None:
        return t and TextSpan(text[t.start:t.end], t.start, t.end)

    def as_in_text(value: str | None, start: int) -> str | None:
        at = recased.find(value, start) if value else -1
        return text[at: at + len(value)] if at >= 0 else value

    source = f.source
    if source is not None and source.start is not None:
        source = replace(source, text=text[source.start:source.end], phrase=span(source.phrase),
                         canonical=source.canonical if source.entity else as_in_text(source.canonical, source.start),
                         role=as_in_text(source.role, 0))
    return replace(f, cue=span(f.cue), content=span(f.content), source=source)


def headline_attributions(text: str, entities: list[Entity], parse, found: list[Found]) -> list[Found]:
    """Attributions in the Title Case headline of `text`, found by parsing it sentence-cased with `parse`
    (text -> Doc), that the article's own parse missed."""
    end = title_case_end(text)
    if not end:
        return []
    recased = sentence_cased(text[:end], text[end:])
    head = parse(recased)
    taken = [(f.cue.start, f.cue.end) for f in found if f.cue.start < end]
    return [as_written(f, text, recased) for f in found_in(head, recased, [e for e in entities if e.end <= end],
                                                            quote_spans(recased))
            if not any(f.cue.start < e and s < f.cue.end for s, e in taken)]


def attributions_of(doc: Doc, entities: list[Entity], parse=None) -> list[Attribution]:
    """Every attribution in `doc`, in text order; `parse` (text -> parsed Doc) lets a Title Case headline be read
    sentence-cased."""
    text = doc.text
    quotes = quote_spans(text)
    found = found_in(doc, text, entities, quotes)
    if parse is not None:
        found += headline_attributions(text, entities, parse, found)
    found.sort(key=lambda f: f.cue.start)
    resolve_references(found, entities)
    resolve_repeated_documents(found)
    found = drop_redundant_nested(found)
    found.sort(key=lambda f: f.content.start)
    found += floating_quotes(text, quotes, [f for f in found if f.detected_by == "rules"])
    found.sort(key=lambda f: f.content.start)
    return [Attribution(id=f"a{i}", kind=f.kind, source=f.source, cue=f.cue, content=f.content,
                        detected_by=f.detected_by)
            for i, f in enumerate(found, start=1)]


CUE_DETECTORS = ("fast", "accurate")


class AttributionStage(DataStage):
    """spaCy component `newsclaims_attributions`: sets `doc._.attributions` (list of `Attribution`).

    `cue_detector`: "fast" (the logistic regression of `cue_model`) or "accurate" (averaged with `cue_encoder`'s
    network over MiniLM states: several times slower)."""

    data_files = ("attribution", "cue_model", "cue_head.npz")

    def __init__(self, nlp: Language, name: str, cue_detector: str):
        if cue_detector not in CUE_DETECTORS:
            raise ValueError(f"cue_detector must be one of {', '.join(CUE_DETECTORS)}, not {cue_detector!r}")
        super().__init__(name)
        self.nlp = nlp
        self.cue_detector = cue_detector
        self.loaded()

    def loaded(self) -> None:
        """The data it runs with: with the accurate detector, the network's weights joined to the cue model."""
        self.running = dict(self.data)
        if self.cue_detector == "accurate":
            self.running["cue_model"] = cue_model.with_head(self.data["cue_model"], self.data["cue_head.npz"])

    def __call__(self, doc: Doc) -> Doc:
        with resources.using(self.running):
            return self.process(doc)

    @contextmanager
    def detector(self, model: dict):
        """The stage with other cue-model weights while inside (training and evaluation): `model` as
        models/cue_model.json holds it, with "head" for the accurate detector; `cue_model.NO_MODEL` turns it off."""
        before = self.running
        self.running = {**before, "cue_model": model}
        try:
            yield self
        finally:
            self.running = before

    def parse(self, text: str) -> Doc:
        """`text` through the spaCy components before ours (tagger, parser, ...), as the article went."""
        doc = self.nlp.make_doc(text)
        for name, component in self.nlp.pipeline:
            if name.startswith("newsclaims_") and name != "newsclaims_paragraphs":
                break
            doc = component(doc)
        return doc

    def process(self, doc: Doc) -> Doc:
        doc.user_data.pop("newsclaims_edges", None)
        doc._.attributions = attributions_of(doc, doc._.entities or [], self.parse)
        doc.user_data.pop("newsclaims_edges", None)
        return doc


@Language.factory("newsclaims_attributions", requires=["token.dep", "doc._.entities"], assigns=["doc._.attributions"],
                  default_config={"cue_detector": "fast"})
def make_attribution_stage(nlp: Language, name: str, cue_detector: str) -> AttributionStage:
    register_extensions(["attributions", "entities"])
    return AttributionStage(nlp, name, cue_detector)
