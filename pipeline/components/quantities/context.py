"""What surrounds a figure: the qualifier before it ("more than", "nearly"), the noun it counts ("106 [mass
shootings]"), an "of" phrase, a change ("rose 20%"), and its time and place scope in the sentence."""
from __future__ import annotations

import bisect
import math
import re
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from .lexicon import tables
from .text import ents_of_sentence, index_of, joins_words, sentence_of, text_of

if TYPE_CHECKING:
    from .numbers import Number

TIME_PHRASE = re.compile(r"\b(?:(?:last|this|next|past|previous)\s+(?:year|month|week|decade|quarter|summer|winter|spring|fall)"
                         r"|(?:since|in|by|until|from|during|before|after)\s+(?:19|20)\d\d"
                         r"|between\s+(?:19|20)\d\d\s+and\s+(?:19|20)\d\d)\b", re.I)


def qualifier_before(doc: Doc, i: int) -> tuple[int, str, bool] | None:
    """The qualifier phrase ending just before token i: (its first token, symbol, whether it belongs in the span)."""
    t = tables()
    for n in range(t["max_qualifier_len"], 0, -1):
        start = i - n
        if start < 0:
            continue
        words = tuple(tok.lower_ for tok in doc[start:i])
        if words in t["qualifiers"]:
            return start, t["qualifiers"][words], words not in t["qualifiers_outside_span"]
    return None


def counted_after(doc: Doc, number: Number, i: int) -> tuple[int, int] | None:
    """The counted noun phrase right after a number ("106 [mass shootings]", "12 [dead]"): token range."""
    rules = tables()["rules"]
    if i >= len(doc):
        return None
    head = doc[number.end - 1]
    token = doc[i]
    if token.lower_ in rules["counted_adjectives"] and not (token.dep_ == "amod" and token.head.i > i
                                                            and token.head.pos_ == "NOUN"):
        return i, i + 1  # "12 dead", not "53,000 dead people"
    target = head.head if head.dep_ in ("nummod", "quantmod", "compound") and head.head.i >= i else None
    if target is not None and target.i - i <= 4 and (target.pos_ == "NOUN" or target.tag_ == "NNPS") \
            and target.ent_type_ not in ("DATE", "TIME"):
        if all((t.pos_ in ("ADJ", "NOUN", "PROPN", "ADV", "VERB") and not t.is_punct) or t.text == "-"
               or t.dep_ == "cc" and t.head.head.i == target.i for t in doc[i: target.i]):  # "40 red and blue cars"
            return coordinated_plural(doc, number, target) or (i, hyphenated_end(doc, target.i + 1))
    if (token.pos_ == "NOUN" and token.tag_ in ("NNS", "NN") or token.tag_ == "NNPS") and token.dep_ != "npadvmod":
        end = hyphenated_end(doc, i + 1)
        while end < len(doc) and doc[end].pos_ == "NOUN" and doc[end].dep_ == "compound":
            end = hyphenated_end(doc, end + 1)
        return i, end
    return None


def coordinated_plural(doc: Doc, number: Number, target) -> tuple[int, int] | None:
    """"20 cable and satellite channels": where the parse makes a singular modifier the head and the plural noun, with
    a modifier of its own, its conjunct, a number above one counts the plural noun (token range of it alone)."""
    if target.tag_ != "NN" or number.value is None or number.value <= 1:
        return None
    conj = next((c for c in target.children if c.dep_ == "conj" and c.tag_ == "NNS" and c.i - target.i <= 4), None)
    if conj is None or not all(t.dep_ in ("cc", "compound", "amod") for t in doc[target.i + 1:conj.i]) \
            or not any(t.dep_ in ("compound", "amod") for t in doc[target.i + 1:conj.i]):
        return None  # "12 staff and students" counts both: no modifier shared
    return conj.i, hyphenated_end(doc, conj.i + 1)


