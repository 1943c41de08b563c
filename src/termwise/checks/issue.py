"""What a check reports: an ``Issue`` with a span, a message and, where possible, a ``Fix``.

Spans are offsets into the text of one side of one segment (the segment's normalised source
text, or its target), never file positions: segment ids survive edits, line numbers do not,
and the CLI maps source spans to ``file:line:column`` through ``Segment.to_source`` only when
it prints.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from typing import Literal

Side = Literal["source", "target"]


class Severity(str, Enum):
    """How bad an issue is; ``--fail-on`` compares against this order."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Higher is worse, so ``issue.severity.rank >= threshold.rank`` selects what fails."""
        return _RANK[self]

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls(value.strip().lower())
        except ValueError:
            names = ", ".join(member.value for member in cls)
            raise ValueError(f"unknown severity {value!r}; use one of {names}") from None


_RANK = {Severity.INFO: 1, Severity.WARNING: 2, Severity.ERROR: 3}


@dataclass(frozen=True, slots=True)
class Fix:
    """Replace ``[start, end)`` of one side of a segment by ``replacement``."""

    segment_id: str
    side: Side
    start: int
    end: int
    replacement: str

    def apply(self, text: str) -> str:
        return text[: self.start] + self.replacement + text[self.end :]


@dataclass(frozen=True, slots=True)
class Issue:
    """One finding of one check in one segment.

    ``term`` is the official rendering for terminology checks (what the text should say),
    ``suggestion`` the text proposed in place of ``text`` where a check has one, and ``fix``
    the ready-made edit when the suggestion can be applied mechanically.
    """

    check: str
    severity: Severity
    segment_id: str
    side: Side
    start: int
    end: int
    text: str
    message: str
    concept: str | None = None
    term: str | None = None
    suggestion: str | None = None
    fix: Fix | None = None

    @property
    def key(self) -> tuple[str, str, str, str]:
        """What identifies an issue across edits elsewhere: check, segment, side, flagged text."""
        return (self.check, self.segment_id, self.side, self.text)


def apply_fixes(text: str, fixes: Iterable[Fix]) -> str:
    """Apply non-overlapping fixes to one text; overlapping ones after the first are skipped.

    Fixes are applied from the end so that earlier offsets stay valid.
    """
    chosen: list[Fix] = []
    for fix in sorted(fixes, key=lambda f: (f.start, f.end)):
        if chosen and fix.start < chosen[-1].end:
            continue
        chosen.append(fix)
    for fix in reversed(chosen):
        text = fix.apply(text)
    return text
