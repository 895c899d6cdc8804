"""Quotations the parse did not tie to a cue: a quotation with a speech verb right after it ("“A,” I said") or a
lead-in before it ("He put it simply: “...”"), and a quotation with no cue at all, which continues the previous
quoted speaker in the same paragraph."""
from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.tokens import Span, Token

from ...records import TextSpan
from .cues import cue_span
from .found import Found, Reading, SourceParts, text_span, trimmed, with_final_period
from .lexicon import is_cue, is_speech_cue, words
from .marks import paragraphs
from .sources import make_source, source_head

LEAD_IN_WORDS = 6  # a colon lead-in's verb phrase longer than this is cut to the verb ("contrasted ... with Clinton:")
CUE_AFTER_QUOTE = 6  # tokens after a quotation in which its speech verb may stand
SPEAKER_DEPS = ("nsubj", "compound", "det", "amod", "punct", "poss", "appos")  # words between a quotation and its cue
QUOTE_REACH = 5000  # chars: no attribution's content runs longer than a few paragraphs
Range = tuple[int, int]


def covered_by(covered: list[Range], q_start: int, q_end: int) -> bool:
    """Whether a quotation (its words, without marks and spaces) already is, give or take a character or two, the
    content of an attribution."""
    return any(s - 2 <= q_start and q_end <= e + 2 for s, e in covered)


def is_utterance(text: str, span: TextSpan, q_end: int) -> bool:
    """Whether a quotation can stand alone: several words, or one word ended as a whole utterance ("“Absolutely,”")."""
    return len(span.text.split()) >= 2 or text[q_end - 1: q_end] in (",", ".", "?", "!")


def cue_after_quote(reading: Reading, q_end: int, starts: list[int]) -> Token | None:
    """A speech verb right after the quotation, with nothing between but a comma or its speaker ("“A,” I said",
    "“A,” Mayor Ana Ortiz said"), on the same line."""
    doc, text = reading.doc, reading.text
    after = bisect_left(starts, q_end + 1)
    verb = next((t for t in doc[after: after + CUE_AFTER_QUOTE] if is_speech_cue(t)
                 and (text[q_end + 1: t.idx].strip(" ,\u00a0\n") == ""
                      or all(x.dep_ in SPEAKER_DEPS or x.pos_ == "PROPN" for x in doc[after: t.i]))), None)
    return verb if verb is not None and "\n" not in text[q_end: verb.idx] else None


def lead_in_before_quote(reading: Reading, q_start: int, starts: list[int], one_word: bool
                         ) -> tuple[Token | None, Token | None, Token | None]:
    """The cue, the speaker's head and the closing mark of a lead-in before the quotation ("X said: “...”", "The
    chief put it simply: “...”", 'Karadsheh says:\\n\\n"Well, ...'); Nones when there is none."""
    doc, text = reading.doc, reading.text
    before = bisect_left(starts, q_start) - 2  # the token before the opening mark
    while before >= 0 and doc[before].is_space:
        before -= 1  # a lead-in ending the paragraph before
    gap = text[doc[before].idx: q_start] if before >= 0 else ""
    if before < 0 or doc[before].text not in (":", "—", ",") or ("\n" in gap and doc[before].text != ":"):
        return None, None, None
    lead = doc[before]
    root = doc[before - 1] if before > 0 else None
    while root is not None and root.head != root and root.head.i < before:
        root = root.head  # the clause before the colon: "The chief put it simply:"
    if root is None or root.i >= before:
        return None, None, None
    head = source_head(root) if is_cue(root) else next((c for c in root.children if c.dep_ == "nsubj"), None)
    cue_token = root if is_cue(root) else (lead if lead.text == ":" else None)
    lead_in = None
    if cue_token is lead and root.pos_ in ("VERB", "AUX") and before - root.i <= LEAD_IN_WORDS:
        cue_token, lead_in = root, lead  # "The chief put it simply:": the verb phrase to the colon
    if one_word and not (is_cue(root) and before - root.i <= 2):
        cue_token = None
    return cue_token, head, lead_in


def quote_cue(cue_token: Token, lead_in: Token | None, span: TextSpan) -> Span:
    """The cue as written: a bare colon, a lead-in's verb phrase through its colon, or a cue verb with its setting."""
    doc = cue_token.doc
    if cue_token.text == ":":
        return doc[cue_token.i: cue_token.i + 1]
    if lead_in is not None:
        return doc[cue_span(cue_token, (span.start, span.end)).start: lead_in.i + 1]
    return cue_span(cue_token, (span.start, span.end))


def quote_cue_attributions(reading: Reading, found: list[Found]) -> list[Found]:
    """Quotations whose cue the parse did not tie to them: "“A,” I said, “B”" (a cue right after the quote), and
    colon lead-ins ("He put it simply: “...”", "X said: “...”")."""
    out, text = [], reading.text
    covered = [(f.content.start, f.content.end) for f in found]
    starts = [t.idx for t in reading.doc]
    for q_start, q_end in reading.quotes:
        span = trimmed(text, q_start, q_end)
        if span is None or covered_by(covered, span.start, span.end) or not is_utterance(text, span, q_end):
            continue
        verb = cue_after_quote(reading, q_end, starts)
        if verb is not None:
            cue_token, head, lead_in = verb, source_head(verb), None
        else:
            cue_token, head, lead_in = lead_in_before_quote(reading, q_start, starts, len(span.text.split()) < 2)
        if head is None or cue_token is None:
            continue
        span = with_final_period(text, span, q_end)
        out.append(Found(text_span(quote_cue(cue_token, lead_in, span)), span, "direct",
                         make_source(head, cue_token, reading.entities), head))
        covered.append((span.start, span.end))
    return out


def floating_quotes(text: str, quotes: list[Range], found: list[Found]) -> list[Found]:
    """Quotations with no cue of their own that continue the previous quoted speaker in the same paragraph
    (`found`: the rule attributions, in the text order of their cues)."""
    para_starts = [s for s, _ in paragraphs(text)]
    para_of = lambda pos: bisect_left(para_starts, pos + 1) - 1  # noqa: E731
    covered = sorted((f.content.start, f.content.end) for f in found)
    covered_starts = [s for s, _ in covered]
    quoted = sorted((f for f in found if f.kind in ("direct", "mixed") and f.source),
                    key=lambda f: (f.content.end, f.content.start))
    quoted_ends = [f.content.end for f in quoted]
    indirect = sorted((f for f in found if f.kind == "indirect"), key=lambda f: f.content.start)
    indirect_starts = [f.content.start for f in indirect]
    out: list[Found] = []
    for q_start, q_end in quotes:
        near = covered[max(0, bisect_left(covered_starts, q_start - QUOTE_REACH)): bisect_left(covered_starts, q_end + 3)]
        if any(s - 2 <= q_start and q_end <= e + 2 or (q_start <= s and e <= q_end) for s, e in near):
            continue
        span = trimmed(text, q_start, q_end)
        if span is None or len(span.text.split()) < words()["min_quote_words"]:
            continue
        span = with_final_period(text, span, q_end)
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
                         SourceParts(text=None, start=None, end=None, entity=src.entity, canonical=src.canonical,
                                     role=None)))
    return out
