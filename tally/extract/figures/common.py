"""What the passes of the figure finder share: the raw candidate and spaces."""
from __future__ import annotations

from dataclasses import dataclass

# Plain, no-break, narrow no-break and thin spaces: all separate thousands.
SPACES = " \u00a0\u202f\u2009"
S = f"[{SPACES}]"


@dataclass
class Raw:
    start: int
    end: int
    value: float
    kind: str  # digits | word | vague | fraction | multiple
    unit: str = "count"
    bound: str = "exact"
    unit_end: int | None = None
    fixed_bound: bool = False
    factor: float = 1.0  # the magnitude word's multiplier ("million": 1e6)
    frame: bool = False  # a duration that may only frame another figure
