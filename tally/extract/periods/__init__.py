"""Period of a figure: the ISO start and end of the time it refers to.

    assign(mention)  # "L'année dernière, ... 140 000 drones" in 2024 -> "2023", "2023"

0. a standing fact has none, whatever the sentence dates (standing.py: "ville située à
   170 km", "the city of 3 million", "les sept puissances du G7", "three economists said");
1. find the time expressions of the figure's sentence, resolved against the publication
   date (timex.find, with the patterns of rules.py: French and English phrases; month and
   weekday names in any language babel knows; periods known by name, "the Second World War";
   seasons, "cet hiver", seasons.py);
2. pick the one that belongs to the figure (select.py): nearest, fewest clause boundaries
   between, not a year that dates something else ("lancé en 2018") or stands in a clause
   of its own ("Before Fico regained power in 2023, ..."), "now" when it stands between
   them, none for a present-tense state outside the clause of a "since" span; "as of May"
   ends a total there and dates a state; "during that period" takes the last one named;
   "hours before the meeting", "two days later" count from the day named before (offsets.py);
   what earlier sentences tell may adjust it (context.py: a source's cut-off ends "since X",
   a war's stated start begins its totals, "the year" is the year named just before, a month
   named alone keeps the year of the story told just before); "cette guerre", "Celle-ci"
   nearer the figure take the war named or dated shortly before (wars.py);
3. else (fallback.py) a war total told in the perfect ("have lost": the war's start ..
   publication), the period of the sentence before for a run of events (or for a fragment
   that opens with its figure: "386 enfants blessés."), the month of statistics the sentence
   before says were published that day, the day the figure was stated (none for a state in
   the simple present; "Il estime que" goes on with the time its speaker spoke just before),
   or the one night a raid report names;
4. else the time given where the same amount is stated again further on (context.restated);
5. else both ends stay None: a state at the time of writing.

Ages never get a period; rates ("30 a day") only one their own sentence gives.
The publication date and the date arithmetic are in anchor.py, the words in names.py.
"""
from __future__ import annotations

import re

from ..mention import Mention
from .anchor import PRE_WAR_END, WAR_START, Anchor, ahead
from .context import (carried_statement, cut_off, event_night, named_year, restated, stated_window, statistics_month, story_year,
                      war_start)
from .fallback import (inherit, is_state, mention_verb, referred, referred_period, simple_present,
                       statement_day, told_as_event, war_duration, war_total)
from .names import NUM
from .offsets import relative_days
from .rules import counted
from .select import may_frame, nearest
from .standing import is_standing
from .timex import Expr, find
from .wars import named_war, reference, referred_war, remember

__all__ = ["assign", "period", "find", "Anchor", "Expr", "WAR_START", "PRE_WAR_END"]

_AGE = re.compile(r"^(?:-year-olds?|\s*years? old\b)", re.IGNORECASE)
# "de 25 ans", "(25 ans)", "âgé de 25 ans" are ages; "depuis 15 ans" is not.
# "de 25 et 28 ans": the first of two ages.
_AGE_FR = re.compile(r"^\s*(?:(?:et|à|ou)\s+\d{1,3}\s+)?ans\b", re.IGNORECASE)
_AGE_FR_BEFORE = re.compile(r"(?:\bde|\(|âgée?s? de|\bet)\s*$", re.IGNORECASE)
# Words that tell a plan or a forecast: "over two years" then runs forward.
_FUTURE = re.compile(
    r"\b(?:will|would|should|shall|plans? to|pledged?|promised?|to be paid|va|vont|devrait|devraient|"
    r"prévoit|prévu|doit|doivent)\b",
    re.IGNORECASE,
)
# A total told with a date: "in January put total casualties at 1.2 million" counts from the invasion.
# "18 total shipments" only counts them.
_TOTAL = re.compile(r"(?<!\d )\b(?:total|in all|altogether|cumulative|au total|en tout|bilan)\b", re.IGNORECASE)
_WAR_WORDS = re.compile(r"\bukrain|\bkyiv\b|\bkiev\b", re.IGNORECASE)


