"""Attributions on odd quoting: nothing raises and offsets always hold."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pipeline
from pipeline.records import offset_problems

pieces = st.sampled_from(["“", "”", "\"", "‘", "’", "'", "«", "»", " said ", " Ana Ruiz", " he", " told reporters",
                          "according to the FBI", ",", ".", ":", " — ", "\n", "\n\n", " the plan", " 12 people",
                          " She", " that", " was", " “It", " works.”", "“‘Nested’ quote,” she said."])


def check(nlp, text):
    data = pipeline.extract(text, nlp=nlp).to_dict()
    pipeline.validate(data)
    assert data["text"] == text and offset_problems(data) == []
    return data


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(pieces, max_size=50).map("".join))
def test_unbalanced_and_nested_quotes(nlp, text):
    check(nlp, text)


def test_unclosed_quote_runs_to_paragraph_end(nlp):
    data = check(nlp, "“We will never leave, said the mayor.\n\nThe council voted on Tuesday.")
    assert all("council" not in a["content"]["text"] for a in data["attributions"])


def test_quote_inside_quote(nlp):
    data = check(nlp, "“He told me, ‘Stay home,’ and I did,” said Ana Ruiz.")
    [a] = data["attributions"]
    assert a["content"]["text"] == "He told me, ‘Stay home,’ and I did" and a["source"]["canonical"] == "Ana Ruiz"


def test_tokenized_text_quote_is_one_attribution(nlp):
    # CoNLL-style text: spaces inside the quotation marks, split contractions ("I 'm"); the cue verb and the
    # quotation finder once both took it, and two contents over the same tokens raised
    data = check(nlp, "Shearer takes the captaincy .\n\" I 'm sure there wo n't be a problem , I 'm sure Alan is the "
                      "man for the job , \" Hoddle said .\n")
    [a] = data["attributions"]
    assert a["cue"]["text"] == "said" and a["content"]["text"].startswith("I 'm sure")


def test_two_cues_taking_one_quotation_give_one_attribution_of_it(nlp):
    # the learned detector's "entitled" and the rules' "noted" both took "Aristocracy Reborn"; two contents over the
    # same tokens raised
    data = check(nlp, "Barack Obama’s thesis for Columbia University, entitled “Aristocracy Reborn,” noted that "
                      "America’s founding fathers “did not allow for economic freedom.”")
    contents = [a["content"]["text"] for a in data["attributions"]]
    assert len(contents) == len(set(contents))


def test_two_thousand_paragraphs(nlp):
    text = "\n\n".join(f"“Item {n} is late,” said inspector Maria Gomez. Officials said {n + 2} trucks were idle."
                      for n in range(2000))
    data = check(nlp, text)
    assert len(data["attributions"]) >= 3000


def test_an_article_that_is_all_quotes(nlp):
    text = "\n\n".join(["“We are done.”", "“No, we are not.”", "“Then what?”", "“Wait and see,” he said."] * 50)
    data = check(nlp, text)
    assert data["attributions"]