def hyphenated_end(doc: Doc, end: int) -> int:
    """The end of a word written with hyphens that ends at token `end` or later ("e-mails", "set-top boxes")."""
    while end + 1 < len(doc) and joins_words(doc, end) and doc[end + 1].is_alpha:
        end += 2
    return end


def counted_noun(doc: Doc, start: int, end: int) -> str:
    """What a counted phrase counts: its head noun and the words before it that classify it ("106 mass shootings",
    "four police officers"), without the names, participles and adjectives that only say whose, which or what
    kind ("250 Florida workers" counts "workers", "216 paid staffers" "staffers", "12 dead people" "people")."""
    roots = [t for t in doc[start:end] if t.pos_ in ("NOUN", "PROPN") and not start <= t.head.i < end]
    nouns = roots or [t for t in doc[start:end] if t.pos_ in ("NOUN", "PROPN")]
    if not nouns:
        return doc[start:end].text
    head = nouns[-1]
    first = head.i
    while first - 1 >= start:
        if first - 2 >= start and joins_words(doc, first - 1):
            first -= 2  # "set-top boxes", "e-mails": one word
        elif classifies(doc[first - 1], head):
            first -= 1
        else:
            break
    return doc[first:head.i + 1].text


def classifies(word: Token, head: Token) -> bool:
    """Whether `word`, before the head noun, classifies what is counted: a noun ("police officers", "mass
    shootings"), a proper noun inside a name ("New Yorkers"); not a name before a common noun ("Florida"), a
    participle ("paid") or an adjective ("dead people", "original choices", "Islamic holidays"), unless it is one
    of the few that make a kind of thing with the noun (`classifying_adjectives`: "mass shootings")."""
    return word.pos_ == "NOUN" or word.pos_ == "PROPN" and head.pos_ == "PROPN" \
        or word.pos_ == "ADJ" and word.lower_ in tables()["rules"]["classifying_adjectives"]


OF_PHRASE_LONGEST = 12  # tokens: a noun phrase is shorter; "hundreds of hundreds of ..." must stay linear


