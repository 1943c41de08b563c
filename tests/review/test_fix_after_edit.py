"""A fix is made only in the text its issue was found in.

The workbench checks a moment after the last change, in a worker; an issue's offsets are
offsets into the text that run was handed. A fix asked before the next run is in (typing, an
undo, a merge from disk, or another fix in the segment since) put the replacement at the old
offsets in the new text: "Hoy, la comunidad de destino de la humanidad." became
"Hoycomunidad de futuro compartido de la humanidadnidad.", the translator's text garbled.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from termwise.checks.issue import Issue
from termwise.errors import TermwiseError
from termwise.project.layout import ProjectLayout
from termwise.review.fixes import FixScope
from termwise.review.session import ReviewSession

OLD = "La comunidad de destino de la humanidad."
# Typed in front: every offset after it moves on by five.
TYPED = "Hoy, la comunidad de destino de la humanidad."
OFFICIAL = "comunidad de futuro compartido de la humanidad"


def checked(session: ReviewSession) -> None:
    document, targets, generation = session.check_inputs()
    assert session.set_issues(session.compute_issues(document, targets), generation)


def forbidden(session: ReviewSession, segment_id: str) -> Issue:
    return next(
        issue
        for issue in session.issues_of(segment_id)
        if issue.check == "term-forbidden" and issue.fix is not None
    )


def refusal(action: Callable[[], object]) -> str:
    """What a refused action said ("" when it was not refused)."""
    try:
        action()
    except TermwiseError as error:
        return str(error)
    return ""


def test_a_fix_here_after_typing_is_refused_and_the_text_kept(
    review_project: ProjectLayout, paper: Path
) -> None:
    session = ReviewSession(review_project, paper, "es")
    first = session.rows[0].segment_id
    session.set_target(first, OLD)
    checked(session)
    issue = forbidden(session, first)
    session.set_target(first, TYPED)
    said = refusal(lambda: session.apply_fix(session.plan_fix(issue, "here")))
    assert session.unit(first).target == TYPED
    assert "translation of #1 changed since it was checked" in said
    assert "checks run again" in said
    # Once checked again, the same fix lands where the term now is.
    checked(session)
    session.apply_fix(session.plan_fix(forbidden(session, first), "here"))
    assert session.unit(first).target == f"Hoy, la {OFFICIAL}."


def test_a_fix_everywhere_leaves_out_the_segment_typed_in(
    review_project: ProjectLayout, paper: Path
) -> None:
    session = ReviewSession(review_project, paper, "es")
    first, third = session.rows[0].segment_id, session.rows[2].segment_id
    session.set_target(first, OLD)
    session.set_target(third, OLD)
    checked(session)
    session.set_target(first, TYPED)
    scopes: tuple[FixScope, ...] = ("everywhere", "variants")
    for scope in scopes:
        plan = session.plan_fix(forbidden(session, third), scope)
        assert [issue.segment_id for issue in plan.issues] == [third], scope
    session.apply_fix(session.plan_fix(forbidden(session, third), "everywhere"))
    assert session.unit(third).target == f"La {OFFICIAL}."
    assert session.unit(first).target == TYPED
    # Asked from the segment typed in, with nothing else left to fix: refused.
    said = refusal(lambda: session.plan_fix(forbidden(session, first), "everywhere"))
    assert "changed since it was checked" in said
    assert session.unit(first).target == TYPED


def test_a_run_that_took_its_texts_before_an_edit_fixes_nothing_there(
    review_project: ProjectLayout, paper: Path
) -> None:
    session = ReviewSession(review_project, paper, "es")
    first = session.rows[0].segment_id
    session.set_target(first, OLD)
    document, targets, generation = session.check_inputs()
    # Typed while the run works: an edit starts no run, so its result is still taken.
    session.set_target(first, TYPED)
    assert session.set_issues(session.compute_issues(document, targets), generation)
    issue = forbidden(session, first)
    said = refusal(lambda: session.apply_fix(session.plan_fix(issue, "here")))
    assert session.unit(first).target == TYPED
    assert "changed since it was checked" in said


def test_a_fix_after_an_undo_is_refused_and_the_text_kept(
    review_project: ProjectLayout, paper: Path
) -> None:
    session = ReviewSession(review_project, paper, "es")
    first = session.rows[0].segment_id
    session.set_target(first, TYPED)
    session.seal_typing()
    session.set_target(first, OLD)
    checked(session)
    issue = forbidden(session, first)
    session.undo()
    assert session.unit(first).target == TYPED
    said = refusal(lambda: session.apply_fix(session.plan_fix(issue, "here")))
    assert session.unit(first).target == TYPED
    assert "changed since it was checked" in said


def test_a_plan_made_before_a_change_applies_nothing_there(
    review_project: ProjectLayout, paper: Path
) -> None:
    """As when a merge from disk changes a segment while the fix's preview is open."""
    session = ReviewSession(review_project, paper, "es")
    first, third = session.rows[0].segment_id, session.rows[2].segment_id
    session.set_target(first, OLD)
    session.set_target(third, OLD)
    checked(session)
    plan = session.plan_fix(forbidden(session, third), "everywhere")
    assert {issue.segment_id for issue in plan.issues} == {first, third}
    session.set_target(first, TYPED)
    change = session.apply_fix(plan)
    assert session.unit(first).target == TYPED
    assert session.unit(third).target == f"La {OFFICIAL}."
    assert list(change.after) == [third]


def test_a_second_source_fix_in_a_segment_waits_for_the_next_run(
    review_project: ProjectLayout,
) -> None:
    """A source fix rewrites the segment: its other issue's offsets were into the old one."""
    path = review_project.root / "two.txt"
    text = "As a responsible big country it serves the human destiny community.\n"
    path.write_text(text, encoding="utf-8")
    session = ReviewSession(review_project, path, None)
    checked(session)
    segment_id = session.rows[0].segment_id
    variants = [i for i in session.issues_of(segment_id) if i.check == "source-variant"]
    assert [i.text for i in variants] == ["responsible big country", "human destiny community"]
    # The first one: everything after it moves on by two characters.
    session.apply_fix(session.plan_fix(variants[0], "here"))
    fixed = text.replace("big", "major")
    assert path.read_text(encoding="utf-8") == fixed
    said = refusal(lambda: session.apply_fix(session.plan_fix(variants[1], "here")))
    assert path.read_text(encoding="utf-8") == fixed
    assert "source of #1 changed since it was checked" in said
    checked(session)
    again = next(i for i in session.issues_of(segment_id) if i.check == "source-variant")
    session.apply_fix(session.plan_fix(again, "here"))
    assert path.read_text(encoding="utf-8") == (
        "As a responsible major country it serves the community with a shared future for mankind.\n"
    )
