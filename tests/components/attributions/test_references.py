"""references: pronouns, descriptions and documents cited again resolved against the attributions before them;
nested attributions repeating their outer source dropped."""
from pipeline.components.attributions.found import Found
from pipeline.components.attributions.references import (resolve_description, resolve_pronoun, resolve_references,
                                                          resolve_repeated_documents, without_redundant_nested)
from pipeline.records import Entity, Source, TextSpan

from .docs import ABSOLUTELY, AGENCY, STUDY, THEY_PLAN, parsed


def person(id, name, start):
    return Entity(id=id, text=name, start=start, end=start + len(name), kind="person", label="PERSON", canonical=name)


def said(cue_at, content, source, head=None, detected_by="rules"):
    """A Found with its cue at `cue_at` and content the range `content`."""
    return Found(TextSpan("said", cue_at, cue_at + 4), TextSpan("x" * (content[1] - content[0]), *content),
                 "indirect", source, head, detected_by)


def test_he_is_the_last_person_named_before_it_unless_the_last_speaker_spoke_since():
    doc = parsed(ABSOLUTELY)  # "“Absolutely,” he said.": only the pronoun's word and offset are read
    he = doc[4]
    ana, ben = person("e1", "Ana", 0), person("e2", "Ben", 5)
    assert resolve_pronoun(he, [ana, ben], []) is ben
    ana_spoke = said(9, (0, 8), Source("Ana", 0, 3, "e1", "Ana"))  # Ana's cue comes after Ben was named
    assert resolve_pronoun(he, [ana, ben], [ana_spoke]) is ana
    assert resolve_pronoun(parsed(THEY_PLAN)[2], [ana, ben], []) is None  # "they": a group, not a person


def test_a_description_refers_back_to_the_last_body_cited():
    doc = parsed(AGENCY)  # "The agency said it would act."
    body = Entity(id="e1", text="FEMA", start=0, end=0, kind="agency", label="ORG", canonical="FEMA")
    assert resolve_description(doc[1], [body], []) is body


def test_a_pronoun_in_a_reported_clause_is_its_outer_speaker_and_then_dropped_as_nested():
    doc = parsed(THEY_PLAN)  # "Officials said they plan to appeal."
    outer = said(10, (15, 34), Source("Officials", 0, 9, None, "Officials"), doc[0])
    inner = Found(TextSpan("plan", 20, 24), TextSpan("to appeal", 25, 34), "indirect",
                  Source("they", 15, 19, None, "they"), doc[2])
    found = [outer, inner]
    resolve_references(found, [])
    assert inner.source.canonical == "Officials"
    assert without_redundant_nested(found) == [outer]


def test_a_nested_attribution_of_another_source_is_kept():
    outer = said(0, (5, 50), Source("A", 0, 1, None, "A"))
    inner = said(10, (15, 40), Source("B", 8, 9, None, "B"))
    assert without_redundant_nested([outer, inner]) == [outer, inner]


def test_a_rule_attribution_is_not_dropped_for_a_learned_one_around_it():
    outer = said(0, (5, 50), Source("A", 0, 1, None, "A"), detected_by="model")
    inner = said(10, (15, 40), Source("A", 8, 9, None, "A"))
    assert without_redundant_nested([outer, inner]) == [outer, inner]


def test_a_document_cited_again_takes_the_author_it_was_cited_with():
    study = parsed(STUDY)[1]  # only the head's lemma is read: "study", a document noun
    first = said(0, (5, 9), Source("study", 0, 5, "e1", "RAND Corporation"), study)
    again = said(20, (25, 29), Source("The study", 10, 19, None, "study"), study)
    resolve_repeated_documents([first, again])
    assert (again.source.entity, again.source.canonical) == ("e1", "RAND Corporation")
