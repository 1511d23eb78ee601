"""Queries over stored claims and documents, with the filters of `tally claims`."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Select, func, or_, select

from ..errors import InputError
from .engine import Store
from .entities import resolve_alias
from .schema import Outlet, StoredClaim, StoredDocument

# The columns of a claim row: the CLAIMS.md record and extras, then provenance.
CLAIM_COLUMNS = (
    "doc", "quote", "offset", "value", "bound", "unit", "item", "event", "actor", "speaker",
    "period_start", "period_end", "status", "item_detail", "sentence", "confidence",
    "claim_id", "document_id", "title", "url", "published", "lang", "outlet",
    "outlet_country", "outlet_ownership", "extractor_version", "is_current",
)
DOC_COLUMNS = ("id", "key", "title", "outlet", "published", "lang", "claims", "duplicate_of",
               "similarity", "url", "source", "ingested_at")


@dataclass
class ClaimFilter:
    """What `tally claims` and `tally export` select; every field is optional.

    Names compare case-insensitively (actor and speaker also through entity aliases);
    since/until bound the document's publication date (YYYY, YYYY-MM or YYYY-MM-DD);
    search looks in the quote, the sentence and the title.
    """

    item: tuple[str, ...] = ()
    actor: tuple[str, ...] = ()
    speaker: tuple[str, ...] = ()
    event: tuple[str, ...] = ()
    status: tuple[str, ...] = ()
    lang: tuple[str, ...] = ()
    outlet: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None
    search: str | None = None
    doc: str | None = None
    all_versions: bool = False
    limit: int | None = None


def _outlet_name():
    return func.coalesce(Outlet.name, StoredDocument.outlet)


def _in(column, values) -> object:
    return func.lower(column).in_([v.lower() for v in values])


def _check_date(value: str | None, option: str) -> str | None:
    import re

    if value and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        raise InputError(f"{option} {value!r}: give a date as YYYY, YYYY-MM or YYYY-MM-DD")
    return value


def claims_select(session, where: ClaimFilter) -> Select:
    """The SELECT of claim rows matching `where`, in document and text order."""
    since = _check_date(where.since, "--since")
    until = _check_date(where.until, "--until")
    query = (
        select(
            *(getattr(StoredClaim, c) for c in CLAIM_COLUMNS[:16]),
            StoredClaim.id.label("claim_id"), StoredClaim.document_id, StoredDocument.title,
            StoredDocument.url, StoredDocument.published, StoredDocument.lang,
            _outlet_name().label("outlet"), Outlet.country.label("outlet_country"),
            Outlet.ownership.label("outlet_ownership"), StoredClaim.extractor_version,
            StoredClaim.is_current,
        )
        .join(StoredDocument, StoredDocument.id == StoredClaim.document_id)
        .outerjoin(Outlet, Outlet.id == StoredDocument.outlet_id)
        .order_by(StoredDocument.published, StoredDocument.id, StoredClaim.offset,
                  StoredClaim.id)
    )
    if not where.all_versions:
        query = query.where(StoredClaim.is_current.is_(True))
    for name in ("item", "event", "status"):
        if getattr(where, name):
            query = query.where(_in(getattr(StoredClaim, name), getattr(where, name)))
    for name in ("actor", "speaker"):
        values = getattr(where, name)
        if values:
            names = set().union(*(resolve_alias(session, v) for v in values))
            query = query.where(_in(getattr(StoredClaim, name), names))
    if where.lang:
        query = query.where(_in(StoredDocument.lang, where.lang))
    if where.outlet:
        query = query.where(or_(_in(_outlet_name(), where.outlet),
                                _in(StoredDocument.outlet, where.outlet)))
    if since:
        query = query.where(StoredDocument.published >= since)
    if until:
        # "2024-09" as the upper bound keeps every day of September.
        query = query.where(StoredDocument.published <= until + "~")
    if where.search:
        pattern = f"%{where.search.lower()}%"
        query = query.where(or_(func.lower(StoredClaim.quote).like(pattern),
                                func.lower(StoredClaim.sentence).like(pattern),
                                func.lower(StoredDocument.title).like(pattern)))
    if where.doc:
        query = query.where(_doc_match(where.doc))
    if where.limit:
        query = query.limit(where.limit)
    return query


def _doc_match(doc: str):
    if doc.isdigit():
        return or_(StoredDocument.id == int(doc), StoredDocument.key == doc)
    return StoredDocument.key == doc


def find_claims(store: Store, where: ClaimFilter | None = None) -> list[dict]:
    """Claim rows (CLAIM_COLUMNS) matching `where`."""
    with store.read() as session:
        # Core, not ORM, execution: the rows are plain columns, and the ORM's loading
        # costs more than the query on a few thousand rows.
        rows = session.connection().execute(claims_select(session, where or ClaimFilter()))
        return [_claim_record(row) for row in rows]


def iter_claims(store: Store, where: ClaimFilter | None = None, chunk: int = 1000):
    """Like find_claims, but streams rows (for exports of the whole database)."""
    with store.read() as session:
        query = claims_select(session, where or ClaimFilter())
        result = session.execute(query.execution_options(yield_per=chunk))
        for row in result:
            yield _claim_record(row)


def _claim_record(row: tuple) -> dict:
    """A claim row as a dict; claims_select selects CLAIM_COLUMNS in this order."""
    record = dict(zip(CLAIM_COLUMNS, row, strict=True))
    value = record["value"]
    if isinstance(value, float) and value.is_integer():
        record["value"] = int(value)
    record["is_current"] = bool(record["is_current"])
    return record


@dataclass
class DocFilter:
    """What `tally docs` lists."""

    lang: tuple[str, ...] = ()
    outlet: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None
    search: str | None = None
    duplicates: bool = True  # include near-duplicates (linked to their original)
    limit: int | None = None
    copies_of: tuple[int, ...] | None = None  # only the near-duplicates of these documents


def find_documents(store: Store, where: DocFilter | None = None) -> list[dict]:
    """Document rows (DOC_COLUMNS) with their count of current claims, oldest first."""
    where = where or DocFilter()
    # Counted per selected document (through ix_claims_document_current), not grouped over
    # the whole claims table: a few near-duplicates cost a few lookups.
    claims = (select(func.count()).select_from(StoredClaim)
              .where(StoredClaim.document_id == StoredDocument.id,
                     StoredClaim.is_current.is_(True))
              .correlate(StoredDocument).scalar_subquery())
    query = (
        select(StoredDocument.id, StoredDocument.key, StoredDocument.title,
               _outlet_name().label("outlet"), StoredDocument.published, StoredDocument.lang,
               claims.label("claims"), StoredDocument.duplicate_of,
               StoredDocument.similarity, StoredDocument.url, StoredDocument.source,
               StoredDocument.ingested_at)
        .outerjoin(Outlet, Outlet.id == StoredDocument.outlet_id)
        .order_by(StoredDocument.published, StoredDocument.id)
    )
    if where.lang:
        query = query.where(_in(StoredDocument.lang, where.lang))
    if where.outlet:
        query = query.where(_in(_outlet_name(), where.outlet))
    if _check_date(where.since, "--since"):
        query = query.where(StoredDocument.published >= where.since)
    if _check_date(where.until, "--until"):
        query = query.where(StoredDocument.published <= where.until + "~")
    if where.search:
        pattern = f"%{where.search.lower()}%"
        query = query.where(or_(func.lower(StoredDocument.title).like(pattern),
                                func.lower(StoredDocument.text).like(pattern)))
    if not where.duplicates:
        query = query.where(StoredDocument.duplicate_of.is_(None))
    if where.copies_of is not None:
        query = query.where(StoredDocument.duplicate_of.in_(where.copies_of))
    if where.limit:
        query = query.limit(where.limit)
    with store.read() as session:
        return [dict(row._mapping) for row in session.connection().execute(query)]


def get_document(store: Store, doc: str) -> tuple[dict, list[dict]]:
    """(the document with its text, its current claims) for an id or a key.

    Raises InputError when no document or several documents have that key.
    """
    with store.read() as session:
        rows = session.scalars(select(StoredDocument).where(_doc_match(doc))).all()
    if not rows:
        raise InputError(f"{doc}: no such document in {store.name}; `tally docs` lists them")
    if len(rows) > 1:
        exact = [r for r in rows if doc.isdigit() and r.id == int(doc)]
        if len(exact) != 1:
            ids = ", ".join(str(r.id) for r in rows)
            raise InputError(f"{doc}: several documents have this key (ids {ids}); give the id")
        rows = exact
    row = rows[0]
    document = {c.name: getattr(row, c.name) for c in StoredDocument.__table__.columns
                if c.name != "minhash"}
    # doc="5" also matches a document whose key is "5": keep this one's claims only.
    claims = [c for c in find_claims(store, ClaimFilter(doc=str(row.id)))
              if c["document_id"] == row.id]
    return document, claims


def counts(store: Store) -> dict[str, int]:
    """How many documents, near-duplicates, current claims and outlets are stored."""
    with store.read() as session:
        return {
            "documents": session.scalar(select(func.count()).select_from(StoredDocument)),
            "near_duplicates": session.scalar(select(func.count()).select_from(StoredDocument)
                                              .where(StoredDocument.duplicate_of.is_not(None))),
            "claims": session.scalar(select(func.count()).select_from(StoredClaim)
                                     .where(StoredClaim.is_current.is_(True))),
            "all_claims": session.scalar(select(func.count()).select_from(StoredClaim)),
        }
