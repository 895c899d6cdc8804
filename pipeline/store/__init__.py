"""The claims store: every article, entity, figure and source kept, and queryable.

SQLAlchemy 2 on SQLite (default `.newsclaims/claims.db`, WAL, foreign keys on) or PostgreSQL
(`postgresql+psycopg://...`). The schema is created or upgraded by Alembic on first use (`Store.open`) or
explicitly (`Store.upgrade`, `newsclaims store upgrade`). It keeps records, never spaCy objects.
"""
from __future__ import annotations

import os
import random
import re
import time
import warnings
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable, Iterator
from urllib.parse import quote

import numpy as np
from sqlalchemy import column, create_engine, delete, event, func, inspect, select, table, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session

from ..records import Result
from .filters import (MAX_ID, FilterError, number_filter, published_bounds, record_problem,  # noqa: F401
                      text_filter)  # FilterError: for callers
from .tables import (ArticleRow, AttributionRow, ClaimQuantityRow, ClaimRow, EntityRow, FactCheckRow, MentionRow,
                     QuantityRow, SourceRoleRow, SourceRow, VerdictRow)

DEFAULT_URL = "sqlite:///.newsclaims/claims.db"
MIGRATIONS = Path(__file__).parent / "migrations"


class StoreError(Exception):
    """The store cannot be opened, upgraded or written; the message names the store and the problem."""


def name_key(name: str) -> str:
    """A name folded for matching across articles ("The FBI" = "FBI", curly = straight apostrophes)."""
    key = re.sub(r"\s+", " ", name.replace("’", "'").replace("&", "and")).strip().lower()
    return re.sub(r"^(the|a|an) ", "", key)[:300]


def database_message(error: SQLAlchemyError) -> str:
    """The database's own one-line message for `error`, without the SQL statement and its parameters (which hold
    the article's text)."""
    original = getattr(error, "orig", None) or error
    lines = str(original).strip().splitlines()
    return f"{type(original).__name__}: {lines[0] if lines else ''}"


SQLITE_BUSY_SECONDS = 30  # how long a SQLite writer waits for another's lock
WRITE_ATTEMPTS = 8
SCHEMA_LOCK_KEY = 0x6E657773  # PostgreSQL advisory lock taken while the schema is created or upgraded


def is_conflict(error: SQLAlchemyError) -> bool:
    """Whether `error` comes from another writer and the transaction may simply be tried again."""
    if isinstance(error, IntegrityError):
        return True
    if not isinstance(error, OperationalError):
        return False
    message = str(getattr(error, "orig", error)).lower()
    return "locked" in message or "busy" in message or "deadlock" in message or "serializ" in message


@contextmanager
def schema_lock(engine: Engine) -> Iterator[None]:
    """For a SQLite file: an exclusive lock (flock, apart from SQLite's own locks) while the schema is created or
    upgraded, so that two processes opening a new store do not both create it. PostgreSQL uses an advisory lock."""
    database = engine.url.database if engine.dialect.name == "sqlite" else None
    if not database or database == ":memory:" or not Path(database).exists():
        yield
        return
    import fcntl

    descriptor = os.open(database, os.O_RDONLY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)  # releases the lock


def sqlite_damage(connection) -> str | None:
    """SQLite's first complaint about the file's integrity (`PRAGMA quick_check`: pages, not indexes; linear in the
    file's size), or None when it is sound."""
    first = connection.exec_driver_sql("PRAGMA quick_check(1)").scalar()
    return None if first == "ok" else str(first).splitlines()[0]


def _sqlite_pragmas(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):  # noqa: ANN001
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
        except Exception:  # a read-only file cannot switch journal mode; reads still work
            pass
        cursor.close()


def sqlite_read_only_url(url: str) -> str:
    """For a SQLite file this process may not write, or in a directory it may not write (where SQLite keeps a WAL
    store's -wal and -shm files): a URL that opens it read-only, so that it can still be read. Any other URL as it is.
    With the directory read-only nobody can write the store, so it is opened as immutable (no -shm needed)."""
    if not url.startswith("sqlite:///") or url.startswith("sqlite:///file:") or url == "sqlite:///:memory:":
        return url
    path = Path(url[len("sqlite:///"):])
    if not path.is_file():
        return url
    directory_writable = os.access(path.parent, os.W_OK)
    if directory_writable and os.access(path, os.W_OK):
        return url
    flags = "mode=ro" if directory_writable else "mode=ro&immutable=1"
    return f"sqlite:///file:{quote(str(path.resolve()))}?{flags}&uri=true"


