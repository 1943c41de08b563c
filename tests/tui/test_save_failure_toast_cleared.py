"""A save that works after a failed one takes the failure's toast down: "Not saved:
permission denied" stayed on screen beside "Saved", telling of a problem that was gone."""

from __future__ import annotations

from pathlib import Path

from termwise.project.layout import ProjectLayout

from .pilot import SIZE, make_app, settle, toasts
from .test_unsaved_work_tmux import Unwritable


async def test_the_failed_saves_toast_goes_when_a_save_works(
    review_project: ProjectLayout, paper: Path
) -> None:
    app = make_app(review_project, paper)
    app.session.save()
    folder = Unwritable(app.session.translation_path.parent)

    try:
        async with app.run_test(size=SIZE) as pilot:
            await settle(app, pilot)
            folder.block()
            await pilot.press("enter", "ctrl+a", *"Hola", "escape")
            await settle(app, pilot)
            assert any(said.startswith("Not saved:") for said in toasts(app)), toasts(app)
            folder.restore()
            await pilot.press("ctrl+s")  # review.save
            await settle(app, pilot)
            assert any(said.startswith("Saved ") for said in toasts(app)), toasts(app)
            assert not any(said.startswith("Not saved:") for said in toasts(app)), toasts(app)
    finally:
        folder.restore()
