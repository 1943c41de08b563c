"""The workbench keeps a translation's line breaks: opening a segment, marking it reviewed
and saving wrote "larga\\n\\nque" back as "larga  que"."""

from __future__ import annotations

from pathlib import Path

import polib

from termwise.project.layout import ProjectLayout
from termwise.review.session import ReviewSession
from termwise.tui.app import ReviewApp

SIZE = (160, 45)
BROKEN = "La segunda frase es más larga\n\nque la primera."
MT = "La segunda frase es más larga que la primera."


def saved_with(layout: ProjectLayout, paper: Path, target: str, mt: str | None) -> str:
    session = ReviewSession(layout, paper, "es")
    segment_id = session.rows[0].segment_id
    unit = session.unit(segment_id)
    unit.mt = mt
    unit.set_translation(target)
    session.dirty = True
    session.save()
    return segment_id


def msgstr(session: ReviewSession, segment_id: str) -> str:
    entry = next(e for e in polib.pofile(str(session.translation_path)) if e.msgctxt == segment_id)
    return str(entry.msgstr)


async def test_ctrl_r_and_save_keep_the_line_breaks(
    review_project: ProjectLayout, paper: Path
) -> None:
    segment_id = saved_with(review_project, paper, BROKEN, MT)
    session = ReviewSession(review_project, paper, "es")
    app = ReviewApp(session, auto_mt=False, autosave_delay=60, check_delay=60)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.workbench.editor.text == BROKEN
        assert "edited" in str(app.query_one("#dock-label").render())
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert session.unit(segment_id).target == BROKEN
        assert session.unit(segment_id).state.value == "reviewed"
        await pilot.press("ctrl+s")
        await pilot.pause(0.3)
        await app.workers.wait_for_complete()
    assert msgstr(session, segment_id) == BROKEN
    assert not ReviewSession(review_project, paper, "es").unit(segment_id).fuzzy


async def test_typing_keeps_the_other_line_breaks(
    review_project: ProjectLayout, paper: Path
) -> None:
    segment_id = saved_with(review_project, paper, BROKEN, None)
    session = ReviewSession(review_project, paper, "es")
    app = ReviewApp(session, auto_mt=False, autosave_delay=60, check_delay=60)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter", "ctrl+end", "!")
        await pilot.pause()
        assert session.unit(segment_id).target == BROKEN + "!"


async def test_a_text_the_editor_cannot_show_as_it_is_changes_only_when_typed(
    review_project: ProjectLayout, paper: Path
) -> None:
    # TextArea shows a "\r\n" or a U+2028 as its own line break: the text stays as it was
    # until the translator types in it.
    odd = "Primera línea\u2028segunda línea"
    segment_id = saved_with(review_project, paper, odd, None)
    session = ReviewSession(review_project, paper, "es")
    app = ReviewApp(session, auto_mt=False, autosave_delay=60, check_delay=60)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("down", "up", "ctrl+r")
        await pilot.pause()
        assert session.unit(segment_id).target == odd
        assert [change.label for change in session.history.done] == ["mark reviewed"]


def test_the_grid_shows_every_line_break() -> None:
    from termwise.tui.wrapping import wrap_spans

    def lines(text: str) -> list[str]:
        return [text[start:end] for start, end in wrap_spans(text, 30)]

    # A blank line was drawn as a single break, and a break at either end not at all.
    assert lines(BROKEN) == ["La segunda frase es más larga", "", "que la primera."]
    assert lines("\nque la primera.") == ["", "que la primera."]
    assert lines("que la primera.\n") == ["que la primera.", ""]
    assert lines("que la\nprimera.") == ["que la", "primera."]
