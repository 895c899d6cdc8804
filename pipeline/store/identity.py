"""Which stored entities are one across articles.

Each article's entities are stored by name and kind (`entities`), so the same name of the same kind is one entity
in every article. Beyond that, an entity is one with another (`entities.same_as`, pointing at the group's first
entity) when:
- they have the same name and kinds of one family (an organization and an agency; a place and a venue): "CDC"
  typed an agency in one article and an organization in another;
- one is a short form some article defines for the other: an article that writes "the Centers for Disease Control
  and Prevention (CDC)", or "FEMA" after "Federal Emergency Management Agency", records the alias "CDC" for that
  entity (`entity_aliases`; the first definition stored wins), and "CDC" in every article, before or after, is it.
Nothing else merges: "Texas State" and "Texas State University", or "Gupta" and "Rahul Gupta" in two articles, stay
apart, since a shorter name may be another body or person.
"""
from __future__ import annotations

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session

from ..names import stored_name_key
from .tables import EntityAliasRow, EntityRow

FAMILIES = ({"organization", "agency"}, {"place", "venue"}, {"person"})


def family(kind: str) -> list[str]:
    """The kinds one entity may be given in different articles."""
    return sorted(next((f for f in FAMILIES if kind in f), {kind}))


def root(row: EntityRow) -> int:
    """The id of the group an entity belongs to."""
    return row.same_as or row.id


def join(session: Session, keep: int, other: int) -> None:
    """Make the group `other` one with the group `keep` (both group ids)."""
    if keep != other:
        session.execute(update(EntityRow).where(or_(EntityRow.id == other, EntityRow.same_as == other))
                        .values(same_as=keep))
        session.execute(update(EntityRow).where(EntityRow.id == keep).values(same_as=None))


def identify(session: Session, row: EntityRow) -> None:
    """A new entity: one with a stored entity of its name in its family of kinds, else with the entity a stored
    short form of its name names."""
    same = session.scalar(select(EntityRow).where(EntityRow.name_key == row.name_key, EntityRow.id != row.id,
                                                  EntityRow.kind.in_(family(row.kind))).order_by(EntityRow.id))
    alias = session.get(EntityAliasRow, row.name_key) if same is None else None
    target = same or (session.get(EntityRow, alias.entity_id) if alias else None)
    if target is not None and (same is not None or target.kind in family(row.kind)):
        row.same_as = root(target)


def is_short_form(text: str, canonical: str) -> bool:
    """Whether a mention written `text` is an acronym or short form of its entity's name ("CDC", "U.S.")."""
    letters = text.replace(".", "").replace("&", "")
    return len(letters) >= 2 and letters.isupper() and stored_name_key(text) != stored_name_key(canonical)


def define(session: Session, short: str, entity: EntityRow) -> None:
    """Record that `short` names `entity`, and make the stored entities called so (of its family) one with it."""
    key = stored_name_key(short)
    if session.get(EntityAliasRow, key) is None:
        session.add(EntityAliasRow(name_key=key, entity_id=root(entity)))
        session.flush()
    for other in session.scalars(select(EntityRow).where(EntityRow.name_key == key,
                                                         EntityRow.kind.in_(family(entity.kind)))).all():
        join(session, root(entity), root(other))


def groups_named(name: str):
    """A query of the group ids of the entities called `name`, or that a short form `name` names."""
    key = stored_name_key(name)
    named = select(EntityRow.id.label("id"), EntityRow.same_as).where(EntityRow.name_key == key)
    aliased = select(EntityRow.id, EntityRow.same_as).join(EntityAliasRow, EntityAliasRow.entity_id == EntityRow.id) \
        .where(EntityAliasRow.name_key == key)
    both = named.union(aliased).subquery()
    return select(func.coalesce(both.c.same_as, both.c.id))


def entities_named(name: str):
    """A query of the ids of every entity one with one called `name`."""
    return select(EntityRow.id).where(func.coalesce(EntityRow.same_as, EntityRow.id).in_(groups_named(name)))
