"""Time expressions of a sentence: found by the rules of its language, resolved, joined."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .anchor import WAR_START, Anchor
from .rules import patterns

@dataclass(frozen=True)
class Expr:
    """A time expression at [start, end) of a sentence, and the period it names.

    kind: time (a moment or span), since (open span up to now), by (a deadline),
    over ("over two years": the years past, or to come for a plan),
    said (the day something was stated), back (refers back: "that night"),
    prewar (before the invasion), now ("today": the time of writing).
    """

    start: int
    end: int
    start_iso: str | None
    end_iso: str | None
    kind: str = "time"


# end of 2025") make one period from the start of the first to the end of the second.
_JOIN = re.compile(r"^\s*(?:and|to|through|until|-|–|et|au|à|jusqu['’]à)\s*(?:early |late |the )?$", re.IGNORECASE)
# A day on which something was stated, not the time of the figure.
_SAID_BEFORE = re.compile(
    r"\b(?:said|says|told|announced|reported|published|stated|claimed|confirmed|declared|noted|"
    r"(?:a|ont|avait|avaient) (?:déclaré|annoncé|indiqué|rapporté|affirmé|précisé|assuré|publié)|"
    r"publiée?s?|diffusée?s?|annoncée?s?|rapporté)\b[^.;!?\d]{0,30}$",
    re.IGNORECASE,
)
_SAID_AFTER = re.compile(r"^[^.;\d]{0,12}?\b(?:told|said|announced|declared|a déclaré|a annoncé)\b", re.IGNORECASE)


# "Four years since the invasion" locates a moment; "the largest to date" is a superlative.
_NOT_SINCE = re.compile(
    r"\b(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten)[ -](?:years?|months?|weeks?|days?)\s*$"
    r"|\b(?:\w+est|most \w+|plus \w+)\s+(?:[\w’'-]+\s+){0,2}$",
    re.IGNORECASE,
)


@lru_cache(maxsize=8)
def _compiled(lang: str):
    rules = patterns(lang)
    return [(re.compile(pattern, re.IGNORECASE), resolve) for pattern, resolve in rules]


def find(text: str, lang: str, anchor: Anchor | None, war_text: bool = True) -> list[Expr]:
    """The time expressions of `text`, in text order, each with its resolved period.

    find("Russia launched 40 drones last month.", "en", Anchor(2024, 9, 15))
    -> [Expr(26, 36, "2024-08", "2024-08", "time")]
    """
    return list(_find(text, lang, anchor, war_text))


# Each sentence is searched for its own figures and again as context for the next ones.
@lru_cache(maxsize=4096)
def _find(text: str, lang: str, anchor: Anchor | None, war_text: bool) -> tuple[Expr, ...]:
    found = []
    for pattern, resolve in _compiled(lang):
        for match in pattern.finditer(text):
            resolved = resolve(match, anchor)
            if resolved is None:
                continue
            start, end, kind = resolved
            if kind == "since" and _NOT_SINCE.search(text[: match.start()]):
                continue
            if start == "WAR?":
                start = WAR_START if war_text and anchor and anchor.after_war_start() else None
            found.append(Expr(match.start(), match.end(), start, end, kind))
    kept: list[Expr] = []
    for expr in sorted(found, key=lambda e: (-(e.end - e.start), e.start)):
        if all(expr.end <= other.start or expr.start >= other.end for other in kept):
            kept.append(expr)
    kept.sort(key=lambda e: e.start)
    return tuple(_said(e, text) for e in _join(kept, text))


def _join(exprs: list[Expr], text: str) -> list[Expr]:
    joined: list[Expr] = []
    for expr in exprs:
        if joined and joined[-1].kind == expr.kind == "time" and _JOIN.match(text[joined[-1].end : expr.start]):
            first = joined.pop()
            expr = Expr(first.start, expr.end, first.start_iso, expr.end_iso, "time")
        joined.append(expr)
    return joined


def _said(expr: Expr, text: str) -> Expr:
    """Mark a day or month on which something was said ("said on Monday") as kind 'said'."""
    if expr.kind != "time" or expr.start_iso != expr.end_iso or len(expr.start_iso or "") < 7:
        return expr
    if _SAID_BEFORE.search(text[max(0, expr.start - 45) : expr.start]) or _SAID_AFTER.match(text[expr.end :]):
        return Expr(expr.start, expr.end, expr.start_iso, expr.end_iso, "said")
    return expr


