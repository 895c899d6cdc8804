"""What the quantity stage puts on each quantity span (`span._.quantity`): the exact characters of the quantity
(which may start or end inside a token the span covers) and its values, read the way a fact-checker reads them.
`pipeline.extraction` makes the `Quantity` record of it, with its id."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class QuantityValue:
    """A quantity as found: `text == doc.text[start:end]` and the fields of its `Quantity` record but the id."""

    text: str
    start: int
    end: int
    value: float | None
    low: float | None = None
    high: float | None = None
    unit: str | None = None  # as written ("percent", "hours", "mass shootings")
    unit_normalized: str | None = None  # from models/units.json ("percent", "hour", "USD") or None for counts
    kind: str = "count"  # count | percent | fraction | ratio | money | duration | length | mass | ...
    qualifier: str = "="  # = ~ > < >= <=
    change: str | None = None  # up | down
    base: float | None = None  # "4 percent of 106 shootings" -> 106
    counted: str | None = None  # what is counted ("mass shootings")
    time: str | None = None  # time scope as written ("between 2000 and 2015")
    previous: float | None = None  # the earlier value of a change ("up from 81,000", "rose from 12 to 15")
    place: str | None = None  # place scope: the place named in the same clause ("in Ohio")
