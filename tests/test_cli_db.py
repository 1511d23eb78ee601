"""Database commands end to end: CliRunner for output, real processes for kill and concurrency."""
from __future__ import annotations

import csv
import io
import json
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
import click
from click.testing import CliRunner

from tally.cli import cli
from db_fixtures import free_port

FIXTURES = Path(__file__).parent / "fixtures" / "db"
TALLY = str(Path(sys.executable).parent / "tally")


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    """A database filled once by `tally ingest` over every fixture; (db path, result)."""
    db = str(tmp_path_factory.mktemp("cli") / "tally.db")
    result = CliRunner().invoke(cli, ["ingest", str(FIXTURES), "--db", db])
    return db, result


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def test_cli_db_ingest_reports_counts_and_failures(ingested):
    db, result = ingested
    # Two inputs are broken (a feed, a page without body): exit 1, the rest is stored.
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "7 new, 1 duplicate, 1 near-duplicate, 2 failed" in result.stdout
    assert "broken.xml: not a readable RSS/Atom feed (broken XML: line 5" in result.stderr
    assert "empty-index.htm: no article body found" in result.stderr


def test_cli_db_ingest_again_adds_nothing(ingested, tmp_path):
    db, _ = ingested
    before = run("docs", "--db", db, "--format", "json").stdout
    again = run("ingest", str(FIXTURES / "articles"), "--db", db)
    assert again.exit_code == 0, again.output
    assert "0 new, 5 duplicate, 0 near-duplicate, 0 failed; 0 claims" in again.stdout
    assert run("docs", "--db", db, "--format", "json").stdout == before


@pytest.mark.parametrize("fmt", ["table", "csv", "json", "jsonl"])
def test_cli_db_claims_formats(ingested, fmt):
    db, _ = ingested
    result = run("claims", "--db", db, "--format", fmt, "--lang", "en")
    assert result.exit_code == 0, result.output
    if fmt == "json":
        rows = json.loads(result.stdout)
    elif fmt == "jsonl":
        rows = [json.loads(line) for line in result.stdout.splitlines()]
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(result.stdout)))
    else:
        assert "quote" in result.stdout and "120" in result.stdout
        return
    assert rows and all(r["lang"] == "en" for r in rows)
    assert {"doc", "quote", "offset", "value", "item", "actor", "outlet"} <= set(rows[0])


@pytest.mark.parametrize("options, docs", [
    (["--outlet", "TASS"], {"budget-en"}),
    (["--outlet", "Agence France-Presse"], {"wire-1", "wire-2"}),
    (["--since", "2024-12-01"], {"sanctions"}),
    (["--until", "2024-03-31"], {"wire-1", "wire-2"}),
    (["--search", "refugees"], {"wire-1"}),
    (["--lang", "fr"], {"usines"}),
    (["--status", "reported", "--search", "shadow fleet"], {"sanctions"}),
])
def test_cli_db_claims_filters(ingested, options, docs):
    db, _ = ingested
    result = run("claims", "--db", db, "--format", "jsonl", *options)
    assert result.exit_code == 0, result.output
    assert {json.loads(line)["doc"] for line in result.stdout.splitlines()} == docs


def test_cli_db_claims_bad_date(ingested):
    db, _ = ingested
    result = run("claims", "--db", db, "--since", "yesterday")
    assert result.exit_code == 1 and "YYYY-MM-DD" in result.output
    assert "Traceback" not in result.output


def test_cli_db_docs_lists_outlets_and_duplicates(ingested):
    db, _ = ingested
    rows = json.loads(run("docs", "--db", db, "--format", "json").stdout)
    by_key = {r["key"]: r for r in rows}
    assert by_key["sanctions"]["outlet"] == "The Guardian"  # matched by the page's URL
    assert by_key["wire-attack-kyiv"]["duplicate_of"] == by_key["attack-kyiv"]["id"]
    originals = json.loads(run("docs", "--db", db, "--originals", "--format", "json").stdout)
    assert len(originals) == len(rows) - 1


def test_cli_db_show_highlights_claims(ingested):
    db, _ = ingested
    result = run("show", "attack-kyiv", "--db", db)
    assert result.exit_code == 0, result.output
    assert "Overnight attack on Kyiv" in result.stdout
    assert "Russia launched 120 drones" in result.stdout
    assert "period" in result.stdout and "status" in result.stdout
    missing = run("show", "no-such-doc", "--db", db)
    assert missing.exit_code == 1 and "no such document" in missing.output


def test_cli_db_show_near_duplicate_points_to_original(ingested):
    db, _ = ingested
    result = run("show", "wire-attack-kyiv", "--db", db)
    assert result.exit_code == 0 and "near-duplicate of document" in result.stdout


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_cli_db_export(ingested, tmp_path, fmt):
    db, _ = ingested
    out = tmp_path / f"claims.{fmt}"
    result = run("export", "--db", db, "--format", fmt, "-o", str(out), "--lang", "en")
    assert result.exit_code == 0, result.output
    wanted = json.loads(run("claims", "--db", db, "--format", "json", "--lang", "en").stdout)
    assert f"{len(wanted)} claims written" in result.stderr
    if fmt == "parquet":
        import pyarrow.parquet as pq

        assert pq.read_table(out).num_rows == len(wanted)
    else:
        assert len(out.read_text("utf-8").splitlines()) == len(wanted) + (fmt == "csv")


def test_cli_db_export_parquet_to_stdout_is_refused(ingested):
    db, _ = ingested
    result = run("export", "--db", db, "--format", "parquet")
    assert result.exit_code == 1 and "--output" in result.output


