"""A source fix from the issues panel rewrites the fixed words and nothing else of the file.

The seed paper is wrapped at about 95 columns, and some variants run over a line end
("community\\nof human destiny"). The fix put the replacement's single spaces in place of
that line break: the line took in the next one, and the file's wrapping changed beyond the
words fixed. The line breaks inside a fixed span stay between the same words."""

from __future__ import annotations

from pathlib import Path

import pytest

from termwise.checks.issue import Issue
from termwise.project.layout import ProjectLayout
from termwise.review.fixes import FixScope
from termwise.review.session import ReviewSession

REPLACEMENT = "community with a shared future for mankind"


def checked(layout: ProjectLayout, paper: Path) -> ReviewSession:
    session = ReviewSession(layout, paper, "es")
    document, targets, generation = session.check_inputs()
    session.set_issues(session.compute_issues(document, targets), generation)
    return session


def file_span(session: ReviewSession, issue: Issue) -> tuple[int, int]:
    assert issue.fix is not None
    segment = session.document.segment(issue.segment_id)
    return segment.to_source(issue.fix.start, issue.fix.end)


def test_a_wrapped_term_keeps_its_line_break_and_the_rest_of_the_file_its_bytes(
    review_project: ProjectLayout, paper: Path
) -> None:
    session = checked(review_project, paper)
    before = paper.read_bytes().decode("utf-8")
    issue = next(
        issue
        for issue in session.issues
        if issue.side == "source"
        and issue.fix is not None
        and issue.fix.replacement == REPLACEMENT
        and before[slice(*file_span(session, issue))] == "community\nof human destiny"
    )
    start, end = file_span(session, issue)
    session.apply_fix(session.plan_fix(issue, "here"))
    after = paper.read_bytes().decode("utf-8")
    assert after == before[:start] + "community\nwith a shared future for mankind" + before[end:]
    # The segment reads as fixed, and keeps its id.
    assert REPLACEMENT in session.source_text(issue.segment_id)


@pytest.mark.parametrize("scope", ["everywhere", "variants"])
def test_a_fix_of_every_variant_keeps_every_line_break_of_the_file(
    review_project: ProjectLayout, paper: Path, scope: FixScope
) -> None:
    session = checked(review_project, paper)
    before = paper.read_bytes().decode("utf-8")
    issue = next(
        issue
        for issue in session.issues
        if issue.side == "source" and issue.fix is not None and issue.fix.replacement == REPLACEMENT
    )
    plan = session.plan_fix(issue, scope)
    spans = [file_span(session, fixed) for fixed in plan.issues]
    assert any("\n" in before[start:end] for start, end in spans)
    session.apply_fix(plan)
    after = paper.read_bytes().decode("utf-8")
    old_lines, new_lines = before.splitlines(keepends=True), after.splitlines(keepends=True)
    assert len(new_lines) == len(old_lines)
    # Only the lines the fixed spans touch differ.
    touched = {
        line
        for start, end in spans
        for line in range(before.count("\n", 0, start), before.count("\n", 0, end) + 1)
    }
    changed = {
        line for line, (old, new) in enumerate(zip(old_lines, new_lines, strict=True)) if old != new
    }
    assert changed and changed <= touched
