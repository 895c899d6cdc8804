"""Fact-checks (imported ClaimReviews with their embeddings) and fact-checkers' own verdicts on stored claims.

Revision ID: 0002
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "fact_checks",
        sa.Column("id", sa.String(2000), primary_key=True),
        sa.Column("claim", sa.Text, nullable=False), sa.Column("url", sa.Text), sa.Column("title", sa.Text),
        sa.Column("publisher", sa.Text, index=True), sa.Column("publisher_url", sa.Text),
        sa.Column("date_published", sa.String(64)), sa.Column("rating", sa.Text),
        sa.Column("rating_value", sa.Float), sa.Column("best_rating", sa.Float), sa.Column("worst_rating", sa.Float),
        sa.Column("verdict", sa.String(10), nullable=False, index=True),
        sa.Column("claim_author", sa.Text), sa.Column("claim_date", sa.String(64)),
        sa.Column("appearances", sa.JSON, nullable=False), sa.Column("first_appearance", sa.Text),
        sa.Column("language", sa.String(16)),
        sa.Column("claim_vector", sa.LargeBinary, nullable=False), sa.Column("title_vector", sa.LargeBinary, nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False, index=True),
    )
    op.create_table(
        "verdicts",
        sa.Column("claim_id", sa.String(300), primary_key=True),
        sa.Column("article_id", sa.String(200), nullable=False, index=True),
        sa.Column("claim", sa.Text, nullable=False), sa.Column("claim_source", sa.Text),
        sa.Column("article_url", sa.Text), sa.Column("article_title", sa.Text),
        sa.Column("article_published", sa.String(64)), sa.Column("outlet", sa.Text),
        sa.Column("rating", sa.Text, nullable=False), sa.Column("rating_value", sa.Float),
        sa.Column("best_rating", sa.Float), sa.Column("worst_rating", sa.Float),
        sa.Column("verdict", sa.String(10), nullable=False), sa.Column("explanation", sa.Text),
        sa.Column("url", sa.Text, nullable=False), sa.Column("author", sa.Text, nullable=False),
        sa.Column("author_url", sa.Text),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("verdicts")
    op.drop_table("fact_checks")
