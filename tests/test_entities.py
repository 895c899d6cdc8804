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


def test_two_names_joined_by_and_are_two_entities_and_a_body_named_in_full_takes_its_short_name(run):
    data = run("Buses will run between Central Station and Mercy Hospital, the Riverton City Council said. "
               "The City Council votes on Monday. The Federal Emergency Management Agency (FEMA) will pay; FEMA "
               "said so.")
    k = kinds(data)
    assert ("Central Station", "venue") in k and ("Mercy Hospital", "venue") in k
    assert by_text(data["entities"], "City Council")["canonical"] == "Riverton City Council"
    assert {e["canonical"] for e in data["entities"] if e["text"] == "FEMA"} == {"Federal Emergency Management Agency"}


def test_a_title_case_headline_gives_names_not_fragments(run):
    data = run("Trump Supporter Screams At Reporters In Las Vegas\n\nA supporter of Donald Trump shouted at "
               "reporters in Las Vegas on Tuesday.")
    assert not any(e["text"].startswith("Trump Supporter") for e in data["entities"])
    assert ("Las Vegas", "place") in kinds(data)


def test_text_in_capitals_title_case_or_without_capitals_gives_no_flood_of_names(run, seed):
    """The seed article as written, in capitals, in Title Case and in lower case: offsets hold and no variant
    reports many more names than the text as written."""
    seed_text = seed[0]
    written = len(run(seed_text)["entities"])
    for variant in (seed_text.upper(), seed_text.title(), seed_text.lower()):
        data = run(variant)
        assert all(variant[e["start"]:e["end"]] == e["text"] for e in data["entities"])
        assert len(data["entities"]) <= 1.3 * written, (variant[:40], len(data["entities"]), written)


def test_a_text_in_capitals_throughout_is_read_truecased(run):
    """No sentence of it shows how its words are spelt: its names are read in the truecased parse, kinds right."""
    text = ("SENATOR TED CRUZ OF TEXAS SAID ON TUESDAY THAT MICROSOFT WOULD HIRE 300 WORKERS IN OHIO.\n"
            "IN ADDITION, THE SENATOR SAID HE WOULD OPPOSE THE BILL ABSOLUTELY.")
    data = run(text)
    assert {("TED CRUZ", "person"), ("TEXAS", "place"), ("OHIO", "place")} <= kinds(data)
    assert not {e["text"] for e in data["entities"]} & {"ADDITION", "OPPOSE", "ABSOLUTELY", "IN ADDITION"}
    assert all(text[e["start"]:e["end"]] == e["text"] for e in data["entities"])
