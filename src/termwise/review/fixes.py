"""Terminology fixes: which issues one fix resolves, and the text once they are applied.

The workbench (``x``, ``X``, ``V``) and ``termwise fix`` plan their fixes here, so both
follow the same rules: a fix "here" resolves one issue, "everywhere" every issue with the
same text and replacement, "variants" every form of the same concept the same check
flagged on the same side.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from termwise.errors import TermwiseError

if TYPE_CHECKING:
    from termwise.checks.issue import Issue

# How far one fix reaches.
FixScope = Literal["here", "everywhere", "variants"]


@dataclass(frozen=True)
class FixPlan:
    """The edits a terminology fix would make (shown as a preview before 'everywhere')."""

    issues: tuple[Issue, ...]
    side: str
    # Issues the fix would have resolved but leaves out: their segments changed since the
    # check run that found them, so their offsets are into another text. Kept to be told
    # ("2 changed since the check, left out"): a fix everywhere that fixed fewer than the
    # list showed, without a word, looked like it had missed them.
    changed: tuple[Issue, ...] = ()

    @property
    def changed_segments(self) -> int:
        """How many segments the fix leaves out for having changed since the check."""
        return len({issue.segment_id for issue in self.changed})

    def by_segment(self) -> dict[str, list[Issue]]:
        """The plan's issues per segment, in the order they were found."""
        grouped: dict[str, list[Issue]] = {}
        for issue in self.issues:
            grouped.setdefault(issue.segment_id, []).append(issue)
        return grouped

    def edits(self, text_of: Callable[[str], str]) -> list[tuple[str, str, str]]:
        """(segment id, text before, text after) for each segment the fix changes, the text
        before being ``text_of(segment id)`` on the plan's side."""
        rows: list[tuple[str, str, str]] = []
        for segment_id, issues in self.by_segment().items():
            before = text_of(segment_id)
            rows.append((segment_id, before, apply_all(before, issues)))
        return rows


def plan_fix(issue: Issue, issues: Iterable[Issue], scope: FixScope = "here") -> FixPlan:
    """The issues among ``issues`` that one fix of ``issue`` resolves in ``scope``."""
    if issue.fix is None:
        raise TermwiseError(f"{issue.check} has no automatic fix here")
    if scope == "here":
        return FixPlan((issue,), issue.side)
    key = fix_key(issue, scope)
    same = tuple(
        other for other in issues if other.fix is not None and fix_key(other, scope) == key
    )
    return FixPlan(same or (issue,), issue.side)


def fix_key(issue: Issue, scope: FixScope) -> tuple[str, ...]:
    """What issues fixed together share: check, side and concept ("variants"), and also the
    text found and its replacement ("everywhere")."""
    assert issue.fix is not None
    if scope == "variants" and issue.concept is not None:
        return (issue.check, issue.side, issue.concept)
    return (
        issue.check,
        issue.side,
        issue.concept or "",
        issue.text.casefold(),
        issue.fix.replacement,
    )


def apply_all(text: str, issues: Sequence[Issue]) -> str:
    """Apply several fixes to one text, right to left so earlier offsets stay valid."""
    result = text
    taken_until = len(text) + 1
    for issue in sorted(issues, key=lambda item: item.fix.start if item.fix else 0, reverse=True):
        fix = issue.fix
        if fix is None or fix.end > taken_until:
            continue
        result = result[: fix.start] + fix.replacement + result[fix.end :]
        taken_until = fix.start
    return result


def keeping_line_breaks(written: str, text: str, replacement: str) -> str:
    """``replacement`` for ``written``, a span of the source file that reads as ``text`` in
    its segment, with the span's line breaks (any gap between two words other than one
    space, a Markdown quote's "> " with it) kept between the same words.

    A term the file wraps ("community" at a line's end, "of human destiny" on the next)
    was replaced with the segment's single spaces: the line took in the next one, and the
    file's wrapping changed beyond the words fixed. Each such gap goes after as many words
    of the replacement as it followed in the span (after its last but one where it has
    fewer); where the span's words cannot be found in order in what is written (markup
    inside the term), the replacement is taken as it is."""
    gaps: list[str] = []
    position = 0
    for index, word in enumerate(text.split(" ")):
        found = written.find(word, position)
        if found < 0 or (index == 0 and found != 0):
            return replacement
        if index:
            gaps.append(written[position:found])
        position = found + len(word)
    new_words = replacement.split(" ")
    if position != len(written) or len(new_words) < 2:
        return replacement
    new_gaps = [" "] * (len(new_words) - 1)
    for index, gap in enumerate(gaps):
        if gap != " ":
            new_gaps[min(index, len(new_gaps) - 1)] = gap
    return new_words[0] + "".join(
        gap + word for gap, word in zip(new_gaps, new_words[1:], strict=True)
    )
