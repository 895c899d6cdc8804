"""Quotation marks: paragraphs, the inside of each quotation, and which quotation a range lies in."""
from __future__ import annotations

import re

from .lexicon import words


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


def opens(text: str, i: int, paragraph_start: int, marks: dict | set) -> bool:
    """Whether the char at `i` opens a quotation: one of `marks`, but not an apostrophe-like ‘ after a letter."""
    ch = text[i]
    return ch in marks \
        and not (ch == "‘" and i > paragraph_start and text[i - 1].isalnum())


def closes(text: str, i: int, closer: str, paragraph_end: int) -> bool:
    """Whether the mark at `i` closes the open quotation: its closer, but not a ’ inside a word ("don’t")."""
    ch = text[i]
    return ch == closer and not (ch == "’" and i + 1 < paragraph_end and text[i + 1].isalpha())


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the inside of each quotation, pairing marks within a paragraph.

    Curly and guillemet marks pair by shape, straight double quotes alternately. A quotation left open at the
    end of a paragraph runs to the paragraph's end (the next paragraph may reopen it).
    """
    pairs = words()["quote_pairs"]
    openers = set(pairs) | set(words()["straight_quotes"])
    out = []
    for p_start, p_end in paragraphs(text):
        open_at: int | None = None
        closer = ""
        for i in range(p_start, p_end):
            if open_at is None:
                if opens(text, i, p_start, openers):
                    open_at, closer = i, pairs.get(text[i], text[i])
            elif closes(text, i, closer, p_end):
                if i > open_at + 1:
                    out.append((open_at + 1, i))
                open_at = None
        if open_at is not None and p_end > open_at + 1:
            out.append((open_at + 1, p_end))
    return out


def quote_containing(quotes: list[tuple[int, int]], start: int, end: int) -> tuple[int, int] | None:
    """The quotation the content [start, end) lies in (allowing the quote marks and commas around it)."""
    for q_start, q_end in quotes:
        if q_start - 2 <= start and end <= q_end + 2:
            return q_start, q_end
    return None


def in_quotation(quotes: list[tuple[int, int]], at: int) -> bool:
    """Whether char `at` is inside a quotation (a verb there is the speaker's words, not a cue)."""
    return any(q_start <= at < q_end for q_start, q_end in quotes)
