"""newsclaims: entities, quantitative claims and their attributions from news articles.

    import pipeline
    result = pipeline.extract(text, outlet="Example Times")
    result.to_dict()                      # the newsclaims/1 JSON object
    nlp = pipeline.load()                 # the spaCy Language with every stage
    for r in pipeline.extract_many(texts, batch_size=32, n_process=2): ...

Names are imported when first used, so that `import pipeline` (and the CLI's `--help`) stays fast.
"""
from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

HOMES = {
    "extraction": ["load", "extract", "extract_many", "outcomes", "Outcome", "ExtractionError"],
    "store": ["Store", "StoreError", "open_store"],
    "records": ["validate", "schema", "SCHEMA_ID", "Result", "Article", "Entity", "Quantity", "Attribution", "Source",
                "TextSpan", "Claim"],
}
HOME_OF = {name: module for module, names in HOMES.items() for name in names}

__all__ = [*HOME_OF, "__version__"]

if TYPE_CHECKING:
    from .extraction import ExtractionError, Outcome, extract, extract_many, load, outcomes
    from .records import (SCHEMA_ID, Article, Attribution, Claim, Entity, Quantity, Result, Source, TextSpan, schema,
                          validate)
    from .store import Store, StoreError, open_store


def __getattr__(name: str) -> Any:
    """The public names of `extraction`, `store` and `records`, imported on first use."""
    if name not in HOME_OF:
        raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
    value = getattr(import_module(f".{HOME_OF[name]}", __name__), name)
    globals()[name] = value
    return value
