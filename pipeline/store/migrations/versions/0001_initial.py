"""The first claims store schema: articles, entities and mentions, sources and roles, quantities, attributions,
claims; full-text search over claims (SQLite FTS5, PostgreSQL tsvector).

Revision ID: 0001
Revises:
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def row_of_an_article() -> list[sa.Column]:
    """The columns every per-article table opens with: its own id and the article it belongs to."""
    return [sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
            sa.Column("article_id", sa.String(200), sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False,
                      index=True)]


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.String(200), primary_key=True),
        sa.Column("url", sa.Text), sa.Column("outlet", sa.Text, index=True), sa.Column("title", sa.Text),
        sa.Column("published", sa.String(64), index=True), sa.Column("path", sa.Text),
        sa.Column("text", sa.Text, nullable=False), sa.Column("pipeline_version", sa.String(32), nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False), sa.Column("record", sa.JSON, nullable=False),
    )
    op.create_table(
        "entities",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.Text, nullable=False), sa.Column("name_key", sa.String(300), nullable=False, index=True),
        sa.Column("kind", sa.String(20), nullable=False), sa.UniqueConstraint("name_key", "kind"),
    )
    op.create_table(
        "entity_mentions",
        *row_of_an_article(),
        sa.Column("entity_id", sa.Integer, sa.ForeignKey("entities.id"), nullable=False, index=True),
        sa.Column("record_id", sa.String(20), nullable=False), sa.Column("text", sa.Text, nullable=False),
        sa.Column("start", sa.Integer, nullable=False), sa.Column("end", sa.Integer, nullable=False),
        sa.Column("label", sa.String(20), nullable=False),
    )
    op.create_table(
        "sources",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.Text, nullable=False), sa.Column("name_key", sa.String(300), nullable=False, unique=True),
        sa.Column("entity_id", sa.Integer, sa.ForeignKey("entities.id"), index=True),
    )
    op.create_table(
        "source_roles",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("source_id", sa.Integer, sa.ForeignKey("sources.id"), nullable=False, index=True),
        sa.Column("article_id", sa.String(200), sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("role", sa.Text, nullable=False), sa.UniqueConstraint("source_id", "article_id", "role"),
    )
    op.create_table(
        "quantities",
        *row_of_an_article(),
        sa.Column("record_id", sa.String(20), nullable=False), sa.Column("text", sa.Text, nullable=False),
        sa.Column("start", sa.Integer, nullable=False), sa.Column("end", sa.Integer, nullable=False),
        sa.Column("value", sa.Float, index=True), sa.Column("low", sa.Float), sa.Column("high", sa.Float),
        sa.Column("unit", sa.Text), sa.Column("unit_normalized", sa.String(100), index=True),
        sa.Column("kind", sa.String(30), nullable=False, index=True), sa.Column("qualifier", sa.String(2), nullable=False),
        sa.Column("change", sa.String(4)), sa.Column("base", sa.Float), sa.Column("counted", sa.Text),
        sa.Column("time", sa.Text), sa.Column("previous", sa.Float), sa.Column("place", sa.Text),
    )
    op.create_table(
        "attributions",
        *row_of_an_article(),
        sa.Column("record_id", sa.String(20), nullable=False), sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("source_id", sa.Integer, sa.ForeignKey("sources.id"), index=True),
        sa.Column("source_text", sa.Text), sa.Column("source_start", sa.Integer), sa.Column("source_end", sa.Integer),
        sa.Column("cue_text", sa.Text, nullable=False), sa.Column("cue_start", sa.Integer, nullable=False),
        sa.Column("cue_end", sa.Integer, nullable=False), sa.Column("content_text", sa.Text, nullable=False),
        sa.Column("content_start", sa.Integer, nullable=False), sa.Column("content_end", sa.Integer, nullable=False),
    )
    op.create_table(
        "claims",
        *row_of_an_article(),
        sa.Column("record_id", sa.String(20), nullable=False), sa.Column("text", sa.Text, nullable=False),
        sa.Column("start", sa.Integer, nullable=False), sa.Column("end", sa.Integer, nullable=False),
        sa.Column("attribution_id", sa.Integer, sa.ForeignKey("attributions.id", ondelete="CASCADE")),
        sa.Column("source_id", sa.Integer, sa.ForeignKey("sources.id"), index=True),
        sa.Column("source_name", sa.Text),
    )
    op.create_table(
        "claim_quantities",
        sa.Column("claim_id", sa.Integer, sa.ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("quantity_id", sa.Integer, sa.ForeignKey("quantities.id", ondelete="CASCADE"), primary_key=True),
    )
    op.create_index("ix_claim_quantities_quantity", "claim_quantities", ["quantity_id"])
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute("CREATE VIRTUAL TABLE claims_fts USING fts5(text, content='claims', content_rowid='id')")
        op.execute("CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN "
                   "INSERT INTO claims_fts(rowid, text) VALUES (new.id, new.text); END")
        op.execute("CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN "
                   "INSERT INTO claims_fts(claims_fts, rowid, text) VALUES ('delete', old.id, old.text); END")
    elif bind.dialect.name == "postgresql":
        op.execute("CREATE INDEX ix_claims_text_fts ON claims USING GIN (to_tsvector('english', text))")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS claims_fts")
    for table in ("claim_quantities", "claims", "attributions", "quantities", "source_roles", "sources",
                  "entity_mentions", "entities", "articles"):
        op.drop_table(table)
