"""Running the workbench: open the session, run the app, and save whatever happens.

However the app ends (the quit key, a closed terminal, a crash), what was typed is written;
a closed terminal (SIGHUP) or a shutdown (SIGTERM) quits as the quit key does.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from termwise.review.session import ReviewSession
from termwise.tui.app import ReviewApp, merge_lines

if TYPE_CHECKING:
    from termwise.project.store import MergeReport

# How long a quit whose terminal was closed may take before the process leaves anyway.
HANGUP_GRACE = 10.0


def run_review(
    layout: Any,
    document: Path,
    target_lang: str,
    *,
    source_lang: str | None,
    engine: str | None,
    auto_mt: bool,
) -> None:
    """Open the session, check the keymap, run the app (errors surface before the UI starts).

    A large book whose files are as the last session left them is shown at once from that
    session's preview while its session opens behind it (``termwise.tui.opening``).
    """
    from termwise.review.memory import tune_memory_for_a_long_session
    from termwise.tui.keymap import load_keymap
    from termwise.tui.opening import opening_view, write_preview

    keymap = load_keymap()
    tune_memory_for_a_long_session()

    def open_session() -> ReviewSession:
        return ReviewSession(layout, document, target_lang, source_lang=source_lang, engine=engine)

    preview = opening_view(layout, document, target_lang, source_lang)
    app = (
        ReviewApp(None, keymap=keymap, auto_mt=auto_mt, preview=preview, opener=open_session)
        if preview is not None
        else ReviewApp(open_session(), keymap=keymap, auto_mt=auto_mt)
    )
    try:
        with _quitting_on_hangup(app):
            app.run()
    finally:
        # However the app ended (quit key, a closed terminal, a crash), what was typed is
        # written.
        session = app.session if app.opened else None
        if session is not None and session.dirty:
            _save_and_tell(session)
    if app.open_error is not None:
        raise app.open_error
    if app.return_code:
        # Textual has printed the traceback; the shell (and a script) must see the failure.
        raise SystemExit(app.return_code)
    if session is not None:
        write_preview(session)


def _save_and_tell(session: ReviewSession) -> None:
    """The last save, after the app ended: where another program saved the file meanwhile,
    the merge is printed, as the workbench prints one made while quitting (after a crash
    it was made without a word)."""

    def tell(report: MergeReport, _forgotten: bool) -> None:
        lines = merge_lines(report, session.row_index, limit=20)
        if lines:
            print(
                f"termwise: another program saved {session.translation_path} while the "
                "workbench had it open; its changes were merged (yours: the workbench's):",
                *(f"  {line}" for line in lines),
                sep="\n",
                file=sys.stderr,
            )

    session.save(on_merge=tell)


@contextlib.contextmanager
def _quitting_on_hangup(app: ReviewApp) -> Iterator[None]:
    """A closed terminal (SIGHUP) or a shutdown (SIGTERM) quits as the quit key does.

    Python's default for both is to die on the spot, losing what was typed since the last
    autosave; the handler only schedules the quit on the app's loop (which is signal-safe).
    """

    def quit_soon(signum: int, frame: object) -> None:
        loop = app._loop
        if loop is None:
            raise SystemExit(128 + signum)  # not running yet: nothing was typed
        loop.call_soon_threadsafe(app.call_next, app.action_quit)
        _leave_once_saved(app)

    signals = [signal.SIGTERM] + ([signal.SIGHUP] if hasattr(signal, "SIGHUP") else [])
    previous = {number: signal.signal(number, quit_soon) for number in signals}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def _leave_once_saved(app: ReviewApp) -> None:
    """Make sure a process told to quit by a signal does not stay behind.

    The quit saves, then Textual restores the terminal; with the terminal gone, that can
    hang for good (its writer thread's queue, seen about one time in three when tmux's
    server is killed), leaving a process that holds the project's files for nobody and that
    a later SIGTERM cannot end either. Once nothing is left to save, and the quit has had
    HANGUP_GRACE seconds, the process leaves. A save in progress is never cut short.
    """

    def watch() -> None:
        deadline = time.monotonic() + HANGUP_GRACE
        while True:
            time.sleep(0.2)
            session = app.session if app.opened else None
            if time.monotonic() > deadline and (session is None or not session.dirty):
                os._exit(0)

    threading.Thread(target=watch, name="termwise-hangup", daemon=True).start()


__all__ = ["ReviewApp", "run_review"]
