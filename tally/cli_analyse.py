"""Analysis commands of the CLI: series, check, report (over the claims database)."""
from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import click

from .cli import cli, json_array
from .errors import TallyError

SERIES_FORMATS = ("table", "csv", "json")
# Columns of `tally series --format table`: the full rows go to csv and json.
TABLE_COLUMNS = ("when", "period_start", "value", "bound", "unit", "status", "speaker", "outlet",
                 "published", "lang", "quote")


def db_option(function):
    """--db, as the database commands take it (also from $TALLY_DB)."""
    return click.option("--db", envvar="TALLY_DB", default="tally.db", show_default=True,
                        help="SQLite file or postgresql://user@host/dbname URL "
                             "[env TALLY_DB; default tally.db].")(function)


def filter_options(function):
    """--item/--event/--actor/--since/--until, the subset of claims an analysis reads."""
    for name, text in reversed((
        ("--item", "Only claims about this item (e.g. drone)."),
        ("--event", "Only claims of this event (e.g. produce)."),
        ("--actor", "Only claims of this actor (e.g. Russia)."),
        ("--since", "Only documents published on or after (YYYY[-MM[-DD]])."),
        ("--until", "Only documents published on or before (YYYY[-MM[-DD]])."),
    )):
        function = click.option(name, default=None, help=text)(function)
    return function


def _load(db: str, **filters) -> list[dict]:
    from .analyse.source import load_records

    return load_records(db, **filters)


@cli.command()
@click.option("--item", required=True, help="What is counted (e.g. drone).")
@click.option("--event", default=None, help="What happens to it (e.g. produce).")
@click.option("--actor", default=None, help="Who does it (e.g. Russia).")
@click.option("--unit", default=None, help="Only figures in this unit (count, USD, ratio...).")
@click.option("--since", default=None, help="Only documents published on or after (YYYY[-MM[-DD]]).")
@click.option("--until", default=None, help="Only documents published on or before (YYYY[-MM[-DD]]).")
@click.option("--chart", type=click.Path(dir_okay=False), default=None,
              help="Also draw the series into FILE.svg or FILE.png.")
@click.option("--format", "fmt", type=click.Choice(SERIES_FORMATS), default="table", show_default=True,
              help="table for reading, csv or json for other tools.")
@db_option
def series(item, event, actor, unit, since, until, chart, fmt, db):
    """Every figure for one item, event and actor, by the time it refers to.

    \b
    Examples:
      tally series --item drone --event produce --actor Russia
      tally series --item drone --event produce --actor Russia --chart drones.svg
      tally series --item drone --actor Russia --format csv > drones.csv
      tally series --item drone --actor Russia --since 2024-01 --until 2024-06
    """
    from .analyse.charts import write_chart
    from .analyse.series import series_rows

    try:
        records = _load(db, item=item, event=event, actor=actor, since=since, until=until)
        rows = series_rows(records, item, event, actor, unit)
        _write_rows(rows, fmt)
        if chart:
            title = " / ".join(x for x in (item, event, actor) if x)
            write_chart(rows, chart, title, unit)
            click.echo(f"chart written to {chart}", err=True)
    except TallyError as error:
        raise click.ClickException(str(error)) from None


def _write_rows(rows: list[dict], fmt: str) -> None:
    if fmt == "json":
        click.echo(json_array(rows))
    elif fmt == "csv":
        from .analyse.series import COLUMNS

        writer = csv.DictWriter(sys.stdout, fieldnames=list(COLUMNS), extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    elif not rows:
        click.echo("no figures match")
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(*TABLE_COLUMNS)
        for row in rows:
            table.add_row(*("" if row.get(c) is None else str(row[c]) for c in TABLE_COLUMNS))
        Console(file=sys.stdout, width=200).print(table)


@cli.command()
@filter_options
@click.option("--all", "show_all", is_flag=True, help="List every check, not only failed ones.")
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True)
@db_option
def check(item, event, actor, since, until, show_all, fmt, db):
    """List contradictions and failed arithmetic checks (inconsistent multiples, parts
    over totals, missed targets), one sentence each.

    \b
    Examples:
      tally check
      tally check --actor Russia --all
      tally check --format json > findings.json
    """
    from .analyse import find_contradictions, run_checks

    try:
        records = _load(db, item=item, event=event, actor=actor, since=since, until=until)
    except TallyError as error:
        raise click.ClickException(str(error)) from None
    contradictions = find_contradictions(records)
    checks = [c for c in run_checks(records) if show_all or c.failed]
    if fmt == "json":
        click.echo(json.dumps({"contradictions": [c.to_record() for c in contradictions],
                               "checks": [c.to_record() for c in checks]}, ensure_ascii=False, indent=1))
        return
    click.echo(f"{len(contradictions)} contradictions")
    for found in contradictions:
        click.echo(f"- {found.sentence}")
    label = "checks" if show_all else "failed checks"
    click.echo(f"{len(checks)} {label}")
    for result in checks:
        click.echo(f"- [{result.kind}: {result.result}] {result.sentence}")


@cli.command()
@filter_options
@click.option("-o", "--output", type=click.Path(dir_okay=False), default="tally-report.html",
              show_default=True, help="The HTML file to write.")
@click.option("--title", default="tally report", show_default=True, help="Title of the report.")
@click.option("--series", "n_series", type=int, default=3, show_default=True,
              help="How many series to chart (those with most dated figures).")
@db_option
def report(item, event, actor, since, until, output, title, n_series, db):
    """Write one self-contained HTML report: main series (charts inline), contradictions,
    checks, top repeated claims and sources. It opens offline.

    \b
    Examples:
      tally report -o report.html
      tally report --actor Russia --since 2024 -o russia.html
    """
    from .analyse.report import ReportSettings, build_report

    try:
        records = _load(db, item=item, event=event, actor=actor, since=since, until=until)
        html = build_report(records, ReportSettings(title=title, series=n_series))
    except TallyError as error:
        raise click.ClickException(str(error)) from None
    Path(output).write_text(html, encoding="utf-8")
    click.echo(f"report written to {output} ({len(records)} claims)", err=True)
