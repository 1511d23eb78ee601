"""The claims database on SQLite and PostgreSQL: ingest, dedupe, query, export, faults."""
from __future__ import annotations

import json
import sqlite3
import subprocess
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tally.errors import InputError, StoreError
from tally.ingest import read_paths
from tally.models import Document
from tally.outlets import load_outlets
from tally.report import Report
from tally.store import (
    ClaimFilter, DocFilter, IngestSettings, StoreSettings, counts, export_claims, find_claims,
    find_documents, get_document, ingest, iter_claims, normalise_url, open_store, reextract, runs,
    sync_outlets,
)
from tally.store.schema import Outlet

from db_fixtures import free_port

FIXTURES = Path(__file__).parent / "fixtures" / "db"
ARTICLES = FIXTURES / "articles"


@pytest.fixture
def store(db_url):
    store = open_store(db_url)
    yield store
    store.close()


def ingest_paths(store, extractor, *paths, **settings):
    report = Report()
    result = ingest(read_paths([str(p) for p in paths], report), store, extractor, report,
                    IngestSettings(**settings), paths=[str(p) for p in paths])
    return result, report


@pytest.mark.parametrize("typed, url", [
    ("postgresql://me@db:5432/tally", "postgresql+psycopg://me@db:5432/tally"),
    ("postgres://me@db/tally", "postgresql+psycopg://me@db/tally"),
    ("sqlite:////tmp/x.db", "sqlite:////tmp/x.db"),
])
def test_store_normalise_url(typed, url):
    assert normalise_url(typed) == url


def test_store_normalise_url_path_is_sqlite_file(tmp_path):
    assert normalise_url(str(tmp_path / "a.db")) == f"sqlite:///{tmp_path / 'a.db'}"


def test_store_open_creates_schema_and_view(store):
    assert counts(store) == {"documents": 0, "near_duplicates": 0, "claims": 0,
                             "all_claims": 0}
    from sqlalchemy import inspect

    inspector = inspect(store.engine)
    assert {"documents", "claims", "outlets", "entities", "entity_aliases",
            "ingest_runs"} <= set(inspector.get_table_names())
    assert "claims_view" in inspector.get_view_names()


def test_store_sqlite_uses_wal(sqlite_url):
    open_store(sqlite_url).close()
    with sqlite3.connect(sqlite_url) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_store_ingest_is_idempotent_and_links_near_duplicates(store, extractor):
    first, report = ingest_paths(store, extractor, ARTICLES)
    assert report.ok, report.summary()
    # copy-attack-kyiv.txt repeats attack-kyiv.txt; wire-attack-kyiv.txt is a light edit of it.
    assert (first.new, first.duplicate, first.near_duplicate) == (3, 1, 1)
    before = counts(store)
    assert before["documents"] == 4 and before["near_duplicates"] == 1
    assert before["claims"] == first.claims > 0

    again, _ = ingest_paths(store, extractor, ARTICLES)
    assert (again.new, again.near_duplicate, again.claims) == (0, 0, 0)
    assert again.duplicate == 5
    assert counts(store) == before

    docs = {d["key"]: d for d in find_documents(store)}
    wire = docs["wire-attack-kyiv"]
    assert wire["duplicate_of"] == docs["attack-kyiv"]["id"] and wire["claims"] == 0
    assert wire["similarity"] >= 0.7
    latest = runs(store)
    assert [r["status"] for r in latest] == ["done", "done"]
    assert latest[1]["new"] == 3 and latest[0]["duplicate"] == 5


def test_store_documents_keep_metadata_and_outlet(store, extractor):
    ingest_paths(store, extractor, ARTICLES / "attack-kyiv.txt", ARTICLES / "budget-en.txt")
    document, claims = get_document(store, "budget-en")
    assert document["published"] == "2024-11-20"
    assert document["title"] == "Defence budget grows again"
    assert len(document["content_hash"]) == 64 and document["ingested_at"] is not None
    assert claims and all(c["outlet"] == "TASS" for c in claims)
    assert {c["outlet_ownership"] for c in claims} == {"state-controlled"}
    assert {c["outlet_country"] for c in claims} == {"RU"}
    kyiv = find_claims(store, ClaimFilter(doc="attack-kyiv"))
    assert {c["outlet_ownership"] for c in kyiv} == {"independent"}


