"""Attribution coverage (issue 4): quote styles, cue positions, continuing quotes, indirect forms, documents."""
import pytest


def atts(run, text):
    return run(text)["attributions"]


@pytest.mark.parametrize("text, content", [
    ("“The bridge is safe,” said Mayor Ana Ortiz.", "The bridge is safe"),
    ('"The bridge is safe," said Mayor Ana Ortiz.', "The bridge is safe"),
    ("‘The bridge is safe,’ said Mayor Ana Ortiz.", "The bridge is safe"),
    ("«The bridge is safe,» said Mayor Ana Ortiz.", "The bridge is safe"),
])
def test_quote_marks(run, text, content):
    [a] = atts(run, text)
    assert a["kind"] == "direct" and a["content"]["text"] == content and a["source"]["canonical"] == "Ana Ortiz"


def test_cue_before_with_colon_and_inverted_with_time_and_addressee(run):
    a = atts(run, "Mayor Ana Ortiz said: “We will reopen the bridge on Monday.”")[0]
    assert a["kind"] == "direct" and a["source"]["canonical"] == "Ana Ortiz"
    assert a["content"]["text"].startswith("We will reopen the bridge")
    a = atts(run, "“We will reopen it,” Ortiz told reporters Thursday.")[0]
    assert a["cue"]["text"] == "told reporters Thursday" and a["source"]["text"] == "Ortiz"


def test_colon_lead_in_without_a_speech_verb(run):
    a = atts(run, "The chief put it simply: “We cannot cover every street.”")[0]
    assert a["kind"] == "direct" and a["cue"]["text"] == "put it simply:" and a["source"]["text"] == "The chief"


def test_split_quote_around_the_cue(run):
    found = atts(run, "“Your Honor,” I said, “I would like to answer the question.”")
    assert [a["content"]["text"] for a in found] == ["Your Honor", "I would like to answer the question."]
    assert found[0]["source"]["canonical"] == found[1]["source"]["canonical"] == "I"
    assert found[0]["cue"] == found[1]["cue"]


def test_floating_quote_continues_and_stops_at_a_new_speaker(run):
    text = ("“We ran out of beds by noon,” said Dr. Lena Park, who runs the ward. “Nobody planned for this.”\n\n"
            "Hospital officials said the surge had passed. “We are back to normal,” said spokesman Tim Reyes.")
    found = atts(run, text)
    by_content = {a["content"]["text"]: a for a in found}
    assert by_content["Nobody planned for this."]["source"]["canonical"] == "Lena Park"
    assert by_content["We are back to normal"]["source"]["canonical"] == "Tim Reyes"
    assert by_content["the surge had passed"]["source"]["canonical"] == "Hospital officials"


def test_multi_sentence_quote(run):
    a = atts(run, "“Prices went up. Wages did not. That is the problem,” said economist Rosa Kim.")[0]
    assert a["content"]["text"] == "Prices went up. Wages did not. That is the problem"


@pytest.mark.parametrize("text, cue, source", [
    ("The senator argued that the tax was unfair.", "argued", "The senator"),
    ("Officials warned that the levee could fail.", "warned", "Officials"),
    ("Analysts estimated that 40,000 jobs were lost.", "estimated", "Analysts"),
    ("The auditor concluded that the funds were misused.", "concluded", "The auditor"),
    ("The governor believes the plan will work.", "believes", "The governor"),
    ("The agency reported that fares would rise.", "reported", "The agency"),
])
def test_indirect_verbs(run, text, cue, source):
    a = atts(run, text)[0]
    assert a["kind"] == "indirect" and a["cue"]["text"] == cue and a["source"]["text"] == source


def test_document_sources_record_their_author(run):
    a = atts(run, "A report by the Brennan Center says voter rolls shrank 8 percent.")[0]
    assert a["source"]["canonical"] == "Brennan Center"
    a = atts(run, "A Pew Research Center survey found that 61 percent of adults agree.")[0]
    assert a["source"]["canonical"] == "Pew Research Center" and a["cue"]["text"] == "found"


def test_participle_cue_takes_the_main_subject(run):
    a = [x for x in atts(run, "The union rejected the offer, saying it would cut pay.") if x["cue"]["text"] == "saying"][0]
    assert a["source"]["text"] == "The union" and a["content"]["text"] == "it would cut pay"


def test_headline_colon(run):
    a = atts(run, "Graham: Trump Rhetoric Hurts the Party\n\nThe senator spoke on Thursday.")[0]
    assert a["cue"]["text"] == ":" and a["source"]["canonical"] == "Graham"


def test_descriptions_and_pronouns(run):
    found = atts(run, "Jaime Torres, a city planner, said zoning is outdated. She said rents will rise, and police "
                      "said crime fell.")
    assert [a["source"]["canonical"] for a in found] == ["Jaime Torres", "Jaime Torres", "police"]
    assert found[0]["source"]["role"] == "a city planner"
