"""references: pronouns, descriptions and documents cited again resolved against the attributions before them;
nested attributions repeating their outer source dropped."""
from spacy.tokens import Doc

from pipeline.components.attributions.found import EntityMention, Found, SourceParts
from pipeline.components.attributions.references import (resolve_description, resolve_pronoun, resolve_references,
                                                          resolve_repeated_documents, without_redundant_nested)
from pipeline.records import TextSpan

from .docs import ABSOLUTELY, AGENCY, NLP, STUDY, THEY_PLAN, parsed


def mention(name, start, kind="person"):
    """An entity mention of `name` at `start`, its span a one-word Doc of its own (only its identity is read)."""
    return EntityMention(Doc(NLP.vocab, words=[name])[:], name, start, start + len(name), kind, name)


def said(cue_at, content, source, head=None, detected_by="rules"):
    """A Found with its cue at `cue_at` and content the range `content`."""
    return Found(TextSpan("said", cue_at, cue_at + 4), TextSpan("x" * (content[1] - content[0]), *content),
                 "indirect", source, head, detected_by)


def test_he_is_the_last_person_named_before_it_unless_the_last_speaker_spoke_since():
    doc = parsed(ABSOLUTELY)  # "“Absolutely,” he said.": only the pronoun's word and offset are read
    he = doc[4]
    ana, ben = mention("Ana", 0), mention("Ben", 5)
    assert resolve_pronoun(he, [ana, ben], []) is ben
    ana_spoke = said(9, (0, 8), SourceParts("Ana", 0, 3, ana.span, "Ana"))  # Ana's cue comes after Ben was named
    assert resolve_pronoun(he, [ana, ben], [ana_spoke]) is ana
    assert resolve_pronoun(parsed(THEY_PLAN)[2], [ana, ben], []) is None  # "they": a group, not a person


def test_a_description_refers_back_to_the_last_body_cited():
    doc = parsed(AGENCY)  # "The agency said it would act."
    body = mention("FEMA", 0, "agency")
    assert resolve_description(doc[1], [body], []) is body


def test_a_pronoun_in_a_reported_clause_is_its_outer_speaker_and_then_dropped_as_nested():
    doc = parsed(THEY_PLAN)  # "Officials said they plan to appeal."
    outer = said(10, (15, 34), SourceParts("Officials", 0, 9, None, "Officials"), doc[0])
    inner = Found(TextSpan("plan", 20, 24), TextSpan("to appeal", 25, 34), "indirect",
                  SourceParts("they", 15, 19, None, "they"), doc[2])
    found = [outer, inner]
    resolve_references(found, [])
    assert inner.source.canonical == "Officials"
    assert without_redundant_nested(found) == [outer]


def test_a_nested_attribution_of_another_source_is_kept():
    outer = said(0, (5, 50), SourceParts("A", 0, 1, None, "A"))
    inner = said(10, (15, 40), SourceParts("B", 8, 9, None, "B"))
    assert without_redundant_nested([outer, inner]) == [outer, inner]


def test_a_rule_attribution_is_not_dropped_for_a_learned_one_around_it():
    outer = said(0, (5, 50), SourceParts("A", 0, 1, None, "A"), detected_by="model")
    inner = said(10, (15, 40), SourceParts("A", 8, 9, None, "A"))
    assert without_redundant_nested([outer, inner]) == [outer, inner]


def test_a_document_cited_again_takes_the_author_it_was_cited_with():
    study = parsed(STUDY)[1]  # only the head's lemma is read: "study", a document noun
    rand = mention("RAND Corporation", 13, "organization")
    first = said(0, (5, 9), SourceParts("study", 0, 5, rand.span, "RAND Corporation"), study)
    again = said(20, (25, 29), SourceParts("The study", 10, 19, None, "study"), study)
    resolve_repeated_documents([first, again])
    assert (again.source.entity, again.source.canonical) == (rand.span, "RAND Corporation")
