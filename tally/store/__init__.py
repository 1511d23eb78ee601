"""The claims database: documents, claims, outlets, entities and ingest runs.

    store = open_store("tally.db")           # or "postgresql://user@host/tally"
    ingest(read_paths(["examples/"], report), store, Extractor(), report)
    rows = find_claims(store, ClaimFilter(actor=("Russia",), status=("reported",)))

This package is the only part of tally that speaks SQL.
"""
from .engine import DEFAULT_DB, Store, StoreSettings, describe_url, normalise_url, open_store
from .export import EXPORT_FORMATS, export_claims
from .ingest import IngestResult, IngestSettings, ingest, runs, sync_outlets
from .query import (
    CLAIM_COLUMNS, DOC_COLUMNS, ClaimFilter, DocFilter, counts, find_claims, find_documents,
    get_document, iter_claims,
)
from .reextract import reextract

__all__ = [
    "DEFAULT_DB", "Store", "StoreSettings", "open_store", "normalise_url", "describe_url",
    "EXPORT_FORMATS", "export_claims", "IngestResult", "IngestSettings", "ingest", "runs",
    "sync_outlets", "CLAIM_COLUMNS", "DOC_COLUMNS", "ClaimFilter", "DocFilter", "counts",
    "find_claims", "find_documents", "get_document", "iter_claims", "reextract",
]
