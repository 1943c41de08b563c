"""The glossary's status picker (``s`` in the terms, F9) starts on the term's status, and
keys typed in a burst (a fast typist, tmux) go where the key before them sent the focus:
Down from the search field to the terms, then the Downs after it through the terms, then
``s``, and the keys after it into the picker. The Downs after the first went to the search
field and the ``s`` was typed into it; the picker started on "preferred" whatever the
term's status, so an Enter made an admitted term preferred."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.widgets import OptionList

from termwise.glossary import load_glossary
from termwise.project.layout import ProjectLayout
from termwise.tui.dialogs import Choose

from .pilot import SIZE, make_app, settle, until

ADMITTED = "community with a shared future for humanity"  # the glossary's 3rd term


def status_of(layout: ProjectLayout, text: str) -> str:
    glossary = load_glossary(layout.glossary_dir)
    (term,) = (t for c in glossary.concepts for t in c.terms() if t.text == text)
    return term.status.value


async def test_the_status_picker_starts_on_the_terms_status(
    review_project: ProjectLayout, paper: Path
) -> None:
    app = make_app(review_project, paper)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("f9", "down", "down", "down", "s")
        await until(pilot, lambda: isinstance(app.screen, Choose))
        picker = app.screen
        assert isinstance(picker, Choose) and ADMITTED in picker.title_text
        choices = picker.query_one(OptionList)
        assert choices.highlighted is not None
        assert choices.get_option_at_index(choices.highlighted).id == "admitted"
        await pilot.press("escape")
    assert status_of(review_project, ADMITTED) == "admitted"


async def test_keys_typed_in_a_burst_follow_the_focus_into_the_picker(
    review_project: ProjectLayout, paper: Path
) -> None:
    app = make_app(review_project, paper)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("f9")
        await settle(app, pilot)
        # All in the app's queue at once, as a terminal's burst arrives: the 1st Down to the
        # terms, two through them (to the 3rd), s, and Down and Enter in the picker.
        burst = ["down", "down", "down", "s", "down", "enter"]
        for key in burst:
            app.post_message(events.Key(key, key if len(key) == 1 else None))
        await until(pilot, lambda: status_of(review_project, ADMITTED) != "admitted")
        await settle(app, pilot)
        assert app.query_one("#glossary-search").value == ""  # type: ignore[attr-defined]
    # From admitted, the option after it.
    assert status_of(review_project, ADMITTED) == "deprecated"
