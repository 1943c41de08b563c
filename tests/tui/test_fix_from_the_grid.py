"""`x` after Enter on an issue (F8): Enter goes to the segment and into the grid, and `x`
fixes the issue there (README, the review workbench). It did nothing, without a word, while
the panel still showed "[x: fix]"; and F8 pressed before the first check run was in left
the list without a cursor, its detail empty, `x` doing nothing again."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from termwise.project.layout import ProjectLayout
from termwise.tui.dialogs import ConfirmPreview

from .pilot import SIZE, make_app, saved, settle, toasts

# The second segment's translation, as a translator would write it: no issue left on it.
SECOND = (
    "Desde la esencia de la existencia humana, el proceso del desarrollo histórico mundial "
    "y el consenso de la comunidad internacional."
)


async def test_x_in_the_grid_fixes_the_issue_enter_went_to(
    review_project: ProjectLayout, paper: Path
) -> None:
    app = make_app(review_project, paper)
    async with app.run_test(size=SIZE) as pilot:
        # The first segment: a source variant of T01 (the issue F8 opens on) and, once
        # translated so, straight quotes in Spanish (typography).
        await pilot.press("enter", *'La "comunidad" de destino.', "escape")
        await settle(app, pilot)
        first = app.grid.rows[0].segment_id
        checks = {issue.check for issue in app.session.issues_of(first)}
        assert {"source-variant", "typography"} <= checks
        await pilot.press("f8")
        await pilot.pause()
        panel = app.workbench.issues_panel
        for _ in range(400):
            current = panel.current
            if current is not None and (current.check, current.segment_id) == (
                "typography",
                first,
            ):
                break
            await pilot.press("down")
        assert panel.current is not None and panel.current.check == "typography"
        await pilot.press("enter")
        assert app.focused is app.grid and app.grid.cursor == 0
        await pilot.press("x")
        await settle(app, pilot)
        # The issue gone to, not the source variant F8 would open on (no source preview).
        assert not isinstance(app.screen, ConfirmPreview)
        assert app.session.unit(first).target == "La «comunidad» de destino."
        assert saved(app).units[first].target == "La «comunidad» de destino."
        assert not [i for i in app.session.issues_of(first) if i.check == "typography"]
        # Once more: the segment's other issue, a source fix, is previewed first.
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmPreview)
        await pilot.press("n")


async def test_x_in_the_grid_says_when_there_is_nothing_to_fix(
    review_project: ProjectLayout, paper: Path
) -> None:
    app = make_app(review_project, paper)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        second = app.grid.rows[1].segment_id
        assert [i.check for i in app.session.issues_of(second)] == ["untranslated"]
        await pilot.press("down", "x")
        await pilot.pause()
        assert "untranslated: no automatic fix; edit the text." in toasts(app)
        await pilot.press("enter", *SECOND, "escape")
        await settle(app, pilot)
        assert not app.session.issues_of(second)
        await pilot.press("x")
        await pilot.pause()
        assert "No issue to fix in #2." in toasts(app)


async def test_issues_panel_opened_before_the_checks_are_in_gets_its_cursor(
    review_project: ProjectLayout, paper: Path
) -> None:
    app = make_app(review_project, paper)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        first = app.grid.rows[0].segment_id
        # As before the first check run is in: the session knows no issue yet.
        app.session.issues = []
        await pilot.press("f8")
        await pilot.pause()
        panel = app.workbench.issues_panel
        assert panel.current is None
        app.schedule_checks(0)
        await settle(app, pilot)
        assert panel.current is not None and panel.current.segment_id == first
        detail = str(panel.query_one("#issue-detail", Static).render())
        assert panel.current.check in detail and "fix]" in detail
        await pilot.press("x")  # a source fix: previewed
        await pilot.pause()
        assert isinstance(app.screen, ConfirmPreview)


async def test_issues_panel_on_a_segment_without_issues_opens_on_the_first(
    review_project: ProjectLayout, paper: Path
) -> None:
    app = make_app(review_project, paper)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "enter", *SECOND, "escape")
        await settle(app, pilot)
        assert not app.session.issues_of(app.grid.rows[1].segment_id)
        await pilot.press("f8")
        await pilot.pause()
        panel = app.workbench.issues_panel
        assert panel.current is not None
        assert str(panel.query_one("#issue-detail", Static).render()).strip()
