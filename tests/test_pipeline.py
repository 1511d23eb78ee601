"""The pipeline serial and on a real Dask LocalCluster: same results, bounded batches."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from tally.cli import cli
from tally.ingest import read_paths
from tally.models import Document
from tally.pipeline import PipelineSettings, cluster, ingest, run
from tally.report import Report
from tally.store import open_store

ROOT = Path(__file__).parents[1]
# Bundled examples plus the store fixtures: near-duplicates, a copy, a broken feed.
INPUTS = [str(ROOT / "examples"), str(Path(__file__).parent / "fixtures" / "db")]
DOCUMENT_COLUMNS = ("key", "title", "outlet", "published", "lang", "content_hash",
                    "duplicate_of", "similarity", "extractor_version")
CLAIM_COLUMNS = ("document_id", "doc", "quote", "offset", "value", "bound", "unit", "item",
                 "event", "actor", "speaker", "period_start", "period_end", "status",
                 "item_detail", "sentence", "confidence", "is_current")


@pytest.fixture(scope="module")
def scheduler():
    """The address of a LocalCluster of 2 worker processes, for the module."""
    with cluster(2) as address:
        yield address


def rows(db: str, table: str, columns: tuple[str, ...]) -> list[tuple]:
    names = ", ".join(f'"{c}"' for c in columns)
    with sqlite3.connect(db) as conn:
        return conn.execute(f"SELECT {names} FROM {table} ORDER BY id").fetchall()


def ingest_into(db: str, settings: PipelineSettings, extractor=None) -> tuple:
    report = Report()
    store = open_store(db)
    try:
        result = ingest(read_paths(INPUTS, report), store, report, settings, paths=INPUTS,
                        extractor=extractor)
    finally:
        store.close()
    return result, sorted(where for where, _ in report.failures)


def numbered(count: int, read: list[int]):
    """`count` small distinct documents, noting in `read` how many were taken so far."""
    for number in range(count):
        read[0] = number + 1
        yield Document(id=f"d{number}", lang="en",
                       text=f"Note {number}: the depot counted {number + 3} trucks on Monday.")


@pytest.mark.slow
def test_pipeline_two_workers_store_what_a_serial_run_stores(tmp_path, scheduler, extractor):
    serial_db, cluster_db = str(tmp_path / "serial.db"), str(tmp_path / "cluster.db")
    serial = ingest_into(serial_db, PipelineSettings(batch_size=3), extractor)
    spread = ingest_into(cluster_db, PipelineSettings(batch_size=3, scheduler=scheduler))
    assert spread[0].summary() == serial[0].summary()
    assert spread[1] == serial[1] and serial[1]  # the broken inputs fail in both
    assert serial[0].claims > 20 and serial[0].near_duplicate >= 1
    for table, columns in (("documents", DOCUMENT_COLUMNS), ("claims", CLAIM_COLUMNS)):
        assert rows(cluster_db, table, columns) == rows(serial_db, table, columns)


@pytest.mark.slow
def test_pipeline_run_on_workers_gives_serial_claims_in_order(scheduler, extractor):
    def claims(settings, extractor=None):
        report = Report()
        found = run(read_paths(INPUTS, report), settings, report, extractor)
        return [(d.id, [c.to_record() for c in cs]) for d, cs in found], len(report.failures)

    serial = claims(PipelineSettings(batch_size=4), extractor)
    spread = claims(PipelineSettings(batch_size=4, scheduler=scheduler))
    assert spread == serial and len(serial[0]) > 10


@pytest.mark.slow
@pytest.mark.parametrize("batch_size, in_flight", [(5, 1), (5, 3), (2, 4)])
def test_pipeline_streaming_reads_only_the_batches_in_flight(scheduler, batch_size, in_flight):
    read = [0]
    settings = PipelineSettings(batch_size=batch_size, in_flight=in_flight, scheduler=scheduler)
    results = run(numbered(200, read), settings)
    first = next(results)
    # The first result comes back with at most `in_flight` batches read (plus the one
    # whose submission waits on it).
    assert first[0].id == "d0" and read[0] <= batch_size * (in_flight + 1)
    assert sum(1 for _ in results) == 199 and read[0] == 200


@pytest.mark.slow
def test_pipeline_serial_ingest_commits_as_it_reads(tmp_path, extractor):
    read, seen = [0], []
    store = open_store(str(tmp_path / "t.db"))
    try:
        ingest(numbered(60, read), store, Report(), PipelineSettings(batch_size=10),
               extractor=extractor, on_progress=lambda result, handled: seen.append(
                   (result.new, read[0])) if handled == 0 else None)
    finally:
        store.close()
    # After each commit, only the committed batch (and none beyond) had been read.
    assert seen == [(n, n) for n in range(10, 61, 10)]


@pytest.mark.slow
def test_pipeline_cli_ingest_with_scheduler_matches_serial(tmp_path, scheduler):
    outputs = []
    for name, extra in (("serial", []), ("cluster", ["--scheduler", scheduler])):
        db = str(tmp_path / f"{name}.db")
        result = CliRunner().invoke(cli, ["ingest", str(ROOT / "examples"), "--db", db,
                                          "--no-progress", *extra])
        assert result.exit_code == 0, result.output
        outputs.append(result.output.split(": ", 1)[1])
        outputs.append(rows(db, "claims", CLAIM_COLUMNS))
    assert outputs[0] == outputs[2] and outputs[1] == outputs[3]


def test_pipeline_unreachable_scheduler_is_a_clear_error(tmp_path):
    from db_fixtures import free_port

    result = CliRunner().invoke(cli, ["ingest", str(ROOT / "examples"), "--db",
                                      str(tmp_path / "t.db"), "--no-progress", "--scheduler",
                                      f"tcp://127.0.0.1:{free_port()}"])
    assert result.exit_code != 0 and "cannot reach the Dask scheduler" in result.output


@pytest.mark.slow
def test_pipeline_workers_write_straight_to_postgresql(pg_url, scheduler, tmp_path, extractor):
    serial_db = str(tmp_path / "serial.db")
    serial = ingest_into(serial_db, PipelineSettings(batch_size=20), extractor)
    spread = ingest_into(pg_url, PipelineSettings(batch_size=20, scheduler=scheduler))
    assert spread[0].summary() == serial[0].summary() and spread[1] == serial[1]
    store = open_store(pg_url)
    try:
        from tally.store import ClaimFilter, find_claims

        found = sorted((c["doc"], c["offset"], c["value"], c["item"])
                       for c in find_claims(store, ClaimFilter()))
    finally:
        store.close()
    with sqlite3.connect(serial_db) as conn:
        expected = sorted(conn.execute('SELECT doc, "offset", value, item FROM claims'))
    assert [tuple(row) for row in found] == [tuple(row) for row in expected]


def story(number: int, extra: str = "") -> Document:
    words = " ".join(f"word{number}x{k}" for k in range(60))
    return Document(id=f"s{number}{'-edit' if extra else ''}", lang="en", text=words + extra)


@pytest.mark.parametrize("window, linked", [(None, True), (10, True), (2, False)])
def test_pipeline_near_duplicate_window_bounds_the_index(tmp_path, extractor, window, linked):
    # The edit of story 0 comes after three other stories: a window of 2 has let it go.
    documents = [story(0), story(1), story(2), story(3), story(0, " And one more line.")]
    settings = PipelineSettings(batch_size=1)
    settings.ingest.near_duplicate_window = window
    store = open_store(str(tmp_path / "t.db"))
    try:
        result = ingest(documents, store, Report(), settings, extractor=extractor)
    finally:
        store.close()
    assert (result.near_duplicate, result.new) == ((1, 4) if linked else (0, 5))