def assign(mention: Mention) -> None:
    """Set mention.fields['period_start'] and ['period_end'] (ISO dates or None)."""
    start, end = period(mention)
    mention.fields["period_start"] = start
    mention.fields["period_end"] = end
    mention.state.setdefault("periods", {})[mention.sentence.index] = (start, end)


def period(mention: Mention) -> tuple[str | None, str | None]:
    """(start, end) of the figure of `mention`, ISO at the precision the text allows."""
    if _is_age(mention) or is_standing(mention):
        return None, None
    anchor = Anchor.parse(mention.document.published)
    war_text = _war_text(mention)
    own = war_duration(mention, anchor, war_text)
    if own is not None:
        return own
    exprs = relative_days(find(mention.sentence.text, mention.lang, anchor, war_text), mention, anchor, war_text)
    said = [e for e in exprs if e.kind == "said"]
    statement = nearest(said, mention) or carried_statement(mention, anchor, war_text)
    framing = [e for e in exprs if may_frame(e, mention)]
    # "now", "today" count only when nothing else in the sentence dates the figure.
    chosen = nearest([e for e in framing if e.kind != "now"], mention) or nearest(framing, mention)
    if chosen is not None and chosen.kind != "now":
        # "lancé en 2018, il est actuellement utilisé dans 36 pays": "now" between them dates the figure.
        chosen = nearest([e for e in framing if e.kind == "now" and _between(e, chosen, mention)], mention) or chosen
    if chosen is not None and _outside_present_clause(chosen, mention):
        # "[...] depuis 1991, et que les États-Unis maintiennent 800 bases": a state now.
        chosen = None
    war = _war_referred(chosen, mention)
    if war is not None:
        remember(mention)
        return war
    if chosen is not None:
        if chosen.kind == "time" and named_war(mention.sentence.text[chosen.start : chosen.end], mention.lang):
            remember(mention)
        return _framed(chosen, statement, mention, anchor, war_text)
    if _is_rate(mention):
        # "30 drones a day" has a period only when the sentence gives one.
        return None, None
    cumulative = war_total(mention, anchor, war_text, statement)
    if cumulative is not None:
        return cumulative
    inherited = inherit(mention, anchor, war_text)
    if inherited is not None:
        return inherited
    published = statistics_month(mention, anchor, war_text)
    if published is not None:
        return published
    if statement is not None:
        return statement_day(statement, mention)
    if mention.fields.get("status") != "target" and _counted_event(mention):
        # A report of one night's raid: the figures it tells as events belong to that night.
        night = event_night(mention, anchor, war_text)
        if night is not None:
            return night
    return restated(mention, anchor, war_text) or (None, None)


def _framed(expr: Expr, statement: Expr | None, mention: Mention, anchor: Anchor | None, war_text: bool):
    """The period `expr` gives the figure."""
    if expr.kind == "back":
        return referred(mention, anchor, war_text) or (None, None)
    if expr.kind == "back_period":
        return referred_period(mention, expr, anchor, war_text) or (None, None)
    if expr.kind == "asof":
        # "As of May, 3 million were displaced": a state then; "as of May, 75% had arrived": a total by then.
        return (expr.start_iso, expr.end_iso) if is_state(mention) else (None, expr.end_iso)
    if expr.kind == "now":
        # "today": the day of an event told in the past, else a state at the time of writing.
        return (expr.start_iso, expr.end_iso) if told_as_event(mention) else (None, None)
    if expr.kind == "over" and (mention.fields.get("status") in ("target", "estimate")
                                or _FUTURE.search(mention.sentence.text)):
        # "will send 90 billion over two years": the years to come, not the years past.
        match = re.search(rf"(?P<n>{NUM}) (?P<unit>\w+)$", mention.sentence.text[expr.start : expr.end])
        future = match and counted(match, mention.lang, anchor, lambda n, u, an: ahead(n, u, an, False))
        if future:
            return future[0], future[1]
    if expr.kind == "since" and statement is not None:
        return expr.start_iso, statement.end_iso
    if expr.kind == "since" and anchor is not None and expr.end_iso == anchor.iso():
        # "since August 2023" after "an analysis published on 15 April": up to the source's cut-off.
        return expr.start_iso, cut_off(mention, anchor, war_text) or expr.end_iso
    if (expr.kind == "time" and expr.start_iso == expr.end_iso and len(expr.start_iso or "") >= 7
            and _TOTAL.search(mention.sentence.text)):
        start = war_start(mention, anchor, war_text, WAR_START if war_text else None)
        if start is not None and start < expr.start_iso:
            return start, expr.end_iso
    period = story_year(mention, expr, (expr.start_iso, expr.end_iso), anchor, war_text)
    period = stated_window(mention, expr, period, anchor, war_text)
    return named_year(mention, expr, period)


