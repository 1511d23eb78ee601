"""Read documents from files, directories and stdin: text, Markdown and JSONL.

Readers are registered by file suffix in READERS; each takes the decoded text,
the path it came from and the Report, and yields Documents.
"""
from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..models import Document
from ..report import Report
from .feeds import read_feed
from .html import read_html
from .jsonl import parse_jsonl
from .text import parse_text, read_header

__all__ = [
    "READERS", "read_paths", "read_file", "decode", "parse_text", "read_header", "count_documents",
]

log = logging.getLogger(__name__)

Reader = Callable[[str, str, Report], Iterable[Document]]


def _read_text(text: str, source: str, report: Report) -> Iterator[Document]:
    yield parse_text(text, doc_id=Path(source).stem, source=source)


def _read_jsonl(text: str, source: str, report: Report) -> Iterator[Document]:
    yield from parse_jsonl(iter(text.splitlines()), source, report)


READERS: dict[str, Reader] = {
    ".txt": _read_text,
    ".md": _read_text,
    ".jsonl": _read_jsonl,
    ".html": read_html,
    ".htm": read_html,
    ".xml": read_feed,
    ".rss": read_feed,
    ".atom": read_feed,
}


# A text file whose decoded characters are this much U+FFFD is not text.
_MAX_REPLACED_SHARE = 0.1
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def decode(data: bytes, source: str, report: Report) -> str | None:
    """Text of a file's bytes; None (with a failure reported) when it is empty or binary.

    UTF-8 (with or without BOM) or UTF-16 with a BOM; invalid UTF-8 is decoded with
    U+FFFD in place of the bad bytes, and a warning says so.
    >>> decode(b"date: 2024-09-15\\nLe drone", "a.txt", Report())
    'date: 2024-09-15\\nLe drone'
    """
    if data.startswith(_UTF16_BOMS):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            report.fail(source, "starts like UTF-16 text but does not decode as UTF-16")
            return None
        return _non_empty(text, source, report)
    if not data or data.isspace():
        report.fail(source, "the file is empty")
        return None
    if b"\x00" in data[:8192]:
        report.fail(source, "this looks like a binary file, not text (it contains NUL bytes)")
        return None
    try:
        return _non_empty(data.decode("utf-8-sig"), source, report)
    except UnicodeDecodeError as error:
        bad_byte = error.start
        text = data.removeprefix(b"\xef\xbb\xbf").decode("utf-8", errors="replace")
    sample = text[:100_000]
    if sample.count("\ufffd") > _MAX_REPLACED_SHARE * len(sample):
        report.fail(source, "this looks like a binary file, not text (mostly invalid UTF-8)")
        return None
    report.warn(
        source,
        f"invalid UTF-8 at byte {bad_byte}; undecodable bytes were replaced with U+FFFD "
        "(save the file as UTF-8 to avoid this)",
    )
    return _non_empty(text, source, report)


def _non_empty(text: str, source: str, report: Report) -> str | None:
    # isspace() stops at the first letter, where strip() would copy a 50 MB text.
    if not text or text.isspace():
        report.fail(source, "the file is empty")
        return None
    return text


# Documentation beside a corpus, not an article: skipped when a directory is walked.
_SKIPPED_NAMES = ("readme", "license", "licence", "changelog", "changes")


def _files(path: Path) -> Iterator[Path]:
    if not path.is_dir():
        yield path
        return
    for child in sorted(path.rglob("*")):
        relative = child.relative_to(path).parts
        if any(part.startswith(".") for part in relative):
            continue  # hidden files and folders (.git, .DS_Store)
        if child.stem.lower() in _SKIPPED_NAMES:
            continue
        if child.is_file() and child.suffix.lower() in READERS:
            yield child


def count_documents(paths: Iterable[str]) -> int | None:
    """How many documents `read_paths(paths)` will yield, about (None when stdin is read).

    A .jsonl file counts its non-blank lines, any other file counts one; nothing is decoded.
    """
    if "-" in paths:
        return None
    count = 0
    for name in paths:
        path = Path(name)
        if not path.exists():
            continue
        for file in _files(path):
            count += _count_lines(file) if file.suffix.lower() == ".jsonl" else 1
    return count


def _count_lines(path: Path) -> int:
    try:
        with path.open("rb") as stream:
            return sum(1 for line in stream if line.strip())
    except OSError:
        return 1  # reading it will report the problem


def read_file(path: Path, report: Report) -> Iterator[Document]:
    """Documents of one file, by its suffix (plain text when the suffix is unknown)."""
    source = str(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        report.fail(source, f"cannot read the file ({error.strerror})")
        return
    text = decode(data, source, report)
    del data  # the bytes of a large file need not live as long as its text
    if text is None:
        return
    reader = READERS.get(path.suffix.lower(), _read_text)
    try:
        yield from reader(text, source, report)
    except Exception as error:  # noqa: BLE001 - a reader bug on one file must not stop a batch
        log.exception("reading %s failed", source)
        report.fail(source, f"cannot read the file ({type(error).__name__}: {error})")


def read_stdin(report: Report, stream=None) -> Iterator[Document]:
    """Documents from standard input: JSONL when it starts with '{', else one text."""
    stream = stream if stream is not None else sys.stdin.buffer
    text = decode(stream.read(), "<stdin>", report)
    if text is None:
        return
    if text.lstrip().startswith("{"):
        yield from parse_jsonl(iter(text.splitlines()), "<stdin>", report)
    else:
        yield parse_text(text, doc_id="stdin", source="<stdin>")


def read_paths(paths: Iterable[str], report: Report) -> Iterator[Document]:
    """Documents from each path in turn ('-' is stdin); directories are read recursively.

    A path that does not exist, or a directory without a readable file, is a failure
    in `report`; the other paths go on.
    """
    for name in paths:
        if name == "-":
            yield from read_stdin(report)
            continue
        path = Path(name)
        if not path.exists():
            report.fail(name, "no such file or directory")
            continue
        files = 0
        for file in _files(path):
            files += 1
            yield from read_file(file, report)
        if files == 0:
            kinds = ", ".join(sorted(READERS))
            report.fail(name, f"no file to read in this directory (tally reads {kinds})")
