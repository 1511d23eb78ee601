"""Analyses over stored claims: groups of repeats, series, contradictions, arithmetic checks,
charts and the HTML report. Pure functions over claim records (dicts, see records.py)."""
from __future__ import annotations

from .checks import Check, run_checks
from .contradictions import Contradiction, find_contradictions
from .groups import Group, group_claims, repeated
from .records import TOLERANCES, Tolerances
from .series import select, series_rows, top_subjects

__all__ = [
    "Check", "Contradiction", "Group", "TOLERANCES", "Tolerances", "find_contradictions",
    "group_claims", "repeated", "run_checks", "select", "series_rows", "top_subjects",
]
