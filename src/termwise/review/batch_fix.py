"""Terminology fixes for a whole document at once: what ``termwise fix`` does.

The fixes are planned by the review session exactly as the workbench plans them (``x`` one
issue, ``X`` every issue with the same text, ``V`` every form of a concept), so the command
line and the workbench cannot drift apart. Issues without an automatic fix (an inflected
form, a rendering the glossary says to fix by hand) are skipped, each with its reason.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from termwise.review.fixes import FixPlan, FixScope

if TYPE_CHECKING:
    from termwise.checks.issue import Issue, Side
    from termwise.review.session import ReviewSession

# A fix whose span or replacement has none is shown with the words around it.
_WORD = re.compile(r"\w")
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
    # Issues in the translation of read-only segments (not for translation, locked in
    # another tool), with the reason the import gave: never changed, and nobody's to fix.
    read_only: list[tuple[Issue, str]] = field(default_factory=list)
    # Fixes left out of the plan because their span overlaps the span of a fix in it (a
    # quotation's typography around a term being fixed), each with that fix: one text
    # cannot take both edits, and counting both reported a change never made.
    overlapping: list[tuple[Issue, Issue]] = field(default_factory=list)
    # How many of the plan's issues, at its end, a second pass found (see ``then``).
    second_pass: int = 0

    @property
    def clean(self) -> bool:
        """Whether nothing selected is left once the plan is applied (a read-only segment's
        issues are not the translator's to fix: they do not count)."""
        return not self.skipped and not self.remaining and not self.overlapping

    def then(self, second: FixRun) -> FixRun:
        """This run followed by its second pass (``plan_second_pass``): both passes' fixes,
        and what the second still found overlapping."""
        return FixRun(
            FixPlan((*self.plan.issues, *second.plan.issues), self.plan.side),
            self.skipped,
            self.remaining,
            self.read_only,
            second.overlapping,
            len(second.plan.issues),
        )

    def changes(self) -> list[FixChange]:
        """The edits made, one per span and pass: a span of the second pass is a span of
        the text the first one left, even where its offsets are the same."""
        issues = self.plan.issues
        split = len(issues) - self.second_pass
        return [*group_changes(issues[:split]), *group_changes(issues[split:])]


@dataclass(frozen=True)
class FixChange:
    """One edit: one span of one segment replaced, with every issue that asked for it.

    Two checks can flag the same span (a glossary check and a project's own
    ``[[checks.regex]]`` rule, say): the translator sees one replacement, so it is
    reported, and counted, once.
    """

    issues: tuple[Issue, ...]

    @property
    def first(self) -> Issue:
        """The issue that stands for the change: its text, place and replacement are all's."""
        return self.issues[0]

    @property
    def checks(self) -> list[str]:
        """The checks that asked for it, each once, in the order they were found."""
        return list(dict.fromkeys(issue.check for issue in self.issues))

    @property
    def concept(self) -> str | None:
        """The concept at stake, when any check that asked for it names one."""
        return next((issue.concept for issue in self.issues if issue.concept), None)

    @property
    def replacement(self) -> str:
        # ``apply_all`` keeps the first of several fixes of one span: the one shown.
        fix = self.first.fix
        return fix.replacement if fix is not None else ""


def change_in_context(text: str, issue: Issue) -> tuple[str, str]:
    """What ``issue``'s fix changes in ``text`` (the text it was found in), before and
    after. Where the span or its replacement holds no word (a full stop added, a space or a
    repeated word taken out, a quote mark changed), the words on either side come with it:
    alone, “” → “.” said nothing of where."""
    fix = issue.fix
    if fix is None:
        return issue.text, ""
    span = text[fix.start : fix.end]
    if _WORD.search(span) and _WORD.search(fix.replacement):
        return span, fix.replacement
    head = _last_word(text[: fix.start])
    tail = _first_word(text[fix.end :])
    return head + span + tail, head + fix.replacement + tail


def _last_word(text: str) -> str:
    """The last word of ``text`` and the space after it (the whole, where it has no word)."""
    words = text.split()
    return text[text.rstrip().rfind(words[-1]) :] if words else text


def _first_word(text: str) -> str:
    """The space at the start of ``text`` and its first word."""
    words = text.split(maxsplit=1)
    return text[: text.find(words[0]) + len(words[0])] if words else text


def span_key(issue: Issue) -> tuple[str, str, int, int]:
    """Where an issue's fix edits (its own span when it has no fix): segment, side, span."""
    if issue.fix is not None:
        return (issue.segment_id, issue.side, issue.fix.start, issue.fix.end)
    return (issue.segment_id, issue.side, issue.start, issue.end)


def group_changes(issues: Sequence[Issue]) -> list[FixChange]:
    """``issues`` as the edits they make: one per span, in the order first found."""
    grouped: dict[tuple[str, str, int, int], list[Issue]] = {}
    for issue in issues:
        grouped.setdefault(span_key(issue), []).append(issue)
    return [FixChange(tuple(group)) for group in grouped.values()]


def group_skipped(skipped: Sequence[tuple[Issue, str]]) -> list[tuple[FixChange, str]]:
    """Issues left to a person, one entry per span, concept and reason: two checks that
    flag one inflected form tell the translator one thing to do, not two."""
    grouped: dict[tuple[object, ...], list[Issue]] = {}
    reasons: dict[tuple[object, ...], str] = {}
    for issue, reason in skipped:
        # Issues without a span (a missing term) differ only by what they say is missing.
        key = (*span_key(issue), issue.text, issue.concept, reason, issue.text or issue.message)
        grouped.setdefault(key, []).append(issue)
        reasons[key] = reason
    return [(FixChange(tuple(group)), reasons[key]) for key, group in grouped.items()]


def plan_document_fix(session: ReviewSession, selection: FixSelection) -> FixRun:
    """Check the document and plan the selected fixes as the workbench would.

    Without ``everywhere`` the first fixable issue is fixed, as ``x`` does; with it, every
    one: ``V`` for each concept found, ``X`` for each text a check without a concept flags.
    """
    document, targets, generation = session.check_inputs()
    session.set_issues(session.compute_issues(document, targets), generation)
    selected = [issue for issue in session.issues if selection.selects(issue)]
    fixable: list[Issue] = []
    skipped: list[tuple[Issue, str]] = []
    read_only: list[tuple[Issue, str]] = []
    for issue in selected:
        # A read-only segment (not for translation, locked in another tool) is never
        # changed, its translation nor its source, which that translation must keep: its
        # issues are left, with the reason its import gave.
        locked = session.read_only_reason(issue.segment_id)
        if locked is not None:
            read_only.append((issue, f"read-only: {locked}"))
        elif issue.fix is None:
            skipped.append((issue, manual_reason(issue)))
        else:
            fixable.append(issue)
    planned: list[Issue] = []
    seen: set[int] = set()
    for issue in fixable:
        if id(issue) in seen:
            continue
        if not selection.everywhere:
            # One change, as ``x`` makes it: every check that flags that span is resolved.
            planned = [other for other in fixable if span_key(other) == span_key(issue)]
            break
        scope: FixScope = "variants" if issue.concept is not None else "everywhere"
        for other in session.plan_fix(issue, scope).issues:
            if id(other) not in seen:
                seen.add(id(other))
                planned.append(other)
    chosen = {id(issue) for issue in planned}
    remaining = [issue for issue in fixable if id(issue) not in chosen]
    planned, overlapping = without_overlaps(planned)
    return FixRun(
        FixPlan(tuple(planned), selection.side), skipped, remaining, read_only, overlapping
    )


def plan_second_pass(session: ReviewSession, selection: FixSelection, first: FixRun) -> FixRun:
    """The fixes ``first`` left out for overlapping another, found again once ``first`` is
    applied (in memory: call it before anything is written).

    Only the translation's: a fix of the source rewrites the file, and a second rewrite
    would leave its first result as the backup (``FILE~``) in place of the file as it was.
    The segments are checked again rather than the old offsets shifted: the edit that went
    first changed the text under them (the quotation now holds the official term, so the
    quotes go around that). Only the checks whose fix was left out are taken, in the
    segments where it was, and only once, so that the pass ends; what still overlaps is
    left, with the fix it overlaps.
    """
    deferred = {(issue.segment_id, issue.check, issue.concept) for issue, _ in first.overlapping}
    if selection.side != "target" or not deferred:
        return FixRun(FixPlan((), selection.side), overlapping=list(first.overlapping))
    document, targets, generation = session.check_inputs()
    session.set_issues(session.compute_issues(document, targets), generation)
    again = [
        issue
        for issue in session.issues
        if selection.selects(issue)
        and issue.fix is not None
        and (issue.segment_id, issue.check, issue.concept) in deferred
        and session.read_only_reason(issue.segment_id) is None
    ]
    planned, overlapping = without_overlaps(again)
    return FixRun(FixPlan(tuple(planned), selection.side), overlapping=overlapping)


def without_overlaps(issues: Sequence[Issue]) -> tuple[list[Issue], list[tuple[Issue, Issue]]]:
    """``issues`` less those whose fix overlaps the fix of another one kept, and those left
    out, each with the fix kept in its place.

    A terminology fix is kept before any other (the glossary's word is what ``fix`` is for;
    a quotation's quotes can go around the new term afterwards), then the first found.
    Issues with the very same span are one change (see ``FixChange``): all are kept.
    """

    def rank(item: tuple[int, Issue]) -> tuple[int, int]:
        return (0 if item[1].concept is not None else 1, item[0])

    kept: dict[tuple[str, str], list[Issue]] = {}
    left_out: list[tuple[Issue, Issue]] = []
    for _, issue in sorted(enumerate(issues), key=rank):
        others = kept.setdefault((issue.segment_id, issue.side), [])
        blocking = next((other for other in others if _overlap(issue, other)), None)
        if blocking is None:
            others.append(issue)
        else:
            left_out.append((issue, blocking))
    chosen = {id(issue) for group in kept.values() for issue in group}
    return [issue for issue in issues if id(issue) in chosen], left_out


def _overlap(issue: Issue, other: Issue) -> bool:
    """Whether two fixes of one text cannot both be made: their spans share a character,
    or one inserts inside the other's span or where it starts (before or after the new
    text? ``apply_all`` would drop one), or both insert at one place, differently. The
    same span is one change, not an overlap."""
    one, two = issue.fix, other.fix
    assert one is not None and two is not None
    if (one.start, one.end) == (two.start, two.end):
        return one.start == one.end and one.replacement != two.replacement
    if one.start == one.end:
        return two.start <= one.start < two.end
    if two.start == two.end:
        return one.start <= two.start < one.end
    return one.start < two.end and two.start < one.end


def manual_reason(issue: Issue) -> str:
    """Why an issue has no automatic fix, as its check explained it."""
    message = issue.message
    for marker in _MANUAL_MARKERS:
        at = message.rfind(marker)
        if at >= 0 and message.endswith(")"):
            return message[at + 2 : -1]
    return f"{issue.check} has no automatic fix"
