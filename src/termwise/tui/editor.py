"""The docked editor for the current segment's translation."""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.binding import BindingType
from textual.widgets import TextArea

from termwise.tui.keymap import textual_bindings


class TranslationEditor(TextArea):
    """A TextArea where Enter moves on to the next segment, as in OmegaT.

    A translation is one line of running text, so a newline is never what Enter means here.
    """

    BINDINGS: ClassVar[list[BindingType]] = textual_bindings("editor")  # type: ignore[assignment]

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "enter":
            event.prevent_default()
            event.stop()
            # Run as an action, not posted as a message: the keys typed next must already
            # go to the next segment.
            await self.run_action("app.next_segment")
            return
        await super()._on_key(event)
