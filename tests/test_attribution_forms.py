"""Attribution forms: quote styles, cue positions, continuing quotes, indirect forms, documents."""
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


@pytest.mark.parametrize("text, cue, content", [
    ("Trump said in a statement that the plan would fail.", "said in a statement", "the plan would fail"),
    ("The plan will fail, Trump said in an interview with CNN on Sunday.", "said in an interview with CNN on Sunday",
     "The plan will fail"),
    ("Trump tweeted Wednesday morning that he was winning.", "tweeted Wednesday morning", "he was winning"),
    # the setting stops at a comma; the content starts after the whole phrase
    ("Corey Lewandowski said on CNN, where he is a paid contributor, that Manafort should be held to account.",
     "said on CNN", "Manafort should be held to account"),
    # a "that" clause the parser hangs on the setting phrase is still the content
    ("Christian Estrosi said in one of a series of Twitter messages that the truck was carrying arms.",
     "said in one of a series of Twitter messages", "the truck was carrying arms"),
])
def test_cue_takes_its_setting(run, text, cue, content):
    a = atts(run, text)[0]
    assert (a["cue"]["text"], a["content"]["text"]) == (cue, content)


@pytest.mark.parametrize("text, cue, source, content", [
    ("As The Daily Caller reported, the show's creator gave $5,000 to the Clintons.", "reported", "The Daily Caller",
     "the show's creator gave $5,000 to the Clintons"),
    ("As reported by Western Journalism, Seattle became the first major city to mandate it.", "reported",
     "Western Journalism", "Seattle became the first major city to mandate it"),
    ("In a Washington Post/ABC News poll released Sunday, just 8 percent of Democrats backed Trump.", "In",
     "a Washington Post/ABC News poll", "just 8 percent of Democrats backed Trump"),
    ("Trump leads by 57 percent to 33 percent in the 50-state poll.", "in", "the 50-state poll",
     "Trump leads by 57 percent to 33 percent"),
])
def test_as_reported_and_in_a_poll(run, text, cue, source, content):
    a = atts(run, text)[0]
    assert (a["cue"]["text"], a["source"]["text"], a["content"]["text"]) == (cue, source, content)


def test_in_without_a_particular_poll_is_no_cue(run):
    assert atts(run, "Johnson has risen in the polls to the high single digits.") == []


def test_one_word_quotes_next_to_their_cue(run):
    a = atts(run, '"Absolutely," he said when asked by a reporter if that remains his view.')[0]
    assert a["kind"] == "direct" and a["content"]["text"] == "Absolutely" and a["cue"]["text"] == "said"
    a = [x for x in atts(run, 'Asked whether he would fire the speechwriter, Priebus said, "Probably."')
         if x["cue"]["text"] == "said"][0]
    assert a["content"]["text"] == "Probably." and a["source"]["text"] == "Priebus"
    # a single quoted word with no cue beside it is a scare quote, not a quotation
    assert all(x["content"]["text"] != "deplorables" for x in atts(run, 'He called the voters "deplorables" twice.'))


def test_questions_and_citing(run):
    a = atts(run, '"What kind of people do I have here?" Trump asked, looking pleased.')[0]
    assert (a["cue"]["text"], a["source"]["text"]) == ("asked", "Trump")
    a = [x for x in atts(run, "Trump proposed a ban on visitors, citing fears of terrorism.") if x["cue"]["text"] == "citing"][0]
    assert a["source"]["text"] == "Trump" and a["content"]["text"] == "fears of terrorism"


def test_transcript_speaker_labels(run):
    text = ("Video transcript:\n\nKATE BOULDUAN: Why not debate?\n\n"
            "JOEL BENENSON: This is a man who said he would never run a negative ad.")
    labels = [a for a in atts(run, text) if a["cue"]["text"] == ":"]
    assert [(a["source"]["text"], a["content"]["text"]) for a in labels] == [
        ("KATE BOULDUAN", "Why not debate?"), ("JOEL BENENSON", "This is a man who said he would never run a negative ad")]
    # one capitalised word before a colon is a kicker, not a speaker
    assert atts(run, "BREAKING: The bridge is closed.") == []


