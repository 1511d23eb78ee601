"""Plain text files: an optional header of `key: value` lines, then the article."""
from __future__ import annotations

import re

from ..models import Document

# "date 2024-09", "date: 2024-09-15", "published: 2024-09-15" (one header line each)
_HEADER = re.compile(
    r"^\s*(date|published|title|outlet|url|lang)\s*:?\s+(.+?)\s*$", re.IGNORECASE
)
_DATE = re.compile(r"^(\d{4}-\d{2}(?:-\d{2})?)\b")


def read_header(text: str) -> dict:
    """Metadata from the leading header lines: {"published": "2024-09", ...}.

    The header stays in the text, so offsets count from the start of the file.
    >>> read_header("date: 2024-09-15\\nLe président...")
    {'published': '2024-09-15'}
    """
    meta: dict = {}
    for line in text.splitlines()[:6]:
        if not line.strip():
            continue
        found = _HEADER.match(line)
        if not found:
            break
        key, value = found.group(1).lower(), found.group(2)
        if key in ("date", "published"):
            date = _DATE.match(value)
            if not date:
                break
            meta["published"] = date.group(1)
        else:
            meta[key] = value
    return meta


def parse_text(text: str, doc_id: str, source: str | None = None) -> Document:
    """A Document from the full text of a .txt or .md file."""
    meta = read_header(text)
    return Document(id=doc_id, text=text, source=source, **meta)
