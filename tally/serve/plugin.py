"""tally's Datasette plugin: the pages Datasette lacks (home, timeline, document, claim,
contradictions and checks, sources), links from Datasette's tables to them, and menu links.

Every page is rendered from templates/ by Jinja2 with autoescape on: article text and
every field read from the database reach the page as plain strings, never as markup.
"""
from __future__ import annotations

import asyncio
import base64
import functools
import hashlib
import logging
import re
from urllib.parse import urlencode, urlsplit

from datasette import hookimpl
from datasette.utils.asgi import NotFound, Response
from markupsafe import Markup, escape

from ..analyse.records import format_period, format_source, format_value
from ..errors import TallyError
from .corpus import Corpus, load_corpus, load_document
from .document import runs
from .timeline import SUBJECT_FIELDS, chosen_subject, subject_label, timeline

log = logging.getLogger(__name__)

PLUGIN = "tally.serve"
# Our pages load scripts and styles from this server only; Vega compiles its expressions
# with Function(), hence 'unsafe-eval'. The one inline script allowed is Datasette's own
# menu script, by its hash.
CSP = ("default-src 'none'; script-src 'self' 'unsafe-eval'{hashes}; "
       "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
# The columns of the claims table as tally's links open it (Datasette's own links show all).
CLAIM_TABLE_COLUMNS = ("claim_id", "published", "outlet", "speaker", "quote", "value", "unit",
                       "bound", "item", "event", "actor", "status", "sentence")
HEADERS = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}
DATASETTE_INLINE = ("_close_open_menus.html",)


def database_name(datasette) -> str:
    """The name of the tally database: the plugin setting, else the first file served."""
    config = datasette.plugin_config(PLUGIN) or {}
    if config.get("database"):
        return config["database"]
    names = [name for name, db in datasette.databases.items() if db.path]
    if not names:
        raise NotFound("no database is served")
    return names[0]


async def corpus_of(datasette) -> tuple[str, Corpus]:
    """(database name, its corpus), the analyses run in a worker thread on first use."""
    name = database_name(datasette)
    path = datasette.get_database(name).path
    return name, await asyncio.to_thread(load_corpus, path)


