"""Found in an audit of the workbench: sentence moves on segments nobody aligned, undo that
acted off screen without saying where, keys moved in keymap.toml that left the footer and
the keys panel, and a merge's account still on screen after a later merge."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import polib
import pytest
from rich.console import Console
from textual.pilot import Pilot
from textual.widgets import Footer
from textual.worker import WorkerCancelled

from termwise.checks.issue import Fix, Issue, Severity
from termwise.errors import TermwiseError
from termwise.project.layout import ProjectLayout
from termwise.review import alignment
from termwise.review.fixes import FixPlan
from termwise.review.session import ReviewSession
from termwise.tui.app import ReviewApp

SIZE = (160, 45)
MERGE_TITLE = "The project file changed on disk"


def translated(layout: ProjectLayout, paper: Path, count: int = 60) -> ReviewSession:
    """A session whose first ``count`` segments have an edited translation, saved."""
    session = ReviewSession(layout, paper, "es")
    for number, row in enumerate(session.rows[:count], 1):
        session.unit(row.segment_id).set_translation(f"Frase {number}. Otra {number}.")
    session.dirty = True
    session.save()
    return ReviewSession(layout, paper, "es")


def messages(app: ReviewApp) -> list[str]:
    return [str(notification.message) for notification in app._notifications]


async def settled(app: ReviewApp, pilot: Pilot[None]) -> None:
    for _ in range(40):
        await pilot.pause(0.05)
        with contextlib.suppress(WorkerCancelled):
            await app.workers.wait_for_complete()
        if not app.session.dirty:
            break
    assert not app.session.dirty


# --- 1. Alt+Up / Alt+Down on a segment that is not an aligned group -------------------------


def test_a_sentence_move_is_refused_outside_aligned_groups(
    review_project: ProjectLayout, paper: Path
) -> None:
    session = translated(review_project, paper, 3)
    first, second = (row.segment_id for row in session.rows[:2])
    with pytest.raises(TermwiseError, match="not an aligned group"):
        alignment.move_first_to_previous(session, second)
    with pytest.raises(TermwiseError, match="not an aligned group"):
        alignment.move_last_to_next(session, first)
    assert session.unit(first).target == "Frase 1. Otra 1."
    assert session.unit(second).target == "Frase 2. Otra 2."
    assert not session.can_undo


async def test_alt_up_on_an_ordinary_segment_says_why_and_changes_nothing(
    review_project: ProjectLayout, paper: Path
) -> None:
    session = translated(review_project, paper, 3)
    first, second = (row.segment_id for row in session.rows[:2])
    app = ReviewApp(session, auto_mt=False, autosave_delay=60, check_delay=60)
    async with app.run_test(size=SIZE) as pilot:
        app.grid.move_cursor(1)
        await pilot.pause()
        await pilot.press("alt+up")
        await pilot.press("alt+down")
        await pilot.pause()
        told = messages(app)
        targets = [app.session.unit(first).target, app.session.unit(second).target]
        can_undo = app.session.can_undo

    assert targets == ["Frase 1. Otra 1.", "Frase 2. Otra 2."]
    assert not can_undo
    said = [text for text in told if text.startswith("Nothing to move")]
    assert len(said) == 2
    assert "the segment is not an aligned group" in said[0]
    assert "F3 joins" in said[0] and "F4 splits" in said[0]


# --- 2. Undo and redo go to the segment they changed, and say which ------------------------


async def test_undo_and_redo_go_to_the_segment_off_screen_and_name_it(
    review_project: ProjectLayout, paper: Path
) -> None:
    session = translated(review_project, paper)
    third = session.rows[2].segment_id
    app = ReviewApp(session, auto_mt=False, autosave_delay=60, check_delay=60)
    async with app.run_test(size=SIZE) as pilot:
        app.grid.move_cursor(2)
        await pilot.pause()
        await pilot.press("ctrl+r")
        assert app.session.unit(third).state.value == "reviewed"
        app.grid.move_cursor(45)
        await pilot.pause()
        await pilot.press("ctrl+z")
        await pilot.pause()
        after_undo = (app.workbench.current_id, app.session.unit(third).state.value)
        app.grid.move_cursor(50)
        await pilot.pause()
        await pilot.press("ctrl+y")
        await pilot.pause()
        after_redo = (app.workbench.current_id, app.session.unit(third).state.value)
        told = messages(app)

    assert after_undo == (third, "edited")
    assert after_redo == (third, "reviewed")
    assert "Undone: mark reviewed, #3" in told
    assert "Redone: mark reviewed, #3" in told


def test_a_typography_fix_is_undone_under_its_own_name(
    review_project: ProjectLayout, paper: Path
) -> None:
    session = translated(review_project, paper, 3)
    segment_id = session.rows[0].segment_id
    text = session.unit(segment_id).target
    issue = Issue(
        check="typography",
        severity=Severity.WARNING,
        segment_id=segment_id,
        side="target",
        start=5,
        end=6,
        text=text[5:6],
        message="a no-break space belongs here",
        fix=Fix(segment_id, "target", 5, 6, "\u00a0"),
    )
    change = session.apply_fix(FixPlan((issue,), "target"))
    assert change.label == "fix typography"
    undone = session.undo()
    assert undone is not None and undone.label == "fix typography"
    assert session.places_of(undone) == [segment_id]


# --- 3. Keys moved in keymap.toml stay in the footer and the keys panel ---------------------


async def test_moved_keys_keep_their_place_in_the_footer_and_the_keys_panel(
    review_project: ProjectLayout, paper: Path
) -> None:
    session = ReviewSession(review_project, paper, "es")
    keymap = {"review.accept_mt": "f5", "review.mark_reviewed": "ctrl+k"}
    app = ReviewApp(session, keymap=keymap, auto_mt=False, autosave_delay=60, check_delay=60)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = [
            (key, active.binding.description)
            for key, active in app.screen.active_bindings.items()
            if active.binding.show
        ]
        footer_keys = [key.key for key in app.screen.query_one(Footer).query("FooterKey")]
        await pilot.press("f1")
        await pilot.pause()
        table = app.screen.keys_table()  # type: ignore[attr-defined]
        console = Console(width=100, record=True, file=io.StringIO())
        console.print(table)
        listed = console.export_text()

    names = [name for _, name in shown]
    # In their places, between Edit and Note, where a width of 80 columns still shows them.
    assert names.index("Accept MT") < names.index("Note")
    assert ("f5", "Accept MT") in shown and ("ctrl+k", "Reviewed") in shown
    assert footer_keys.index("f5") < footer_keys.index("ctrl+o")
    assert footer_keys.index("ctrl+k") < footer_keys.index("ctrl+o")
    assert "Accept MT" in listed and "Reviewed" in listed
    assert listed.index("Accept MT") < listed.index("Note")


# --- 4. A later merge takes the earlier merge's account off the screen ----------------------


async def test_a_rewrap_after_a_conflict_does_not_show_the_conflict_again(
    review_project: ProjectLayout, paper: Path
) -> None:
    session = translated(review_project, paper)
    path = session.translation_path
    conflict_id = session.rows[54].segment_id
    app = ReviewApp(session, auto_mt=False, autosave_delay=60, check_delay=60)
    async with app.run_test(size=SIZE) as pilot:
        app.grid.move_cursor(54)
        await pilot.press("enter", "ctrl+a", *"WB 55 conflict.")
        # Another program rewrites #55 before the workbench saves.
        catalog = polib.pofile(str(path))
        next(e for e in catalog if e.msgctxt == conflict_id).msgstr = "OTHER 55 text."
        catalog.save(str(path))
        await pilot.press("ctrl+s")
        await settled(app, pilot)
        first = [str(n.message) for n in app._notifications if n.title == MERGE_TITLE]
        # msgcat: the same entries, wrapped again.
        catalog = polib.pofile(str(path), wrapwidth=40)
        catalog.wrapwidth = 40
        catalog.save(str(path))
        await pilot.press("enter", *" x56")
        await pilot.press("ctrl+s")
        await settled(app, pilot)
        second = [str(n.message) for n in app._notifications if n.title == MERGE_TITLE]
        can_undo = app.session.can_undo
        target = app.session.unit(conflict_id).target

    assert len(first) == 1 and "#55: text: yours (the other program's is in the note)" in first[0]
    assert target == "WB 55 conflict."
    assert can_undo  # the edit of #56 is still undoable
    assert len(second) == 1
    # Only the wrapping was taken, and said so.
    assert "#55" not in second[0] and second[0].endswith("\nTook its line wrapping.")
