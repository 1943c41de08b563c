"""What the workbench's Pilot tests share: the app on the review project (``make_app``), the
wait for its timers and workers (``settle``, ``until``), and what it said and saved.

One copy: the newer test files each built the session and the app by hand, with their own
debounce delays and their own ``settle``, and drifted apart."""

from __future__ import annotations

import contextlib
from pathlib import Path

from textual.pilot import Pilot
from textual.worker import WorkerCancelled

from termwise.project.layout import ProjectLayout
from termwise.project.translation_file import TranslationFile
from termwise.review.session import ReviewSession
from termwise.tui.app import ReviewApp
from termwise.tui.panels.candidates import CandidatesPanel

SIZE = (160, 50)


def make_app(layout: ProjectLayout, paper: Path, lang: str = "es", **options: object) -> ReviewApp:
    engine = options.pop("engine", None)
    session = ReviewSession(layout, paper, lang, engine=engine)  # type: ignore[arg-type]
    # Debounced as in use (a save and a check run per pause, not per key), only shorter.
    settings: dict[str, object] = {"auto_mt": False, "autosave_delay": 0.15, "check_delay": 0.15}
    settings.update(options)
    return ReviewApp(session, **settings)  # type: ignore[arg-type]


async def settle(app: ReviewApp, pilot: object) -> None:
    """Let timers fire and workers (checks, MT) finish, then let the UI catch up."""
    for _ in range(2):
        await pilot.pause(0.2)  # type: ignore[attr-defined]
        # A newer check run cancels an older one (exclusive workers): that is expected.
        with contextlib.suppress(WorkerCancelled):
            await app.workers.wait_for_complete()
    await pilot.pause()  # type: ignore[attr-defined]


async def until(pilot: Pilot[None], done: object, seconds: float = 10) -> None:
    """Wait until ``done()`` is true, failing after ``seconds``."""
    for _ in range(int(seconds / 0.05)):
        if callable(done) and done():
            return
        await pilot.pause(0.05)
    raise AssertionError(f"waited {seconds} s in vain")


def saved(app: ReviewApp) -> TranslationFile:
    return TranslationFile.load(app.session.translation_path)


def toasts(app: ReviewApp) -> list[str]:
    return [str(notification.message) for notification in app._notifications]


async def found_candidates(app: ReviewApp, pilot: object) -> CandidatesPanel:
    """Open the Candidates view (F6), find the document's candidate terms (``e``) and wait
    for them: the first steps of every candidates test."""
    await pilot.press("f6")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    await pilot.press("e")  # type: ignore[attr-defined]
    await settle(app, pilot)
    return app.query_one(CandidatesPanel)