def test_cli_db_runs_and_metadata(ingested, tmp_path):
    db, _ = ingested
    runs = json.loads(run("runs", "--db", db, "--format", "json").stdout)
    assert runs[-1]["command"] == "ingest" and runs[-1]["failed"] == 2
    out = tmp_path / "metadata.json"
    assert run("datasette-metadata", "--db", db, "-o", str(out)).exit_code == 0
    tables = json.loads(out.read_text())["databases"]["tally"]["tables"]
    assert tables["claims_view"]["facets"] == ["item", "actor", "status"]


def test_cli_db_postgresql_unreachable():
    result = run("claims", "--db", f"postgresql://nobody@127.0.0.1:{free_port()}/tally")
    assert result.exit_code == 1
    assert "cannot reach the PostgreSQL server" in result.output
    assert "Traceback" not in result.output


def test_cli_db_query_of_missing_database(tmp_path):
    result = run("claims", "--db", str(tmp_path / "typo.db"))
    assert result.exit_code == 1 and "no database here yet" in result.output
    assert not (tmp_path / "typo.db").exists()


def test_cli_db_directory_as_database(tmp_path):
    result = run("docs", "--db", str(tmp_path))
    assert result.exit_code == 1 and "is a directory" in result.output


# --- real processes ---------------------------------------------------------------------

def write_articles(folder: Path, numbers) -> Path:
    """Articles of random words around one figure each: no two are near-duplicates."""
    folder.mkdir(parents=True, exist_ok=True)
    vocabulary = [f"w{n}" for n in range(5000)]
    for number in numbers:
        rng = random.Random(number)
        body = " ".join(rng.choice(vocabulary) for _ in range(300))
        (folder / f"a{number:03d}.txt").write_text(
            f"date: 2024-02-0{number % 9 + 1}\nThe army counted {number + 10} drones on Monday."
            f" {body}.\n", "utf-8")
    return folder


def count_rows(db: str, table: str, where: str = "1=1") -> int:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30) as conn:
        return conn.execute(f"SELECT count(*) FROM {table} WHERE {where}").fetchone()[0]


@pytest.mark.slow
def test_cli_db_killed_ingest_loses_nothing_committed(tmp_path):
    folder = write_articles(tmp_path / "in", range(30))
    db = str(tmp_path / "tally.db")
    command = [TALLY, "ingest", str(folder), "--db", db, "--batch-size", "1", "--no-progress"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.time() + 240
    stored = 0
    while time.time() < deadline and process.poll() is None:
        time.sleep(0.2)
        if Path(db).exists():
            try:
                stored = count_rows(db, "documents")
            except sqlite3.OperationalError:
                continue  # tables not created yet
            if stored >= 3:
                break
    assert process.poll() is None, "ingest ended before it could be killed"
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    killed_at = count_rows(db, "documents")
    assert 3 <= killed_at < 30
    # Every committed document came with its claims: none is half-stored.
    assert count_rows(db, "documents", "id NOT IN (SELECT document_id FROM claims)") == 0
    assert count_rows(db, "ingest_runs", "status = 'running'") == 1

    done = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert f"{30 - killed_at} new, {killed_at} duplicate" in done.stdout
    assert count_rows(db, "documents") == 30
    assert count_rows(db, "claims") == count_rows(db, "claims", "is_current = 1")
    assert count_rows(db, "(SELECT document_id, \"offset\" FROM claims GROUP BY 1, 2 "
                          "HAVING count(*) > 1)") == 0


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_cli_db_two_ingests_at_once(tmp_path, request, backend):
    db = request.getfixturevalue("sqlite_url" if backend == "sqlite" else "pg_url")
    first = write_articles(tmp_path / "first", range(0, 16))
    second = write_articles(tmp_path / "second", range(8, 24))  # 8 articles in both
    processes = [subprocess.Popen([TALLY, "ingest", str(folder), "--db", db, "--batch-size",
                                   "2", "--no-progress"], stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True)
                 for folder in (first, second)]
    outputs = [p.communicate(timeout=400) for p in processes]
    for process, (out, err) in zip(processes, outputs):
        assert process.returncode == 0, err
    news = [int(out.split(": ", 1)[1].split(" new")[0]) for out, _ in outputs]
    assert sum(news) == 24  # each article stored once, by one of the two
    docs = json.loads(run("docs", "--db", db, "--format", "json").stdout)
    assert len(docs) == 24 and len({d["key"] for d in docs}) == 24


DB_COMMANDS = ("ingest", "claims", "docs", "show", "export", "reextract", "runs",
               "datasette-metadata")


@pytest.mark.parametrize("name", DB_COMMANDS)
def test_cli_db_every_command_has_help_and_docs(name):
    command = cli.commands[name]
    assert command.help and len(command.help.split()) > 5
    readme = (Path(__file__).parents[1] / "README.md").read_text("utf-8")
    assert f"tally {name}" in readme
    for option in command.params:
        if isinstance(option, click.Option):
            assert option.help, f"tally {name} {option.opts[0]} has no help"


def test_cli_db_reextract_keeps_history(ingested):
    db, _ = ingested
    before = json.loads(run("claims", "--db", db, "--format", "json").stdout)
    same = run("reextract", "--db", db)
    assert same.exit_code == 0, same.output
    assert "0 documents re-extracted" in same.stdout
    forced = run("reextract", "--db", db, "--force")
    assert forced.exit_code == 0, forced.output
    originals = json.loads(run("docs", "--db", db, "--originals", "--format", "json").stdout)
    assert f"{len(originals)} documents re-extracted" in forced.stdout
    after = json.loads(run("claims", "--db", db, "--format", "json").stdout)
    history = json.loads(run("claims", "--db", db, "--all-versions", "--format", "json").stdout)
    assert len(after) == len(before) and len(history) == 2 * len(before)
    assert sum(not c["is_current"] for c in history) == len(before)
