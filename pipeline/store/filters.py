"""Query arguments checked before they reach SQL, so that both stores take or refuse the same values with the same
message: text without NUL characters, dates as dates, numbers as finite numbers."""
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
