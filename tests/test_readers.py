"""Readers on real files: one bad line or directory is one failed document with a reason, never the rest lost."""
from __future__ import annotations

import os

import pytest

from pipeline import readers


def statuses(docs) -> list[tuple[str, str]]:
    return [(d.status, d.reason or "") for d in docs]


def test_a_deeply_nested_jsonl_line_fails_alone(tmp_path):
    path = tmp_path / "nest.jsonl"
    path.write_text('{"text": "First article."}\n' + "[" * 10_000 + "]" * 10_000 + '\n{"text": "Last article."}\n')
    docs = list(readers.read([str(path)]))
    assert [d.status for d in docs] == ["ok", "failed", "ok"]
    assert docs[1].origin.endswith("nest.jsonl:2") and "nested too deeply" in docs[1].reason
    assert docs[2].text == "Last article."


def test_utf16_with_a_byte_order_mark_is_read_as_text(tmp_path):
    path = tmp_path / "utf16.txt"
    path.write_bytes("The council voted 7 to 2 on Tuesday.".encode("utf-16"))
    [doc] = readers.read([str(path)])
    assert doc.status == "ok" and doc.text == "The council voted 7 to 2 on Tuesday."


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every directory whatever its mode")
def test_an_unreadable_directory_is_reported(tmp_path):
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "a.txt").write_text("Hidden article.")
    (tmp_path / "locked").chmod(0)
    try:
        assert ("failed", "cannot list the directory: Permission denied") in statuses(readers.read([str(tmp_path)]))
    finally:
        (tmp_path / "locked").chmod(0o755)


def test_an_unlistable_directory_is_reported(tmp_path, monkeypatch):
    """As the test above, for root: a directory whose listing fails (here: removed while being walked)."""
    (tmp_path / "sub").mkdir()
    real_iterdir = readers.Path.iterdir

    def iterdir(self):
        if self.name == "sub":
            raise PermissionError(13, "Permission denied")
        return real_iterdir(self)

    monkeypatch.setattr(readers.Path, "iterdir", iterdir)
    assert statuses(readers.read([str(tmp_path)])) == [("failed", "cannot list the directory: Permission denied")]


def test_a_symlink_loop_is_reported_once_and_the_files_are_read_once(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "story.txt").write_text("One article.")
    (tmp_path / "a" / "back").symlink_to(tmp_path)
    (tmp_path / "dangling").symlink_to(tmp_path / "nowhere")
    docs = list(readers.read([str(tmp_path)]))
    assert [d.text for d in docs if d.status == "ok"] == ["One article."]
    failures = sorted(d.reason.split(":")[0] for d in docs if d.status == "failed")
    assert failures == ["broken symbolic link", "symbolic link loop"]
