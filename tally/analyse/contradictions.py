"""Contradictions: one (item, event, actor, period), values that cannot both be true."""
from __future__ import annotations

from dataclasses import dataclass

from .groups import Group, group_claims
from .records import (
    TOLERANCES, Tolerances, format_period, format_source, format_subject, format_value, interval,
    norm, order_key, overlaps, published,
)


@dataclass
class Contradiction:
    """Two claims on the same thing whose values do not overlap, with both sources."""

    first: dict
    second: dict
    sentence: str

    @property
    def ratio(self) -> float:
        """How many times larger the larger value is (inf when one is zero)."""
        low, high = sorted(abs(float(c["value"])) for c in (self.first, self.second))
        return high / low if low else float("inf")

    def to_record(self) -> dict:
        fields = ("doc", "published", "outlet", "speaker", "value", "bound", "unit", "quote",
                  "sentence", "url")
        return {
            "item": self.first.get("item"), "event": self.first.get("event"),
            "actor": self.first.get("actor"), "period_start": self.first.get("period_start"),
            "period_end": self.first.get("period_end"), "sentence": self.sentence,
            "first": {n: self.first.get(n) for n in fields},
            "second": {n: self.second.get(n) for n in fields},
        }


def find_contradictions(records: list[dict], tol: Tolerances = TOLERANCES,
                        groups: list[Group] | None = None) -> list[Contradiction]:
    """Contradictions among the records, at most one per pair of claim groups, earliest first.

    Two claims contradict when they share item, event, actor, unit and period, their
    value intervals (bounds and rounding counted, see records.interval) do not
    overlap, the event (not "other") and the actor are known, both or neither are
    targets, and their speakers or outlets differ (within one document: two named
    speakers). Figures with no period only contradict when published within
    `tol.moment_days` of each other.
    """
    groups = groups if groups is not None else group_claims(records, tol)
    by_key: dict[tuple, list[Group]] = {}
    for group in groups:
        by_key.setdefault(group.key, []).append(group)
    found = []
    for key, same in by_key.items():
        for i, one in enumerate(same):
            for other in same[i + 1:]:
                pair = _first_conflict(one, other, tol)
                if pair:
                    found.append(Contradiction(pair[0], pair[1], _sentence(*pair)))
    found.sort(key=lambda c: order_key(c.second))
    return found


def _first_conflict(one: Group, other: Group, tol: Tolerances) -> tuple[dict, dict] | None:
    """The earliest pair of claims, one from each group, that contradict."""
    pairs = [(a, b) for a in one.claims for b in other.claims if conflict(a, b, tol)]
    if not pairs:
        return None
    a, b = min(pairs, key=lambda p: max(order_key(p[0]), order_key(p[1])))
    return (a, b) if order_key(a) <= order_key(b) else (b, a)


def conflict(a: dict, b: dict, tol: Tolerances = TOLERANCES) -> bool:
    """Whether claims `a` and `b` (already about the same thing and period) contradict."""
    if overlaps(interval(a, tol), interval(b, tol)):
        return False
    # "other" says nothing of what happened to the items, and with no actor the figures may
    # be about either side: such figures may count different things.
    if norm(a.get("event")) in (None, "other") or norm(a.get("actor")) is None:
        return False
    # Within one article, the outlet's own figure beside a quoted one is most often about
    # another thing; "Kyiv says X, Moscow says Y" names both speakers.
    if a.get("doc") == b.get("doc") and (not a.get("speaker") or not b.get("speaker")):
        return False
    # A plan is not contradicted by what happened: checks.py compares targets with reports.
    if (a.get("status") == "target") != (b.get("status") == "target"):
        return False
    if norm(a.get("speaker")) == norm(b.get("speaker")) and norm(a.get("outlet")) == norm(b.get("outlet")):
        return False
    if not a.get("period_start") and not a.get("period_end"):
        day_a, day_b = published(a), published(b)
        if day_a is None or day_b is None or abs((day_a - day_b).days) > tol.moment_days:
            return False
    return True


def _sentence(a: dict, b: dict) -> str:
    return (
        f"For {format_subject(a)} {format_period(a)}, {format_source(a)} gives "
        f"{format_value(a['value'], a.get('unit'), a.get('bound'))} (\u201c{a.get('quote')}\u201d) but "
        f"{format_source(b)} gives {format_value(b['value'], b.get('unit'), b.get('bound'))} "
        f"(\u201c{b.get('quote')}\u201d)."
    )
