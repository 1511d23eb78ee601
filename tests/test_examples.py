"""End to end over the bundled corpus: every article yields valid claims, key figures are read."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from tally.ingest import read_paths
from tally.models import BOUNDS, CLAIM_FIELDS, EVENTS, EXTRA_FIELDS, STATUSES
from tally.report import Report

pytestmark = pytest.mark.slow

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
ARTICLES = sorted(EXAMPLES.glob("*.txt"))
UNIT = re.compile(r"^(count|ratio|percent|[A-Z]{3}|[a-z0-9]+)(/[a-z]+)?$")
ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@pytest.fixture(scope="module")
def corpus(extractor):
    """{doc id: (Document, [claim records])} for every document under examples/."""
    report = Report()
    documents = list(read_paths([str(EXAMPLES)], report))
    assert report.ok and not report.warnings, report.summary()
    out = {}
    for document in documents:
        claims = extractor.extract(document, report)
        out[document.id] = (document, [claim.to_record() for claim in claims])
    assert report.ok and not report.warnings, report.summary()
    return out


# --- the corpus itself ----------------------------------------------------------------------


def test_examples_has_five_articles_a_language():
    names = [path.name for path in ARTICLES]
    assert sum(name.startswith("fr-") for name in names) == 5
    assert sum(name.startswith("en-") for name in names) == 5
    assert (EXAMPLES / "README.md").exists() and (EXAMPLES / "docs.jsonl").exists()


@pytest.mark.parametrize("path", ARTICLES, ids=lambda path: path.stem)
def test_examples_article_shape(path):
    text = path.read_text(encoding="utf-8")
    assert re.match(r"^date:? \d{4}-\d{2}(-\d{2})?\n", text)
    body = text.split("\n\n", 1)[1]
    assert 150 <= len(body.split()) <= 400


def test_examples_documents_and_languages(corpus):
    assert len(corpus) == 12  # ten articles and the two records of docs.jsonl
    for doc_id, (document, _) in corpus.items():
        assert document.published, doc_id
    # the second JSONL record gives no language: detection says French
    assert corpus["ex-jsonl-02"][0].lang is None
    from tally.lang import detect

    for doc_id, (document, _) in corpus.items():
        expected = document.lang or ("fr" if doc_id.startswith(("fr-", "ex-jsonl-02")) else "en")
        assert detect(document.text) == expected, doc_id


# --- claims ---------------------------------------------------------------------------------


def test_examples_every_document_yields_claims(corpus):
    empty = [doc_id for doc_id, (_, records) in corpus.items() if not records]
    assert empty == []


def test_examples_records_follow_claims_md(corpus):
    for doc_id, (document, records) in corpus.items():
        for record in records:
            assert list(record) == [*CLAIM_FIELDS, *EXTRA_FIELDS]
            assert record["doc"] == doc_id
            quote, offset = record["quote"], record["offset"]
            assert isinstance(quote, str) and quote and isinstance(offset, int)
            assert document.text[offset : offset + len(quote)] == quote, record
            assert isinstance(record["value"], (int, float)) and not isinstance(record["value"], bool)
            assert record["bound"] in BOUNDS, record
            assert record["status"] in STATUSES, record
            assert record["event"] in EVENTS, record
            assert UNIT.match(record["unit"]), record
            assert record["item"] is None or record["item"] == record["item"].lower(), record
            for end in ("period_start", "period_end"):
                assert record[end] is None or ISO.match(record[end]), record
            assert record["sentence"] and quote in record["sentence"]
            assert 0 <= record["confidence"] <= 1


# The figures each article is written around, as (doc, quote as written, value, unit).
KEY_FIGURES = [
    ("fr-01-moscou-drones", "140\u00a0000", 140_000, "count"),
    ("fr-01-moscou-drones", "1,4 million", 1_400_000, "count"),
    ("fr-01-moscou-drones", "48", 48, "count"),
    ("fr-01-moscou-drones", "30 %", 30, "percent"),
    ("fr-02-industrie-ukrainienne", "cent fois", 100, "ratio"),
    ("fr-02-industrie-ukrainienne", "140\u202f000", 140_000, "count"),
    ("fr-02-industrie-ukrainienne", "1,2 milliard d'euros", 1_200_000_000, "EUR"),
    ("fr-02-industrie-ukrainienne", "Huit", 8, "count"),
    ("fr-03-coalition", "Huit", 8, "count"),
    ("fr-03-coalition", "500 millions d'euros", 500_000_000, "EUR"),
    ("fr-04-nuit-shahed", "44", 44, "count"),
    ("fr-04-nuit-shahed", "trente-six", 36, "count"),
    ("fr-04-nuit-shahed", "47", 47, "count"),
    ("fr-05-bilan-2024", "1,5 million", 1_500_000, "count"),
    ("fr-05-bilan-2024", "4,5 millions", 4_500_000, "count"),
    ("fr-05-bilan-2024", "x10", 10, "ratio"),
    ("fr-05-bilan-2024", "140\u2009000", 140_000, "count"),
    ("en-01-putin-drones", "140,000", 140_000, "count"),
    ("en-01-putin-drones", "1.4 million", 1_400_000, "count"),
    ("en-01-putin-drones", "tenfold", 10, "ratio"),
    ("en-01-putin-drones", "30%", 30, "percent"),
    ("en-02-ukraine-industry", "hundredfold", 100, "ratio"),
    ("en-02-ukraine-industry", "two hundred", 200, "count"),
    ("en-02-ukraine-industry", "$2 billion", 2_000_000_000, "USD"),
    ("en-02-ukraine-industry", "€500 million", 500_000_000, "EUR"),
    ("en-03-coalition", "eight", 8, "count"),
    ("en-03-coalition", "£125 million", 125_000_000, "GBP"),
    ("en-04-shahed-night", "44", 44, "count"),
    ("en-04-shahed-night", "36", 36, "count"),
    ("en-04-shahed-night", "1,000", 1000, "count"),
    ("en-05-targets-review", "1.5 million", 1_500_000, "count"),
    ("en-05-targets-review", "4.5 million", 4_500_000, "count"),
    ("en-05-targets-review", "$2.7 billion", 2_700_000_000, "USD"),
    ("ex-jsonl-02", "4 000", 4000, "count/day"),
]


@pytest.mark.parametrize(("doc_id", "quote", "value", "unit"), KEY_FIGURES,
                         ids=[f"{doc}:{quote}" for doc, quote, _, _ in KEY_FIGURES])
def test_examples_key_figures_are_found(corpus, doc_id, quote, value, unit):
    document, records = corpus[doc_id]
    start = document.text.index(quote)
    end = start + len(quote)
    overlapping = [r for r in records if r["offset"] < end and start < r["offset"] + len(r["quote"])]
    assert overlapping, f"no claim on {quote!r}"
    assert any(r["value"] == pytest.approx(value, rel=0.005) and r["unit"] == unit
               for r in overlapping), overlapping


def test_examples_repeated_claim_across_outlets(corpus):
    # Putin's 140,000 drones of 2023 is told by six articles of two languages and three outlets.
    telling = {doc_id for doc_id, (_, records) in corpus.items()
               if any(r["value"] == 140_000 and r["unit"] == "count" for r in records)}
    assert telling == {"fr-01-moscou-drones", "fr-02-industrie-ukrainienne", "fr-05-bilan-2024",
                       "en-01-putin-drones", "en-02-ukraine-industry", "en-05-targets-review"}


def test_examples_no_claims_in_the_header(corpus):
    for doc_id, (document, records) in corpus.items():
        body = document.text.find("\n\n")
        if body < 0 or not doc_id.startswith(("fr-", "en-")):
            continue
        assert [r["quote"] for r in records if r["offset"] < body] == [], doc_id