def alembic_config(connection):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config(None)).get_current_head()


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {s.revision for s in ScriptDirectory.from_config(alembic_config(None)).walk_revisions()}


class Store:
    """Articles and everything extracted from them, in a SQL database."""

    def __init__(self, engine: Engine, url: str, read_only: bool = False):
        self.engine = engine
        self.url = url
        self.read_only = read_only

    # ------------------------------------------------------------------------------------------------ setup

    @classmethod
    def open(cls, url: str | None = None, upgrade: bool = True) -> "Store":
        """Open the store at `url` (default `.newsclaims/claims.db`), creating or upgrading its schema."""
        url = url or DEFAULT_URL
        try:
            if url.startswith("sqlite:///") and url != "sqlite:///:memory:" and not url.startswith("sqlite:///file:"):
                Path(url[len("sqlite:///"):]).parent.mkdir(parents=True, exist_ok=True)
            opened_url = sqlite_read_only_url(url)
            engine = create_engine(opened_url, connect_args={"timeout": SQLITE_BUSY_SECONDS} if url.startswith("sqlite") else {})
            if engine.dialect.name == "sqlite":
                _sqlite_pragmas(engine)
            with engine.connect() as connection:
                if engine.dialect.name == "sqlite":
                    damaged = sqlite_damage(connection)
                    if damaged:
                        raise StoreError(f"store {cls._safe(url)} is damaged (SQLite quick_check: {damaged}); "
                                         "restore it from a backup or extract into a new store")
        except SQLAlchemyError as e:
            raise StoreError(f"cannot open store {cls._safe(url)}: {database_message(e)}") from e
        except (ImportError, ValueError, OSError) as e:
            raise StoreError(f"cannot open store {cls._safe(url)}: {e}") from e
        store = cls(engine, url, read_only=opened_url != url)
        if upgrade:
            store.upgrade()
        return store

    @staticmethod
    def _safe(url: str) -> str:
        return re.sub(r"//([^:/@]+):[^@]+@", r"//\1:***@", url)

    def schema_version(self) -> str | None:
        """The store's schema revision, or None for an empty database."""
        with self.engine.connect() as conn:
            if not inspect(conn).has_table("alembic_version"):
                return None
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()

    def upgrade(self) -> str:
        """Create the schema or bring it to this newsclaims' version; refuse a store made by a newer one."""
        from alembic import command

        try:
            current = self.schema_version()
            if current is not None and current not in known_revisions():
                raise StoreError(f"store {self._safe(self.url)} has schema version {current}, made by a newer "
                                 f"newsclaims; this one knows up to {head_revision()}. Upgrade newsclaims.")
            if self.read_only:
                if current != head_revision():
                    raise StoreError(f"store {self._safe(self.url)} is read-only here and its schema ({current}) "
                                     f"needs an upgrade to {head_revision()}; open it where it can be written")
                return current
            with schema_lock(self.engine), self.engine.begin() as conn:
                if self.engine.dialect.name == "postgresql":  # held until this transaction ends
                    conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": SCHEMA_LOCK_KEY})
                command.upgrade(alembic_config(conn), "head")
        except StoreError:
            raise
        except (SQLAlchemyError, OSError) as e:
            raise StoreError(f"cannot create or upgrade store {self._safe(self.url)}: {e}") from e
        return head_revision()

    def close(self) -> None:
        self.engine.dispose()

    def writable(self) -> None:
        """Refuse, in one line, to write to a store opened read-only (see `sqlite_read_only_url`)."""
        if self.read_only:
            raise StoreError(f"store {self._safe(self.url)} is read-only here (the file or its directory cannot be "
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
                                 f"{self._safe(self.url)}: {problem}")
            n += self._write_with_retries(result, version)
        return n

    def _write_with_retries(self, result: Result, version: str) -> int:
        """Write one article in its own transaction (1 if written, 0 if kept), again after a conflict with another
        writer (the same article, entity or source inserted meanwhile; SQLite busy), up to `WRITE_ATTEMPTS` times."""
        attempt = 1
        while True:
            try:
                with Session(self.engine) as session, session.begin():
                    return int(self._write(session, result, version))
            except SQLAlchemyError as e:
                if attempt == WRITE_ATTEMPTS or not is_conflict(e):
                    tries = f" (after {attempt} attempts)" if attempt > 1 else ""
                    raise StoreError(f"cannot write article {result.article.id!r} to store {self._safe(self.url)}"
                                     f"{tries}: {database_message(e)}") from e
            time.sleep(random.uniform(0.01, 0.05) * attempt)
            attempt += 1

    @staticmethod
    def _newer(a: str, b: str) -> bool:
        def parts(v: str) -> tuple:
            return tuple(int(x) if x.isdigit() else x for x in re.split(r"[.\-+]", v))
        try:
            return parts(a) > parts(b)
        except TypeError:
            return a > b

    def _write(self, session: Session, result: Result, version: str) -> bool:
        a = result.article
        existing = session.get(ArticleRow, a.id)
        if existing is not None:
            if self._newer(existing.pipeline_version, version):
                return False
            session.delete(existing)
            session.flush()
        session.add(ArticleRow(id=a.id, url=a.url, outlet=a.outlet, title=a.title, published=a.published,
                               path=a.path, text=result.text, pipeline_version=version,
                               ingested_at=datetime.now(timezone.utc), record=result.to_dict()))
        session.flush()
        entity_ids: dict[str, int] = {}
        for e in result.entities:
            entity = self._entity(session, e.canonical, e.kind)
            entity_ids[e.id] = entity.id
            session.add(MentionRow(article_id=a.id, entity_id=entity.id, record_id=e.id, text=e.text, start=e.start,
                                   end=e.end, label=e.label))
        quantity_ids: dict[str, int] = {}
        for q in result.quantities:
            row = QuantityRow(article_id=a.id, record_id=q.id, text=q.text, start=q.start, end=q.end, value=q.value,
                              low=q.low, high=q.high, unit=q.unit, unit_normalized=q.unit_normalized, kind=q.kind,
                              qualifier=q.qualifier, change=q.change, base=q.base, counted=q.counted, time=q.time,
                              previous=q.previous, place=q.place)
            session.add(row)
            session.flush()
            quantity_ids[q.id] = row.id
        attribution_ids: dict[str, tuple[int, int | None]] = {}
        for at in result.attributions:
            source_id = None
            if at.source is not None and at.source.canonical:
                source = self._source(session, at.source.canonical, entity_ids.get(at.source.entity or ""))
                source_id = source.id
                if at.source.role:
                    exists = session.scalar(select(SourceRoleRow.id).where(
                        SourceRoleRow.source_id == source_id, SourceRoleRow.article_id == a.id,
                        SourceRoleRow.role == at.source.role))
                    if exists is None:
                        session.add(SourceRoleRow(source_id=source_id, article_id=a.id, role=at.source.role))
            row = AttributionRow(article_id=a.id, record_id=at.id, kind=at.kind, source_id=source_id,
                                 source_text=at.source.text if at.source else None,
                                 source_start=at.source.start if at.source else None,
                                 source_end=at.source.end if at.source else None,
                                 cue_text=at.cue.text, cue_start=at.cue.start, cue_end=at.cue.end,
                                 content_text=at.content.text, content_start=at.content.start,
                                 content_end=at.content.end)
            session.add(row)
            session.flush()
            attribution_ids[at.id] = (row.id, source_id)
        for c in result.claims:
            attribution_id, source_id = attribution_ids.get(c.attribution or "", (None, None))
            row = ClaimRow(article_id=a.id, record_id=c.id, text=c.text, start=c.start, end=c.end,
                           attribution_id=attribution_id, source_id=source_id, source_name=c.source)
            session.add(row)
            session.flush()
            for qid in c.quantities:
                session.add(ClaimQuantityRow(claim_id=row.id, quantity_id=quantity_ids[qid]))
        return True

    @staticmethod
    def _entity(session: Session, name: str, kind: str) -> EntityRow:
        key = name_key(name)
        row = session.scalar(select(EntityRow).where(EntityRow.name_key == key, EntityRow.kind == kind))
        if row is None:
            row = EntityRow(name=name, name_key=key, kind=kind)
            session.add(row)
            session.flush()
        return row

    @staticmethod
    def _source(session: Session, name: str, entity_id: int | None) -> SourceRow:
        key = name_key(name)
        row = session.scalar(select(SourceRow).where(SourceRow.name_key == key))
        if row is None:
            row = SourceRow(name=name, name_key=key, entity_id=entity_id)
            session.add(row)
            session.flush()
        elif row.entity_id is None and entity_id is not None:
            row.entity_id = entity_id
        return row

    # ------------------------------------------------------------------------------------------------ reads

    def get(self, article_id: str) -> Result | None:
        """The stored article `article_id` as a `Result`, or None."""
        text_filter("article id", article_id)
        with Session(self.engine) as session:
            row = session.get(ArticleRow, article_id)
            return Result.from_dict(row.record) if row else None

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
               limit: int = 1000) -> list[dict[str, Any]]:
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
            q = q.where(ClaimRow.source_id.in_(select(SourceRow.id).where(SourceRow.name_key == name_key(source))))
        if entity:
            mentioned = (select(MentionRow.article_id).join(EntityRow, EntityRow.id == MentionRow.entity_id)
                         .where(EntityRow.name_key == name_key(entity)))
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
            figures: dict[int, list[dict]] = {r.id: [] for r in rows}
            ids = list(figures)
            for k in range(0, len(ids), 500):  # the figures of every claim in a few queries, not one per claim
                for f in session.execute(
                        select(ClaimQuantityRow.claim_id, QuantityRow.text, QuantityRow.value, QuantityRow.low,
                               QuantityRow.high, QuantityRow.unit_normalized, QuantityRow.kind)
                        .join(ClaimQuantityRow, ClaimQuantityRow.quantity_id == QuantityRow.id)
                        .where(ClaimQuantityRow.claim_id.in_(ids[k:k + 500])).order_by(QuantityRow.start)):
                    figures[f.claim_id].append({"text": f.text, "value": f.value, "low": f.low, "high": f.high,
                                                "unit": f.unit_normalized, "kind": f.kind})
            return [{"claim_id": f"{r.article_id}#{r.record_id}", "article_id": r.article_id, "outlet": r.outlet,
                     "published": r.published, "source": r.source_name, "text": r.text, "figures": figures[r.id]}
                    for r in rows]

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

    def sources(self, limit: int = 1000) -> list[dict[str, Any]]:
        """Who is cited, how often, with which roles, for how many claims."""
        with Session(self.engine) as session:
            rows = session.execute(
                select(SourceRow.id, SourceRow.name, func.count(AttributionRow.id).label("n"))
                .join(AttributionRow, AttributionRow.source_id == SourceRow.id)
                .group_by(SourceRow.id, SourceRow.name).order_by(func.count(AttributionRow.id).desc(), SourceRow.name)
                .limit(limit)).all()
            out = []
            for r in rows:
                roles = sorted(set(session.scalars(select(SourceRoleRow.role).where(SourceRoleRow.source_id == r.id))))
                claim_ids = [f"{a}#{c}" for a, c in session.execute(
                    select(ClaimRow.article_id, ClaimRow.record_id).where(ClaimRow.source_id == r.id)
                    .order_by(ClaimRow.article_id, ClaimRow.start))]
                n_claims = len(claim_ids)
                n_articles = session.scalar(select(func.count(func.distinct(AttributionRow.article_id)))
                                            .where(AttributionRow.source_id == r.id))
                out.append({"source": r.name, "attributions": r.n, "articles": n_articles, "claims": n_claims,
                            "roles": roles, "claim_ids": claim_ids})
            return out

    # ------------------------------------------------------------------------------------------------ vectors

    def index_path(self) -> Path:
        """Where the claim vector index is kept: beside a SQLite file, else under .newsclaims/."""
        if self.url.startswith("sqlite:///") and not self.url.startswith("sqlite:///file:") and ":memory:" not in self.url:
            return Path(self.url[len("sqlite:///"):]).with_suffix(".faiss")
        import hashlib

        return Path(".newsclaims") / f"{hashlib.sha1(self._safe(self.url).encode()).hexdigest()[:12]}.faiss"

    def reindex(self):
        """Embed every stored claim and build the vector index (exact below 50,000 claims, HNSW above)."""
        from ..linking.embed import shared
        from ..linking.index import VectorIndex

        with Session(self.engine) as session:
            rows = session.execute(select(ClaimRow.article_id, ClaimRow.record_id, ClaimRow.text)
                                   .order_by(ClaimRow.id)).all()
        ids = [f"{r.article_id}#{r.record_id}" for r in rows]
        index = VectorIndex.build(ids, shared().encode([r.text for r in rows]))
        try:
            index.save(self.index_path())
        except (OSError, RuntimeError) as e:  # faiss raises RuntimeError for a file it cannot write
            warnings.warn(f"the claim index cannot be saved to {self.index_path()} ({str(e).splitlines()[0]}); "
                          "it is used in memory and built again next time", stacklevel=2)
        return index

    def similar(self, query: str, k: int = 10) -> list[dict[str, Any]]:
        """The k stored claims nearest in meaning to `query`, with their cosine similarity."""
        from ..linking.embed import shared
        from ..linking.index import VectorIndex

        path = self.index_path()
        with Session(self.engine) as session:
            n_claims = session.scalar(select(func.count()).select_from(ClaimRow)) or 0
        try:
            index = VectorIndex.load(path) if path.is_file() else None
        except (OSError, RuntimeError, ValueError):  # unreadable or damaged: built again from the store
            index = None
        if index is None or len(index.ids) != n_claims:
            index = self.reindex()  # rebuilt from the store whenever it is missing or out of date
        hits = index.search(shared().encode([query]), k)[0]
        articles = sorted({i.split("#", 1)[0] for i, _ in hits})
        by_id = {c["claim_id"]: c for c in self.claims(article_ids=articles, limit=10**9)} if hits else {}
        return [{**by_id[i], "similarity": round(score, 4)} for i, score in hits if i in by_id]

    def figures(self):
        """Every figure of every stored claim, as `linking.compare.Figure`s, with its claim's embedding."""
        from ..linking.compare import Figure
        from ..linking.embed import shared

        with Session(self.engine) as session:
            rows = session.execute(
                select(ClaimRow.article_id, ClaimRow.record_id, ClaimRow.text.label("claim_text"), ClaimRow.source_name,
                       ArticleRow.outlet, QuantityRow.text, QuantityRow.value, QuantityRow.low, QuantityRow.high,
                       QuantityRow.unit_normalized, QuantityRow.kind, QuantityRow.qualifier, QuantityRow.counted)
                .join(ArticleRow, ArticleRow.id == ClaimRow.article_id)
                .join(ClaimQuantityRow, ClaimQuantityRow.claim_id == ClaimRow.id)
                .join(QuantityRow, QuantityRow.id == ClaimQuantityRow.quantity_id)
                .order_by(ClaimRow.article_id, ClaimRow.start, QuantityRow.start)).all()
        figures = [Figure(f"{r.article_id}#{r.record_id}", r.article_id, r.outlet, r.source_name, r.claim_text, r.text,
                          r.value, r.low, r.high, r.unit_normalized, r.kind, r.qualifier, r.counted) for r in rows]
        texts = sorted({f.claim_text for f in figures})
        vectors = dict(zip(texts, shared().encode(texts)))
        matrix = np.stack([vectors[f.claim_text] for f in figures]) if figures else np.zeros((0, 0), np.float32)
        return figures, matrix

    def clusters(self, same_claim: float | None = None):
        """Clusters of figures that state the same thing across articles (see `linking.compare`)."""
        from ..linking.compare import SAME_CLAIM, cluster

        figures, matrix = self.figures()
        return cluster(figures, matrix, same_claim or SAME_CLAIM)

    def conflicts(self, same_claim: float | None = None):
        """Pairs of figures stating the same thing with different numbers."""
        return [pair for c in self.clusters(same_claim) for pair in c.conflicts]

    # ------------------------------------------------------------------------------------------------ fact-checks

    def import_factchecks(self, items, batch: int = 256):
        """Write fact-checks read by `factchecks.claimreview` (FactCheck records and Problems, mixed) and return an
        `ImportReport`. The same id again updates the stored fact-check (re-embedding it only if its text changed);
        each batch is one transaction."""
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
                    self._write_factchecks(pending, report)
                    pending = []
            else:
                report.failed.append((item.origin, item.message))
        if pending:
            self._write_factchecks(pending, report)
        return report

    def _write_factchecks(self, items, report) -> None:
        from ..linking.embed import shared

        now = datetime.now(timezone.utc)
        try:
            with Session(self.engine) as session, session.begin():
                ids = list(dict.fromkeys(f.id for f in items))
                existing = {r.id: r for r in session.scalars(select(FactCheckRow).where(FactCheckRow.id.in_(ids)))}
                stale = [f for f in items if f.id not in existing or existing[f.id].claim != f.claim
                         or existing[f.id].title != f.title]
                texts = [f.claim for f in stale] + [f.title or f.claim for f in stale]
                vectors = shared().encode(texts) if texts else np.zeros((0, 0), np.float32)
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
            raise StoreError(f"cannot write fact-checks to store {self._safe(self.url)}: {e}") from e

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

    def matcher(self):
        """A `factchecks.matching.Matcher` over the stored fact-checks, rebuilt only when they have changed."""
        from ..factchecks.matching import Matcher

        with Session(self.engine) as session:
            stamp = session.execute(select(func.count(), func.max(FactCheckRow.updated_at))
                                    .select_from(FactCheckRow)).one()
            cached = getattr(self, "_matcher", None)
            if cached is not None and cached[0] == tuple(stamp):
                return cached[1]
            rows = session.execute(select(FactCheckRow.id, FactCheckRow.claim, FactCheckRow.title,
                                          FactCheckRow.claim_vector, FactCheckRow.title_vector)
                                   .order_by(FactCheckRow.id)).all()
        dims = len(rows[0].claim_vector) // 4 if rows else 384

        def matrix(blobs):
            return np.frombuffer(b"".join(blobs), dtype=np.float32).reshape(len(blobs), dims) if blobs else None

        m = Matcher([r.id for r in rows], [r.claim for r in rows], [r.title for r in rows],
                    matrix([r.claim_vector for r in rows]), matrix([r.title_vector for r in rows]))
        self._matcher = (tuple(stamp), m)
        return m

    def match_many(self, texts: list[str], k: int = 5, figures: bool = True) -> list[list[dict[str, Any]]]:
        """For each text, its k best fact-checks: id, score, status (link / suggest / weak by the calibrated
        thresholds; conflict instead of link when both are about the same thing but their figures cannot both be
        true), verdict, rating, url, claim, publisher, and how the figures relate (`figures`: None, or relation
        agree / conflict with the pairs of figures compared; a suggestion keeps its status and shows the
        conflict there)."""
        from ..factchecks.matching import figure_relation, figures_of, status

        ranked = self.matcher().rank(texts, k=k)
        wanted = sorted({i for hits in ranked for i, _ in hits})
        with Session(self.engine) as session:
            rows = {}
            for n in range(0, len(wanted), 500):
                rows.update({r.id: r for r in session.scalars(
                    select(FactCheckRow).where(FactCheckRow.id.in_(wanted[n:n + 500])))})
            checks = {i: self._factcheck_dict(r) for i, r in rows.items()}
        nlp = None
        if figures and wanted:
            from ..nlp import shared as shared_nlp

            nlp = shared_nlp()
        checked_figures: dict[str, list] = {}  # a fact-check matched by several texts is read once
        out = []
        for query, hits in zip(texts, ranked):
            text_figures = figures_of(query, "claim", nlp) if nlp is not None else []
            matches = []
            for fid, score in hits:
                fc = checks.get(fid)
                if fc is None:  # deleted since the matcher was built
                    continue
                if text_figures and fid not in checked_figures:
                    checked_figures[fid] = figures_of(fc["claim"], "fact-check", nlp)
                relation = figure_relation(text_figures, checked_figures[fid]) if text_figures else None
                state = status(score)
                if relation and relation["relation"] == "conflict" and state == "link":
                    state = "conflict"  # the same claim with other figures: never linked as a confirmation
                matches.append({"fact_check_id": fid, "score": round(score, 4), "status": state,
                                "verdict": fc["verdict"], "rating": fc["rating"], "url": fc["url"],
                                "claim": fc["claim"], "publisher": fc["publisher"], "figures": relation})
            out.append(matches)
        return out

    def match(self, text: str, k: int = 5, figures: bool = True) -> list[dict[str, Any]]:
        """The k fact-checked claims that best match `text` (see `match_many`)."""
        return self.match_many([text], k, figures)[0]

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
                raise StoreError(f"no claim {claim_id!r} in store {self._safe(self.url)}")
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
