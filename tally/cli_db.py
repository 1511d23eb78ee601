"""Database commands of the CLI: ingest, claims, docs, show, export, reextract, runs,
datasette-metadata. Each parses options, calls one tally.store function, prints."""
from __future__ import annotations

import json
import sys
from contextlib import contextmanager

import click

from .cli import cli, finish_report
from .errors import TallyError
from .report import Report

DB_HELP = "SQLite file or postgresql://user@host/dbname URL [env TALLY_DB; default tally.db]."
TABLE_COLUMNS = ("claim_id", "doc", "quote", "value", "unit", "bound", "item", "event", "actor",
                 "speaker", "period_start", "period_end", "status", "outlet")
DOC_TABLE_COLUMNS = ("id", "key", "published", "outlet", "lang", "claims", "duplicate_of",
                     "title")
STATUS_STYLES = {"reported": "bold black on green", "target": "bold black on yellow",
                 "estimate": "bold black on cyan"}


def db_option(command):
    return click.option("--db", envvar="TALLY_DB", default="tally.db", show_default=True,
                        help=DB_HELP)(command)


def claim_filters(command):
    """The filters shared by `claims` and `export` (repeat an option for OR)."""
    options = [
        click.option("--item", multiple=True, help="What is counted (drone, missile...)."),
        click.option("--actor", multiple=True, help="Who does it (Russia); aliases work."),
        click.option("--speaker", multiple=True, help="Who says so."),
        click.option("--event", multiple=True, help="produce, deliver, strike, kill..."),
        click.option("--status", multiple=True,
                     type=click.Choice(["reported", "target", "estimate"]),
                     help="Said to have happened, planned, or estimated."),
        click.option("--since", help="Published on or after (YYYY[-MM[-DD]])."),
        click.option("--until", help="Published on or before (YYYY[-MM[-DD]])."),
        click.option("--lang", multiple=True, help="Document language (fr, en)."),
        click.option("--outlet", multiple=True, help="Outlet name (Le Monde, TASS)."),
        click.option("--search", help="Text in the quote, sentence or title."),
        click.option("--doc", help="Only the claims of this document (id or key)."),
        click.option("--all-versions", is_flag=True,
                     help="Include claims of older extractor versions."),
        click.option("--limit", type=int, help="At most this many rows."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _filter(options: dict):
    from .store import ClaimFilter

    names = ("item", "actor", "speaker", "event", "status", "since", "until", "lang", "outlet",
             "search", "doc", "all_versions", "limit")
    return ClaimFilter(**{name: options[name] for name in names})


@contextmanager
def _store(db: str, create: bool = False):
    """The open Store; a TallyError raised while it is open becomes a one-line click error.

    Only `ingest` creates a database: a query of a mistyped path says so.
    """
    from .store import open_store

    try:
        store = open_store(db, create=create)
        try:
            yield store
        finally:
            store.close()
    except TallyError as error:
        raise click.ClickException(str(error)) from None


@contextmanager
def _ingest_bar(total: int | None, show: bool):
    """A progress callback: a bar with new/duplicate/failed counts on stderr when `show`."""
    if not show:
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    columns = [TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[counts]}")]
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("ingest", total=total, counts="")

        def advance(result, handled: int) -> None:
            counts = (f"new {result.new} · duplicate {result.duplicate + result.near_duplicate}"
                      f" · failed {result.failed}")
            bar.update(task, advance=handled, counts=counts)

        yield advance


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--lang", type=click.Choice(["auto", "fr", "en"]), default="auto",
              show_default=True, help="Language of the documents; auto detects it.")
@click.option("--batch-size", type=click.IntRange(1), default=20, show_default=True,
              help="Documents per transaction.")
@click.option("--progress/--no-progress", "show_progress", default=None,
              help="Progress bar on stderr (default: when stderr is a terminal).")
@click.option("--workers", type=click.IntRange(0), default=0, show_default=True,
              help="Extract on a local Dask cluster of N processes (0: in this process).")
@click.option("--scheduler", metavar="URL",
              help="Extract on a running Dask cluster (tcp://HOST:PORT) instead.")
def ingest(paths, db, lang, batch_size, show_progress, workers, scheduler):
    """Read PATHS, extract their claims and store both in the database.

    PATHS are files or directories (read recursively): .txt, .md, .jsonl, saved web
    pages (.html, .htm) and RSS/Atom feeds (.xml, .rss, .atom), or - for stdin.
    Running it again adds only what is new: the same text is stored once, and a
    lightly edited copy of a stored article is linked to it, not counted again.
    Documents stream through in batches, so memory stays flat on any corpus size.
    --workers and --scheduler spread the extraction over Dask processes (each loads
    the models once); on SQLite this process still writes, in input order, so the
    database is the same as a serial run's; on PostgreSQL the workers write.

    \b
    Examples:
      tally ingest examples/
      tally ingest feeds/ pages/ --db postgresql://me@localhost/tally
      tally ingest archive/ --workers 2
      tally ingest archive/ --scheduler tcp://10.0.0.5:8786 --db postgresql://me@db/tally
    """
    from .extract import Settings
    from .ingest import count_documents, read_paths
    from .pipeline import PipelineSettings
    from .pipeline import ingest as ingest_documents

    report = Report()
    settings = PipelineSettings(workers=workers, scheduler=scheduler, batch_size=batch_size,
                                extract=Settings(lang=None if lang == "auto" else lang))
    show = show_progress if show_progress is not None else sys.stderr.isatty()
    with _store(db, create=True) as store, _ingest_bar(count_documents(paths), show) as advance:
        result = ingest_documents(read_paths(paths, report), store, report, settings,
                                  paths=paths, on_progress=advance)
        click.echo(f"{store.name}: {result.summary()} (run {result.run_id})")
    finish_report(report)


@cli.command()
@claim_filters
@db_option
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json", "jsonl"]),
              default="table", show_default=True, help="How to print the rows.")
