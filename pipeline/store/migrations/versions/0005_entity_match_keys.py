"""Which entities a shorter name may be across articles: each entity's surname (a person of two words or more) or
initials (a body of two significant words or more), so that "Powell" in one article is "Jerome Powell" of another,
and "WHO" the World Health Organization, where the store holds only one such entity (`store.identity`).

Revision ID: 0005
Revises: 0004
"""
import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from pipeline.store.identity import match_key

    op.add_column("entities", sa.Column("match_key", sa.String(300)))
    op.create_index("ix_entities_match_key", "entities", ["match_key"])
    entities = sa.table("entities", sa.column("id", sa.Integer), sa.column("name", sa.Text),
                        sa.column("kind", sa.String), sa.column("match_key", sa.String))
    connection = op.get_bind()
    rows = connection.execute(sa.select(entities.c.id, entities.c.name, entities.c.kind)).all()
    for row in rows:  # entities stored before: their keys, so that new articles meet them too
        key = match_key(row.name, row.kind)
        if key is not None:
            connection.execute(sa.update(entities).where(entities.c.id == row.id).values(match_key=key))


def downgrade() -> None:
    op.drop_index("ix_entities_match_key", "entities")
    op.drop_column("entities", "match_key")
