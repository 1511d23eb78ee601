"""Report: what went wrong or needs saying during a batch, told once at the end."""
from __future__ import annotations

import logging
from dataclasses import dataclass, field

log = logging.getLogger("tally")


@dataclass
class Report:
    """Collects failures and warnings so one bad input never stops a batch."""

    failures: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)

    def fail(self, where: str, message: str) -> None:
        self.failures.append((where, message))
        log.error("%s: %s", where, message)

    def warn(self, where: str, message: str) -> None:
        self.warnings.append((where, message))
        log.warning("%s: %s", where, message)

    @property
    def ok(self) -> bool:
        return not self.failures

    def summary(self) -> str:
        """One line per failure, then a count line.

        >>> report = Report(); report.fail("a.txt", "the file is empty"); print(report.summary())
        failed: a.txt: the file is empty
        1 failed, 0 warnings
        """
        lines = [f"failed: {where}: {message}" for where, message in self.failures]
        warnings = len(self.warnings)
        lines.append(f"{len(self.failures)} failed, {warnings} warning{'' if warnings == 1 else 's'}")
        return "\n".join(lines)
