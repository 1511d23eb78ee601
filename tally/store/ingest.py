"""Documents -> stored documents and claims, in committed batches.

    result = ingest(read_paths(paths, report), store, extractor, report)

Each batch is one transaction: a killed process loses only the batch in flight,
and the next run skips what is already stored (by content hash). Batches stream:
documents are read, deduplicated, extracted and committed a batch at a time, so
memory does not grow with the corpus. Extraction goes through `extract_batches`,
which tally.pipeline points at a Dask cluster (results come back in batch order).
"""
from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime, timezone

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..errors import StoreError, TallyError
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
    # Near-duplicates are looked for among this many latest stored documents (None: all).
    # Each costs ~4 KB of index in memory; wire copies and re-edits of a story come
    # within days of it, so a window keeps memory flat on an archive of any size.
    near_duplicate_window: int | None = 20_000
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
    to_extract: bool = False  # not a near-duplicate of a stored document when prepared


@dataclass
class Extracted:
    """The claims of a batch's documents, in order (None: failed), and what its report got."""

    claims: list[list[Claim] | None]
    failures: list[tuple[str, str]]
    warnings: list[tuple[str, str]]


# Called with the counts so far and how many more documents were handled (for a bar).
Progress = Callable[[IngestResult, int], None]
# Document batches in, their Extracted out, in the same order (serial or on a cluster).
BatchExtractor = Callable[[Iterable[list[Document]]], Iterator[Extracted]]


def now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def ingest(documents: Iterable[Document], store: Store, extractor, report: Report,
           settings: IngestSettings | None = None, paths: Iterable[str] = (),
           on_progress: Progress | None = None,
           extract_batches: BatchExtractor | None = None) -> IngestResult:
    """Store new documents with their claims; count duplicates and failures.

    Exact duplicates (same content hash) add nothing; near-duplicates are stored
    linked to their original (duplicate_of) with no claims of their own.
    `extract_batches` extracts the batches (default: `extract_batch` with `extractor`,
    here); whatever runs it, what is stored is decided here, batch by batch, in order.
    Raises StoreError when the database fails; committed batches stay.
    """
    from ..extract import EXTRACTOR_VERSION

    settings = settings or IngestSettings()
    version = settings.extractor_version or EXTRACTOR_VERSION
    sync_outlets(store)
    result = IngestResult(run_id=start_run(store, "ingest", list(paths), version))
    index = WindowIndex(settings.near_duplicate_threshold, settings.near_duplicate_window)
    failures_before = len(report.failures)
    extract_batches = extract_batches or serial_extractor(extractor)
    try:
        # A generator: each batch is read and prepared only when the extractor asks for it.
        prepared = (_prepare(batch, store, index, extractor, report, result, on_progress)
                    for batch in read_batches(documents, settings.batch_size))
        for pending in _extract_in_order(prepared, extract_batches, report):
            _commit(pending, store, index, result, report, failures_before, version)
            if on_progress:
                on_progress(result, 0)
    except BaseException:
        _finish_run(store, result, report, failures_before, "failed", quiet=True)
        raise
    _finish_run(store, result, report, failures_before, "done")
    return result


# (run id, extractor version, document batches) in; each batch's counts and report out, in order.
BatchCommitter = Callable[[int, str, Iterable[list[Document]]], Iterator[tuple[IngestResult, Extracted]]]


def ingest_by_workers(documents: Iterable[Document], store: Store, report: Report,
                      commit_batches: BatchCommitter, settings: IngestSettings | None = None,
                      paths: Iterable[str] = (), on_progress: Progress | None = None
                      ) -> IngestResult:
    """Like `ingest`, but workers dedupe, extract and commit each batch themselves
    (straight to a PostgreSQL server); this process keeps the run's counts and failures.

    Documents that two workers have in flight at once can both be stored as originals
    where a serial run would link the second as a near-duplicate.
    """
    from ..extract import EXTRACTOR_VERSION

    settings = settings or IngestSettings()
    version = settings.extractor_version or EXTRACTOR_VERSION
    sync_outlets(store)
    result = IngestResult(run_id=start_run(store, "ingest", list(paths), version))
    failures_before = len(report.failures)
    try:
        batches = read_batches(documents, settings.batch_size)
        for counts, told in commit_batches(result.run_id, version, batches):
            for where, message in told.failures:
                report.fail(where, message)
            for where, message in told.warnings:
                report.warn(where, message)
            for name in ("new", "duplicate", "near_duplicate", "claims"):
                setattr(result, name, getattr(result, name) + getattr(counts, name))
            with store.write() as session:
                update_run(session, result, report, failures_before)
            if on_progress:
                on_progress(result, len(told.claims))
    except BaseException:
        _finish_run(store, result, report, failures_before, "failed", quiet=True)
        raise
    _finish_run(store, result, report, failures_before, "done")
    return result


def ingest_batch(documents: list[Document], store: Store, extractor, index, run_id: int,
                 version: str) -> tuple[IngestResult, Extracted]:
    """Dedupe, extract and commit one batch in this process (a worker's share of
    `ingest_by_workers`): the batch's own counts, and what its report got (`claims`
    holds one entry a document read, for progress)."""
    report, result = Report(), IngestResult(run_id=run_id)
    prepared = [_prepare(documents, store, index, extractor, report, result, None)]
    for pending in _extract_in_order(prepared, serial_extractor(extractor), report):
        _commit(pending, store, index, result, report, 0, version, record_run=False)
    return result, Extracted([None] * len(documents), report.failures, report.warnings)


