"""Re-run the current extractor over stored documents, keeping the older claims as history."""
from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import or_, select, update

from ..models import Document
from ..report import Report
from .engine import Store
from .entities import record_entities
from .ingest import IngestResult, extract_claims, insert_claims, now, start_run, update_run
from .schema import IngestRun, StoredClaim, StoredDocument


def reextract(store: Store, extractor, report: Report, force: bool = False,
              batch_size: int = 20, version: str | None = None,
              on_progress: Callable[[IngestResult, int], None] | None = None) -> IngestResult:
    """Extract again every original document whose claims come from another extractor version.

    The previous claims stay in the table with is_current false and their own
    extractor_version; `force` re-extracts documents already at the current version.
    `version` names the extractor (default: tally.extract.EXTRACTOR_VERSION).
    Returns the counts (new = documents re-extracted, claims = claims stored).
    """
    from ..extract import EXTRACTOR_VERSION

    version = version or EXTRACTOR_VERSION
    result = IngestResult(run_id=start_run(store, "reextract", [], version))
    failures_before = len(report.failures)
    for ids in _stale_batches(store, version, force, batch_size):
        with store.read() as session:
            rows = session.scalars(select(StoredDocument).where(StoredDocument.id.in_(ids)))
            documents = [_document(row) for row in rows]
        extracted = []
        for doc_id, document in documents:
            extracted.append((doc_id, extract_claims(document, extractor, report)))
            if on_progress:
                on_progress(result, 1)
        with store.write() as session:
            for doc_id, claims in extracted:
                if claims is None:
                    continue
                session.execute(update(StoredClaim).where(StoredClaim.document_id == doc_id,
                                                          StoredClaim.is_current.is_(True))
                                .values(is_current=False))
                result.claims += insert_claims(session, doc_id, claims, version)
                record_entities(session, claims)
                session.execute(update(StoredDocument).where(StoredDocument.id == doc_id)
                                .values(extractor_version=version))
                result.new += 1
            update_run(session, result, report, failures_before)
        if on_progress:
            on_progress(result, 0)
    with store.write() as session:
        run = session.get(IngestRun, result.run_id)
        run.status, run.finished_at = "done", now()
        run.seconds = round((run.finished_at - run.started_at).total_seconds(), 3)
    return result


def _stale_batches(store: Store, version: str, force: bool, size: int):
    """Ids of the documents to re-extract, a batch at a time, in id order."""
    last = 0
    done: set[int] = set()
    while True:
        query = (select(StoredDocument.id)
                 .where(StoredDocument.duplicate_of.is_(None), StoredDocument.id > last)
                 .order_by(StoredDocument.id).limit(size))
        if not force:
            query = query.where(or_(StoredDocument.extractor_version.is_(None),
                                    StoredDocument.extractor_version != version))
        with store.read() as session:
            ids = [i for i in session.scalars(query) if i not in done]
        if not ids:
            return
        done.update(ids)
        last = ids[-1]
        yield ids


def _document(row: StoredDocument) -> tuple[int, Document]:
    return row.id, Document(id=row.key, text=row.text, lang=row.lang, published=row.published,
                            outlet=row.outlet, url=row.url, title=row.title,
                            source=row.source or f"document {row.id}")
