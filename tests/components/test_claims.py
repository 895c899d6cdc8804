"""claims: each quantity in a claim, the innermost rule-found attribution's content or else its sentence."""
import pytest
import spacy
from spacy.tokens import Doc

from pipeline.components.claims import (ClaimStage, attribution_containing, claims_of, new_claim,
                                        sentence_bounds)
from pipeline.components.entities import register_extensions
from pipeline.records import Attribution, Quantity, Source, TextSpan

TEXT = "The city recorded 14 homicides in March. Crime fell 8 percent last year, the police department said."


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def quantity(doc: Doc, qid: str, text: str) -> tuple[Quantity, object]:
    """The Quantity record of the first `text` in `doc`, with its token span."""
    start = doc.text.index(text)
    return Quantity(id=qid, text=text, start=start, end=start + len(text), value=None), \
        doc.char_span(start, start + len(text))


def text_span(text: str, part: str) -> TextSpan:
    start = text.index(part)
    return TextSpan(part, start, start + len(part))


def attribution(aid: str, content: str, source: str | None = "police department", detected_by: str = "rules",
                text: str = TEXT) -> Attribution:
    who = Source(text=source, start=None, end=None, entity=None, canonical=source) if source else None
    return Attribution(id=aid, kind="indirect", source=who, cue=text_span(text, "said"),
                       content=text_span(text, content), detected_by=detected_by)


def test_claims_are_attributed_content_or_the_outlets_sentence(nlp):
    doc = nlp(TEXT)
    (q1, s1), (q2, s2) = quantity(doc, "q1", "14 homicides"), quantity(doc, "q2", "8 percent")
    cited = attribution("a1", "Crime fell 8 percent last year")
    claims = claims_of(doc, [q1, q2], [s1, s2], [cited])
    assert [(c.id, c.text, c.quantities, c.attribution, c.source) for c in claims] == [
        ("c1", "The city recorded 14 homicides in March.", ["q1"], None, None),
        ("c2", "Crime fell 8 percent last year", ["q2"], "a1", "police department"),
    ]
    assert all(TEXT[c.start:c.end] == c.text for c in claims)


def test_quantities_stated_by_the_same_words_share_a_claim(nlp):
    text = "Just 4 percent of 106 attacks ended early, the study found."
    doc = nlp(text)
    (q1, s1), (q2, s2) = quantity(doc, "q1", "4 percent"), quantity(doc, "q2", "106 attacks")
    [claim] = claims_of(doc, [q1, q2], [s1, s2], [])
    assert claim.quantities == ["q1", "q2"] and claim.text == text


def test_claims_are_numbered_in_text_order(nlp):
    doc = nlp(TEXT)
    (q1, s1), (q2, s2) = quantity(doc, "q1", "14 homicides"), quantity(doc, "q2", "8 percent")
    claims = claims_of(doc, [q2, q1], [s2, s1], [])
    assert [(c.id, c.quantities) for c in claims] == [("c1", ["q1"]), ("c2", ["q2"])]


def test_the_innermost_rule_found_attribution_holds_the_quantity():
    outer = attribution("a1", "Crime fell 8 percent last year, the police")
    inner = attribution("a2", "8 percent last year")
    learned = attribution("a3", "8 percent", detected_by="model")
    start = TEXT.index("8 percent")
    assert attribution_containing([outer, inner, learned], start, start + 9).id == "a2"
    assert attribution_containing([learned], start, start + 9) is None
    assert attribution_containing([inner], 0, 5) is None


def test_sentence_bounds_take_the_final_stop_or_fall_back_to_the_quantity():
    text = "“Crime fell 8 percent.” More."
    q = Quantity(id="q1", text="8 percent", start=12, end=21, value=8)
    assert sentence_bounds(text, TextSpan("Crime fell 8 percent", 1, 21), q) == (1, 22)
    assert sentence_bounds(text, None, q) == (12, 22)
    assert sentence_bounds("8 percent", None, Quantity(id="q", text="8 percent", start=0, end=9, value=8)) == (0, 9)


def test_a_new_claim_names_its_attribution_and_its_source():
    claim = new_claim(TEXT, 41, 71, attribution("a1", "Crime fell 8 percent last year"))
    assert (claim.text, claim.attribution, claim.source, claim.quantities) == \
        ("Crime fell 8 percent last year", "a1", "police department", [])
    anonymous = new_claim(TEXT, 41, 71, attribution("a1", "Crime fell 8 percent last year", source=None))
    assert (anonymous.attribution, anonymous.source) == ("a1", None)
    assert new_claim(TEXT, 0, 3, None).attribution is None


def test_the_stage_reads_quantities_spans_and_attributions_from_the_doc(nlp):
    register_extensions(["claims", "quantities", "quantity_spans", "attributions"])
    doc = nlp(TEXT)
    q, s = quantity(doc, "q1", "8 percent")
    doc._.quantities, doc._.quantity_spans = [q], [s]
    doc._.attributions = [attribution("a1", "Crime fell 8 percent last year")]
    assert [c.attribution for c in ClaimStage(nlp, "claims")(doc)._.claims] == ["a1"]
    assert ClaimStage(nlp, "claims")(nlp("Nothing here."))._.claims == []
