"""F4 on an aligned group: the split-off part gets MT in the MT column, as segments get it
on opening, without blocking the workbench (it got none, though an engine was there)."""

from __future__ import annotations

from pathlib import Path

from termwise.align.beads import Bead
from termwise.align.output import write_project
from termwise.project.layout import ProjectLayout
from termwise.project.translation_file import TranslationFile
from termwise.project.translations import load_source
from termwise.review.session import ReviewSession
from termwise.tui.app import ReviewApp
from termwise.tui.dialogs import Choose

from .pilot import settle

SOURCE = (
    "The committee met in May. The project grew fast.\n\n"
    "It was a good year.\n\nThe council approved the plan.\n"
)
TARGETS = ["El comité se reunió en mayo y el proyecto creció rápido.", "Fue un buen año."]


def _aligned(tmp_path: Path) -> tuple[ProjectLayout, Path]:
    layout = ProjectLayout.at(tmp_path)
    path = tmp_path / "doc.txt"
    path.write_text(SOURCE, encoding="utf-8")
    document = load_source(layout, path, lang="en")
    # Two sentences in one group; the last sentence left out (MT on opening suggests one).
    beads = [Bead((0, 1), (0,), 0.9), Bead((2,), (1,), 0.95), Bead((3,), (), 0.6)]
    write_project(layout, path, document, TARGETS, beads, "es")
    return layout, path


async def test_the_split_off_part_of_a_group_gets_mt(tmp_path: Path) -> None:
    layout, path = _aligned(tmp_path)
    session = ReviewSession(layout, path, "es", engine="apertium")
    app = ReviewApp(session, autosave_delay=0.15, check_delay=0.15)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(app, pilot)
        group = session.rows[0].segment_id
        gap = session.rows[2].segment_id
        assert session.unit(gap).mt  # the engine is there: MT on opening used it
        await pilot.press("f4")
        await settle(app, pilot)
        assert isinstance(app.screen, Choose)
        await pilot.press("enter")
        await settle(app, pilot)
        await settle(app, pilot)
        part = session.rows[1].segment_id
        assert part != group and session.source_text(part) == "The project grew fast."
        mt = session.unit(part).mt
        assert mt and "proyecto" in mt, session.unit(part)
        # A suggestion in the MT column: the group's translation is the translator's.
        assert session.rows[1].mt == mt
        assert session.unit(group).target == TARGETS[0]
        await pilot.press("ctrl+s")
        await settle(app, pilot)
    on_disk = TranslationFile.load(session.translation_path)
    assert on_disk.units[part].mt == mt
