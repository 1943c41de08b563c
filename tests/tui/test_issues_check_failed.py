"""A check run that fails before the first is in: the issues panel says so.

The panel says "Checking…" until a run's issues are in; a run that fails (its error told in
a toast) would have left it saying so for good.
"""

from __future__ import annotations

from pathlib import Path

from termwise.errors import TermwiseError
from termwise.project.layout import ProjectLayout
from termwise.tui.panels import IssuesPanel

from .pilot import SIZE, make_app, settle, toasts, until
from .test_issues_changed_since_checked import summary


async def test_a_failed_first_run_is_said_in_the_panel_until_one_is_in(
    review_project: ProjectLayout, paper: Path
) -> None:
    app = make_app(review_project, paper)
    # The first run waits for the session's lock: its failure comes before it.
    app.session._lock.acquire()
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause(0.3)
            await pilot.press("f8")
            await pilot.pause(0.3)
            panel = app.query_one(IssuesPanel)
            assert summary(panel) == "Checking…"
            app._checks_failed(TermwiseError("the spelling dictionary is unreadable"))
            await pilot.pause(0.1)
            assert summary(panel) == "Checks failed; see the message"
            assert any("unreadable" in toast for toast in toasts(app))
            app.session._lock.release()
            await until(pilot, lambda: bool(app.session.issues))
            await settle(app, pilot)
            assert summary(panel).endswith("check(s)")
    finally:
        if app.session._lock.locked():
            app.session._lock.release()
