"""Writing an article's records as rows: one transaction per article, tried again after a conflict with another
writer."""
from __future__ import annotations

import random
import re
import time
from datetime import datetime, timezone

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from ..linking.measure import Measure, contexts, measures
from ..names import stored_name_key
from ..records import Attribution, Claim, Entity, Quantity, Result
from .database import WRITE_ATTEMPTS, StoreError, database_message, is_conflict, safe_url
from .identity import define, identify, is_short_form, match_key
from .tables import (ArticleRow, AttributionRow, ClaimQuantityRow, ClaimRow, EntityRow, MentionRow, QuantityRow,
                     SourceRoleRow, SourceRow)


def write_with_retries(engine: Engine, url: str, result: Result, version: str) -> int:
    """Write one article in its own transaction (1 if written, 0 if kept), again after a conflict with another
    writer (the same article, entity or source inserted meanwhile; SQLite busy), up to `WRITE_ATTEMPTS` times."""
    attempt = 1
    while True:
        try:
            with Session(engine) as session, session.begin():
                return int(write_article(session, result, version))
        except SQLAlchemyError as e:
            if attempt == WRITE_ATTEMPTS or not is_conflict(e):
                tries = f" (after {attempt} attempts)" if attempt > 1 else ""
                raise StoreError(f"cannot write article {result.article.id!r} to store {safe_url(url)}"
                                 f"{tries}: {database_message(e)}") from e
        time.sleep(random.uniform(0.01, 0.05) * attempt)
        attempt += 1


def newer(a: str, b: str) -> bool:
    """Whether pipeline version `a` is newer than `b` ("0.10.0" > "0.9.1")."""

    def parts(v: str) -> tuple:
        return tuple(int(x) if x.isdigit() else x for x in re.split(r"[.\-+]", v))
    try:
        return parts(a) > parts(b)
    except TypeError:
        return a > b


def write_article(session: Session, result: Result, version: str) -> bool:
    """Write one article's rows in `session`, replacing an older version of it; False (nothing written) when the
    stored one comes from a newer pipeline."""
    a = result.article
    existing = session.get(ArticleRow, a.id)
    if existing is not None:
        if newer(existing.pipeline_version, version):
            return False
        session.delete(existing)
        session.flush()
    session.add(ArticleRow(id=a.id, url=a.url, outlet=a.outlet, title=a.title, published=a.published,
                           path=a.path, text=result.text, pipeline_version=version,
                           ingested_at=datetime.now(timezone.utc)))
    session.flush()
    entity_ids = write_mentions(session, a.id, result.entities)
    quantity_ids = write_quantities(session, a.id, result.quantities, measures(result), contexts(result))
    attribution_ids = write_attributions(session, a.id, result.attributions, entity_ids)
    write_claims(session, a.id, result.claims, quantity_ids, attribution_ids)
    return True


def write_mentions(session: Session, article_id: str, entities: list[Entity]) -> dict[str, int]:
    """A row per entity mention, linked to its entity across articles (`identity`: a short form the article
    defines is recorded); the entity row ids by mention record id."""
    entity_ids: dict[str, int] = {}
    for e in entities:
        entity = entity_row(session, e.canonical, e.kind)
        if is_short_form(e.text, e.canonical):
            define(session, e.text, entity)
        entity_ids[e.id] = entity.id
        session.add(MentionRow(article_id=article_id, entity_id=entity.id, record_id=e.id, text=e.text,
                               start=e.start, end=e.end, label=e.label, canonical=e.canonical))
    return entity_ids


def write_quantities(session: Session, article_id: str, quantities: list[Quantity], measured: dict[str, Measure],
                     context: dict[str, str]) -> dict[str, int]:
    """A row per quantity, with its measure and context where a claim states it; the row ids by quantity record
    id."""
    quantity_ids: dict[str, int] = {}
    for q in quantities:
        m = measured.get(q.id) or Measure("")
        row = QuantityRow(article_id=article_id, record_id=q.id, text=q.text, start=q.start, end=q.end,
                          value=q.value, low=q.low, high=q.high, unit=q.unit, unit_normalized=q.unit_normalized,
                          kind=q.kind, qualifier=q.qualifier, change=q.change, base=q.base, counted=q.counted,
                          time=q.time, previous=q.previous, place=q.place, subject=m.subject, years=m.years,
                          body=m.body, scope_place=m.place, context=context.get(q.id))
        session.add(row)
        session.flush()
        quantity_ids[q.id] = row.id
    return quantity_ids


