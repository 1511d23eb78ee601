"""Read documents from files, directories and stdin: text, Markdown and JSONL.

Readers are registered by file suffix in READERS; each takes the decoded text,
the path it came from and the Report, and yields Documents.
"""
from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterable, Iterator
from itertools import chain
from pathlib import Path
from typing import BinaryIO

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


# Bytes read at once from a JSONL file or stdin; the head is what decode() checks.
_CHUNK = 1 << 16


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
_EMPTY = "the file is empty"
_NUL = "this looks like a binary file, not text (it contains NUL bytes)"
_MOSTLY_INVALID = "this looks like a binary file, not text (mostly invalid UTF-8)"


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
    refusal = _refusal(data)
    if refusal:
        report.fail(source, refusal)
        return None
    try:
        return _non_empty(data.decode("utf-8-sig"), source, report)
    except UnicodeDecodeError as error:
        bad_byte = error.start
        text = data.removeprefix(b"\xef\xbb\xbf").decode("utf-8", errors="replace")
    _invalid_utf8(source, report, bad_byte)
    return _non_empty(text, source, report)


def _invalid_utf8(source: str, report: Report, bad_byte: int) -> None:
    report.warn(
        source,
        f"invalid UTF-8 at byte {bad_byte}; undecodable bytes were replaced with U+FFFD "
        "(save the file as UTF-8 to avoid this)",
    )


def _non_empty(text: str, source: str, report: Report) -> str | None:
    # isspace() stops at the first letter, where strip() would copy a 50 MB text.
    if not text or text.isspace():
        report.fail(source, _EMPTY)
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
    """Documents of one file, by its suffix (plain text when the suffix is unknown).

    A JSONL file is read a line at a time, so memory does not grow with its size.
    """
    source = str(path)
    try:
        if path.suffix.lower() == ".jsonl":
            with path.open("rb") as stream:
                yield from read_jsonl_stream(stream, source, report)
            return
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


def read_jsonl_stream(stream: BinaryIO, source: str, report: Report,
                      head: bytes | None = None) -> Iterator[Document]:
    """Documents of a binary JSONL stream, decoded and parsed a line at a time.

    The first chunk (`head`, when the caller has read it already) gets decode()'s checks:
    empty or binary input is one failure. Invalid UTF-8 is replaced with U+FFFD, with
    one warning naming the byte; a bad line is named by its number (see parse_jsonl).
    UTF-16 (rare for JSONL) is decoded whole.
    """
    head = stream.read(_CHUNK) if head is None else head
    if head.startswith(_UTF16_BOMS):
        text = decode(head + stream.read(), source, report)
        if text is not None:
            yield from parse_jsonl(iter(text.splitlines()), source, report)
        return
    refusal = _refusal(head)
    # Blank space is only an empty file when the head is all there is.
    if refusal and (refusal != _EMPTY or len(head) < _CHUNK):
        report.fail(source, refusal)
        return
    chunks = chain([head], iter(lambda: stream.read(_CHUNK), b""))
    yield from parse_jsonl(_decoded_lines(_byte_lines(chunks), source, report), source, report)


def _refusal(head: bytes) -> str | None:
    """Why UTF-8 input starting with `head` is not text: empty, NUL bytes, mostly invalid
    UTF-8 (in its first 100,000 bytes); None when it is text."""
    body = head.removeprefix(b"\xef\xbb\xbf")
    if not body or body.isspace():
        return _EMPTY
    if b"\x00" in head[:8192]:
        return _NUL
    sample = body[:100_000].decode("utf-8", errors="replace")
    if sample.count("\ufffd") > _MAX_REPLACED_SHARE * len(sample):
        return _MOSTLY_INVALID
    return None


def _byte_lines(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """The lines of a stream of byte chunks, each with its b"\\n" (the last may lack it)."""
    pending: list[bytes] = []
    for chunk in chunks:
        start = 0
        while (end := chunk.find(b"\n", start)) != -1:
            pending.append(chunk[start:end + 1])
            yield b"".join(pending)
            pending, start = [], end + 1
        if start < len(chunk):
            pending.append(chunk[start:])
    if pending:
        yield b"".join(pending)


def _decoded_lines(lines: Iterable[bytes], source: str, report: Report) -> Iterator[str]:
    """Each line as text: UTF-8 (a BOM at the start dropped), bad bytes as U+FFFD with one
    warning for the stream."""
    offset, warned = 0, False
    for number, line in enumerate(lines):
        start = 3 if number == 0 and line.startswith(b"\xef\xbb\xbf") else 0
        try:
            yield line[start:].decode("utf-8")
        except UnicodeDecodeError as error:
            if not warned:
                _invalid_utf8(source, report, offset + start + error.start)
                warned = True
            yield line[start:].decode("utf-8", errors="replace")
        offset += len(line)


def read_stdin(report: Report, stream=None) -> Iterator[Document]:
    """Documents from standard input: JSONL (read a line at a time) when it starts with
    '{', else one text."""
    stream = stream if stream is not None else sys.stdin.buffer
    head = stream.read(_CHUNK)
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        yield from read_jsonl_stream(stream, "<stdin>", report, head=head)
        return
    text = decode(head + stream.read(), "<stdin>", report)
    if text is None:
        return
    if text.lstrip().startswith("{"):  # UTF-16 JSONL
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