def test_store_claims_have_every_field(store, extractor):
    ingest_paths(store, extractor, ARTICLES / "attack-kyiv.txt")
    claim = find_claims(store)[0]
    for name in ("doc", "quote", "offset", "value", "bound", "unit", "item", "event", "actor",
                 "speaker", "period_start", "period_end", "status", "item_detail", "sentence",
                 "confidence", "extractor_version"):
        assert name in claim
    document, _ = get_document(store, "attack-kyiv")
    text = document["text"]
    for claim in find_claims(store):
        assert text[claim["offset"]:claim["offset"] + len(claim["quote"])] == claim["quote"]


@pytest.mark.parametrize("where, expected", [
    (ClaimFilter(lang=("fr",)), {"usines"}),
    (ClaimFilter(outlet=("tass",)), {"budget-en"}),
    (ClaimFilter(outlet=("Le Monde",)), {"usines"}),
    (ClaimFilter(since="2024-10"), {"usines", "budget-en"}),
    (ClaimFilter(until="2024-09"), {"attack-kyiv"}),
    (ClaimFilter(since="2024-10-01", until="2024-10-31"), {"usines"}),
    (ClaimFilter(search="roubles"), {"budget-en"}),
    (ClaimFilter(search="OBUS"), {"usines"}),
    (ClaimFilter(doc="attack-kyiv"), {"attack-kyiv"}),
])
def test_store_claims_filters(store, extractor, where, expected):
    ingest_paths(store, extractor, ARTICLES)
    assert {c["doc"] for c in find_claims(store, where)} == expected


def test_store_claims_field_filters_match_stored_values(store, extractor):
    ingest_paths(store, extractor, ARTICLES)
    every = find_claims(store)
    for name in ("item", "actor", "speaker", "event", "status"):
        values = {c[name] for c in every if c[name]}
        for value in values:
            found = find_claims(store, ClaimFilter(**{name: (value.upper(),)}))
            assert found and all(c[name] == value for c in found)
            assert len(found) == sum(1 for c in every if c[name] == value)


def test_store_claims_bad_date_is_input_error(store):
    with pytest.raises(InputError, match="--since"):
        find_claims(store, ClaimFilter(since="last week"))


def test_store_docs_filter_originals(store, extractor):
    ingest_paths(store, extractor, ARTICLES)
    assert len(find_documents(store, DocFilter(duplicates=False))) == 3
    assert [d["key"] for d in find_documents(store, DocFilter(lang=("fr",)))] == ["usines"]


def test_store_docs_count_current_claims_and_find_copies(store, extractor):
    ingest_paths(store, extractor, ARTICLES)
    docs = {d["key"]: d for d in find_documents(store)}
    by_document = {}
    for claim in find_claims(store):
        by_document[claim["document_id"]] = by_document.get(claim["document_id"], 0) + 1
    assert {key: d["claims"] for key, d in docs.items()} == {
        key: by_document.get(d["id"], 0) for key, d in docs.items()}
    original = docs["attack-kyiv"]["id"]
    copies = find_documents(store, DocFilter(copies_of=(original,)))
    assert [d["key"] for d in copies] == ["wire-attack-kyiv"]
    assert find_documents(store, DocFilter(copies_of=(docs["usines"]["id"],))) == []


def test_store_claim_rows_have_the_claim_columns_in_order(store):
    from tally.store import CLAIM_COLUMNS
    from tally.store.query import claims_select

    with store.read() as session:
        selected = list(claims_select(session, ClaimFilter()).selected_columns.keys())
    assert selected == list(CLAIM_COLUMNS)  # rows become records by position


