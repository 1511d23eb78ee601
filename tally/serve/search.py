"""Full-text search over claim sentences: an FTS5 index beside the claims table.

The store does not build one, and `tally serve` never writes to the user's database:
when the index is missing, the database is copied (SQLite backup API, a consistent
snapshot even while an ingest writes) into a temporary folder and indexed there.
"""
from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from ..errors import StoreError

log = logging.getLogger(__name__)

FTS_TABLE = "claims_fts"
# unicode61 with diacritics removed: "equipe" finds "équipe" in French sentences.
CREATE_FTS = (
    f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(sentence, quote, content='claims', "
    "content_rowid='id', tokenize='unicode61 remove_diacritics 2')"
)


def _connect_read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def has_fts(path: Path) -> bool:
    """Whether the database at `path` already has the claims' FTS table."""
    with _connect_read_only(path) as conn:
        found = conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (FTS_TABLE,)).fetchone()
    return found is not None


def check_database(path: Path) -> None:
    """Raise StoreError unless `path` is an SQLite file with tally's claims table."""
    if not path.is_file():
        raise StoreError(f"{path}: no such database; build one with `tally ingest PATHS --db {path}`")
    try:
        with _connect_read_only(path) as conn:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    except sqlite3.DatabaseError as error:
        raise StoreError(f"{path}: not an SQLite database ({error})") from error
    if not {"claims", "documents", "claims_view"} <= tables:
        raise StoreError(f"{path}: not a tally database (no claims table); "
                         f"build one with `tally ingest PATHS --db {path}`")


def searchable_copy(path: Path, folder: Path) -> Path:
    """A copy of the database at `path` in `folder`, with the FTS index of claim sentences."""
    copy = folder / path.name
    source = _connect_read_only(path)
    target = sqlite3.connect(copy)
    try:
        source.backup(target)
        target.execute(CREATE_FTS)
        target.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")
        target.commit()
        # Served immutable: one file, no WAL beside it.
        target.execute("PRAGMA journal_mode = DELETE")
    except sqlite3.DatabaseError as error:
        raise StoreError(f"{path}: cannot index the claims for search ({error})") from error
    finally:
        source.close()
        target.close()
    log.info("serving a searchable copy of %s from %s", path, copy)
    return copy
