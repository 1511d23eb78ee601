"""Datasette opens a tally database as it is: a real server on loopback, read over HTTP."""
from __future__ import annotations

import json
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tally.datasette_meta import metadata, write_metadata
from tally.ingest import read_paths
from tally.report import Report
from tally.store import find_claims, ingest, open_store

from db_fixtures import free_port

FIXTURES = Path(__file__).parent / "fixtures" / "db"
DATASETTE = Path(sys.executable).parent / "datasette"


def test_datasette_metadata_describes_every_view_column(sqlite_url, extractor):
    store = open_store(sqlite_url)
    with store.engine.connect() as conn:
        from sqlalchemy import inspect

        columns = {c["name"] for c in inspect(conn).get_columns("claims_view")}
    described = metadata("tally")["databases"]["tally"]["tables"]["claims_view"]
    assert columns == set(described["columns"])
    assert set(described["sortable_columns"]) <= columns
    assert set(described["facets"]) == {"item", "actor", "status"}


def get_json(url: str, timeout: float = 10.0):
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return json.loads(response.read().decode("utf-8"))


@pytest.fixture
def served(tmp_path, extractor):
    """(base URL, database path) of a Datasette server over a freshly ingested database."""
    if not DATASETTE.exists():
        pytest.skip("datasette is not installed in this environment")
    db = tmp_path / "tally.db"
    store = open_store(str(db))
    report = Report()
    ingest(read_paths([str(FIXTURES / "articles"), str(FIXTURES / "feeds")], report), store,
           extractor, report)
    store.close()
    meta = tmp_path / "metadata.json"
    write_metadata(str(meta), "tally")
    port = free_port()
    server = subprocess.Popen(
        [str(DATASETTE), "serve", str(db), "-h", "127.0.0.1", "-p", str(port),
         "--metadata", str(meta)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 60
        while True:
            try:
                get_json(f"{base}/-/versions.json", timeout=2)
                break
            except OSError:
                if server.poll() is not None or time.time() > deadline:
                    output = server.stdout.read().decode() if server.stdout else ""
                    pytest.fail(f"datasette did not start: {output}")
                time.sleep(0.3)
        yield base, db
    finally:
        server.terminate()
        server.wait(timeout=20)


@pytest.mark.slow
def test_datasette_serves_claims_view(served):
    base, db = served
    rows = get_json(f"{base}/tally/claims_view.json?_shape=array&_size=max")
    stored = find_claims(open_store(str(db)))
    assert len(rows) == len(stored) > 0
    assert {r["claim_id"] for r in rows} == {c["claim_id"] for c in stored}
    tass = [r for r in rows if r["doc"] == "budget-en"]
    assert tass and {r["outlet_ownership"] for r in tass} == {"state-controlled"}
    assert {r["outlet_country"] for r in tass} == {"RU"}


@pytest.mark.slow
def test_datasette_uses_tally_metadata(served):
    base, _ = served
    meta = get_json(f"{base}/-/metadata.json")
    assert meta["title"].startswith("tally")
    page = get_json(f"{base}/tally/claims_view.json?_extra=facet_results")
    facets = page.get("facet_results", {})
    facets = facets.get("results", facets)  # the shape differs between Datasette versions
    assert {"item", "actor", "status"} <= set(facets)
    filtered = get_json(f"{base}/tally/claims_view.json?_shape=array&outlet=TASS")
    assert filtered and all(r["outlet"] == "TASS" for r in filtered)
