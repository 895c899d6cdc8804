"""The stage's public face: `attributions_of` joins the finders and passes; the spaCy component writes the span group
`newsclaims_attributions` (a `Found` on each content span) and runs with the cue model it is given."""
import spacy

from pipeline.components.attributions import attributions_of, cue_model
from pipeline.components.extensions import ATTRIBUTIONS, ENTITIES
from pipeline.components.entities import EntityName

from .docs import ARGUED, CRITICIZED, INVERTED, PROFESSOR, THEY_PLAN, entity, parsed


def test_attributions_in_text_order():
    doc = parsed(INVERTED)
    [a] = attributions_of(doc, [entity(doc, "Ana Ortiz", "person")])
    assert (a.kind, a.cue.text, a.content.text) == ("direct", "said", "The bridge is safe")
    assert (a.source.canonical, a.source.role, a.source.entity.text) == ("Ana Ortiz", "Mayor", "Ana Ortiz")


def test_a_nested_attribution_of_its_outer_speaker_is_one_attribution():
    [a] = attributions_of(parsed(THEY_PLAN), [])
    assert (a.cue.text, a.content.text, a.source.canonical) == ("said", "they plan to appeal", "Officials")


def test_roles_and_phrases():
    doc = parsed(PROFESSOR)
    [a] = attributions_of(doc, [entity(doc, "Adam Lankford", "person")])
    assert a.source.role == "a criminology professor at the University of Alabama"


def cued(doc):
    """The (cue, detected_by) of each attribution span the stage wrote on `doc`."""
    return [(s._.attribution.cue.text, s._.attribution.detected_by) for s in doc.spans[ATTRIBUTIONS]]


def test_the_component_writes_attribution_spans_and_leaves_nothing_behind():
    nlp = spacy.blank("en")
    stage = nlp.add_pipe("newsclaims_attributions")
    doc = stage(parsed(CRITICIZED))
    assert cued(doc) == [("criticized", "model")]
    [span] = doc.spans[ATTRIBUTIONS]
    assert (span.text, span._.attribution.content.text) == ("the plan on Tuesday", "the plan on Tuesday")
    assert [key for key in doc.user_data if key[0] != "._."] == []  # only extensions: no per-document cache
    with stage.detector(cue_model.NO_MODEL):
        assert cued(stage(parsed(CRITICIZED))) == []
    assert cued(stage(parsed(ARGUED))) == [("argued", "rules")]


def test_the_component_reads_the_entity_spans():
    nlp = spacy.blank("en")
    stage = nlp.add_pipe("newsclaims_attributions")
    doc = parsed(INVERTED)
    ortiz = doc.char_span(doc.text.index("Ana Ortiz"), doc.text.index("Ana Ortiz") + 9)
    ortiz._.entity = EntityName("person", "PERSON", "Ana Ortiz")
    doc.spans[ENTITIES] = [ortiz]
    [span] = stage(doc).spans[ATTRIBUTIONS]
    assert (span._.attribution.source.entity, span._.attribution.source.canonical) == (ortiz, "Ana Ortiz")
