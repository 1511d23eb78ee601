"""`tally serve`: Datasette over a claims database, read-only, with tally's pages.

    serve("tally.db", host="127.0.0.1", port=8001)       # blocks until Ctrl-C
    app = make_datasette(Path("tally.db"), Path(tmp))    # the ASGI app, for tests

This package is itself the Datasette plugin (hooks in plugin.py, templates/ and static/
beside it), registered by make_datasette, so a plain `datasette` run does not load it.
"""
from __future__ import annotations

import logging
import sys
import tempfile
from pathlib import Path

from ..datasette_meta import metadata
from ..errors import StoreError
from ..store import describe_url
from .plugin import (  # noqa: F401  (the hooks pluggy finds on this module)
    PLUGIN, extra_css_urls, menu_links, register_routes, render_cell, table_actions,
)
from .search import FTS_TABLE, check_database, has_fts, searchable_copy

log = logging.getLogger(__name__)

CLAIM_FACETS = ["item", "event", "actor", "speaker", "status", "outlet", "lang"]
SETTINGS = {"default_page_size": 50, "facet_time_limit_ms": 500, "allow_download": False,
            "suggest_facets": False}


def serve_metadata(database: str) -> dict:
    """tally's Datasette metadata, with the claims' facets and full-text search."""
    meta = metadata(database)
    tables = meta["databases"][database]["tables"]
    tables["claims_view"].update(facets=CLAIM_FACETS, fts_table=FTS_TABLE, fts_pk="claim_id")
    tables["claims"]["facets"] = ["item", "event", "actor", "speaker", "status"]
    meta["plugins"] = {PLUGIN: {"database": database}}
    return meta


def register_plugin() -> None:
    """Register this package's hooks with Datasette once per process."""
    from datasette.plugins import pm

    if pm.get_plugin(PLUGIN) is None:
        pm.register(sys.modules[__name__], name=PLUGIN)


def database_path(db: str | Path) -> Path:
    """The SQLite file `db` names: a path or an sqlite:/// URL.

    database_path("sqlite:///data/tally.db") -> Path("data/tally.db")
    Raises StoreError for a server URL: Datasette reads SQLite files only.
    """
    text = str(db)
    if text.startswith("sqlite:///"):
        return Path(text[len("sqlite:///"):])
    if "://" in text:
        raise StoreError(f"{describe_url(text)}: tally serve browses SQLite files only; copy the "
                         "claims into one with `tally export` and `tally ingest`, or give a .db file")
    return Path(text).expanduser()


def make_datasette(db_path: str | Path, workdir: Path):
    """A Datasette over `db_path` opened immutable (never written), with the tally plugin.

    When the database has no full-text index, a searchable copy is made in `workdir`
    and served instead. Raises StoreError when `db_path` is not a tally database.
    """
    from datasette.app import Datasette

    db_path = database_path(db_path).resolve()
    check_database(db_path)
    served = db_path if has_fts(db_path) else searchable_copy(db_path, Path(workdir))
    register_plugin()
    name = served.stem
    return Datasette(immutables=[str(served)], metadata=serve_metadata(name),
                     settings=SETTINGS, cors=False)


def serve(db_path: str | Path, host: str = "127.0.0.1", port: int = 8001) -> None:
    """Serve the database at `db_path` on http://host:port until interrupted."""
    import uvicorn

    with tempfile.TemporaryDirectory(prefix="tally-serve-") as workdir:
        datasette = make_datasette(db_path, Path(workdir))
        log.info("serving %s on http://%s:%d/", db_path, host, port)
        uvicorn.run(datasette.app(), host=host, port=port, log_level="warning", lifespan="on")
