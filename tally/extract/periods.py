"""Period of a figure: the ISO start and end of the time it refers to."""
from __future__ import annotations

from .mention import Mention


def assign(mention: Mention) -> None:
    """Set mention.fields['period_start'] and ['period_end'] (ISO dates or None)."""
    mention.fields.setdefault("period_start", None)
    mention.fields.setdefault("period_end", None)
