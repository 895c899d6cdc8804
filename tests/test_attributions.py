"""Attribution stage: direct, continuing, indirect, mixed and "according to" attributions, sources resolved."""


def attributions(run, text):
    return run(text)["attributions"]


def content(a, text):
    return a["content"]["text"]


def test_direct_quote_with_cue_after_and_appositive_role(run):
    text = ("“We have never seen anything like this,” said Ana Ruiz, a nurse at Valley General Hospital. "
            "“It was chaos from the first minute.”")
    atts = attributions(run, text)
    assert len(atts) == 2
    first, second = atts
    assert first["kind"] == "direct" and first["content"]["text"] == "We have never seen anything like this"
    assert first["source"]["canonical"] == "Ana Ruiz" and first["cue"]["text"] == "said"
    assert first["source"]["role"] == "a nurse at Valley General Hospital"
    # a quote with no cue continues the previous speaker: no source span, same canonical
    assert second["kind"] == "direct" and second["source"]["text"] is None
    assert second["source"]["canonical"] == "Ana Ruiz"
    assert second["content"]["text"] == "It was chaos from the first minute."


def test_indirect_speech_pronoun_and_surname_resolve(run):
    text = ("Mark Daley, a retired police captain, said training has improved. "
            "Departments now drill twice a year, he said. Daley said budgets remain tight.")
    atts = attributions(run, text)
    assert [a["source"]["canonical"] for a in atts] == ["Mark Daley"] * 3
    assert atts[0]["content"]["text"] == "training has improved"
    assert atts[0]["source"]["role"] == "a retired police captain"
    assert atts[1]["source"]["text"] == "he" and atts[1]["kind"] == "indirect"


def test_according_to(run):
    atts = attributions(run, "Two in five drivers speed regularly, according to the Highway Safety Agency.")
    a = atts[0]
    assert a["cue"]["text"] == "according to" and a["source"]["canonical"] == "Highway Safety Agency"
    assert a["content"]["text"] == "Two in five drivers speed regularly"


def test_study_found_records_its_author_body(run):
    text = "She cited a Brookings Institution study that found rents rose 30 percent in five years."
    cited, found = attributions(run, text)  # nested: she cites the study, the study found
    assert found["cue"]["text"] == "found" and found["source"]["canonical"] == "Brookings Institution"
    assert "rents rose 30 percent" in found["content"]["text"]
    assert cited["cue"]["text"] == "cited" and cited["source"]["text"] == "She"
    assert cited["content"]["start"] <= found["cue"]["start"] < cited["content"]["end"]


def test_mixed_quote(run):
    text = "Officers must move in quickly, “even when the odds are against you,” Chief Dana Bell said."
    a = attributions(run, text)[0]
    assert a["kind"] == "mixed" and a["source"]["canonical"] == "Dana Bell"


def test_no_attribution_without_a_source(run):
    assert attributions(run, "The bridge was closed after the storm, and traffic was diverted.") == []