def read_batches(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    """Lists of at most `size` documents, read from `documents` only as they are needed."""
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
            item.to_extract = index.original(item.signature) is None
            pending.append(item)
        if on_progress:
            on_progress(result, 1)
    return pending


def serial_extractor(extractor) -> BatchExtractor:
    """A BatchExtractor that runs `extract_batch` with `extractor` in this process."""
    def run(batches: Iterable[list[Document]]) -> Iterator[Extracted]:
        for batch in batches:
            yield extract_batch(batch, extractor)
    return run


def extract_batch(documents: list[Document], extractor) -> Extracted:
    """The claims of each document (None when its extraction failed), with its own report.

    One extract_many call parses the figure sentences of the whole batch at once; if
    it breaks, each document is extracted alone so one bad document fails alone.
    """
    report = Report()
    found: dict[int, list[Claim]] = {}
    try:
        for document, claims in extractor.extract_many(documents, report):
            found[id(document)] = claims
    except Exception:  # noqa: BLE001 - retried document by document just below
        log.exception("batch extraction failed; extracting its documents one by one")
        report, found = Report(), {}
        for document in documents:
            claims = extract_claims(document, extractor, report)
            if claims is not None:
                found[id(document)] = claims
    return Extracted([found.get(id(d)) for d in documents], report.failures, report.warnings)


def _extract_in_order(prepared: Iterable[list[_Pending]], extract_batches: BatchExtractor,
                      report: Report) -> Iterator[list[_Pending]]:
    """Each prepared batch with its claims filled in, in order.

    The extractor pulls batches ahead of the ones it gives back (a cluster keeps a few
    in flight); `waiting` holds those, so the two streams stay matched.
    """
    waiting: deque[list[_Pending]] = deque()

    def documents() -> Iterator[list[Document]]:
        for pending in prepared:
            waiting.append(pending)
            yield [item.document for item in pending if item.to_extract]

    for extracted in extract_batches(documents()):
        pending = waiting.popleft()
        for where, message in extracted.failures:
            report.fail(where, message)
        for where, message in extracted.warnings:
            report.warn(where, message)
        chosen = [item for item in pending if item.to_extract]
        for item, claims in zip(chosen, extracted.claims, strict=True):
            item.claims, item.failed = claims, claims is None
        yield pending


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


def _refresh_index(session: Session, index: "WindowIndex") -> None:
    """Add documents stored since the last look (by this or another process) to the index,
    the latest `index.window` of them at most."""
    start = index.last_id
    if index.window:
        newest = session.scalar(select(func.max(StoredDocument.id))) or 0
        start = max(start, newest - index.window)
    rows = session.execute(
        select(StoredDocument.id, StoredDocument.minhash)
        .where(StoredDocument.id > start, StoredDocument.minhash.is_not(None))
        .order_by(StoredDocument.id))
    for doc_id, data in rows:
        index.add(doc_id, dedupe.from_bytes(data))
    index.evict()


class WindowIndex(dedupe.NearDuplicates):
    """The near-duplicate index of the latest `window` stored documents (None: all)."""

    def __init__(self, threshold: float = dedupe.THRESHOLD, window: int | None = None):
        super().__init__(threshold)
        self.window = window

    def evict(self) -> None:
        """Forget the oldest signatures beyond the window (ids are added in rising order,
        and a dict keeps that order)."""
        while self.window and len(self.signatures) > self.window:
            doc_id = next(iter(self.signatures))
            self.lsh.remove(str(doc_id))
            del self.signatures[doc_id]


def _commit(pending, store, index, result, report, failures_before, version,
            record_run: bool = True) -> None:
    """Write one batch in one transaction; on failure nothing of it stays."""
    counts = IngestResult(run_id=result.run_id)
    added: list[tuple[int, object]] = []
    claim_rows: list[dict] = []
    stamp = now()
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
                claim_rows += [claim_row(c, doc_id, version, stamp) for c in item.claims or ()]
                record_entities(session, item.claims)
            if doc_id is not None:
                added.append((doc_id, item.signature))
        # One executemany for the batch's claims: per-document ORM inserts were a tenth
        # of an ingest's time.
        if claim_rows:
            session.execute(StoredClaim.__table__.insert(), claim_rows)
        counts.claims = len(claim_rows)
        totals = replace(result)
        for name in ("new", "duplicate", "near_duplicate", "claims"):
            setattr(totals, name, getattr(result, name) + getattr(counts, name))
        if record_run:
            update_run(session, totals, report, failures_before)
    # Committed: only now do the counts and the index include the batch.
    for name in ("new", "duplicate", "near_duplicate", "claims", "failed"):
        setattr(result, name, getattr(totals, name))
    for doc_id, signature in added:
        index.add(doc_id, signature)
    index.evict()


def _insert_document(session, item: _Pending, index, outlets, run_id, version):
    """(new id or None when the hash is already stored, whether it is a near-duplicate)."""
    document = item.document
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
        # Its hash is stored: by another process while this one was extracting, or earlier
        # in this batch (INSERT ... ON CONFLICT DO NOTHING, no SELECT first).
        return None, False
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
    session.execute(StoredClaim.__table__.insert(), rows)
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


def sync_outlets(store: Store, attempts: int = 3) -> None:
    """Insert or update the outlets of tally/data/outlets.yaml in the database.

    Two ingests starting at once on a new database both insert the same outlets; the
    one that loses the race gets a unique-key error, and its next attempt finds the
    rows the other committed."""
    for attempt in range(attempts):
        try:
            _sync_outlets(store, load_outlets())
            return
        except StoreError as error:  # Store.write wraps the driver's error
            if attempt == attempts - 1 or not isinstance(error.__cause__, IntegrityError):
                raise
            log.info("outlets written by another ingest at the same time; reading them again")


def _sync_outlets(store: Store, outlets) -> None:
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
