"""Saved web pages (.html, .htm): the article body and metadata through trafilatura."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..models import Document
from ..report import Report

# Below this many characters the "body" is leftover navigation or a caption, not an
# article (the shortest wire briefs run to a few hundred characters).
MIN_BODY_CHARS = 80


def parse_html(html: str, doc_id: str, source: str, report: Report,
               url: str | None = None) -> Document | None:
    """A Document of the article in a web page; None (failure reported) when it has no body.

    >>> parse_html(page, "a", "a.html", Report()).title   # page: a saved article
    'Russia launched 420 drones'
    """
    import trafilatura

    extracted = trafilatura.bare_extraction(html, url=url, with_metadata=True,
                                            include_comments=False, include_tables=False)
    text = (extracted.text or "").strip() if extracted is not None else ""
    if len(text) < MIN_BODY_CHARS:
        report.fail(source, "no article body found in this HTML page (trafilatura found "
                            f"{len(text)} characters of main text); is it an index or menu page?")
        return None
    return Document(
        id=doc_id, text=text, lang=extracted.language, published=_date(extracted.date),
        outlet=extracted.sitename or None, url=extracted.url or url, title=extracted.title,
        source=source,
    )


def _date(value: str | None) -> str | None:
    """YYYY-MM-DD (or YYYY-MM) from trafilatura's date string."""
    if not value:
        return None
    return value[:10] if len(value) >= 10 else value[:7] if len(value) >= 7 else None


def read_html(text: str, source: str, report: Report) -> Iterator[Document]:
    """The reader registered for .html and .htm."""
    document = parse_html(text, Path(source).stem, source, report)
    if document is not None:
        yield document
