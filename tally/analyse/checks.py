"""Arithmetic checks: multiples against the figures they relate, parts against totals,
targets against what was later reported. Each check says what it compared in one sentence."""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, timedelta

from .records import (
    RELATIVE_UNITS, TOLERANCES, Tolerances, duration_days, format_period, format_source,
    format_subject, format_value, moment, norm, order_key, parse_date, published, subject_key,
)

FAILED = ("inconsistent", "missed")
# What is shot down was launched first: a subset event and the events it is a subset of.
# Not "strike": "21 of them hit targets" is itself a part of the launches.
SUBSET_EVENTS = {"shoot_down": ("deploy",)}
# A figure with one of these actors (or none) may be the total of figures per member.
GROUP_ACTORS = ("european union", "nato", "g7", "allies", "west", "coalition")
# Items that count several kinds of the vocabulary's items.
ITEM_KINDS = {
    "weapon": ("drone", "missile", "shell", "tank", "armoured_vehicle", "aircraft",
               "air_defense_system"),
    "armoured_vehicle": ("tank",),
    "person": ("soldier", "civilian", "refugee", "child"),
}
# Events that count the same output: armies state production goals and report deliveries
# to troops (and the reverse), so a target of one is checked against a report of the other.
COMPARABLE_EVENTS = (("produce", "deliver"),)
# Year-end results come out up to a month before the year is over.
RESULT_LEAD_DAYS = 31
# Parts of a total are stated close to it: within this many characters.
PARTS_WINDOW = 400
# A multiple's figures may sit this far from the ends of its stated period.
ANCHOR_SLACK_DAYS = 183


@dataclass
class Check:
    """One comparison: its kind, result, one-sentence account and the claims it used."""

    kind: str  # "multiple", "subset", "parts" or "target"
    result: str  # "consistent", "inconsistent", "met", "missed" or "unclear"
    sentence: str
    claims: list[dict]
    expected: float | None = None
    measured: float | None = None
    also: list[dict] = field(default_factory=list)  # the same comparison, stated elsewhere

    @property
    def failed(self) -> bool:
        return self.result in FAILED

    def to_record(self) -> dict:
        fields = ("doc", "published", "outlet", "speaker", "value", "bound", "unit", "quote", "url")
        return {"kind": self.kind, "result": self.result, "sentence": self.sentence,
                "expected": self.expected, "measured": self.measured,
                "also_stated_by": [{n: c.get(n) for n in fields} for c in self.also],
                "claims": [{n: c.get(n) for n in fields} for c in self.claims]}


def run_checks(records: list[dict], tol: Tolerances = TOLERANCES) -> list[Check]:
    """Every check the records allow, each comparison once (its earliest statement)."""
    checks = (check_multiples(records, tol) + check_subsets(records, tol)
              + check_parts(records, tol) + check_targets(records, tol))
    unique: dict[tuple, Check] = {}
    for check in sorted(checks, key=lambda c: max(order_key(x) for x in c.claims)):
        signature = _signature(check)
        if signature in unique:
            unique[signature].also.append(check.claims[0])
        else:
            unique[signature] = check
    return list(unique.values())


def _signature(check: Check) -> tuple:
    """What a check compares: a multiple's value and its two figures, or every claim."""
    claims = check.claims[1:] if check.kind == "multiple" else check.claims
    head = (check.kind, float(check.claims[0]["value"])) if check.kind == "multiple" else (check.kind,)
    return head + tuple((subject_key(c), c.get("period_start"), c.get("period_end"), float(c["value"]))
                        for c in claims)


def _absolute(record: dict) -> bool:
    return record.get("value") is not None and record.get("unit") not in RELATIVE_UNITS


# --- multiples ---------------------------------------------------------------------------

