"""What was said: the char range a cue reports, from its complement clause, its object, the clause it is
parenthetical to, or the paragraph after a closing colon; and the words right after a cue that are not content
(its setting: "told reporters Thursday", "said in a statement")."""
from __future__ import annotations

from spacy.tokens import Doc, Token

from .cue_model import children_by_head
from .lexicon import words

SEPARATORS = (",", "”", "\"", "’", "'", "—")  # what sets content before its cue off from it ("..., X said")
CUE_TRAILERS = ("dobj", "npadvmod", "dative", "prt", "punct")  # a cue's own words between it and its clause
SETTING_DEPS = ("dobj", "npadvmod", "dative", "prt")
SETTING_POS = ("NOUN", "PROPN", "PRON", "ADP", "ADV")

Range = tuple[int, int]
Edges = tuple[list[int], list[int]]


def subtree_edges(doc: Doc) -> Edges:
    """The first and last token index of every token's subtree, in one pass from the leaves up (spaCy's
    `left_edge`/`right_edge` can be stale after non-projective repairs; walking each subtree is quadratic in a long
    sentence). Computed once per parsed text (`found.Reading`)."""
    first, last = list(range(len(doc))), list(range(len(doc)))
    children = children_by_head(doc)
    order, stack = [], [t.i for t in doc if t.head.i == t.i]
    while stack:  # roots first, so that reversed, every child comes before its head
        i = stack.pop()
        order.append(i)
        stack.extend(c.i for c in children[i])
    for i in reversed(order):
        for c in children[i]:
            first[i], last[i] = min(first[i], first[c.i]), max(last[i], last[c.i])
    return first, last


def is_setting(child: Token) -> bool:
    """Whether a phrase right after a cue verb sets the scene (to whom, when, where, how), not the content."""
    return (child.dep_ in SETTING_DEPS and child.pos_ in SETTING_POS
            and not any(t.dep_ in ("relcl", "acl", "ccomp") for t in child.subtree)) \
        or (child.dep_ == "prep" and child.lower_ in words()["cue_setting_prepositions"])


def cue_setting(verb: Token, content: Range | None = None) -> Range:
    """What sets the scene right after a cue verb: to whom, when, where or how it was said (objects and time nouns,
    "told reporters Thursday"; prepositional phrases of occasion or medium, "in a statement", "at a rally in San
    Diego"), never reaching into the content. Returns the index just past the words that belong to the cue, and
    the index just past the whole setting: they differ when a phrase runs on past a comma ("said on CNN, where he
    is a contributor, that ..." -> cue "said on CNN")."""
    doc = verb.doc
    end = verb.i + 1
    for child in verb.rights:
        first, last = child.left_edge, child.right_edge
        if first.i != end or not is_setting(child):
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


def opens_with_that(t: Token) -> bool:
    """Whether the clause `t` heads is introduced by "that" (as its mark, its first word or the word before it)."""
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in t.children) \
        or t.left_edge.lower_ == "that" or (t.left_edge.i > 0 and t.doc[t.left_edge.i - 1].lower_ == "that")


def misattached_complement(verb: Token) -> list[Token]:
    """A "that" clause the parser hung as a relative clause on the cue's setting ("said in one of a series of
    Twitter messages [that the truck was carrying arms]", "alleged in the suit [that Trump earned ...]", where the
    parser may hang "that" elsewhere): it has its own subject, so "that" is not a pronoun."""
    for child in verb.rights:
        if child.dep_ != "prep" or child.lower_ not in words()["cue_setting_prepositions"]:
            continue
        for t in child.subtree:
            if t.dep_ in ("relcl", "acl") and opens_with_that(t) \
                    and any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ not in ("WDT", "WP") for c in t.children):
                return [t]
    return []


def intended_clauses(verb: Token) -> list[Token]:
    """An intention's content: "wants [to take over the mine]", "called for [a recount]"."""
    lemma = verb.lemma_.lower()
    if lemma not in words()["cue_verbs"]["intention"]:
        return []
    clauses = [c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i]
    prepositions = words()["intention_prepositions"].get(lemma)
    if not clauses and prepositions:
        clauses = [g for c in verb.children if c.dep_ == "prep" and c.lower_ in prepositions for g in c.children
                   if g.dep_ == "pobj"]
    return clauses


def reported_clauses(verb: Token) -> tuple[list[Token], bool]:
    """The clauses a cue reports (its complement clauses, else an intention's, else a misattached "that" clause),
    and whether a misattached "that" clause was found (which changes where the content starts)."""
    complements = [c for c in verb.children if c.dep_ == "ccomp"]
    if complements:
        return complements, False
    misattached = misattached_complement(verb)
    return intended_clauses(verb) or misattached, bool(misattached)


def clause_bounds(clauses: list[Token], verb: Token, edges: Edges) -> Range:
    """First and past-the-last token index of the clauses' subtrees, without a following cue's own clause
    (`next_cue_clause`); a subtree's edges are looked up in `edges` when nothing is left out of it."""
    starts, ends = [], []
    first, last = edges
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


def start_past_cue(verb: Token, start: int, end: int) -> int:
    """Where content after its cue starts: "X said [about one in four ...] were": everything between the cue and
    its clause is content, except the cue's own addressee or time ("told reporters", "said Thursday")."""
    doc = verb.doc
    start = cue_setting(verb, (doc[start].idx, doc[end - 1].idx + len(doc[end - 1])))[1]
    while start < len(doc) and doc[start].head == verb and doc[start].dep_ in CUE_TRAILERS:
        start += 1
    return start


