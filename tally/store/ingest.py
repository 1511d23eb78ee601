"""Documents -> stored documents and claims, in committed batches.

    result = ingest(read_paths(paths, report), store, extractor, report)

Each batch is one transaction: a killed process loses only the batch in flight,
and the next run skips what is already stored (by content hash).
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime, timezone

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from ..errors import TallyError
from ..models import Claim, Document
from ..outlets import load_outlets, match_outlet
from ..report import Report
from . import dedupe
from .entities import record_entities
from .schema import IngestRun, Outlet, StoredClaim, StoredDocument
from .engine import Store

log = logging.getLogger(__name__)


@dataclass
class IngestSettings:
    """Batch size (documents a transaction) and the near-duplicate threshold."""

    batch_size: int = 20
    near_duplicate_threshold: float = dedupe.THRESHOLD
    extractor_version: str | None = None  # None: tally.extract.EXTRACTOR_VERSION


@dataclass
class IngestResult:
    """Counts of one run, as stored in ingest_runs."""

    run_id: int
    new: int = 0
    duplicate: int = 0
    near_duplicate: int = 0
    failed: int = 0
    claims: int = 0

    def summary(self) -> str:
        return (f"{self.new} new, {self.duplicate} duplicate, {self.near_duplicate} "
                f"near-duplicate, {self.failed} failed; {self.claims} claims stored")


@dataclass
class _Pending:
    """A document read and extracted, waiting for its batch to commit."""

    document: Document
    hash: str
    signature: object
    claims: list[Claim] | None = None  # None: failed or not extracted
    failed: bool = False


# Called with the counts so far and how many more documents were handled (for a bar).
Progress = Callable[[IngestResult, int], None]


def now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def ingest(documents: Iterable[Document], store: Store, extractor, report: Report,
           settings: IngestSettings | None = None, paths: Iterable[str] = (),
           on_progress: Progress | None = None) -> IngestResult:
    """Store new documents with their claims; count duplicates and failures.

    Exact duplicates (same content hash) add nothing; near-duplicates are stored
    linked to their original (duplicate_of) with no claims of their own.
    Raises StoreError when the database fails; committed batches stay.
    """
    from ..extract import EXTRACTOR_VERSION

    settings = settings or IngestSettings()
    version = settings.extractor_version or EXTRACTOR_VERSION
    sync_outlets(store)
    result = IngestResult(run_id=start_run(store, "ingest", list(paths), version))
    index = dedupe.NearDuplicates(settings.near_duplicate_threshold)
    failures_before = len(report.failures)
    try:
        for batch in _batches(documents, settings.batch_size):
            pending = _prepare(batch, store, index, extractor, report, result, on_progress)
            _commit(pending, store, index, result, report, failures_before, version)
            if on_progress:
                on_progress(result, 0)
    except BaseException:
        _finish_run(store, result, report, failures_before, "failed", quiet=True)
        raise
    _finish_run(store, result, report, failures_before, "done")
    return result


def _batches(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for document in documents:
        batch.append(document)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _prepare(batch, store, index, extractor, report, result, on_progress) -> list[_Pending]:
    """Hash, sign and extract the batch outside any write lock (extraction is the slow part)."""
    hashes = {dedupe.content_hash(d.text) for d in batch}
    with store.read() as session:
        known = set(session.scalars(
            select(StoredDocument.content_hash).where(StoredDocument.content_hash.in_(hashes))))
        _refresh_index(session, index)
    pending, seen = [], set()
    for document in batch:
        digest = dedupe.content_hash(document.text)
        if digest in known or digest in seen:
            result.duplicate += 1
        else:
            seen.add(digest)
            # Store the language the extractor works in (detected when the source gave none).
            document = replace(document, lang=extractor.language(document))
            item = _Pending(document, digest, dedupe.minhash(document.text))
            if index.original(item.signature) is None:
                item.claims = extract_claims(document, extractor, report)
                item.failed = item.claims is None
            pending.append(item)
        if on_progress:
            on_progress(result, 1)
    return pending


def extract_claims(document: Document, extractor, report: Report) -> list[Claim] | None:
    """The claims of one document, or None (failure reported) when extraction fails."""
    try:
        return extractor.extract(document, report)
    except (TallyError, ValueError, RuntimeError) as error:
        report.fail(document.source or document.id, f"extraction failed: {error}")
    except Exception as error:  # noqa: BLE001 - a bug in one stage must not stop the batch
        log.exception("extraction of %s failed", document.source or document.id)
        report.fail(document.source or document.id,
                    f"extraction failed ({type(error).__name__}: {error}); run with -v for details")
    return None


def _refresh_index(session: Session, index: dedupe.NearDuplicates) -> None:
    """Add documents stored since the last look (by this or another process) to the index."""
    rows = session.execute(
        select(StoredDocument.id, StoredDocument.minhash)
        .where(StoredDocument.id > index.last_id, StoredDocument.minhash.is_not(None))
        .order_by(StoredDocument.id))
    for doc_id, data in rows:
        index.add(doc_id, dedupe.from_bytes(data))


def _commit(pending, store, index, result, report, failures_before, version) -> None:
    """Write one batch in one transaction; on failure nothing of it stays."""
    counts = IngestResult(run_id=result.run_id)
    added: list[tuple[int, object]] = []
    with store.write() as session:
        _refresh_index(session, index)
        outlets = _outlet_ids(session)
        for item in pending:
            if item.failed:
                continue  # counted from the report
            doc_id, near = _insert_document(session, item, index, outlets, result.run_id, version)
            if doc_id is None:
                counts.duplicate += 1
            elif near:
                counts.near_duplicate += 1
            else:
                counts.new += 1
                counts.claims += insert_claims(session, doc_id, item.claims, version)
                record_entities(session, item.claims)
            if doc_id is not None:
                added.append((doc_id, item.signature))
        totals = replace(result)
        for name in ("new", "duplicate", "near_duplicate", "claims"):
            setattr(totals, name, getattr(result, name) + getattr(counts, name))
        update_run(session, totals, report, failures_before)
    # Committed: only now do the counts and the index include the batch.
    for name in ("new", "duplicate", "near_duplicate", "claims", "failed"):
        setattr(result, name, getattr(totals, name))
    for doc_id, signature in added:
        index.add(doc_id, signature)


def _insert_document(session, item: _Pending, index, outlets, run_id, version):
    """(new id or None when the hash is already stored, whether it is a near-duplicate)."""
    document = item.document
    if session.scalar(select(StoredDocument.id).where(StoredDocument.content_hash == item.hash)):
        return None, False  # another process stored it while this one was extracting
    near = index.original(item.signature)
    outlet = match_outlet(document.url, document.outlet, load_outlets())
    values = dict(
        key=document.id, url=document.url, title=document.title, outlet=document.outlet,
        outlet_id=outlets.get(outlet.name) if outlet else None, published=document.published,
        lang=document.lang, text=document.text, content_hash=item.hash,
        minhash=dedupe.to_bytes(item.signature), source=document.source, ingested_at=now(),
        run_id=run_id, duplicate_of=near[0] if near else None,
        similarity=round(near[1], 3) if near else None,
        extractor_version=None if near else version,
    )
    doc_id = session.execute(_insert_new(session, values)).scalar()
    if doc_id is None:
        return None, False  # stored by a concurrent ingest between the check and the insert
    if near is None:
        # Later documents of the same batch can be near-duplicates of this one.
        index.add(doc_id, item.signature)
    return doc_id, near is not None


def _insert_new(session: Session, values: dict):
    """INSERT of a document that does nothing when its content hash is already stored."""
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    else:
        from sqlalchemy.dialects.sqlite import insert as dialect_insert
    return (dialect_insert(StoredDocument).values(**values)
            .on_conflict_do_nothing(index_elements=["content_hash"])
            .returning(StoredDocument.id))


def insert_claims(session, doc_id: int, claims: list[Claim], version: str) -> int:
    """Insert the claims of stored document `doc_id` as current; returns how many."""
    if not claims:
        return 0
    stamp = now()
    rows = [claim_row(claim, doc_id, version, stamp) for claim in claims]
    session.execute(insert(StoredClaim), rows)
    return len(rows)


def claim_row(claim: Claim, doc_id: int, version: str, stamp: datetime) -> dict:
    """The claims-table row of a Claim."""
    record = claim.to_record()
    record.update(document_id=doc_id, end_offset=claim.offset + len(claim.quote),
                  value=float(claim.value), extractor_version=version, is_current=True,
                  extracted_at=stamp)
    return record


def _outlet_ids(session: Session) -> dict[str, int]:
    return dict(session.execute(select(Outlet.name, Outlet.id)).all())


def sync_outlets(store: Store) -> None:
    """Insert or update the outlets of tally/data/outlets.yaml in the database."""
    outlets = load_outlets()
    with store.write() as session:
        stored = {o.name: o for o in session.scalars(select(Outlet))}
        for info in outlets:
            values = dict(domains=" ".join(info.domains), aliases="|".join(info.aliases),
                          country=info.country, country_source=info.country_source,
                          ownership=info.ownership, ownership_source=info.ownership_source,
                          owner=info.owner)
            row = stored.get(info.name)
            if row is None:
                session.add(Outlet(name=info.name, **values))
            elif any(getattr(row, k) != v for k, v in values.items()):
                for key, value in values.items():
                    setattr(row, key, value)


def start_run(store: Store, command: str, paths: list[str], version: str) -> int:
    """A new ingest_runs row, committed at once so a killed run still shows."""
    with store.write() as session:
        run = IngestRun(command=command, paths="\n".join(paths), extractor_version=version,
                        started_at=now(), status="running", new=0, duplicate=0,
                        near_duplicate=0, failed=0, claims=0)
        session.add(run)
        session.flush()
        return run.id


def update_run(session, result: IngestResult, report: Report, failures_before: int) -> None:
    """Write the run's counts and failures so far (in the caller's transaction)."""
    failures = report.failures[failures_before:]
    # Every failure (unreadable file, broken feed, bad line, extraction) is one report entry.
    result.failed = len(failures)
    session.execute(update(IngestRun).where(IngestRun.id == result.run_id).values(
        new=result.new, duplicate=result.duplicate, near_duplicate=result.near_duplicate,
        failed=result.failed, claims=result.claims,
        failures="\n".join(f"{where}: {message}" for where, message in failures) or None))


def _finish_run(store, result, report, failures_before, status, quiet=False) -> None:
    result.failed = len(report.failures) - failures_before
    try:
        with store.write() as session:
            update_run(session, result, report, failures_before)
            run = session.get(IngestRun, result.run_id)
            run.status, run.finished_at = status, now()
            run.seconds = round((run.finished_at - run.started_at).total_seconds(), 3)
    except TallyError:
        if not quiet:
            raise
        # The database is what failed: the error being raised already says so.
        log.warning("could not mark run %s as %s", result.run_id, status)


def runs(store: Store, limit: int = 20) -> list[dict]:
    """The latest ingest runs, newest first."""
    with store.read() as session:
        rows = session.scalars(select(IngestRun).order_by(IngestRun.id.desc()).limit(limit))
        return [{c.name: getattr(r, c.name) for c in IngestRun.__table__.columns} for r in rows]
