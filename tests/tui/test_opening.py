"""A large book is shown from the last session's preview while its session opens behind it."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from textual.widgets import Label

from termwise.project.layout import ProjectLayout, segmentation_overrides_file
from termwise.project.translation_file import TranslationFile
from termwise.review.session import ReviewSession
from termwise.tui import opening
from termwise.tui.app import ReviewApp
from termwise.tui.opening import OpeningScreen, read_preview, write_preview

from .pilot import SIZE, settle


@pytest.fixture
def small_books_count(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The paper (102 segments) counts as a large book here; a cache folder of its own."""
    monkeypatch.setattr(opening, "MIN_ROWS", 50)
    monkeypatch.setattr(opening, "PREVIEW_ROWS", 30)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def _saved_session(layout: ProjectLayout, paper: Path) -> ReviewSession:
    session = ReviewSession(layout, paper, "es")
    first = session.rows[0].segment_id
    session.set_target(first, "Resumen guardado")
    session.save()
    write_preview(session)
    return session


@pytest.mark.usefixtures("small_books_count")
def test_preview_is_used_only_while_every_file_is_unchanged(
    review_project: ProjectLayout, paper: Path
) -> None:
    session = _saved_session(review_project, paper)
    preview = read_preview(review_project, paper, "es", None)
    assert preview is not None
    assert preview.total == len(session.rows) and len(preview.rows) == 30
    assert preview.rows[0].target == "Resumen guardado"
    assert [r.segment_id for r in preview.rows] == [r.segment_id for r in session.rows[:30]]
    assert read_preview(review_project, paper, "fr", None) is None
    # Any input changed since: the translation file, the document, joins and splits.
    po = session.translation_path
    po.write_bytes(po.read_bytes() + b"\n")
    assert read_preview(review_project, paper, "es", None) is None
    po.write_bytes(po.read_bytes()[:-1])
    assert read_preview(review_project, paper, "es", None) is not None
    overrides = segmentation_overrides_file(review_project, paper)
    overrides.write_text(json.dumps({"splits": {}, "joins": []}))
    assert read_preview(review_project, paper, "es", None) is None
    overrides.unlink()
    paper.write_text(paper.read_text(encoding="utf-8") + "\nOne more.\n", encoding="utf-8")
    assert read_preview(review_project, paper, "es", None) is None


@pytest.mark.usefixtures("small_books_count")
async def test_workbench_opens_on_the_preview_then_the_session(
    review_project: ProjectLayout, paper: Path
) -> None:
    _saved_session(review_project, paper)
    preview = read_preview(review_project, paper, "es", None)
    assert preview is not None
    release = threading.Event()

    def open_slowly() -> ReviewSession:
        assert release.wait(20)
        return ReviewSession(review_project, paper, "es")

    app = ReviewApp(None, preview=preview, opener=open_slowly, auto_mt=False, autosave_delay=0.15)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, OpeningScreen)
        assert not app.opened
        # Reading and moving work; editing waits for the session.
        await pilot.press("down", "down", "ctrl+t", "ctrl+r", "enter")
        assert app.screen.cursor == 2
        assert not app.opened
        assert any("Still opening" in n.message for n in app._notifications)
        release.set()
        await settle(app, pilot)
        assert app.opened and not isinstance(app.screen, OpeningScreen)
        assert app.grid.cursor == 2
        assert app.grid.rows[0].target == "Resumen guardado"
        await pilot.press("enter", *"Hola", "escape")
        await settle(app, pilot)
        segment_id = app.grid.rows[2].segment_id
        saved = TranslationFile.load(app.session.translation_path)
        assert saved.units[segment_id].target.startswith("Hola")


@pytest.mark.usefixtures("small_books_count")
async def test_quitting_while_the_session_opens_writes_nothing(
    review_project: ProjectLayout, paper: Path
) -> None:
    _saved_session(review_project, paper)
    po = review_project.translation_file(paper, "es")
    before = po.read_bytes()
    preview = read_preview(review_project, paper, "es", None)
    assert preview is not None
    release = threading.Event()

    def never_in_time() -> ReviewSession:
        release.wait(20)
        return ReviewSession(review_project, paper, "es")

    app = ReviewApp(None, preview=preview, opener=never_in_time, auto_mt=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+q")
        await pilot.pause()
    release.set()
    assert app.return_code == 0 or app.return_code is None
    assert po.read_bytes() == before


@pytest.mark.usefixtures("small_books_count")
async def test_each_autosave_leaves_a_preview_so_a_crash_does_too(
    review_project: ProjectLayout, paper: Path
) -> None:
    from .pilot import make_app

    app = make_app(review_project, paper)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", *"Tras el autoguardado", "escape")
        await settle(app, pilot)
        assert app.saves >= 1
        # No quit (as in a crash): the preview is there already, and shows the edit.
        preview = read_preview(review_project, paper, "es", None)
        assert preview is not None
        assert preview.rows[0].target.startswith("Tras el autoguardado")
        await pilot.press("enter", *" otra vez", "escape")
        await settle(app, pilot)
        preview = read_preview(review_project, paper, "es", None)
        assert preview is not None and "otra vez" in preview.rows[0].target


async def test_a_large_document_without_a_preview_says_it_is_opening(
    review_project: ProjectLayout, paper: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """No blank terminal while a large book is segmented for the first time."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert opening.opening_view(review_project, paper, "es", None) is None  # opens at once
    monkeypatch.setattr(opening, "LARGE_DOCUMENT_BYTES", paper.stat().st_size)
    view = opening.opening_view(review_project, paper, "es", None)
    assert view is not None and view.rows == [] and view.source_lang == ""
    release = threading.Event()

    def open_slowly() -> ReviewSession:
        assert release.wait(20)
        return ReviewSession(review_project, paper, "es")

    app = ReviewApp(None, preview=view, opener=open_slowly, auto_mt=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, OpeningScreen)
        title = str(app.screen.query_one("#opening-title", Label).render())
        assert "reading and segmenting" in title and "Spanish" in title
        release.set()
        await settle(app, pilot)
        assert app.opened and not isinstance(app.screen, OpeningScreen)
        # The language detected while opening names the grid's first column.
        assert app.source_name == "English"
        assert len(app.grid.rows) == len(app.session.rows)