def check_multiples(records: list[dict], tol: Tolerances = TOLERANCES) -> list[Check]:
    """A multiple ("tenfold", unit ratio) against the earlier and later absolute figures of
    its item, event and actor: those of its own document, else, when the multiple gives
    its period, those of any document near the period's two ends."""
    checks = []
    for multiple in records:
        if multiple.get("unit") != "ratio" or not multiple.get("value"):
            continue
        pair = _related_pair(multiple, records)
        if pair is None:
            continue
        earlier, later = pair
        if float(earlier["value"]) <= 0:
            continue
        measured = float(later["value"]) / float(earlier["value"])
        if _multiple_agrees(multiple, (measured, measured), tol):
            result = "consistent"
        elif _multiple_agrees(multiple, _ratio_range(earlier, later, measured), tol):
            result = "unclear"  # only the bounds ("more than a million") allow it
        else:
            result = "inconsistent"
        checks.append(Check("multiple", result, _multiple_sentence(multiple, earlier, later, measured, result),
                            [multiple, earlier, later], float(multiple["value"]), measured))
    return checks


def _ratio_range(earlier: dict, later: dict, measured: float) -> tuple[float, float]:
    """The ratios the two figures allow: "more than a million" after 140,000 is x7 or more."""
    low = 0.0 if later.get("bound") == "at_most" or earlier.get("bound") == "at_least" else measured
    high = math.inf if later.get("bound") == "at_least" or earlier.get("bound") == "at_most" else measured
    return low, high


def _multiple_agrees(multiple: dict, measured: tuple[float, float], tol: Tolerances) -> bool:
    expected, bound = float(multiple["value"]), multiple.get("bound")
    low = 0.0 if bound == "at_most" else expected * (1 - tol.multiple)
    high = math.inf if bound == "at_least" else expected * (1 + tol.multiple)
    return measured[0] <= high and low <= measured[1]


def _related_pair(multiple: dict, records: list[dict]) -> tuple[dict, dict] | None:
    """The earliest and latest figures the multiple relates.

    In its own document, of its item (or, when it names none, the item of the figure
    nearest it): the figures of its own sentence; else two figures stated in one
    sentence ("from 140,000 in 2023 to 1.4 million in 2024"); else those within
    PARTS_WINDOW of it; else the earliest and latest of the document. Figures near the
    multiple are taken whatever actor the parser gave them; farther ones must share its
    event and actor (loosely, see _same_output). Failing all that, when the multiple
    gives its period, the figures of any document with its item, event and actor
    closest to that period's two ends.
    """
    offset = multiple.get("offset") or 0
    own = [r for r in records if r.get("doc") == multiple.get("doc") and _absolute(r)
           and r.get("item") and moment(r) is not None]
    near = [r for r in own if abs((r.get("offset") or 0) - offset) <= PARTS_WINDOW]
    item = norm(multiple.get("item"))
    if item is None and near:
        item = norm(min(near, key=lambda r: abs((r.get("offset") or 0) - offset)).get("item"))
    if item is None:
        return None
    near = [r for r in near if norm(r.get("item")) == item]
    sentence = multiple.get("sentence")
    same_sentence = [r for r in near if sentence and r.get("sentence") == sentence]
    related = [r for r in own if norm(r.get("item")) == item
               and (r in near or _same_output(r, multiple, loose=True))]
    pair = (_extremes(multiple, same_sentence) or _stated_together(multiple, related)
            or _extremes(multiple, near) or _extremes(multiple, related))
    if pair or not multiple.get("item"):
        return pair
    if multiple.get("period_start") and multiple.get("period_end"):
        # Across documents only figures of what happened, or, for a planned multiple, a
        # plan's later figure; each must overlap the multiple's period.
        statuses = ("reported", multiple.get("status") or "reported")
        others = [r for r in records if _absolute(r) and _same_output(r, multiple, loose=False)
                  and moment(r) is not None and r.get("status", "reported") in statuses
                  and _overlaps_period(r, multiple)]
        return _anchored(multiple, others)
    return None


def _same_output(record: dict, multiple: dict, loose: bool) -> bool:
    """Same item, and same event and actor; `loose` (within one document) lets an event
    of the same family (COMPARABLE_EVENTS) or a missing event or actor pass."""
    if norm(record.get("item")) != norm(multiple.get("item")):
        return False
    event_a, event_b = norm(record.get("event")), norm(multiple.get("event"))
    actor_a, actor_b = norm(record.get("actor")), norm(multiple.get("actor"))
    if not loose:
        return (event_a, actor_a) == (event_b, actor_b)
    events_ok = event_a == event_b or "other" in (event_a, event_b) or None in (event_a, event_b) \
        or _comparable(event_a, event_b)
    return events_ok and (actor_a == actor_b or None in (actor_a, actor_b))


