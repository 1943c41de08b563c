"""Keys typed while a dialog opens go into the dialog, in the order typed.

Textual hands each key to the focused widget's queue as it arrives and runs a binding only
when the key comes back up to the app; a dialog's field gets the focus only once the dialog
is composed. In a burst (a fast typist, a paste, tmux), the letters typed right after ``a``
(add a term) were already on their way through the glossary's list when its binding ran:
the list's bindings met them there, and the ones after went to the new dialog before any of
its fields had the focus, so the first letters of a new term were lost or went elsewhere.
The app holds every key from the binding that opens such a dialog until the dialog's field
has the focus (:class:`TakesTypeAhead`), then hands them over as if typed then.
"""

from __future__ import annotations

from typing import Any

from textual import events

# The bindings that always open a dialog to type into, after a message to the app (the
# glossary panel asks the app, which knows the editor's selection). A binding of the app's
# own (search, note) opens its dialog as it runs, and the keys after it reach the dialog.
OPENS_A_TEXT_DIALOG = frozenset({"glossary.add"})

# How long keys wait for a dialog that never opens (the note of no segment): then they go
# where the focus is, rather than nowhere.
WAIT_FOR_DIALOG_S = 1.0


class TypeAhead:
    """The keys held while a dialog opens."""

    def __init__(self) -> None:
        self._held: list[events.Key] | None = None

    @property
    def holding(self) -> bool:
        return self._held is not None

    def hold(self) -> None:
        """Hold every key from now on (the one that opens the dialog is running)."""
        if self._held is None:
            self._held = []

    def take(self, event: events.Key) -> bool:
        """Keep ``event`` while holding; True when kept."""
        if self._held is None:
            return False
        self._held.append(event)
        return True

    def release(self) -> list[events.Key]:
        """The held keys, fresh, in the order they were typed, and stop holding.

        Fresh: a key that came back up from the old focus has been forwarded and may be
        stopped, and the app routes only new keys to the focused widget. In typed order:
        one that was on its way through the old focus arrives after one typed later."""
        held, self._held = self._held or [], None
        return [events.Key(key.key, key.character) for key in sorted(held, key=_typed_at)]


def _typed_at(event: events.Key) -> float:
    return event.time


class TakesTypeAhead:
    """Mix into a dialog (before ``ModalScreen``) whose field the held keys are for."""

    def on_mount(self) -> None:
        # Composed: the dialog's first field has the focus (Textual sets it on compose).
        from termwise.tui.app import ReviewApp

        app: Any = self.app  # type: ignore[attr-defined]
        if isinstance(app, ReviewApp):
            app.call_later(app.give_typeahead)
