"""The claims store: every article, entity, figure and source kept, and queryable.

SQLAlchemy 2 on SQLite (default `.newsclaims/claims.db`, WAL, foreign keys on) or PostgreSQL
(`postgresql+psycopg://...`). The schema is created or upgraded by Alembic on first use (`Store.open`) or
explicitly (`Store.upgrade`, `newsclaims store upgrade`). It keeps records, never spaCy objects, and only stores:
similarity (`linking.similarity`), clustering (`linking.compare`) and fact-check matching (`factchecks.matching`)
are services over it that bring their own embedder.

Modules: `database` (opening, locks, schema), `writes` (an article's rows), `tables` (the rows), `filters` (query
arguments checked), this module (the `Store`: writes and reads).
"""
from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import Any, Iterable

import numpy as np
from sqlalchemy import case, column, delete, func, select, table, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from ..names import stored_name_key
from ..records import Result
from .articles import read_article
from .identity import entities_named
from .database import (DEFAULT_URL, StoreError, connect, database_message, head_revision,  # noqa: F401
                       safe_url, schema_version, sqlite_read_only_url, upgrade_schema)  # for callers
from .records import CitedSource, SimilarClaim, StoredClaim, StoredFigure  # noqa: F401  (for callers)
from .filters import (MAX_ID, FilterError, number_filter, published_bounds, record_problem,  # noqa: F401
                      text_filter)  # FilterError: for callers
from .tables import (ArticleRow, AttributionRow, ClaimQuantityRow, ClaimRow, ClaimVectorRow, EntityRow, FactCheckRow,
                     FigurePairRow, FigureVectorRow, MentionRow, QuantityRow, SourceRoleRow, SourceRow, VerdictRow)
from .writes import write_with_retries


