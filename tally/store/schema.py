"""The tables of the claims database, as SQLAlchemy 2 declarative models.

The Alembic migrations in tally/migrations create these tables; the models are
what the library reads and writes through.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean, Float, ForeignKey, Index, Integer, LargeBinary, String, Text, UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Outlet(Base):
    """A publication, from tally/data/outlets.yaml: country and ownership, each with a source."""

    __tablename__ = "outlets"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    domains: Mapped[str | None] = mapped_column(Text)  # space-separated, lowercase
    aliases: Mapped[str | None] = mapped_column(Text)  # "|"-separated, as written
    country: Mapped[str | None] = mapped_column(String(2))
    country_source: Mapped[str | None] = mapped_column(Text)
    ownership: Mapped[str | None] = mapped_column(String(40))
    ownership_source: Mapped[str | None] = mapped_column(Text)
    owner: Mapped[str | None] = mapped_column(Text)


class StoredDocument(Base):
    """An ingested document: its text, metadata, content hash and near-duplicate link."""

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(500), index=True)  # the reader's id, `doc` of claims
    url: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(String(200))
    outlet_id: Mapped[int | None] = mapped_column(ForeignKey("outlets.id"), index=True)
    published: Mapped[str | None] = mapped_column(String(10), index=True)
    lang: Mapped[str | None] = mapped_column(String(8))
    text: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    minhash: Mapped[bytes | None] = mapped_column(LargeBinary)
    duplicate_of: Mapped[int | None] = mapped_column(ForeignKey("documents.id"), index=True)
    similarity: Mapped[float | None] = mapped_column(Float)
    source: Mapped[str | None] = mapped_column(Text)
    ingested_at: Mapped[datetime] = mapped_column()
    run_id: Mapped[int | None] = mapped_column(ForeignKey("ingest_runs.id"))
    # The extractor version of its current claims (None for a near-duplicate, never extracted).
    extractor_version: Mapped[str | None] = mapped_column(String(80))


class StoredClaim(Base):
    """One claim: every CLAIMS.md field, plus where it is and which extractor made it."""

    __tablename__ = "claims"
    __table_args__ = (Index("ix_claims_document_current", "document_id", "is_current"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    doc: Mapped[str] = mapped_column(String(500))
    quote: Mapped[str] = mapped_column(Text)
    offset: Mapped[int] = mapped_column(Integer)
    end_offset: Mapped[int] = mapped_column(Integer)
    value: Mapped[float] = mapped_column(Float)
    bound: Mapped[str] = mapped_column(String(16))
    unit: Mapped[str] = mapped_column(String(40))
    item: Mapped[str | None] = mapped_column(String(200), index=True)
    item_detail: Mapped[str | None] = mapped_column(Text)
    event: Mapped[str] = mapped_column(String(40), index=True)
    actor: Mapped[str | None] = mapped_column(String(300), index=True)
    speaker: Mapped[str | None] = mapped_column(String(300), index=True)
    period_start: Mapped[str | None] = mapped_column(String(10))
    period_end: Mapped[str | None] = mapped_column(String(10))
    status: Mapped[str] = mapped_column(String(16), index=True)
    sentence: Mapped[str | None] = mapped_column(Text)
    confidence: Mapped[float | None] = mapped_column(Float)
    extractor_version: Mapped[str] = mapped_column(String(80))
    # False once `tally reextract` has replaced the claim with a newer extractor's.
    is_current: Mapped[bool] = mapped_column(Boolean, default=True)
    extracted_at: Mapped[datetime] = mapped_column()


class Entity(Base):
    """An actor or speaker named by claims, under its canonical name."""

    __tablename__ = "entities"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(300), unique=True)
    kind: Mapped[str | None] = mapped_column(String(40))  # actor | speaker | both


class EntityAlias(Base):
    """Another spelling of an entity (the canonical name is one alias too)."""

    __tablename__ = "entity_aliases"
    __table_args__ = (UniqueConstraint("entity_id", "alias"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"))
    alias: Mapped[str] = mapped_column(String(300), index=True)


class IngestRun(Base):
    """One `tally ingest` (or `reextract`) run and its counts, updated at every commit."""

    __tablename__ = "ingest_runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    command: Mapped[str] = mapped_column(String(20))
    paths: Mapped[str | None] = mapped_column(Text)
    extractor_version: Mapped[str] = mapped_column(String(80))
    started_at: Mapped[datetime] = mapped_column()
    finished_at: Mapped[datetime | None] = mapped_column()
    seconds: Mapped[float | None] = mapped_column(Float)
    status: Mapped[str] = mapped_column(String(16))  # running, done, failed; killed: running
    new: Mapped[int] = mapped_column(Integer, default=0)
    duplicate: Mapped[int] = mapped_column(Integer, default=0)
    near_duplicate: Mapped[int] = mapped_column(Integer, default=0)
    failed: Mapped[int] = mapped_column(Integer, default=0)
    claims: Mapped[int] = mapped_column(Integer, default=0)
    failures: Mapped[str | None] = mapped_column(Text)  # one "where: message" a line
