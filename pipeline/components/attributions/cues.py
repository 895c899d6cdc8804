"""Cues: the words that introduce reported content, and the finders built on them: cue verbs ("X said that ...",
"..., X said", "As X reported, ..."), cue phrases ("according to X", "In a Washington Post-ABC News poll, ...") and
a name with a colon opening a line ("Graham: ..."). Every finder takes the `Reading` and the attributions found
before it and returns its own."""
from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ...records import TextSpan
from .content import clause_without, content_of, cue_setting
from .found import Found, Reading, SourceParts, text_span, trimmed, with_final_period
from .lexicon import is_cue, words
from .marks import in_quotation, quote_containing
from .sources import SOURCE_KINDS, best_mention, can_find, make_source, mentions_in, source_head

CUE_LEFT_DEPS = ("aux", "advmod", "neg", "auxpass")  # words just before a cue verb that belong to it
COLON_NAME_WORDS = 5  # a "Name:" opening a line is at most this many tokens


def cue_span(verb: Token, content: tuple[int, int]) -> Span:
    """The cue as written: the verb with its auxiliaries and adverbs just before it ("have repeatedly said"), and
    what sets the scene right after it: addressee, time, occasion or medium ("told reporters", "said Thursday",
    "said in a statement", "tweeted Wednesday morning")."""
    doc = verb.doc
    start = verb.i
    while start > 0 and doc[start - 1].head == verb and doc[start - 1].dep_ in CUE_LEFT_DEPS:
        start -= 1
    return doc[start: cue_setting(verb, content)[0]]


def is_agentless_passive(verb: Token) -> bool:
    """"was told the scene was not secure": a passive cue that names nobody."""
    return any(c.dep_ == "auxpass" for c in verb.children) and not any(c.dep_ == "agent" for c in verb.children)


def is_unattributed_question(verb: Token) -> bool:
    """"Asked whether he would run, Reid said ...": a question put by someone unnamed (the reporter); it is an
    attribution with no source."""
    return verb.lemma_.lower() in words()["question_cues"] and verb.tag_ == "VBN" and verb.dep_ == "advcl" \
        and not any(c.dep_ in ("nsubj", "nsubjpass", "agent") for c in verb.children)


def content_span(reading: Reading, content: tuple[int, int]) -> tuple[TextSpan | None, str]:
    """The content's span and kind: direct when it is one quotation, mixed when it holds quoted words, indirect
    otherwise."""
    quote = quote_containing(reading.quotes, *content)
    if quote is not None:
        span = trimmed(reading.text, *quote)
        return (with_final_period(reading.text, span, quote[1]) if span is not None else None), "direct"
    inside = any(q_start < content[1] and content[0] < q_end for q_start, q_end in reading.quotes)
    return trimmed(reading.text, *content, keep_final_period=False), "mixed" if inside else "indirect"


def found_for(verb: Token, head: Token | None, content: tuple[int, int], reading: Reading,
              detected: set[int] = frozenset()) -> Found | None:
    """An attribution for a cue verb, its source's head and its content's char range. `detected`: tokens the
    learned model took for parts of cues, which the cue may grow over ("is upbeat about")."""
    span, kind = content_span(reading, content)
    if span is None:
        return None
    cue = cue_span(verb, (span.start, span.end))
    doc, end = verb.doc, cue.end
    while end < len(doc) and end in detected and not span.start <= doc[end].idx < span.end:
        end += 1
    cue = doc[cue.start:end]
    return Found(text_span(cue), span, kind, make_source(head, verb, reading.entities) if head is not None else None,
                 head)


def verb_attributions(reading: Reading, found: list[Found]) -> list[Found]:
    """Attributions introduced by a cue verb with a subject and content."""
    out: list[Found] = []
    for verb in reading.doc:
        if not is_cue(verb) or is_agentless_passive(verb) or in_quotation(reading.quotes, verb.idx):
            continue  # a verb inside a quotation is the speaker's words, not a cue
        head = source_head(verb)
        content = content_of(verb, head, reading.edges)
        if content is None or (head is None and not is_unattributed_question(verb)):
            continue
        if verb.lemma_.lower() in words()["inanimate_finding_verbs"] and not can_find(head, reading.entities):
            continue  # "The massacre ... show how difficult ...": things show, sources find
        one = found_for(verb, head, content, reading)
        if one is not None:
            out.append(one)
    return out


