"""The store behind `--store`: real SQLite files; the same article twice is one article."""
import pipeline
from pipeline.store import Store, StoreError

import pytest


def test_add_get_and_idempotent(tmp_path):
    store = Store.open(f"sqlite:///{tmp_path / 'claims.db'}")
    result = pipeline.extract("The agency said 40 percent of claims were denied.", id="art-1", outlet="Ledger")
    assert store.add([result]) == 1
    assert store.add([result]) == 1
    assert len(store) == 1 and store.ids() == ["art-1"]
    back = store.get("art-1")
    assert back.to_dict() == result.to_dict()
    assert store.get("missing") is None


def test_unreachable_store_is_a_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="cannot open store"):
        Store.open(f"sqlite:///{blocker}/sub/claims.db")
