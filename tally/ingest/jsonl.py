"""JSONL documents in the docs.jsonl form of CLAIMS.md, one object a line."""
from __future__ import annotations

import json
from collections.abc import Iterator

from ..models import Document
from ..report import Report

_FIELDS = ("id", "text", "lang", "published", "outlet", "url", "title")


def parse_jsonl(lines: Iterator[str], source: str, report: Report) -> Iterator[Document]:
    """Documents from JSONL lines; a bad line is reported with its number, the rest go on."""
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            report.fail(where, f"not valid JSON ({error.msg} at column {error.colno})")
            continue
        if not isinstance(record, dict):
            report.fail(where, "expected a JSON object with at least 'text'")
            continue
        text = record.get("text")
        if not isinstance(text, str) or not text.strip():
            report.fail(where, "no 'text' string in this record")
            continue
        fields = {name: record.get(name) for name in _FIELDS}
        fields["id"] = str(fields["id"]) if fields["id"] is not None else f"{source}:{number}"
        for name in ("lang", "published", "outlet", "url", "title"):
            if fields[name] is not None:
                fields[name] = str(fields[name])
        yield Document(source=where, **fields)
