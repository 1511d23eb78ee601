"""Time expressions of a sentence: found by the rules of its language, resolved, joined."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .anchor import WAR_START, Anchor, add_months, ym
from .names import NUM, UNIT_EN, UNIT_FR, UNITS, month_names, number, weekday_names
from .rules import patterns

@dataclass(frozen=True)
class Expr:
    """A time expression at [start, end) of a sentence, and the period it names.

    kind: time (a moment or span), since (open span up to now), by (a deadline),
    over ("over two years": the years past, or to come for a plan),
    said (the day something was stated), back (refers back: "that night"),
    prewar (before the invasion), now ("today": the time of writing),
    eve ("hours before the meeting") and later ("two days later"): dated from the day named before.
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
_SAID_AFTER = re.compile(
    r"^(?:[^.;\d]{0,12}?|,\s*(?-i:(?:[A-Z][\w’'.-]*\s+){1,4}))\b(?:told|said|announced|declared|"
    r"a déclaré|a annoncé|a affirmé|a indiqué)\b",
    re.IGNORECASE,
)


# "Four years since the invasion" locates a moment; "the largest to date" is a superlative.
_NOT_SINCE = re.compile(
    r"\b(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten)[ -](?:years?|months?|weeks?|days?)\s*$"
    r"|\b(?:\w+est|most \w+|plus \w+)\s+(?:[\w’'-]+\s+){0,2}$",
    re.IGNORECASE,
)


# A pattern that opens with literal words ("\\bsince ", "\\b(?:today|now)") needs one of them in the
# text: a substring test skips the pattern on most sentences.
_LITERAL = re.compile(r"\\b([a-zà-ÿ' ]+)(?![?*{])")
_LITERALS = re.compile(r"\\b\(\?:((?:[a-zà-ÿ' ]+\|)+[a-zà-ÿ' ]+)\)(?![?*{])")


def hints(pattern: str) -> tuple[str, ...]:
    """Literal words one of which any match of `pattern` holds; () when the pattern opens otherwise.

    hints(r"\\b(?:today|now)\\b") -> ("today", "now")
    """
    if not pattern.startswith("\\b") or _top_level_or(pattern):
        return ()
    match = _LITERALS.match(pattern)
    if match:
        return tuple(match.group(1).split("|"))
    match = _LITERAL.match(pattern)
    return (match.group(1),) if match and match.group(1).strip() else ()


def _top_level_or(pattern: str) -> bool:
    """Whether `pattern` has an alternative "|" outside any group (and any character class)."""
    depth, escaped, in_class = 0, False, False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            return True
    return False


@lru_cache(maxsize=8)
def _compiled(lang: str):
    """(compiled pattern, resolver, gate) for `lang`: the gate finds in the lowered text one of
    the words any match needs (None: no such word known)."""
    compiled = []
    for rule in patterns(lang):
        needed = rule[2] if len(rule) > 2 else hints(rule[0])
        # Patterns that open with no literal word still need a weekday or month name.
        if not needed and "(?P<wd>" in rule[0]:
            needed = tuple(weekday_names(lang) or weekday_names("en"))
        elif not needed and "(?P<month>" in rule[0]:
            needed = tuple(month_names(lang) or month_names("en"))
        gate = re.compile("|".join(re.escape(word) for word in needed)) if needed else None
        compiled.append((re.compile(rule[0], re.IGNORECASE), rule[1], gate))
    return compiled


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
    lowered = text.lower()
    for pattern, resolve, gate in _compiled(lang):
        if gate is not None and gate.search(lowered) is None:
            continue
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
    exprs = _preceding(_following(_since_back(kept), text, lang), text, lang)
    return tuple(mark_said(e, text) for e in _join(exprs, text))


_COUNT = re.compile(rf"\b(?P<n>{NUM}) (?P<unit>{UNIT_EN}|{UNIT_FR})\b", re.IGNORECASE)


