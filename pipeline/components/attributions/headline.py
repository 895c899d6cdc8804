"""Headline conventions: a Title Case headline ("Ben Carson Slams Hillary And The Media"), which the parser reads
as a row of names, is read again sentence-cased, and what is found there is given back with the text as written.
The stage parses nothing: `pipeline.extraction` parses the sentence-cased headline (`recased_headline`) with the
model's components and hands it over as `doc._.recased_headline`.
(A name and a colon opening a line, "Graham: ...", is `cues.colon_attributions`.)"""
from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc

from ...records import TextSpan
from .finders import found_in, read
from .found import Found, Reading

TITLE_CASE_WORDS = 4  # a headline of fewer words is not taken for Title Case
TITLE_CASE_SHARE = 0.8  # the share of its words that must be capitalised


def title_case_end(text: str) -> int:
    """Where the article's first line ends when it is a headline in Title Case ("Ben Carson Slams Hillary And The
    Media"), which the parser reads as a row of names; 0 when it is not."""
    end = text.find("\n")
    found = re.findall(r"[^\W\d_]+", text[:end]) if end > 0 else []
    if len(found) < TITLE_CASE_WORDS or sum(w[0].isupper() for w in found) < TITLE_CASE_SHARE * len(found):
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


def recased_headline(text: str) -> str | None:
    """The Title Case headline of `text` sentence-cased, as long as it (so every offset holds); None when `text` opens
    with no Title Case headline."""
    end = title_case_end(text)
    return sentence_cased(text[:end], text[end:]) if end else None


def headline_attributions(reading: Reading, headline: Doc | None, found: list[Found]) -> list[Found]:
    """Attributions in the Title Case headline of the text read, found in `headline`, its sentence-cased parse
    (`doc._.recased_headline`), that the article's own parse missed; none without that parse."""
    text = reading.text
    if headline is None or headline.text != recased_headline(text):
        return []
    recased, end = headline.text, len(headline.text)
    headline_reading = read(headline, [e for e in reading.entities if e.end <= end])
    taken = [(f.cue.start, f.cue.end) for f in found if f.cue.start < end]
    return [as_written(f, text, recased) for f in found_in(headline_reading)
            if not any(f.cue.start < e and s < f.cue.end for s, e in taken)]
