"""The HTML report: one self-contained file (inline CSS and SVG, no script, no external asset)."""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timezone
from html import escape
from urllib.parse import urlparse

from ..errors import TallyError
from .checks import Check, run_checks
from .contradictions import Contradiction, find_contradictions
from .groups import Group, group_claims, repeated
from .records import TOLERANCES, Tolerances, format_value
from .series import series_rows, top_subjects

log = logging.getLogger(__name__)

# Nothing outside the file may load: styles inline, pictures only as data: URLs.
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
STYLE = """
body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:1100px;color:#222;padding:0 1rem}
h1{font-size:1.6rem}h2{border-bottom:1px solid #ccc;padding-bottom:.2rem;margin-top:2.2rem}
table{border-collapse:collapse;width:100%;font-size:.88rem;margin:.6rem 0}
th,td{border-bottom:1px solid #e3e3e3;padding:.3rem .4rem;text-align:left;vertical-align:top}
th{background:#f5f5f5}.num{text-align:right;white-space:nowrap}.muted{color:#777}
.bad{color:#b00020;font-weight:600}.good{color:#1b7f3b;font-weight:600}
figure.chart{margin:1rem 0;overflow-x:auto}q{font-style:italic}
"""


@dataclass
class ReportSettings:
    """What the report shows: how many series charts, repeated claims and checks."""

    title: str = "tally report"
    series: int = 3
    repeated: int = 15
    all_checks: bool = True
    subjects: list[dict] = field(default_factory=list)  # explicit series, else the largest ones


def build_report(records: list[dict], settings: ReportSettings | None = None,
                 tol: Tolerances = TOLERANCES) -> str:
    """The report over `records` as one HTML string."""
    settings = settings or ReportSettings()
    groups = group_claims(records, tol)
    contradictions = find_contradictions(records, tol, groups)
    checks = run_checks(records, tol)
    if not settings.all_checks:
        checks = [c for c in checks if c.failed]
    subjects = settings.subjects or top_subjects(records, settings.series)
    parts = [
        _head(settings.title),
        _overview(records, contradictions, checks),
        _series_section(records, subjects),
        _contradictions_section(contradictions),
        _checks_section(checks),
        _repeats_section(repeated(groups)[: settings.repeated]),
        _sources_section(records),
        "</body></html>\n",
    ]
    return "".join(parts)


def _head(title: str) -> str:
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">"
        f"<title>{escape(title)}</title><style>{STYLE}</style></head><body>"
        f"<h1>{escape(title)}</h1><p class=\"muted\">Written by tally on {stamp}.</p>"
    )


def _overview(records: list[dict], contradictions: list[Contradiction], checks: list[Check]) -> str:
    docs = {r.get("doc") for r in records}
    outlets = {r.get("outlet") for r in records if r.get("outlet")}
    langs = sorted({r.get("lang") for r in records if r.get("lang")})
    dates = sorted(r["published"] for r in records if r.get("published"))
    span = f"{dates[0]} to {dates[-1]}" if dates else "no dates"
    failed = sum(c.failed for c in checks)
    return (
        "<p>"
        f"{len(records)} claims from {len(docs)} documents, {len(outlets)} outlets, "
        f"languages {escape(', '.join(langs) or 'unknown')}, published {escape(span)}. "
        f"{len(contradictions)} contradictions; {len(checks)} checks, {failed} failed.</p>"
    )


def _series_section(records: list[dict], subjects: list[dict]) -> str:
    from .charts import render, series_spec

    out = ["<h2 id=\"series\">Main series</h2>"]
    if not subjects:
        out.append("<p class=\"muted\">No item, event and actor has two dated figures yet.</p>")
    for subject in subjects:
        title = " / ".join(str(subject.get(k) or "any") for k in ("item", "event", "actor"))
        rows = series_rows(records, subject.get("item"), subject.get("event"), subject.get("actor"))
        out.append(f"<h3>{escape(title)}</h3>")
        try:
            svg = render(series_spec(rows, title, subject.get("unit")), "svg")
        except TallyError as error:
            log.info("no chart for %s: %s", title, error)
        else:
            out.append(f"<figure class=\"chart\">{_inline_svg(svg)}</figure>")
        out.append(_table(
            ("when", "value", "status", "speaker", "outlet", "published", "quote"),
            [(r["when"] or "", _cell_value(r), r.get("status"), r.get("speaker"), r.get("outlet"),
              r.get("published"), r.get("quote")) for r in rows]))
    return "".join(out)


def _inline_svg(svg: str) -> str:
    """The <svg> element alone: an XML prolog or doctype is not valid inside HTML."""
    start = svg.find("<svg")
    return svg[start:] if start >= 0 else ""


