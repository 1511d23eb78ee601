"""The metadata.json tally writes for Datasette: titles, column descriptions, facets, sorting."""
from __future__ import annotations

import json
from pathlib import Path

from .errors import StoreError

CLAIM_COLUMNS = {
    "claim_id": "Id of the claim in the claims table",
    "doc": "Id of the document as its source gave it (the `doc` of CLAIMS.md)",
    "document_id": "Id of the document in the documents table",
    "title": "Headline of the document",
    "url": "Where the document came from",
    "published": "Publication date of the document (YYYY-MM-DD or YYYY-MM)",
    "lang": "Language of the document (ISO 639-1)",
    "outlet": "Publication or site of the document",
    "outlet_country": "Country of the outlet (ISO 3166-1 alpha-2), from tally's outlets.yaml",
    "outlet_ownership": "Who controls the outlet: state-controlled, public-service, private, "
                        "trust, cooperative, independent (sources in the outlets table)",
    "quote": "The figure exactly as written in the text",
    "offset": "Character offset of the quote in the document text",
    "end_offset": "Character offset just after the quote",
    "value": "The figure as a number, in the claim's unit",
    "bound": "exact, at_least, at_most or approx",
    "unit": "Unit of value: count, ratio, percent, a currency code (USD, EUR, RUB, UAH, GBP) "
            "or a unit of measure (km, tonne, day...); rates read unit/time (count/day)",
    "item": "What is counted (drone, missile, soldier, money...)",
    "item_detail": "The item as the text words it, when narrower than `item`",
    "event": "What happens to the items: produce, deliver, deploy, strike, shoot_down, destroy, "
             "build, develop, join, kill, injure, displace, spend, count, other",
    "actor": "Country or organisation that performs the event (canonical English name)",
    "speaker": "Who asserts the figure (person or body quoted); empty when the outlet states it",
    "period_start": "Start of the period the figure refers to (ISO date)",
    "period_end": "End of the period the figure refers to (ISO date)",
    "status": "reported, target (plan, goal, promise) or estimate (forecast, outside estimate)",
    "sentence": "The sentence that holds the figure",
    "confidence": "The extractor's confidence in the claim's fields, 0 to 1",
    "extractor_version": "Version of the extractor that produced the claim",
    "is_current": "1 for claims of the latest extraction, 0 for claims kept as history",
    "extracted_at": "When the claim was extracted (UTC)",
}
DOCUMENT_COLUMNS = {
    "id": "Id of the document",
    "key": "Id of the document as its source gave it",
    "url": "Where the document came from",
    "title": "Headline",
    "outlet": "Outlet as the source named it",
    "outlet_id": "The matched outlet of the outlets table",
    "published": "Publication date (YYYY-MM-DD or YYYY-MM)",
    "lang": "Language (ISO 639-1)",
    "text": "Full text; claim offsets count from its start",
    "content_hash": "SHA-256 of the whitespace-normalised text: the same text is stored once",
    "minhash": "MinHash signature of the text's word 3-grams (near-duplicate detection)",
    "duplicate_of": "The original of a near-duplicate (lightly edited copy); its claims are not "
                    "counted again",
    "similarity": "Estimated Jaccard similarity to the original, for near-duplicates",
    "source": "File (and line or feed item) it was read from",
    "ingested_at": "When it was stored (UTC)",
    "run_id": "The ingest run that stored it",
    "extractor_version": "Extractor version of its current claims",
}
SORTABLE_CLAIMS = ("published", "value", "confidence", "item", "actor", "speaker", "status",
                   "event", "outlet", "period_start", "period_end", "doc")


def metadata(database: str = "tally") -> dict:
    """The Datasette metadata for a tally database opened under the name `database`.

    >>> metadata("tally")["databases"]["tally"]["tables"]["claims_view"]["facets"]
    ['item', 'actor', 'status']
    """
    view_columns = {k: v for k, v in CLAIM_COLUMNS.items()
                    if k not in ("end_offset", "extracted_at", "is_current")}
    claim_table = {k: v for k, v in CLAIM_COLUMNS.items()
                   if k not in ("title", "url", "published", "lang", "outlet",
                                "outlet_country", "outlet_ownership", "claim_id")}
    return {
        "title": "tally: quantitative claims from news articles",
        "description": "Every figure found in the ingested articles, with what it counts, "
                       "who does it, who says so, when, and the article and outlet it comes "
                       "from. Written by tally; start with claims_view.",
        "source": "tally",
        "databases": {database: {"tables": {
            "claims_view": {
                "description": "Current claims joined with their document and outlet",
                "columns": view_columns,
                "facets": ["item", "actor", "status"],
                "sortable_columns": list(SORTABLE_CLAIMS),
                "sort_desc": "published",
            },
            "claims": {
                "description": "Every claim, including those of older extractor versions "
                               "(is_current = 0)",
                "columns": claim_table,
                "facets": ["item", "actor", "status"],
                "sortable_columns": ["value", "confidence", "item", "actor", "speaker",
                                     "status", "event", "period_start", "period_end", "doc"],
            },
            "documents": {
                "description": "Ingested articles; near-duplicates point to their original",
                "columns": DOCUMENT_COLUMNS,
                "facets": ["outlet", "lang"],
                "sortable_columns": ["published", "ingested_at", "title", "outlet", "lang"],
                "label_column": "title",
            },
            "outlets": {
                "description": "Outlets tally knows, with a public source for each label",
                "columns": {
                    "country": "Country (ISO 3166-1 alpha-2)",
                    "country_source": "Public source of the country",
                    "ownership": "state-controlled, public-service, private, trust, "
                                 "cooperative or independent",
                    "ownership_source": "Public source of the ownership",
                    "domains": "Web domains matched against document URLs",
                    "aliases": "Other names matched against document outlets ('|'-separated)",
                },
                "facets": ["country", "ownership"],
                "label_column": "name",
            },
            "ingest_runs": {
                "description": "Each tally ingest or reextract, with its counts",
                "units": {"seconds": "s"},
                "sortable_columns": ["started_at", "seconds", "new", "claims", "failed"],
            },
            "entities": {"description": "Actors and speakers named by claims",
                         "label_column": "name"},
            "entity_aliases": {"description": "Other spellings of each entity"},
        }}},
    }


def database_name(db_path: str) -> str:
    """The name Datasette gives a database file: its stem ("tally" for tally.db)."""
    return Path(db_path).stem


def write_metadata(path: str, database: str = "tally") -> dict:
    """Write metadata.json for `database` to `path` ('-' for stdout is the caller's); returns it."""
    data = metadata(database)
    try:
        Path(path).write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", "utf-8")
    except OSError as error:
        raise StoreError(f"{path}: cannot write the metadata ({error.strerror})") from error
    return data
