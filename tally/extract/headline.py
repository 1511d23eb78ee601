"""Where the article body starts: header lines and a headline are not body text.

CLAIMS.md: figures in page furniture are not claims, and a figure in the headline is
left out when the body repeats it (the body's occurrence is annotated).
"""
from __future__ import annotations

import re

from .mention import Figure, Sentence

# "date: 2024-09-15", "date 2024-09", "title: ...", "outlet: ...", "url: ...", "lang: fr"
_HEADER_LINE = re.compile(r"[ \t]*(?:(?:date|published)[ \t]*:?[ \t]+\d{4}-\d\d(?:-\d\d)?|(?:title|outlet|url|lang)[ \t]*:[^\n]*)[ \t]*(?:\n|$)|[ \t]*---[ \t]*(?:\n|$)|[ \t]*\n", re.IGNORECASE)
_MAX_HEADER_LINES = 8
# A headline: a first line of at most this many characters, with no full stop at its end.
_MAX_HEADLINE = 200


def header_end(text: str) -> int:
    """Offset where the header lines (date, title, outlet, url, lang) of a text file end."""
    position = 0
    for _ in range(_MAX_HEADER_LINES):
        found = _HEADER_LINE.match(text, position)
        if not found or found.end() == position:
            break
        position = found.end()
    return position


def headline_end(text: str, body_start: int, title: str | None) -> int:
    """End offset of a headline line at `body_start`, or `body_start` when there is none.

    A headline is the known title, or a short first line followed by a line break that
    does not end like a sentence.
    """
    line_end = text.find("\n", body_start)
    if line_end < 0:
        return body_start
    line = text[body_start:line_end].strip()
    if not line:
        return body_start
    if title and line.strip().rstrip(".") == title.strip().rstrip("."):
        return line_end
    if len(line) <= _MAX_HEADLINE and not re.search(r"[.:;,»”\"]$", line) and text[line_end:line_end + 2].strip() == "":
        return line_end
    return body_start


def drop_furniture(text: str, title: str | None, found: list[tuple[Sentence, list[Figure]]]
                   ) -> list[tuple[Sentence, list[Figure]]]:
    """The figures of `found` without those in header lines, and without headline figures
    that the body repeats (same value and unit)."""
    body = header_end(text)
    headline = headline_end(text, body, title)
    body_figures = {(f.value, f.unit) for _, figs in found for f in figs if f.start >= headline}
    kept = []
    for sent, figs in found:
        figs = [f for f in figs if f.start >= body]
        figs = [f for f in figs if f.start >= headline or (f.value, f.unit) not in body_figures]
        if figs:
            kept.append((sent, figs))
    return kept
