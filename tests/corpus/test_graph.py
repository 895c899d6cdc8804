"""The graph every format shares: records to spans and links and back, and what a span added by hand becomes."""
from __future__ import annotations

import pytest

from pipeline.corpus.graph import Graph, Link, Span, graph_of, result_dict
from pipeline.records import validate

from .conftest import odd_result


def test_graph_and_back_give_the_same_record():
    result = odd_result()
    data = result.to_dict()
    assert result_dict(result.text, data["article"], graph_of(result)) == data


def test_every_span_of_the_graph_holds_its_text():
    result = odd_result()
    for span in graph_of(result).spans:
        assert result.text[span.start:span.end] == span.text, span


def test_spans_added_by_hand_get_fresh_ids_and_defaults():
    text = "Ann Lee said 5 people came."
    graph = Graph([Span("x7", "person", 0, 7, "Ann Lee"), Span("r2", "quantity", 13, 21, "5 people"),
                   Span("cueA", "cue", 8, 12, "said"), Span("cont", "content", 13, 26, "5 people came"),
                   Span("src", "source", 0, 7, "Ann Lee"), Span("e1", "claim", 0, 27, text)],
                  [Link("content", "cueA", "cont"), Link("source", "cueA", "src"), Link("quantity", "e1", "r2"),
                   Link("attribution", "e1", "cueA")])
    data = result_dict(text, {"id": "a"}, graph)
    validate(data)
    assert [e["id"] for e in data["entities"]] == ["e2"]  # "e1" is a claim's region id here: taken
    assert data["entities"][0] == {"id": "e2", "text": "Ann Lee", "start": 0, "end": 7, "kind": "person",
                                   "label": "GOLD", "canonical": "Ann Lee"}
    q = data["quantities"][0]
    assert (q["id"], q["value"], q["kind"], q["qualifier"]) == ("q1", None, "count", "=")
    a = data["attributions"][0]
    assert (a["id"], a["kind"], a["source"]["text"], a["source"]["canonical"]) == ("a1", "indirect", "Ann Lee", None)
    assert data["claims"][0]["quantities"] == ["q1"] and data["claims"][0]["attribution"] == "a1"


def test_a_quote_as_content_is_a_direct_attribution():
    text = "“We won,” she said."
    graph = Graph([Span("c", "cue", 10, 18, "she said"), Span("q", "content", 0, 9, "“We won,”")],
                  [Link("content", "c", "q")])
    assert result_dict(text, {"id": "a"}, graph)["attributions"][0]["kind"] == "direct"


def test_a_cue_without_content_and_an_unknown_label_are_errors():
    with pytest.raises(ValueError, match="linked to no content"):
        result_dict("He said.", {"id": "a"}, Graph([Span("c", "cue", 3, 7, "said")]))
    with pytest.raises(ValueError, match="label 'PER'"):
        result_dict("Ann", {"id": "a"}, Graph([Span("x", "PER", 0, 3, "Ann")]))


def test_ids_of_another_form_are_renumbered_and_a_source_follows_its_entity():
    result = odd_result()
    result.entities[0].id = "ent-1"
    result.attributions[0].source.entity = "ent-1"
    data = result_dict(result.text, result.to_dict()["article"], graph_of(result))
    validate(data)
    assert data["entities"][0]["id"] == data["attributions"][0]["source"]["entity"] == "e1"


def test_a_source_without_canonical_name_keeps_none():
    result = odd_result()
    result.attributions[1].source.canonical = None
    data = result.to_dict()
    assert result_dict(result.text, data["article"], graph_of(result)) == data
