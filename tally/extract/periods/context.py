"""What earlier sentences of the document tell the period of a figure.

- the source's cut-off: "an analysis published on 15 April 2025" ends the "since X" spans
  that follow (CLAIMS.md), at the month: a report's data stop some time before it appears;
- a war's own start: "the war that began with the 7 October 2023 assault" starts the war
  totals told shortly after it, in place of the invasion of Ukraine;
- the year "the year" means: "2025 was a record year. In the first seven months of the year".
"""
from __future__ import annotations

import re
from datetime import date

from ..mention import Mention
from .anchor import Anchor
from .timex import Expr, find

# "a report published on 15 April", "une étude publiée le 3 mars": a source and its date.
_PUBLISHED = re.compile(
    r"\b(?:report|analysis|study|survey|assessment|data(?:set)?|figures|index|tally|"
    r"rapport|analyse|étude|enquête|données|chiffres|bilan|décompte)\b[^.;!?]{0,80}?"
    r"\b(?:published|released|issued|updated|dated|publiée?s?|diffusée?s?|rendue?s? publique?s?|"
    r"mise?s? à jour|arrêtée?s?)\s+(?:on\s+|in\s+|le\s+|en\s+|du\s+)?$",
    re.IGNORECASE,
)
# "the war that began with ... 7 October 2023", "la guerre qui a éclaté le 7 octobre 2023".
_BEGAN = re.compile(
    r"\b(?:war|conflict|offensive|guerre|conflit)\b[^.;!?\d]{0,30}?\b(?:began|started|broke out|erupted|"
    r"a (?:commencé|débuté|éclaté)|avait (?:commencé|débuté|éclaté)|déclenchée?)\b[^.;!?\d]{0,40}$",
    re.IGNORECASE,
)
# Cheap tests that spare the time expressions of sentences that cannot hold the phrase.
_PUBLISHED_HINT = re.compile(r"publi|releas|issued|updated|dated|diffus|mise? à jour|arrêté", re.IGNORECASE)
_BEGAN_HINT = re.compile(r"began|started|broke out|erupted|commencé|débuté|éclaté|déclench", re.IGNORECASE)
_NIGHT_HINT = re.compile(r"night|nuit|24 ?h|hours|heures", re.IGNORECASE)
_THE_YEAR = re.compile(r"\b(?:the|that) year\b|\bl['’]année\b(?! (?:19|20)\d\d)(?! dernière| prochaine| passée)",
                       re.IGNORECASE)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# How far back a stated war start still dates a total.
_WAR_START_REACH = 3


def _dated(text: str, pattern: re.Pattern, exprs: list[Expr]) -> Expr | None:
    """The first expression of `exprs` at day or month precision that `pattern` leads to."""
    for expr in exprs:
        if len(expr.start_iso or "") >= 7 and pattern.search(text[max(0, expr.start - 140) : expr.start]):
            return expr
    return None


def cut_off(mention: Mention, anchor: Anchor | None, war_text: bool) -> str | None:
    """The month of the last source cut-off stated before the figure's sentence, or None.

    "An analysis published on 15 April 2025 ..." (published 2025-05-06) -> "2025-04".
    """
    if anchor is None:
        return None
    sentences = mention.state.get("sentences") or []
    for index in range(min(mention.sentence.index, len(sentences)) - 1, -1, -1):
        text = sentences[index].text
        if not _PUBLISHED_HINT.search(text):
            continue
        expr = _dated(text, _PUBLISHED, find(text, mention.lang, anchor, war_text))
        if expr is not None and expr.start_iso[:7] < anchor.iso()[:7]:
            return expr.start_iso[:7]
    return None


def war_start(mention: Mention, anchor: Anchor | None, war_text: bool, default: str) -> str:
    """The start of the war stated in the figure's sentence or shortly before, else `default`.

    "... the two-year war that began with the 7 October 2023 assault. [...] In all, 18,592
    children had been killed" -> "2023-10-07".
    """
    sentences = mention.state.get("sentences") or []
    index = mention.sentence.index
    for back in range(0, _WAR_START_REACH + 1):
        if not 0 <= index - back < len(sentences):
            break
        text = sentences[index - back].text
        if back == 0:
            text = text[: mention.rel_start]
        if not _BEGAN_HINT.search(text):
            continue
        expr = _dated(text, _BEGAN, find(text, mention.lang, anchor, war_text))
        if expr is not None:
            return expr.start_iso
    return default


def named_year(mention: Mention, expr: Expr, period: tuple) -> tuple:
    """`period` moved to the year named just before when `expr` says only "the year".

    "2025 was a record year. In the first seven months of the year, ..." (2026) -> 2025-01..2025-07.
    """
    text = mention.sentence.text
    start, end = period
    if not start or not end or start[:4] != end[:4] or not _THE_YEAR.search(text[expr.start : expr.end]):
        return period
    years = set(_YEAR.findall(text[: expr.start]))
    sentences = mention.state.get("sentences") or []
    if not years and 0 < mention.sentence.index <= len(sentences):
        years = set(_YEAR.findall(sentences[mention.sentence.index - 1].text))
    if len(years) != 1:
        return period
    year = years.pop()
    return year + start[4:], year + end[4:]


def event_night(mention: Mention, anchor: Anchor | None, war_text: bool) -> tuple | None:
    """The one night the whole document names, or None when it names none or several.

    A report of one night's raid ("dans la nuit du 23 au 24 juillet", told once in the text)
    dates the deaths and wounded it counts anywhere else in the text. A single day is no such
    sign: most texts name the day something was said or done besides what they count.
    """
    key = "period_event_night"
    if key not in mention.state:
        nights = set()
        for sentence in mention.state.get("sentences") or []:
            if not _NIGHT_HINT.search(sentence.text):
                continue
            for expr in find(sentence.text, mention.lang, anchor, war_text):
                span = (expr.start_iso, expr.end_iso)
                if expr.kind == "time" and span[0] != span[1] and is_short(span):
                    nights.add(span)
        mention.state[key] = nights.pop() if len(nights) == 1 else None
    return mention.state[key]


def is_short(period: tuple[str | None, str | None]) -> bool:
    """Whether `period` is a day or a night (at most two days, at day precision)."""
    start, end = period
    if len(start or "") != 10 or len(end or "") != 10:
        return False
    return (date.fromisoformat(end) - date.fromisoformat(start)).days <= 2
