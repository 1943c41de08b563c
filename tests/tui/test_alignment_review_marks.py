"""Pilot test: what the workbench shows of the aligned groups to confirm, with or without the
filter of unsure groups: a mark in the grid, a group regrouped after its confirmation, the
filter kept by an undo of Ctrl+F7, and a title that says what it counts."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from termwise.align.beads import Bead
from termwise.align.output import write_project
from termwise.project.layout import ProjectLayout
from termwise.project.translations import load_source
from termwise.review.session import ReviewSession
from termwise.tui.app import ReviewApp
from termwise.tui.workbench import Workbench

from .pilot import SIZE, make_app, settle

# The grid's mark of a group to confirm (``grid.TO_CONFIRM_GLYPH``), as the translator sees it.
TO_CONFIRM_GLYPH = "?"


def _aligned(layout: ProjectLayout, paper: Path) -> list[str]:
    """Every group sure (0.95) but the third (0.30)."""
    document = load_source(layout, paper, lang="en")
    count = len(document.segments)
    targets = [f"Frase número {j}." for j in range(count)]
    beads = [Bead((k,), (k,), 0.3 if k == 2 else 0.95) for k in range(count)]
    write_project(layout, paper, document, targets, beads, "es")
    return [segment.id for segment in document.segments]


def _state_mark(app: ReviewApp, segment_id: str) -> str:
    """What the grid shows in the state's place (an issue's "!" goes beside it)."""
    index = app.grid.index_of(segment_id)
    assert index is not None
    return app.grid._row_strips(index)[0].text[0]


async def test_a_group_to_confirm_is_marked_in_the_grid_without_the_filter(
    review_project: ProjectLayout, paper: Path
) -> None:
    ids = _aligned(review_project, paper)
    app = make_app(review_project, paper)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        workbench = app.query_one(Workbench)
        assert workbench.filter_name == "all"
        # The unsure group shows its mark in the state's place; a sure one its state.
        assert _state_mark(app, ids[2]) == TO_CONFIRM_GLYPH
        assert _state_mark(app, ids[1]) == "E"
        workbench.jump_to(ids[2])
        await pilot.press("f7")  # align.confirm
        await settle(app, pilot)
        assert _state_mark(app, ids[2]) == "✓"
        await pilot.press("ctrl+z")
        await settle(app, pilot)
        assert _state_mark(app, ids[2]) == TO_CONFIRM_GLYPH


async def test_a_confirmed_group_split_is_marked_and_said_to_confirm(
    review_project: ProjectLayout, paper: Path
) -> None:
    ids = _aligned(review_project, paper)
    session = ReviewSession(review_project, paper, "es")
    segment_id = next(i for i in ids[4:] if session.split_points(i))
    app = ReviewApp(session, auto_mt=False, autosave_delay=0.15, check_delay=0.15)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        workbench = app.query_one(Workbench)
        workbench.jump_to(segment_id)
        await pilot.press("f7")
        await settle(app, pilot)
        assert _state_mark(app, segment_id) == "✓"
        # F7 went on to the next group to confirm: back to the one confirmed, to split it.
        workbench.jump_to(segment_id)
        await pilot.press("f4")  # review.split, at the first place it offers
        await pilot.pause()
        await pilot.press("enter")
        await settle(app, pilot)
        assert session.source_text(segment_id) != session.unit(segment_id).target
        # Both parts are to confirm: the first kept a translation of the whole group.
        assert _state_mark(app, segment_id) == TO_CONFIRM_GLYPH
        after = session.rows[session.row_index[segment_id] + 1].segment_id
        assert _state_mark(app, after) == TO_CONFIRM_GLYPH
        dock = str(app.query_one("#dock-label", Static).render())
        assert "reviewed" not in dock and "to confirm" in dock, dock
        workbench.action_apply_filter("unsure")
        await pilot.pause()
        assert [row.segment_id for row in app.grid.rows] == [ids[2], segment_id, after]


async def test_undoing_the_sure_groups_confirmation_keeps_the_unsure_filter(
    review_project: ProjectLayout, paper: Path
) -> None:
    ids = _aligned(review_project, paper)
    app = make_app(review_project, paper)
    session = app.session
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        workbench = app.query_one(Workbench)
        workbench.action_apply_filter("unsure")
        await pilot.pause()
        await pilot.press("ctrl+f7")  # align.confirm_sure
        await pilot.pause()
        await pilot.press("enter")
        await settle(app, pilot)
        assert session.unit(ids[0]).state.value == "reviewed"
        await pilot.press("ctrl+z")
        await settle(app, pilot)
        assert session.unit(ids[0]).state.value == "edited"
        assert workbench.filter_name == "unsure"
        assert [row.segment_id for row in app.grid.rows] == [ids[2]]
        assert workbench.current_id == ids[2]
        title = str(app.query_one("#title", Static).render())
        assert "filter: unsure (1)" in title, title


async def test_the_title_says_it_counts_segments(
    review_project: ProjectLayout, paper: Path
) -> None:
    # "Aligned 42 source sentences in 42 groups", "Saved 38 aligned translations", and the
    # title's "0/41 reviewed": the title counts the segments (a join made one of two).
    ids = _aligned(review_project, paper)
    app = make_app(review_project, paper)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        title = str(app.query_one("#title", Static).render())
        assert f"0/{len(ids)} segments reviewed" in title, title