def _comparable(event_a: str | None, event_b: str | None) -> bool:
    return any(event_a in family and event_b in family for family in COMPARABLE_EVENTS)


def _stated_together(multiple: dict, candidates: list[dict]) -> tuple[dict, dict] | None:
    """The earliest and latest figures of the first sentence that states two of them
    ("from 140,000 in 2023 to 1.4 million in 2024")."""
    by_sentence: dict[str, list[dict]] = {}
    for record in sorted(candidates, key=order_key):
        if record.get("sentence"):
            by_sentence.setdefault(record["sentence"], []).append(record)
    for together in by_sentence.values():
        pair = _extremes(multiple, together)
        if pair:
            return pair
    return None


def _extremes(multiple: dict, candidates: list[dict]) -> tuple[dict, dict] | None:
    """The earliest and the latest figure of the unit of the figure nearest the multiple."""
    if not candidates:
        return None
    nearest = min(candidates, key=lambda r: abs((r.get("offset") or 0) - (multiple.get("offset") or 0)))
    same_unit = sorted((r for r in candidates if r.get("unit") == nearest.get("unit")), key=order_key)
    earlier = min(same_unit, key=moment)
    later = max(same_unit, key=moment)
    if moment(earlier) >= moment(later) or not _alike_durations(earlier, later):
        return None
    return earlier, later


def _anchored(multiple: dict, candidates: list[dict]) -> tuple[dict, dict] | None:
    """The figures nearest the start and the end of the multiple's period, of one unit."""
    if len({moment(c) for c in candidates}) < 2:
        return None
    start = parse_date(multiple.get("period_start"))
    end = parse_date(multiple.get("period_end"), last=True)
    ranked = sorted(candidates, key=order_key)
    earlier = min(ranked, key=lambda c: _distance(c, start))
    later = min(ranked, key=lambda c: _distance(c, end))
    if moment(earlier) >= moment(later) or earlier.get("unit") != later.get("unit"):
        return None
    if max(_distance(earlier, start), _distance(later, end)) > ANCHOR_SLACK_DAYS:
        return None
    if not _alike_durations(earlier, later):
        return None
    return earlier, later


def _overlaps_period(record: dict, multiple: dict) -> bool:
    start = parse_date(record.get("period_start")) or moment(record)
    first = parse_date(multiple.get("period_start"))
    last = parse_date(multiple.get("period_end"), last=True)
    return start <= last and moment(record) >= first


def _distance(record: dict, day: date) -> int:
    start = parse_date(record.get("period_start")) or moment(record)
    end = moment(record)
    return 0 if start <= day <= end else min(abs((start - day).days), abs((end - day).days))


def _alike_durations(a: dict, b: dict) -> bool:
    """A monthly figure and a yearly one are not compared by a multiple."""
    da, db = duration_days(a), duration_days(b)
    if da is None or db is None:
        return True
    return abs(da - db) <= TOLERANCES.duration * max(da, db)


def _multiple_sentence(multiple: dict, earlier: dict, later: dict, measured: float, result: str) -> str:
    if result == "unclear":
        result = "unclear (only the bounds of the figures allow it)"
    return (
        f"\u201c{multiple.get('quote')}\u201d ({format_value(multiple['value'], 'ratio', multiple.get('bound'))}, "
        f"{format_source(multiple)}) against "
        f"{format_value(earlier['value'], earlier.get('unit'), earlier.get('bound'))} {format_period(earlier)} "
        f"and {format_value(later['value'], later.get('unit'), later.get('bound'))} "
        f"{format_period(later)} for {format_subject(later)}: the figures give x{measured:,.2f}, {result}."
    )


# --- parts and totals ----------------------------------------------------------------------

