"""The served database read once, read-only: claim records and the analyses over them."""
from __future__ import annotations

import functools
import logging
import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import create_engine

from ..analyse import (
    Check, Contradiction, Group, find_contradictions, group_claims, run_checks, top_subjects,
)
from ..analyse.groups import group_key
from ..analyse.source import copied_claims
from ..store import DocFilter, Store, StoreSettings, find_claims, find_documents, get_document

log = logging.getLogger(__name__)


def claim_ref(record: dict) -> tuple:
    """(claim_id, document_id): a claim as stated in one document (near-duplicates restate
    their original's claims under their own document)."""
    return (record.get("claim_id"), record.get("document_id"))


@dataclass
class Corpus:
    """Every current claim record of the database, its documents, and the analyses."""

    records: list[dict]
    documents: list[dict]
    groups: list[Group]
    contradictions: list[Contradiction]
    checks: list[Check]
    subjects: list[dict]
    _group_of: dict = field(default_factory=dict, repr=False)
    _contradictions_of: dict = field(default_factory=dict, repr=False)
    _checks_of: dict = field(default_factory=dict, repr=False)
    _claims: dict = field(default_factory=dict, repr=False)

    def claim(self, claim_id: int) -> dict | None:
        """The record of a claim in its own document (not a near-duplicate's copy)."""
        return self._claims.get(claim_id)

    def document(self, document_id: int) -> dict | None:
        return next((d for d in self.documents if d["id"] == document_id), None)

    def group_of(self, record: dict) -> Group | None:
        """The group of claims giving the same figure as `record`, in every document."""
        return self._group_of.get(claim_ref(record))

    def contradictions_of(self, record: dict) -> list[Contradiction]:
        return self._contradictions_of.get(record.get("claim_id"), [])

    def checks_of(self, record: dict) -> list[Check]:
        return self._checks_of.get(record.get("claim_id"), [])

    def claims_per_outlet(self) -> Counter:
        return Counter(r.get("outlet") for r in self.records if r.get("outlet"))


def read_only_store(db_path: str | Path) -> Store:
    """A Store over the SQLite file opened read-only (nothing is migrated or written)."""
    uri = f"file:{Path(db_path).resolve()}?mode=ro"
    engine = create_engine("sqlite://", creator=lambda: sqlite3.connect(
        uri, uri=True, check_same_thread=False))
    return Store(engine, uri, StoreSettings())


def load_corpus(db_path: str | Path) -> Corpus:
    """The corpus of the database at `db_path`, cached while the file is unchanged."""
    path = Path(db_path).resolve()
    stat = path.stat()
    return _load(str(path), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=4)
def _load(path: str, _mtime: int, _size: int) -> Corpus:
    store = read_only_store(path)
    try:
        records = find_claims(store)
        documents = find_documents(store, DocFilter())
    finally:
        store.close()
    records += copied_claims(records, documents)
    return build_corpus(records, documents)


def load_document(db_path: str | Path, document_id: int) -> tuple[dict, list[dict]]:
    """(the document with its text, its current claims)."""
    store = read_only_store(db_path)
    try:
        return get_document(store, str(document_id))
    finally:
        store.close()


def build_corpus(records: list[dict], documents: list[dict]) -> Corpus:
    """Run the analyses over `records` and index them by claim."""
    groups = group_claims(records)
    contradictions = find_contradictions(records, groups=groups)
    checks = run_checks(records)
    subjects = top_subjects(records, limit=500, min_points=1)
    corpus = Corpus(records, documents, groups, contradictions, checks, subjects)
    _index(corpus)
    log.info("%d claims, %d groups, %d contradictions, %d checks", len(records), len(groups),
             len(contradictions), len(checks))
    return corpus


def _index(corpus: Corpus) -> None:
    for record in corpus.records:
        if not record.get("copied_from") or record.get("claim_id") not in corpus._claims:
            corpus._claims[record.get("claim_id")] = record
    by_key: dict[tuple, list[Group]] = {}
    for group in corpus.groups:
        by_key.setdefault(group.key, []).append(group)
        for claim in group.claims:
            corpus._group_of[claim_ref(claim)] = group
    # A figure repeated inside one document is not among its group's claims (one per
    # document): it joins the group of the same key whose value it shares.
    for record in corpus.records:
        if claim_ref(record) in corpus._group_of or record.get("value") is None:
            continue
        for group in by_key.get(group_key(record), []):
            if any(float(c["value"]) == float(record["value"]) for c in group.claims):
                corpus._group_of[claim_ref(record)] = group
                break
    for contradiction in corpus.contradictions:
        sides = [contradiction.first, contradiction.second]
        members = {c.get("claim_id") for side in sides
                   for c in (corpus.group_of(side).claims if corpus.group_of(side) else [side])}
        for claim_id in members | {s.get("claim_id") for s in sides}:
            corpus._contradictions_of.setdefault(claim_id, []).append(contradiction)
    for check in corpus.checks:
        for claim in check.claims + check.also:
            bucket = corpus._checks_of.setdefault(claim.get("claim_id"), [])
            if check not in bucket:
                bucket.append(check)