def _following(exprs: list[Expr], text: str, lang: str) -> list[Expr]:
    """"the following four years" dated from the time named before it in the sentence (dropped if none).

    "en 1914, qui, au cours des quatre années suivantes, a fait des millions de morts" -> 1914 .. 1918.
    """
    out: list[Expr] = []
    for expr in exprs:
        if expr.kind != "following":
            out.append(expr)
            continue
        referent = next((e for e in reversed(out) if e.kind == "time" and e.start_iso), None)
        match = _COUNT.search(text, expr.start, expr.end)
        count = number(match["n"], lang) if match else None
        unit = UNITS.get(match["unit"].lower()) if match else None
        if referent is None or count is None or unit not in ("year", "month"):
            continue
        start = referent.start_iso
        if unit == "year":
            end = str(int(start[:4]) + count)
        else:
            end = ym(*add_months(int(start[:4]), int(start[5:7]) if len(start) >= 7 else 1, count))
        out.append(Expr(expr.start, expr.end, start, end, "time"))
    return out


_HALF = re.compile(r" ?\b(?:and a half|et demie?)\b", re.IGNORECASE)
# What may stand between "the two years" and the time they lead up to.
_BEFORE_GAP = re.compile(r"^\s*(?:before|preceding|prior to|leading up to|qui (?:ont )?précédé|précédant|avant)?"
                         r"\s*(?:the |l['’]|la |le )?$", re.IGNORECASE)


def _preceding(exprs: list[Expr], text: str, lang: str) -> list[Expr]:
    """"the two and a half years before February 1917" as one span ending at the time named
    right after it (dropped if none).

    "au cours des deux ans et demi qui ont précédé février 1917" -> 1914-08 .. 1917-02.
    """
    out: list[Expr] = []
    for index, expr in enumerate(exprs):
        if expr.kind != "preceding":
            if not (out and out[-1].end > expr.start):
                out.append(expr)
            continue
        after = exprs[index + 1] if index + 1 < len(exprs) else None
        words = text[expr.start : expr.end]
        match = _COUNT.search(_HALF.sub("", words).replace("  ", " "))
        count = number(match["n"], lang) if match else None
        unit = UNITS.get(match["unit"].lower()) if match else None
        end = after and (after.start_iso or after.end_iso)
        if (after is None or after.kind != "time" or not end or not _BEFORE_GAP.match(text[expr.end : after.start])
                or count is None or unit not in ("year", "month")):
            continue
        months = count * (12 if unit == "year" else 1) + (6 if unit == "year" and _HALF.search(words) else 0)
        if len(end) >= 7:
            start = ym(*add_months(int(end[:4]), int(end[5:7]), -months))
        else:
            start = str(int(end[:4]) - months // 12)
        out.append(Expr(expr.start, after.end, start, end, "time"))
    return out


def _since_back(exprs: list[Expr]) -> list[Expr]:
    """A bare "since" joined to the time named before it in the sentence (dropped if none).

    "a ceasefire was agreed in October 2025, hundreds have been killed since" -> one span
    from "in October 2025" to "since": 2025-10 .. publication.
    """
    out: list[Expr] = []
    for expr in exprs:
        if expr.kind != "since_back":
            out.append(expr)
            continue
        referent = next((e for e in reversed(out) if e.kind == "time" and e.start_iso), None)
        if referent is not None:
            out = [e for e in out if e.start < referent.start]
            out.append(Expr(referent.start, expr.end, referent.start_iso, expr.end_iso, "since"))
    return out


def _join(exprs: list[Expr], text: str) -> list[Expr]:
    joined: list[Expr] = []
    for expr in exprs:
        if joined and joined[-1].kind == expr.kind == "time" and (
                _JOIN.match(text[joined[-1].end : expr.start]) or _listed_months(joined[-1], expr, text)):
            first = joined.pop()
            expr = Expr(first.start, expr.end, first.start_iso, expr.end_iso, "time")
        joined.append(expr)
    return joined


def _listed_months(first: Expr, second: Expr, text: str) -> bool:
    """Whether two months follow each other in a list ("October, November and December")."""
    return (len(first.end_iso or "") == len(second.start_iso or "") == 7 and first.end_iso < second.start_iso
            and text[first.end : second.start].strip() == ",")


def mark_said(expr: Expr, text: str) -> Expr:
    """Mark a day or month on which something was said ("said on Monday") as kind 'said'."""
    if expr.kind != "time" or expr.start_iso != expr.end_iso or len(expr.start_iso or "") < 7:
        return expr
    if _SAID_BEFORE.search(text[max(0, expr.start - 45) : expr.start]) or _SAID_AFTER.match(text[expr.end :]):
        return Expr(expr.start, expr.end, expr.start_iso, expr.end_iso, "said")
    return expr


