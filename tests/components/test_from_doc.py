"""Records from a finished Doc (`pipeline.from_doc`, used by `pipeline.extraction`): span groups set by hand on a
blank Doc become records with ids in text order, references become ids, unattributed claims are the outlet's."""
import pytest
import spacy
from spacy.tokens import Doc, Span

from pipeline.components.attributions import Found, SourceParts
from pipeline.components.claims import ClaimParts
from pipeline.components.entities import EntityName
from pipeline.components.extensions import (ATTRIBUTIONS, CLAIMS, ENTITIES, QUANTITIES, distinct_extents,
                                           register_extensions)
from pipeline.components.quantities import QuantityValue
from pipeline.from_doc import (attribution_records, claim_records, claim_source, entity_records, quantity_records,
                               result_from_doc)
from pipeline.records import Article, Quantity, Source, TextSpan

TEXT = "Ana Ortiz said crime fell -8 percent. The city has 14 parks."


@pytest.fixture(scope="module")
def nlp():
    register_extensions()
    return spacy.blank("en")


def chars(doc: Doc, part: str) -> tuple[int, int]:
    start = doc.text.index(part)
    return start, start + len(part)


def carrying(doc: Doc, part: str, name: str, value, expand: bool = False) -> Span:
    """The span over `part` of `doc` with `span._.<name>` set to `value`."""
    span = doc.char_span(*chars(doc, part), alignment_mode="expand" if expand else "strict")
    span._.set(name, value)
    return span


def finished(nlp) -> Doc:
    """A Doc as the stages leave it: an entity, two quantities (one starting inside the token "-8"), an attribution
    of the first and two claims."""
    doc = nlp(TEXT)
    ortiz = carrying(doc, "Ana Ortiz", "entity", EntityName("person", "PERSON", "Ana Ortiz"))
    doc.spans[ENTITIES] = [ortiz]
    eight = QuantityValue("8 percent", *chars(doc, "8 percent"), value=8.0, unit="percent", kind="percent")
    parks = QuantityValue("14 parks", *chars(doc, "14 parks"), value=14.0, unit="parks", counted="parks")
    doc.spans[QUANTITIES] = [carrying(doc, "8 percent", "quantity", eight, expand=True),
                             carrying(doc, "14 parks", "quantity", parks)]
    content = TextSpan("crime fell -8 percent", *chars(doc, "crime fell -8 percent"))
    said = Found(TextSpan("said", *chars(doc, "said")), content, "indirect",
                 SourceParts("Ana Ortiz", 0, 9, ortiz, "Ana Ortiz"), detected_by="rules")
    doc.spans[ATTRIBUTIONS] = [carrying(doc, content.text, "attribution", said)]
    q1, q2 = doc.spans[QUANTITIES]
    own = "The city has 14 parks."
    doc.spans[CLAIMS] = [
        carrying(doc, content.text, "claim",
                 ClaimParts(content.text, content.start, content.end, doc.spans[ATTRIBUTIONS][0], [q1])),
        carrying(doc, own, "claim", ClaimParts(own, *chars(doc, own), None, [q2])),
    ]
    return doc


def test_entities_are_numbered_in_text_order(nlp):
    doc = finished(nlp)
    [e] = entity_records(doc)
    assert (e.id, e.text, e.start, e.end, e.kind, e.label, e.canonical) == (
        "e1", "Ana Ortiz", 0, 9, "person", "PERSON", "Ana Ortiz")


def test_quantities_keep_their_exact_characters_and_values(nlp):
    doc = finished(nlp)
    first, second = quantity_records(doc)
    start = TEXT.index("8 percent")
    assert first == Quantity(id="q1", text="8 percent", start=start, end=start + 9, value=8.0, unit="percent",
                             kind="percent")
    assert doc.spans[QUANTITIES][0].text == "-8 percent"  # the span covers the token the quantity starts inside
    assert (second.id, second.text, second.counted) == ("q2", "14 parks", "parks")


def test_an_attribution_names_its_entity_by_id(nlp):
    doc = finished(nlp)
    [a] = attribution_records(doc)
    assert (a.id, a.kind, a.cue.text, a.content.text, a.detected_by) == (
        "a1", "indirect", "said", "crime fell -8 percent", "rules")
    assert a.source == Source("Ana Ortiz", 0, 9, "e1", "Ana Ortiz")


def test_claims_name_their_quantities_and_attribution_and_the_outlet_owns_the_rest(nlp):
    doc = finished(nlp)
    cited, own = claim_records(doc, "Valley Ledger")
    assert (cited.id, cited.quantities, cited.attribution, cited.source) == ("c1", ["q1"], "a1", "Ana Ortiz")
    assert (own.id, own.text, own.quantities, own.attribution, own.source) == (
        "c2", "The city has 14 parks.", ["q2"], None, "Valley Ledger")
    assert claim_records(doc, None)[1].source is None


def test_a_claim_of_an_attribution_without_source_has_none(nlp):
    doc = nlp(TEXT)
    anonymous = Found(TextSpan("said", 10, 14), TextSpan("crime", 15, 20), "indirect", None)
    span = carrying(doc, "crime", "attribution", anonymous)
    assert (claim_source(span, "Valley Ledger"), claim_source(None, "Valley Ledger")) == (None, "Valley Ledger")


def test_a_result_of_every_record_and_of_a_doc_no_stage_ran_on(nlp):
    result = result_from_doc(finished(nlp), Article(id="x", outlet="Valley Ledger"))
    assert [len(r) for r in (result.entities, result.quantities, result.attributions, result.claims)] == [1, 2, 1, 2]
    assert result.text == TEXT and result.claims[1].source == "Valley Ledger"
    empty = result_from_doc(nlp("Nothing ran."), Article(id="y"))
    assert (empty.entities, empty.quantities, empty.attributions, empty.claims) == ([], [], [], [])


def test_two_values_over_the_same_tokens_are_refused(nlp):
    doc = nlp(TEXT)
    with pytest.raises(ValueError, match="two quantities over the same tokens '-8'"):
        distinct_extents([doc[5:6], doc[6:7], doc[5:6]], "quantities")
    assert distinct_extents([doc[5:6], doc[5:7]], "quantities") == [doc[5:6], doc[5:7]]