def write_attributions(session: Session, article_id: str, attributions: list[Attribution],
                       entity_ids: dict[str, int]) -> dict[str, tuple[int, int | None]]:
    """A row per attribution, its source linked to the store's sources (with the role this article gives it); the
    (row id, source id) by attribution record id."""
    attribution_ids: dict[str, tuple[int, int | None]] = {}
    for at in attributions:
        source, source_id = at.source, None
        if source is not None and source.canonical:
            source_id = source_row(session, source.canonical, entity_ids.get(source.entity or "")).id
            if source.role:
                role_row(session, source_id, article_id, source.role)
        phrase = source.phrase if source is not None else None
        row = AttributionRow(
            article_id=article_id, record_id=at.id, kind=at.kind, source_id=source_id, has_source=source is not None,
            source_text=source and source.text, source_start=source and source.start, source_end=source and source.end,
            source_entity=source and source.entity, source_canonical=source and source.canonical,
            source_role=source and source.role, source_phrase_text=phrase and phrase.text,
            source_phrase_start=phrase and phrase.start, source_phrase_end=phrase and phrase.end,
            cue_text=at.cue.text, cue_start=at.cue.start, cue_end=at.cue.end, content_text=at.content.text,
            content_start=at.content.start, content_end=at.content.end, detected_by=at.detected_by)
        session.add(row)
        session.flush()
        attribution_ids[at.id] = (row.id, source_id)
    return attribution_ids


def write_claims(session: Session, article_id: str, claims: list[Claim], quantity_ids: dict[str, int],
                 attribution_ids: dict[str, tuple[int, int | None]]) -> None:
    """A row per claim, linked to its attribution, its source and the quantities it states."""
    for c in claims:
        attribution_id, source_id = attribution_ids.get(c.attribution or "", (None, None))
        row = ClaimRow(article_id=article_id, record_id=c.id, text=c.text, start=c.start, end=c.end,
                       attribution_id=attribution_id, source_id=source_id, source_name=c.source)
        session.add(row)
        session.flush()
        for qid in c.quantities:
            session.add(ClaimQuantityRow(claim_id=row.id, quantity_id=quantity_ids[qid]))


def role_row(session: Session, source_id: int, article_id: str, role: str) -> None:
    """The role an article gives a source, recorded once."""
    exists = session.scalar(select(SourceRoleRow.id).where(
        SourceRoleRow.source_id == source_id, SourceRoleRow.article_id == article_id, SourceRoleRow.role == role))
    if exists is None:
        session.add(SourceRoleRow(source_id=source_id, article_id=article_id, role=role))


def entity_row(session: Session, name: str, kind: str) -> EntityRow:
    """The entity row of `name` as `kind`, created if new."""
    key = stored_name_key(name)
    row = session.scalar(select(EntityRow).where(EntityRow.name_key == key, EntityRow.kind == kind))
    if row is None:
        row = EntityRow(name=name, name_key=key, kind=kind, match_key=match_key(name, kind))
        session.add(row)
        session.flush()
        identify(session, row)
    return row


def source_row(session: Session, name: str, entity_id: int | None) -> SourceRow:
    """The source row of `name`, created if new, linked to its entity where known."""
    key = stored_name_key(name)
    row = session.scalar(select(SourceRow).where(SourceRow.name_key == key))
    if row is None:
        row = SourceRow(name=name, name_key=key, entity_id=entity_id)
        session.add(row)
        session.flush()
    elif row.entity_id is None and entity_id is not None:
        row.entity_id = entity_id
    return row
