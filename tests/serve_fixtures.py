"""Fixtures of `tally serve`: databases built from articles with the real ingest, a server
on a free loopback port (the real `tally serve` command in a subprocess), and browser pages
that may load nothing but that server.

    def test_x(corpus_server, site_page):      # the bundled corpus, served
        site_page.goto(corpus_server + "/-/timeline")

Screenshots go to a session temp dir, or to $TALLY_SCREENSHOTS when set (the README's
pictures: TALLY_SCREENSHOTS=docs pytest -m slow tests/test_serve.py -k readme).
"""
from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

from db_fixtures import free_port

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
# An article written to attack the page: markup, handlers and javascript: links in every
# field that reaches a page. Any of them running sets window.__pwned or opens a dialog.
HOSTILE_ARTICLE = """date: 2024-10-02
title: Drones <script>window.__pwned = 'title'</script> over the border
outlet: The <b onmouseover="window.__pwned='outlet'">Bold</b> Times
url: javascript:window.__pwned='url'

Russia launched 120 drones overnight <img src=x onerror="window.__pwned='img';alert(1)">, the air force said.
Ukraine shot down 95 drones </script><script>window.__pwned='script'</script> before dawn, officials said.
Read <a href="javascript:window.__pwned='link'">the full list</a> of the 40 drones that hit targets.
"""


def build_database(paths: list[Path], db: Path, extractor) -> Path:
    """The SQLite database at `db`, with the documents of `paths` ingested as `tally ingest` does."""
    from tally.ingest import read_paths
    from tally.report import Report
    from tally.store import ingest, open_store

    store = open_store(str(db))
    try:
        report = Report()
        ingest(read_paths([str(p) for p in paths], report), store, extractor, report)
    finally:
        store.close()
    return db


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory, extractor) -> Path:
    """The bundled corpus (examples/), ingested into a session-wide database."""
    return build_database([EXAMPLES], tmp_path_factory.mktemp("corpus") / "tally.db", extractor)


@pytest.fixture(scope="session")
def hostile_db(tmp_path_factory, extractor) -> Path:
    """A database holding one article full of markup and javascript: links."""
    folder = tmp_path_factory.mktemp("hostile")
    article = folder / "articles" / "hostile.txt"
    article.parent.mkdir()
    article.write_text(HOSTILE_ARTICLE, encoding="utf-8")
    return build_database([article], folder / "hostile.db", extractor)


def _wait_for(url: str, process: subprocess.Popen, timeout: float = 90.0) -> None:
    deadline = time.time() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            if process.poll() is not None or time.time() > deadline:
                output = process.stdout.read().decode() if process.stdout else ""
                pytest.fail(f"tally serve did not start: {output}")
            time.sleep(0.3)


@contextmanager
def running_server(db: Path):
    """The base URL of `tally serve --db db` on a free loopback port, stopped on exit."""
    port = free_port()
    command = [sys.executable, "-c", "import tally.cli_serve; from tally.cli import cli; cli()",
               "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_for(base + "/-/versions.json", process)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=20)


@pytest.fixture(scope="session")
def corpus_server(corpus_db):
    with running_server(corpus_db) as base:
        yield base


@pytest.fixture(scope="session")
def hostile_server(hostile_db):
    with running_server(hostile_db) as base:
        yield base


@pytest.fixture(scope="session")
def screenshot_dir(tmp_path_factory) -> Path:
    """Where browser tests save their screenshots."""
    chosen = os.environ.get("TALLY_SCREENSHOTS")
    if chosen:
        Path(chosen).mkdir(parents=True, exist_ok=True)
        return Path(chosen)
    return tmp_path_factory.mktemp("screenshots")


@pytest.fixture
def site_page(browser):  # `browser`: Debian's Chromium, from browser_fixtures.py
    """A browser page that may only reach 127.0.0.1; it records what it tried to load
    elsewhere (`page.blocked`), dialogs (`page.dialogs`), script errors (`page.errors`) and
    what its Content-Security-Policy refused (`page.refused`)."""
    context = browser.new_context(viewport={"width": 1360, "height": 900}, device_scale_factor=1)
    page = context.new_page()
    page.blocked, page.dialogs, page.errors, page.refused = [], [], [], []

    def route(route):
        url = route.request.url
        if url.startswith("http://127.0.0.1:") or url.startswith("data:"):
            route.continue_()
        else:
            page.blocked.append(url)
            route.abort()

    context.route("**/*", route)
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    # What the Content-Security-Policy refused (Chromium says so on the console).
    page.on("console", lambda message: page.refused.append(message.text)
            if "Content Security Policy" in message.text else None)
    yield page
    context.close()
