"""A term pasted right after ``a`` (add a term, in the glossary's list) goes into the add
dialog's Term field, in typed order with the keys around it. A terminal sends a bracketed
paste as one Paste event, not keys: only keys were held while the dialog opened, so the
paste went to the list and the dialog opened with an empty field."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.widgets import Input

from termwise.project.layout import ProjectLayout
from termwise.tui.dialogs import AddTerm

from .pilot import SIZE, make_app, settle, until


async def test_pastes_and_keys_after_a_go_into_the_term_field_in_typed_order(
    review_project: ProjectLayout, paper: Path
) -> None:
    app = make_app(review_project, paper)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("f9", "down")
        await settle(app, pilot)
        # All in the app's queue at once, as a terminal's burst arrives.
        burst: list[events.Event] = [
            events.Key("a", "a"),
            events.Paste("desarrollo"),
            events.Key("space", " "),
            events.Paste("pacífico"),
        ]
        for event in burst:
            app.post_message(event)
        await until(pilot, lambda: isinstance(app.screen, AddTerm))
        await settle(app, pilot)
        field = app.screen.query_one("#term-text", Input)
        assert field.value == "desarrollo pacífico"
        await pilot.press("escape")
