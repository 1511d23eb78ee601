"""Days told relative to a day named before: "hours before the meeting", "two days later".

    relative_days(exprs, mention, anchor, war_text)
    # "... talks in Geneva on Thursday. [...] Hours before the meeting, Russia launched 420 drones"
    # -> "Hours before the meeting" dated Wednesday .. Thursday (the night before)
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from ..mention import Mention
from .anchor import Anchor
from .context import is_short
from .fallback import referred
from .names import NUM, number
from .timex import Expr, mark_said

_COUNT = re.compile(rf"(?P<n>{NUM}) (?P<unit>days?|weeks?|jours?|semaines?)", re.IGNORECASE)


def relative_days(exprs: list[Expr], mention: Mention, anchor: Anchor | None, war_text: bool) -> list[Expr]:
    """`exprs` with each "eve" and "later" expression dated from the day named before it (in the
    sentence, else in the sentences shortly before), or dropped when no day is named.

    "eve" ("hours before the meeting") -> the day before that day .. that day;
    "later" ("two days later", "le lendemain") -> that day plus the offset, marked "said" when
    it dates a statement ("Syrskii, two days later, said").
    """
    if not any(e.kind in ("eve", "later") for e in exprs):
        return exprs
    out = []
    for expr in exprs:
        if expr.kind not in ("eve", "later"):
            out.append(expr)
            continue
        day = _day_before(expr, exprs, mention, anchor, war_text)
        if day is None:
            continue
        if expr.kind == "eve":
            out.append(Expr(expr.start, expr.end, _shift(day, -1), day, "time"))
        else:
            moved = _shift(day, _offset(mention.sentence.text[expr.start : expr.end], mention.lang))
            out.append(mark_said(Expr(expr.start, expr.end, moved, moved, "time"), mention.sentence.text))
    return out


def _day_before(expr: Expr, exprs: list[Expr], mention: Mention, anchor: Anchor | None,
                war_text: bool) -> str | None:
    """The ISO day named last before `expr`: in its sentence, else in the sentences before."""
    same = [e for e in exprs if e.end <= expr.start and e.kind in ("time", "said")
            and is_short((e.start_iso, e.end_iso))]
    if same:
        return same[-1].start_iso if expr.kind == "eve" else same[-1].end_iso
    span = referred(mention, anchor, war_text)
    if span is None:
        return None
    return span[0] if expr.kind == "eve" else span[1]


def _offset(text: str, lang: str) -> int:
    """Days that "two days later", "a week later", "le lendemain" move forward (1 when no count)."""
    match = _COUNT.search(text)
    if match is None:
        return 1
    count = number(match["n"], lang) or 1
    return count * (7 if match["unit"].lower().startswith(("week", "semaine")) else 1)


def _shift(day: str, days: int) -> str:
    return (date.fromisoformat(day) + timedelta(days=days)).isoformat()
