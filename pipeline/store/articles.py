"""An article's newsclaims/1 record built again from its rows, the one place the store keeps its facts."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..records import Article, Attribution, Claim, Entity, Quantity, Result, Source, TextSpan
from .tables import (ArticleRow, AttributionRow, ClaimQuantityRow, ClaimRow, EntityRow, MentionRow, QuantityRow)

QUANTITY_FIELDS = ("text", "start", "end", "value", "low", "high", "unit", "unit_normalized", "kind", "qualifier",
                   "change", "base", "counted", "time", "previous", "place")


def read_article(session: Session, article_id: str) -> Result | None:
    """The stored article `article_id` as the `Result` it was stored from, or None."""
    row = session.get(ArticleRow, article_id)
    if row is None:
        return None
    article = Article(id=row.id, title=row.title, url=row.url, outlet=row.outlet, published=row.published,
                      path=row.path)
    return Result(article=article, text=row.text, entities=entities_of(session, article_id),
                  quantities=quantities_of(session, article_id), attributions=attributions_of(session, article_id),
                  claims=claims_of(session, article_id))


def entities_of(session: Session, article_id: str) -> list[Entity]:
    rows = session.execute(select(MentionRow, EntityRow.kind).join(EntityRow, EntityRow.id == MentionRow.entity_id)
                           .where(MentionRow.article_id == article_id).order_by(MentionRow.id)).all()
    return [Entity(id=m.record_id, text=m.text, start=m.start, end=m.end, kind=kind, label=m.label,
                   canonical=m.canonical) for m, kind in rows]


def quantities_of(session: Session, article_id: str) -> list[Quantity]:
    rows = session.scalars(select(QuantityRow).where(QuantityRow.article_id == article_id).order_by(QuantityRow.id))
    return [Quantity(id=q.record_id, **{name: getattr(q, name) for name in QUANTITY_FIELDS}) for q in rows]


def source_of(row: AttributionRow) -> Source | None:
    if not row.has_source:
        return None
    phrase = (TextSpan(row.source_phrase_text, row.source_phrase_start, row.source_phrase_end)
              if row.source_phrase_text is not None else None)
    return Source(text=row.source_text, start=row.source_start, end=row.source_end, entity=row.source_entity,
                  canonical=row.source_canonical, role=row.source_role, phrase=phrase)


def attributions_of(session: Session, article_id: str) -> list[Attribution]:
    rows = session.scalars(select(AttributionRow).where(AttributionRow.article_id == article_id)
                           .order_by(AttributionRow.id))
    return [Attribution(id=a.record_id, kind=a.kind, source=source_of(a), cue=TextSpan(a.cue_text, a.cue_start, a.cue_end),
                        content=TextSpan(a.content_text, a.content_start, a.content_end), detected_by=a.detected_by)
            for a in rows]


def claims_of(session: Session, article_id: str) -> list[Claim]:
    rows = session.execute(select(ClaimRow, AttributionRow.record_id)
                           .outerjoin(AttributionRow, AttributionRow.id == ClaimRow.attribution_id)
                           .where(ClaimRow.article_id == article_id).order_by(ClaimRow.id)).all()
    stated: dict[int, list[str]] = {}
    for claim_id, quantity in session.execute(
            select(ClaimQuantityRow.claim_id, QuantityRow.record_id)
            .join(QuantityRow, QuantityRow.id == ClaimQuantityRow.quantity_id)
            .where(QuantityRow.article_id == article_id).order_by(ClaimQuantityRow.claim_id, QuantityRow.id)):
        stated.setdefault(claim_id, []).append(quantity)
    return [Claim(id=c.record_id, text=c.text, start=c.start, end=c.end, quantities=stated.get(c.id, []),
                  attribution=attribution, source=c.source_name) for c, attribution in rows]
