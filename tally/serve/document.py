"""A document's text cut into runs and pieces, so a template can mark each claim at its
offsets: the text stays plain strings (the template escapes them), never HTML."""
from __future__ import annotations

import logging
from ..extract.headline import header_end  # noqa: F401  (also the pages' header split)

log = logging.getLogger(__name__)


def figure_span(text: str, claim: dict) -> tuple[int, int] | None:
    """(start, end) of the claim's quote in `text`: at its offset, else the nearest copy.

    figure_span("They made 40 drones.", {"quote": "40", "offset": 10}) -> (10, 12)
    """
    quote, offset = claim.get("quote") or "", claim.get("offset")
    if not quote or offset is None:
        return None
    if text[offset:offset + len(quote)] == quote:
        return offset, offset + len(quote)
    # The text changed since extraction (should not happen): the closest copy of the quote.
    found = [i for i in _occurrences(text, quote)]
    if not found:
        log.warning("claim %s: quote %r not found in its document", claim.get("claim_id"), quote)
        return None
    start = min(found, key=lambda i: abs(i - offset))
    return start, start + len(quote)


def _occurrences(text: str, quote: str):
    start = text.find(quote)
    while start >= 0:
        yield start
        start = text.find(quote, start + 1)


def sentence_span(text: str, claim: dict, figure: tuple[int, int]) -> tuple[int, int] | None:
    """(start, end) of the claim's sentence around its figure, when the text has it."""
    sentence = claim.get("sentence") or ""
    if not sentence:
        return None
    start = text.find(sentence, max(0, figure[1] - len(sentence)), figure[0] + len(sentence))
    if start < 0 or start > figure[0] or start + len(sentence) < figure[1]:
        return None
    return start, start + len(sentence)


def _disjoint(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans in order, each dropped when it overlaps one kept before it."""
    kept: list[tuple[int, int]] = []
    for span in sorted(set(spans)):
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept


def runs(text: str, claims: list[dict]) -> list[dict]:
    """The text as runs: {"sentence": bool, "claims": [...], "pieces": [{"text", "claims"}]}.

    A sentence run holds a sentence that states claims; its pieces with claims are the
    figures; a "head" run is the file's header lines. Joined, the pieces' texts give back
    `text` exactly.
    """
    figures: dict[tuple[int, int], list[dict]] = {}
    sentences: dict[tuple[int, int], list[dict]] = {}
    for claim in sorted(claims, key=lambda c: (c.get("offset") or 0, c.get("claim_id") or 0)):
        span = figure_span(text, claim)
        if span is None:
            continue
        figures.setdefault(span, []).append(claim)
        around = sentence_span(text, claim, span)
        if around:
            sentences.setdefault(around, []).append(claim)
    figure_spans = _disjoint(list(figures))
    # A figure outside every sentence is a run of its own.
    outer = _disjoint(list(sentences) + [f for f in figure_spans
                                          if not any(s[0] <= f[0] and f[1] <= s[1] for s in sentences)])
    result, position = [], 0
    head = header_end(text)
    if head and not any(start < head for start, _ in outer):
        result.append(dict(_run(text, 0, head, [], {}), head=True))
        position = head
    for start, end in outer:
        if start > position:
            result.append(_run(text, position, start, [], {}))
        inside = {f: figures[f] for f in figure_spans if start <= f[0] and f[1] <= end}
        result.append(_run(text, start, end, sentences.get((start, end), []), inside))
        position = end
    if position < len(text):
        result.append(_run(text, position, len(text), [], {}))
    return result


def _run(text: str, start: int, end: int, claims: list[dict], figures: dict) -> dict:
    pieces, position = [], start
    for (f_start, f_end), stated in sorted(figures.items()):
        if f_start > position:
            pieces.append({"text": text[position:f_start], "claims": []})
        pieces.append({"text": text[f_start:f_end], "claims": stated})
        position = f_end
    if position < end:
        pieces.append({"text": text[position:end], "claims": []})
    return {"sentence": bool(claims) or bool(figures), "claims": claims, "pieces": pieces,
            "head": False}