class Store:
    """Articles and everything extracted from them, in a SQL database."""

    def __init__(self, engine: Engine, url: str, read_only: bool = False):
        self.engine = engine
        self.url = url
        self.read_only = read_only

    # ------------------------------------------------------------------------------------------------ setup

    @classmethod
    def open(cls, url: str | None = None, upgrade: bool = True) -> "Store":
        """Open the store at `url` (default `.newsclaims/claims.db`), creating or upgrading its schema; a SQLite file
        this process may not write is opened read-only."""
        url = url or DEFAULT_URL
        engine, read_only = connect(url)
        store = cls(engine, url, read_only=read_only)
        if upgrade:
            store.upgrade()
        return store

    @property
    def safe_url(self) -> str:
        """The store's URL with any password hidden, for messages."""
        return safe_url(self.url)

    def schema_version(self) -> str | None:
        """The store's schema revision, or None for an empty database."""
        return schema_version(self.engine)

    def upgrade(self) -> str:
        """Create the schema or bring it to this newsclaims' version; refuse a store made by a newer one."""
        return upgrade_schema(self.engine, self.url, self.read_only)

    def close(self) -> None:
        self.engine.dispose()

    def writable(self) -> None:
        """Refuse, in one line, to write to a store opened read-only (see `sqlite_read_only_url`)."""
        if self.read_only:
            raise StoreError(f"store {self.safe_url} is read-only here (the file or its directory cannot be "
                             "written): it can be queried but not written")

    # ------------------------------------------------------------------------------------------------ ingest

    def add(self, results: Iterable[Result], pipeline_version: str | None = None) -> int:
        """Store results, each article in its own transaction; returns how many were written.

        The same article twice is one article. An article already stored by a newer pipeline version is left as it
        is; otherwise its rows are replaced. A failure leaves no half-written article.
        """
        from .. import __version__

        self.writable()
        version = pipeline_version or __version__
        n = 0
        for result in results:
            problem = record_problem(result.to_dict())
            if problem:
                raise StoreError(f"cannot write article {result.article.id[:MAX_ID]!r} to store "
                                 f"{self.safe_url}: {problem}")
            n += write_with_retries(self.engine, self.url, result, version)
        return n

    # ------------------------------------------------------------------------------------------------ reads

    def get(self, article_id: str) -> Result | None:
        """The stored article `article_id` as a `Result` (built from its rows), or None."""
        text_filter("article id", article_id)
        with Session(self.engine) as session:
            return read_article(session, article_id)

    def ids(self) -> list[str]:
        with Session(self.engine) as session:
            return list(session.scalars(select(ArticleRow.id).order_by(ArticleRow.id)))

    def __len__(self) -> int:
        with Session(self.engine) as session:
            return session.scalar(select(func.count()).select_from(ArticleRow)) or 0

    def claims(self, entity: str | None = None, source: str | None = None, outlet: str | None = None,
               kind: str | None = None, unit: str | None = None, min_value: float | None = None,
               max_value: float | None = None, since: str | None = None, until: str | None = None,
               text_query: str | None = None, article_ids: list[str] | None = None,
               limit: int = 1000) -> list[StoredClaim]:
        """Claims with their figures, source and article, filtered; every filter is checked (`filters`: a
        `FilterError` says which is wrong) and reaches SQL as a bound parameter."""
        for name, value in (("entity", entity), ("source", source), ("outlet", outlet), ("kind", kind),
                            ("unit", unit), ("text", text_query)):
            text_filter(name, value)
        for name, value in (("min", min_value), ("max", max_value)):
            number_filter(name, value)
        since, before = published_bounds(since, until)
        q = (select(ClaimRow.id, ClaimRow.article_id, ClaimRow.record_id, ClaimRow.text, ClaimRow.source_name,
                    ArticleRow.outlet, ArticleRow.published, ArticleRow.title)
             .join(ArticleRow, ArticleRow.id == ClaimRow.article_id))
        if article_ids is not None:
            q = q.where(ClaimRow.article_id.in_(article_ids))
        if outlet:
            q = q.where(func.lower(ArticleRow.outlet) == outlet.lower())
        if since:
            q = q.where(ArticleRow.published >= since)
        if before:
            q = q.where(ArticleRow.published < before)
        if source:
            q = q.where(ClaimRow.source_id.in_(select(SourceRow.id).where(SourceRow.name_key == stored_name_key(source))))
        if entity:  # the entity under any of its names in the store (`identity`)
            mentioned = select(MentionRow.article_id).where(MentionRow.entity_id.in_(entities_named(entity)))
            q = q.where(ClaimRow.article_id.in_(mentioned))
        figure = select(ClaimQuantityRow.claim_id).join(QuantityRow, QuantityRow.id == ClaimQuantityRow.quantity_id)
        figure_filtered = False
        if kind:
            figure, figure_filtered = figure.where(QuantityRow.kind == kind), True
        if unit:
            figure, figure_filtered = figure.where(func.lower(QuantityRow.unit_normalized) == unit.lower()), True
        if min_value is not None:
            figure, figure_filtered = figure.where(func.coalesce(QuantityRow.value, QuantityRow.high) >= min_value), True
        if max_value is not None:
            figure, figure_filtered = figure.where(func.coalesce(QuantityRow.value, QuantityRow.low) <= max_value), True
        if figure_filtered:
            q = q.where(ClaimRow.id.in_(figure))
        if text_query:
            q = q.where(ClaimRow.id.in_(self._fts(text_query)))
        q = q.order_by(ArticleRow.published, ClaimRow.article_id, ClaimRow.start).limit(limit)
        with Session(self.engine) as session:
            rows = session.execute(q).all()
            figures: dict[int, list[StoredFigure]] = {r.id: [] for r in rows}
            ids = list(figures)
            for k in range(0, len(ids), 500):  # the figures of every claim in a few queries, not one per claim
                for f in session.execute(
                        select(ClaimQuantityRow.claim_id, QuantityRow.text, QuantityRow.value, QuantityRow.low,
                               QuantityRow.high, QuantityRow.unit_normalized, QuantityRow.kind)
                        .join(ClaimQuantityRow, ClaimQuantityRow.quantity_id == QuantityRow.id)
                        .where(ClaimQuantityRow.claim_id.in_(ids[k:k + 500])).order_by(QuantityRow.start)):
                    figures[f.claim_id].append(StoredFigure(f.text, f.value, f.low, f.high, f.unit_normalized, f.kind))
            return [StoredClaim(f"{r.article_id}#{r.record_id}", r.article_id, r.outlet, r.published, r.source_name,
                                r.text, figures[r.id]) for r in rows]

    def _fts(self, query: str):
        """Claim ids matching a full-text query (SQLite FTS5, PostgreSQL tsvector); the query is a bound value."""
        if self.engine.dialect.name == "sqlite":
            # FTS5 syntax characters are not the user's to use: search the words as a phrase-free AND
            words = " ".join('"' + w.replace('"', '""') + '"' for w in re.findall(r"\w+", query)) or '""'
            return select(column("rowid")).select_from(table("claims_fts")).where(text("claims_fts MATCH :q").bindparams(q=words))
        if self.engine.dialect.name == "postgresql":
            return select(ClaimRow.id).where(
                func.to_tsvector("english", ClaimRow.text).op("@@")(func.plainto_tsquery("english", query)))
        like = "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        return select(ClaimRow.id).where(ClaimRow.text.ilike(like, escape="\\"))

    def sources(self, limit: int = 1000) -> list[CitedSource]:
        """Who is cited, how often, with which roles, for how many claims; a body or person cited under several
        names that are one entity (`identity`: "CDC" and "Centers for Disease Control and Prevention") is one
        source, under its most cited name."""
        group = case((SourceRow.entity_id.is_(None), -SourceRow.id),
                     else_=func.coalesce(EntityRow.same_as, EntityRow.id))
        with Session(self.engine) as session:
            rows = session.execute(
                select(SourceRow.id, SourceRow.name, group.label("group"), func.count(AttributionRow.id).label("n"))
                .join(AttributionRow, AttributionRow.source_id == SourceRow.id)
                .outerjoin(EntityRow, EntityRow.id == SourceRow.entity_id)
                .group_by(SourceRow.id, SourceRow.name, group)).all()
            groups: dict[int, list] = {}
            for r in sorted(rows, key=lambda r: (-r.n, r.name)):
                groups.setdefault(r.group, []).append(r)
            ranked = sorted(groups.values(), key=lambda g: (-sum(r.n for r in g), g[0].name))[:limit]
            return [self._cited(session, g) for g in ranked]

    @staticmethod
    def _cited(session: Session, names: list) -> CitedSource:
        """One source cited under `names` (source rows, the most cited first)."""
        ids = [r.id for r in names]
        roles = sorted(set(session.scalars(select(SourceRoleRow.role).where(SourceRoleRow.source_id.in_(ids)))))
        claim_ids = [f"{a}#{c}" for a, c in session.execute(
            select(ClaimRow.article_id, ClaimRow.record_id).where(ClaimRow.source_id.in_(ids))
            .order_by(ClaimRow.article_id, ClaimRow.start))]
        n_articles = session.scalar(select(func.count(func.distinct(AttributionRow.article_id)))
                                    .where(AttributionRow.source_id.in_(ids)))
        return CitedSource(names[0].name, sum(r.n for r in names), n_articles, len(claim_ids), roles, claim_ids)

    # ------------------------------------------------------------------------------------------------ for services

    def claim_texts(self) -> dict[int, tuple[str, str]]:
        """Every stored claim's id ("article#c1") and text by its row id, in the order they were stored."""
        with Session(self.engine) as session:
            rows = session.execute(select(ClaimRow.id, ClaimRow.article_id, ClaimRow.record_id, ClaimRow.text)
                                   .order_by(ClaimRow.id)).all()
        return {r.id: (f"{r.article_id}#{r.record_id}", r.text) for r in rows}

    def claims_count(self) -> int:
        with Session(self.engine) as session:
            return session.scalar(select(func.count()).select_from(ClaimRow)) or 0

    def figures(self):
        """Every figure of every stored claim, as `linking.compare.Figure`s with their measures, in text order."""
        from ..linking.compare import Figure
        from ..linking.measure import Measure, statistic

        with Session(self.engine) as session:
            rows = session.execute(
                select(ClaimRow.id.label("row"), ClaimRow.article_id, ClaimRow.record_id,
                       ClaimRow.text.label("claim_text"), ClaimRow.source_name, ArticleRow.outlet, QuantityRow.text,
                       QuantityRow.value, QuantityRow.low, QuantityRow.high, QuantityRow.unit_normalized,
                       QuantityRow.kind, QuantityRow.qualifier, QuantityRow.counted, QuantityRow.start,
                       QuantityRow.end, QuantityRow.subject, QuantityRow.base, QuantityRow.scope_place,
                       QuantityRow.years, QuantityRow.body, QuantityRow.id.label("quantity"), QuantityRow.context)
                .join(ArticleRow, ArticleRow.id == ClaimRow.article_id)
                .join(ClaimQuantityRow, ClaimQuantityRow.claim_id == ClaimRow.id)
                .join(QuantityRow, QuantityRow.id == ClaimQuantityRow.quantity_id)
                .order_by(ClaimRow.article_id, ClaimRow.start, QuantityRow.start)).all()
        return [Figure(f"{r.article_id}#{r.record_id}", r.article_id, r.outlet, r.source_name, r.claim_text, r.text,
                       r.value, r.low, r.high, r.unit_normalized, r.kind, r.qualifier, r.counted, r.start, r.end,
                       r.row, Measure(statistic(r.kind, r.unit_normalized), r.subject, r.base, r.scope_place,
                                      r.years, r.body), r.quantity, r.context) for r in rows]

    def claims_to_embed(self, model: str) -> list[tuple[int, str]]:
        """The claims with no vector from embedding model `model` (row id, text); in a store that can be written,
        vectors of another model are dropped first."""
        with Session(self.engine) as session, session.begin():
            if not self.read_only:
                session.execute(delete(ClaimVectorRow).where(ClaimVectorRow.model != model))
            embedded = select(ClaimVectorRow.claim_id).where(ClaimVectorRow.model == model)
            return [tuple(r) for r in session.execute(select(ClaimRow.id, ClaimRow.text)
                                                      .where(ClaimRow.id.not_in(embedded)).order_by(ClaimRow.id))]

    def measure_earlier_articles(self) -> int:
        """Give the figures of articles stored before measures were kept (schema 0003 and older) their measure and
        context, from the article's rows; how many articles were measured."""
        from ..linking.measure import contexts, measures

        self.writable()
        with Session(self.engine) as session:
            ids = list(session.scalars(select(QuantityRow.article_id).distinct()
                                       .join(ClaimQuantityRow, ClaimQuantityRow.quantity_id == QuantityRow.id)
                                       .where(QuantityRow.context.is_(None))))
        for article_id in ids:
            with Session(self.engine) as session, session.begin():
                result = read_article(session, article_id)
                measured, context = measures(result), contexts(result)
                for row in session.scalars(select(QuantityRow).where(QuantityRow.article_id == article_id)):
                    m = measured.get(row.record_id)
                    if m is not None:
                        row.subject, row.years, row.body, row.scope_place = m.subject, m.years, m.body, m.place
                        row.context = context[row.record_id]
        return len(ids)

    def figures_to_embed(self, model: str) -> list[tuple[int, str]]:
        """The figures of claims with no context vector kept under `model` (quantity row id, context); in a store
        that can be written, vectors kept under another name are dropped first, and with them every figure pair."""
        with Session(self.engine) as session, session.begin():
            other = session.scalar(select(FigureVectorRow.quantity_id).where(FigureVectorRow.model != model).limit(1))
            if other is not None and not self.read_only:
                session.execute(delete(FigurePairRow))
                session.execute(delete(FigureVectorRow))
            embedded = select(FigureVectorRow.quantity_id).where(FigureVectorRow.model == model)
            return [tuple(r) for r in session.execute(
                select(QuantityRow.id, QuantityRow.context)
                .where(QuantityRow.context.is_not(None), QuantityRow.id.not_in(embedded)).order_by(QuantityRow.id))]

    def add_vectors(self, kind: str, model: str, ids: list[int], vectors: np.ndarray) -> None:
        """Keep the vectors (float32, unit length) of claims (`kind` "claim") or figures ("figure") `ids`; a vector
        another `compare` kept meanwhile stays."""
        self.writable()
        row, key = (ClaimVectorRow, "claim_id") if kind == "claim" else (FigureVectorRow, "quantity_id")
        rows = [{key: i, "model": model, "vector": np.asarray(v, np.float32).tobytes()} for i, v in zip(ids, vectors)]
        self._insert_new(row, rows)

    def vectors(self, kind: str, model: str) -> tuple[list[int], np.ndarray]:
        """Every kept vector of claims (`kind` "claim") or figures ("figure") under `model`: row ids and one
        float32 matrix."""
        row, key = (ClaimVectorRow, ClaimVectorRow.claim_id) if kind == "claim" else \
            (FigureVectorRow, FigureVectorRow.quantity_id)
        with Session(self.engine) as session:
            rows = session.execute(select(key, row.vector).where(row.model == model).order_by(key)).all()
        if not rows:
            return [], np.zeros((0, 0), np.float32)
        return [r[0] for r in rows], np.frombuffer(b"".join(r[1] for r in rows), np.float32).reshape(len(rows), -1)

    def add_figure_pairs(self, pairs: dict[tuple[int, int], float], model: str) -> None:
        """Keep pairs of figures ((lower quantity row id, higher): same-claim probability, by model version
        `model`); a pair kept already stays."""
        self.writable()
        self._insert_new(FigurePairRow, [{"quantity_id": a, "other_id": b, "probability": p, "model": model}
                                         for (a, b), p in pairs.items()])

    def _insert_new(self, table, rows: list[dict]) -> None:
        """Insert `rows` into `table` in one transaction, leaving out those whose key is stored already."""
        if not rows:
            return
        if self.engine.dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import insert
        else:
            from sqlalchemy.dialects.sqlite import insert
        with Session(self.engine) as session, session.begin():
            for k in range(0, len(rows), 5000):
                session.execute(insert(table).on_conflict_do_nothing(), rows[k:k + 5000])

    def figure_pairs(self, min_probability: float) -> list[tuple[int, int, float]]:
        """The kept pairs of figures at least `min_probability` likely to state the same claim."""
        with Session(self.engine) as session:
            return [tuple(r) for r in session.execute(
                select(FigurePairRow.quantity_id, FigurePairRow.other_id, FigurePairRow.probability)
                .where(FigurePairRow.probability >= min_probability))]

    # ------------------------------------------------------------------------------------------------ fact-checks

    def import_factchecks(self, items, embedder, batch: int = 256):
        """Write fact-checks read by `factchecks.claimreview` (FactCheck records and Problems, mixed) and return an
        `ImportReport`. The same id again updates the stored fact-check (embedded by `embedder` when new or when its
        text changed); each batch is one transaction."""
        self.writable()
        from ..factchecks.claimreview import FactCheck, ImportReport, checked

        report = ImportReport()
        pending: list[FactCheck] = []
        for item in items:
            if isinstance(item, FactCheck):
                item = checked(item)
            if isinstance(item, FactCheck):
                report.warnings += [(item.origin, w) for w in item.warnings]
                pending.append(item)
                if len(pending) >= batch:
                    self._write_factchecks(pending, report, embedder)
                    pending = []
            else:
                report.failed.append((item.origin, item.message))
        if pending:
            self._write_factchecks(pending, report, embedder)
        return report

    def _write_factchecks(self, items, report, embedder) -> None:
        now = datetime.now(timezone.utc)
        try:
            with Session(self.engine) as session, session.begin():
                ids = list(dict.fromkeys(f.id for f in items))
                existing = {r.id: r for r in session.scalars(select(FactCheckRow).where(FactCheckRow.id.in_(ids)))}
                stale = [f for f in items if f.id not in existing or existing[f.id].claim != f.claim
                         or existing[f.id].title != f.title]
                texts = [f.claim for f in stale] + [f.title or f.claim for f in stale]
                vectors = embedder.encode(texts) if texts else np.zeros((0, 0), np.float32)
                fresh = {id(f): (vectors[i], vectors[len(stale) + i]) for i, f in enumerate(stale)}
                for f in items:
                    values = {k: v for k, v in f.to_dict().items() if k != "id"}
                    row = existing.get(f.id)
                    if id(f) in fresh:
                        values["claim_vector"] = fresh[id(f)][0].astype(np.float32).tobytes()
                        values["title_vector"] = fresh[id(f)][1].astype(np.float32).tobytes()
                    if row is None:
                        row = FactCheckRow(id=f.id, imported_at=now, updated_at=now, **values)
                        session.add(row)
                        existing[f.id] = row
                        report.imported += 1
                    else:
                        changed = any(getattr(row, k) != v for k, v in values.items())
                        for k, v in values.items():
                            setattr(row, k, v)
                        if changed:
                            row.updated_at = now
                            report.updated += 1
                        else:
                            report.unchanged += 1
        except SQLAlchemyError as e:
            raise StoreError(f"cannot write fact-checks to store {self.safe_url}: {e}") from e

    def factcheck(self, fact_check_id: str) -> dict[str, Any] | None:
        """One stored fact-check as a dict (the FactCheck fields), or None."""
        with Session(self.engine) as session:
            row = session.get(FactCheckRow, fact_check_id)
            return self._factcheck_dict(row) if row else None

    @staticmethod
    def _factcheck_dict(row: FactCheckRow) -> dict[str, Any]:
        from ..factchecks.claimreview import FactCheck

        return {k: getattr(row, k) for k in FactCheck.__dataclass_fields__ if k not in ("origin", "warnings")}

    def factchecks_count(self) -> int:
        with Session(self.engine) as session:
            return session.scalar(select(func.count()).select_from(FactCheckRow)) or 0

    def factcheck_index(self) -> tuple[list[str], list[str], list[str | None], np.ndarray | None, np.ndarray | None]:
        """What a `factchecks.matching.Matcher` is built from: the fact-checks' ids, claims, titles and their stored
        claim and title embeddings (None when there are none)."""
        with Session(self.engine) as session:
            rows = session.execute(select(FactCheckRow.id, FactCheckRow.claim, FactCheckRow.title,
                                          FactCheckRow.claim_vector, FactCheckRow.title_vector)
                                   .order_by(FactCheckRow.id)).all()
        dims = len(rows[0].claim_vector) // 4 if rows else 384

        def matrix(blobs):
            return np.frombuffer(b"".join(blobs), dtype=np.float32).reshape(len(blobs), dims) if blobs else None

        return ([r.id for r in rows], [r.claim for r in rows], [r.title for r in rows],
                matrix([r.claim_vector for r in rows]), matrix([r.title_vector for r in rows]))

    def factchecks_by_id(self, ids: list[str]) -> dict[str, dict[str, Any]]:
        """The stored fact-checks among `ids`, as dicts of the FactCheck fields, by id."""
        with Session(self.engine) as session:
            rows = {}
            for n in range(0, len(ids), 500):
                rows.update({r.id: r for r in session.scalars(
                    select(FactCheckRow).where(FactCheckRow.id.in_(ids[n:n + 500])))})
            return {i: self._factcheck_dict(r) for i, r in rows.items()}

    def record_verdict(self, claim_id: str, rating: str, url: str, author: str, explanation: str | None = None,
                       rating_value: float | None = None, best_rating: float | None = None,
                       worst_rating: float | None = None, author_url: str | None = None) -> dict[str, Any]:
        """Record (or replace) a fact-checker's verdict on a stored claim ("article-id#c3"); returns it."""
        self.writable()
        from ..factchecks.claimreview import normalise

        for name, value in (("claim id", claim_id), ("rating", rating), ("url", url), ("author", author),
                            ("explanation", explanation), ("author url", author_url)):
            text_filter(name, value)
        if "#" not in claim_id:
            raise StoreError(f"claim id {claim_id!r} is not ARTICLE#CLAIM (see `newsclaims claims`)")
        article_id, record_id = claim_id.rsplit("#", 1)
        for name, value in (("rating", rating), ("url", url), ("author", author)):
            if not value or not value.strip():
                raise StoreError(f"a verdict needs a {name}")
        from ..factchecks.export import is_url

        for name, value in (("url", url), ("author url", author_url)):
            if value is not None and not is_url(value.strip()):
                raise StoreError(f"the verdict's {name} must be an http(s) URL, not {value!r}")
        verdict, warnings = normalise(rating, rating_value, best_rating, worst_rating)
        if any("scale" in w for w in warnings):
            raise StoreError("; ".join(warnings))
        now = datetime.now(timezone.utc)
        with Session(self.engine) as session, session.begin():
            row = session.execute(
                select(ClaimRow.text, ClaimRow.source_name, ArticleRow.url, ArticleRow.title, ArticleRow.published,
                       ArticleRow.outlet).join(ArticleRow, ArticleRow.id == ClaimRow.article_id)
                .where(ClaimRow.article_id == article_id, ClaimRow.record_id == record_id)).first()
            if row is None:
                raise StoreError(f"no claim {claim_id!r} in store {self.safe_url}")
            values = dict(article_id=article_id, claim=row.text, claim_source=row.source_name, article_url=row.url,
                          article_title=row.title, article_published=row.published, outlet=row.outlet,
                          rating=rating.strip(), rating_value=rating_value, best_rating=best_rating,
                          worst_rating=worst_rating, verdict=verdict, explanation=explanation, url=url.strip(),
                          author=author.strip(), author_url=author_url, updated_at=now)
            existing = session.get(VerdictRow, claim_id)
            if existing is None:
                session.add(VerdictRow(claim_id=claim_id, created_at=now, **values))
            else:
                for k, v in values.items():
                    setattr(existing, k, v)
        return {"claim_id": claim_id, **values, "updated_at": now.isoformat()}

    def verdicts(self) -> list[dict[str, Any]]:
        """Every verdict recorded in the store, oldest first."""
        with Session(self.engine) as session:
            rows = session.scalars(select(VerdictRow).order_by(VerdictRow.created_at, VerdictRow.claim_id)).all()
            return [{c.name: getattr(r, c.name) for c in VerdictRow.__table__.columns} for r in rows]

    def delete_all(self) -> None:
        """Remove every article and what was extracted from it (entities and sources stay)."""
        with Session(self.engine) as session, session.begin():
            session.execute(delete(ArticleRow))


def open_store(url: str | None = None) -> Store:
    """The claims store at `url` (a SQLAlchemy URL); default: SQLite at .newsclaims/claims.db."""
    return Store.open(url)