def test_source_phrase_holds_the_whole_noun_phrase(run):
    a = atts(run, "Jimmy Ghazal, 39, a Lebanese man visiting Nice with his family, told reporters it was chaos.")[0]
    assert a["source"]["text"] == "Jimmy Ghazal"
    assert a["source"]["phrase"]["text"] == "Jimmy Ghazal, 39, a Lebanese man visiting Nice with his family"
    a = atts(run, "Ron Weiser, who was a co-chair for John McCain, said he would vote.")[0]
    assert a["source"]["phrase"]["text"] == "Ron Weiser, who was a co-chair for John McCain"
    a = atts(run, "The plan failed, said Labor Secretary Thomas Perez.")[0]
    assert a["source"]["phrase"] is None  # the phrase is the source's own text


def test_a_question_put_by_someone_unnamed_has_no_source(run):
    found = atts(run, "Asked whether he would fire the speechwriter, Priebus said he would not.")
    asked = next(a for a in found if a["cue"]["text"] == "Asked")
    assert asked["source"] is None and asked["content"]["text"] == "whether he would fire the speechwriter"
    assert any(a["cue"]["text"] == "said" and a["source"]["text"] == "Priebus" for a in found)


def test_people_placed_at_a_body_just_named_resolve_to_it(run):
    found = atts(run, "A 2023 analysis by the Urban Institute estimated that meals cut stigma. "
                      "Researchers there said the effect was largest in high schools.")
    said = next(a for a in found if a["cue"]["text"] == "said")
    assert said["source"]["text"] == "Researchers there" and said["source"]["canonical"] == "Urban Institute"


@pytest.mark.parametrize("text, cue, source", [
    ("Donald Trump picked up from his daughter by saying he is ready to go to work.", "saying", "Donald Trump"),
    ("A spokeswoman for Janney also declined to comment, saying that nobody involved remains at the firm.",
     "saying", "A spokeswoman for Janney"),
    ("As part of his plea, Marcel Lehel Lazar, 44, said that he victimized nearly 100 Americans.",
     "said", "Marcel Lehel Lazar"),
])
def test_a_subjectless_cue_takes_the_governing_or_stranded_subject(run, text, cue, source):
    a = next(a for a in atts(run, text) if a["cue"]["text"] == cue)
    assert a["source"]["text"] == source


def test_a_second_cue_joined_to_the_reported_clause_is_its_own_attribution(run):
    found = atts(run, 'In an interview last year, Lazar said he welcomed extradition to the United States and '
                      'added, "I\'ll plead guilty."')
    by_cue = {a["cue"]["text"]: a for a in found}
    assert by_cue["said"]["content"]["text"] == "he welcomed extradition to the United States"
    assert by_cue["added"]["source"]["text"] == "Lazar" and by_cue["added"]["content"]["text"] == "I'll plead guilty."
    # a verb joined without being a cue stays in the content
    [a] = atts(run, "She said the plan was bold and would save money.")
    assert a["content"]["text"] == "the plan was bold and would save money"


def test_inverted_cue_after_a_clause_the_parser_took_for_its_subject(run):
    text = ('Couple global exposure with a "candidate who is a lightning rod" and Clevelanders get nervous, '
            'said Christine Link, executive director of the ACLU in Ohio.')
    [a] = atts(run, text)
    assert a["source"]["text"] == "Christine Link" and a["content"]["text"].startswith("Couple global exposure")
    assert a["content"]["text"].endswith("get nervous")
    # a fronted phrase without a verb is no content
    assert not atts(run, "In a speech last July, he said nothing.") or \
        all(a["content"]["text"] != "In a speech last July" for a in atts(run, "In a speech last July, he said nothing."))


def test_a_cue_closing_its_paragraph_with_a_colon_reports_the_next_paragraph(run):
    text = ("Perry had no kind words for Trump. In a speech last July, he said:\n\n"
            "Let no one be mistaken: his candidacy is a cancer on conservatism.\n\nIt cannot be ignored.")
    [a] = atts(run, text)
    assert a["cue"]["text"] == "said" and a["source"]["canonical"] == "Perry"
    assert a["content"]["text"] == "Let no one be mistaken: his candidacy is a cancer on conservatism"


def test_a_title_case_headline_is_read_sentence_cased_with_offsets_as_written(run):
    text = ("Ben Carson Slams Hillary And The Media In One Debate Answer.\n\n"
            "Ben Carson criticized Hillary Clinton at the debate. Carson also blamed the media.")
    data = run(text)  # validates every span against the text as written
    slams = next(a for a in data["attributions"] if a["cue"]["text"] == "Slams")
    assert slams["source"]["text"] == "Ben Carson" and slams["content"]["text"].startswith("Hillary And The Media")
    assert text[slams["cue"]["start"]:slams["cue"]["end"]] == "Slams"
