"""An undo the session refuses for a glossary another program changed is told, not a crash.

The app looks at the glossary files before each key's action, but another program may write
between that look and the undo: the session then refuses the step (``GlossaryChangedOnDisk``)
and the workbench must say so and go on.
"""

from __future__ import annotations

from pathlib import Path

from termwise.project.layout import ProjectLayout
from termwise.tui.dialogs import AddTerm

from .pilot import SIZE, make_app, settle, toasts
from .test_glossary_changed_on_disk import other_shell


async def test_an_undo_overtaken_by_another_program_is_refused_in_a_toast(
    review_project: ProjectLayout, paper: Path
) -> None:
    app = make_app(review_project, paper, watch_interval=600)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("f9", *"mentality", "down", "a")
        assert isinstance(app.screen, AddTerm)
        await pilot.press("ctrl+u", *"mentalidad de bloques", "enter", "enter", "enter", "enter")
        await settle(app, pilot)
        other_shell(
            review_project,
            "glossary",
            "add",
            "mentalidad de guerra fría",
            "--concept",
            "T19",
            "--lang",
            "es",
        )
        # Straight to the action, as if the write came after the app's look.
        app.workbench.action_undo()
        await settle(app, pilot)
        assert app.is_running
        assert any(t.startswith("Not undone: ") for t in toasts(app)), toasts(app)
