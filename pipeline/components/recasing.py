"""A Title Case headline ("Ben Carson Slams Hillary And The Media"), which the parser and NER read as a row of names,
sentence-cased so that it can be read as a sentence: `pipeline.extraction` parses `recased_headline(text)` with the
model's components and hands the parse to the stages as `doc._.recased_headline`; the entity and attribution stages
read the headline there, with every offset the same as in the text. A text written in capitals or in Title Case
throughout is read the same way, all of it truecased (`truecased`): its "headline" is the whole text."""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

TITLE_CASE_WORDS = 4  # a headline of fewer words is not taken for Title Case
TITLE_CASE_SHARE = 0.8  # the share of its words that must be capitalised
WORD = re.compile(r"[^\W\d_]+")  # a run of letters


def title_case_end(text: str) -> int:
    """Where the article's first line ends when it is a headline in Title Case ("Ben Carson Slams Hillary And The
    Media") or in capitals, which the parser reads as a row of names; 0 when it is not."""
    end = text.find("\n")
    found = WORD.findall(text, 0, end) if end > 0 else []
    if len(found) < TITLE_CASE_WORDS or sum(w[0].isupper() for w in found) < TITLE_CASE_SHARE * len(found):
        return 0
    return end


def in_capitals(headline: str) -> bool:
    """Whether a headline is written in capitals ("SHEARER NAMED AS ENGLAND CAPTAIN")."""
    words = re.findall(r"[^\W\d_]{2,}", headline)
    return bool(words) and sum(w.isupper() for w in words) >= TITLE_CASE_SHARE * len(words)


def sentence_cased(headline: str, body: str) -> str:
    """`headline` with its capitalised words lowercased, except the first, words the body writes capitalised inside
    a sentence (names), and, in a headline in Title Case, words in capitals ("FBI"); in a headline in capitals, a
    word the body writes capitalised takes the body's spelling ("SHEARER" -> "Shearer"). As long as `headline`, so
    every offset holds."""
    names = set(re.findall(r"(?<=[\w,;] )[A-Z][^\W\d_]*", body))
    spelling = {n.lower(): n for n in sorted(names, key=str.isupper, reverse=True)}  # "Shearer" over "SHEARER"
    capitals = in_capitals(headline)

    def recased(m: re.Match) -> str:
        w = m.group()
        if len(w.lower()) != len(w):
            return w
        if capitals:
            as_in_body = spelling.get(w.lower())
            return as_in_body if as_in_body else w[0] + w[1:].lower() if m.start() == 0 else w.lower()
        keep = m.start() == 0 or w in names or w.isupper()
        return w if keep else w.lower()

    return WORD.sub(recased, headline)


TRUECASE_TOKEN = re.compile(r"[^\W\d_]+|\d+|[^\w\s]")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


def sentence_bounds(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence of `text`, in order, found lazily (a line, or up to ".", "!" or "?")."""
    start = 0
    for m in SENTENCE_END.finditer(text):
        yield start, m.start()
        start = m.end()
    yield start, len(text)


def odd_case_throughout(text: str) -> bool:
    """Whether all of `text` is written in capitals or in Title Case, so that no sentence shows how its words are
    spelt: every sentence of `TITLE_CASE_WORDS` words or more has `TITLE_CASE_SHARE` of them capitalised (news
    has about a fifth), and there is at least one such sentence. (Text in lower case is left as it is: the
    entity stage takes no word without a capital for a name.)"""
    seen = False
    for start, end in sentence_bounds(text):
        words = [w for w in WORD.findall(text, start, end) if len(w) > 1]
        if len(words) >= TITLE_CASE_WORDS:
            if sum(w[0].isupper() for w in words) < TITLE_CASE_SHARE * len(words):
                return False  # most texts stop at their first sentence
            seen = True
    return seen


@lru_cache(maxsize=1)
def truecaser():
    """The `truecase` package's statistical truecaser (trained on NLTK's English corpora; MIT), loaded once, when a
    text in odd case first needs it (about 6 s)."""
    from truecase import TrueCaser

    return TrueCaser()


def truecased(text: str) -> str:
    """`text` with each word in the case the truecaser gives it in its sentence ("DONALD TRUMP SAID" -> "Donald
    Trump said"), each sentence's first word capitalised; a word whose recasing would change its length stays as
    written, so the result is as long as `text` and every offset holds."""
    out = list(text)
    for start, end in sentence_bounds(text):
        tokens = list(TRUECASE_TOKEN.finditer(text, start, end))
        cased = truecaser().get_true_case_from_tokens([t.group().lower() for t in tokens], "title") if tokens else []
        first = True
        for token, word in zip(tokens, cased):
            if first and word[:1].isalpha():  # the truecaser capitalises its first token only, even a quote mark
                word, first = word[:1].upper() + word[1:], False
            if len(word) == len(token.group()) and word.lower() == token.group().lower():
                out[token.start():token.end()] = word
    return "".join(out)


@lru_cache(maxsize=8)  # asked again by each stage that checks the parse it was handed
def recased_headline(text: str) -> str | None:
    """The Title Case (or capitals) headline of `text` sentence-cased, as long as it (so every offset holds), or all
    of `text` truecased where it is in odd case throughout (`odd_case_throughout`); None when `text` opens with no
    such headline."""
    if odd_case_throughout(text):
        return truecased(text)
    end = title_case_end(text)
    return sentence_cased(text[:end], text[end:]) if end else None