def _cell_value(record: dict) -> str:
    return format_value(record["value"], record.get("unit"), record.get("bound"))


def _contradictions_section(contradictions: list[Contradiction]) -> str:
    out = ["<h2 id=\"contradictions\">Contradictions</h2>"]
    if not contradictions:
        return out[0] + "<p class=\"muted\">None found.</p>"
    out.append("<table><tr><th>what</th><th>first source</th><th>second source</th></tr>")
    for c in contradictions:
        out.append(f"<tr><td>{escape(c.sentence)}</td><td>{_quoted(c.first)}</td>"
                   f"<td>{_quoted(c.second)}</td></tr>")
    out.append("</table>")
    return "".join(out)


def _quoted(record: dict) -> str:
    sentence = record.get("sentence") or record.get("quote") or ""
    source = escape(" ".join(str(x) for x in (record.get("outlet") or record.get("doc"),
                                                record.get("published") or "") if x))
    return f"<q>{escape(sentence)}</q><br><span class=\"muted\">{_link(record.get('url'), source)}</span>"


def _link(url: str | None, label_html: str) -> str:
    """A link only to http(s) pages; anything else stays plain text."""
    if url and urlparse(url).scheme in ("http", "https"):
        return f"<a href=\"{escape(url, quote=True)}\" rel=\"noreferrer\">{label_html}</a>"
    return label_html


def _checks_section(checks: list[Check]) -> str:
    out = ["<h2 id=\"checks\">Checks</h2>"]
    if not checks:
        return out[0] + "<p class=\"muted\">No figures to check against each other.</p>"
    out.append("<table><tr><th>kind</th><th>result</th><th>what was compared</th></tr>")
    for check in sorted(checks, key=lambda c: not c.failed):
        css = "bad" if check.failed else "good"
        also = ""
        if check.also:
            names = ", ".join(sorted({str(c.get("outlet") or c.get("doc")) for c in check.also}))
            also = f"<br><span class=\"muted\">Also stated by {escape(names)}.</span>"
        out.append(f"<tr><td>{escape(check.kind)}</td><td class=\"{css}\">{escape(check.result)}</td>"
                   f"<td>{escape(check.sentence)}{also}</td></tr>")
    out.append("</table>")
    return "".join(out)


def _repeats_section(groups: list[Group]) -> str:
    out = ["<h2 id=\"repeats\">Top repeated claims</h2>"]
    if not groups:
        return out[0] + "<p class=\"muted\">No figure appears in more than one document.</p>"
    out.append("<table><tr><th>figure</th><th>documents</th><th>first appearance</th>"
               "<th>repeats, in date order</th></tr>")
    for group in groups:
        first = group.first
        what = (f"{_cell_value(first)} {first.get('item')} / {first.get('event')} / "
                f"{first.get('actor') or 'no actor'}")
        chain = "<br>".join(
            escape(f"{c.get('published') or '?'} {c.get('outlet') or c.get('doc')} ({c.get('lang') or '?'})"
                   + (" near-identical" if score >= 90 else ""))
            for c, score in zip(group.repeats, group.similarity[1:]))
        out.append(f"<tr><td>{escape(what)}</td><td class=\"num\">{group.documents}</td>"
                   f"<td>{escape(first.get('published') or '?')} "
                   f"{escape(first.get('speaker') or '')}<br>{_quoted(first)}</td><td>{chain}</td></tr>")
    out.append("</table>")
    return "".join(out)


def _sources_section(records: list[dict]) -> str:
    documents: dict = {}
    for record in records:
        doc = documents.setdefault(record.get("doc"), dict(record, claims=0))
        doc["claims"] += 1
    rows = sorted(documents.values(), key=lambda d: (d.get("published") or "", str(d.get("doc"))))
    out = ["<h2 id=\"sources\">Sources</h2><table><tr><th>published</th><th>outlet</th>"
           "<th>lang</th><th>title</th><th class=\"num\">claims</th></tr>"]
    for d in rows:
        title = escape(d.get("title") or str(d.get("doc")))
        out.append(f"<tr><td>{escape(d.get('published') or '')}</td><td>{escape(d.get('outlet') or '')}</td>"
                   f"<td>{escape(d.get('lang') or '')}</td><td>{_link(d.get('url'), title)}</td>"
                   f"<td class=\"num\">{d['claims']}</td></tr>")
    out.append("</table>")
    return "".join(out)


def _table(headers: tuple[str, ...], rows: list[tuple]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape('' if v is None else str(v))}</td>" for v in row) + "</tr>"
        for row in rows)
    return f"<table><tr>{head}</tr>{body}</table>"
