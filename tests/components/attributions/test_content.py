"""content: what a cue reports, and the words after a cue that set its scene."""
from pipeline.components.attributions.content import (clause_without, content_of, cue_setting, is_as_clause,
                                                       next_paragraph, reported_clauses, said_object, subtree_edges)

from .docs import (ARGUED, HAVE_SAID, NEXT_PARAGRAPH, PARENTHETICAL, SAID_SOMETHING, TOLD, WANTS, ACCORDING,
                   parsed)


def content(rows, verb_text, speaker_text=None):
    """The text `content_of` gives for the cue `verb_text` of the Doc of `rows`."""
    doc = parsed(rows)
    verb = next(t for t in doc if t.text == verb_text)
    speaker = next((t for t in doc if t.text == speaker_text), None)
    found = content_of(verb, speaker, subtree_edges(doc))
    return doc.text[found[0]:found[1]] if found else None


def test_subtree_edges_are_each_tokens_first_and_last_descendant():
    doc = parsed(ARGUED)
    first, last = subtree_edges(doc)
    assert (first[2], last[2]) == (0, 8)  # the root spans the sentence
    assert (first[6], last[6]) == (3, 7)  # "that the tax was unfair"
    assert (first[4], last[4]) == (4, 4)


def test_a_complement_clause_without_its_that():
    assert content(ARGUED, "argued", "senator") == "the tax was unfair."


def test_content_before_its_cue_ends_at_the_comma():
    assert content(TOLD, "told", "Ortiz") == "We will reopen it"


def test_the_cues_setting_is_not_content():
    assert content(HAVE_SAID, "said", "Officials") == "the bridge is safe."
    doc = parsed(HAVE_SAID)
    said = doc[3]
    assert cue_setting(said) == (12, 12)  # alone, "in a statement that the bridge is safe" sets the scene
    that_clause = (doc[8].idx, doc[11].idx + len(doc[11]))
    assert cue_setting(said, that_clause) == (7, 7)  # with the content known: "in a statement"
    told = parsed(TOLD)[8]
    assert cue_setting(told) == (11, 11)  # "reporters Thursday"


def test_a_that_clause_the_parser_hung_on_the_cues_setting_is_its_content():
    doc = parsed(HAVE_SAID)  # "said in a statement [that the bridge is safe]": an acl of "statement"
    clauses, misattached = reported_clauses(doc[3])
    assert [c.text for c in clauses] == ["is"] and misattached


def test_an_intentions_open_clause_is_its_content():
    doc = parsed(WANTS)
    clauses, misattached = reported_clauses(doc[2])
    assert [c.text for c in clauses] == ["take"] and not misattached
    assert content(WANTS, "wants", "company") == "to take over the mine."


def test_what_was_said_can_be_the_object():
    doc = parsed(SAID_SOMETHING)
    start, end = said_object(doc[1])
    assert doc.text[start:end] == "something strange"
    assert said_object(parsed(ARGUED)[2]) is None  # not an object cue


def test_a_cue_closing_its_paragraph_with_a_colon_reports_the_next_paragraph():
    doc = parsed(NEXT_PARAGRAPH)
    said = next(t for t in doc if t.text == "said")
    start, end = next_paragraph(said)
    assert doc.text[start:end] == "The economy is strong."
    assert content(NEXT_PARAGRAPH, "said", "he") == "The economy is strong."


def test_a_parenthetical_cue_reports_the_sentence_around_it():
    assert content(PARENTHETICAL, "says", "he") == "This campaign, he says, is different."
    assert not is_as_clause(parsed(PARENTHETICAL)[3])


def test_clause_without_keeps_the_longer_side_of_the_left_out_words():
    doc = parsed(ACCORDING)  # "Prices rose, according to the Labor Department."
    start, end = clause_without(doc[1], {t.i for t in doc[3:8]})
    assert doc.text[start:end] == "Prices rose"
    assert clause_without(doc[1], set()) is None
