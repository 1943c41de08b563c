"""`x` on an issue, pressed at once after typing in its segment, before the next check run
is in: the issue's offsets are into the text as it was checked, and the fix landed at them
in the new text ("Hoy, la comunidad de destino…" became "Hoycomunidad de futuro compartido
de la humanidadnidad."). Nothing is fixed and a toast says why; once checked again, `x`
fixes it where the term now is."""

from __future__ import annotations

from pathlib import Path

from termwise.project.layout import ProjectLayout
from termwise.tui.dialogs import ConfirmPreview

from .pilot import SIZE, make_app, saved, settle, toasts

OLD = "La comunidad de destino de la humanidad."
TYPED = "Hoy, la comunidad de destino de la humanidad."
FIXED = "Hoy, la comunidad de futuro compartido de la humanidad."


async def test_x_right_after_typing_keeps_the_text_and_says_why(
    review_project: ProjectLayout, paper: Path
) -> None:
    # Checks run only when asked here: the translator is always quicker than the next run.
    app = make_app(review_project, paper, check_delay=60)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        first = app.grid.rows[0].segment_id
        await pilot.press("enter", *OLD, "escape")
        app.schedule_checks(0)
        await settle(app, pilot)
        assert any(
            issue.check == "term-forbidden" and issue.fix is not None
            for issue in app.session.issues_of(first)
        )
        await pilot.press("enter", "ctrl+a", *TYPED, "escape", "f8")
        await pilot.pause()
        panel = app.workbench.issues_panel
        for _ in range(400):
            current = panel.current
            if current is not None and (current.check, current.segment_id) == (
                "term-forbidden",
                first,
            ):
                break
            await pilot.press("down")
        assert panel.current is not None and panel.current.check == "term-forbidden"
        await pilot.press("x")
        await settle(app, pilot)
        assert app.session.unit(first).target == TYPED
        assert not isinstance(app.screen, ConfirmPreview)
        said = [message for message in toasts(app) if "changed since it was checked" in message]
        assert said and said[-1].startswith("Fix not applied: the translation of #1"), toasts(app)
        assert saved(app).units[first].target == TYPED
        # Checked again: the same key fixes the term where it now is.
        app.schedule_checks(0)
        await settle(app, pilot)
        assert panel.current is not None and panel.current.segment_id == first
        assert panel.current.check == "term-forbidden"
        await pilot.press("x")
        await settle(app, pilot)
        assert app.session.unit(first).target == FIXED