def check_subsets(records: list[dict], tol: Tolerances = TOLERANCES) -> list[Check]:
    """Within one document and period, what was shot down against what was launched,
    by one speaker's account (each side counts the other's drones its own way)."""
    checks = []
    for part in records:
        whole_events = SUBSET_EVENTS.get(norm(part.get("event")) or "")
        if not whole_events or not part.get("item") or not _absolute(part):
            continue
        wholes = [r for r in records if r.get("doc") == part.get("doc") and _absolute(r)
                  and norm(r.get("event")) in whole_events and norm(r.get("item")) == norm(part.get("item"))
                  and r.get("unit") == part.get("unit") and _same_period(r, part)
                  and _opposing(part, r) and norm(r.get("speaker")) == norm(part.get("speaker"))]
        if not wholes:
            continue
        whole = min(wholes, key=lambda r: abs((r.get("offset") or 0) - (part.get("offset") or 0)))
        part_value, whole_value = float(part["value"]), float(whole["value"])
        if part_value <= whole_value * (1 + tol.parts):
            result = "consistent"
        elif _lowest(part) <= _highest(whole) * (1 + tol.parts):
            result = "unclear"  # only the bounds ("up to", "more than") allow it
        else:
            result = "inconsistent"
        sentence = (
            f"{format_value(part_value, part.get('unit'), part.get('bound'))} {part.get('item')} "
            f"{part.get('event')} against {format_value(whole_value, whole.get('unit'), whole.get('bound'))} "
            f"{whole.get('event')} {format_period(part)} ({format_source(part)}): "
            f"{'no more than' if result == 'consistent' else 'more than'} the whole"
            f"{' as stated, though the bounds allow it' if result == 'unclear' else ''}, {result}."
        )
        checks.append(Check("subset", result, sentence, [part, whole], whole_value, part_value))
    return checks


def _lowest(record: dict) -> float:
    """The least value a claim allows ("up to 50" allows none at all)."""
    return 0.0 if record.get("bound") == "at_most" else float(record["value"])


def _highest(record: dict) -> float:
    """The greatest value a claim allows ("more than 44" allows any number above)."""
    return math.inf if record.get("bound") == "at_least" else float(record["value"])


def _opposing(part: dict, whole: dict) -> bool:
    """One side shoots down what the other launched: known actors must differ."""
    actors = norm(part.get("actor")), norm(whole.get("actor"))
    return None in actors or actors[0] != actors[1]


def check_parts(records: list[dict], tol: Tolerances = TOLERANCES) -> list[Check]:
    """Within one document, figures per actor or per kind of item against a stated total.

    A total is a figure whose actor is none or a group (GROUP_ACTORS) with parts of
    distinct actors, or whose item counts several kinds (ITEM_KINDS) with parts of
    distinct kinds; parts share its event, unit and period and sit within PARTS_WINDOW.
    """
    checks = []
    for total in records:
        if not total.get("item") or not _absolute(total):
            continue
        parts = _parts_of(total, records)
        if len(parts) < 2:
            continue
        measured = sum(float(p["value"]) for p in parts)
        expected = float(total["value"])
        if measured > expected * (1 + tol.parts):
            allowed = sum(_lowest(p) for p in parts) <= _highest(total) * (1 + tol.parts)
            result = "unclear" if allowed else "inconsistent"
            how = "more than the total" + (" as stated, though the bounds allow it" if allowed else "")
        elif abs(measured - expected) <= expected * tol.parts:
            result, how = "consistent", "the total"
        else:
            result, how = "consistent", f"{measured / expected:.0%} of the total"
        listed = " + ".join(format_value(p["value"], p.get("unit")) for p in parts)
        sentence = (
            f"Parts {listed} = {format_value(measured, total.get('unit'))} against the stated total "
            f"{format_value(expected, total.get('unit'), total.get('bound'))} for {format_subject(total)} "
            f"{format_period(total)} ({format_source(total)}): they make {how}, {result}."
        )
        checks.append(Check("parts", result, sentence, [total] + parts, expected, measured))
    return checks


