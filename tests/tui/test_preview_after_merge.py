"""A fix's preview (``ConfirmPreview``) while another program rewrites a segment it shows:
the merge waits for the preview, and ``y`` then refuses to apply the fix over the other
program's text (it was made at the old text's offsets in the new one, without a word); a
segment the preview does not show changes nothing about the fix."""

from __future__ import annotations

from pathlib import Path

from termwise.project.layout import ProjectLayout
from termwise.project.translation_file import TranslationFile
from termwise.review.session import ReviewSession
from termwise.tui.app import ReviewApp
from termwise.tui.dialogs import ConfirmPreview
from termwise.tui.panels import IssuesPanel

from .test_disk_changes_seen import MERGE_TITLE, merge_toasts, other_program_saves, settle

SIZE = (160, 45)
FORBIDDEN = "la comunidad de destino de la humanidad"
THEIRS = f"Sin duda, {FORBIDDEN} según otro programa."


def _open(layout: ProjectLayout, paper: Path) -> tuple[ReviewApp, Path, list[str]]:
    session = ReviewSession(layout, paper, "es")
    ids = [row.segment_id for row in session.rows[:3]]
    session.set_target(ids[0], FORBIDDEN)
    session.set_target(ids[1], f"Y {FORBIDDEN}.")
    session.set_target(ids[2], "Traducción número 3.")
    po = session.save()
    app = ReviewApp(
        session, auto_mt=False, autosave_delay=0.05, check_delay=0.05, watch_interval=0.1
    )
    return app, po, ids


async def _preview(app: ReviewApp, pilot: object, first: str) -> None:
    await settle(app, pilot, 0.5)  # type: ignore[arg-type]
    issue = next(
        i for i in app.session.issues if i.check == "term-forbidden" and i.segment_id == first
    )
    app.post_message(IssuesPanel.Fix(issue, "everywhere"))
    await settle(app, pilot, 0.3)  # type: ignore[arg-type]
    assert isinstance(app.screen, ConfirmPreview)
    assert len(app.screen.rows) == 2


async def test_a_preview_of_a_segment_rewritten_meanwhile_is_not_applied(
    review_project: ProjectLayout, paper: Path
) -> None:
    app, po, ids = _open(review_project, paper)
    async with app.run_test(size=SIZE) as pilot:
        await _preview(app, pilot, ids[0])
        other_program_saves(po, (f'msgstr "{FORBIDDEN}"', f'msgstr "{THEIRS}"'))
        await settle(app, pilot, 0.6)
        # Held while the preview is open.
        assert app.session.unit(ids[0]).target == FORBIDDEN
        assert not merge_toasts(app)
        await pilot.press("y")
        await settle(app, pilot, 0.4)
        assert not isinstance(app.screen, ConfirmPreview)
        assert app.session.unit(ids[0]).target == THEIRS
        assert app.session.unit(ids[1]).target == f"Y {FORBIDDEN}."
        assert any(note.title == MERGE_TITLE for note in app._notifications)
        said = [str(note.message) for note in app._notifications]
        assert any("Fix not applied" in text and "#1" in text for text in said), said
    on_disk = TranslationFile.load(po)
    assert on_disk.units[ids[0]].target == THEIRS


async def test_a_segment_the_preview_does_not_show_is_merged_and_the_fix_applied(
    review_project: ProjectLayout, paper: Path
) -> None:
    app, po, ids = _open(review_project, paper)
    async with app.run_test(size=SIZE) as pilot:
        await _preview(app, pilot, ids[0])
        other_program_saves(po, ("Traducción número 3.", "Traducción de otro programa."))
        await settle(app, pilot, 0.6)
        assert app.session.unit(ids[2]).target == "Traducción número 3."
        await pilot.press("y")
        await settle(app, pilot, 0.4)
        assert app.session.unit(ids[2]).target == "Traducción de otro programa."
        assert (
            app.session.unit(ids[0]).target == "la comunidad de futuro compartido de la humanidad"
        )
        assert FORBIDDEN not in app.session.unit(ids[1]).target
        await settle(app, pilot, 0.4)
    on_disk = TranslationFile.load(po)
    assert on_disk.units[ids[2]].target == "Traducción de otro programa."
    assert on_disk.units[ids[0]].target == "la comunidad de futuro compartido de la humanidad"
