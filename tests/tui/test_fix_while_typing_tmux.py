"""In a real terminal: ``termwise fix --everywhere`` runs while the translator types in the
workbench. The fix read the file before the workbench's save of the typing and saved after
it: its merge kept its own text (a full stop added to the old one) and put the translator's
into the note, the workbench took that, and its toast named the segments the fix had only
punctuated ("your text before this merge is kept in its note"), never the one whose typed
text was gone. The typed text stays, in the segment and the editor, the fix's in the note;
the toast names that segment; a segment the fix only punctuated gets no note.

The fix is the command's own code (``plan_document_fix``, ``apply_fix``, ``save``) in this
process, so that it reads the file before the workbench's save and saves after it each time:
as a separate process it does so only when the timing falls that way."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from support.command_line import termwise
from termwise.project.layout import ProjectLayout
from termwise.project.translation_file import TranslationFile
from termwise.review.batch_fix import FixSelection, plan_document_fix
from termwise.review.session import ReviewSession

from .test_e2e_tmux import Terminal, termwise_command

TYPED = " WB2"
FIX = FixSelection(side="target", checks={"end-punctuation"}, everywhere=True)


def walked_to(layout: ProjectLayout, paper: Path) -> tuple[str, str]:
    """The paper translated by Apertium, and #10 and #11 then written in the workbench
    without their full stop (as the walk-through left them); their segment ids."""
    done = termwise("translate", str(paper), "--to", "es", "--engine", "apertium", cwd=layout.root)
    assert done.returncode == 0, done.stderr
    session = ReviewSession(layout, paper, "es")
    tenth, eleventh = (row.segment_id for row in session.rows[9:11])
    session.set_target(tenth, "WB10 texto")
    session.set_target(eleventh, "WB11 texto")
    session.save()
    return tenth, eleventh


@pytest.mark.parametrize("saved", [True, False], ids=["saved", "typing"])
def test_a_fix_run_while_typing_leaves_the_typed_text(
    review_project: ProjectLayout, paper: Path, saved: bool
) -> None:
    tenth, eleventh = walked_to(review_project, paper)
    po = review_project.translation_file(paper, "es")
    terminal = Terminal(
        termwise_command(review_project, paper), review_project.root, name="sync2_fix"
    )
    try:
        terminal.wait_for(r"English → Spanish .* 2 edited")
        terminal.keys(*["Down"] * 9)
        terminal.wait_for(rf"#10 {tenth}")
        command = ReviewSession(review_project, paper, "es")  # the fix reads the file
        terminal.keys("Enter", "C-End")
        terminal.type(TYPED)
        if saved:
            terminal.keys("Escape")
            # The workbench's autosave, after the fix read the file.
            deadline = time.monotonic() + 20
            while "WB10 texto WB2" not in po.read_text(encoding="utf-8"):
                assert time.monotonic() < deadline, terminal.screen()
                time.sleep(0.2)
        run = plan_document_fix(command, FIX)
        command.apply_fix(run.plan)
        command.save()
        toast = terminal.wait_for(r"The project file changed on disk[\s\S]*Undo", timeout=30)
        screen = terminal.screen()
        told = re.sub(r"\s+", " ", toast.group())
        assert "#10: text: yours" in told, screen
        assert "kept in" not in told, screen
        # The editor (below the grid, open or not) shows the typed text still.
        assert re.search(r"^(│ | +)WB10 texto WB2 ", screen, re.MULTILINE), screen
        if not saved:
            terminal.keys("Escape")
        terminal.keys("C-q")
        terminal.wait_for(r"termwise exited 0")
    finally:
        terminal.close()
    units = TranslationFile.load(po).units
    assert units[tenth].target == "WB10 texto WB2"
    assert units[tenth].notes == "Other version on disk (edited): WB10 texto."
    assert (units[eleventh].target, units[eleventh].notes) == ("WB11 texto.", "")
