"""Names folded for matching, the same way in the entity stage (within an article) and the store (across them)."""
from __future__ import annotations

import re


def name_key(text: str) -> str:
    """A name folded for matching: spaces collapsed, "&" as "and", curly apostrophes straightened, lower case."""
    return re.sub(r"\s+", " ", text.replace("&", "and").replace("’", "'")).strip().lower()


def stored_name_key(name: str) -> str:
    """How the store keys entities and sources across articles: `name_key` without a leading article ("The FBI" =
    "FBI"), at most 300 characters."""
    return re.sub(r"^(the|a|an) ", "", name_key(name))[:300]
