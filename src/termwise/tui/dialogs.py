"""Modal dialogs: ask for a line of text, pick one of several options, confirm a preview.

Each returns its answer through ``dismiss`` (``None`` when cancelled with Escape), so the
workbench can ``push_screen(dialog, callback)`` and never block the UI thread waiting.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from rich.text import Text
from textual import _time, events
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from termwise.tui.keymap import shown_key, textual_bindings
from termwise.tui.numbering import named_rows
from termwise.tui.shown_keys import KeymapInPlace
from termwise.tui.typeahead import TakesTypeAhead, Typed, type_again

DIALOG_CSS = """
{name} {{ align: center middle; }}
{name} > Vertical {{
    width: 80%; max-width: 100; height: auto; max-height: 90%;
    border: thick $primary; background: $surface; padding: 0 1;
}}
{name} .dialog-title {{ text-style: bold; margin-bottom: 1; width: 100%; }}
{name} .dialog-help {{ color: $text-muted; }}
"""


class TextInput(Input):
    """A line of text where Ctrl+A selects it all, as in the editor (Textual's Input went to
    the start of the line, and what was typed next went in front of the old text)."""

    BINDINGS: ClassVar[list[BindingType]] = textual_bindings("input")  # type: ignore[assignment]


class AskText(KeymapInPlace, ModalScreen[str | None]):
    """One line of text (search, note, reason, concept)."""

    DEFAULT_CSS = DIALOG_CSS.format(name="AskText")
    BINDINGS: ClassVar[list[BindingType]] = textual_bindings("dialog")  # type: ignore[assignment]

    def __init__(
        self,
        title: str,
        value: str = "",
        *,
        placeholder: str = "",
        on_quit: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__()
        self.title_text = title
        self.value = value
        self.placeholder = placeholder
        # Where what the translator typed goes when they quit with the dialog open (a note),
        # rather than being dropped (a search).
        self.on_quit = on_quit

    def typed(self) -> str:
        return self.query_one("#answer", Input).value

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self.title_text, classes="dialog-title")
            yield TextInput(self.value, placeholder=self.placeholder, id="answer")
            # The keys as the user's keymap has them (Enter is the text field's own).
            cancel = shown_key(self.app, "dialog.cancel")
            yield Label(f"Enter: OK   {cancel}: cancel", classes="dialog-help", markup=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class Choose(TakesTypeAhead, KeymapInPlace, ModalScreen[str | None]):
    """Pick one option; answers the option's id. ``current``, the option that holds now (a
    term's status), is highlighted first: on the first option, an Enter made an admitted
    term preferred. Keys typed while it opens are its own (``typeahead``), unless it is
    ``unasked``: opened by a worker, not by a key (no machine translation), so the keys
    typed before it opened were meant for the workbench (an Enter meant for the grid chose
    the model's download). Those are held, counted on the dialog, and typed again where
    they were typed once it is answered (``typeahead.type_again``)."""

    DEFAULT_CSS = DIALOG_CSS.format(name="Choose")
    BINDINGS: ClassVar[list[BindingType]] = textual_bindings("dialog")  # type: ignore[assignment]

    def __init__(
        self,
        title: str,
        options: Sequence[tuple[str, str]],
        *,
        help: str = "",
        current: str | None = None,
        unasked: bool = False,
    ) -> None:
        super().__init__()
        self.title_text = title
        self.options = options
        self.help_text = help
        self.current = current
        # On Textual's clock (an event's ``time``): keys typed before it are not its own.
        self._opened_at = _time.get_time() if unasked else None
        self._typed_blind: list[Typed] = []

    def typed_before_opening(self, event: Typed) -> bool:
        """Whether ``event`` was typed before this unasked dialog opened: not an answer."""
        return self._opened_at is not None and event.time < self._opened_at

    def hold_for_workbench(self, event: Typed) -> None:
        """Keep ``event``, typed for the workbench before this dialog opened, until it is
        answered, and say so: the translator sees their typing has not gone nowhere."""
        self._typed_blind.append(event)
        if self.is_mounted:  # else on mounting
            self._show_held()

    def _show_held(self) -> None:
        note = self.query_one("#typed-blind", Static)
        note.display = bool(self._typed_blind)
        pastes = sum(isinstance(typed, events.Paste) for typed in self._typed_blind)
        keys = len(self._typed_blind) - pastes
        held = " and ".join(
            f"{count} {what}" for count, what in ((keys, "key(s)"), (pastes, "paste(s)")) if count
        )
        note.update(
            f"{held} typed before this opened: they go where you typed them once you answer."
        )

    def compose(self) -> ComposeResult:
        # Plain text, never markup: "[mt] on-opening" or a sentence's "[4]" is what it says.
        with Vertical():
            yield Label(self.title_text, classes="dialog-title", markup=False)
            if self.help_text:
                yield Static(self.help_text, classes="dialog-help", markup=False)
            yield Static(id="typed-blind", classes="dialog-help", markup=False)
            yield OptionList(
                *[Option(Text(label), id=key) for key, label in self.options], id="choices"
            )

    def on_mount(self) -> None:
        self._show_held()
        keys = [key for key, _ in self.options]
        if self.current in keys:
            self.query_one("#choices", OptionList).highlighted = keys.index(self.current)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self._answer(event.option.id)

    def action_cancel(self) -> None:
        self._answer(None)

    def _answer(self, choice: str | None) -> None:
        # Dismissed first: the keys held go to the focus the dialog covered.
        self.dismiss(choice)
        type_again(self, self._typed_blind)


class ConfirmPreview(KeymapInPlace, ModalScreen[bool]):
    """Show what a fix would change in each segment; y applies, n or Escape cancels (as
    the keymap has them: ``preview.apply``, ``preview.cancel``)."""

    DEFAULT_CSS = (
        DIALOG_CSS.format(name="ConfirmPreview")
        + """
    ConfirmPreview VerticalScroll { height: auto; max-height: 45vh; }
    ConfirmPreview .dialog-title { max-height: 25vh; }
    ConfirmPreview .dialog-help { dock: bottom; }
    ConfirmPreview .before { color: $error; }
    ConfirmPreview .after { color: $success; }
    """
    )
    BINDINGS: ClassVar[list[BindingType]] = textual_bindings("preview")  # type: ignore[assignment]

    def __init__(self, title: str, rows: Sequence[tuple[str, str, str]]) -> None:
        super().__init__()
        self.title_text = title
        self.rows = rows

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self.title_text, classes="dialog-title")
            with VerticalScroll():
                for segment_id, before, after in self.rows:
                    yield Label(f"[b]{segment_id}[/b]", markup=True)
                    yield Static(f"- {before}", classes="before", markup=False)
                    yield Static(f"+ {after}", classes="after", markup=False)
            # Docked at the foot of the box: at 80x24 a preview of a few long segments
            # pushed the question and its keys below the screen's edge.
            apply, cancel = (
                shown_key(self.app, name) for name in ("preview.apply", "preview.cancel")
            )
            yield Label(
                f"{len(self.rows)} segment(s).  {apply}: apply   {cancel}: cancel",
                classes="dialog-help",
                markup=False,
            )

    def action_answer(self, apply: bool) -> None:
        from termwise.tui.app import ReviewApp

        app = self.app
        if apply and isinstance(app, ReviewApp):
            # Another program's save, held while the preview was open, is merged first: a
            # segment it rewrote got the fix at the old text's offsets, without a word.
            app.merge_held_changes()
            outdated = app.outdated_in_preview(self.rows)
            if outdated:
                places = named_rows(outdated, app.session.row_index, limit=4)
                app.notify(
                    f"Fix not applied: another program changed {places} "
                    "while the preview was open. Look at the issue again.",
                    severity="warning",
                    timeout=12,
                )
                self.dismiss(False)
                return
        self.dismiss(apply)


class AddTerm(TakesTypeAhead, KeymapInPlace, ModalScreen[tuple[str, str, str, str] | None]):
    """Add a term: (concept id, language, status, text).

    The status offered is the one ``termwise glossary add`` would give (the session's
    ``default_term_status``): preferred for a new concept or a concept's first term in the
    language, deprecated for a further variant. It follows the concept and language typed
    until the translator types a status of their own. "preferred" was offered for every
    term, and a second preferred term made MT and the checks disagree with the glossary."""

    DEFAULT_CSS = DIALOG_CSS.format(name="AddTerm")
    BINDINGS: ClassVar[list[BindingType]] = textual_bindings("dialog")  # type: ignore[assignment]

    def __init__(self, text: str, concept: str, lang: str) -> None:
        super().__init__()
        self.initial = (text, concept, lang)
        # The status last offered: while the field still says it, the translator chose none.
        self._offered = ""

    def _default_status(self, concept: str, lang: str) -> str | None:
        """The status ``glossary add`` gives such a term (None: no session, or no language
        in the field yet)."""
        from termwise.languages import LanguageError
        from termwise.tui.app import ReviewApp

        app = self.app
        if not isinstance(app, ReviewApp) or not app.opened:
            return None
        try:
            return app.session.default_term_status(concept, lang).value
        except LanguageError:
            return None

    def compose(self) -> ComposeResult:
        text, concept, lang = self.initial
        self._offered = self._default_status(concept, lang) or "preferred"
        with Vertical():
            yield Label("Add a term to the glossary", classes="dialog-title")
            yield Label("Term")
            yield TextInput(text, id="term-text")
            yield Label("Concept id (an existing one, or a new id)")
            yield TextInput(concept, id="term-concept")
            yield Label("Language (BCP 47)")
            yield TextInput(lang, id="term-lang")
            yield Label(
                "Status: preferred, admitted, deprecated or superseded (offered: preferred "
                "for a concept's first term in the language, deprecated for a further variant)"
            )
            yield TextInput(self._offered, id="term-status")
            cancel = shown_key(self.app, "dialog.cancel")
            yield Label(
                f"Enter in the last field: add   {cancel}: cancel",
                classes="dialog-help",
                markup=False,
            )

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id not in ("term-concept", "term-lang"):
            return
        status = self.query_one("#term-status", Input)
        if status.value.strip() != self._offered:
            return  # the translator's own choice stays
        concept, lang = (
            self.query_one(f"#term-{name}", Input).value for name in ("concept", "lang")
        )
        offered = self._default_status(concept, lang)
        if offered is not None and offered != self._offered:
            self._offered = offered
            status.value = offered

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id != "term-status":
            self.focus_next()
            return
        values = [
            self.query_one(f"#term-{name}", Input).value.strip()
            for name in ("concept", "lang", "status", "text")
        ]
        self.dismiss((values[0], values[1], values[2], values[3]))

    def action_cancel(self) -> None:
        self.dismiss(None)
