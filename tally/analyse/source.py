"""Claim records for the analyses, read from the claims database through tally.store."""
from __future__ import annotations

import logging
from pathlib import Path

from sqlalchemy.engine import make_url

from ..errors import InputError, StoreError

log = logging.getLogger(__name__)

# Filters taking one or several names; the store compares them case-insensitively.
LIST_FILTERS = ("item", "event", "actor", "speaker", "status", "lang", "outlet")
DATE_FILTERS = ("since", "until")
_CHUNK = 500


def load_records(db_url: str, copies: bool = True, **filters) -> list[dict]:
    """The current claims of the database at `db_url`, each with its document's fields.

    Filters: item, event, actor, speaker, status, lang, outlet (a name or a list of
    names), since and until (publication dates, YYYY[-MM[-DD]]). None is no filter.

        load_records("tally.db", item="drone", actor="Russia")
        -> [{"doc": "...", "value": 1400000, "item": "drone", ..., "published": "2025-01-10",
             "outlet": "TASS", "lang": "en", "url": "...", "title": "...", "sentence": "..."}, ...]
    """
    from ..store import ClaimFilter, DocFilter, find_claims, find_documents, normalise_url, open_store

    where = _claim_filter(ClaimFilter, filters)
    url = normalise_url(db_url)
    _require_existing(url, db_url)
    store = open_store(db_url)
    try:
        records = find_claims(store, where)
        if copies:
            # Only the near-duplicates of the selected claims' documents, a chunk at a time
            # (the database's limit on bound parameters).
            originals = sorted({r["document_id"] for r in records if r.get("document_id") is not None})
            documents = []
            for start in range(0, len(originals), _CHUNK):
                documents += find_documents(store, DocFilter(
                    lang=where.lang, outlet=where.outlet, since=where.since, until=where.until,
                    copies_of=tuple(originals[start:start + _CHUNK])))
            records += copied_claims(records, documents)
    finally:
        store.close()
    log.info("%d claims read from %s", len(records), db_url)
    return records


def _claim_filter(cls, filters: dict):
    arguments = {}
    for name, value in filters.items():
        if value is None or value == ():
            continue
        if name in LIST_FILTERS:
            arguments[name] = (value,) if isinstance(value, str) else tuple(value)
        elif name in DATE_FILTERS:
            arguments[name] = value
        else:
            known = ", ".join(LIST_FILTERS + DATE_FILTERS)
            raise InputError(f"filter '{name}' is not known: use one of {known}")
    return cls(**arguments)


def _require_existing(url: str, given: str) -> None:
    """An analysis never creates a database: a missing SQLite file is an error."""
    if not url.startswith("sqlite"):
        return
    database = make_url(url).database
    if database and database != ":memory:" and not Path(database).is_file():
        raise StoreError(f"{given}: no such database; build one with `tally ingest PATHS --db {given}`")


def copied_claims(records: list[dict], documents: list[dict]) -> list[dict]:
    """The claims of each original, restated under each near-duplicate document in `documents`."""
    by_document: dict = {}
    for record in records:
        by_document.setdefault(record.get("document_id"), []).append(record)
    copies = []
    for document in documents:
        original = by_document.get(document.get("duplicate_of"))
        if not original:
            continue
        for record in original:
            copy = dict(record, doc=document["key"], document_id=document["id"],
                        published=document.get("published"), outlet=document.get("outlet"),
                        lang=document.get("lang"), url=document.get("url"),
                        title=document.get("title"), copied_from=record.get("doc"))
            copies.append(copy)
    return copies
