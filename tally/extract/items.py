"""Item of a figure: what is counted, in the CLAIMS.md vocabulary."""
from __future__ import annotations

from .mention import Mention


def assign(mention: Mention) -> None:
    mention.fields.setdefault("item", None)
