"""Headline conventions: a Title Case headline ("Ben Carson Slams Hillary And The Media"), which the parser reads
as a row of names, is read again sentence-cased, and what is found there is given back with the text as written.
The stage parses nothing: `pipeline.extraction` parses the sentence-cased headline (`recased_headline`) with the
model's components and hands it over as `doc._.recased_headline`.
(A name and a colon opening a line, "Graham: ...", is `cues.colon_attributions`.)"""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from ...records import TextSpan
from ..recasing import recased_headline, sentence_cased, title_case_end  # noqa: F401  (re-exported)
from .finders import found_in, read
from .found import Found, Reading


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
