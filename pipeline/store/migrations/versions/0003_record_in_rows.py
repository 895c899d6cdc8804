"""Each article's facts kept once, in rows: the columns the JSON copy (`articles.record`) alone held are added and
filled from it, then the copy is dropped. `Store.get` builds the article's record from its rows.

Revision ID: 0003
Revises: 0002
"""
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

MENTION_COLUMNS = [sa.Column("canonical", sa.Text)]
ATTRIBUTION_COLUMNS = [
    sa.Column("has_source", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("source_entity", sa.String(20)), sa.Column("source_canonical", sa.Text), sa.Column("source_role", sa.Text),
    sa.Column("source_phrase_text", sa.Text), sa.Column("source_phrase_start", sa.Integer),
    sa.Column("source_phrase_end", sa.Integer),
    sa.Column("detected_by", sa.String(10), nullable=False, server_default="rules"),
]


def upgrade() -> None:
    # not in batch mode: SQLite adds and (3.35 and later) drops a column in place, where a batch would copy the
    # table and, with foreign keys on, dropping the old one would delete every row that refers to it
    for c in MENTION_COLUMNS:
        op.add_column("entity_mentions", c)
    for c in ATTRIBUTION_COLUMNS:
        op.add_column("attributions", c)
    fill_from_records(op.get_bind())
    op.drop_column("articles", "record")


def fill_from_records(connection) -> None:
    """Copy into the new columns what each stored article's JSON record says (one article at a time)."""
    articles = sa.table("articles", sa.column("id"), sa.column("record", sa.JSON))
    mentions = sa.table("entity_mentions", sa.column("article_id"), sa.column("record_id"), sa.column("canonical"))
    attributions = sa.table("attributions", sa.column("article_id"), sa.column("record_id"),
                            *[sa.column(c.name) for c in ATTRIBUTION_COLUMNS])
    for article_id, record in connection.execute(sa.select(articles.c.id, articles.c.record)).all():
        for e in record["entities"]:
            connection.execute(mentions.update().where(mentions.c.article_id == article_id,
                                                       mentions.c.record_id == e["id"]).values(canonical=e["canonical"]))
        for a in record["attributions"]:
            source, phrase = a["source"] or {}, (a["source"] or {}).get("phrase") or {}
            connection.execute(attributions.update().where(
                attributions.c.article_id == article_id, attributions.c.record_id == a["id"]).values(
                has_source=a["source"] is not None, source_entity=source.get("entity"),
                source_canonical=source.get("canonical"), source_role=source.get("role"),
                source_phrase_text=phrase.get("text"), source_phrase_start=phrase.get("start"),
                source_phrase_end=phrase.get("end"), detected_by=a.get("detected_by", "rules")))


def downgrade() -> None:
    raise NotImplementedError("the JSON copy of each article is not rebuilt; restore a backup to go back")