def _parts_of(total: dict, records: list[dict]) -> list[dict]:
    near = [r for r in records if r is not total and r.get("doc") == total.get("doc") and _absolute(r)
            and r.get("item") and norm(r.get("event")) == norm(total.get("event"))
            and r.get("unit") == total.get("unit") and _same_period(r, total)
            and abs((r.get("offset") or 0) - (total.get("offset") or 0)) <= PARTS_WINDOW
            and float(r["value"]) < float(total["value"])]
    actor = norm(total.get("actor"))
    if actor is None or actor in GROUP_ACTORS:
        by_actor = [r for r in near if norm(r.get("item")) == norm(total.get("item"))
                    and norm(r.get("actor")) not in (None, actor)]
        if len({norm(r.get("actor")) for r in by_actor}) == len(by_actor):
            return by_actor
        return []
    kinds = ITEM_KINDS.get(norm(total.get("item")) or "", ())
    by_kind = [r for r in near if norm(r.get("item")) in kinds and norm(r.get("actor")) == actor]
    if len({norm(r.get("item")) for r in by_kind}) == len(by_kind):
        return by_kind
    return []


def _same_period(a: dict, b: dict) -> bool:
    if (a.get("period_start"), a.get("period_end")) != (b.get("period_start"), b.get("period_end")):
        return False
    if a.get("period_start") or a.get("period_end"):
        return True
    return a.get("doc") == b.get("doc")


# --- targets -------------------------------------------------------------------------------

def check_targets(records: list[dict], tol: Tolerances = TOLERANCES) -> list[Check]:
    """A target against each figure reported for the same thing and period, published the
    same day or later (a production target also against reported deliveries)."""
    checks = []
    for target in records:
        if target.get("status") != "target" or not target.get("item") or not _absolute(target):
            continue
        if not target.get("period_end"):
            continue
        for reported in records:
            if not _reports_on(reported, target):
                continue
            checks.append(_target_check(target, reported))
    return checks


def _reports_on(reported: dict, target: dict) -> bool:
    if reported.get("status") != "reported" or not _absolute(reported):
        return False
    if reported is target or reported.get("period_end") != target.get("period_end"):
        return False
    same = [norm(reported.get(n)) == norm(target.get(n)) for n in ("item", "actor", "unit")]
    event_a, event_b = norm(reported.get("event")), norm(target.get("event"))
    if not all(same) or not (event_a == event_b or _comparable(event_a, event_b)):
        return False
    if target.get("period_start") and reported.get("period_start") != target.get("period_start"):
        return False
    day_target, day_reported = published(target), published(reported)
    if day_target is None or day_reported is None:
        return False
    # A count published well before the period ends is progress, not the result.
    period_end = parse_date(target.get("period_end"), last=True)
    if period_end and day_reported < period_end - timedelta(days=RESULT_LEAD_DAYS):
        return False
    # A report in the target's own document counts: reviews restate the goal beside the result.
    return day_reported >= day_target


def _target_check(target: dict, reported: dict) -> Check:
    """Met, missed or unclear: "at least 800,000" against a goal of a million is unclear."""
    goal, got = float(target["value"]), float(reported["value"])
    ceiling = target.get("bound") == "at_most"
    low, high = _lowest(reported), _highest(reported)
    met = high <= goal if ceiling else low >= goal
    missed = low > goal if ceiling else high < goal
    gap = got - goal
    share = f" ({abs(gap) / goal:.0%})" if goal else ""
    amount = format_value(abs(gap), target.get("unit")) + share
    if not met and not missed:
        how, result = "the reported bound does not say whether it was met", "unclear"
    elif gap == 0:
        how, result = "met exactly", "met"
    elif met:
        how, result = f"met, {'under' if ceiling else 'over'} by {amount}", "met"
    else:
        how, result = f"missed by {amount}", "missed"
    sentence = (
        f"Target {format_value(goal, target.get('unit'), target.get('bound'))} for {format_subject(target)} "
        f"{format_period(target)} ({format_source(target)}) against "
        f"{format_value(got, reported.get('unit'), reported.get('bound'))} reported by "
        f"{format_source(reported)}: {how}."
    )
    return Check("target", result, sentence, [target, reported], goal, got)
