"""Every entry point fuzzed: readers, extraction through the CLI, the record contract, ClaimReview readers and the
store's query filters. Invariants: no uncaught exception, offsets hold, counts add up, time within a bound.

How many cases comes from the hypothesis profile (conftest.py): `ci` by default (about 2,000 in all), `fuzz` with
`make fuzz` (over 10,000). Each case must end within the profile's deadline, far above its usual time, so that only
a blow-up (quadratic work, a hang) fails it.
"""
from __future__ import annotations

import io
import json
import re
import tempfile
from pathlib import Path

import pytest
from jsonschema import ValidationError
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import pipeline
from pipeline import readers
from pipeline.cli import app
from pipeline.factchecks.claimreview import FactCheck, Problem, read
from pipeline.records import Result, offset_problems
from pipeline.store import Store

from conftest import PG, PG_BASE, pg_schema_url

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "corpora" / "samples" / "wire.jsonl"
fixtures_ok = settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                              HealthCheck.data_too_large])

news_words = st.sampled_from([
    "said", "“", "”", "\"", "according to", "the FBI", "4", "percent", "%", "of", "106", "1,200", "$3.5bn", "a third",
    "between", "2000", "and", "2015", "\u00a0", "—", "\n", "\n\n", ".", ",", "told reporters", "(", ")", "<p>", "</p>",
    "<script>", "&amp;", "{", "}", "[", "]", ":", "\\", "\ufeff", "\x00", "\ud7ff", "🙂", "e\u0301", "\u202e",
])
texts = st.one_of(st.text(max_size=200), st.lists(news_words, max_size=40).map(" ".join))
json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), texts),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(
        ["id", "text", "title", "url", "outlet", "published", "body", "@type", "@id", "@graph", "claimReviewed",
         "reviewRating", "alternateName", "author", "itemReviewed", "ratingValue", "datePublished", "name"]) | texts,
        inner, max_size=5)),
    max_leaves=20)


def is_blank(line: bytes) -> bool:
    """Whether the JSONL reader passes over `line` (it decodes to whitespace) rather than reading a document."""
    text = readers.decode(line, "line")
    return isinstance(text, str) and not text.strip()


def jsonl_documents(data: bytes) -> int:
    """How many documents a JSONL file of `data` holds: its lines (as a binary file is read) that are not blank."""
    return sum(1 for line in io.BytesIO(data) if not is_blank(line))


def counts_in(stderr: str) -> tuple[int, int, int, int]:
    """(total, processed, skipped, failed) from `extract`'s closing line."""
    match = re.search(r"(\d+) documents: (\d+) processed, (\d+) skipped, (\d+) failed", stderr)
    assert match, stderr
    return tuple(int(n) for n in match.groups())


@given(data=st.one_of(st.binary(max_size=400), texts.map(lambda t: t.encode("utf-8", "surrogatepass")),
                      texts.map(lambda t: t.encode("utf-16"))),
       suffix=st.sampled_from([".txt", ".html", ".jsonl", ".md", ""]))
def test_readers_account_for_every_document(data, suffix):
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / f"in{suffix}"
        path.write_bytes(data)
        docs = list(readers.read([str(path)], max_chars=1000))
        streamed = list(readers.read_stdin(io.BytesIO(data)))
    for doc in docs + streamed:
        assert doc.status in ("ok", "skipped", "failed")
        assert (doc.text is not None) if doc.status == "ok" else bool(doc.reason)
    if suffix == ".jsonl":  # one document per line that is not blank
        assert len(docs) == jsonl_documents(data) or [doc.status for doc in docs] == ["skipped"]


@fixtures_ok
@given(lines=st.lists(st.one_of(
    st.fixed_dictionaries({"id": texts, "text": texts}, optional={"title": texts, "published": texts,
                                                                    "outlet": json_values}).map(json.dumps),
    json_values.map(json.dumps), texts.filter(lambda t: "\n" not in t and "\r" not in t)), min_size=1, max_size=4))
def test_extract_writes_valid_results_and_its_counts_add_up(nlp, tmp_path_factory, lines):
    source = tmp_path_factory.mktemp("fuzz") / "in.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(source), "--no-progress"])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code in (0, 1), result.stderr
    total, processed, skipped, failed = counts_in(result.stderr)
    assert total == processed + skipped + failed == jsonl_documents(source.read_bytes())
    written = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(written) == processed
    for data in written:
        pipeline.validate(data)
        assert offset_problems(data) == []


