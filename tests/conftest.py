"""Shared fixtures: the real pipeline (loaded once), the seed article from ../shared, and helpers."""
from __future__ import annotations

import json
import os
import sys
import uuid
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import settings
from sqlalchemy import create_engine, text

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

import pipeline

# How hard tests/test_fuzz.py tries: about 2,000 cases in all by default, over 10,000 with `make fuzz`
# (pytest --hypothesis-profile=fuzz). A case that takes longer than the deadline fails: a blow-up, not a slow machine.
settings.register_profile("ci", max_examples=300, deadline=20_000)
settings.register_profile("fuzz", max_examples=1_700, deadline=20_000)
settings.load_profile("ci")
from pipeline.records import offset_problems


@pytest.fixture(scope="session")
def nlp():
    return pipeline.load()


@pytest.fixture(scope="session")
def run(nlp):
    """extract(text) -> the newsclaims/1 dict, validated against the schema and every span's offsets."""

    def _run(text: str, **metadata) -> dict:
        data = pipeline.extract(text, nlp=nlp, **metadata).to_dict()
        pipeline.validate(data)
        assert data["text"] == text
        return data

    return _run


@pytest.fixture(scope="session")
def seed():
    """(text, gold) of the seed article; skipped with a reason where ../shared is absent."""
    text_path, gold_path = SHARED / "seed" / "article.txt", SHARED / "seed" / "gold.json"
    if not gold_path.exists():
        pytest.skip(f"seed article not available: {gold_path} is missing (../shared is only in the project's CI)")
    return text_path.read_text("utf-8"), json.loads(gold_path.read_text("utf-8"))


def assert_offsets(data: dict) -> None:
    assert offset_problems(data) == []


def by_text(items: list[dict], text: str) -> dict:
    found = [x for x in items if x["text"] == text]
    assert found, f"{text!r} not among {[x['text'] for x in items]}"
    return found[0]


# ------------------------------------------------------------------------------------------------ stores

PG_BASE = os.environ.get("NEWSCLAIMS_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def pg_available() -> bool:
    try:
        with create_engine(PG_BASE, connect_args={"connect_timeout": 3}).connect():
            return True
    except Exception:
        return False


PG = pg_available()
if not PG:
    print(f"\n!!! PostgreSQL at {PG_BASE} does not answer: the PostgreSQL half of the store tests is SKIPPED !!!\n",
          file=sys.stderr)


@contextmanager
def pg_schema_url():
    """A URL of the test database that works in a schema of its own, dropped afterwards."""
    schema = f"nc_{uuid.uuid4().hex[:12]}"
    engine = create_engine(PG_BASE)
    with engine.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield f"{PG_BASE}?options=-csearch_path%3D{schema}"
    finally:
        with engine.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'claims.db'}"
        return
    if not PG:
        pytest.skip(f"PostgreSQL at {PG_BASE} does not answer (CI must run this half)")
    with pg_schema_url() as url:
        yield url
