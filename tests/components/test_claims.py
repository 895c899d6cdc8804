"""claims: each quantity in a claim, the innermost rule-found attribution's content or else its sentence; the stage
reads the quantity and attribution span groups and writes the claim span group."""
import pytest
import spacy
from spacy.tokens import Doc, Span

from pipeline.components.attributions import Found, SourceParts
from pipeline.components.claims import (ClaimParts, ClaimStage, attribution_containing, claims_of, rule_contents,
                                        sentence_bounds)
from pipeline.components.extensions import ATTRIBUTIONS, CLAIMS, QUANTITIES, register_extensions
from pipeline.components.quantities import QuantityValue
from pipeline.records import TextSpan

TEXT = "The city recorded 14 homicides in March. Crime fell 8 percent last year, the police department said."


@pytest.fixture(scope="module")
def nlp():
    register_extensions()
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def quantity(doc: Doc, text: str) -> Span:
    """The span of the first `text` in `doc`, carrying its `QuantityValue`."""
    start = doc.text.index(text)
    span = doc.char_span(start, start + len(text))
    span._.quantity = QuantityValue(text=text, start=start, end=start + len(text), value=None)
    return span


def text_span(text: str, part: str) -> TextSpan:
    start = text.index(part)
    return TextSpan(part, start, start + len(part))


def found(content: str, source: str | None = "police department", detected_by: str = "rules",
          text: str = TEXT) -> Found:
    who = SourceParts(text=source, start=None, end=None, entity=None, canonical=source) if source else None
    return Found(text_span(text, "said"), text_span(text, content), "indirect", who, detected_by=detected_by)


def attribution(doc: Doc, content: str, **kwargs) -> Span:
    """The span of the content `content` in `doc`, carrying its `Found`."""
    f = found(content, text=doc.text, **kwargs)
    span = doc.char_span(f.content.start, f.content.end)
    span._.attribution = f
    return span


def parts(claims: list[Span]) -> list[tuple]:
    return [(c._.claim.text, [q.text for q in c._.claim.quantities], c._.claim.attribution) for c in claims]


def test_claims_are_attributed_content_or_the_outlets_sentence(nlp):
    doc = nlp(TEXT)
    q1, q2 = quantity(doc, "14 homicides"), quantity(doc, "8 percent")
    cited = attribution(doc, "Crime fell 8 percent last year")
    claims = claims_of(doc, [q1, q2], [cited])
    assert parts(claims) == [("The city recorded 14 homicides in March.", ["14 homicides"], None),
                             ("Crime fell 8 percent last year", ["8 percent"], cited)]
    assert all(TEXT[c._.claim.start:c._.claim.end] == c._.claim.text == c.text for c in claims)


def test_quantities_stated_by_the_same_words_share_a_claim(nlp):
    text = "Just 4 percent of 106 attacks ended early, the study found."
    doc = nlp(text)
    q1, q2 = quantity(doc, "4 percent"), quantity(doc, "106 attacks")
    [claim] = claims_of(doc, [q1, q2], [])
    assert claim._.claim.quantities == [q1, q2] and claim._.claim.text == text


def test_claims_are_in_text_order(nlp):
    doc = nlp(TEXT)
    q1, q2 = quantity(doc, "14 homicides"), quantity(doc, "8 percent")
    claims = claims_of(doc, [q2, q1], [])
    assert [c._.claim.quantities for c in claims] == [[q1], [q2]]


def test_a_claim_span_covers_the_tokens_its_characters_start_inside(nlp):
    doc = nlp("Rates fell to -4 percent.")
    start = doc.text.index("4 percent")
    q = doc.char_span(start - 1, start + 9)  # the token "-4" holds the claim's first character
    q._.quantity = QuantityValue(text="4 percent", start=start, end=start + 9, value=4)
    [claim] = claims_of(doc, [q], [])
    assert (claim.text, claim._.claim.text) == ("Rates fell to -4 percent.", "Rates fell to -4 percent.")


def test_the_innermost_rule_found_attribution_holds_the_quantity(nlp):
    doc = nlp(TEXT)
    outer = attribution(doc, "Crime fell 8 percent last year, the police")
    inner = attribution(doc, "8 percent last year")
    learned = attribution(doc, "8 percent", detected_by="model")
    start = TEXT.index("8 percent")
    assert attribution_containing(rule_contents([outer, inner, learned]), start, start + 9) is inner
    assert attribution_containing(rule_contents([learned]), start, start + 9) is None
    assert attribution_containing(rule_contents([inner]), 0, 5) is None


def test_sentence_bounds_take_the_final_stop_or_fall_back_to_the_quantity():
    text = "“Crime fell 8 percent.” More."
    q = QuantityValue(text="8 percent", start=12, end=21, value=8)
    assert sentence_bounds(text, TextSpan("Crime fell 8 percent", 1, 21), q) == (1, 22)
    assert sentence_bounds(text, None, q) == (12, 22)
    assert sentence_bounds("8 percent", None, QuantityValue(text="8 percent", start=0, end=9, value=8)) == (0, 9)


def test_the_stage_reads_the_quantity_and_attribution_spans_and_writes_claim_spans(nlp):
    doc = nlp(TEXT)
    doc.spans[QUANTITIES] = [quantity(doc, "8 percent")]
    cited = attribution(doc, "Crime fell 8 percent last year")
    doc.spans[ATTRIBUTIONS] = [cited]
    [claim] = ClaimStage(nlp, "claims")(doc).spans[CLAIMS]
    assert claim._.claim == ClaimParts("Crime fell 8 percent last year", 41, 71, cited, list(doc.spans[QUANTITIES]))
    assert list(ClaimStage(nlp, "claims")(nlp("Nothing here.")).spans[CLAIMS]) == []