def of_phrase(doc: Doc, i: int) -> tuple[int, int] | None:
    """The noun phrase after "of" at token i, without relative clauses: token range."""
    if i >= len(doc) or doc[i].lower_ != "of":
        return None
    pobj = next((c for c in doc[i].children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    cut = {"relcl", "acl", "advcl", "punct", "cc", "conj"}
    kept = [c for c in pobj.children if c.dep_ not in cut]
    start = min([pobj.left_edge.i] + [c.left_edge.i for c in kept])
    end = max([pobj.i] + [c.right_edge.i for c in kept]) + 1
    return (start, min(end, start + OF_PHRASE_LONGEST)) if start > i else None


def time_scope(doc: Doc, span: Span) -> str | None:
    """The date expression nearest to `span` in its sentence ("between 2000 and 2015", "in February", "last year"):
    the nearest after it, or one before it at less than half the distance; ties go to the entity."""
    dates = sentence_table(doc, sentence_of(doc, span))["dates"]
    start, end = span.start_char, span.end_char
    after = bisect.bisect_left(dates["by_start"], (end, -1))
    before = bisect.bisect_right(dates["by_end"], (start, math.inf)) - 1
    candidates = []
    if after < len(dates["by_start"]):
        r0, n = dates["by_start"][after]
        candidates.append((r0 - end, n))
    if before >= 0:
        r1, minus_n = dates["by_end"][before]
        candidates.append((2 * (start - r1), -minus_n))
    if not candidates:
        return None
    s, e = dates["ranges"][min(candidates)[1]]
    return text_of(doc)[s:e]


def sentence_table(doc: Doc, sent: Span) -> dict:
    """What the scopes look up in a sentence, found once per sentence: its date ranges (DATE entities, then time
    phrases), sorted by start and by end for `time_scope`, and its GPE/LOC entities for `place_scope`."""
    tables_by_sentence = index_of(doc).sentence_tables
    if sent.start not in tables_by_sentence:
        in_sentence = ents_of_sentence(doc, sent)
        ranges = [(e.start_char, e.end_char) for e in in_sentence if e.label_ == "DATE"]
        text = text_of(doc)[sent.start_char:sent.end_char]
        ranges += [(sent.start_char + m.start(), sent.start_char + m.end()) for m in TIME_PHRASE.finditer(text)]
        tables_by_sentence[sent.start] = {
            "dates": {"ranges": ranges, "by_start": sorted((r0, n) for n, (r0, _) in enumerate(ranges)),
                      "by_end": sorted((r1, -n) for n, (_, r1) in enumerate(ranges))},
            "places": [e for e in in_sentence if e.label_ in ("GPE", "LOC")]}
    return tables_by_sentence[sent.start]


def place_scope(doc: Doc, span: Span) -> str | None:
    """The place named in the figure's clause ("in Ohio", "across California"): the nearest GPE/LOC entity."""
    places = sentence_table(doc, sentence_of(doc, span))["places"]
    if not places:
        return None
    head = span.root.head
    near = [e for e in places if e.start == head.i or head.is_ancestor(doc[e.start])]
    if not near:
        return None
    nearest = min(near, key=lambda e: abs(e.start - span.start))
    return nearest.text


def change_of(span: Span) -> str | None:
    """"up"/"down" where the figure is what something rose or fell by ("rose 20%", "fell by 3 points")."""
    rules = tables()["rules"]
    root = span.root
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "by":
        head = head.head
    elif root.dep_ not in ("dobj", "npadvmod", "advmod", "attr"):
        return None
    if head.pos_ not in ("VERB", "AUX", "ADV"):
        return None
    if head.lemma_ in rules["change_up"]:
        return "up"
    if head.lemma_ in rules["change_down"]:
        return "down"
    return None


CHANGE_VERB_REACH = 10  # tokens back from "from": "to lower the minimum wage in St. Louis from $10 to $7.70"


def change_verb_in_clause(doc: Doc, i: int) -> bool:
    """Whether a verb of change stands a few words before token i in its sentence, with no punctuation between."""
    rules = tables()["rules"]
    for token in reversed(doc[max(0, i - CHANGE_VERB_REACH):i]):
        if token.is_punct:
            return False
        if token.pos_ == "VERB" and token.lemma_ in rules["change_up"] + rules["change_down"]:
            return True
        if token.is_sent_start:
            return False
    return False


def raised_funds(doc: Doc, i: int) -> bool:
    """Whether the money at token i is funds raised ("raised over $6 million", "a goal of raising 64 million
    dollars"), not a rise ("raised prices by $5", "raised the fee to $40")."""
    skips = tables()["rules"]["change_verb_skips"]
    j = i - 1
    while j >= 0 and doc[j].lower_ in skips and doc[j].lower_ not in ("by", "from"):
        j -= 1
    return j >= 0 and doc[j].lemma_ == "raise"


def change_verb_before(doc: Doc, i: int) -> str | None:
    """"up"/"down" when a change verb (or "up"/"down") governs the figure at token i ("rose 20%", "fell by 3",
    "rose from 12 to 15", "Sanders is up from 37 percent": the level it moved from, whose later level
    `find.link_previous_values` takes where the text gives it); not "round up 11 million" (a particle) nor "raised
    $6 million" (funds raised, `raised_funds`)."""
    rules = tables()["rules"]
    j = i - 1
    while j >= 0 and (doc[j].lower_ in rules["change_verb_skips"] or doc[j].is_space and "\n" not in doc[j].text):
        j -= 1  # "down\xa0from 49"; not across a line break
    if j < 0 or doc[j].dep_ == "prt" and doc[j].head.lemma_ not in rules["change_up"] + rules["change_down"]:
        return None
    if doc[j].lemma_ in rules["change_up"] and doc[j].pos_ in ("VERB", "ADV", "ADP", "AUX", "NOUN"):
        return "up"
    if doc[j].lemma_ in rules["change_down"] and doc[j].pos_ in ("VERB", "ADV", "ADP", "AUX", "NOUN"):
        return "down"
    return None
