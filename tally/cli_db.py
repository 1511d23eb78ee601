"""Database commands of the CLI (ingest, claims, docs, show, export, reextract)."""
from __future__ import annotations

from .cli import cli  # noqa: F401
