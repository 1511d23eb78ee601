"""The tally command line: verbs over the library, as sqlite-utils and Datasette do."""
from __future__ import annotations

import csv
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
    """Iterate `items` with a progress bar on stderr when `show` and stderr is a terminal."""
    if not show:
        yield from items
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    console = Console(stderr=True)
    if not console.is_terminal:  # a log file or a pipe gets no bar
        yield from items
        return
    columns = [TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn()]
    # Rich would route stdout through its stderr console while the bar shows: right on a
    # terminal, where both are the screen, but it would steal the records of `> out.jsonl`.
    on_screen = sys.stdout.isatty()
    bar = Progress(*columns, console=console, transient=True,
                   redirect_stdout=on_screen, redirect_stderr=False)
    with bar:
        task = bar.add_task(label, total=total)
        for item in items:
            yield item
            bar.advance(task)


def _count_inputs(paths) -> int | None:
    """Number of documents under PATHS, for the progress bar (None when stdin is read)."""
    from .ingest import count_documents

    return count_documents(paths)


def json_array(records: list[dict]) -> str:
    """A JSON array with one record a line, as sqlite-utils prints rows.

    Each record goes through the C encoder on its own: `indent=` would make json use its
    pure-Python encoder, ten times slower on a series of 40,000 rows.

    >>> print(json_array([{"a": 1}, {"a": 2}]))
    [{"a": 1},
     {"a": 2}]
    """
    lines = ",\n ".join(json.dumps(r, ensure_ascii=False, default=str) for r in records)
    return f"[{lines}]"


def write_records(records: list[dict], fmt: str, out) -> None:
    """Print records as JSONL, CSV (with its header even when empty) or a table."""
    from .models import CLAIM_FIELDS, EXTRA_FIELDS

    if fmt == "jsonl":
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        fields = list(records[0]) if records else [*CLAIM_FIELDS, *EXTRA_FIELDS]
        writer = csv.DictWriter(out, fieldnames=fields, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows(records)
    else:
        from rich.console import Console
        from rich.table import Table
        from rich.text import Text

        if not records:
            out.write("no claims\n")
            return
        columns = [c for c in records[0] if c not in ("sentence", "confidence")]
        table = Table(*columns, show_lines=False)
        for record in records:
            # Text, not str: "[1]" or "[/b]" in an article is not rich markup
            table.add_row(*(Text("" if record[c] is None else str(record[c])) for c in columns))
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
    publication date; `title:`, `outlet:`, `url:` and `lang:` lines may follow),
    .jsonl files in the docs.jsonl form, directories (read recursively, README
    files left out) or - for stdin. Each claim is the CLAIMS.md record plus
    item_detail, sentence and confidence.

    A file or line that cannot be read is skipped; the others go on, and a summary
    of what failed goes to stderr with exit code 1.

    \b
    Examples:
      tally extract examples/
      tally extract article.txt --format table
      tally extract docs.jsonl --lang fr --format csv > claims.csv
      cat article.txt | tally extract -
    """
    report = Report()
    extractor = Extractor(Settings(lang=None if lang == "auto" else lang))
    total = _count_inputs(paths)
    show = show_progress if show_progress is not None else (total or 0) > PROGRESS_MIN_DOCS
    records: list[dict] = []
    try:
        documents = progress(read_paths(paths, report), total, "extracting", show)
        for _document, claims in extractor.extract_many(documents, report):
            batch = [claim.to_record() for claim in claims]
            if fmt == "jsonl":
                write_records(batch, fmt, sys.stdout)
                sys.stdout.flush()
            else:
                records += batch
        if fmt != "jsonl":
            write_records(records, fmt, sys.stdout)
            sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (`tally extract ... | head`): stop quietly, as cat does.
        _silence_stdout()
        sys.exit(1)
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        finish_report(report)
        sys.exit(130)
    finish_report(report)


def _silence_stdout() -> None:
    """Point stdout at devnull so Python's exit flush does not fail on the closed pipe."""
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def finish_report(report: Report) -> None:
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
from . import cli_analyse  # noqa: E402,F401
from . import cli_serve  # noqa: E402,F401
