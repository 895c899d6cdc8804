"""What comparing needs kept between runs: each claim's embedding and each figure's (its words around it), the pairs
of figures found alike with how likely they state the same claim, and each figure's measure (what it is a figure of,
where, when, by whom) and context.

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


def downgrade() -> None:
    for c in MEASURE_COLUMNS:
        op.drop_column("quantities", c.name)
    op.drop_table("figure_pairs")
    op.drop_table("figure_vectors")
    op.drop_table("claim_vectors")
