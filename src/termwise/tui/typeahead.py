"""Keys typed while a dialog opens go into the dialog, in the order typed.

Textual hands each key to the focused widget's queue as it arrives and runs a binding only
when the key comes back up to the app; a dialog's field gets the focus only once the dialog
is composed. In a burst (a fast typist, a paste, tmux), the letters typed right after ``a``
(add a term) were already on their way through the glossary's list when its binding ran:
the list's bindings met them there, and the ones after went to the new dialog before any of
its fields had the focus, so the first letters of a new term were lost or went elsewhere.
The app holds every key from the binding that opens such a dialog until the dialog's field
has the focus (:class:`TakesTypeAhead`), then hands them over as if typed then. A paste
(a terminal's bracketed paste: one event, not keys) is held with them, in typed order: the
term pasted right after ``a`` went to the list, and the dialog opened with an empty field.

The same goes for the glossary's other keys that move the focus: Down from its search field
to its terms (the Downs typed after the first one went to the field, and the term's status
key typed after them into the search), and its status key (``s``), whose dialog then takes
the Downs and Enter that pick a status, not the list behind it.

A dialog no key opened (a worker's: no machine translation for the pair) is the opposite
case: the keys typed before it opened were for the editor or the grid, and answered it (an
Enter chose the model's download). They are held while it is up, the dialog says how many,
and they go where they were typed once it is answered (:func:`type_again`): they were
dropped without a word, and a translator's sentence typed as it opened was lost.
"""

from __future__ import annotations

from typing import TypeAlias, cast

from textual import events
from textual.dom import DOMNode

# What a typist sends: keys, and a paste that the terminal sends as one event.
Typed: TypeAlias = events.Key | events.Paste

# The bindings that always move the focus only after the key has gone (a message to the
# app, which opens a dialog: the glossary panel asks the app, which knows the editor's
# selection; or ``Widget.focus``, which moves it at the app's next turn). A binding of the
# app's own (search, note) opens its dialog as it runs, and the keys after it reach the dialog.
MOVES_THE_FOCUS = frozenset({"glossary.add", "glossary.status", "glossary.to_terms"})

# How long keys wait for a dialog that never opens (the note of no segment): then they go
# where the focus is, rather than nowhere.
WAIT_FOR_DIALOG_S = 1.0


class TypeAhead:
    """The keys (and pastes) held while a dialog opens or the focus moves."""

    def __init__(self) -> None:
        self._held: list[Typed] | None = None
        self._after = 0.0

    def hold(self, opener: events.Key) -> None:
        """Hold every key typed after ``opener``, whose binding moves the focus. Not the
        ones typed before it, on their way back up from the focused widget: they belong
        where the focus is now (Downs in the glossary's list, before its ``a``)."""
        if self._held is None:
            self._held, self._after = [], opener.time

    def take(self, event: Typed) -> bool:
        """Keep ``event`` while holding, where it was typed after the opener; True when kept."""
        if self._held is None or _typed_at(event) <= self._after:
            return False
        self._held.append(event)
        return True

    def release(self) -> list[Typed]:
        """The held keys and pastes, fresh, in the order they were typed, and stop holding.

        Fresh: a key that came back up from the old focus has been forwarded and may be
        stopped, and the app routes only new keys to the focused widget. In typed order:
        one that was on its way through the old focus arrives after one typed later."""
        held, self._held = self._held or [], None
        return in_typed_order(held)


def in_typed_order(held: list[Typed]) -> list[Typed]:
    """``held`` as fresh events, to route as if they had just arrived, in the order they
    were typed (``TypeAhead.release``)."""
    return [_fresh(event) for event in sorted(held, key=_typed_at)]


def _typed_at(event: Typed) -> float:
    return event.time


def _fresh(event: Typed) -> Typed:
    """A new event like ``event``, to route as if it had just arrived (``release``)."""
    if isinstance(event, events.Key):
        return events.Key(event.key, event.character)
    return events.Paste(event.text)


def hand_over(node: DOMNode) -> None:
    """The held keys to the new focus, at the app's next turn: after the focus that
    ``node`` moved (``Widget.focus``) or took (a dialog composed) is set."""
    from termwise.tui.app import ReviewApp

    app = node.app
    if isinstance(app, ReviewApp):
        app.call_later(app.give_typeahead)


def type_again(node: DOMNode, typed: list[Typed]) -> None:
    """``typed``, held while a dialog was up, to where the focus is at the app's next turn:
    after the dialog ``node`` was dismissed, the focus it covered is back."""
    from termwise.tui.app import ReviewApp

    app = node.app
    if isinstance(app, ReviewApp) and typed:
        app.call_later(app.type_again, in_typed_order(typed))


class TakesTypeAhead:
    """Mix into a dialog (before ``ModalScreen``) whose field the held keys are for."""

    def on_mount(self) -> None:
        # Composed: the dialog's first field has the focus (Textual sets it on compose).
        hand_over(cast("DOMNode", self))
