"""What earlier sentences of the document tell the period of a figure.

- the source's cut-off: "an analysis published on 15 April 2025" ends the "since X" spans
  that follow (CLAIMS.md), at the month: a report's data stop some time before it appears;
- a war's own start: "the war that began with the 7 October 2023 assault" starts the war
  totals told shortly after it, in place of the invasion of Ukraine;
- the year "the year" means: "2025 was a record year. In the first seven months of the year";
- the year of a month named without one in a story told in an earlier year: "deliveries
  started in September 2023. October and November saw 18 shipments" -> 2023;
- the time given where the same amount is stated again further on ("4,5 milliards" in an
  intertitle, then "4,5 milliards [...] cette année");
- the span a study's "last 18 months" stands for when the text names it ("surveyed 23
  conflicts between July 2024 and the end of 2025");
- the month of statistics published on a day ("les chiffres du chômage publiés jeudi");
- the time a speaker spoke, for the sentence that goes on with their words ("Il estime que").
"""
from __future__ import annotations

import re
from datetime import date

from ..mention import Mention
from .anchor import Anchor
from .names import number
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


_STORY_REACH = 2  # sentences back that a story's year still carries to a month named alone


def story_year(mention: Mention, expr: Expr, period: tuple, anchor: Anchor | None, war_text: bool) -> tuple:
    """`period` moved to the year of the story when `expr` names months with no year and the
    text just before named a month of an earlier year, no later in that year.

    "Shipments started in September 2023. However, October and November saw 18." (2025)
    -> 2023-10 .. 2023-11 (the default, the latest October before publication, is 2024).
    """
    start, end = period
    text = mention.sentence.text
    if (expr.kind != "time" or len(start or "") < 7 or len(end or "") < 7 or start[:4] != end[:4]
            or _YEAR.search(text[expr.start : expr.end])):
        return period
    named = _last_month_with_year(mention, expr, anchor, war_text)
    if named is None or named[:4] >= start[:4] or start[5:7] < named[5:7]:
        return period
    return named[:4] + start[4:], named[:4] + end[4:]


def texts_before(mention: Mention, expr: Expr, reach: int):
    """The text of the figure's sentence before `expr`, then of each of the `reach`
    sentences before it, nearest first."""
    sentences = mention.state.get("sentences") or []
    index = mention.sentence.index
    for back in range(0, reach + 1):
        if not 0 <= index - back < len(sentences):
            return
        text = sentences[index - back].text
        yield text[: expr.start] if back == 0 else text


def _last_month_with_year(mention: Mention, expr: Expr, anchor: Anchor | None, war_text: bool) -> str | None:
    """The ISO month of the last expression with a stated year before `expr`, in its sentence or
    the sentences shortly before; None when the last one names no month."""
    for text in texts_before(mention, expr, _STORY_REACH):
        if not _YEAR.search(text):
            continue
        dated = [e for e in find(text, mention.lang, anchor, war_text)
                 if e.start_iso and _YEAR.search(text[e.start : e.end])]
        if dated:
            last = dated[-1].start_iso
            return last[:7] if len(last) >= 7 else None
    return None


# An amount written with digits and a magnitude or currency ("4,5 milliards", "$300 billion"):
# stated twice, it is the same figure; a bare small number ("two", "10") is not.
_AMOUNT = re.compile(r"\d.*(?:[a-zé]{4,}|[$€£])|[$€£].*\d", re.IGNORECASE)


def restated(mention: Mention, anchor: Anchor | None, war_text: bool) -> tuple | None:
    """The period of the time expression nearest the next statement of the same amount, or None.

    "Environ 14 milliards contre l'insécurité alimentaire. [...] portant l'effort cette année à
    environ 14 milliards" (2022) -> ("2022", "2022") for the first "14 milliards".
    """
    quote = mention.figure.quote
    if not _AMOUNT.search(quote):
        return None
    sentences = mention.state.get("sentences") or []
    for sentence in sentences[mention.sentence.index + 1 :]:
        at = sentence.text.find(quote)
        if at < 0:
            continue
        exprs = [e for e in find(sentence.text, mention.lang, anchor, war_text)
                 if e.kind in ("time", "since", "by") and (e.start_iso or e.end_iso)]
        if not exprs:
            return None
        near = min(exprs, key=lambda e: e.start - at - len(quote) if e.start >= at else at - e.end)
        return near.start_iso, near.end_iso
    return None


# "over the last 18 months", "au cours des 12 derniers mois": a window counted back from publication.
_TRAILING = re.compile(
    r"\b(?:past|last|previous)\s+(?P<n>\d+|\w+)\s+(?P<unit>months|years)\b"
    r"|\b(?P<n2>\d+|\w+)\s+(?:derniers|dernières|passés|passées)\s+(?P<unit2>mois|ans|années)\b",
    re.IGNORECASE,
)