def end_before_cue(verb: Token, speaker: Token | None, start: int, end: int) -> int | None:
    """Where content before its cue ends, or None when it is not set off by a comma or a closing quote ("..., X
    said"); it runs up to the speaker ("..., a program expected to cost $115 million a year, officials announced")."""
    doc = verb.doc
    if speaker is not None and end <= speaker.i < verb.i and doc[end].text in SEPARATORS:
        upto = min(t.i for t in speaker.subtree if t.i >= end)
        if not any(t.text in (";", ":") for t in doc[end:upto]):
            end = upto
    last = end
    while last > start and (doc[last - 1].is_punct or doc[last - 1].is_space):
        last -= 1
    if not any(doc[k].text in SEPARATORS for k in range(last, min(end + 1, len(doc)))):
        return None
    return last


def complement_content(verb: Token, speaker: Token | None, clauses: list[Token], misattached: bool,
                       edges: Edges) -> Range | None:
    """Char range of the clauses a cue reports, without "that", its own setting, or the cue's speaker."""
    doc = verb.doc
    start, end = clause_bounds(clauses, verb, edges)
    if start > verb.i and not misattached:
        start = start_past_cue(verb, start, end)
    if doc[start].lower_ == "that" and (doc[start].dep_ == "mark" or misattached):
        start += 1
    if end <= verb.i:
        end = end_before_cue(verb, speaker, start, end)
        if end is None:
            return None
    if start > verb.i and not any(t.pos_ in ("VERB", "AUX") or t.text in ("“", "\"") for t in doc[end: verb.sent.end]):
        end = verb.sent.end  # "... hit their target in gunfights just 18 percent of the time": to the sentence's end
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1])


def said_object(verb: Token) -> Range | None:
    """"said yes", "said something strange", "say the same of Sanders": what was said is the object."""
    if verb.lemma_.lower() not in words()["object_cues"]:
        return None
    objects = [c for c in verb.children if c.dep_ in ("dobj", "attr") and c.i > verb.i and c.pos_ != "PRON"
               or (c.dep_ == "dobj" and c.lower_ in words()["said_pronoun_objects"])]
    if not objects:
        return None
    last = objects[0].right_edge
    for c in verb.rights:  # "citing his anger [at articles]": a phrase the parser hung on the verb
        if c.i > last.i and c.left_edge.i == last.i + 1 and c.dep_ == "prep" \
                and c.lower_ not in words()["cue_setting_prepositions"]:
            last = c.right_edge
    return objects[0].left_edge.idx, last.idx + len(last)


def is_as_clause(verb: Token) -> bool:
    """"As The Daily Caller reported, ...": a cue in an as-clause, which reports the clause it is part of."""
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)


def sentence_around(verb: Token) -> Range | None:
    """"This campaign, he says, is different": the sentence around a parenthetical cue (a fronted clause the
    parser hung on the cue, "After the court ruled, Hebert said, ...", is not where it starts)."""
    doc = verb.doc
    fronted = {t.i for c in verb.children if c.dep_ == "advcl" and c.i < verb.i for t in c.subtree}
    first = min(t.i for t in verb.subtree if t.i not in fronted)
    if verb.dep_ == "parataxis" and verb.head.i > verb.i and verb.sent.start < first \
            and not doc[first - 1].is_quote and not any(t.is_quote for t in verb.subtree):
        return verb.sent.start_char, verb.sent.end_char
    return None


def next_paragraph(verb: Token) -> Range | None:
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


def clause_before_inverted_cue(verb: Token, speaker: Token | None) -> Range | None:
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


def clause_before_parenthetical_cue(verb: Token) -> Range | None:
    """"The plan will fail, she said": the sentence up to a cue set off after the clause it reports, when the cue
    has no object of its own."""
    if verb.dep_ not in ("parataxis", "ccomp", "advcl", "conj") or verb.head.i >= verb.i:
        return None
    doc, sent = verb.doc, verb.sent
    first = min(t.i for t in verb.subtree)
    parenthetical = doc[first].text == "," or (first > 0 and doc[first - 1].text in (",", "”", "\""))
    has_object = any(c.dep_ in ("dobj", "attr", "acomp", "xcomp", "oprd") and verb.lemma_ not in words()["addressee_cues"]
                     for c in verb.children)
    if first > sent.start and parenthetical and not has_object:
        return sent.start_char, doc[first - 1].idx + len(doc[first - 1])
    return None


def content_of(verb: Token, speaker: Token | None, edges: Edges) -> Range | None:
    """Char range of what the cue reports: its complement clause, its object, the clause an as-clause is part of,
    or, for a cue with none of these, the first of: the sentence around it, the paragraph after its colon, the
    clause before an inverted cue, the clause before a parenthetical cue."""
    clauses, misattached = reported_clauses(verb)
    if clauses:
        return complement_content(verb, speaker, clauses, misattached, edges)
    said = said_object(verb)
    if said is not None:
        return said
    if is_as_clause(verb):
        return clause_without(verb.head, {t.i for t in verb.subtree})
    return sentence_around(verb) or next_paragraph(verb) or clause_before_inverted_cue(verb, speaker) \
        or clause_before_parenthetical_cue(verb)


def clause_without(clause: Token, left_out: set[int]) -> Range | None:
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
