"""What the store's reads return: typed records (`dataclasses.asdict` gives the JSON the CLI prints)."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class StoredFigure:
    """One figure of a stored claim, as the claims listing shows it."""

    text: str
    value: float | None
    low: float | None
    high: float | None
    unit: str | None  # normalised ("percent", "USD"), None for counts
    kind: str


@dataclass
class StoredClaim:
    """A stored claim with its article, source and figures."""

    claim_id: str  # "article-id#c1"
    article_id: str
    outlet: str | None
    published: str | None
    source: str | None
    text: str
    figures: list[StoredFigure] = field(default_factory=list)


@dataclass
class SimilarClaim(StoredClaim):
    """A stored claim found by meaning, with its cosine similarity to the query."""

    similarity: float = 0.0


@dataclass
class CitedSource:
    """Somebody or some body cited across the store: how often, in how many articles, with which roles."""

    source: str
    attributions: int
    articles: int
    claims: int
    roles: list[str]
    claim_ids: list[str]
