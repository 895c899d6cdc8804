"""The claims store's tables (SQLAlchemy 2). The schema itself is created and upgraded by Alembic migrations
(`pipeline/store/migrations`); these classes describe it for queries and ingest.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, DateTime, Float, ForeignKey, Index, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class ArticleRow(Base):
    """One article and its text (its record is built from its rows: `Store.get`)."""

    __tablename__ = "articles"
    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    url: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(Text, index=True)
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(String(64), index=True)
    path: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    pipeline_version: Mapped[str] = mapped_column(String(32))
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class EntityRow(Base):
    """A named entity across articles: its normalised name and kind."""

    __tablename__ = "entities"
    __table_args__ = (UniqueConstraint("name_key", "kind"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(Text)
    name_key: Mapped[str] = mapped_column(String(300), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    same_as: Mapped[int | None] = mapped_column(Integer, index=True)  # the entity it is one with (`store.identity`)
    match_key: Mapped[str | None] = mapped_column(String(300), index=True)  # surname or initials (`identity.match_key`)


class EntityAliasRow(Base):
    """A short form some article defines for an entity ("CDC" for the Centers for Disease Control and Prevention):
    the same short form in any article is that entity."""

    __tablename__ = "entity_aliases"
    name_key: Mapped[str] = mapped_column(String(300), primary_key=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id"), index=True)


class ArticleSpan:
    """The columns of a row that is one span of one article's record: its article, record id and characters."""

    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    record_id: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)


class MentionRow(ArticleSpan, Base):
    """One mention of an entity in an article."""

    __tablename__ = "entity_mentions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id"), index=True)
    label: Mapped[str] = mapped_column(String(20))
    canonical: Mapped[str | None] = mapped_column(Text)  # the article's spelling of the entity's name


class SourceRow(Base):
    """Somebody or some body cited as a source, across articles."""

    __tablename__ = "sources"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(Text)
    name_key: Mapped[str] = mapped_column(String(300), unique=True)
    entity_id: Mapped[int | None] = mapped_column(ForeignKey("entities.id"), index=True)


class SourceRoleRow(Base):
    """A role a source was given in an article ("a criminology professor at the University of Alabama")."""

    __tablename__ = "source_roles"
    __table_args__ = (UniqueConstraint("source_id", "article_id", "role"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"), index=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(Text)


class QuantityRow(ArticleSpan, Base):
    """One quantity as the contract gives it."""

    __tablename__ = "quantities"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    value: Mapped[float | None] = mapped_column(Float, index=True)
    low: Mapped[float | None] = mapped_column(Float)
    high: Mapped[float | None] = mapped_column(Float)
    unit: Mapped[str | None] = mapped_column(Text)
    unit_normalized: Mapped[str | None] = mapped_column(String(100), index=True)
    kind: Mapped[str] = mapped_column(String(30), index=True)
    qualifier: Mapped[str] = mapped_column(String(2))
    change: Mapped[str | None] = mapped_column(String(4))
    base: Mapped[float | None] = mapped_column(Float)
    counted: Mapped[str | None] = mapped_column(Text)
    time: Mapped[str | None] = mapped_column(Text)
    previous: Mapped[float | None] = mapped_column(Float)
    place: Mapped[str | None] = mapped_column(Text)
    # its measure (`linking.measure`): what it is a figure of, the years, the body it comes from, the place
    subject: Mapped[str | None] = mapped_column(Text)
    years: Mapped[str | None] = mapped_column(String(100))
    body: Mapped[str | None] = mapped_column(Text)
    scope_place: Mapped[str | None] = mapped_column(Text)
    context: Mapped[str | None] = mapped_column(Text)  # the words around it in its claim, numbers masked


class AttributionRow(Base):
    """One attribution: source (resolved to a `sources` row), cue and content."""

    __tablename__ = "attributions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    record_id: Mapped[str] = mapped_column(String(20))
    kind: Mapped[str] = mapped_column(String(10))
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id"), index=True)
    source_text: Mapped[str | None] = mapped_column(Text)
    source_start: Mapped[int | None] = mapped_column(Integer)
    source_end: Mapped[int | None] = mapped_column(Integer)
    cue_text: Mapped[str] = mapped_column(Text)
    cue_start: Mapped[int] = mapped_column(Integer)
    cue_end: Mapped[int] = mapped_column(Integer)
    content_text: Mapped[str] = mapped_column(Text)
    content_start: Mapped[int] = mapped_column(Integer)
    content_end: Mapped[int] = mapped_column(Integer)
    has_source: Mapped[bool] = mapped_column(Boolean, default=False)  # a source may have no text (a continuing quote)
    source_entity: Mapped[str | None] = mapped_column(String(20))  # the record id of the mention naming it
    source_canonical: Mapped[str | None] = mapped_column(Text)
    source_role: Mapped[str | None] = mapped_column(Text)
    source_phrase_text: Mapped[str | None] = mapped_column(Text)
    source_phrase_start: Mapped[int | None] = mapped_column(Integer)
    source_phrase_end: Mapped[int | None] = mapped_column(Integer)
    detected_by: Mapped[str] = mapped_column(String(10), default="rules")


class ClaimRow(ArticleSpan, Base):
    """A quantitative claim, with who it is attributed to (no attribution: the outlet's own)."""

    __tablename__ = "claims"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    attribution_id: Mapped[int | None] = mapped_column(ForeignKey("attributions.id", ondelete="CASCADE"))
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id"), index=True)
    source_name: Mapped[str | None] = mapped_column(Text)


class ClaimVectorRow(Base):
    """A claim's embedding, kept so that comparing after new articles embeds only the new claims."""

    __tablename__ = "claim_vectors"
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True)
    model: Mapped[str] = mapped_column(String(300))  # the embedding model's directory name
    vector: Mapped[bytes] = mapped_column(LargeBinary)  # float32, unit length


class FigureVectorRow(Base):
    """The embedding of a figure's context (`linking.measure.context_of`), kept like the claims'."""

    __tablename__ = "figure_vectors"
    quantity_id: Mapped[int] = mapped_column(ForeignKey("quantities.id", ondelete="CASCADE"), primary_key=True)
    model: Mapped[str] = mapped_column(String(300))
    vector: Mapped[bytes] = mapped_column(LargeBinary)


class FigurePairRow(Base):
    """Two figures of different articles found alike (a candidate for the same claim), with the probability the
    same-claim model (`linking.pairs`, version `model`) gives them; found once, when the newer was first compared
    (quantity_id < other_id)."""

    __tablename__ = "figure_pairs"
    quantity_id: Mapped[int] = mapped_column(ForeignKey("quantities.id", ondelete="CASCADE"), primary_key=True)
    other_id: Mapped[int] = mapped_column(ForeignKey("quantities.id", ondelete="CASCADE"), primary_key=True,
                                          index=True)
    probability: Mapped[float] = mapped_column(Float)
    model: Mapped[str] = mapped_column(String(64))


class ClaimQuantityRow(Base):
    """Which quantities a claim states."""

    __tablename__ = "claim_quantities"
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True)
    quantity_id: Mapped[int] = mapped_column(ForeignKey("quantities.id", ondelete="CASCADE"), primary_key=True)


