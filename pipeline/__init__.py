"""newsclaims: entities, quantitative claims and their attributions from news articles.

    import pipeline
    result = pipeline.extract(text, outlet="Example Times")
    result.to_dict()                      # the newsclaims/1 JSON object
    nlp = pipeline.load()                 # the spaCy Language with every stage
    for r in pipeline.extract_many(texts, batch_size=32, n_process=2): ...
"""
from .extraction import ExtractionError, Outcome, extract, extract_many, load, outcomes
from .store import Store, StoreError, open_store

from .records import (SCHEMA_ID, Article, Attribution, Claim, Entity, Quantity, Result, Source, TextSpan, schema,
                      validate)

__version__ = "0.1.0"

__all__ = [
    "load", "extract", "extract_many", "outcomes", "Outcome", "ExtractionError", "validate", "schema", "SCHEMA_ID",
    "Store", "StoreError", "open_store", "Result", "Article", "Entity", "Quantity", "Attribution", "Source", "TextSpan", "Claim", "__version__",
]
