"""Initial tables: outlets, documents, claims, entities, aliases, ingest runs; claims_view.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# Current claims with their document and outlet: what Datasette and analysts read.
CLAIMS_VIEW = """
CREATE VIEW claims_view AS
SELECT c.id AS claim_id, c.doc, c.document_id, d.title, d.url, d.published, d.lang,
       COALESCE(o.name, d.outlet) AS outlet, o.country AS outlet_country,
       o.ownership AS outlet_ownership,
       c.quote, c."offset", c.value, c.bound, c.unit, c.item, c.item_detail, c.event,
       c.actor, c.speaker, c.period_start, c.period_end, c.status, c.confidence,
       c.sentence, c.extractor_version
FROM claims c
JOIN documents d ON d.id = c.document_id
LEFT JOIN outlets o ON o.id = d.outlet_id
WHERE c.is_current = {true}
"""


def upgrade() -> None:
    op.create_table(
        "outlets",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(200), nullable=False, unique=True),
        sa.Column("domains", sa.Text),
        sa.Column("aliases", sa.Text),
        sa.Column("country", sa.String(2)),
        sa.Column("country_source", sa.Text),
        sa.Column("ownership", sa.String(40)),
        sa.Column("ownership_source", sa.Text),
        sa.Column("owner", sa.Text),
    )
    op.create_table(
        "ingest_runs",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("command", sa.String(20), nullable=False),
        sa.Column("paths", sa.Text),
        sa.Column("extractor_version", sa.String(80), nullable=False),
        sa.Column("started_at", sa.DateTime, nullable=False),
        sa.Column("finished_at", sa.DateTime),
        sa.Column("seconds", sa.Float),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("new", sa.Integer, nullable=False, server_default="0"),
        sa.Column("duplicate", sa.Integer, nullable=False, server_default="0"),
        sa.Column("near_duplicate", sa.Integer, nullable=False, server_default="0"),
        sa.Column("failed", sa.Integer, nullable=False, server_default="0"),
        sa.Column("claims", sa.Integer, nullable=False, server_default="0"),
        sa.Column("failures", sa.Text),
    )
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("key", sa.String(500), nullable=False, index=True),
        sa.Column("url", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("outlet", sa.String(200)),
        sa.Column("outlet_id", sa.Integer, sa.ForeignKey("outlets.id"), index=True),
        sa.Column("published", sa.String(10), index=True),
        sa.Column("lang", sa.String(8)),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("minhash", sa.LargeBinary),
        sa.Column("duplicate_of", sa.Integer, sa.ForeignKey("documents.id"), index=True),
        sa.Column("similarity", sa.Float),
        sa.Column("source", sa.Text),
        sa.Column("ingested_at", sa.DateTime, nullable=False),
        sa.Column("run_id", sa.Integer, sa.ForeignKey("ingest_runs.id")),
        sa.Column("extractor_version", sa.String(80)),
    )
    op.create_table(
        "claims",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("document_id", sa.Integer,
                  sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("doc", sa.String(500), nullable=False),
        sa.Column("quote", sa.Text, nullable=False),
        sa.Column("offset", sa.Integer, nullable=False),
        sa.Column("end_offset", sa.Integer, nullable=False),
        sa.Column("value", sa.Float, nullable=False),
        sa.Column("bound", sa.String(16), nullable=False),
        sa.Column("unit", sa.String(40), nullable=False),
        sa.Column("item", sa.String(200), index=True),
        sa.Column("item_detail", sa.Text),
        sa.Column("event", sa.String(40), nullable=False, index=True),
        sa.Column("actor", sa.String(300), index=True),
        sa.Column("speaker", sa.String(300), index=True),
        sa.Column("period_start", sa.String(10)),
        sa.Column("period_end", sa.String(10)),
        sa.Column("status", sa.String(16), nullable=False, index=True),
        sa.Column("sentence", sa.Text),
        sa.Column("confidence", sa.Float),
        sa.Column("extractor_version", sa.String(80), nullable=False),
        sa.Column("is_current", sa.Boolean, nullable=False),
        sa.Column("extracted_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_claims_document_current", "claims", ["document_id", "is_current"])
    op.create_table(
        "entities",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(300), nullable=False, unique=True),
        sa.Column("kind", sa.String(40)),
    )
    op.create_table(
        "entity_aliases",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("entity_id", sa.Integer,
                  sa.ForeignKey("entities.id", ondelete="CASCADE"), nullable=False),
        sa.Column("alias", sa.String(300), nullable=False, index=True),
        sa.UniqueConstraint("entity_id", "alias"),
    )
    true = "1" if op.get_bind().dialect.name == "sqlite" else "TRUE"
    op.execute(CLAIMS_VIEW.format(true=true))


def downgrade() -> None:
    op.execute("DROP VIEW claims_view")
    for table in ("entity_aliases", "entities", "claims", "documents", "ingest_runs", "outlets"):
        op.drop_table(table)
