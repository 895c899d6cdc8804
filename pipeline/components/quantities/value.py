"""What the quantity stage puts on each quantity span (`span._.quantity`): the exact characters of the quantity
(which may start or end inside a token the span covers) and its values, read the way a fact-checker reads them.
`pipeline.extraction` makes the `Quantity` record of it, with its id."""
from __future__ import annotations

from dataclasses import MISSING, field, fields, make_dataclass

from ...records import Quantity


def without_id(record: type) -> list[tuple]:
    """The fields of the dataclass `record` but its `id`, with their defaults, for `make_dataclass`."""
    return [(f.name, f.type) if f.default is MISSING else (f.name, f.type, field(default=f.default))
            for f in fields(record) if f.name != "id"]


# A quantity as found: `text == doc.text[start:end]` and the fields of its `Quantity` record (documented there)
# but the id, which the record gets when it is made.
QuantityValue = make_dataclass("QuantityValue", without_id(Quantity))
QuantityValue.__module__ = __name__
