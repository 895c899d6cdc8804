"""Quantity stage: every figure in the text, with value, qualifier, unit or counted noun, base and time scope.

Reads tokens left to right (`find`). At each token that can open a number it parses the number (`numbers`: digit
literals, number words, fractions, ratios, multiples, approximate plurals), drops numbers that are not quantities
(`filters`: years, dates, clock times, "911 calls", "COVID-19", "Route 66", ordinals, scores, list markers), and
builds the quantity around the rest (`build`): a range, a currency (`units`), a unit and rate, or else a counted
noun, a base, a change, and the time and place scope in the sentence (`context`).
Word lists: `models/numbers.json`, `models/units.json`, `models/quantity_rules.json`, `models/quantity_words.json`
(`lexicon`). Writes `doc.spans["newsclaims_quantities"]`: one span per quantity, in text order, each with
`span._.quantity` (a `QuantityValue`); `pipeline.extraction` makes the `Quantity` records.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import QUANTITIES, distinct_extents, register_extensions
from ..stage import DataStage
from .find import quantities_of
from .lexicon import DATA_FILES
from .units import unit_registry
from .value import QuantityValue

__all__ = ["QuantityStage", "QuantityValue", "make_quantity_stage", "quantities_of", "unit_registry"]


class QuantityStage(DataStage):
    """spaCy component `newsclaims_quantities`: sets the span group `newsclaims_quantities`, a `QuantityValue` on
    each span."""

    data_files = DATA_FILES

    def __init__(self, nlp: Language, name: str):
        super().__init__(name)

    def process(self, doc: Doc) -> Doc:
        """Set the span group of the quantities of `doc`, each span carrying its value."""
        spans = []
        for span, value in quantities_of(doc):
            span._.quantity = value
            spans.append(span)
        doc.spans[QUANTITIES] = distinct_extents(spans, "quantities")
        return doc


@Language.factory("newsclaims_quantities", requires=["token.tag", "token.dep", "doc.ents"],
                  assigns=["doc.spans"])
def make_quantity_stage(nlp: Language, name: str) -> QuantityStage:
    """The quantity stage, reading the data files it carries (`DATA_FILES`)."""
    register_extensions()
    return QuantityStage(nlp, name)
