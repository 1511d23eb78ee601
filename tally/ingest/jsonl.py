"""JSONL documents in the docs.jsonl form of CLAIMS.md, one object a line."""
from __future__ import annotations

import json
from collections.abc import Iterator

from ..models import Document
from ..report import Report

_FIELDS = ("id", "text", "lang", "published", "outlet", "url", "title")
_OPTIONAL = ("lang", "published", "outlet", "url", "title")
# This many bad lines in a row: the file is not JSONL, and a line each would flood stderr.
_MAX_BAD_IN_A_ROW = 10


def parse_jsonl(lines: Iterator[str], source: str, report: Report) -> Iterator[Document]:
    """Documents from JSONL lines; a bad line is reported with its number, the rest go on.

    A record without `id` gets "<source>:<line>"; `lang` is normalised ("FR", "fr-FR": "fr").
    >>> [d.id for d in parse_jsonl(iter(['{"id": 7, "text": "Huit pays"}']), "a.jsonl", Report())]
    ['7']
    """
    bad_in_a_row = 0
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        if bad_in_a_row == _MAX_BAD_IN_A_ROW:
            report.fail(source, f"stopped at line {number}: {bad_in_a_row} bad lines in a row "
                                "(is this JSONL, one JSON object a line?)")
            return
        bad_in_a_row += 1
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
        bad_in_a_row = 0
        fields = {name: record.get(name) for name in _FIELDS}
        fields["id"] = str(fields["id"]) if fields["id"] not in (None, "") else where
        for name in _OPTIONAL:
            value = fields[name]
            fields[name] = str(value).strip() or None if value is not None else None
        if fields["lang"]:
            fields["lang"] = fields["lang"].lower().replace("_", "-").split("-")[0]
        yield Document(source=where, **fields)