def _war_referred(chosen: Expr | None, mention: Mention) -> tuple[str, str] | None:
    """The period of the war "cette guerre" refers to, when those words stand nearer the figure
    than the time expression chosen ("Celle-ci a fait des millions de morts et [...] en 1945")."""
    at = reference(mention)
    if at is None:
        return None
    if chosen is not None and _distance(chosen.start, chosen.end, mention) <= _distance(at, at + 1, mention):
        return None
    return referred_war(mention)


def _distance(start: int, end: int, mention: Mention) -> int:
    """Characters between [start, end) of the sentence and the figure."""
    if end <= mention.rel_start:
        return mention.rel_start - end
    return max(0, start - mention.rel_end)


def _between(expr: Expr, other: Expr, mention: Mention) -> bool:
    """Whether `expr` stands between `other` and the figure."""
    if other.end <= expr.start and expr.end <= mention.rel_start:
        return True
    return mention.rel_end <= expr.start and expr.end <= other.start


def _outside_present_clause(expr: Expr, mention: Mention) -> bool:
    """Whether `expr` is a "since" span (or "during that period") outside the clause of a figure
    told in the simple present."""
    if expr.kind not in ("since", "back_period", "by"):
        return False
    if not simple_present(mention):
        return False
    verb = mention_verb(mention)
    inside = {t.idx for t in verb.subtree}
    return not any(expr.start <= idx < expr.end for idx in inside)


def _is_age(mention: Mention) -> bool:
    """True for an age ("56-year-old", "de 25 ans"), which has no period."""
    after, quote = mention.after, mention.figure.quote.lower()
    if _AGE.match(after) or quote.endswith("-year-old") or quote.endswith(" years old"):
        return True
    return bool(_AGE_FR.match(after) and _AGE_FR_BEFORE.search(mention.before))


def _counted_event(mention: Mention) -> bool:
    """Whether the figure counts things (not a duration or a measure) told as past events or
    in a clause with no finite verb ("19 autres ont été blessés", "faisant état de 19 blessés")."""
    if (mention.fields.get("unit") or mention.figure.unit) != "count":
        return False
    verb = mention_verb(mention)
    if verb is None:
        return True
    if told_as_event(mention):
        return True
    # A participle clause with no finite verb ("faisant état de 19 blessés") goes with the report.
    forms = [verb] + [child for child in verb.children if child.dep_.startswith("aux")]
    return not any("Fin" in t.morph.get("VerbForm") or t.tag_ in ("VBZ", "VBP", "VBD", "MD") for t in forms)


def _is_rate(mention: Mention) -> bool:
    """True for a rate ("30 drones a day": count/day)."""
    return "/" in (mention.fields.get("unit") or mention.figure.unit or "")


def _war_text(mention: Mention) -> bool:
    """Whether the document is about the war in Ukraine (war totals count from the invasion)."""
    cached = mention.state.get("period_war_text")
    if cached is None:
        cached = bool(_WAR_WORDS.search(mention.document.text))
        mention.state["period_war_text"] = cached
    return cached


