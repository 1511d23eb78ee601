"""The `tally serve` command: browse a claims database in a web browser."""
from __future__ import annotations

import click

from .cli import cli
from .errors import TallyError


@cli.command()
@click.option("--db", default="tally.db", show_default=True, type=click.Path(dir_okay=False),
              help="The SQLite claims database to browse (opened read-only).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; 0.0.0.0 makes the pages visible to your network.")
@click.option("--port", default=8001, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on.")
def serve(db, host, port):
    """Browse the claims of DB in a web browser: claims with facets and search, timelines,
    documents with their figures highlighted, contradictions, checks and sources.

    \b
    Examples:
      tally serve
      tally serve --db news.db --port 8080
    """
    from .serve import serve as run

    click.echo(f"tally: serving {db} on http://{host}:{port}/ (Ctrl-C to stop)")
    try:
        run(db, host=host, port=port)
    except TallyError as error:
        raise click.ClickException(str(error)) from None