def claims(db, fmt, **options):
    """List stored claims, with their document and outlet.

    \b
    Examples:
      tally claims --item drone --actor Russia --since 2024-01
      tally claims --status target --format csv > targets.csv
      tally claims --search Shahed --format jsonl
    """
    from .store import find_claims

    with _store(db) as store:
        records = find_claims(store, _filter(options))
    _print(records, fmt, TABLE_COLUMNS, "no claims")


@cli.command()
@db_option
@click.option("--lang", multiple=True, help="Document language.")
@click.option("--outlet", multiple=True, help="Outlet name.")
@click.option("--since", help="Published on or after (YYYY[-MM[-DD]]).")
@click.option("--until", help="Published on or before (YYYY[-MM[-DD]]).")
@click.option("--search", help="Text in the title or body.")
@click.option("--originals", is_flag=True, help="Leave out near-duplicates.")
@click.option("--limit", type=int, help="At most this many rows.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json", "jsonl"]),
              default="table", show_default=True, help="How to print the rows.")
def docs(db, lang, outlet, since, until, search, originals, limit, fmt):
    """List stored documents with their number of claims.

    \b
    Examples:
      tally docs
      tally docs --outlet TASS --since 2024-09 --format csv
    """
    from .store import DocFilter, find_documents

    where = DocFilter(lang=lang, outlet=outlet, since=since, until=until, search=search,
                      duplicates=not originals, limit=limit)
    with _store(db) as store:
        records = find_documents(store, where)
    _print(records, fmt, DOC_TABLE_COLUMNS, "no documents")


@cli.command()
@click.argument("doc_id")
@db_option
def show(doc_id, db):
    """Print a document with its claims highlighted, and its claims table.

    DOC_ID is the id of `tally docs` or the document's key (its file name or JSONL id).
    Highlights: green reported, yellow target, cyan estimate.

    \b
    Examples:
      tally show 12
      tally show en-01-putin-drones --db postgresql://me@localhost/tally
    """
    from .store import get_document

    with _store(db) as store:
        document, records = get_document(store, doc_id)
    _render_document(document, records)


@cli.command()
@claim_filters
@db_option
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl", "parquet"]),
              default="csv", show_default=True, help="File format of the export.")
@click.option("-o", "--output", default="-", show_default=True,
              help="File to write ('-' for stdout; parquet needs a file).")
def export(db, fmt, output, **options):
    """Export claims with their document and outlet as CSV, JSON Lines or Parquet.

    \b
    Examples:
      tally export --format csv -o claims.csv
      tally export --format parquet -o claims.parquet --lang fr
    """
    from .store import export_claims, iter_claims

    with _store(db) as store:
        count = export_claims(iter_claims(store, _filter(options)), fmt, output)
    if output != "-":
        click.echo(f"{count} claims written to {output}", err=True)


@cli.command()
@db_option
@click.option("--force", is_flag=True,
              help="Also re-extract documents already done by the current extractor.")
@click.option("--lang", type=click.Choice(["auto", "fr", "en"]), default="auto",
              show_default=True, help="Language of the documents; auto: as stored.")
@click.option("--progress/--no-progress", "show_progress", default=None,
              help="Progress bar on stderr (default: when stderr is a terminal).")