def test_store_reextract_keeps_versions(store, extractor):
    first, _ = ingest_paths(store, extractor, ARTICLES, extractor_version="test.v1")
    report = Report()
    # Same extractor version: nothing to do.
    assert reextract(store, extractor, report, version="test.v1").new == 0
    result = reextract(store, extractor, report, version="test.v2")
    assert report.ok and result.new == 3 and result.claims == first.claims
    current = find_claims(store)
    assert {c["extractor_version"] for c in current} == {"test.v2"}
    history = find_claims(store, ClaimFilter(all_versions=True))
    assert len(history) == 2 * len(current)
    assert {c["extractor_version"] for c in history if not c["is_current"]} == {"test.v1"}
    assert counts(store)["claims"] == first.claims


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_store_export_formats(store, extractor, tmp_path, fmt):
    ingest_paths(store, extractor, ARTICLES)
    out = tmp_path / f"claims.{fmt}"
    where = ClaimFilter(lang=("en",))
    wanted = find_claims(store, where)
    assert export_claims(iter_claims(store, where), fmt, str(out)) == len(wanted)
    if fmt == "csv":
        import csv

        rows = list(csv.DictReader(out.open(encoding="utf-8")))
    elif fmt == "jsonl":
        rows = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    else:
        import pyarrow.parquet as pq

        rows = pq.read_table(out).to_pylist()
        assert rows[0]["value"] == float(wanted[0]["value"])
    assert len(rows) == len(wanted)
    assert [str(r["quote"]) for r in rows] == [w["quote"] for w in wanted]


def test_store_export_parquet_needs_a_file(store):
    with pytest.raises(InputError, match="--output"):
        export_claims([], "parquet", "-")


def test_store_entities_recorded(store, extractor):
    ingest_paths(store, extractor, ARTICLES)
    from sqlalchemy import text

    names = {c["actor"] for c in find_claims(store) if c["actor"]}
    names |= {c["speaker"] for c in find_claims(store) if c["speaker"]}
    with store.engine.connect() as conn:
        stored = set(conn.execute(text("SELECT name FROM entities")).scalars())
        aliases = set(conn.execute(text("SELECT alias FROM entity_aliases")).scalars())
    assert stored == names and names <= aliases


def test_store_actor_filter_accepts_gazetteer_aliases(store, extractor):
    from tally.store.entities import gazetteer_aliases

    ingest_paths(store, extractor, ARTICLES)
    every = find_claims(store)
    known = {c["actor"] for c in every if c["actor"] in gazetteer_aliases()}
    assert known, "the fixtures name at least one country the gazetteer knows"
    for name in known:
        other = next(a for a in gazetteer_aliases()[name][1] if a != name.lower())
        by_alias = find_claims(store, ClaimFilter(actor=(other,)))
        assert by_alias == find_claims(store, ClaimFilter(actor=(name,)))


def test_store_failed_documents_do_not_stop_the_rest(store, extractor):
    result, report = ingest_paths(store, extractor, FIXTURES / "feeds", FIXTURES / "web")
    failed = {where for where, _ in report.failures}
    assert any("broken.xml" in w for w in failed) and any("empty-index" in w for w in failed)
    assert result.failed == 2 and result.new == 4
    assert counts(store)["documents"] == 4
    assert runs(store)[0]["failed"] == 2 and "broken.xml" in runs(store)[0]["failures"]


# --- faults -----------------------------------------------------------------------------

def test_store_postgresql_unreachable_is_store_error():
    url = f"postgresql://nobody@127.0.0.1:{free_port()}/tally"
    with pytest.raises(StoreError, match="cannot reach the PostgreSQL server"):
        open_store(url, StoreSettings(connect_timeout=2))


