"""Saved web pages and RSS/Atom feeds as documents."""
from __future__ import annotations

from pathlib import Path

import pytest

from tally.ingest import READERS, read_paths
from tally.ingest.feeds import read_feed
from tally.ingest.html import parse_html
from tally.report import Report

FIXTURES = Path(__file__).parent / "fixtures" / "db"


@pytest.mark.parametrize("suffix", [".html", ".htm", ".xml", ".rss", ".atom"])
def test_ingest_html_readers_registered(suffix):
    assert suffix in READERS


def test_ingest_html_page_body_and_metadata():
    report = Report()
    html = (FIXTURES / "web" / "sanctions.html").read_text("utf-8")
    document = parse_html(html, "sanctions", "sanctions.html", report)
    assert report.ok
    assert document.title == "New sanctions package agreed"
    assert document.published == "2024-12-16"
    assert document.outlet == "Example Daily"
    assert document.url == "https://www.theguardian.com/world/2024/dec/16/sanctions-package"
    assert "52 ships of the so-called shadow fleet" in document.text
    # Menus and footers are not article text.
    assert "All rights reserved" not in document.text and "Sport" not in document.text


@pytest.mark.parametrize("html", [
    "<html><head><title>Menu</title></head><body><nav><a href='/a'>A</a></nav></body></html>",
    "<html><body></body></html>",
    "<html><body><div class='cookie'>Accepter</div></body></html>",
])
def test_ingest_html_page_without_body_fails_clearly(html):
    report = Report()
    assert parse_html(html, "x", "x.html", report) is None
    assert report.failures[0][0] == "x.html"
    assert "no article body found" in report.failures[0][1]


def test_ingest_html_french_page():
    paragraph = ("<p>Le ministère a indiqué que 1 200 logements avaient été reconstruits "
                 "depuis le printemps dans la région, et que 300 autres le seraient avant "
                 "l'hiver selon le calendrier présenté aux élus locaux.</p>")
    html = (f"<html lang='fr'><head><title>Reconstruction</title></head><body><article>"
            f"<h1>Reconstruction</h1>{paragraph * 2}</article></body></html>")
    document = parse_html(html, "fr", "fr.html", Report())
    assert "1 200 logements" in document.text


def test_ingest_html_rss_items_are_documents():
    report = Report()
    text = (FIXTURES / "feeds" / "wire.rss").read_text("utf-8")
    documents = list(read_feed(text, "wire.rss", report))
    assert report.ok
    assert [d.id for d in documents] == ["wire-1", "wire-2"]
    first = documents[0]
    assert first.title == "Refugees cross the border"
    assert first.url == "https://www.afp.com/en/news/refugees-1"
    assert first.published == "2024-03-05" and first.outlet == "Agence France-Presse"
    assert first.text.startswith("More than 3,000 refugees") and "<p>" not in first.text


def test_ingest_html_atom_entry_html_content():
    report = Report()
    text = (FIXTURES / "feeds" / "ministry.atom").read_text("utf-8")
    (document,) = read_feed(text, "ministry.atom", report)
    assert document.published == "2024-05-02" and document.outlet == "Ukrinform"
    assert "25 factories" in document.text and "&lt;" not in document.text


def test_ingest_html_broken_feed_fails_with_line():
    report = Report()
    text = (FIXTURES / "feeds" / "broken.xml").read_text("utf-8")
    assert list(read_feed(text, "broken.xml", report)) == []
    where, message = report.failures[0]
    assert where == "broken.xml" and "broken XML: line 5" in message


@pytest.mark.parametrize("text, problem", [
    ("<html><body>not a feed</body></html>", "no items found"),
    ("<rss version='2.0'><channel><title>Empty</title></channel></rss>", "no items found"),
])
def test_ingest_html_not_a_feed(text, problem):
    report = Report()
    assert list(read_feed(text, "x.xml", report)) == []
    assert problem in report.failures[0][1]


def test_ingest_html_malformed_feed_with_items_warns():
    text = ("<?xml version='1.0'?><rss version='2.0'><channel><title>Loose & Co</title>"
            "<item><title>Item</title><description>Some 40 trucks crossed the bridge on "
            "Tuesday, officials said.</description></item></channel></rss>")
    report = Report()
    documents = list(read_feed(text, "loose.rss", report))
    assert report.ok and len(documents) == 1
    assert "not well-formed XML" in report.warnings[0][1]


def test_ingest_html_item_without_text_fails_alone():
    text = ("<rss version='2.0'><channel><title>T</title>"
            "<item><title>Empty</title></item>"
            "<item><title>Full</title><description>Some 40 trucks crossed the bridge."
            "</description></item></channel></rss>")
    report = Report()
    documents = list(read_feed(text, "mixed.rss", report))
    assert [d.title for d in documents] == ["Full"]
    assert report.failures == [("mixed.rss#item1", "this feed item has no content or summary text")]


def test_ingest_html_read_paths_walks_pages_and_feeds():
    report = Report()
    documents = list(read_paths([str(FIXTURES / "web"), str(FIXTURES / "feeds")], report))
    assert {d.id for d in documents} == {"sanctions", "ministry-1", "wire-1", "wire-2"}
    assert {Path(w).name for w, _ in report.failures} == {"empty-index.htm", "broken.xml"}
