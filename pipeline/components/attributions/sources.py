"""Who said it: the token naming a cue's source, the words and the whole phrase naming it, its role, and the
article entity it is, as `SourceParts`."""
from __future__ import annotations

from spacy.tokens import Span, Token

from ...records import TextSpan
from .content import next_cue_clause
from .found import EntityMention, SourceParts
from .lexicon import is_cue, words

SOURCE_KINDS = ("person", "agency", "organization")
BODY_KINDS = ("agency", "organization")


def subject_of(verb: Token, deps: tuple[str, ...] = ("nsubj", "csubj")) -> list[Token]:
    """The verb's subjects, without punctuation the parser took for one."""
    return [c for c in verb.children if c.dep_ in deps and not (c.is_punct or c.is_quote)]


def has_agent(verb: Token) -> bool:
    """Whether a passive names its agent ("was reported [by X]")."""
    return any(c.dep_ == "agent" for c in verb.children)


def inverted_speaker(verb: Token) -> list[Token]:
    """"«...,» said Mayor Ana Ortiz": an inverted cue whose speaker the parser did not take for the subject."""
    after = [c for c in verb.children if c.i > verb.i and c.pos_ in ("PROPN", "NOUN") and c.dep_ in
             ("dobj", "attr", "npadvmod", "appos", "nsubj", "oprd")]
    if after and verb.i + 1 < len(verb.doc) and verb.doc[verb.i + 1].pos_ in ("PROPN", "NOUN", "DET", "ADJ"):
        return after[:1]
    return []


def source_head(verb: Token) -> Token | None:
    """The token naming who speaks: the verb's subject, a passive's agent, or what a relative "that" stands for."""
    subjects = subject_of(verb)
    if not subjects and verb.tag_ != "VBG":
        subjects = inverted_speaker(verb)
    if not subjects and not has_agent(verb):
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
        subject = next(iter(subject_of(t, ("nsubj",))), None)
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


def is_edge_mark(token: Token) -> bool:
    """Punctuation or a quote mark, which a source's words never start or end with."""
    return token.is_punct or token.is_quote


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
    while end > start and is_edge_mark(doc[end]) and doc[end].text not in ("&",):
        end -= 1
    while start < end and is_edge_mark(doc[start]):
        start += 1
    return doc[start: end + 1]


def under_verb(t: Token, head: Token, verb: Token) -> bool:
    """Whether `t` hangs from `head` through the cue verb ("Perez, who [said ...]")."""
    while t != head:
        if t == verb:
            return True
        t = t.head
    return False


def source_phrase(head: Token, verb: Token) -> Span:
    """The whole phrase naming the source as written: `head`'s noun phrase with titles, ages, appositives and
    relative clauses ("Jimmy Ghazal, 39, a Lebanese man visiting Nice with his family"; "Ron Weiser, who was a
    co-chair"), up to the relative pronoun where the cue is in the relative clause ("Perez, who"), within the
    sentence and the paragraph, never the cue."""
    pronoun = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("WDT", "WP")), None)
    inside = {t.i for t in head.subtree if not under_verb(t, head, verb)}
    if pronoun is not None:
        inside.add(pronoun.i)
    doc, sent = head.doc, head.sent
    start = end = head.i
    while start - 1 in inside and start - 1 >= sent.start and "\n" not in doc[start - 1].text_with_ws:
        start -= 1
    while end + 1 in inside and end + 1 < sent.end and "\n" not in doc[end].text_with_ws:
        end += 1
    while end > start and (is_edge_mark(doc[end]) or doc[end].is_space) and doc[end].text != ")":
        end -= 1
    while start < end and (is_edge_mark(doc[start]) or doc[start].is_space):
        start += 1
    return doc[start: end + 1]


def role_of(head: Token, span: Span, mention: EntityMention | None) -> str | None:
    """The source's role: an appositive ("a criminology professor at ...") or the title before the name."""
    appos = next((c for c in head.children if c.dep_ == "appos"), None)
    if appos is not None and appos.pos_ in ("NOUN", "PROPN") and not any(t.like_num for t in appos.subtree):
        sub = list(appos.subtree)
        role = head.doc[sub[0].i: sub[-1].i + 1]
        return role.text.strip(" ,")
    if mention is not None and mention.kind == "person" and mention.start > span.start_char:
        title = span.text[: mention.start - span.start_char].strip().split()
        if title and title[0].lower() in words()["determiners"]:
            title = title[1:]
        return " ".join(title) or None
    return None


