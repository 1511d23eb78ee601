"""The tally command line: verbs over the library, as sqlite-utils and Datasette do."""
from __future__ import annotations

import csv
import io
import json
import logging
import sys
from pathlib import Path

import click

from . import __version__
from .errors import TallyError
from .extract import Extractor, Settings
from .ingest import read_paths
from .report import Report

FORMATS = ("jsonl", "csv", "table")
# Above this many documents, long commands show a progress bar on stderr.
PROGRESS_MIN_DOCS = 5


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tally")
@click.option("-v", "--verbose", is_flag=True, help="Log what happens to stderr.")
def cli(verbose: bool) -> None:
    """tally: quantitative claims from news articles, sourced and checkable.

    \b
    Try:
      tally extract examples/            claims of the bundled corpus, as JSONL
      tally extract article.txt --format table
      cat docs.jsonl | tally extract -   read documents from stdin
      tally eval                         score against ../shared/eval
    """
    logging.basicConfig(
        level=logging.INFO if verbose else logging.CRITICAL,
        format="%(levelname)s %(name)s: %(message)s",
    )


def progress(items, total: int | None, label: str, show: bool):
    """Iterate `items` with a progress bar on stderr when `show`."""
    if not show:
        yield from items
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = [TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn()]
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=total)
        for item in items:
            yield item
            bar.advance(task)


def _count_inputs(paths) -> int | None:
    """Number of files under PATHS, for the progress bar (None when stdin is read)."""
    if "-" in paths:
        return None
    count = 0
    for name in paths:
        path = Path(name)
        count += sum(1 for p in path.rglob("*") if p.is_file()) if path.is_dir() else 1
    return count


def write_records(records: list[dict], fmt: str, out) -> None:
    """Print records as JSONL, CSV or a table."""
    if fmt == "jsonl":
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        if not records:
            return
        writer = csv.DictWriter(out, fieldnames=list(records[0]), extrasaction="ignore")
        writer.writeheader()
        writer.writerows(records)
    else:
        from rich.console import Console
        from rich.table import Table

        if not records:
            out.write("no claims\n")
            return
        columns = [c for c in records[0] if c not in ("sentence", "confidence")]
        table = Table(*columns, show_lines=False)
        for record in records:
            table.add_row(*("" if record[c] is None else str(record[c]) for c in columns))
        Console(file=out, width=max(200, 12 * len(columns))).print(table)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True,
              help="jsonl: the CLAIMS.md record a line; csv; table: for reading.")
@click.option("--lang", type=click.Choice(["auto", "fr", "en"]), default="auto", show_default=True,
              help="Language of the documents; auto detects it per document.")
@click.option("--progress/--no-progress", "show_progress", default=None,
              help="Progress bar on stderr (default: when more than a handful of documents).")
def extract(paths, fmt, lang, show_progress):
    """Extract the claims of the documents in PATHS and print them.

    PATHS are .txt/.md files (a first line such as `date: 2024-09-15` gives the
    publication date), .jsonl files in the docs.jsonl form, directories (read
    recursively) or - for stdin. Each claim is the CLAIMS.md record plus
    item_detail, sentence and confidence.

    \b
    Examples:
      tally extract examples/
      tally extract article.txt --format table
      tally extract docs.jsonl --lang fr --format csv > claims.csv
    """
    report = Report()
    extractor = Extractor(Settings(lang=None if lang == "auto" else lang))
    total = _count_inputs(paths)
    show = show_progress if show_progress is not None else (total or 0) > PROGRESS_MIN_DOCS
    records = []
    documents = read_paths(paths, report)
    for document in progress(documents, total, "extracting", show):
        try:
            claims = extractor.extract(document, report)
        except (TallyError, ValueError, RuntimeError) as error:
            report.fail(document.source or document.id, f"extraction failed: {error}")
            continue
        batch = [claim.to_record() for claim in claims]
        if fmt == "jsonl":
            write_records(batch, fmt, sys.stdout)
        else:
            records += batch
    if fmt != "jsonl":
        write_records(records, fmt, sys.stdout)
    _finish(report)


def _finish(report: Report) -> None:
    """Print warnings and failures to stderr; exit 1 when anything failed."""
    for where, message in report.warnings:
        click.echo(f"warning: {where}: {message}", err=True)
    if not report.ok:
        click.echo(report.summary(), err=True)
        sys.exit(1)


@cli.command(name="eval")
@click.option("--docs", "docs", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="A docs.jsonl to score (repeat, paired with --gold).")
@click.option("--gold", "gold", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="The gold.jsonl of the --docs at the same position.")
@click.option("--eval-dir", type=click.Path(file_okay=False), default=None,
              help="Folder of score.py and the sets (default: ../shared/eval or $TALLY_EVAL_DIR).")
@click.option("--errors", type=int, default=0, help="Print this many errors of each kind.")
@click.option("--json", "json_out", type=click.Path(dir_okay=False), help="Write the report as JSON.")
def eval_(docs, gold, eval_dir, errors, json_out):
    """Score the extractor with score.py: seeds and every *-dev set, per language.

    \b
    Examples:
      tally eval
      tally eval --errors 20
      tally eval --docs my/docs.jsonl --gold my/gold.jsonl
    """
    from .evaluate import default_eval_dir, default_sets, evaluate, load_scorer

    if len(docs) != len(gold):
        raise click.UsageError("give as many --gold as --docs")
    try:
        folder = Path(eval_dir) if eval_dir else default_eval_dir()
        scorer = load_scorer(folder)
        pairs = list(zip(map(Path, docs), map(Path, gold))) if docs else default_sets(folder)
        evaluate(pairs, scorer, errors=errors, json_out=json_out)
    except TallyError as error:
        raise click.ClickException(str(error)) from None


# Commands of other modules register themselves on the group when imported.
from . import cli_db  # noqa: E402,F401
