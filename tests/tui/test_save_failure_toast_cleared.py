"""A save that works after a failed one takes the failure's toast down: "Not saved:
permission denied" stayed on screen beside "Saved", telling of a problem that was gone."""

from __future__ import annotations

from pathlib import Path

from termwise.project.layout import ProjectLayout
from termwise.review.session import ReviewSession
from termwise.tui.app import ReviewApp

from .test_alignment_keys import SIZE, settle
from .test_unsaved_work_tmux import Unwritable


async def test_the_failed_saves_toast_goes_when_a_save_works(
    review_project: ProjectLayout, paper: Path
) -> None:
    session = ReviewSession(review_project, paper, "es")
    session.save()
    folder = Unwritable(session.translation_path.parent)
    app = ReviewApp(session, auto_mt=False, autosave_delay=0.15, check_delay=0.15)

    def shown() -> list[str]:
        return [str(n.message) for n in app._notifications]

    try:
        async with app.run_test(size=SIZE) as pilot:
            await settle(app, pilot)
            folder.block()
            await pilot.press("enter", "ctrl+a", *"Hola", "escape")
            await settle(app, pilot)
            assert any(said.startswith("Not saved:") for said in shown()), shown()
            folder.restore()
            await pilot.press("ctrl+s")  # review.save
            await settle(app, pilot)
            assert any(said.startswith("Saved ") for said in shown()), shown()
            assert not any(said.startswith("Not saved:") for said in shown()), shown()
    finally:
        folder.restore()