def test_store_not_a_database_file(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("these are not the tables you are looking for\n" * 100)
    with pytest.raises(StoreError, match="not a tally database"):
        open_store(str(path))


def test_store_locked_sqlite_is_store_error_and_nothing_changes(sqlite_url, extractor):
    store = open_store(sqlite_url, StoreSettings(busy_timeout=0.5))
    ingest_paths(store, extractor, ARTICLES / "attack-kyiv.txt")
    before = counts(store)
    holder = sqlite3.connect(sqlite_url, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another writer holds the lock
    try:
        with pytest.raises(StoreError, match="locked by another process"):
            ingest_paths(store, extractor, ARTICLES / "budget-en.txt")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert counts(store) == before
    # Once the lock is gone, the same command completes.
    result, _ = ingest_paths(store, extractor, ARTICLES / "budget-en.txt")
    assert result.new == 1


def _many_documents(count: int, words: int = 400) -> list[Document]:
    """Documents of random words with figures: no two share 3-word runs."""
    import random

    rng = random.Random(7)
    vocabulary = [f"w{n}" for n in range(5000)]
    documents = []
    for number in range(count):
        body = " ".join(rng.choice(vocabulary) for _ in range(words))
        text = f"The army counted {number + 10} drones on Monday. {body}."
        documents.append(Document(id=f"doc{number}", text=text, lang="en",
                                  published="2024-01-01"))
    return documents


def test_store_full_disk_page_limit_rolls_back_the_batch(sqlite_url, extractor):
    store = open_store(sqlite_url)
    report = Report()
    ingest(_many_documents(3), store, extractor, report, IngestSettings(batch_size=1))
    before = counts(store)
    with sqlite3.connect(sqlite_url) as conn:
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
    store.close()
    # A page limit just above the current size: the disk is "full" a few documents on.
    small = open_store(sqlite_url, StoreSettings(pragmas={"max_page_count": pages + 40}))
    with pytest.raises(StoreError, match="disk is full"):
        ingest(_many_documents(40, words=2000)[3:], small, extractor, Report(),
               IngestSettings(batch_size=2))
    after = counts(small)
    assert after["documents"] > before["documents"]  # committed batches stay
    with small.engine.connect() as conn:
        from sqlalchemy import text

        assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        orphans = conn.execute(text(
            "SELECT count(*) FROM documents d WHERE d.duplicate_of IS NULL AND NOT EXISTS "
            "(SELECT 1 FROM claims c WHERE c.document_id = d.id)")).scalar()
    assert orphans == 0  # every stored document came with its claims, in one transaction
    small.close()


@pytest.fixture
def tiny_tmpfs(tmp_path):
    """A 1 MB tmpfs, mounted for the test (skipped where mounting is not allowed)."""
    mount = tmp_path / "tiny"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)],
                          capture_output=True)
    if done.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (needs root)")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def test_store_full_tmpfs_is_store_error(tiny_tmpfs, extractor):
    db = str(tiny_tmpfs / "tally.db")
    store = open_store(db)
    with pytest.raises(StoreError, match="disk is full"):
        ingest(_many_documents(60, words=3000), store, extractor, Report(),
               IngestSettings(batch_size=2))
    stored = counts(store)
    assert stored["documents"] > 0 and runs(store)[0]["new"] == stored["documents"]
    store.close()


def test_store_read_only_filesystem_is_store_error(tiny_tmpfs, extractor):
    db = str(tiny_tmpfs / "tally.db")
    store = open_store(db)
    ingest(_many_documents(2), store, extractor, Report())
    before = counts(store)
    store.close()
    subprocess.run(["mount", "-o", "remount,ro", str(tiny_tmpfs)], check=True)
    with pytest.raises(StoreError, match="read-only"):
        readonly = open_store(db)
        ingest(_many_documents(4)[2:], readonly, extractor, Report())
    subprocess.run(["mount", "-o", "remount,rw", str(tiny_tmpfs)], check=True)
    assert counts(open_store(db)) == before


def test_store_sync_outlets_after_losing_the_race(pg_url, caplog):
    """Another ingest inserts an outlet while this one writes them: the unique-key error
    is met by reading the outlets again, not by a failed ingest."""
    store = open_store(pg_url)
    with store.write() as session:
        session.query(Outlet).delete()
    first = load_outlets()[0].name
    inserted = threading.Event()

    def other_ingest():
        with store.write() as session:
            session.add(Outlet(name=first))
            session.flush()
            inserted.set()
            time.sleep(1.5)  # hold the row uncommitted while the other writer reaches it

    thread = threading.Thread(target=other_ingest)
    thread.start()
    inserted.wait(timeout=30)
    with caplog.at_level("INFO", logger="tally.store.ingest"):
        sync_outlets(store)
    thread.join()
    with store.read() as session:
        assert session.scalar(select(func.count()).select_from(Outlet)) == len(load_outlets())
    assert "another ingest" in caplog.text
