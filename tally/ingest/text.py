"""Plain text files: an optional header of `key: value` lines, then the article."""
from __future__ import annotations

import logging
import re
from datetime import date

from ..models import Document

log = logging.getLogger(__name__)

# "date 2024-09", "date: 2024-09-15", "published: 2024-09-15" (one header line each);
# the other keys need their colon, so a body that opens with "Title holders..." stays body.
_DATE_LINE = re.compile(r"^\s*(?:date|published)\s*:?\s+(.+?)\s*$", re.IGNORECASE)
_FIELD_LINE = re.compile(r"^\s*(title|outlet|url|lang)\s*:\s*(.+?)\s*$", re.IGNORECASE)
_DATE = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?\b")
# Only the head of a text is looked at: it may be a 50 MB file.
_HEAD_LINES = 8
_HEAD_CHARS = 4000


def read_header(text: str) -> dict:
    """Metadata from the leading header lines: {"published": "2024-09", ...}.

    Keys: date (or published), title, outlet, url, lang; blank lines and Markdown
    front-matter fences (---) are passed over. The header stays in the text, so
    offsets count from the start of the file.
    >>> read_header("date: 2024-09-15\\nLe président...")
    {'published': '2024-09-15'}
    """
    meta: dict = {}
    for line in text[:_HEAD_CHARS].splitlines()[:_HEAD_LINES]:
        if not line.strip() or line.strip() == "---":
            continue
        if found := _DATE_LINE.match(line):
            published = _parse_date(found.group(1))
            if published is None:
                break
            meta["published"] = published
        elif found := _FIELD_LINE.match(line):
            key, value = found.group(1).lower(), found.group(2)
            meta[key] = value.lower().split("-")[0] if key == "lang" else value
        else:
            break
    return meta


def _parse_date(value: str) -> str | None:
    """'2024-09-15' or '2024-09' when `value` starts with a real date, else None."""
    found = _DATE.match(value)
    if not found:
        return None
    year, month, day = int(found.group(1)), int(found.group(2)), int(found.group(3) or 1)
    try:
        date(year, month, day)
    except ValueError:
        log.warning("ignoring an impossible publication date %r", value)
        return None
    return found.group(0)


def parse_text(text: str, doc_id: str, source: str | None = None) -> Document:
    """A Document from the full text of a .txt or .md file."""
    meta = read_header(text)
    return Document(id=doc_id, text=text, source=source, **meta)
