"""Event and status of a figure, from the verb or noun that governs it."""
from __future__ import annotations

from .mention import Mention


def assign(mention: Mention) -> None:
    mention.fields.setdefault("event", "other")
    mention.fields.setdefault("status", "reported")
