"""The docked editor for the current segment's translation."""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.binding import BindingType
from textual.widgets import TextArea

from termwise.tui.keymap import KEYMAP, scope_table, textual_bindings

EDITING_TITLE = "Editing"


# Keys that edit without typing a character: said to be refused on a read-only segment.
_EDITING_KEYS = frozenset({"backspace", "delete", "ctrl+x", "ctrl+v", "ctrl+w", "ctrl+u"})

# After these a word goes on without a space: "(comunidad", "«comunidad".
_OPENERS = frozenset("([{«‹“‘„\"'¿¡")


class TranslationEditor(TextArea):
    """A TextArea where Enter moves on to the next segment, as in OmegaT.

    A translation is one line of running text, so a newline is never what Enter means here.
    Focus must be unmistakable (a new user could not tell that Enter had started editing):
    the cursor does not blink away, the border and its title appear, and the footer lists
    the editor's own keys (Enter, Escape, Ctrl+A) in place of the grid's.
    """

    BINDINGS: ClassVar[list[BindingType]] = textual_bindings("editor")  # type: ignore[assignment]
    DEFAULT_CSS = """
    TranslationEditor { border: blank; }
    TranslationEditor:focus { border: round $accent; background: $boost; }
    """

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.cursor_blink = False
        # Why the segment shown is read-only (see ``lock``); None where it may be edited.
        self.locked_reason: str | None = None
        self._refusal_said = False

    def set_locked(self, reason: str | None) -> None:
        """Show a read-only segment (``reason``: why, said when a key would edit it) or, with
        None, one the translator may edit. The text can still be selected and copied."""
        self.locked_reason = reason
        self._refusal_said = False
        self.read_only = reason is not None

    def refuse(self) -> None:
        """A key that would edit a read-only segment: say why, once per segment (the keys
        themselves do nothing, as TextArea's read-only mode has them)."""
        if self.locked_reason is not None and not self._refusal_said:
            self._refusal_said = True
            self.notify(self.locked_reason, title="Read-only segment", severity="warning")

    def on_mount(self) -> None:
        self._leave_workbench_keys()

    def _leave_workbench_keys(self) -> None:
        """Drop TextArea's bindings of the keys the workbench binds, so that they do inside
        the editor what the footer says: F6 selected the line instead of opening the
        candidate terms, F7 selected all instead of confirming an aligned group, and Ctrl+Z
        undid the text but not the state (a reviewed segment came back as MT)."""
        table = self._bindings.key_to_bindings
        for key in self._scope_keys("review") - self._own_keys():
            # termwise's own bindings stay (the app's keymap moves them by id later).
            ours = [binding for binding in table.get(key, []) if binding.id in KEYMAP]
            if ours:
                table[key] = ours
            else:
                table.pop(key, None)

    def action_text_start(self, select: bool = False) -> None:
        """Go to the start of the whole translation, as Ctrl+Home does in a word processor."""
        self.move_cursor((0, 0), select=select)

    def action_text_end(self, select: bool = False) -> None:
        """Go to the end of the whole translation (End stops at the wrapped line's end)."""
        self.move_cursor(self.document.end, select=select)

    def insert_word(self, text: str, *, spaced: bool) -> None:
        """Put ``text`` in as a word, in place of the selection if there is one (the term
        went in after the selected wrong rendering). Where ``spaced``, a space goes before it
        after a word or a sentence's punctuation ("tiempo.comunidad") and after it before a
        letter or digit (a term put at the start of a draft ran into its first word:
        "gobernanza globalLas ideas")."""
        start, end = sorted(self.selection)
        before = self.document.get_line(start[0])[: start[1]]
        after = self.document.get_line(end[0])[end[1] :]
        if spaced and before and not before[-1].isspace() and before[-1] not in _OPENERS:
            text = " " + text
        if spaced and after and after[0].isalnum():
            text += " "
        self.replace(text, start, end)

    def _own_keys(self) -> set[str]:
        """The keys of the editor's bindings, as the user's keymap may have moved them."""
        return self._scope_keys("editor")

    def _scope_keys(self, scope: str) -> set[str]:
        """The keys of a scope's bindings, as the user's keymap may have moved them."""
        overrides: dict[str, str] = getattr(self.app, "user_keymap", {})
        return {
            key.strip()
            for binding in scope_table(scope)
            for key in overrides.get(binding.id, binding.keys).split(",")
        }

    async def _on_key(self, event: events.Key) -> None:
        # The editor's own keys are bindings (remappable, shown in the footer): TextArea
        # would otherwise take Enter as a newline before the binding is looked at.
        if event.key in self._own_keys():
            return
        if "+" in event.key and event.key in self._scope_keys("review"):
            # A workbench key with Alt (find next, the alignment moves): TextArea typed its
            # letter ("n" for Alt+N) instead of leaving it to the binding.
            return
        if event.key == "enter":  # moved elsewhere by the keymap: still never a newline
            event.prevent_default()
            event.stop()
            return
        if self.read_only and (event.is_printable or event.key in _EDITING_KEYS):
            self.refuse()
        await super()._on_key(event)

    async def _on_paste(self, event: events.Paste) -> None:
        # Textual runs each class's own handler of an event down the class hierarchy, so
        # TextArea's inserts the paste after this one anyway: calling it here as well put
        # every paste in twice (and the doubled text was saved).
        if self.read_only:
            self.refuse()

    def _on_focus(self, event: events.Focus) -> None:
        self.border_title = EDITING_TITLE
        super()._on_focus(event)

    def _on_blur(self, event: events.Blur) -> None:
        self.border_title = None
        super()._on_blur(event)