def safe_url(url: str | None) -> str | None:
    """`url` when it is an http(s) address, else None: a `javascript:` URL is never a link."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


class Links:
    """The URLs of tally's pages, under Datasette's base_url."""

    def __init__(self, datasette, database: str):
        self.ds, self.database = datasette, database

    def path(self, path: str) -> str:
        return self.ds.urls.path(path)

    def document(self, document_id) -> str:
        return self.path(f"/-/documents/{int(document_id)}")

    def in_text(self, record: dict) -> str:
        """The claim's figure, highlighted in its document's text."""
        return f"{self.document(record['document_id'])}#claim-{int(record['claim_id'])}"

    def claim(self, record_or_id) -> str:
        claim_id = record_or_id["claim_id"] if isinstance(record_or_id, dict) else record_or_id
        return self.path(f"/-/claims/{int(claim_id)}")

    def timeline(self, subject: dict) -> str:
        query = {n: subject.get(n) for n in SUBJECT_FIELDS if subject.get(n)}
        return self.path("/-/timeline") + ("?" + urlencode(query) if query else "")

    def claims_table(self, **filters) -> str:
        """The claims table with the columns worth reading, filtered by `filters`."""
        query = [("_col", c) for c in CLAIM_TABLE_COLUMNS]
        query += [(k, v) for k, v in filters.items() if v]
        return self.claims_base() + "?" + urlencode(query)

    def claims_base(self) -> str:
        return self.ds.urls.table(self.database, "claims_view")


def quote_parts(record: dict) -> tuple[str, str, str]:
    """The claim's sentence cut around its figure: (before, quote, after).

    quote_parts({"sentence": "They made 40 drones.", "quote": "40"}) -> ("They made ", "40", " drones.")
    """
    sentence, quote = record.get("sentence") or "", record.get("quote") or ""
    at = sentence.find(quote) if quote else -1
    if at < 0:
        return sentence, "", ""
    return sentence[:at], quote, sentence[at + len(quote):]


def helpers(links: Links) -> dict:
    """The functions every tally template may call."""
    return {
        "to": links, "safe_url": safe_url, "claim_columns": CLAIM_TABLE_COLUMNS, "quote_parts": quote_parts, "subject_label": subject_label,
        "format_value": lambda r: format_value(r["value"], r.get("unit"), r.get("bound")),
        "format_period": format_period, "format_source": format_source,
    }


@functools.lru_cache(maxsize=8)
def _script_hashes(sources: tuple[str, ...]) -> str:
    """" 'sha256-...'" for each inline <script> of the given template sources."""
    hashes = []
    for source in sources:
        for script in re.findall(r"<script>(.*?)</script>", source, re.S):
            digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
            hashes.append(f" 'sha256-{digest}'")
    return "".join(hashes)


def security_headers(datasette) -> dict:
    """The headers of tally's pages: a Content-Security-Policy that runs no inline script
    but Datasette's menu script (hashed from the installed Datasette's template)."""
    env = datasette.jinja_env
    sources = tuple(env.loader.get_source(env, name)[0] for name in DATASETTE_INLINE)
    return dict(HEADERS, **{"Content-Security-Policy": CSP.format(hashes=_script_hashes(sources))})


async def render(datasette, request, template: str, context: dict) -> Response:
    name = database_name(datasette)
    context = dict(helpers(Links(datasette, name)), database=name, **context)
    html = await datasette.render_template(template, context, request=request)
    return Response.html(html, headers=security_headers(datasette))


async def home(datasette, request):
    """Counts, the series to look at, contradictions, and every document."""
    name, corpus = await corpus_of(datasette)
    documents = sorted(corpus.documents, key=lambda d: (d.get("published") or "", d["id"]),
                       reverse=True)
    return await render(datasette, request, "tally_home.html", {
        "corpus": corpus, "documents": documents, "subjects": corpus.subjects[:12],
        "outlets": len(corpus.claims_per_outlet()),
        "failed_checks": [c for c in corpus.checks if c.failed],
    })


async def timeline_page(datasette, request):
    """The chart of one (item, event, actor) and every figure behind it."""
    name, corpus = await corpus_of(datasette)
    links = Links(datasette, name)
    subjects = [s for s in corpus.subjects if s.get("item")]
    subject = chosen_subject(subjects, dict(request.args))
    drawn = await asyncio.to_thread(timeline, corpus.records, subject, links.in_text) \
        if subject else {"spec": None, "rows": [], "unit": None}
    return await render(datasette, request, "tally_timeline.html", {
        "subjects": subjects, "subject": subject, "spec": drawn["spec"], "rows": drawn["rows"],
        "unit": drawn["unit"], "asked": {n: request.args.get(n) for n in SUBJECT_FIELDS},
        "vendor": [datasette.urls.static_plugins(PLUGIN, f"vendor/{f}")
                   for f in ("vega.min.js", "vega-lite.min.js", "vega-embed.min.js")],
    })


async def document_page(datasette, request):
    """The article's text with every claim marked at its offsets, and the list of claims."""
    name, corpus = await corpus_of(datasette)
    document_id = int(request.url_vars["id"])
    try:
        document, claims = await asyncio.to_thread(
            load_document, datasette.get_database(name).path, document_id)
    except TallyError as error:
        raise NotFound(str(error)) from error
    listed = corpus.document(document_id) or {}
    original = corpus.document(document["duplicate_of"]) if document.get("duplicate_of") else None
    notes = {c["claim_id"]: {"group": corpus.group_of(c),
                             "contradictions": corpus.contradictions_of(c),
                             "checks": corpus.checks_of(c)} for c in claims}
    return await render(datasette, request, "tally_document.html", {
        "document": document, "outlet": listed.get("outlet") or document.get("outlet"),
        "claims": claims, "runs": runs(document["text"], claims), "notes": notes,
        "original": original,
    })