def reextract(db, force, lang, show_progress):
    """Re-run the current extractor over the stored documents.

    Documents whose claims come from an older extractor version get new claims; the
    old ones stay as history (is_current = 0, with their extractor_version).

    \b
    Examples:
      tally reextract
      tally reextract --force --db postgresql://me@localhost/tally
    """
    from .extract import EXTRACTOR_VERSION, Extractor, Settings
    from .store import reextract as reextract_documents

    report = Report()
    extractor = Extractor(Settings(lang=None if lang == "auto" else lang))
    show = show_progress if show_progress is not None else sys.stderr.isatty()
    with _store(db) as store, _ingest_bar(None, show) as advance:
        result = reextract_documents(store, extractor, report, force=force,
                                     on_progress=advance)
        click.echo(f"{store.name}: {result.new} documents re-extracted with "
                   f"{EXTRACTOR_VERSION}; {result.claims} claims stored (run {result.run_id})")
    finish_report(report)


@cli.command()
@db_option
@click.option("--limit", type=int, default=20, show_default=True, help="How many runs.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl", "csv"]),
              default="table", show_default=True, help="How to print the rows.")
def runs(db, limit, fmt):
    """List the latest ingest and reextract runs with their counts.

    A run killed half-way stays `running`; what it committed is kept.

    \b
    Examples:
      tally runs
      tally runs --limit 5 --format json
    """
    from .store import runs as list_runs

    with _store(db) as store:
        records = list_runs(store, limit)
    columns = ("id", "command", "status", "started_at", "seconds", "new", "duplicate",
               "near_duplicate", "failed", "claims", "extractor_version")
    _print(records, fmt, columns, "no runs")


@cli.command(name="datasette-metadata")
@db_option
@click.option("-o", "--output", default="metadata.json", show_default=True,
              help="Where to write it ('-' for stdout).")
def datasette_metadata(db, output):
    """Write metadata.json for Datasette (descriptions, facets, sortable columns).

    \b
    Examples:
      tally datasette-metadata
      datasette tally.db --metadata metadata.json     # then open claims_view
      tally datasette-metadata --db archive.db -o archive-metadata.json
    """
    from .datasette_meta import database_name, metadata, write_metadata

    name = database_name(db) if "://" not in db else "tally"
    if output == "-":
        click.echo(json.dumps(metadata(name), indent=2, ensure_ascii=False))
        return
    try:
        write_metadata(output, name)
    except TallyError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"wrote {output}; run: datasette {db} --metadata {output}", err=True)


def _print(records: list[dict], fmt: str, columns: tuple[str, ...], empty: str) -> None:
    """Records as a rich table, CSV, a JSON array or JSON Lines on stdout."""
    from .cli import json_array, write_records

    if fmt == "json":
        click.echo(json_array(records))
    elif fmt == "jsonl":
        for record in records:
            click.echo(json.dumps(record, ensure_ascii=False, default=str))
    elif fmt == "csv":
        write_records(records, "csv", sys.stdout)
    elif not records:
        click.echo(empty)
    else:
        write_records([{c: r.get(c) for c in columns} for r in records], "table", sys.stdout)


def _render_document(document: dict, records: list[dict]) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    # Piped output keeps every column (a terminal wraps to its own width).
    console = Console(file=sys.stdout, width=None if sys.stdout.isatty() else 200)
    heading = " · ".join(str(document[k]) for k in ("published", "outlet", "lang", "url")
                         if document.get(k))
    console.print(Text(document.get("title") or document["key"], style="bold"))
    console.print(Text(f"document {document['id']} ({document['key']}) {heading}", style="dim"))
    if document.get("duplicate_of"):
        console.print(f"near-duplicate of document {document['duplicate_of']} (similarity "
                      f"{document['similarity']}); its claims are counted there: "
                      f"tally show {document['duplicate_of']}")
    text = Text(document["text"])
    for record in records:
        end = record["offset"] + len(record["quote"])
        text.stylize(STATUS_STYLES.get(record["status"], "reverse"), record["offset"], end)
    console.print()
    console.print(text)
    console.print()
    if not records:
        console.print("no claims")
        return
    table = Table("#", "quote", "value", "unit", "bound", "item", "event", "actor", "speaker",
                  "period", "status")
    for number, record in enumerate(records, 1):
        period = " → ".join(p or "…" for p in (record["period_start"], record["period_end"]))
        table.add_row(str(number), record["quote"], str(record["value"]), record["unit"],
                      record["bound"], record["item"] or "", record["event"],
                      record["actor"] or "", record["speaker"] or "",
                      "" if period == "… → …" else period,
                      Text(record["status"], style=STATUS_STYLES.get(record["status"], "")))
    console.print(table)
