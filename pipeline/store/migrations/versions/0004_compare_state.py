"""What comparing needs kept between runs: each claim's embedding and each figure's (its words around it), the pairs
of figures found alike with how likely they state the same claim, and each figure's measure (what it is a figure of,
where, when, by whom) and context; and which entities are one across articles (a short form one article defines,
"CDC", is the entity of its long form in every article).

Revision ID: 0004
Revises: 0003
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

MEASURE_COLUMNS = [sa.Column("subject", sa.Text), sa.Column("years", sa.String(100)), sa.Column("body", sa.Text),
                   sa.Column("scope_place", sa.Text), sa.Column("context", sa.Text)]


def upgrade() -> None:
    op.create_table(
        "claim_vectors",
        sa.Column("claim_id", sa.Integer, sa.ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("model", sa.String(300), nullable=False),
        sa.Column("vector", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "figure_vectors",
        sa.Column("quantity_id", sa.Integer, sa.ForeignKey("quantities.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("model", sa.String(300), nullable=False),
        sa.Column("vector", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "figure_pairs",
        sa.Column("quantity_id", sa.Integer, sa.ForeignKey("quantities.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("other_id", sa.Integer, sa.ForeignKey("quantities.id", ondelete="CASCADE"), primary_key=True,
                  index=True),
        sa.Column("probability", sa.Float, nullable=False),
        sa.Column("model", sa.String(64), nullable=False),
    )
    for c in MEASURE_COLUMNS:  # filled for articles stored from now on; older ones when they are stored again
        op.add_column("quantities", c)
    op.add_column("entities", sa.Column("same_as", sa.Integer))  # the entity it is one with, across articles
    op.create_index("ix_entities_same_as", "entities", ["same_as"])
    op.create_table(
        "entity_aliases",
        sa.Column("name_key", sa.String(300), primary_key=True),
        sa.Column("entity_id", sa.Integer, sa.ForeignKey("entities.id"), nullable=False, index=True),
    )


def downgrade() -> None:
    op.drop_table("entity_aliases")
    op.drop_index("ix_entities_same_as", "entities")
    op.drop_column("entities", "same_as")
    for c in MEASURE_COLUMNS:
        op.drop_column("quantities", c.name)
    op.drop_table("figure_pairs")
    op.drop_table("figure_vectors")
    op.drop_table("claim_vectors")
