"""F4 on a 2-2 group ``termwise align`` made, then Alt+Down on its first part: the part
split off has its own sentence now, and the status line no longer says its translation is
held by the first part (it said "translation was held by #1", which held only its own)."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from termwise.align.beads import Bead
from termwise.align.output import write_project
from termwise.project.layout import ProjectLayout
from termwise.project.translations import load_source
from termwise.review.session import ReviewSession
from termwise.tui.app import ReviewApp
from termwise.tui.dialogs import Choose

from .pilot import settle

SOURCE = "The committee met in May. The project grew fast.\n\nThe council approved the plan.\n"
TARGETS = [
    "El comité se reunió en mayo.",
    "El proyecto creció rápido.",
    "El consejo aprobó el plan.",
]


async def test_a_sentence_moved_into_the_waiting_part_clears_the_status_line(
    tmp_path: Path,
) -> None:
    layout = ProjectLayout.at(tmp_path)
    path = tmp_path / "doc.txt"
    path.write_text(SOURCE, encoding="utf-8")
    document = load_source(layout, path, lang="en")
    write_project(
        layout, path, document, TARGETS, [Bead((0, 1), (0, 1), 0.9), Bead((2,), (2,), 0.95)], "es"
    )
    session = ReviewSession(layout, path, "es", engine="apertium")
    app = ReviewApp(session, autosave_delay=0.15, check_delay=0.15)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("f4")
        await settle(app, pilot)
        if isinstance(app.screen, Choose):
            await pilot.press("enter")
            await settle(app, pilot)
        part = session.rows[1].segment_id
        assert session.source_text(part) == "The project grew fast."
        await pilot.press("down")
        await settle(app, pilot)
        dock = str(app.query_one("#dock-label", Static).render())
        assert "translation held by #1 (share it out" in dock, dock

        await pilot.press("up", "alt+down")  # align.move_last: #1's second sentence is #2's
        await settle(app, pilot)
        assert session.unit(part).target == TARGETS[1]
        await pilot.press("down")
        await settle(app, pilot)
        dock = str(app.query_one("#dock-label", Static).render())
        assert dock.startswith(f"#2 {part}"), dock
        assert "held by" not in dock, dock
