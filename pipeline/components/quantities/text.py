"""Reading a Doc by token and by character: skipping spaces, looking ahead, and the per-document index (the text,
token starts, sentences and entities that spaCy would rebuild on every access), built once per stage run."""
from __future__ import annotations

import bisect
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cached_property
from typing import Iterator

from spacy.tokens import Doc, Span

SPACES = " \u00a0\u202f\u2009"


class DocIndex:
    """What the stage looks up in one Doc again and again, each part computed on first use."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.sentence_tables: dict[int, dict] = {}  # sentence start -> what the scopes look up in it

    @cached_property
    def text(self) -> str:
        """The doc's text (spaCy joins the tokens again on every `doc.text`)."""
        return self.doc.text

    @cached_property
    def token_starts(self) -> list[int]:
        """The character offset of each token."""
        return [t.idx for t in self.doc]

    @cached_property
    def ents(self) -> tuple:
        """The doc's entities (spaCy builds a new tuple of spans on every `doc.ents`)."""
        return self.doc.ents

    @cached_property
    def ent_starts(self) -> list[int]:
        """The first token of each entity, in order."""
        return [e.start for e in self.ents]

    @cached_property
    def small_integers(self) -> dict[tuple[int, int], list[int]]:
        """Where each integer of one to three digits written alone stands: (sentence start, value) -> token
        indices in order."""
        found: dict[tuple[int, int], list[int]] = {}
        for sentence in self.sentences[0]:
            for t in sentence:
                if t.text.isdecimal() and len(t.text) <= 3:  # "¹" is a digit but no decimal
                    found.setdefault((sentence.start, int(t.text)), []).append(t.i)
        return found

    @cached_property
    def sentences(self) -> tuple[list[Span], list[int]]:
        """The doc's sentences and the first token of each."""
        listed = list(self.doc.sents)
        return listed, [s.start for s in listed]


_indexed: ContextVar[DocIndex | None] = ContextVar("newsclaims_quantity_doc", default=None)


@contextmanager
def indexed(doc: Doc) -> Iterator[None]:
    """Within the block, `index_of(doc)` is one `DocIndex`; nothing is written onto the Doc, nothing outlives it."""
    token = _indexed.set(DocIndex(doc))
    try:
        yield
    finally:
        _indexed.reset(token)


def index_of(doc: Doc) -> DocIndex:
    """The index of `doc`: the one of the running `indexed` block, else a fresh one (a rule called on its own)."""
    current = _indexed.get()
    return current if current is not None and current.doc is doc else DocIndex(doc)


def text_of(doc: Doc) -> str:
    """The doc's text, joined once per stage run."""
    return index_of(doc).text


def ents_of(doc: Doc) -> tuple:
    """The doc's entities, built once per stage run."""
    return index_of(doc).ents


def next_index(doc: Doc, i: int) -> int:
    """Index of the first non-space token at or after `i` (len(doc) if none)."""
    while i < len(doc) and doc[i].is_space:
        i += 1
    return i


def lower_seq(doc: Doc, i: int, n: int) -> tuple[str, ...]:
    """Lower-cased texts of the next `n` non-space tokens from `i`."""
    out = []
    while i < len(doc) and len(out) < n:
        if not doc[i].is_space:
            out.append(doc[i].lower_)
        i += 1
    return tuple(out)


def joins_words(doc: Doc, i: int) -> bool:
    """Whether token i is a hyphen written against the words on both sides ("e-mails", "1-in-62")."""
    return doc[i].text in ("-", "‑") and 0 < i < len(doc) - 1 and not doc[i - 1].whitespace_ \
        and not doc[i].whitespace_


def word_indices(doc: Doc, i: int, n: int) -> list[int]:
    """The indices of the next `n` words from `i`, stepping over spaces and the hyphens that join words into one
    ("1-in-62", "seven-and-a-half")."""
    out = []
    while i < len(doc) and len(out) < n:
        if not doc[i].is_space and not joins_words(doc, i):
            out.append(i)
        i += 1
    return out


def next_word_in(doc: Doc, i: int, words) -> bool:
    """Whether the next non-space token from `i` is one of `words` (lower-cased)."""
    following = lower_seq(doc, i, 1)
    return bool(following) and following[0] in words


def advance(doc: Doc, i: int, n: int) -> int:
    """The index after `n` non-space tokens from `i`."""
    count = 0
    while i < len(doc) and count < n:
        if not doc[i].is_space:
            count += 1
        i += 1
    return i


def sentence_of(doc: Doc, span: Span) -> Span:
    """The sentence `span` starts in, by bisection over the doc's sentences (`span.sent` walks the sentence: with
    thousands of figures in one sentence that walk is quadratic)."""
    listed, starts = index_of(doc).sentences
    return listed[bisect.bisect_right(starts, span.start) - 1]


def ents_of_sentence(doc: Doc, sent: Span) -> list[Span]:
    """The doc's entities inside `sent` (found by bisection over the doc's entities, in order)."""
    index = index_of(doc)
    ents = index.ents
    first = bisect.bisect_left(index.ent_starts, sent.start)
    out = []
    for e in ents[first:]:
        if e.start >= sent.end:
            break
        if e.end <= sent.end:
            out.append(e)
    return out


def token_after(doc: Doc, char: int) -> int:
    """Index of the first token starting at or after character `char`."""
    return bisect.bisect_left(index_of(doc).token_starts, char)


def token_end(doc: Doc, end_token: int) -> int:
    """Character offset where token `end_token - 1` ends."""
    t = doc[end_token - 1]
    return t.idx + len(t.text)