def is_named_finding(noun: Token, preposition: Token) -> bool:
    """Whether "in <noun>" cites a particular poll or study: "In a Washington Post-ABC News poll, ...", "... in
    the latest survey", not "risen in the polls" or "in the investigation"."""
    if noun.tag_ != "NN" or noun.lemma_.lower() not in words()["setting_documents"]:
        return False
    fronted = preposition.i == preposition.sent.start
    return fronted or any(c.dep_ in ("compound", "nmod", "amod") or (c.dep_ == "poss" and c.pos_ != "PRON")
                          for c in noun.children)


def cue_phrase_at(token: Token) -> tuple[Token, Span, set[Token], bool] | None:
    """The cue phrase starting at `token`: its preposition, the cue, the phrase's words, and whether it cites a
    document ("In a ... poll") rather than a source ("according to")."""
    doc = token.doc
    for first, second in words()["cue_phrases"]:
        if token.lower_ == first and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == second:
            preposition = doc[token.i + 1]
            return preposition, doc[token.i: token.i + 2], set(token.subtree) | set(preposition.subtree), False
    if token.lower_ in words()["setting_document_prepositions"] and token.dep_ == "prep" \
            and token.head.pos_ in ("VERB", "AUX"):
        return token, doc[token.i: token.i + 1], set(token.subtree), True
    return None


def phrase_attributions(reading: Reading, found: list[Found]) -> list[Found]:
    """"..., according to X" and "In a Washington Post-ABC News poll, ...": the content is the clause the phrase
    attaches to, minus the phrase; the source is the phrase's object."""
    out = []
    for token in reading.doc:
        at = cue_phrase_at(token)
        if at is None:
            continue
        preposition, cue, phrase, cites_document = at
        pobj = next((c for c in preposition.children if c.dep_ == "pobj"), None)
        if pobj is None or (cites_document and not is_named_finding(pobj, token)):
            continue
        clause = token.head if token.head != token else token.sent.root
        content = clause_without(clause, {t.i for t in phrase})
        span = trimmed(reading.text, *content) if content is not None else None
        if span is None:
            continue
        out.append(Found(text_span(cue), span, "indirect", make_source(pobj, token, reading.entities), pobj))
    return out


def colon_name(sent: Span) -> tuple[Span, Token] | None:
    """The words before a colon among the first few of a sentence, and the colon."""
    first = next((t for t in sent if not t.is_space), None)
    if first is None:
        return None
    colon = next((t for t in sent[:COLON_NAME_WORDS + 1] if t.text == ":"), None)
    if colon is None or colon.i == first.i or colon.i - first.i > COLON_NAME_WORDS:
        return None
    return sent.doc[first.i: colon.i], colon


def colon_attributions(reading: Reading, found: list[Found]) -> list[Found]:
    """"Graham: Trump’s rhetoric destroying GOP’s chance": a name and a colon opening a line or sentence attribute
    what follows to the name (headline style), as do a transcript's speaker labels ("KATE BOULDUAN: Why not
    debate?"), several in the article."""
    text, out = reading.text, []
    labels = re.findall(r"(?m)^[A-Z][A-Z.'’ -]+:", text)
    for sent in reading.doc.sents:
        named = colon_name(sent)
        if named is None:
            continue
        name, colon = named
        mention = best_mention(mentions_in(reading.entities, name.start_char, name.end_char))
        label = len(labels) >= 2 and name.text.isupper() and (name.start_char == 0 or text[name.start_char - 1] == "\n")
        if not label and (mention is None or mention.kind not in SOURCE_KINDS
                          or mention.end - mention.start < len(name.text) - 2):
            continue
        line_end = text.find("\n", colon.idx)
        span = trimmed(text, colon.idx + 1, len(text) if line_end < 0 else line_end, keep_final_period=False)
        if span is None or any(f.content.start <= span.start < f.content.end for f in found):
            continue
        out.append(Found(TextSpan(":", colon.idx, colon.idx + 1), span, "indirect",
                         SourceParts(text=name.text, start=name.start_char, end=name.end_char,
                                     entity=mention.span if mention else None,
                                     canonical=mention.canonical if mention else None),
                         name.root))
    return out
