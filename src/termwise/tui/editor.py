"""The docked editor for the current segment's translation."""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.binding import BindingType
from textual.message import Message
from textual.widgets import TextArea

from termwise.tui.keymap import textual_bindings


class TranslationEditor(TextArea):
    """A TextArea where Enter moves on to the next segment, as in OmegaT.

    A translation is one line of running text, so a newline is never what Enter means here.
    """

    BINDINGS: ClassVar[list[BindingType]] = textual_bindings("editor")  # type: ignore[assignment]

    class Submitted(Message):
        """Enter was pressed: keep the text and go to the next segment."""

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "enter":
            event.prevent_default()
            event.stop()
            self.post_message(self.Submitted())
            return
        await super()._on_key(event)
