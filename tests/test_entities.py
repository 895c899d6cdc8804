"""Entity stage: kinds, boundaries, agency vs organization, venues, and merging mentions into entities."""
from conftest import by_text


def kinds(data):
    return {(e["text"], e["kind"]) for e in data["entities"]}


def test_leading_determiner_and_title_are_stripped(run):
    data = run("Sgt. Maria Lopez of the Dallas Police Department said the FBI had been called.")
    assert ("Maria Lopez", "person") in kinds(data)
    assert ("Dallas Police Department", "agency") in kinds(data)
    assert ("FBI", "agency") in kinds(data)
    assert not any(e["text"].startswith(("Sgt", "the ")) for e in data["entities"])


def test_venue_with_and_is_one_entity(run):
    data = run("Gunfire erupted at the Silver Spur Bar and Grill in Fresno on Saturday night.")
    assert ("Silver Spur Bar and Grill", "venue") in kinds(data)
    assert ("Fresno", "place") in kinds(data)


def test_university_campus_keeps_its_place_name(run):
    data = run("Maya Chen, a sociologist at the State University of New York at Albany, studies policing.")
    assert ("State University of New York at Albany", "organization") in kinds(data)


def test_school_and_nightclub_are_venues_and_universities_organizations(run):
    data = run("Students at Lincoln High School and patrons of the Pulse nightclub were interviewed by "
               "researchers from Ohio State University.")
    k = kinds(data)
    assert ("Lincoln High School", "venue") in k
    assert ("Pulse nightclub", "venue") in k
    assert ("Ohio State University", "organization") in k


def test_surnames_and_repeated_names_merge_into_one_entity(run):
    text = ("Deputy Carlos Ortega was wounded on Monday. Ortega, a 12-year veteran, is expected to recover. "
            "The Harris County Sheriff’s Office said Ortega returned fire.")
    data = run(text)
    ortegas = [e for e in data["entities"] if "Ortega" in e["text"]]
    assert len(ortegas) == 3
    assert {e["canonical"] for e in ortegas} == {"Carlos Ortega"}
    assert all(e["kind"] == "person" for e in ortegas)
    assert by_text(data["entities"], "Harris County Sheriff’s Office")["kind"] == "agency"


def test_the_fbi_is_canonically_fbi(run):
    data = run("The FBI opened an inquiry. Agents from the FBI arrived on Tuesday.")
    fbi = [e for e in data["entities"] if e["text"] == "FBI"]
    assert len(fbi) == 2 and {e["canonical"] for e in fbi} == {"FBI"}