async def claim_page(datasette, request):
    """One claim: its record, the same figure elsewhere, contradictions and checks."""
    name, corpus = await corpus_of(datasette)
    record = corpus.claim(int(request.url_vars["id"]))
    if record is None:
        raise NotFound("no current claim has this id")
    group = corpus.group_of(record)
    return await render(datasette, request, "tally_claim.html", {
        "claim": record, "group": group, "contradictions": corpus.contradictions_of(record),
        "checks": corpus.checks_of(record),
        "subject": {n: record.get(n) for n in SUBJECT_FIELDS},
    })


async def checks_page(datasette, request):
    """Contradictions side by side, then the arithmetic checks."""
    name, corpus = await corpus_of(datasette)
    order = {"inconsistent": 0, "missed": 1, "unclear": 2, "met": 3, "consistent": 4}
    checks = sorted(corpus.checks, key=lambda c: order.get(c.result, 5))
    return await render(datasette, request, "tally_checks.html", {
        "contradictions": corpus.contradictions, "checks": checks})


async def sources_page(datasette, request):
    """Outlets with their labels, where the labels come from, and what each contributed."""
    name, corpus = await corpus_of(datasette)
    db = datasette.get_database(name)
    result = await db.execute(
        "SELECT name, country, country_source, ownership, ownership_source, owner FROM outlets")
    known = {row["name"]: dict(row) for row in result.rows}
    per_outlet = corpus.claims_per_outlet()
    documents: dict[str, list[dict]] = {}
    for document in corpus.documents:
        documents.setdefault(document.get("outlet") or "(no outlet)", []).append(document)
    rows = []
    for outlet in sorted(set(documents) | set(per_outlet), key=lambda o: -per_outlet.get(o, 0)):
        label = known.get(outlet, {})
        rows.append(dict(label, name=outlet, claims=per_outlet.get(outlet, 0),
                         documents=len(documents.get(outlet, [])), labelled=bool(label),
                         languages=sorted({d.get("lang") for d in documents.get(outlet, [])
                                           if d.get("lang")})))
    return await render(datasette, request, "tally_sources.html", {
        "rows": rows, "unused": max(0, len(known) - sum(1 for r in rows if r["labelled"]))})


def read_only(view):
    """The view for GET and HEAD; any other method is refused (the server writes nothing)."""

    async def guarded(datasette, request):
        if request.method not in ("GET", "HEAD"):
            return Response.text("tally serve is read-only", status=405,
                                 headers={"Allow": "GET, HEAD"})
        return await view(datasette, request)

    guarded.__name__ = guarded.__qualname__ = view.__name__
    guarded.__doc__ = view.__doc__
    return guarded


@hookimpl
def register_routes(datasette):
    pages = [
        (r"^/$", home),
        (r"^/-/timeline$", timeline_page),
        (r"^/-/documents/(?P<id>\d+)$", document_page),
        (r"^/-/claims/(?P<id>\d+)$", claim_page),
        (r"^/-/checks$", checks_page),
        (r"^/-/sources$", sources_page),
    ]
    return [(pattern, read_only(view)) for pattern, view in pages]


@hookimpl
def menu_links(datasette, actor, request):
    path = datasette.urls.path
    return [
        {"href": path("/"), "label": "tally home"},
        {"href": path("/-/timeline"), "label": "Timelines"},
        {"href": path("/-/checks"), "label": "Contradictions and checks"},
        {"href": path("/-/sources"), "label": "Sources"},
    ]


@hookimpl
def extra_css_urls(datasette):
    return [datasette.urls.static_plugins(PLUGIN, "tally.css")]


@hookimpl
def render_cell(value, column, table, database, datasette):
    """In the claims table, a claim's id opens its page and a document's id its text."""
    if table != "claims_view" or value is None:
        return None
    if column == "claim_id":
        href = datasette.urls.path(f"/-/claims/{int(value)}")
    elif column == "document_id":
        href = datasette.urls.path(f"/-/documents/{int(value)}")
    else:
        return None
    return Markup('<a href="{}">{}</a>').format(href, escape(str(value)))


@hookimpl
def table_actions(datasette, database, table):
    if table not in ("claims_view", "claims"):
        return None
    return [{"href": datasette.urls.path("/-/timeline"), "label": "Timelines of these claims"},
            {"href": datasette.urls.path("/-/checks"), "label": "Contradictions and checks"}]
