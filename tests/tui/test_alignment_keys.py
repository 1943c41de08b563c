"""Pilot test: reviewing an aligned translation with the keys a translator would press."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from termwise.align.beads import Bead
from termwise.align.output import write_project
from termwise.project.layout import ProjectLayout
from termwise.project.translation_file import TranslationFile
from termwise.project.translations import load_source
from termwise.tui.workbench import Workbench

from .pilot import SIZE, make_app, settle


async def test_move_confirm_undo_and_the_unsure_filter(
    review_project: ProjectLayout, paper: Path
) -> None:
    document = load_source(review_project, paper, lang="en")
    count = len(document.segments)
    targets = [f"Frase número {j}." for j in range(count + 1)]
    beads = [
        Bead((0,), (0,), 0.99),
        Bead((1,), (1,), 0.98),
        Bead((2,), (2, 3), 0.3, mt_splits=True),
    ]
    beads += [Bead((k,), (k + 1,), 0.95) for k in range(3, count)]
    write_project(review_project, paper, document, targets, beads, "es")
    ids = [segment.id for segment in document.segments]

    app = make_app(review_project, paper)
    session = app.session
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        workbench = app.query_one(Workbench)
        workbench.action_apply_filter("unsure")
        await pilot.pause()
        assert [row.segment_id for row in app.grid.rows] == [ids[2]]
        # Back to every segment, the cursor stays on the unsure group.
        workbench.action_apply_filter("all")
        await pilot.pause()
        assert workbench.current_id == ids[2]
        await pilot.press("enter")
        dock = str(app.query_one("#dock-label", Static).render())
        assert "alignment 0.30" in dock and "unsure" in dock
        assert "split otherwise with MT" in dock  # why it is unsure
        await pilot.press("escape", "alt+down")  # align.move_last
        await settle(app, pilot)
        assert session.unit(ids[2]).target == "Frase número 2."
        assert session.unit(ids[3]).target == "Frase número 3. Frase número 4."
        await pilot.press("f7")  # align.confirm
        await settle(app, pilot)
        on_disk = TranslationFile.load(session.translation_path)
        assert on_disk.units[ids[2]].state.value == "reviewed"
        assert on_disk.units[ids[3]].target == "Frase número 3. Frase número 4."
        await pilot.press("ctrl+z", "ctrl+z")
        await settle(app, pilot)
        assert session.unit(ids[2]).target == "Frase número 2. Frase número 3."
        assert session.unit(ids[2]).state.value == "edited"


async def test_a_changed_group_waits_for_confirmation_which_the_palette_gives(
    review_project: ProjectLayout, paper: Path
) -> None:
    document = load_source(review_project, paper, lang="en")
    count = len(document.segments)
    targets = [f"Frase número {j}." for j in range(count + 1)]
    beads = [Bead((0,), (0, 1), 0.95)] + [Bead((k,), (k + 1,), 0.95) for k in range(1, count)]
    write_project(review_project, paper, document, targets, beads, "es")
    ids = [segment.id for segment in document.segments]

    app = make_app(review_project, paper)
    session = app.session
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        workbench = app.query_one(Workbench)
        await pilot.press("alt+down")  # the first group's last sentence to the second
        await settle(app, pilot)
        workbench.action_apply_filter("unsure")
        await pilot.pause()
        # Sure groups both (0.95), but changed by the translator: listed until confirmed.
        assert [row.segment_id for row in app.grid.rows] == ids[:2]
        await pilot.press("enter")
        dock = str(app.query_one("#dock-label", Static).render())
        assert "alignment 0.95 to confirm: regrouped in review" in dock
        await pilot.press("escape", "ctrl+p", *"confirm group")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(app, pilot)
        assert session.unit(ids[0]).state.value == "reviewed"
        workbench.action_apply_filter("unsure")
        await pilot.pause()
        assert [row.segment_id for row in app.grid.rows] == [ids[1]]


async def test_a_join_in_the_unsure_list_keeps_the_cursor_on_the_joined_group(
    review_project: ProjectLayout, paper: Path
) -> None:
    # With the unsure filter on, F3 left the cursor at the same place in the list, which
    # after the join was another group (#204 → #217).
    document = load_source(review_project, paper, lang="en")
    count = len(document.segments)
    targets = [f"Frase número {j}." for j in range(count)]
    beads = [Bead((k,), (k,), 0.95) for k in range(count)]
    for k in (2, 3, 7, 9):  # (6 is the heading "1. Introduction", which joins nothing)
        beads[k] = Bead((k,), (k,), 0.4)
    write_project(review_project, paper, document, targets, beads, "es")
    ids = [segment.id for segment in document.segments]

    app = make_app(review_project, paper)
    session = app.session
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        workbench = app.query_one(Workbench)
        workbench.action_apply_filter("unsure")
        await pilot.pause()
        assert [row.segment_id for row in app.grid.rows] == [ids[2], ids[3], ids[7], ids[9]]
        await pilot.press("down", "down")  # ids[7]
        assert workbench.current_id == ids[7]
        await pilot.press("f3")  # join with the next segment (ids[8])
        await settle(app, pilot)
        assert workbench.current_id == ids[7]
        assert "Frase número 8." in session.unit(ids[7]).target


async def test_undoing_a_join_or_a_split_shows_the_rows_again(
    review_project: ProjectLayout, paper: Path
) -> None:
    # Ctrl+Z after a split put the segments back together in the session but left the
    # grid showing the split rows: the next key on the vanished row crashed the workbench.
    document = load_source(review_project, paper, lang="en")
    count = len(document.segments)
    targets = [f"Frase número {j}." for j in range(count)]
    write_project(
        review_project,
        paper,
        document,
        targets,
        [Bead((k,), (k,), 0.95) for k in range(count)],
        "es",
    )
    ids = [segment.id for segment in document.segments]

    app = make_app(review_project, paper)
    session = app.session

    def shown() -> list[str]:
        return [row.segment_id for row in app.grid.rows]

    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        workbench = app.query_one(Workbench)
        await pilot.press("down", "down")  # ids[2]
        await pilot.press("f3")  # join ids[2] and ids[3]
        await settle(app, pilot)
        assert ids[3] not in shown()
        await pilot.press("ctrl+z")
        await settle(app, pilot)
        assert shown() == [row.segment_id for row in session.rows]
        assert ids[3] in shown()
        await pilot.press("ctrl+y")
        await settle(app, pilot)
        assert ids[3] not in shown()
        # Split the joined segment again (F4), then undo: the row the split made goes.
        before = shown()
        await pilot.press("f4", "enter")
        await settle(app, pilot)
        assert shown() == [*before[:3], ids[3], *before[3:]]
        await pilot.press("ctrl+z")
        await settle(app, pilot)
        assert shown() == before == [row.segment_id for row in session.rows]
        await pilot.press("down", "up", "down")  # the keys that crashed on a vanished row
        await settle(app, pilot)
        assert workbench.current_id in session.row_index


async def test_the_sure_groups_are_confirmed_at_once_after_a_question(
    review_project: ProjectLayout, paper: Path
) -> None:
    # An aligned published translation printed nothing in an edition until every group was
    # reviewed, one key press each: the sure ones are confirmed at once, the unsure stay.
    document = load_source(review_project, paper, lang="en")
    count = len(document.segments)
    targets = [f"Frase número {j}." for j in range(count)]
    beads = [Bead((k,), (k,), 0.95) for k in range(count)]
    beads[2] = Bead((2,), (2,), 0.4)
    write_project(review_project, paper, document, targets, beads, "es")
    ids = [segment.id for segment in document.segments]

    app = make_app(review_project, paper)
    session = app.session
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+f7")  # align.confirm_sure
        await pilot.pause()
        await pilot.press("enter")  # "Yes, confirm the N group(s)"
        await settle(app, pilot)
        states = {i: session.unit(i).state.value for i in ids}
        assert states[ids[2]] == "edited"
        assert all(state == "reviewed" for i, state in states.items() if i != ids[2])
        on_disk = TranslationFile.load(session.translation_path)
        assert on_disk.units[ids[0]].state.value == "reviewed"
        await pilot.press("ctrl+z")  # one step takes it all back
        await settle(app, pilot)
        assert all(session.unit(i).state.value == "edited" for i in ids)


async def test_the_status_line_says_why_a_sure_group_is_listed(
    review_project: ProjectLayout, paper: Path
) -> None:
    # A sentence the translation leaves out read "alignment 1.00 unsure: no counterpart".
    document = load_source(review_project, paper, lang="en")
    count = len(document.segments)
    targets = [f"Frase número {j}." for j in range(count)]
    beads = [Bead((k,), (k,), 0.97) for k in range(count)]
    beads[1] = Bead((1,), (), 0.97)
    write_project(review_project, paper, document, targets, beads, "es")
    ids = [segment.id for segment in document.segments]
    app = make_app(review_project, paper)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        workbench = app.query_one(Workbench)
        workbench.action_apply_filter("unsure")
        await pilot.pause()
        assert workbench.current_id == ids[1]
        await pilot.press("enter")
        dock = str(app.query_one("#dock-label", Static).render())
        assert "alignment 0.97 to check: no counterpart in the translation" in dock
        assert "unsure" not in dock


async def test_a_group_a_move_changes_joins_the_unsure_list_at_once(
    review_project: ProjectLayout, paper: Path
) -> None:
    # The group that took a sentence appeared only once Ctrl+L was chosen again.
    document = load_source(review_project, paper, lang="en")
    count = len(document.segments)
    targets = [f"Frase número {j}." for j in range(count + 1)]
    beads = [Bead((0,), (0,), 0.99), Bead((1,), (1,), 0.98), Bead((2,), (2, 3), 0.3)]
    beads += [Bead((k,), (k + 1,), 0.95) for k in range(3, count)]
    write_project(review_project, paper, document, targets, beads, "es")
    ids = [segment.id for segment in document.segments]
    app = make_app(review_project, paper)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        workbench = app.query_one(Workbench)
        workbench.action_apply_filter("unsure")
        await pilot.pause()
        assert [row.segment_id for row in app.grid.rows] == [ids[2]]
        await pilot.press("alt+down")  # align.move_last
        await settle(app, pilot)
        assert [row.segment_id for row in app.grid.rows] == [ids[2], ids[3]]
        assert workbench.current_id == ids[2]


async def test_the_unsure_filter_counts_what_is_left_to_confirm(
    review_project: ProjectLayout, paper: Path
) -> None:
    # After F7 the title still said "unsure (2)": the confirmed group stays listed.
    document = load_source(review_project, paper, lang="en")
    count = len(document.segments)
    targets = [f"Frase número {j}." for j in range(count)]
    beads = [Bead((k,), (k,), 0.3 if k in (1, 2) else 0.95) for k in range(count)]
    write_project(review_project, paper, document, targets, beads, "es")
    app = make_app(review_project, paper)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        workbench = app.query_one(Workbench)
        workbench.action_apply_filter("unsure")
        await pilot.pause()
        title = str(app.query_one("#title", Static).render())
        assert "filter: unsure (2)" in title
        await pilot.press("f7")
        await settle(app, pilot)
        title = str(app.query_one("#title", Static).render())
        assert "filter: unsure (1 of 2 listed)" in title, title
