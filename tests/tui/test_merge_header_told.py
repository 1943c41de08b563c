"""What a merge takes of another program's header and layout is told, and the title follows
the Language taken.

Another program set the open file's Language to ``es_MX`` (``sed -i``, as a translator
does for a regional edition): the merge took it, yet the notice said "nothing in it differs
from the workbench's version, and nothing here changed", and the title still said Spanish.
Another Last-Translator, or the file wrapped anew (``msgcat -w 40``), got the same notice.
The workbench opens a file read from disk (as ``termwise review`` of a saved translation
does), and a second process rewrites that file.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from termwise.project.layout import ProjectLayout
from termwise.project.store import MergeReport
from termwise.review.session import ReviewSession
from termwise.tui.app import ReviewApp

from .test_disk_changes_seen import SIZE, merge_toasts, other_program_saves, saved_session, settle


def title(app: ReviewApp) -> str:
    return str(app.workbench._shown.get("#title", ""))


async def test_a_language_taken_from_another_program_is_told_and_titled(
    tmp_path: Path,
) -> None:
    _, po = saved_session(tmp_path)
    # Opened afresh, as the next `termwise review d.txt --to es --no-mt` opens it.
    session = ReviewSession(ProjectLayout.at(tmp_path), tmp_path / "d.txt", "es")
    app = ReviewApp(session, auto_mt=False, autosave_delay=30, check_delay=30, watch_interval=0.1)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert "English → Spanish  ·" in title(app)

        other_program_saves(po, ('"Language: es\\n"', '"Language: es_MX\\n"'))
        await settle(app, pilot)
        toast = merge_toasts(app)[-1]
        assert "nothing here changed" not in toast
        assert toast == (
            "Another program saved the file again; no segment differs.\n"
            "Took its header: Language es-MX."
        )
        assert "English → Mexican Spanish  ·" in title(app)
        assert not session.dirty

        other_program_saves(po, ("Last-Translator: termwise", "Last-Translator: Ana"))
        await settle(app, pilot)
        assert merge_toasts(app)[-1].endswith("\nTook its header: Last-Translator.")
        assert "Mexican Spanish" in title(app)
        await app.action_quit()
    assert '"Language: es_MX\\n"' in po.read_text(encoding="utf-8")


@pytest.mark.skipif(not shutil.which("msgcat"), reason="needs gettext's msgcat")
async def test_the_other_programs_wrapping_taken_is_told(tmp_path: Path) -> None:
    _, po = saved_session(tmp_path)
    session = ReviewSession(ProjectLayout.at(tmp_path), tmp_path / "d.txt", "es")
    app = ReviewApp(session, auto_mt=False, autosave_delay=30, check_delay=30, watch_interval=0.1)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        subprocess.run(["msgcat", "-w", "30", "-o", str(po), str(po)], check=True)
        await settle(app, pilot)
        toast = merge_toasts(app)[-1]
        assert "nothing here changed" not in toast
        assert toast.endswith("Took its line wrapping; no blank line at its end.")
        await app.action_quit()


def test_the_line_names_each_field_and_layout_taken() -> None:
    from termwise.tui.app import header_taken_line

    report = MergeReport(header_taken=["Language", "Last-Translator"])
    report.language_taken = "es-MX"
    report.layout_taken = ["its CRLF line ends"]
    assert header_taken_line(report) == (
        "Took its header: Language es-MX, Last-Translator; its CRLF line ends."
    )
    assert header_taken_line(MergeReport()) == ""
