"""The claims store behind one small interface: `Store.open(url)`, `add`, `get`, `ids`, `len`.

SQLAlchemy, SQLite by default (`.newsclaims/claims.db`), any SQLAlchemy URL otherwise. It keeps each article's
record as the contract gives it; it knows nothing about spaCy. Adding an article that is already stored replaces
it in one transaction, so the same article twice is one article.
"""
from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable

from sqlalchemy import JSON, DateTime, String, Text, create_engine, event, func, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from .records import Result

DEFAULT_URL = "sqlite:///.newsclaims/claims.db"


class StoreError(Exception):
    """The store cannot be opened or written; the message says which store and why."""


class Base(DeclarativeBase):
    pass


class ArticleRow(Base):
    __tablename__ = "articles"

    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    url: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text)
    pipeline_version: Mapped[str] = mapped_column(String(32))
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    record: Mapped[dict] = mapped_column(JSON)


def _sqlite_pragmas(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):  # noqa: ANN001
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.close()


class Store:
    """Articles and everything extracted from them, in a SQL database."""

    def __init__(self, engine: Engine, url: str):
        self.engine = engine
        self.url = url

    @classmethod
    def open(cls, url: str | None = None) -> "Store":
        """Open (creating where needed) the store at `url`; default `.newsclaims/claims.db`."""
        url = url or DEFAULT_URL
        try:
            if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
                Path(url[len("sqlite:///"):]).parent.mkdir(parents=True, exist_ok=True)
            engine = create_engine(url)
            if engine.dialect.name == "sqlite":
                _sqlite_pragmas(engine)
            Base.metadata.create_all(engine)
        except (SQLAlchemyError, ImportError, ValueError, OSError) as e:
            raise StoreError(f"cannot open store {url}: {e}") from e
        return cls(engine, url)

    def add(self, results: Iterable[Result], pipeline_version: str | None = None) -> int:
        """Store results (replacing articles with the same id) in one transaction; returns how many."""
        from . import __version__

        now = datetime.now(timezone.utc)
        n = 0
        try:
            with Session(self.engine) as session, session.begin():
                for result in results:
                    a = result.article
                    session.merge(ArticleRow(
                        id=a.id, url=a.url, outlet=a.outlet, title=a.title, published=a.published, text=result.text,
                        pipeline_version=pipeline_version or __version__, ingested_at=now, record=result.to_dict(),
                    ))
                    n += 1
        except SQLAlchemyError as e:
            raise StoreError(f"cannot write to store {self.url}: {e}") from e
        return n

    def get(self, article_id: str) -> Result | None:
        with Session(self.engine) as session:
            row = session.get(ArticleRow, article_id)
            return Result.from_dict(row.record if isinstance(row.record, dict) else json.loads(row.record)) if row else None

    def ids(self) -> list[str]:
        with Session(self.engine) as session:
            return list(session.scalars(select(ArticleRow.id).order_by(ArticleRow.id)))

    def __len__(self) -> int:
        with Session(self.engine) as session:
            return session.scalar(select(func.count()).select_from(ArticleRow)) or 0

    def close(self) -> None:
        self.engine.dispose()
