"""tally serve: the pages over a real database, in process and in Debian's Chromium."""
from __future__ import annotations

import asyncio
import concurrent.futures
import hashlib
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import tally.cli_serve  # noqa: F401  (registers `tally serve` on the group)
from tally.cli import cli
from tally.errors import StoreError
from tally.serve import CLAIM_FACETS, database_path, make_datasette
from tally.serve.corpus import build_corpus
from tally.serve.document import figure_span, header_end, runs
from tally.serve.plugin import quote_parts, safe_url
from tally.serve.timeline import short_label

# ---------------------------------------------------------------- pure functions


def _run(coroutine):
    """Run a coroutine to its end in a thread of its own: Playwright's sync API, used by the
    browser tests of the same session, keeps an event loop running in the main thread."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


@pytest.mark.parametrize("text, claims, marked", [
    ("Russia launched 120 drones overnight. Kyiv said 95 were shot down.",
     [{"claim_id": 1, "quote": "120", "offset": 16,
       "sentence": "Russia launched 120 drones overnight."},
      {"claim_id": 2, "quote": "95", "offset": 48, "sentence": "Kyiv said 95 were shot down."}],
     ["120", "95"]),
    ("La Russie a livré 140 000 drones en 2023, selon le Kremlin.",
     [{"claim_id": 3, "quote": "140\u00a0000", "offset": 18, "sentence": None}], []),
    ("La Russie a livré 140\u00a0000 drones en 2023, selon le Kremlin.",
     [{"claim_id": 3, "quote": "140\u00a0000", "offset": 18, "sentence": None}], ["140\u00a0000"]),
    # The offset drifted by two characters: the nearest copy of the quote is marked.
    ("Up to 30% of them, and 30% more.",
     [{"claim_id": 4, "quote": "30%", "offset": 8, "sentence": "Up to 30% of them, and 30% more."}],
     ["30%"]),
    # Two claims on one figure share one mark.
    ("between 10 and 20 sites", [{"claim_id": 5, "quote": "10", "offset": 8},
                                 {"claim_id": 6, "quote": "10", "offset": 8}], ["10"]),
    ("date: 2024-09-15\ntitle: Drones\n\nThey built 48 factories.",
     [{"claim_id": 7, "quote": "48", "offset": 44, "sentence": "They built 48 factories."}], ["48"]),
])
def test_document_runs_give_back_the_text_and_mark_each_figure(text, claims, marked):
    result = runs(text, claims)
    assert "".join(p["text"] for run in result for p in run["pieces"]) == text
    assert [p["text"] for run in result for p in run["pieces"] if p["claims"]] == marked
    for run in result:
        for piece in run["pieces"]:
            for claim in piece["claims"]:
                assert piece["text"] == claim["quote"]


@pytest.mark.parametrize("text, end", [
    ("date: 2024-09-15\ntitle: Drones\noutlet: Le Veilleur\n\nBody.", 52),
    ("date 2024-09\n\nLe corps.", 14),
    ("Title holders made 40 drones.\n\nMore.", 0),
    ("Russia launched 120 drones.", 0),
])
def test_document_header_end(text, end):
    assert header_end(text) == end


def test_document_figure_span_missing_quote():
    assert figure_span("No figure here.", {"quote": "40", "offset": 3}) is None


@pytest.mark.parametrize("url, safe", [
    ("https://example.org/a", "https://example.org/a"),
    ("http://example.org", "http://example.org"),
    ("javascript:alert(1)", None),
    (" JavaScript:alert(1)", None),
    ("data:text/html,<script>alert(1)</script>", None),
    ("//evil.example/x", None),
    ("", None),
    (None, None),
])
def test_plugin_safe_url(url, safe):
    assert safe_url(url) == safe


@pytest.mark.parametrize("record, parts", [
    ({"sentence": "They made 40 drones.", "quote": "40"}, ("They made ", "40", " drones.")),
    ({"sentence": "Il y a 140\u202f000 drones.", "quote": "140\u202f000"},
     ("Il y a ", "140\u202f000", " drones.")),
    ({"sentence": "No quote inside.", "quote": "12"}, ("No quote inside.", "", "")),
    ({"sentence": None, "quote": "12"}, ("", "", "")),
])
def test_plugin_quote_parts(record, parts):
    assert quote_parts(record) == parts


@pytest.mark.parametrize("value, unit, bound, label", [
    (1_400_000, "count", "at_least", "≥ 1.4M"),
    (140_000, "count", "exact", "140k"),
    (500_000_000, "EUR", "exact", "500M EUR"),
    (2_000_000_000, "USD", "approx", "~2bn USD"),
    (44, "count", "exact", "44"),
    (30, "percent", "at_most", "≤ 30%"),
    (10, "ratio", "exact", "x10"),
    (3800, "count/day", "at_least", "≥ 3.8k count/day"),
])
def test_timeline_short_label(value, unit, bound, label):
    assert short_label(value, unit, bound) == label


def record(claim_id, doc, value, speaker, outlet, **extra):
    base = {"claim_id": claim_id, "document_id": doc, "doc": f"d{doc}", "value": value,
            "unit": "count", "bound": "exact", "item": "drone", "event": "deploy",
            "actor": "Russia", "speaker": speaker, "status": "reported", "outlet": outlet,
            "period_start": "2024-09-21", "period_end": "2024-09-22", "published": "2024-09-22",
            "lang": "en", "quote": str(value), "offset": 0, "sentence": f"They sent {value}."}
    return dict(base, **extra)


def test_corpus_indexes_groups_contradictions_and_copies():
    records = [
        record(1, 1, 44, "Air Force", "Harbour Post"),
        record(2, 2, 44, "Air Force", "Le Veilleur"),
        record(3, 1, 44, "Air Force", "Harbour Post", offset=90),  # repeated in its document
        record(4, 3, 100, "General Staff", "Courrier"),
        record(1, 9, 44, "Air Force", "Copycat", copied_from="d1"),  # near-duplicate's copy
    ]
    corpus = build_corpus(records, [])
    assert corpus.claim(1)["document_id"] == 1
    group = corpus.group_of(records[0])
    assert group is corpus.group_of(records[2]) and group.documents == 3
    assert len(corpus.contradictions) == 1
    assert corpus.contradictions_of(records[1]) == corpus.contradictions_of(records[3])
    assert corpus.contradictions_of(records[1])
    assert corpus.subjects[0]["item"] == "drone"


# ---------------------------------------------------------------- in-process server


def fingerprint(path: Path) -> tuple:
    folder = path.parent
    sides = sorted(p.name for p in folder.iterdir() if p.name.startswith(path.name))
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns, sides


@pytest.fixture(scope="module")
def site(corpus_db, tmp_path_factory):
    """(Datasette over the corpus database, its name) in this process."""
    datasette = make_datasette(corpus_db, tmp_path_factory.mktemp("served"))
    _run(datasette.invoke_startup())
    return datasette


def get(datasette, path: str, method: str = "GET"):
    async def fetch():
        return await datasette.client.request(method, path)

    return _run(fetch())


@pytest.mark.slow
@pytest.mark.parametrize("path", ["/", "/-/timeline", "/-/documents/3", "/-/claims/1",
                                  "/-/checks", "/-/sources"])
def test_serve_pages_answer_with_a_content_policy(site, path):
    response = get(site, path)
    assert response.status_code == 200
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert "<title>" in response.text and "tally" in response.text


@pytest.mark.slow
@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE"])
def test_serve_pages_refuse_writes(site, method):
    assert get(site, "/-/timeline", method).status_code == 405
    assert get(site, "/-/documents/3", method).status_code == 405


@pytest.mark.slow
def test_serve_database_is_immutable_and_left_untouched(corpus_db, tmp_path):
    before = fingerprint(corpus_db)
    datasette = make_datasette(corpus_db, tmp_path)
    _run(datasette.invoke_startup())
    for path in ("/", "/-/timeline", "/-/documents/3", "/tally/claims_view.json?_search=drones"):
        assert get(datasette, path).status_code == 200
    database = datasette.get_database("tally")
    assert not database.is_mutable
    assert fingerprint(corpus_db) == before


@pytest.mark.slow
def test_serve_search_finds_sentences(site):
    response = get(site, "/tally/claims_view.json?_search=drones&_shape=array&_size=max")
    rows = response.json()
    assert rows and all("drone" in r["sentence"].lower() for r in rows)
    french = get(site, "/tally/claims_view.json?_search=livres&_shape=array").json()
    assert any("livrés" in r["sentence"] for r in french)  # accents are folded


@pytest.mark.slow
def test_serve_claims_have_every_facet(site):
    page = get(site, "/tally/claims_view.json?_extra=facet_results").json()
    facets = page.get("facet_results", {})
    facets = facets.get("results", facets)
    assert set(CLAIM_FACETS) <= set(facets)
    assert CLAIM_FACETS == ["item", "event", "actor", "speaker", "status", "outlet", "lang"]


@pytest.mark.slow
def test_serve_timeline_spec_links_every_mark(site):
    html = get(site, "/-/timeline").text  # the series with most figures
    found = re.search(r'<script type="application/json" id="t-spec">(.*?)</script>', html, re.S)
    spec = json.loads(found.group(1))
    marks = spec["data"]["values"]
    assert len(marks) >= 2
    assert all(re.fullmatch(r"/-/documents/\d+#claim-\d+", m["href"]) for m in marks)
    assert all(m["short"] for m in marks)


@pytest.mark.slow
def test_serve_claims_table_links_to_tally_pages(site):
    home = get(site, "/").text
    assert "/tally/claims_view?_col=claim_id&amp;_col=published" in home
    table = get(site, "/tally/claims_view?_col=claim_id&_col=quote&_size=3").text
    assert re.search(r'<a href="/-/claims/\d+">\d+</a>', table)


@pytest.mark.slow
def test_serve_unknown_pages_are_not_found(site):
    assert get(site, "/-/documents/99999").status_code == 404
    assert get(site, "/-/claims/99999").status_code == 404
    assert "No series matches" in get(site, "/-/timeline?item=unicorn").text


def test_serve_refuses_a_missing_database(tmp_path):
    with pytest.raises(StoreError, match="no such database"):
        make_datasette(tmp_path / "none.db", tmp_path)
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert "no such database" in result.output


@pytest.mark.parametrize("db, path", [
    ("tally.db", Path("tally.db")),
    ("sqlite:///data/tally.db", Path("data/tally.db")),
    ("sqlite:////srv/tally.db", Path("/srv/tally.db")),
])
def test_serve_database_path(db, path):
    assert database_path(db) == path


def test_serve_refuses_a_server_url():
    with pytest.raises(StoreError, match="SQLite files only") as error:
        database_path("postgresql://me:secret@localhost/tally")
    assert "secret" not in str(error.value)


def test_serve_refuses_a_file_that_is_not_tally(tmp_path):
    import sqlite3

    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE t (x)")
    with pytest.raises(StoreError, match="not a tally database"):
        make_datasette(other, tmp_path)


def test_serve_cli_help_names_every_option():
    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--db", "--port", "--host", "127.0.0.1", "8001"):
        assert option in result.output


# ---------------------------------------------------------------- in the browser

PAGES = {"home": "/", "timeline": "/-/timeline", "document": "/-/documents/3",
         "claim": "/-/claims/1", "checks": "/-/checks", "sources": "/-/sources",
         "claims": "/tally/claims_view"}


def assert_clean(page):
    assert page.blocked == [], f"the page tried to load other hosts: {page.blocked}"
    assert page.errors == [], f"script errors: {page.errors}"
    assert page.dialogs == []
    assert page.refused == [], f"refused by the content policy: {page.refused}"


@pytest.mark.slow
def test_serve_every_page_in_the_browser(corpus_server, site_page, screenshot_dir):
    for name, path in PAGES.items():
        response = site_page.goto(corpus_server + path)
        assert response.ok, path
        site_page.wait_for_load_state("networkidle")
        if name == "timeline":
            site_page.wait_for_selector("body[data-chart=ready]")
        assert site_page.locator("h1, h2").first.is_visible()
        site_page.screenshot(path=str(screenshot_dir / f"serve-{name}.png"), full_page=True)
        assert (screenshot_dir / f"serve-{name}.png").stat().st_size > 10_000
    assert_clean(site_page)


@pytest.mark.slow
def test_serve_timeline_point_lands_on_the_highlighted_sentence(corpus_server, site_page):
    site_page.goto(corpus_server + "/-/timeline")
    site_page.wait_for_selector("body[data-chart=ready]")
    points = site_page.locator("#t-chart path[aria-roledescription='point']")
    assert points.count() >= 2
    points.first.click()
    site_page.wait_for_url(re.compile(r"/-/documents/\d+#claim-\d+$"))
    claim_id = site_page.url.rsplit("#claim-", 1)[1]
    target = site_page.locator(f"[id='claim-{claim_id}']")
    assert target.count() == 1
    mark = site_page.locator("mark.t-fig:target, .t-anchor:target + mark.t-fig")
    assert mark.count() == 1 and mark.is_visible()
    # The figure sits in its shaded sentence, which the :target rule brightens.
    sentence = site_page.locator(".t-sent", has=mark)
    assert sentence.count() == 1
    shade = sentence.evaluate("el => getComputedStyle(el).backgroundColor")
    assert shade == "rgb(255, 229, 138)"
    assert_clean(site_page)


@pytest.mark.slow
def test_serve_document_hover_shows_the_record(corpus_server, site_page, screenshot_dir):
    site_page.goto(corpus_server + "/-/documents/3")
    mark = site_page.locator("mark.t-fig").first
    card = mark.locator(".t-card")
    assert not card.is_visible()
    mark.hover()
    assert card.is_visible()
    text = card.inner_text()
    assert "deliver" in text and "Russia" in text and "Vladimir Putin" in text
    site_page.screenshot(path=str(screenshot_dir / "serve-document-hover.png"))
    mark.click()  # a click keeps the card open and its links usable
    card.get_by_role("link", name=re.compile("articles|details", re.I)).first.click()
    site_page.wait_for_url(re.compile(r"/-/claims/\d+$"))
    assert site_page.locator("#group").is_visible()
    assert_clean(site_page)


@pytest.mark.slow
def test_serve_claims_filter_by_a_facet(corpus_server, site_page, screenshot_dir):
    site_page.goto(corpus_server + "/tally/claims_view")
    facet = site_page.locator("#facet-status a", has_text="target").first
    facet.click()
    site_page.wait_for_url(re.compile(r"status=target"))
    statuses = site_page.locator("table.rows-and-columns td.col-status").all_inner_texts()
    assert statuses and set(statuses) == {"target"}
    site_page.screenshot(path=str(screenshot_dir / "serve-claims-target.png"))
    assert_clean(site_page)


@pytest.mark.slow
def test_serve_readme_screenshots(corpus_server, site_page, screenshot_dir):
    """The two pictures of docs/README-serve.md."""
    site_page.set_viewport_size({"width": 1280, "height": 800})
    site_page.goto(corpus_server + "/-/timeline?item=drone&event=deliver&actor=Russia")
    site_page.wait_for_selector("body[data-chart=ready]")
    site_page.locator("#t-chart path[aria-roledescription='point']").first.hover()
    site_page.wait_for_timeout(300)
    site_page.screenshot(path=str(screenshot_dir / "serve-timeline.png"))
    site_page.goto(corpus_server + "/-/documents/3")
    site_page.locator("mark.t-fig").nth(1).hover()
    site_page.screenshot(path=str(screenshot_dir / "serve-document.png"))
    assert_clean(site_page)


HOSTILE_PAGES = ["/", "/-/timeline", "/-/documents/1", "/-/claims/1", "/-/claims/2",
                 "/-/checks", "/-/sources", "/hostile/claims_view", "/hostile/documents",
                 "/hostile/documents/1", "/hostile/claims_view?_search=drones",
                 "/hostile/claims/1"]


@pytest.mark.slow
def test_serve_hostile_article_never_runs(hostile_server, site_page, screenshot_dir):
    for path in HOSTILE_PAGES:
        response = site_page.goto(hostile_server + path)
        assert response.ok, path
        site_page.wait_for_load_state("networkidle")
        for mark in site_page.locator("mark.t-fig").all()[:3]:
            mark.hover()
        if path == "/-/timeline":  # the chart's tooltips show the quotes
            site_page.wait_for_selector("body[data-chart=ready]")
            for point in site_page.locator("#t-chart path[aria-roledescription='point']").all():
                point.hover()
                site_page.wait_for_timeout(150)
        assert site_page.evaluate("typeof window.__pwned") == "undefined", path
        assert site_page.locator("a[href^='javascript' i]").count() == 0, path
        assert site_page.locator("img[src='x'], b[onmouseover]").count() == 0, path
    site_page.goto(hostile_server + "/-/documents/1")
    text = site_page.locator("article.t-article").inner_text()
    assert "<img src=x onerror=" in text
    assert "</script><script>window.__pwned='script'</script>" in text
    assert '<a href="javascript:' in text
    assert "<script>" in site_page.locator("h1").inner_text()
    assert site_page.locator("mark.t-fig").count() >= 2
    site_page.screenshot(path=str(screenshot_dir / "serve-hostile.png"), full_page=True)
    assert site_page.dialogs == [] and site_page.errors == [] and site_page.blocked == []
