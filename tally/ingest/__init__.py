"""Read documents from files, directories and stdin: text, Markdown and JSONL.

Readers are registered by file suffix in READERS; each takes the decoded text,
the path it came from and the Report, and yields Documents.
"""
from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..models import Document
from ..report import Report
from .jsonl import parse_jsonl
from .text import parse_text, read_header

__all__ = ["READERS", "read_paths", "read_file", "decode", "parse_text", "read_header"]

Reader = Callable[[str, str, Report], Iterable[Document]]


def _read_text(text: str, source: str, report: Report) -> Iterator[Document]:
    yield parse_text(text, doc_id=Path(source).stem, source=source)


def _read_jsonl(text: str, source: str, report: Report) -> Iterator[Document]:
    yield from parse_jsonl(iter(text.splitlines()), source, report)


READERS: dict[str, Reader] = {
    ".txt": _read_text,
    ".md": _read_text,
    ".jsonl": _read_jsonl,
}


def decode(data: bytes, source: str, report: Report) -> str | None:
    """UTF-8 text of a file; None (with a failure reported) when it is empty or binary."""
    if not data.strip():
        report.fail(source, "the file is empty")
        return None
    if b"\x00" in data[:8192]:
        report.fail(source, "this looks like a binary file, not text (it contains NUL bytes)")
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        report.warn(
            source,
            f"invalid UTF-8 at byte {error.start}; undecodable bytes were replaced with U+FFFD",
        )
        return data.decode("utf-8", errors="replace")


def _files(path: Path) -> Iterator[Path]:
    if path.is_dir():
        for child in sorted(path.rglob("*")):
            if child.is_file() and child.suffix.lower() in READERS:
                yield child
    else:
        yield path


def read_file(path: Path, report: Report) -> Iterator[Document]:
    """Documents of one file, by its suffix (plain text when the suffix is unknown)."""
    source = str(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        report.fail(source, f"cannot read the file ({error.strerror})")
        return
    text = decode(data, source, report)
    if text is None:
        return
    reader = READERS.get(path.suffix.lower(), _read_text)
    yield from reader(text, source, report)


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
    """Documents from each path in turn ('-' is stdin); directories are read recursively."""
    for name in paths:
        if name == "-":
            yield from read_stdin(report)
            continue
        path = Path(name)
        if not path.exists():
            report.fail(name, "no such file or directory")
            continue
        for file in _files(path):
            yield from read_file(file, report)
