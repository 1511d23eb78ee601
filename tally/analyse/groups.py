"""Claim groups: one figure about one thing, stated in several documents, in date order."""
from __future__ import annotations

from dataclasses import dataclass, field

from rapidfuzz import fuzz

from .records import TOLERANCES, Tolerances, order_key, period_key, subject_key

# A repeat whose sentence scores this high against the first appearance was copied.
NEAR_IDENTICAL = 90


@dataclass
class Group:
    """Claims that give the same figure for the same (item, event, actor, unit, period).

    `claims` holds the first claim of each document, first appearance first;
    `mentions` counts every claim, repeats inside one document included;
    `similarity[i]` scores claims[i]'s sentence against the first one's (0-100).
    """

    key: tuple
    claims: list[dict]
    mentions: int
    similarity: list[float] = field(default_factory=list)

    @property
    def first(self) -> dict:
        return self.claims[0]

    @property
    def repeats(self) -> list[dict]:
        return self.claims[1:]

    @property
    def documents(self) -> int:
        return len(self.claims)

    @property
    def outlets(self) -> list[str]:
        seen: list[str] = []
        for claim in self.claims:
            outlet = claim.get("outlet")
            if outlet and outlet not in seen:
                seen.append(outlet)
        return seen

    @property
    def languages(self) -> list[str]:
        return sorted({c["lang"] for c in self.claims if c.get("lang")})

    def near_identical(self) -> list[dict]:
        """The repeats whose sentence is nearly the first appearance's, word for word."""
        return [c for c, score in zip(self.claims[1:], self.similarity[1:]) if score >= NEAR_IDENTICAL]

    def to_record(self) -> dict:
        first = self.first
        return {
            "item": first.get("item"), "event": first.get("event"), "actor": first.get("actor"),
            "unit": first.get("unit"), "value": first.get("value"), "bound": first.get("bound"),
            "period_start": first.get("period_start"), "period_end": first.get("period_end"),
            "documents": self.documents, "mentions": self.mentions,
            "outlets": self.outlets, "languages": self.languages,
            "first": _summary(first),
            "repeats": [dict(_summary(c), similarity=round(s, 1))
                        for c, s in zip(self.repeats, self.similarity[1:])],
        }


def _summary(claim: dict) -> dict:
    fields = ("doc", "published", "outlet", "speaker", "lang", "quote", "value", "bound", "url")
    return {name: claim.get(name) for name in fields}


def group_key(record: dict) -> tuple:
    """(item, event, actor, unit, period_start, period_end) of a record."""
    return subject_key(record) + period_key(record)


def group_claims(records: list[dict], tol: Tolerances = TOLERANCES) -> list[Group]:
    """Groups of the records that have an item, most documents first, then earliest first.

    Values join a group when within `tol.same_value` of its smallest value, so a
    chain of small differences cannot drift into a wide group.
    """
    buckets: dict[tuple, list[dict]] = {}
    for record in records:
        if not record.get("item") or record.get("value") is None:
            continue
        buckets.setdefault(group_key(record), []).append(record)
    groups = []
    for key, bucket in buckets.items():
        for members in _split_by_value(bucket, tol.same_value):
            groups.append(_group(key, members))
    groups.sort(key=lambda g: (-g.documents, -g.mentions, order_key(g.first)))
    return groups


def _split_by_value(records: list[dict], tolerance: float) -> list[list[dict]]:
    ordered = sorted(records, key=lambda r: float(r["value"]))
    runs: list[list[dict]] = []
    for record in ordered:
        value = float(record["value"])
        if runs:
            anchor = float(runs[-1][0]["value"])
            if abs(value - anchor) <= tolerance * max(abs(anchor), abs(value)):
                runs[-1].append(record)
                continue
        runs.append([record])
    return runs


def _group(key: tuple, members: list[dict]) -> Group:
    members = sorted(members, key=order_key)
    firsts: list[dict] = []
    seen_docs: set = set()
    for claim in members:
        if claim.get("doc") not in seen_docs:
            seen_docs.add(claim.get("doc"))
            firsts.append(claim)
    reference = _text(firsts[0])
    similarity = [100.0] + [float(fuzz.token_set_ratio(reference, _text(c))) for c in firsts[1:]]
    return Group(key=key, claims=firsts, mentions=len(members), similarity=similarity)


def _text(claim: dict) -> str:
    return (claim.get("sentence") or claim.get("quote") or "").casefold()


def repeated(groups: list[Group], min_documents: int = 2) -> list[Group]:
    """The groups stated in at least `min_documents` documents."""
    return [g for g in groups if g.documents >= min_documents]
