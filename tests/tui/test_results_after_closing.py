"""A worker's result or a timer that reaches the workbench once it is closing is dropped
quietly (``termwise.tui.closing``). A check run that ended while the app shut down raised
``NoMatches`` for ``#issues-panel`` (a CI flake in one run of five): here the run is held
on the session's own lock until the workbench has left the screen, as Textual's shutdown
takes it off first, so the result arrives after it every time."""

from __future__ import annotations

import os
import time
from pathlib import Path

from textual.worker import Worker, WorkerState

from termwise.project.layout import ProjectLayout
from termwise.tui.app import ReviewApp

from .pilot import make_app, until

SIZE = (160, 45)


def running_checks(app: ReviewApp) -> Worker[None] | None:
    return next(
        (
            worker
            for worker in app.workers
            if worker.group == "checks" and worker.state is WorkerState.RUNNING
        ),
        None,
    )


async def test_a_check_run_ending_after_the_workbench_left_is_dropped(
    review_project: ProjectLayout, paper: Path
) -> None:
    app = make_app(review_project, paper)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.session.issues and running_checks(app) is None, seconds=5)
        # The run waits for the lock, as it waits behind a turned-off check.
        with app.session._lock:
            app.action_recheck()
            await until(pilot, lambda: running_checks(app) is not None, seconds=5)
            worker = running_checks(app)
            assert worker is not None
            await app.workbench.remove()
        # Old code: WorkerFailed(NoMatches), and the app's panic raised when the test ends.
        await worker.wait()
        assert worker.state is WorkerState.SUCCESS
        assert app.return_code is None  # no error closed the app


async def test_a_look_at_the_disk_after_the_workbench_left_is_dropped(
    review_project: ProjectLayout, paper: Path
) -> None:
    app = make_app(review_project, paper, watch_interval=0.05)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", *"Uno", "escape", "ctrl+s")
        path = app.session.translation_path
        await until(pilot, lambda: path.exists() and not app.session.dirty, seconds=5)
        await app.workbench.remove()
        # Another program's save: a look at the disk merged it into the rows it reached
        # for, and the grid, gone, raised NoMatches from the timer.
        text = path.read_text(encoding="utf-8").replace('msgstr "Uno"', 'msgstr "Otro"')
        temporary = path.with_name(path.name + ".other")
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
        stop = time.monotonic() + 0.6
        while time.monotonic() < stop:
            await pilot.pause(0.05)
        assert app.return_code is None
        assert app.session.unit(app.session.rows[0].segment_id).target == "Uno"