Index("ix_claim_quantities_quantity", ClaimQuantityRow.quantity_id)


class FactCheckRow(Base):
    """A fact-checked claim imported from a ClaimReview (or a plain row), with its embeddings for matching."""

    __tablename__ = "fact_checks"
    id: Mapped[str] = mapped_column(String(2000), primary_key=True)  # the id given, else the ClaimReview url
    claim: Mapped[str] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    publisher: Mapped[str | None] = mapped_column(Text, index=True)
    publisher_url: Mapped[str | None] = mapped_column(Text)
    date_published: Mapped[str | None] = mapped_column(String(64))
    rating: Mapped[str | None] = mapped_column(Text)
    rating_value: Mapped[float | None] = mapped_column(Float)
    best_rating: Mapped[float | None] = mapped_column(Float)
    worst_rating: Mapped[float | None] = mapped_column(Float)
    verdict: Mapped[str] = mapped_column(String(10), index=True)
    claim_author: Mapped[str | None] = mapped_column(Text)
    claim_date: Mapped[str | None] = mapped_column(String(64))
    appearances: Mapped[list] = mapped_column(JSON)
    first_appearance: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str | None] = mapped_column(String(16))
    claim_vector: Mapped[bytes] = mapped_column(LargeBinary)
    title_vector: Mapped[bytes] = mapped_column(LargeBinary)
    imported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)


class VerdictRow(Base):
    """A fact-checker's own verdict on a stored claim; the claim's text and article are kept with it, so the
    verdict outlives re-ingesting or deleting the article."""

    __tablename__ = "verdicts"
    claim_id: Mapped[str] = mapped_column(String(300), primary_key=True)  # "article-id#record-id"
    article_id: Mapped[str] = mapped_column(String(200), index=True)
    claim: Mapped[str] = mapped_column(Text)
    claim_source: Mapped[str | None] = mapped_column(Text)
    article_url: Mapped[str | None] = mapped_column(Text)
    article_title: Mapped[str | None] = mapped_column(Text)
    article_published: Mapped[str | None] = mapped_column(String(64))
    outlet: Mapped[str | None] = mapped_column(Text)
    rating: Mapped[str] = mapped_column(Text)
    rating_value: Mapped[float | None] = mapped_column(Float)
    best_rating: Mapped[float | None] = mapped_column(Float)
    worst_rating: Mapped[float | None] = mapped_column(Float)
    verdict: Mapped[str] = mapped_column(String(10))
    explanation: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(Text)
    author_url: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
