"""Write claim rows as CSV, JSON Lines or Parquet."""
from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable
from pathlib import Path

from ..errors import InputError, StoreError
from .query import CLAIM_COLUMNS

EXPORT_FORMATS = ("csv", "jsonl", "parquet")


def export_claims(records: Iterable[dict], fmt: str, output: str | None) -> int:
    """Write records to `output` ('-' or None: stdout, not for parquet); returns how many."""
    if fmt not in EXPORT_FORMATS:
        raise InputError(f"--format {fmt}: choose one of {', '.join(EXPORT_FORMATS)}")
    if fmt == "parquet":
        if output in (None, "-"):
            raise InputError("parquet is binary: give a file with --output claims.parquet")
        return _parquet(records, Path(output))
    if output in (None, "-"):
        return _text(records, fmt, sys.stdout)
    try:
        with open(output, "w", encoding="utf-8", newline="") as stream:
            return _text(records, fmt, stream)
    except OSError as error:
        raise StoreError(f"{output}: cannot write the export ({error.strerror})") from error


def _text(records: Iterable[dict], fmt: str, stream) -> int:
    count = 0
    writer = None
    for record in records:
        if fmt == "jsonl":
            stream.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
        else:
            if writer is None:
                writer = csv.DictWriter(stream, fieldnames=list(CLAIM_COLUMNS))
                writer.writeheader()
            writer.writerow(record)
        count += 1
    if fmt == "csv" and writer is None:
        csv.writer(stream).writerow(CLAIM_COLUMNS)  # a header, even for no rows
    return count


def _parquet(records: Iterable[dict], path: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = _arrow_types()
    schema = pa.schema([(name, types.get(name, pa.string())) for name in CLAIM_COLUMNS])
    rows = list(records)
    columns = {name: [r[name] for r in rows] for name in CLAIM_COLUMNS}
    columns["value"] = [None if v is None else float(v) for v in columns["value"]]
    table = pa.Table.from_pydict(columns, schema=schema)
    try:
        pq.write_table(table, path)
    except OSError as error:
        raise StoreError(f"{path}: cannot write the export ({error})") from error
    return len(rows)


def _arrow_types() -> dict:
    import pyarrow as pa

    return {"offset": pa.int64(), "value": pa.float64(), "confidence": pa.float64(),
            "claim_id": pa.int64(), "document_id": pa.int64(), "is_current": pa.bool_()}