def key_in(node: dict | list, step: str | int) -> str | int | None:
    """Where `step` lands in `node`: an index into a list (wrapped), a key of a dict (a number picks one of them)."""
    if isinstance(node, list):
        return step % len(node) if isinstance(step, int) and node else None
    if isinstance(step, int):
        return sorted(node)[step % len(node)] if node else None
    return step


def mutated(record: dict, path: list, value) -> dict:
    """`record` (copied) with the item at `path` (as far as it reaches) set to `value`, or appended to a list."""
    node = json.loads(json.dumps(record))
    copy = node
    for step in path[:-1]:
        key = key_in(node, step)
        child = node[key] if key is not None and (isinstance(node, list) or key in node) else None
        if not isinstance(child, (dict, list)):
            break
        node = child
    key = key_in(node, path[-1])
    if key is None:
        node.append(value)
    else:
        node[key] = value
    return copy


@pytest.fixture(scope="module")
def record(nlp):
    return pipeline.extract(json.loads(SAMPLES.read_text("utf-8").splitlines()[0])["text"], nlp=nlp).to_dict()


steps = st.one_of(st.sampled_from(["entities", "quantities", "attributions", "claims", "article", "text", "start",
                                   "end", "source", "cue", "content", "phrase", "value", "kind", "schema", "id"]),
                  st.integers(0, 30))


@fixtures_ok
@given(path=st.lists(steps, min_size=1, max_size=4), value=json_values)
@example(path=["entities", 0, "start"], value=0.0)  # the schema's integers admit 0.0, no offset (found in a rehearsal)
def test_a_record_either_follows_the_contract_and_round_trips_or_is_refused(record, path, value):
    data = mutated(record, path, value)
    try:
        pipeline.validate(data)
    except (ValidationError, ValueError) as refused:  # out of the schema, or an offset problem
        assert str(refused)
        return
    assert offset_problems(data) == []
    assert Result.from_dict(data).to_dict() == data


claim_review = st.fixed_dictionaries({"@type": st.sampled_from(["ClaimReview", ["ClaimReview"], "Thing"])}, optional={
    "claimReviewed": texts, "url": st.one_of(texts, st.just("https://example.org/c")), "reviewRating": json_values,
    "author": json_values, "itemReviewed": json_values, "datePublished": texts, "@id": texts})
claim_documents = st.one_of(claim_review, st.lists(claim_review, max_size=3).map(lambda g: {"@graph": g}), json_values)


@given(document=claim_documents, form=st.sampled_from(["jsonld", "html", "jsonl", "tsv"]))
@example(document={"@type": "ClaimReview", "reviewRating": {"@id": []}}, form="jsonld")  # an @id that is no string
def test_claimreview_readers_give_fact_checks_or_problems(document, form):
    body = json.dumps(document)
    content = {"jsonld": body, "jsonl": body + "\n" + body, "tsv": "id\tclaim\n" + body.replace("\n", " "),
               "html": f'<html><script type="application/ld+json">{body}</script></html>'}[form]
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / f"in.{form}"
        path.write_text(content, encoding="utf-8", errors="surrogatepass")
        items = list(read(path))
    assert all(isinstance(item, (FactCheck, Problem)) for item in items)
    for item in items:
        if isinstance(item, Problem):
            assert item.message and "\n" not in item.message, item.message


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def filled_store(request, nlp, tmp_path_factory):
    """A store with the wire samples, on SQLite and (where it answers) PostgreSQL."""
    items = [json.loads(line) for line in SAMPLES.read_text("utf-8").splitlines()]
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('fuzz-store') / 'claims.db'}"
        Store.open(url).add(pipeline.extract_many(items))
        yield url
        return
    if not PG:
        pytest.skip(f"PostgreSQL at {PG_BASE} does not answer (CI must run this half)")
    with pg_schema_url() as url:
        store = Store.open(url)
        store.add(pipeline.extract_many(items))
        yield url
        store.close()


filter_options = st.lists(st.tuples(st.sampled_from(["--entity", "--source", "--outlet", "--kind", "--unit", "--min",
                                                     "--max", "--since", "--until", "--text"]),
                                    st.one_of(texts, st.from_regex(r"-?\d{1,4}(-\d\d){0,2}", fullmatch=True))),
                          min_size=1, max_size=3)


@fixtures_ok
@given(options=filter_options, form=st.sampled_from([[], ["--json"], ["--csv"]]))
def test_every_claims_filter_answers_or_refuses_in_one_line(filled_store, options, form):
    arguments = ["claims", *[part for option in options for part in option], *form, "--store", filled_store]
    result = CliRunner().invoke(app, arguments)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code in (0, 2), result.output
    if result.exit_code == 2 and "Usage" not in result.stderr:
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
