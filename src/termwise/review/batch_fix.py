"""Terminology fixes for a whole document at once: what ``termwise fix`` does.

The fixes are planned by the review session exactly as the workbench plans them (``x`` one
issue, ``X`` every issue with the same text, ``V`` every form of a concept), so the command
line and the workbench cannot drift apart. Issues without an automatic fix (an inflected
form, a rendering the glossary says to fix by hand) are skipped, each with its reason.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from termwise.review.fixes import FixPlan, FixScope

if TYPE_CHECKING:
    from termwise.checks.issue import Issue, Side
    from termwise.review.session import ReviewSession

# How the checks say why a term has no automatic fix (see checks.terminology.fix_note).
_MANUAL_MARKERS = (" (inflected here, ", " (no automatic fix: ")


@dataclass
class FixSelection:
    """Which issues to fix: one side, optionally only some concepts and checks."""

    side: Side
    concepts: Collection[str] = ()
    checks: Collection[str] = ()
    everywhere: bool = False

    def selects(self, issue: Issue) -> bool:
        return (
            issue.side == self.side
            and (not self.concepts or issue.concept in self.concepts)
            and (not self.checks or issue.check in self.checks)
        )


@dataclass
class FixRun:
    """The fixes planned for a document, and the issues left to a person, with reasons."""

    plan: FixPlan
    skipped: list[tuple[Issue, str]] = field(default_factory=list)
    # Fixable issues not in the plan: without ``everywhere`` only the first one is fixed.
    remaining: list[Issue] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        """Whether nothing selected is left once the plan is applied."""
        return not self.skipped and not self.remaining


def plan_document_fix(session: ReviewSession, selection: FixSelection) -> FixRun:
    """Check the document and plan the selected fixes as the workbench would.

    Without ``everywhere`` the first fixable issue is fixed, as ``x`` does; with it, every
    one: ``V`` for each concept found, ``X`` for each text a check without a concept flags.
    """
    document, targets, generation = session.check_inputs()
    session.set_issues(session.compute_issues(document, targets), generation)
    selected = [issue for issue in session.issues if selection.selects(issue)]
    fixable = [issue for issue in selected if issue.fix is not None]
    skipped = [(issue, manual_reason(issue)) for issue in selected if issue.fix is None]
    planned: list[Issue] = []
    seen: set[int] = set()
    for issue in fixable:
        if id(issue) in seen:
            continue
        if not selection.everywhere:
            planned = [issue]
            break
        scope: FixScope = "variants" if issue.concept is not None else "everywhere"
        for other in session.plan_fix(issue, scope).issues:
            if id(other) not in seen:
                seen.add(id(other))
                planned.append(other)
    chosen = {id(issue) for issue in planned}
    remaining = [issue for issue in fixable if id(issue) not in chosen]
    return FixRun(FixPlan(tuple(planned), selection.side), skipped, remaining)


def manual_reason(issue: Issue) -> str:
    """Why an issue has no automatic fix, as its check explained it."""
    message = issue.message
    for marker in _MANUAL_MARKERS:
        at = message.rfind(marker)
        if at >= 0 and message.endswith(")"):
            return message[at + 2 : -1]
    return f"{issue.check} has no automatic fix"
