"""Items read back from a format: a valid `newsclaims/1` result, or a clear reason why not."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from ..records import Result, validate


@dataclass
class Imported:
    """One article read from a file: `result` when it follows the contract, else `error` naming what is wrong."""

    origin: str  # where it came from: "tasks.json, task 3", "ann/article-7.ann"
    result: Result | None = None
    error: str | None = None


def checked(origin: str, build: Callable[[], dict[str, Any]]) -> Imported:
    """Build one item's `newsclaims/1` object and validate its schema and offsets; any problem becomes the
    item's error, so one malformed item never stops the rest."""
    try:
        data = build()
        validate(data)
    except Exception as e:  # noqa: BLE001 - every malformed item is reported, whatever broke
        message = getattr(e, "message", None) or str(e) or type(e).__name__
        where = "/".join(str(p) for p in getattr(e, "absolute_path", ()))
        return Imported(origin, error=f"{message}" + (f" (at {where})" if where else ""))
    return Imported(origin, Result.from_dict(data))
