"""Actor and speaker of a figure: who performs the event, who asserts the figure."""
from __future__ import annotations

from .mention import Mention


def assign(mention: Mention) -> None:
    """Set mention.fields['actor'] and ['speaker'] (canonical English names or None)."""
    mention.fields.setdefault("actor", None)
    mention.fields.setdefault("speaker", None)
