"""Which entities a shorter name may be across articles: each entity's surname (a person of two words or more) or
initials (a body of two significant words or more), so that "Powell" in one article is "Jerome Powell" of another,
and "WHO" the World Health Organization, where the store holds only one such entity (`store.identity`). The keys of
entities stored before are written here; they join the entities of articles stored from now on (entities already
stored under a surname and a full name stay as they were until one of them is stored again).

Revision ID: 0005
Revises: 0004
"""
import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
LEFT_OUT = {"of", "and", "for", "the", "on", "in", "&"}


def match_key(name: str, kind: str) -> str | None:
    """`store.identity.match_key` as it was at this revision (a migration must not change with later code)."""
    from pipeline.names import stored_name_key

    words = name.split()
    if kind == "person" and len(words) >= 2:
        last = words[-2] if words[-1].strip(".,").lower() in SUFFIXES else words[-1]
        return stored_name_key(last.strip(".,;:")) or None
    significant = [w for w in words if w.lower() not in LEFT_OUT]
    shaped = all(w.istitle() and w.isalpha() for w in significant)
    if kind in ("organization", "agency") and 2 <= len(significant) <= 6 and shaped:
        return "".join(w[0] for w in significant).lower()
    return None


def upgrade() -> None:
    op.add_column("entities", sa.Column("match_key", sa.String(300)))
    op.create_index("ix_entities_match_key", "entities", ["match_key"])
    entities = sa.table("entities", sa.column("id", sa.Integer), sa.column("name", sa.Text),
                        sa.column("kind", sa.String), sa.column("match_key", sa.String))
    connection = op.get_bind()
    rows = connection.execute(sa.select(entities.c.id, entities.c.name, entities.c.kind)).all()
    keyed = [{"row_id": r.id, "key": key} for r in rows if (key := match_key(r.name, r.kind)) is not None]
    if keyed:  # entities stored before: their keys, so that new articles meet them too
        connection.execute(sa.update(entities).where(entities.c.id == sa.bindparam("row_id"))
                           .values(match_key=sa.bindparam("key")), keyed)


def downgrade() -> None:
    op.drop_index("ix_entities_match_key", "entities")
    op.drop_column("entities", "match_key")
