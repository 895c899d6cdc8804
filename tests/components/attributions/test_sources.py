"""sources: the token naming who speaks, the words and phrase naming it, its role and entity."""
from pipeline.components.attributions.sources import (best_mention, can_find, is_description, make_source,
                                                       role_of, source_head, source_phrase, source_span)

from .docs import AGENCY, ARGUED, ASKED, INVERTED, PROFESSOR, STUDY, TOLD, entity, parsed


def verb_of(doc, text):
    return next(t for t in doc if t.text == text)


def test_the_source_is_the_cues_subject():
    doc = parsed(ARGUED)
    assert source_head(doc[2]).text == "senator"
    assert source_span(doc[1], doc[2]).text == "The senator"


def test_an_inverted_cues_speaker_after_it():
    doc = parsed(INVERTED)  # "“The bridge is safe,” said Mayor Ana Ortiz."
    said = verb_of(doc, "said")
    assert source_head(said).text == "Ortiz"
    assert source_span(source_head(said), said).text == "Mayor Ana Ortiz"


def test_a_question_put_by_someone_unnamed_has_no_source_head():
    doc = parsed(ASKED)
    assert source_head(verb_of(doc, "Asked")) is None
    assert source_head(verb_of(doc, "said")).text == "Reid"


def test_an_appositive_is_the_role_and_part_of_the_phrase_not_of_the_name():
    doc = parsed(PROFESSOR)
    said = verb_of(doc, "said")
    head = source_head(said)
    span = source_span(head, said)
    assert span.text == "Adam Lankford"
    assert source_phrase(head, said).text == "Adam Lankford, a criminology professor at the University of Alabama"
    assert role_of(head, span, None) == "a criminology professor at the University of Alabama"


def test_a_title_before_a_persons_name_is_the_role():
    doc = parsed(INVERTED)
    said = verb_of(doc, "said")
    span = source_span(source_head(said), said)
    ortiz = entity(doc, "Ana Ortiz", "person")
    assert role_of(source_head(said), span, ortiz) == "Mayor"


def test_the_mention_holding_the_head_word_wins():
    doc = parsed(PROFESSOR)
    lankford = entity(doc, "Adam Lankford", "person")
    alabama = entity(doc, "University of Alabama", "organization")
    assert best_mention([alabama, lankford], doc[1]) is lankford
    assert best_mention([alabama, lankford]) is lankford  # a person before a body
    assert best_mention([alabama]) is alabama


def test_a_source_record_resolves_to_its_entity():
    doc = parsed(PROFESSOR)
    said = verb_of(doc, "said")
    lankford = entity(doc, "Adam Lankford", "person")
    source = make_source(source_head(said), said, [lankford])
    assert (source.text, source.entity, source.canonical) == ("Adam Lankford", lankford.span, "Adam Lankford")
    assert source.role == "a criminology professor at the University of Alabama"
    assert source.phrase.text.startswith("Adam Lankford, a criminology")


def test_a_document_takes_its_author_as_source():
    doc = parsed(STUDY)  # "A study by the RAND Corporation found that costs rose."
    found = verb_of(doc, "found")
    rand = entity(doc, "RAND Corporation", "organization")
    source = make_source(source_head(found), found, [rand])
    assert (source.text, source.canonical, source.entity) == (
        "A study by the RAND Corporation", "RAND Corporation", rand.span)
    assert can_find(doc[1], [])  # "study" is a document noun


def test_things_cannot_find_but_bodies_can():
    doc = parsed(TOLD)
    ortiz = doc[7]
    assert not can_find(ortiz, [])
    assert can_find(ortiz, [entity(doc, "Ortiz", "person")])


def test_the_agency_is_a_description_of_a_body():
    doc = parsed(AGENCY)
    assert is_description(doc[0:2])
    assert not is_description(parsed(ARGUED)[0:2])  # "The senator": a person, not a body
