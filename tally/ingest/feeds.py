"""RSS and Atom feed files (.xml, .rss, .atom): each item a document, its HTML via trafilatura."""
from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

from ..models import Document
from ..report import Report


def read_feed(text: str, source: str, report: Report) -> Iterator[Document]:
    """The documents of a feed, one per item with text; a broken feed is reported, not raised.

    A feed with malformed XML but readable items gives its items and a warning;
    one with no readable item is a failure naming the XML error.
    """
    import feedparser

    parsed = feedparser.parse(text)
    problem = _describe(parsed.get("bozo_exception")) if parsed.get("bozo") else None
    if not parsed.entries:
        reason = f"broken XML: {problem}" if problem else "no items found"
        report.fail(source, f"not a readable RSS/Atom feed ({reason})")
        return
    if problem:
        report.warn(source, f"the feed is not well-formed XML ({problem}); "
                            f"read its {len(parsed.entries)} items anyway")
    outlet = parsed.feed.get("title") or None
    stem = Path(source).stem
    for number, entry in enumerate(parsed.entries, 1):
        document = _entry_document(entry, f"{stem}-{number}", f"{source}#item{number}",
                                   outlet, report)
        if document is not None:
            yield document


def _describe(error) -> str | None:
    """An XML error as "line 5, column 31: not well-formed (invalid token)"."""
    if error is None:
        return None
    if hasattr(error, "getLineNumber"):
        line, column = error.getLineNumber(), error.getColumnNumber()
        return f"line {line}, column {column}: {error.getMessage()}"
    return str(error)


def _entry_document(entry, doc_id: str, where: str, outlet: str | None,
                    report: Report) -> Document | None:
    html = _entry_html(entry)
    text = _html_text(html) if html else ""
    if not text:
        report.fail(where, "this feed item has no content or summary text")
        return None
    return Document(
        id=doc_id, text=text, published=_published(entry), outlet=outlet,
        url=entry.get("link"), title=entry.get("title"), source=where,
        lang=(entry.get("language") or None),
    )


def _entry_html(entry) -> str:
    """The richest body of an item: its content, else its summary."""
    for content in entry.get("content") or ():
        if content.get("value"):
            return content["value"]
    return entry.get("summary") or entry.get("description") or ""


def _html_text(html: str) -> str:
    """Plain text of an item's HTML: trafilatura's main text, else all its text."""
    import trafilatura

    wrapped = f"<html><body><article>{html}</article></body></html>"
    text = trafilatura.extract(wrapped, include_comments=False, include_tables=False,
                               favor_recall=True)
    if not text:
        # Short items are below trafilatura's article thresholds: keep all their text.
        text = trafilatura.html2txt(wrapped)
    return (text or "").strip()


def _published(entry) -> str | None:
    """YYYY-MM-DD of an item's publication (or update) date."""
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%d", stamp) if stamp else None
