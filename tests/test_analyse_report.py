"""The HTML report: sections, escaping of article text, no external asset; rendered in Chromium."""
from __future__ import annotations

import re

import pytest

from tally.analyse.report import ReportSettings, build_report


def record(doc, value, published="2025-01-10", **fields):
    base = dict(doc=doc, quote=f"{value:,}", offset=0, value=value, bound="exact", unit="count",
                item="drone", event="produce", actor="Russia", speaker=None,
                period_start="2024-01-01", period_end="2024-12-31", status="reported",
                published=published, outlet=f"Outlet {doc}", lang="en",
                url=f"https://example.org/{doc}", title=f"Title {doc}",
                sentence=f"Russia produced {value:,} drones in 2024.")
    base.update(fields)
    return base


HOSTILE = "<script>alert('x')</script><img src=https://evil.example/p.png>"

RECORDS = [
    record("a", 140_000, published="2024-02-01", period_start="2023-01-01", period_end="2023-12-31",
           speaker="Vladimir Putin"),
    record("b", 1_400_000, speaker="Ministry of Defence of Russia", sentence=HOSTILE, title=HOSTILE,
           url="javascript:alert(1)"),
    record("c", 1_400_000, published="2025-01-11", lang="fr", outlet='Le "Veilleur" & co'),
    record("d", 900_000, published="2025-01-12", speaker="Ukraine"),
    record("e", 10, unit="ratio", quote="tenfold", published="2025-01-10",
           period_start="2023-01-01"),
    record("f", 2_000_000, status="target", published="2024-03-01"),
    record("g", 60, item="missile", event="deploy", actor="Russia", period_start=None, period_end=None),
    record("h", 30, item="missile", event="deploy", actor="Russia", period_start=None, period_end=None,
           published="2025-01-11", speaker="Ukraine"),
]


@pytest.fixture(scope="module")
def html() -> str:
    return build_report(RECORDS, ReportSettings(title="Drones <test>"))


def test_report_has_every_section(html):
    for anchor in ("series", "contradictions", "checks", "repeats", "sources"):
        assert f'id="{anchor}"' in html
    assert "Drones &lt;test&gt;" in html
    assert "missed by 600,000 (30%)" in html  # the 2024 target against the reported figure
    assert "Ukraine in Outlet d" in html  # a contradiction names its source


def test_report_escapes_article_text(html):
    assert "<script" not in html and "alert('x')" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert "Le &quot;Veilleur&quot; &amp; co" in html
    assert "javascript:" not in html  # a link only to http(s) pages


def test_report_loads_nothing_from_outside(html):
    assert not re.search(r"<(script|link|iframe|img)\b", html)
    assert not re.search(r"<[^>]*\bsrc\s*=", html)  # escaped article text may say src=
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    links = re.findall(r'href="([^"]+)"', html)
    assert links and all(link.startswith("https://example.org/") for link in links)


def test_report_inlines_one_svg_per_series(html):
    assert html.count("<svg") == 2  # drone/produce/Russia and missile/deploy/Russia
    assert "<?xml" not in html


def test_report_without_claims_still_opens():
    html = build_report([])
    assert "No item, event and actor has two dated figures yet." in html
    assert html.rstrip().endswith("</html>")


@pytest.mark.slow
def test_report_renders_its_charts_in_chromium(tmp_path, html, offline_page):
    path = tmp_path / "report.html"
    path.write_text(html, encoding="utf-8")
    offline_page.goto(path.as_uri())
    charts = offline_page.locator("figure.chart svg")
    assert charts.count() == 2
    for index in range(charts.count()):
        box = charts.nth(index).bounding_box()
        assert box and box["width"] > 200 and box["height"] > 100
        # Vega drew its marks: the points and period bars are paths inside the SVG.
        assert charts.nth(index).locator("path").count() >= 3
    assert offline_page.locator("h2").count() == 5
    # The hostile sentence shows as text instead of running.
    assert offline_page.locator("q", has_text="<script>alert('x')</script>").count() >= 1
    assert all(url.startswith("file://") for url in offline_page.requested)
