"""Values checked before they reach SQL, so that SQLite and PostgreSQL take or refuse the same ones with the same
message: query arguments (text without NUL characters, dates as dates, numbers as finite numbers) and records
(`record_problem`: ids and dates within their columns, no NUL anywhere)."""
from __future__ import annotations

import math
import re
from datetime import date, timedelta

DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


class FilterError(ValueError):
    """A query argument that is not what it must be; the message names the argument and says why."""


def text_filter(name: str, value: str | None) -> str | None:
    """`value`, refused when it holds a NUL character (PostgreSQL rejects it, SQLite would silently match nothing)."""
    if value is not None and "\x00" in value:
        raise FilterError(f"{name} contains a NUL character")
    return value


def date_filter(name: str, value: str | None) -> date | None:
    """The date that `value` (YYYY-MM-DD, month and day with one or two digits) names, or a `FilterError`."""
    if value is None:
        return None
    match = DATE.fullmatch(value.strip())
    try:
        if match is None:
            raise ValueError("expected YYYY-MM-DD")
        return date(*map(int, match.groups()))
    except ValueError as e:
        raise FilterError(f"{name} {value!r} is not a date: {e}") from None


def published_bounds(since: str | None, until: str | None) -> tuple[str | None, str | None]:
    """ISO strings to compare `published` with: on or after `since`, before the day after `until` (so that
    "2024-04-13T10:00" counts as published on or before 2024-04-13)."""
    first, last = date_filter("since", since), date_filter("until", until)
    if first and last and first > last:
        raise FilterError(f"since {first} is after until {last}")
    return (first.isoformat() if first else None, (last + timedelta(days=1)).isoformat() if last else None)


def number_filter(name: str, value: float | None) -> float | None:
    """`value`, refused unless it is a finite number."""
    if value is not None and not (isinstance(value, (int, float)) and math.isfinite(value)):
        raise FilterError(f"{name} must be a finite number, not {value!r}")
    return value


MAX_ID = 200  # tables.ArticleRow.id
MAX_PUBLISHED = 64  # tables.ArticleRow.published
MAX_UNIT = 100  # tables.QuantityRow.unit_normalized


def strings_in(value) -> list[str]:
    """Every string inside a JSON-like value (keys and values)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in strings_in(k) + strings_in(v)]
    if isinstance(value, (list, tuple)):
        return [s for v in value for s in strings_in(v)]
    return []


def record_problem(record: dict) -> str | None:
    """Why a newsclaims/1 record cannot be stored alike in SQLite and PostgreSQL, or None: an id or a `published`
    over its column's length, a normalised unit over its length, a NUL character anywhere."""
    article = record.get("article") or {}
    if len(article.get("id") or "") > MAX_ID:
        return f"the article id is {len(article['id']):,} characters long, over the limit of {MAX_ID}"
    if len(article.get("published") or "") > MAX_PUBLISHED:
        return f"published is {len(article['published']):,} characters long, over the limit of {MAX_PUBLISHED}"
    for quantity in record.get("quantities") or []:
        if len(quantity.get("unit_normalized") or "") > MAX_UNIT:
            return f"quantity {quantity.get('id')}'s normalised unit is over the limit of {MAX_UNIT} characters"
    if any("\x00" in s for s in strings_in(record)):
        return "the record contains a NUL character (PostgreSQL cannot store one)"
    return None
