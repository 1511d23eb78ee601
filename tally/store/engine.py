"""Open a claims database: URL rules, engine setup (SQLite WAL or PostgreSQL), migrations.

    store = open_store("tally.db")                      # an SQLite file, created if needed
    store = open_store("postgresql://user@host/tally")  # PostgreSQL through psycopg 3
"""
from __future__ import annotations

import logging
import os
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.orm import Session

from ..errors import StoreError

log = logging.getLogger(__name__)

DEFAULT_DB = "tally.db"
MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"
# Any number that is the same in every process: serialises migrations on PostgreSQL.
_PG_MIGRATION_LOCK = 72_611_979


@dataclass
class StoreSettings:
    """How to open the database: lock wait, and extra SQLite pragmas (e.g. max_page_count)."""

    busy_timeout: float = 30.0  # seconds to wait for another writer before giving up
    pragmas: dict = field(default_factory=dict)
    connect_timeout: int = 5  # seconds to reach a PostgreSQL server


@dataclass
class Store:
    """An open database: its engine, and the URL to name it in messages."""

    engine: Engine
    url: str
    settings: StoreSettings

    @property
    def name(self) -> str:
        return describe_url(self.url)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def read(self):
        """A Session for reading; faults become StoreError."""
        with self.guard("read"), Session(self.engine) as session:
            yield session

    @contextmanager
    def write(self):
        """A Session in one transaction, committed at the end (SQLite: BEGIN IMMEDIATE)."""
        with self.guard("write"):
            with self.engine.connect().execution_options(tally_write=True) as conn:
                with Session(bind=conn) as session, session.begin():
                    yield session

    @contextmanager
    def guard(self, action: str):
        """Turn a database fault into a StoreError that names the database and the problem."""
        try:
            yield
        except SQLAlchemyError as error:
            raise store_error(error, self, action) from error

    def close(self) -> None:
        self.engine.dispose()


def normalise_url(db: str | None) -> str:
    """An SQLAlchemy URL for what the user typed: a path, sqlite:/// or postgresql:// URL.

    >>> normalise_url("postgresql://me@localhost/tally")
    'postgresql+psycopg://me@localhost/tally'
    """
    db = db or DEFAULT_DB
    if re.match(r"^postgres(ql)?://", db):
        return "postgresql+psycopg://" + db.split("://", 1)[1]
    if "://" in db:
        return db
    return "sqlite:///" + str(Path(db).expanduser().resolve())


def describe_url(url: str) -> str:
    """The URL without its password, or the file path for SQLite."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return url
    if parsed.get_backend_name() == "sqlite":
        return parsed.database or ":memory:"
    return parsed.render_as_string(hide_password=True)


def open_store(db: str | None = None, settings: StoreSettings | None = None,
               migrate: bool = True, create: bool = True) -> Store:
    """The Store at `db` (path or URL), created and migrated to the latest schema.

    With create=False a missing SQLite file is an error instead of a new database.

    Raises StoreError when it cannot be opened (unreachable server, read-only or
    locked file, bad URL).
    """
    settings = settings or StoreSettings()
    url = normalise_url(db)
    try:
        engine = _engine(url, settings)
    except (ArgumentError, ImportError) as error:
        raise StoreError(f"{db}: not a database path or URL ({error}); "
                         "give a file path or postgresql://user@host/dbname") from error
    store = Store(engine, url, settings)
    if store.is_sqlite:
        _check_sqlite_path(store, create)
    if migrate:
        with store.guard("open"):
            upgrade(store)
    return store


def _engine(url: str, settings: StoreSettings) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": settings.busy_timeout})
        _sqlite_events(engine, settings)
        return engine
    connect_args = {"connect_timeout": settings.connect_timeout} if "psycopg" in url else {}
    return create_engine(url, connect_args=connect_args, pool_pre_ping=True)


def _sqlite_events(engine: Engine, settings: StoreSettings) -> None:
    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record):
        # Transactions are ours (BEGIN below), not the sqlite3 module's implicit ones.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {int(settings.busy_timeout * 1000)}")
        cursor.execute("PRAGMA foreign_keys = ON")
        if str(cursor.execute("PRAGMA journal_mode").fetchone()[0]).lower() != "wal":
            # WAL lets readers (Datasette) work while an ingest writes.
            cursor.execute("PRAGMA journal_mode = WAL")
        for name, value in settings.pragmas.items():
            cursor.execute(f"PRAGMA {name} = {int(value)}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn):
        # A writer takes the lock up front, so two ingest processes queue instead of
        # failing half-way with "database is locked" on a read->write upgrade.
        immediate = conn.get_execution_options().get("tally_write")
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _check_sqlite_path(store: Store, create: bool) -> None:
    path = Path(make_url(store.url).database or "")
    if str(path) in ("", ":memory:"):
        return
    if path.is_dir():
        raise StoreError(f"{path}: is a directory, not a database file; give a file name")
    if not create and not path.exists():
        raise StoreError(f"{path}: no database here yet; `tally ingest PATH --db {path}` "
                         "creates it (or give --db)")
    if not path.parent.exists():
        raise StoreError(f"{path}: the folder {path.parent} does not exist")


def upgrade(store: Store) -> None:
    """Run the Alembic migrations up to the latest revision, once for concurrent openers."""
    from alembic import command
    from alembic.config import Config
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    head = ScriptDirectory.from_config(config).get_current_head()
    with store.engine.connect() as conn:
        if MigrationContext.configure(conn).get_current_revision() == head:
            return  # up to date: no write lock, so a read-only copy still opens
    with store.engine.connect().execution_options(tally_write=True) as conn:
        with conn.begin():
            if not store.is_sqlite:
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"),
                             {"key": _PG_MIGRATION_LOCK})
            config.attributes["connection"] = conn
            command.upgrade(config, "head")


def _read_only(store: Store) -> bool:
    """Whether the SQLite file (or its folder, where WAL keeps its side files) is read-only."""
    if not store.is_sqlite:
        return False
    path = Path(make_url(store.url).database or "")
    if not path.exists():
        return False
    return not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK)


def store_error(error: SQLAlchemyError, store: Store, action: str) -> StoreError:
    """A StoreError naming the database, what went wrong and what to try."""
    name = store.name
    detail = str(getattr(error, "orig", None) or error).strip().splitlines()[0]
    low = detail.lower()
    if "locked" in low or "busy" in low:
        return StoreError(
            f"{name}: the database is locked by another process (waited "
            f"{store.settings.busy_timeout:g}s to {action}); try again when it has finished")
    if "readonly" in low or "read-only" in low or "read only" in low or _read_only(store):
        return StoreError(f"{name}: the database is read-only, cannot {action} it; "
                          "check the file's permissions or the disk it is on")
    if "disk is full" in low or "database or disk is full" in low or "no space" in low:
        return StoreError(f"{name}: the disk is full ({detail}); the last batch was rolled "
                          "back, what was committed before is kept; free space and run again")
    if "unable to open" in low:
        return StoreError(f"{name}: cannot open the database file ({detail})")
    if "not a database" in low or "malformed" in low:
        return StoreError(f"{name}: this file is not a tally database or is damaged ({detail})")
    unreachable = ("connection", "could not", "timeout", "refused", "does not exist")
    if not store.is_sqlite and (getattr(error, "connection_invalidated", False)
                                or any(word in low for word in unreachable)):
        return StoreError(f"{name}: cannot reach the PostgreSQL server ({detail}); "
                          "is it running, and are host, port and credentials right?")
    return StoreError(f"{name}: database error while trying to {action}: {detail}")
