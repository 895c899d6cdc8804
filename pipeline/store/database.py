"""Opening a store: the engine, SQLite's settings and locks, read-only files, and the schema (Alembic)."""
from __future__ import annotations

import os
import re
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator
from urllib.parse import quote

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError

DEFAULT_URL = "sqlite:///.newsclaims/claims.db"
MIGRATIONS = Path(__file__).parent / "migrations"


class StoreError(Exception):
    """The store cannot be opened, upgraded or written; the message names the store and the problem."""


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


def safe_url(url: str) -> str:
    """`url` with any password hidden, for messages."""
    return re.sub(r"//([^:/@]+):[^@]+@", r"//\1:***@", url)


def connect(url: str) -> tuple[Engine, bool]:
    """An engine for the store at `url` (a SQLite file's directory is created), and whether it is opened read-only;
    a damaged SQLite file is refused."""
    try:
        if url.startswith("sqlite:///") and url != "sqlite:///:memory:" and not url.startswith("sqlite:///file:"):
            Path(url[len("sqlite:///"):]).parent.mkdir(parents=True, exist_ok=True)
        opened_url = sqlite_read_only_url(url)
        engine = create_engine(opened_url, connect_args={"timeout": SQLITE_BUSY_SECONDS} if url.startswith("sqlite") else {})
        if engine.dialect.name == "sqlite":
            _sqlite_pragmas(engine)
            with engine.connect() as connection:
                damaged = sqlite_damage(connection)
            if damaged:
                raise StoreError(f"store {safe_url(url)} is damaged (SQLite quick_check: {damaged}); "
                                 "restore it from a backup or extract into a new store")
        else:
            engine.connect().close()
    except SQLAlchemyError as e:
        raise StoreError(f"cannot open store {safe_url(url)}: {database_message(e)}") from e
    except (ImportError, ValueError, OSError) as e:
        raise StoreError(f"cannot open store {safe_url(url)}: {e}") from e
    return engine, opened_url != url


def schema_version(engine: Engine) -> str | None:
    """The store's schema revision, or None for an empty database."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade_schema(engine: Engine, url: str, read_only: bool) -> str:
    """Create the schema or bring it to this newsclaims' version; refuse a store made by a newer one, and one opened
    read-only that would need an upgrade."""
    from alembic import command

    try:
        current = schema_version(engine)
        if current is not None and current not in known_revisions():
            raise StoreError(f"store {safe_url(url)} has schema version {current}, made by a newer "
                             f"newsclaims; this one knows up to {head_revision()}. Upgrade newsclaims.")
        if read_only:
            if current != head_revision():
                raise StoreError(f"store {safe_url(url)} is read-only here and its schema ({current}) "
                                 f"needs an upgrade to {head_revision()}; open it where it can be written")
            return current
        with schema_lock(engine), engine.begin() as conn:
            if engine.dialect.name == "postgresql":  # held until this transaction ends
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": SCHEMA_LOCK_KEY})
            command.upgrade(alembic_config(conn), "head")
    except StoreError:
        raise
    except (SQLAlchemyError, OSError) as e:
        raise StoreError(f"cannot create or upgrade store {safe_url(url)}: {e}") from e
    return head_revision()