def mentions_in(entities: list[EntityMention], start: int, end: int) -> list[EntityMention]:
    """The entities lying within [start, end)."""
    return [e for e in entities if e.start >= start and e.end <= end]


def best_mention(mentions: list[EntityMention], head: Token | None = None) -> EntityMention | None:
    """The entity a source phrase is about: the one holding its head word, else a person, then a body, then
    anything else; earliest first."""
    if head is not None:
        holding = [m for m in mentions if m.start <= head.idx < m.end]
        if holding:
            return holding[0]
    for kinds in (("person",), BODY_KINDS) + ((("venue", "place"),) if head is None else ()):
        hit = [m for m in mentions if m.kind in kinds]
        if hit:
            return hit[0]
    return None


def can_find(head: Token, entities: list[EntityMention]) -> bool:
    """Whether a finding verb's subject can be a source: a named body or person, a pronoun or a document ("a study")."""
    if head.pos_ == "PRON" or head.lemma_.lower() in words()["document_nouns"] + words()["body_nouns"]:
        return True
    phrase = list(head.subtree)
    start, end = phrase[0].idx, phrase[-1].idx + len(phrase[-1])
    return any(e.kind in SOURCE_KINDS for e in mentions_in(entities, start, end))


def is_description(span: Span) -> bool:
    """"the agency", "The group": a definite description of a body, which refers back to one named before; also
    people placed at a body just named ("Researchers there", "officials there")."""
    if len(span) == 2 and span[1].lower_ in words()["place_adverbs"] and span[0].pos_ == "NOUN":
        return True
    return len(span) == 2 and span[0].lower_ == "the" and span[1].lemma_.lower() in words()["body_nouns"]


def cited_author(head: Token, verb: Token, entities: list[EntityMention]) -> tuple[EntityMention | None, bool]:
    """The entity a common-noun source names in its appositive ("The warehouse owner, Harbor Logistics, said"),
    or a document's author ("a report ... by the ASCE"); and whether it came from the appositive."""
    appos = next((c for c in head.children if c.dep_ == "appos"), None)
    where = list(appos.subtree) if appos is not None else []
    if not where and head.lemma_.lower() in words()["document_nouns"]:
        inside = verb in head.subtree  # "a study that found": leave the finding out
        where = [t for t in head.subtree if not (inside and (t == verb or verb in t.ancestors))]
    if not where:
        return None, False
    return best_mention(mentions_in(entities, where[0].idx, where[-1].idx + len(where[-1]))), appos is not None


def unresolved_name(head: Token, span: Span) -> str:
    """The canonical name of a source no entity holds: its words without a leading article; for "A Pew Research
    Center survey", the body that wrote it."""
    tokens = [t for t in span if not (t.i == span.start and t.lower_ in words()["determiners"])]
    if head.lemma_.lower() in words()["document_nouns"] and head.i == span.end - 1 \
            and tokens and all(t.pos_ == "PROPN" for t in tokens[:-1]) and len(tokens) > 1:
        tokens = tokens[:-1]
        return span.doc[tokens[0].i: tokens[-1].i + 1].text
    return span.doc[tokens[0].i: span.end].text if tokens else span.text


def make_source(head: Token, verb: Token, entities: list[EntityMention]) -> SourceParts:
    """The source of a cue's subject, resolved to an entity mention where one fits."""
    span = source_span(head, verb)
    mention = best_mention(mentions_in(entities, span.start_char, span.end_char), head)
    role = None
    if mention is None and head.pos_ not in ("PROPN", "PRON") and not is_description(span):
        mention, named_by_appositive = cited_author(head, verb, entities)
        if mention is not None and named_by_appositive:
            role = span.text
    canonical = mention.canonical if mention is not None else unresolved_name(head, span)
    phrase = source_phrase(head, verb)
    return SourceParts(text=span.text, start=span.start_char, end=span.end_char,
                       entity=mention.span if mention else None, canonical=canonical,
                       role=role or role_of(head, span,
                                            mention if mention and mention.start >= span.start_char else None),
                       phrase=None if (phrase.start_char, phrase.end_char) == (span.start_char, span.end_char)
                       else TextSpan(phrase.text, phrase.start_char, phrase.end_char))
