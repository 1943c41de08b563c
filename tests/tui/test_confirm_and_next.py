"""F7 confirms a group and goes on to the next one still to confirm ("confirm and next",
as Trados's and memoQ's Ctrl+Enter): it stayed on the group just confirmed, and F7 again
said "Nothing to confirm". Undo takes the confirmation back, and the cursor with it."""

from __future__ import annotations

from pathlib import Path

from termwise.align.beads import Bead
from termwise.align.output import write_project
from termwise.project.layout import ProjectLayout
from termwise.project.translations import load_source
from termwise.tui.workbench import Workbench

from .pilot import make_app, settle

SIZE = (160, 40)
UNSURE = (2, 5, 7)


def _aligned(layout: ProjectLayout, paper: Path) -> list[str]:
    """Every group 1-1, three of them unsure (0.3); the segment ids."""
    document = load_source(layout, paper, lang="en")
    count = len(document.segments)
    targets = [f"Frase número {j}." for j in range(count)]
    beads = [Bead((k,), (k,), 0.3 if k in UNSURE else 0.95) for k in range(count)]
    write_project(layout, paper, document, targets, beads, "es")
    return [segment.id for segment in document.segments]


async def test_f7_goes_on_to_the_next_unsure_group_of_the_filter(
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
        assert [row.segment_id for row in app.grid.rows] == [ids[k] for k in UNSURE]
        assert workbench.current_id == ids[2]
        await pilot.press("f7")
        await settle(app, pilot)
        assert session.unit(ids[2]).state.value == "reviewed"
        assert workbench.current_id == ids[5]
        # F7 again confirms the next group (it said "Nothing to confirm" on the same one).
        await pilot.press("f7")
        await settle(app, pilot)
        assert session.unit(ids[5]).state.value == "reviewed"
        assert workbench.current_id == ids[7]
        # The editor follows: what is typed next goes to that group.
        assert app.editor.text == session.unit(ids[7]).target
        # Undone, the group is to confirm again and the cursor is back on it.
        await pilot.press("ctrl+z")
        await settle(app, pilot)
        assert session.unit(ids[5]).state.value == "edited"
        assert workbench.current_id == ids[5]
        # The last one listed: F7 confirms it, and the one skipped over comes round again.
        await pilot.press("down", "down", "f7")
        await settle(app, pilot)
        assert session.unit(ids[7]).state.value == "reviewed"
        assert workbench.current_id == ids[5]
        await pilot.press("f7")
        await settle(app, pilot)
        assert session.unit(ids[5]).state.value == "reviewed"
        # None is left: the cursor stays.
        assert workbench.current_id == ids[5]


async def test_without_the_filter_f7_goes_to_the_next_group_to_confirm(
    review_project: ProjectLayout, paper: Path
) -> None:
    ids = _aligned(review_project, paper)
    app = make_app(review_project, paper)
    session = app.session
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        workbench = app.query_one(Workbench)
        workbench.jump_to(ids[0])
        await pilot.press("f7")
        await settle(app, pilot)
        # Group by group through the document, as a reviewer reads it.
        assert session.unit(ids[0]).state.value == "reviewed"
        assert workbench.current_id == ids[1]
        # A group already confirmed (Ctrl+R on #3) is passed over.
        session.mark_reviewed(ids[2])
        await pilot.press("f7")
        await settle(app, pilot)
        assert session.unit(ids[1]).state.value == "reviewed"
        assert workbench.current_id == ids[3]
