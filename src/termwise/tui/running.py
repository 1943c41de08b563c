"""Running the workbench: open the session, run the app, and save whatever happens.

However the app ends (the quit key, a closed terminal, a crash), what was typed is written;
a closed terminal (SIGHUP) or a shutdown (SIGTERM) quits as the quit key does. Where the
project file cannot be written (a read-only folder, a full disk), what was typed is kept
in a recovery file, a whole PO file, and the exit says where and is non-zero: nothing a
translator typed is ever dropped without a word.
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

from termwise.errors import TermwiseError
from termwise.review.session import ReviewSession
from termwise.tui.app import ReviewApp, merge_lines, save_problem

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
        # written, or kept in a recovery file.
        session = app.session if app.opened else None
        if session is not None:
            _last_save(session)
    if app.open_error is not None:
        raise app.open_error
    if app.return_code:
        # Textual has printed the traceback; the shell (and a script) must see the failure.
        raise SystemExit(app.return_code)
    if session is not None:
        write_preview(session)


# One last save at a time: the app's end and the hangup watcher may both try it; and the
# recovery file written for each session's changes as they were, so that the second to try
# tells of the same file rather than writing another.
_LAST_SAVE = threading.Lock()
_KEPT: dict[int, tuple[int, UnsavedWorkKept]] = {}


def _last_save(session: ReviewSession) -> None:
    """Save what is not saved yet; where that fails, keep it in a recovery file and raise
    the error that says where (the exit is non-zero)."""
    with _LAST_SAVE:
        if not session.dirty:
            return
        generation, kept = _KEPT.get(id(session), (-1, None))
        if kept is not None and generation == session.change_generation:
            raise kept
        try:
            _save_and_tell(session)
        except (TermwiseError, OSError) as error:
            kept = UnsavedWorkKept(session.translation_path, error, keep_unsaved(session))
            _KEPT[id(session)] = (session.change_generation, kept)
            raise kept from error


class UnsavedWorkKept(TermwiseError):
    """The project file could not be written when the workbench closed; the work is in a
    recovery file (or, where even that failed, the message says it is lost)."""

    def __init__(self, path: Path, error: TermwiseError | OSError, recovery: Path | None) -> None:
        reason = save_problem(error, path)
        if recovery is None:
            message = (
                f"{path}: not saved: {reason}; no recovery file could be written either: "
                "the changes made since the last save are lost"
            )
        else:
            message = (
                f"{path}: not saved: {reason}. Your unsaved work is kept in {recovery} "
                "(the whole translation, as the save would have written it): once that is "
                f"fixed, copy it over the project file: cp '{recovery}' '{path}'"
            )
        super().__init__(message)
        self.recovery = recovery


def recovery_folders(session: ReviewSession) -> list[Path]:
    """Where a recovery file may go, best first: the user's state folder (beside the
    positions the workbench remembers), never inside the project, whose folder is what
    failed most often; then beside the project file and in the project's folder."""
    state = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return [
        Path(state) / "termwise" / "recovered",
        session.translation_path.parent,
        session.layout.root,
    ]


def keep_unsaved(session: ReviewSession) -> Path | None:
    """Write the translation as a save would have to a new file in the first folder
    that takes it (``recovery_folders``); ``None`` when none does. A recovery file never
    replaces another: each has the time of its writing in its name."""
    from termwise.atomic import write_atomic

    path = session.translation_path
    try:
        data = session.tfile.to_bytes()
    except (TermwiseError, OSError):
        return None
    stamp = time.strftime("%Y%m%d-%H%M%S")
    # ``paper.es.po`` → ``paper.es.recovered-20250102-030405.po``: still a PO file, which
    # no project reads as a translation of its own (``recovered-…`` is no language).
    stem, dot, suffix = path.name.rpartition(".")
    name = f"{stem}.recovered-{stamp}.{suffix}" if dot else f"{path.name}.recovered-{stamp}"
    for folder in recovery_folders(session):
        target = folder / name
        number = 2
        while target.exists():
            target = folder / name.replace(stamp, f"{stamp}-{number}")
            number += 1
        try:
            folder.mkdir(parents=True, exist_ok=True)
            write_atomic(target, data)
        except (TermwiseError, OSError):
            continue
        return target
    return None


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
        # Nobody is there to press the quit key twice: what cannot be saved is kept.
        loop.call_soon_threadsafe(app.call_next, app.leave)
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
    HANGUP_GRACE seconds, the process leaves. A save in progress is never cut short; what
    cannot be saved (a read-only folder) is kept in a recovery file first, and the process
    leaves with status 1.
    """

    def watch() -> None:
        deadline = time.monotonic() + HANGUP_GRACE
        while True:
            time.sleep(0.2)
            session = app.session if app.opened else None
            if time.monotonic() <= deadline:
                continue
            if session is None or not session.dirty:
                os._exit(0)
            try:
                _last_save(session)
            except UnsavedWorkKept as kept:
                with contextlib.suppress(OSError):
                    print(f"termwise: error: {kept}", file=sys.stderr)
                os._exit(1)

    threading.Thread(target=watch, name="termwise-hangup", daemon=True).start()


__all__ = ["ReviewApp", "run_review"]
