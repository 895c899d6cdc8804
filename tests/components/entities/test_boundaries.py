"""boundaries: where a name starts and ends."""
import pytest

from pipeline.components.entities.boundaries import bracketed_names, coordinated_names, is_abbreviation, strip_span

from .docs import doc


def stripped(words, kind, spaces=None):
    found = strip_span(doc(words, spaces=spaces)[:], kind)
    return None if found is None else found.text


@pytest.mark.parametrize("words, kind, text", [
    (["the", "FBI"], "agency", "FBI"),
    (["just", "Columbine"], "venue", "Columbine"),
    (["Sgt.", "Maria", "Lopez"], "person", "Maria Lopez"),
    (["Deputy", "Carlos", "Ortega"], "person", "Carlos Ortega"),
    (["Pew", "Research", "Center", "survey"], "organization", "Pew Research Center"),
    (["Harris", "County", "'s"], "agency", "Harris County"),
    (["“", "Pulse", "”"], "venue", "Pulse"),
    (["LINCOLN", "HIGH", "SCHOOL", "ON"], "venue", "LINCOLN HIGH SCHOOL"),
])
def test_strip_span(words, kind, text):
    assert stripped(words, kind) == text


def test_titles_are_stripped_only_from_people():
    assert stripped(["Sgt.", "Pepper", "Band"], "organization") == "Sgt. Pepper Band"


def test_trailing_words_are_kept_for_people_and_never_strip_a_name_to_nothing():
    assert stripped(["John", "Survey"], "person") == "John Survey"
    assert stripped(["survey"], "organization") == "survey"


def test_nothing_left_is_none():
    assert stripped(["the"], "organization") is None
    assert stripped(["the", "'s"], "agency") is None


def test_final_period_ends_the_sentence_unless_it_ends_an_abbreviation():
    assert stripped(["Florida", "."], "place", spaces=[False, False]) == "Florida"
    assert stripped(["Acme", "Inc", "."], "organization", spaces=[True, False, False]) == "Acme Inc."
    assert stripped(["Acme", "&"], "organization") == "Acme &"


def test_is_abbreviation():
    assert is_abbreviation(doc(["Calif", "."], spaces=[False, False])[:])
    assert not is_abbreviation(doc(["Florida", "."], spaces=[False, False])[:])
    assert not is_abbreviation(doc(["calif", "."], spaces=[False, False])[:])


def test_coordinated_names_split_only_where_each_side_is_typed():
    d = doc(["Central", "Station", "and", "Mercy", "Hospital", "Barnes", "and", "Noble"])
    has_kind_word = lambda span: span[-1].lower_ in ("station", "hospital")  # noqa: E731
    assert [s.text for s in coordinated_names(d[0:5], has_kind_word)] == ["Central Station", "Mercy Hospital"]
    assert [s.text for s in coordinated_names(d[5:8], has_kind_word)] == ["Barnes and Noble"]


def test_a_name_and_the_short_form_in_brackets_after_it_are_two_names():
    d = doc(["Rapid", "Response", "Training", "Center", "(", "ALERRT", ")", "Acme", "(", "Holdings"])
    assert [s.text for s in bracketed_names(d[0:6])] == ["Rapid Response Training Center", "ALERRT"]
    assert [s.text for s in bracketed_names(d[0:7])] == ["Rapid Response Training Center", "ALERRT"]
    assert [s.text for s in bracketed_names(d[0:4])] == ["Rapid Response Training Center"]
    assert [s.text for s in bracketed_names(d[7:10])] == ["Acme", "Holdings"]
