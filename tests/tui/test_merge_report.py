"""The workbench merges another program's save and says what it did: in a toast while it
runs, and on the terminal once it closes when the merge came as it quit (the toast dies with
the app). Undo forgets its steps only when the merge changed what one of them would put back.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

import polib
import pytest
from textual.pilot import Pilot
from textual.worker import WorkerCancelled

from termwise.project.layout import ProjectLayout
from termwise.project.store import MergeReport
from termwise.project.translation_file import TranslationFile
from termwise.project.units import SegmentState
from termwise.review.session import ReviewSession
from termwise.tui import app as workbench_app
from termwise.tui.app import ReviewApp

SIZE = (160, 50)
NOTE = "ask the client"


def machine_translated(layout: ProjectLayout, paper: Path) -> list[str]:
    """Rows #1 to #5 machine translated and saved, as `termwise translate --engine
    apertium` leaves them (fuzzy, the MT in a ``#. mt:`` comment); their segment ids."""
    session = ReviewSession(layout, paper, "es")
    ids = [row.segment_id for row in session.rows[:5]]
    for number, segment_id in enumerate(ids, 1):
        unit = session.unit(segment_id)
        unit.mt, unit.mt_engine, unit.mt_model = f"Frase {number}.", "apertium", "eng-spa"
        unit.set_translation(f"Frase {number}.")
    session.dirty = True
    session.save()
    return ids


def other_program(path: Path, segment_id: str, **changes: object) -> None:
    """Poedit, say (through polib): change one entry and save the file."""
    catalog = polib.pofile(str(path))
    entry = next(entry for entry in catalog if entry.msgctxt == segment_id)
    if changes.pop("approve", False):
        entry.flags.remove("fuzzy")
    for name, value in changes.items():
        setattr(entry, name, value)
    catalog.save(str(path))


def po_entry(path: Path, segment_id: str) -> polib.POEntry:
    return next(entry for entry in polib.pofile(str(path)) if entry.msgctxt == segment_id)


async def saved_and_settled(app: ReviewApp, pilot: Pilot[None]) -> None:
    for _ in range(40):
        await pilot.pause(0.05)
        with contextlib.suppress(WorkerCancelled):
            await app.workers.wait_for_complete()
        if not app.session.dirty:
            break
    assert not app.session.dirty


def toasts(app: ReviewApp) -> list[str]:
    return [
        str(n.message) for n in app._notifications if n.title == "The project file changed on disk"
    ]


async def test_a_note_here_and_an_approval_there_are_merged_and_told(
    review_project: ProjectLayout, paper: Path
) -> None:
    ids = machine_translated(review_project, paper)
    session = ReviewSession(review_project, paper, "es")
    path = session.translation_path
    app = ReviewApp(session, auto_mt=False, autosave_delay=60, check_delay=60)
    async with app.run_test(size=SIZE) as pilot:
        app.grid.move_cursor(3)
        await pilot.press("ctrl+o", *NOTE, "enter")
        assert app.session.unit(ids[3]).notes == NOTE
        # Before the autosave, the other program approves #4 and adds an entry of its own.
        other_program(path, ids[3], approve=True)
        catalog = polib.pofile(str(path))
        catalog.append(polib.POEntry(msgctxt="poedit-1", msgid="Extra.", msgstr="Extra."))
        catalog.save(str(path))
        await pilot.press("ctrl+s")
        await saved_and_settled(app, pilot)
        [told] = toasts(app)
        assert app.grid.rows[3].state == "reviewed"

    assert "#4: state: reviewed (by the other program); notes: yours." in told
    assert "Both changed" not in told and "is in the note" not in told
    assert "1 entry of the other program's file for no segment of this document" in told
    # The note step of #4 would put fuzzy back: undo starts afresh, and says why.
    assert "Undo starts afresh: an older step would have put back what the merge replaced." in told
    entry = po_entry(path, ids[3])
    assert "fuzzy" not in entry.flags and entry.tcomment == NOTE
    assert "Other version" not in path.read_text(encoding="utf-8")


async def test_undo_is_kept_when_the_merge_replaced_nothing_it_would_put_back(
    review_project: ProjectLayout, paper: Path
) -> None:
    ids = machine_translated(review_project, paper)
    session = ReviewSession(review_project, paper, "es")
    path = session.translation_path
    app = ReviewApp(session, auto_mt=False, autosave_delay=60, check_delay=60)
    async with app.run_test(size=SIZE) as pilot:
        app.grid.move_cursor(1)
        await pilot.press("enter", "ctrl+a", *"Mi frase", "escape")
        assert app.grid.rows[1].target == "Mi frase"
        # The other program refreshes #2's machine translation only.
        other_program(path, ids[1], comment="mt: Frase dos.\nmt-engine: apertium")
        await pilot.press("ctrl+s")
        await saved_and_settled(app, pilot)
        [told] = toasts(app)
        await pilot.press("ctrl+z")
        undone = app.grid.rows[1].target

    # polib wraps the file at 78 and ends it without a blank line: taken, and said so.
    assert told == (
        "#2: text: yours; machine translation: the other program's.\n"
        "Took its line wrapping; no blank line at its end."
    )
    assert undone == "Frase 2."  # undo still had the typing step
    merged = TranslationFile.load(path).units[ids[1]]
    assert merged.mt == "Frase dos." and merged.notes == ""


async def test_a_merge_made_as_the_workbench_quits_is_printed_after_it_closes(
    review_project: ProjectLayout, paper: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = machine_translated(review_project, paper)
    session = ReviewSession(review_project, paper, "es")
    path = session.translation_path
    app = ReviewApp(session, auto_mt=False, autosave_delay=60, check_delay=60)

    async def translator(pilot: Pilot[None]) -> None:
        app.grid.move_cursor(3)
        await pilot.press("ctrl+o", *NOTE, "enter")
        other_program(path, ids[3], approve=True)
        other_program(path, ids[1], tcomment="REVIEWER: Ginebra confirmed by client")
        await pilot.press("ctrl+q")  # right after the other program's save

    await app.run_async(headless=True, size=SIZE, auto_pilot=translator)

    printed = capsys.readouterr().err
    assert f"another program saved {path}" in printed
    assert "  #4: state: reviewed (by the other program); notes: yours." in printed
    assert (
        "  #2: the other program's version (you had not changed it since your last save)."
        in printed
    )
    merged = TranslationFile.load(path)
    assert merged.units[ids[3]].state is SegmentState.REVIEWED
    assert merged.units[ids[3]].notes == NOTE
    assert merged.units[ids[1]].notes == "REVIEWER: Ginebra confirmed by client"


async def test_nothing_is_printed_when_no_merge_was_made(
    review_project: ProjectLayout, paper: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    session = ReviewSession(review_project, paper, "es")
    app = ReviewApp(session, auto_mt=False, autosave_delay=60, check_delay=60)

    async def translator(pilot: Pilot[None]) -> None:
        await pilot.press("ctrl+o", *NOTE, "enter", "ctrl+q")

    await app.run_async(headless=True, size=SIZE, auto_pilot=translator)
    assert "another program" not in capsys.readouterr().err


def test_merge_lines_name_every_kind_of_change() -> None:
    merge_lines = workbench_app.merge_lines
    report = MergeReport(
        taken_from_disk=["t1", "t2"],
        conflicts=["c"],
        added_from_disk=["x", "y"],
        combined=["m"],
        details={
            "c": ["text: yours (the other program's is in the note)"],
            "m": ["state: reviewed (by the other program)", "notes: yours"],
        },
    )
    places = {"m": 0, "t1": 1, "c": 2, "t2": 3}
    assert merge_lines(report, places, limit=5) == [
        "#1: state: reviewed (by the other program); notes: yours.",
        "#3: text: yours (the other program's is in the note).",
        "#2, #4: the other program's version (you had not changed them since your last save).",
        "2 entries of the other program's file for no segment of this document: kept in the "
        "file, as obsolete entries.",
    ]
    assert merge_lines(report, places, limit=1)[1] == (
        "... and 1 more segment(s) changed on both sides."
    )


def test_merge_lines_name_a_part_released_by_its_holders_new_text() -> None:
    # A part waiting for its share of a segment whose text the other program's replaced
    # is untranslated now: the toast said nothing of it where the holder was taken whole.
    report = MergeReport(taken_from_disk=["h"], released=["w"])
    lines = workbench_app.merge_lines(report, {"h": 1, "w": 2}, limit=5)
    assert lines == [
        "#2: the other program's version (you had not changed it since your last save).",
        "#3: untranslated now (the segment that held its share of the translation took the "
        "other program's text).",
    ]


def test_the_last_save_after_a_crash_tells_its_merge(
    review_project: ProjectLayout, paper: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # After a crash or a closed terminal the last save merged another program's edit
    # without a word.
    from termwise.tui.running import _save_and_tell

    ids = machine_translated(review_project, paper)
    session = ReviewSession(review_project, paper, "es")
    session.set_target(ids[0], "Mi frase.")
    other_program(session.translation_path, ids[1], msgstr="Su frase.")
    _save_and_tell(session)
    assert not session.dirty
    printed = capsys.readouterr().err
    assert "its changes were merged" in printed and "#2" in printed, printed
    assert po_entry(session.translation_path, ids[1]).msgstr == "Su frase."
    assert po_entry(session.translation_path, ids[0]).msgstr == "Mi frase."


def test_merge_lines_say_where_a_rewritten_text_of_yours_is_kept() -> None:
    # The other program rewrote a text the translator had saved: its version is taken, and
    # the translator's is kept in the segment's note, which the toast must say.
    report = MergeReport(taken_from_disk=["r"], yours_in_note=["r"])
    lines = workbench_app.merge_lines(report, {"r": 5}, limit=5)
    assert lines == [
        "#6: the other program's version (you had not changed it since your last save).",
        "#6: your text before this merge is kept in its note.",
    ]
