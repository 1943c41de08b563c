"""The workbench notices a glossary file another program changed: it reads the glossary again,
redraws the marks, runs the checks and says so once. And its own glossary edits start from
the file on disk (``termwise glossary add`` in another shell was written over), with the
status ``glossary add`` would give (the dialog offered "preferred" for every term)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from textual.widgets import Input

import termwise
from termwise.glossary import load_glossary
from termwise.glossary.model import TermStatus
from termwise.project.layout import ProjectLayout
from termwise.tui.dialogs import AddTerm

from .pilot import SIZE, make_app, settle, toasts

RELOADED = "Glossary changed on disk: reloaded"


def other_shell(layout: ProjectLayout, *args: str) -> None:
    """``termwise ARGS`` run by another process in the project folder."""
    env = {**os.environ, "PYTHONPATH": str(Path(termwise.__file__).parents[1])}
    result = subprocess.run(
        [sys.executable, "-m", "termwise", *args],
        cwd=layout.root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


async def test_a_glossary_change_on_disk_is_read_marked_checked_and_told_once(
    review_project: ProjectLayout, paper: Path
) -> None:
    app = make_app(review_project, paper, watch_interval=0.1)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        session = app.session
        row = next(r for r in session.rows if "global governance" in r.source)
        assert "T21" not in {c.id for c in session.concepts_of(row.segment_id)}
        version = session.glossary_version
        other_shell(
            review_project, "glossary", "add", "global governance", "--id", "T21", "--lang", "en"
        )
        await settle(app, pilot)
        await settle(app, pilot)
        told = [n for n in app._notifications if str(n.message).startswith(RELOADED)]
        assert [str(n.message) for n in told] == [f"{RELOADED} (paper.tbx)."]
        assert "T21" in {c.id for c in session.concepts_of(row.segment_id)}
        # The checks ran under the new glossary (a new checker for a new version).
        assert session.glossary_version > version
        assert session._checker_version == session.glossary_version
        # The glossary panel lists the new concept.
        await pilot.press("f9", *"global governance")
        assert {c.id for c, _ in app.workbench.glossary_panel.entries} == {"T21"}
        # The workbench's own edits are no change on disk to tell of.
        await pilot.press("down", "a")
        assert isinstance(app.screen, AddTerm)
        await pilot.press("ctrl+u", *"gobernanza global", "enter", "enter", "enter", "enter")
        await settle(app, pilot)
        assert any(t.startswith("Added 'gobernanza global' to T21") for t in toasts(app))
        again = [n for n in app._notifications if str(n.message).startswith(RELOADED)]
        assert {n.identity for n in again} <= {n.identity for n in told}


async def test_undo_after_another_programs_change_is_refused_with_a_reason(
    review_project: ProjectLayout, paper: Path
) -> None:
    # A long interval: only the look before Ctrl+Z can see the other program's change.
    app = make_app(review_project, paper, watch_interval=600)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("f9", *"mentality", "down", "a")
        assert isinstance(app.screen, AddTerm)
        await pilot.press("ctrl+u", *"mentalidad de bloques", "enter", "enter", "enter", "enter")
        await settle(app, pilot)
        other_shell(
            review_project,
            "glossary",
            "add",
            "mentalidad de guerra fría",
            "--concept",
            "T19",
            "--lang",
            "es",
        )
        await pilot.press("ctrl+z")
        await settle(app, pilot)
        assert any("Undo of your edits of paper.tbx is refused" in t for t in toasts(app))
    es = {t.text for t in load_glossary(review_project.glossary_dir).concept("T19").terms("es")}
    assert {"mentalidad de bloques", "mentalidad de guerra fría"} <= es


async def test_the_dialog_offers_the_status_glossary_add_would_give(
    review_project: ProjectLayout, paper: Path
) -> None:
    app = make_app(review_project, paper)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        # T19 has its Spanish rendering: a further variant is offered deprecated.
        await pilot.press("f9", *"mentality", "down", "a")
        assert isinstance(app.screen, AddTerm)
        status = app.screen.query_one("#term-status", Input)
        assert status.value == "deprecated"
        # T25 has no Spanish term: its first is its rendering, preferred.
        concept = app.screen.query_one("#term-concept", Input)
        concept.value = "T25"
        await pilot.pause()
        assert status.value == "preferred"
        # A status the translator typed stays whatever concept they name.
        status.value = "admitted"
        concept.value = "T19"
        await pilot.pause()
        assert status.value == "admitted"
        # A second preferred term is added as asked, and told in a toast.
        status.value = "preferred"
        app.screen.query_one("#term-text", Input).value = "mentalidad de bloques"
        status.focus()
        await pilot.press("enter")
        await settle(app, pilot)
        assert any("T19 has another preferred es term" in t for t in toasts(app))
    es = {
        t.text: t.status
        for t in load_glossary(review_project.glossary_dir).concept("T19").terms("es")
    }
    assert es["mentalidad de bloques"] is TermStatus.PREFERRED
