"""Fixtures of the corpus formats' tests: the odd texts of tests/odd_texts.py."""
from __future__ import annotations

import pytest
from odd_texts import ODD_TEXT, odd_result  # noqa: F401 - the formats' tests import them from here

from pipeline.records import Article, Result


@pytest.fixture()
def odd_results() -> list[Result]:
    """Two odd articles (the second with LF line ends and a combining-mark title) and one with no layers at all."""
    second = odd_result(ODD_TEXT.replace("\r\n", "\n").replace("Café", "Cafe\u0301"), "odd-2")
    second.article.title = "Cafe\u0301 ✓"
    empty = Result(Article("empty", title=None), "Nothing to see here.\n")
    return [odd_result(), second, empty]
