"""Which stored entities are one across articles.

Each article's entities are stored by name and kind (`entities`), so the same name of the same kind is one entity
in every article. Beyond that, an entity is one with another (`entities.same_as`, pointing at the group's first
entity) when:
- they have the same name and kinds of one family (an organization and an agency; a place and a venue): "CDC"
  typed an agency in one article and an organization in another;
- one is a short form some article defines for the other: an article that writes "the Centers for Disease Control
  and Prevention (CDC)", or "FEMA" after "Federal Emergency Management Agency", records the alias "CDC" for that
  entity (`entity_aliases`; the first definition stored wins), and "CDC" in every article, before or after, is it.
- one is a surname or initials of the other, and the store holds no other entity it could be: "Powell" in one
  article and "Jerome Powell" in another, "WHO" and "World Health Organization" (`match_key`: a person's last name, a
  body's initials), while "Kumar" with both "Nitish Kumar" and "Rajiv Kumar" stored stays apart. Which is stored
  first decides: "Powell" joined to "Jerome Powell" stays so when "Colin Powell" comes later.
Nothing else merges: "Texas State" and "Texas State University", or "Ford" and "Ford Motor Co." in two articles,
stay apart, since a shorter name may be another body.
"""
from __future__ import annotations

from sqlalchemy import exists, func, or_, select, update
from sqlalchemy.orm import Session

from ..names import stored_name_key
from .tables import EntityAliasRow, EntityRow

FAMILIES = ({"organization", "agency"}, {"place", "venue"}, {"person"})
BODY_KINDS = FAMILIES[0]
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})  # "Robert F. Kennedy Jr." is a Kennedy
INITIALS_LEFT_OUT = frozenset({"of", "and", "for", "the", "on", "in", "&"})  # "Bureau of Labor Statistics": BLS
MOST_INITIALS = 6  # letters of an acronym matched by initials


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


def match_key(name: str, kind: str) -> str | None:
    """The name a shorter mention of this entity would have: a person's surname ("Jerome Powell": "powell"), a body's
    initials ("World Health Organization": "who", of words in Title Case, at most six); None for names of one word,
    for other kinds, and for bodies with words of other shapes ("U.S. Army", "NBC News")."""
    words = name.split()
    if kind == "person" and len(words) >= 2:
        last = words[-2] if words[-1].strip(".,").lower() in NAME_SUFFIXES else words[-1]
        return stored_name_key(last.strip(".,;:")) or None  # "Martin Luther King, Jr.": "king"
    significant = [w for w in words if w.lower() not in INITIALS_LEFT_OUT]
    shaped = all(w.istitle() and w.isalpha() for w in significant)
    if kind in BODY_KINDS and 2 <= len(significant) <= MOST_INITIALS and shaped:
        return "".join(w[0] for w in significant).lower()
    return None


def shorter_key(row: EntityRow) -> str | None:
    """The `match_key` a new entity's name could be of another: a person's one word, a body's acronym ("WHO")."""
    if row.kind == "person" and len(row.name.split()) == 1:
        return row.name_key
    letters = row.name.replace(".", "")
    if row.kind in BODY_KINDS and 2 <= len(letters) <= MOST_INITIALS and letters.isalpha() and letters.isupper():
        return letters.lower()
    return None


def groups_keyed(session: Session, key: str, kind: str) -> set[int]:
    """The groups (at most two: one is all `identify` needs to know) of the entities of `kind`'s family whose
    `match_key` is `key`."""
    group = func.coalesce(EntityRow.same_as, EntityRow.id)
    return set(session.scalars(select(group).where(EntityRow.match_key == key, EntityRow.kind.in_(family(kind)))
                               .distinct().limit(2)))


def identify(session: Session, row: EntityRow) -> None:
    """A new entity: one with a stored entity of its name in its family of kinds, else with the entity a stored
    short form of its name names, else by surname or initials with the one stored entity they fit."""
    same = session.scalar(select(EntityRow).where(EntityRow.name_key == row.name_key, EntityRow.id != row.id,
                                                  EntityRow.kind.in_(family(row.kind))).order_by(EntityRow.id))
    alias = session.get(EntityAliasRow, row.name_key) if same is None else None
    target = same or (session.get(EntityRow, alias.entity_id) if alias else None)
    if target is not None and (same is not None or target.kind in family(row.kind)):
        row.same_as = root(target)
    elif (short := shorter_key(row)) is not None and len(found := groups_keyed(session, short, row.kind)) == 1:
        row.same_as = found.pop()  # "Powell", with one stored person called ... Powell
    elif row.match_key is not None and groups_keyed(session, row.match_key, row.kind) == {root(row)}:
        join_shorter(session, row)


def join_shorter(session: Session, row: EntityRow) -> None:
    """Make the stored entities that are `row`'s surname or initials alone, of its family, one with it ("Powell",
    stored before "Jerome Powell"), unless a short form an article defined, or a group holding another name, holds
    them."""
    if session.get(EntityAliasRow, row.match_key) is not None:
        return
    for other in session.scalars(select(EntityRow).where(EntityRow.name_key == row.match_key, EntityRow.id != row.id,
                                                         EntityRow.kind.in_(family(row.kind)),
                                                         EntityRow.same_as.is_(None))).all():
        others_names = select(EntityRow.id).where(EntityRow.same_as == other.id, EntityRow.name_key != other.name_key)
        if shorter_key(other) == row.match_key and not session.scalar(select(exists(others_names))):
            join(session, root(row), other.id)  # "WHO" typed an agency and an organization: both


def is_short_form(text: str, canonical: str) -> bool:
    """Whether a mention written `text` is an acronym or short form of its entity's name ("CDC", "U.S."); not when it
    is the name's first word ("UN" of "UN Development Programme", "NASA" of "NASA's Office of Inspector General":
    another body's name inside this one's)."""
    letters = text.replace(".", "").replace("&", "")
    key, long_key = stored_name_key(text), stored_name_key(canonical)
    first_word = long_key.split()[0].replace(".", "") if long_key else ""
    return len(letters) >= 2 and letters.isupper() and key != long_key \
        and first_word not in (letters.lower(), letters.lower() + "'s")


def define(session: Session, short: str, entity: EntityRow) -> None:
    """Record that `short` names `entity`, and make the stored entities called so (of its family) one with it: a
    group of its own joins whole, one that an entity of another name holds (by a guessed surname or initials:
    "CIA" taken for the Culinary Institute of America) gives up that entity alone."""
    key = stored_name_key(short)
    if session.get(EntityAliasRow, key) is None:
        session.add(EntityAliasRow(name_key=key, entity_id=root(entity)))
        session.flush()
    for other in session.scalars(select(EntityRow).where(EntityRow.name_key == key,
                                                         EntityRow.kind.in_(family(entity.kind)))).all():
        if other.same_as is None:
            join(session, root(entity), other.id)
        elif session.get(EntityRow, other.same_as).name_key == key:
            join(session, root(entity), other.same_as)
        elif other.id != root(entity):
            other.same_as = root(entity)


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
