"""The "No machine translation" dialog opens from a worker, not from a key. An Enter there
must not start a download: going on without MT is the highlighted choice, the download one
key up. Keys typed for the editor in the moment before it opened do not answer it (see
``test_unasked_dialog_keys``), and they are not lost either: the dialog counts them, and
they go into the editor once it is answered (they were dropped without a word)."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.widgets import OptionList, Static

from termwise.project.layout import ProjectLayout
from termwise.tui.app import ReviewApp
from termwise.tui.dialogs import Choose

from .pilot import SIZE, make_app, settle, toasts, until


def shown(dialog: Choose) -> str:
    """The dialog's text as it reads on screen (its title, help and notes)."""
    return "\n".join(str(static.content) for static in dialog.query(Static) if static.display)


async def no_mt_dialog(app: ReviewApp, pilot: object) -> Choose:
    # No model for en → zh (Apertium has none either): F2's worker opens the dialog.
    await pilot.press("f2")  # type: ignore[attr-defined]
    await until(pilot, lambda: isinstance(app.screen, Choose))  # type: ignore[arg-type]
    assert isinstance(app.screen, Choose)
    return app.screen


async def test_enter_on_the_no_mt_dialog_goes_on_without_mt(
    review_project: ProjectLayout, paper: Path
) -> None:
    app = make_app(review_project, paper, lang="zh")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        dialog = await no_mt_dialog(app, pilot)
        await pilot.pause()
        choices = dialog.query_one("#choices", OptionList)
        highlighted = choices.highlighted
        assert highlighted is not None
        # Checked before any Enter: the old default was the download.
        assert choices.get_option_at_index(highlighted).id == "skip"
        assert choices.get_option_at_index(highlighted - 1).id == "install"
        await pilot.press("enter")
        await settle(app, pilot)
        assert not isinstance(app.screen, Choose)
        assert not any("Model not installed" in toast for toast in toasts(app))
        # Nor "do not ask again": the project's settings are as they were.
        assert not review_project.config_path.exists()
        # F2 asks again (this time only), and Up, Enter is the download.
        dialog = await no_mt_dialog(app, pilot)
        await pilot.press("up", "enter")
        await settle(app, pilot)
        assert not isinstance(app.screen, Choose)
        # The tests' index is unreachable (``argos_env``): the download was tried.
        assert any("Model not installed" in toast for toast in toasts(app)), toasts(app)


async def test_keys_typed_before_the_no_mt_dialog_go_to_the_editor_once_answered(
    review_project: ProjectLayout, paper: Path
) -> None:
    app = make_app(review_project, paper, lang="zh")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert app.editor.has_focus and app.editor.text == ""
        # Typed in the editor just before the dialog opened, and queued (a busy UI) until
        # it was up.
        typed: list[events.Key | events.Paste] = [events.Key(c, c) for c in "hola"]
        typed.append(events.Paste(" mundo"))
        dialog = await no_mt_dialog(app, pilot)
        for event in typed:
            app.post_message(event)
        await settle(app, pilot)
        assert app.screen is dialog, toasts(app)
        assert "4 key(s) and 1 paste(s) typed before this opened" in shown(dialog), shown(dialog)
        assert app.editor.text == ""  # not behind the dialog, where nobody sees them
        await pilot.press("escape")
        await settle(app, pilot)
        assert not isinstance(app.screen, Choose)
        assert app.editor.has_focus
        assert app.editor.text == "hola mundo"
        assert not any("Model not installed" in toast for toast in toasts(app))
