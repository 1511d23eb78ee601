"""`tally series`, `tally check`, `tally report` and load_records over real databases."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import tally.cli_analyse  # noqa: F401  (registers the commands on the group)
from tally.analyse.source import load_records
from tally.cli import cli
from tally.errors import InputError, StoreError
from tally.extract import Extractor, Settings
from tally.models import Claim, Document
from tally.report import Report
from tally.store import ingest, open_store

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

# Short articles written for these tests; the claims are those each one states.
STORY = ("Russia made {n} drones last year, a ministry spokesman said on state television on "
         "Monday, adding that factories in Tatarstan and Izhevsk now work three shifts a day.")
DOCUMENTS = [
    Document(id="ledger", text=STORY.format(n="140,000") + " Output then rose to 1.4 million in 2024, tenfold.",
             lang="en", published="2025-01-10", outlet="The Northern Ledger"),
    Document(id="veilleur", text="La Russie a produit 1,4 million de drones en 2024, selon Moscou.",
             lang="fr", published="2025-01-12", outlet="Le Veilleur"),
    Document(id="harbour", text="Kyiv says Russia produced only 900,000 drones in 2024.",
             lang="en", published="2025-01-14", outlet="Harbour Post"),
    Document(id="plan", text="Moscow wants 2 million drones in 2024.", lang="en",
             published="2024-02-01", outlet="Harbour Post"),
]


def _claim(doc, quote, value, **fields) -> Claim:
    text = next(d.text for d in DOCUMENTS if d.id == doc)
    base = dict(item="drone", event="produce", actor="Russia", period_start="2024-01-01",
                period_end="2024-12-31")
    base.update(fields)
    return Claim(doc=doc, quote=quote, offset=text.index(quote), value=value,
                 sentence=text, **base)


CLAIMS = {
    "ledger": [
        _claim("ledger", "140,000", 140_000, period_start="2023-01-01", period_end="2023-12-31"),
        _claim("ledger", "1.4 million", 1_400_000),
        _claim("ledger", "tenfold", 10, unit="ratio", period_start="2023-01-01"),
    ],
    "veilleur": [_claim("veilleur", "1,4 million", 1_400_000, speaker="Russia")],
    "harbour": [_claim("harbour", "900,000", 900_000, speaker="Ukraine")],
    "plan": [_claim("plan", "2 million", 2_000_000, status="target", speaker="Russia")],
}


class ListedClaims(Extractor):
    """The real Extractor (rules only, no model), whose claims are those listed above for
    each document: known claims, so the analyses' results can be asserted whatever the
    extraction rules do today."""

    def __init__(self):
        super().__init__(Settings(use_models=False))

    def extract(self, document: Document, report: Report | None = None) -> list[Claim]:
        return list(CLAIMS.get(document.id, []))

    def extract_many(self, documents, report: Report | None = None):
        for document in documents:
            yield document, self.extract(document, report)


def fill(url: str) -> str:
    store = open_store(url)
    try:
        ingest(DOCUMENTS, store, ListedClaims(), Report())
    finally:
        store.close()
    return url


@pytest.fixture
def filled_db(sqlite_url) -> str:
    """An SQLite database holding DOCUMENTS and their CLAIMS."""
    return fill(sqlite_url)


@pytest.fixture
def filled_any_db(db_url) -> str:
    """The same on SQLite, then on PostgreSQL."""
    return fill(db_url)


def run(*args) -> object:
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def test_cli_analyse_load_records_with_document_fields(filled_any_db):
    filled_db = filled_any_db
    records = load_records(filled_db, item="drone", actor="russia")
    assert len(records) == 6
    first = next(r for r in records if r["doc"] == "veilleur")
    assert (first["outlet"], first["lang"], first["published"]) == ("Le Veilleur", "fr", "2025-01-12")
    assert first["sentence"].startswith("La Russie")
    assert len(load_records(filled_db, status="target")) == 1
    assert len(load_records(filled_db, since="2025-01-12", until="2025-01-13")) == 1


def test_cli_analyse_load_records_refuses_unknown_filters_and_missing_files(tmp_path, filled_db):
    with pytest.raises(InputError):
        load_records(filled_db, colour="red")
    with pytest.raises(StoreError):
        load_records(str(tmp_path / "absent.db"))
    assert not (tmp_path / "absent.db").exists()


def test_cli_analyse_near_duplicate_documents_repeat_their_original(sqlite_url):
    original = DOCUMENTS[0]
    copy = Document(id="copy", text=original.text.replace("Monday", "Tuesday"), lang="en",
                    published="2025-01-11", outlet="Wire Copy")
    store = open_store(sqlite_url)
    try:
        ingest([original], store, ListedClaims(), Report())
        ingest([copy], store, ListedClaims(), Report())
    finally:
        store.close()
    records = load_records(sqlite_url)
    copies = [r for r in records if r["doc"] == "copy"]
    assert len(copies) == 3 and {r["copied_from"] for r in copies} == {"ledger"}
    assert {r["outlet"] for r in copies} == {"Wire Copy"}
    assert len(load_records(sqlite_url, copies=False)) == 3


@pytest.mark.parametrize("fmt, expected", [
    ("table", "1400000"),
    ("csv", "when,period_start,period_end,value"),
    ("json", '"outlet": "Le Veilleur"'),
])
def test_cli_analyse_series_formats(filled_db, fmt, expected):
    result = run("series", "--item", "drone", "--event", "produce", "--actor", "Russia",
                 "--format", fmt, "--db", filled_db)
    assert result.exit_code == 0, result.output
    assert expected in result.output


def test_cli_analyse_series_json_rows_in_period_order(filled_db):
    result = run("series", "--item", "drone", "--actor", "Russia", "--format", "json", "--db", filled_db)
    rows = json.loads(result.output)
    assert rows[0]["value"] == 140_000 and rows[0]["when"] == "2023-12-31"
    assert {r["status"] for r in rows} == {"reported", "target"}


@pytest.mark.parametrize("name, magic", [("chart.svg", b"<svg"), ("chart.png", b"\x89PNG")])
def test_cli_analyse_series_chart(tmp_path, filled_db, name, magic):
    chart = tmp_path / name
    result = run("series", "--item", "drone", "--actor", "Russia", "--chart", chart, "--db", filled_db)
    assert result.exit_code == 0, result.output
    assert chart.read_bytes().lstrip()[:4] == magic


def test_cli_analyse_series_bad_chart_name_is_a_clear_error(tmp_path, filled_db):
    result = run("series", "--item", "drone", "--chart", tmp_path / "c.gif", "--db", filled_db)
    assert result.exit_code == 1 and "must end in .svg or .png" in result.output


def test_cli_analyse_check_lists_contradictions_and_failed_checks(filled_db):
    result = run("check", "--db", filled_db)
    assert result.exit_code == 0, result.output
    assert "1 contradictions" in result.output and "Ukraine in Harbour Post" in result.output
    assert "[target: missed]" in result.output and "tenfold" not in result.output
    everything = run("check", "--all", "--db", filled_db)
    assert "[multiple: consistent]" in everything.output


def test_cli_analyse_database_from_the_environment(filled_db):
    result = CliRunner().invoke(cli, ["check"], env={"TALLY_DB": filled_db})
    assert result.exit_code == 0 and "1 contradictions" in result.output


def test_cli_analyse_check_json(filled_db):
    result = run("check", "--all", "--format", "json", "--db", filled_db)
    found = json.loads(result.output)
    assert len(found["contradictions"]) == 1
    assert {c["kind"] for c in found["checks"]} == {"multiple", "target"}


def test_cli_analyse_report_writes_one_file(tmp_path, filled_db):
    output = tmp_path / "report.html"
    result = run("report", "-o", output, "--title", "Drones", "--db", filled_db)
    assert result.exit_code == 0, result.output
    html = output.read_text(encoding="utf-8")
    assert html.count("<svg") == 1 and "Le Veilleur" in html and "missed by" in html


def test_cli_analyse_missing_database_is_a_clear_error(tmp_path):
    result = run("report", "--db", tmp_path / "none.db", "-o", tmp_path / "r.html")
    assert result.exit_code == 1 and "no such database" in result.output


@pytest.mark.parametrize("command", ["series", "check", "report"])
def test_cli_analyse_commands_have_help_with_examples(command):
    result = run(command, "--help")
    assert result.exit_code == 0 and "Examples:" in result.output and "--db" in result.output


@pytest.mark.slow
def test_cli_analyse_bundled_corpus_end_to_end(tmp_path, extractor):
    from tally.ingest import read_paths

    db = str(tmp_path / "examples.db")
    store = open_store(db)
    try:
        ingest(read_paths([str(EXAMPLES)], Report()), store, extractor, Report())
    finally:
        store.close()
    series = run("series", "--item", "drone", "--actor", "Russia", "--chart", tmp_path / "s.svg", "--db", db)
    assert series.exit_code == 0, series.output
    assert (tmp_path / "s.svg").stat().st_size > 1000
    check = run("check", "--all", "--db", db)
    assert check.exit_code == 0 and "contradictions" in check.output
    report = run("report", "-o", tmp_path / "r.html", "--db", db)
    assert report.exit_code == 0
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "<svg" in html and "The Northern Ledger" in html and "Le Veilleur" in html


@pytest.mark.slow
def test_cli_analyse_eval_articles_end_to_end(tmp_path, extractor):
    """The real articles of ../shared/eval, read in place: every command works on them."""
    from tally.evaluate import default_eval_dir
    from tally.ingest import read_paths

    docs = sorted(default_eval_dir().glob("*/docs.jsonl"))
    if not docs:
        pytest.skip("no ../shared/eval here")
    db = str(tmp_path / "eval.db")
    store = open_store(db)
    try:
        ingest(read_paths([str(p) for p in docs], Report()), store, extractor, Report())
    finally:
        store.close()
    records = load_records(db)
    assert len({r["doc"] for r in records}) >= len(docs)
    assert run("check", "--all", "--format", "json", "--db", db).exit_code == 0
    assert run("series", "--item", "drone", "--format", "csv", "--db", db).exit_code == 0
    report = run("report", "-o", tmp_path / "r.html", "--db", db)
    assert report.exit_code == 0 and "<svg" in (tmp_path / "r.html").read_text(encoding="utf-8")


def test_cli_analyse_series_since_until_filter_on_publication(filled_db):
    every = json.loads(run("series", "--item", "drone", "--actor", "Russia", "--format", "json",
                           "--db", filled_db).output)
    published = sorted({r["published"] for r in every})
    since = json.loads(run("series", "--item", "drone", "--actor", "Russia", "--since", published[-1],
                           "--format", "json", "--db", filled_db).output)
    until = json.loads(run("series", "--item", "drone", "--actor", "Russia", "--until", published[0],
                           "--format", "json", "--db", filled_db).output)
    assert since and {r["published"] for r in since} == {published[-1]}
    assert until and {r["published"] for r in until} == {published[0]}
    assert len(published) > 1 and len(since) + len(until) <= len(every)
    assert run("series", "--item", "drone", "--since", "2999", "--format", "json",
               "--db", filled_db).output.strip() == "[]"


def test_cli_analyse_json_is_one_row_a_line(filled_db):
    lines = run("series", "--item", "drone", "--actor", "Russia", "--format", "json",
                "--db", filled_db).output.strip().splitlines()
    assert len(lines) > 1 and lines[0].startswith("[{") and lines[-1].endswith("}]")
