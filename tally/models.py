"""Document and Claim: the only types passed between stages."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

# The claim record of CLAIMS.md, in its order; extras follow.
CLAIM_FIELDS = (
    "doc", "quote", "offset", "value", "bound", "unit", "item", "event", "actor",
    "speaker", "period_start", "period_end", "status",
)
EXTRA_FIELDS = ("item_detail", "sentence", "confidence")

BOUNDS = ("exact", "at_least", "at_most", "approx")
STATUSES = ("reported", "target", "estimate")
EVENTS = (
    "produce", "deliver", "deploy", "strike", "shoot_down", "destroy", "build", "develop",
    "join", "kill", "injure", "displace", "spend", "count", "other",
)


@dataclass(frozen=True)
class Document:
    """An article: its full text and what is known about it.

    Offsets of claims always count from the start of `text`.
    """

    id: str
    text: str
    lang: str | None = None
    published: str | None = None  # "YYYY-MM-DD" or "YYYY-MM"
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    source: str | None = None  # the file it was read from, for error messages

    def to_record(self) -> dict:
        record = asdict(self)
        record.pop("source")
        return record


@dataclass
class Claim:
    """One figure of a document with what it quantifies (see CLAIMS.md)."""

    doc: str
    quote: str
    offset: int
    value: float
    bound: str = "exact"
    unit: str = "count"
    item: str | None = None
    event: str = "other"
    actor: str | None = None
    speaker: str | None = None
    period_start: str | None = None
    period_end: str | None = None
    status: str = "reported"
    item_detail: str | None = None
    sentence: str | None = None
    confidence: float = 0.5
    extras: dict = field(default_factory=dict, repr=False)

    def to_record(self, extra: bool = True) -> dict:
        """The CLAIMS.md record, in its field order, plus the extra fields."""
        record = {name: getattr(self, name) for name in CLAIM_FIELDS}
        value = record["value"]
        if isinstance(value, float) and value.is_integer():
            record["value"] = int(value)
        if extra:
            for name in EXTRA_FIELDS:
                record[name] = getattr(self, name)
        return record