def stated_window(mention: Mention, expr: Expr, period: tuple, anchor: Anchor | None, war_text: bool) -> tuple:
    """`period` replaced by the span of the same length the text names, when `expr` counts months
    or years back from publication ("over the last 18 months") and the text names exactly one
    such span ("between July 2024 and the end of 2025"): a study's window, not the days before
    the article.
    """
    match = _TRAILING.search(mention.sentence.text, expr.start, expr.end)
    if match is None or anchor is None:
        return period
    count = number(match["n"] or match["n2"], mention.lang)
    unit = (match["unit"] or match["unit2"]).lower()
    if count is None:
        return period
    months = count * (1 if unit in ("months", "mois") else 12)
    spans = {span for span in _named_spans(mention, anchor, war_text) if _months_covered(*span) == months}
    return spans.pop() if len(spans) == 1 else period


def _named_spans(mention: Mention, anchor: Anchor | None, war_text: bool) -> set[tuple]:
    """The spans of months the whole text names ("between July 2024 and the end of 2025"), once a text."""
    key = "period_named_spans"
    if key not in mention.state:
        mention.state[key] = {
            (e.start_iso, e.end_iso) for sentence in mention.state.get("sentences") or []
            if _YEAR.search(sentence.text)  # a span of months names its year
            for e in find(sentence.text, mention.lang, anchor, war_text)
            if e.kind == "time" and (_months_covered(e.start_iso, e.end_iso) or 0) > 1}
    return mention.state[key]


def _months_covered(start: str | None, end: str | None) -> int | None:
    """Months from `start` to `end` inclusive, both at month precision or finer; else None."""
    if len(start or "") < 7 or len(end or "") < 7:
        return None
    return (int(end[:4]) - int(start[:4])) * 12 + int(end[5:7]) - int(start[5:7]) + 1


# "les chiffres du chômage publiés jeudi", "figures released on Thursday": a statistic of the month.
_STATISTICS = re.compile(
    r"\b(?:chiffres|données|statistiques|figures|data|statistics)\b[^.;!?\d]{0,50}?\b(?:publiée?s?|"
    r"dévoilée?s?|parue?s?|released|published|out)\s+(?:on\s+|le\s+|ce\s+)?$",
    re.IGNORECASE,
)
_STATISTICS_HINT = re.compile(r"chiffres|données|statistiques|figures|data|statistics", re.IGNORECASE)


def statistics_month(mention: Mention, anchor: Anchor | None, war_text: bool) -> tuple | None:
    """The month of the statistics the sentence before says were published on a given day, for
    the figures that follow with no time of their own ("les chiffres du chômage publiés jeudi.
    [...] il a bondi de 133 000" -> that month); None otherwise."""
    sentences = mention.state.get("sentences") or []
    index = mention.sentence.index
    if not 0 < index <= len(sentences):
        return None
    previous = sentences[index - 1].text
    if not _STATISTICS_HINT.search(previous):
        return None
    for expr in find(previous, mention.lang, anchor, war_text):
        if expr.kind in ("said", "time") and is_short((expr.start_iso, expr.end_iso)) and _STATISTICS.search(
                previous[: expr.start]):
            return expr.start_iso[:7], expr.end_iso[:7]
    return None


# A sentence that goes on with the words of the one named before: "Il estime que", "He added that".
_GOES_ON = re.compile(
    r"^\W*(?:Il|Elle|Ils|Elles|He|She|They)\s+(?:(?:n['’]|ne\s+)?\w+\s+){0,1}?(?:estime|affirme|assure|"
    r"ajoute|explique|précise|déclare|juge|pense|a (?:estimé|affirmé|ajouté|déclaré|expliqué|précisé|assuré)|"
    r"says|said|added|adds|estimates?|estimated|claims?|claimed|believes?|believed)\b",
    re.IGNORECASE,
)
# A time told of someone speaking: "qui a témoigné auprès de The Atlantic en 2017", "told the BBC in May".
_SPOKE = re.compile(
    r"\b(?:témoign\w*|déclar\w*|a dit|a confié|a expliqué|a affirmé|interview\w*|entretien|testif\w*|"
    r"said|told|wrote|a écrit)\b[^.;!?\d]{0,50}$",
    re.IGNORECASE,
)


def carried_statement(mention: Mention, anchor: Anchor | None, war_text: bool) -> Expr | None:
    """The time the sentence before says its speaker spoke, for a sentence that goes on with their
    words ("Browder a témoigné en 2017. Il estime que ..." -> 2017); None otherwise."""
    if not _GOES_ON.match(mention.sentence.text):
        return None
    sentences = mention.state.get("sentences") or []
    index = mention.sentence.index
    if not 0 < index <= len(sentences):
        return None
    previous = sentences[index - 1].text
    spoken = [e for e in find(previous, mention.lang, anchor, war_text)
              if e.kind == "said" or (e.kind == "time" and _SPOKE.search(previous[: e.start]))]
    return spoken[-1] if spoken else None
