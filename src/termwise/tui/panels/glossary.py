"""The glossary panel: search the glossary, add a term, change a term's status."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from termwise.errors import TermwiseError
from termwise.tui.dialogs import TextInput
from termwise.tui.keymap import shown_key, textual_bindings
from termwise.tui.typeahead import hand_over

if TYPE_CHECKING:
    from termwise.glossary.model import Concept, Glossary, Term
    from termwise.review.session import ReviewSession


class GlossarySearch(TextInput):
    """The glossary's search field, where Down goes to the terms (``glossary.to_terms``):
    bound here, and not only on the panel, so that the footer shows it (the field's own Down,
    which scrolls nothing, hid the panel's)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *TextInput.BINDINGS,
        *cast(
            "list[BindingType]",
            [
                b
                for b in textual_bindings("glossary")
                if getattr(b, "id", "") == "glossary.to_terms"
            ],
        ),
    ]

    def action_to_terms(self) -> None:
        for node in self.ancestors:
            if isinstance(node, GlossaryPanel):
                node.action_to_terms()
                return


class GlossaryPanel(Vertical):
    """Search the glossary; add a term; change a term's status.

    Its keys ask with ``AddTerm`` and ``EditStatus`` (the app knows the editor's selection
    and asks the translator); :meth:`add_term` and :meth:`set_status` write the glossary
    file and announce it with ``Changed``.
    """

    BINDINGS: ClassVar[list[BindingType]] = textual_bindings("glossary")  # type: ignore[assignment]
    DEFAULT_CSS = """
    GlossaryPanel > OptionList { height: 1fr; }
    GlossaryPanel > #glossary-keys { color: $text-muted; padding: 0 1; }
    """

    class AddTerm(Message):
        """Add a term (the app knows the selected text): to ``concept``, the concept of the
        term the translator chose in the list, by searching for it or moving to it; None
        where they chose none (the app offers the segment's concept then). The list
        highlights its first term by itself: taken as chosen, every term went to the
        glossary's first concept."""

        def __init__(self, concept: Concept | None) -> None:
            super().__init__()
            self.concept = concept

    class EditStatus(Message):
        def __init__(self, concept: Concept, term: Term) -> None:
            super().__init__()
            self.concept = concept
            self.term = term

    class Changed(Message):
        """The glossary file was written: highlights and checks follow it."""

        def __init__(self, message: str) -> None:
            super().__init__()
            self.message = message

    def __init__(self, session: ReviewSession, **kwargs: str) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.session = session
        self.glossary: Glossary | None = None
        self.entries: list[tuple[Concept, Term]] = []
        # The search the list shows, and the term it highlighted by itself (``chosen``).
        self._query = ""
        self._highlighted_by_fill: int | None = None

    def compose(self) -> ComposeResult:
        # The panel's keys work in the list of terms (in the search field a letter is
        # typed): the line under the field says how to get there and what they do, and it
        # wraps where the panel is narrow (at 80 columns the placeholder's "(Down: the
        # terms)" was cut, and the footer has no room for them).
        yield GlossarySearch(placeholder="Search the glossary", id="glossary-search")
        down, add, status = (
            shown_key(self.app, name)
            for name in ("glossary.to_terms", "glossary.add", "glossary.status")
        )
        yield Static(
            f"{down}: to the terms · {add}: add a term · {status}: its status",
            id="glossary-keys",
            markup=False,
        )
        yield OptionList(id="glossary-terms")

    def show(self, glossary: Glossary | None, query: str | None = None) -> None:
        self.glossary = glossary
        search = self.query_one("#glossary-search", Input)
        self._fill(search.value if query is None else query)

    def _fill(self, query: str) -> None:
        options = self.query_one("#glossary-terms", OptionList)
        previous = options.highlighted
        options.clear_options()
        self.entries = []
        if self.glossary is None:
            options.add_option(Option("No glossary in this project (glossary/).", disabled=True))
            return
        folded = query.casefold().strip()
        for concept in self.glossary.concepts:
            haystack = " ".join(
                [concept.id, concept.definition or "", *(t.text for t in concept.terms())]
            ).casefold()
            if folded and folded not in haystack:
                continue
            for term in concept.terms():
                label = Text()
                label.append(f"{concept.id} ", style="bold")
                label.append(f"{term.lang} ", style="dim")
                label.append(term.text, style="" if term.status.is_official else "yellow")
                label.append(f"  {term.status.value}", style="dim")
                options.add_option(Option(label))
                self.entries.append((concept, term))
        if self.entries:
            options.highlighted = min(previous or 0, len(self.entries) - 1)
        self._query = folded
        self._highlighted_by_fill = options.highlighted

    def on_input_changed(self, event: Input.Changed) -> None:
        self._fill(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_to_terms()

    def action_to_terms(self) -> None:
        """From the search field to the terms it found, where the panel's keys work."""
        self.query_one("#glossary-terms", OptionList).focus()
        hand_over(self)  # the keys typed after this one, to the terms

    @property
    def current(self) -> tuple[Concept, Term] | None:
        index = self.query_one("#glossary-terms", OptionList).highlighted
        if index is None or not 0 <= index < len(self.entries):
            return None
        return self.entries[index]

    @property
    def chosen(self) -> tuple[Concept, Term] | None:
        """The highlighted term where the translator searched for it or moved to it."""
        highlighted = self.query_one("#glossary-terms", OptionList).highlighted
        if not self._query and highlighted == self._highlighted_by_fill:
            return None
        return self.current

    def action_add_term(self) -> None:
        chosen = self.chosen
        self.post_message(self.AddTerm(chosen[0] if chosen is not None else None))

    def action_edit_status(self) -> None:
        if self.current is not None:
            self.post_message(self.EditStatus(*self.current))

    def add_term(self, answer: tuple[str, str, str, str] | None) -> None:
        """Add the term the translator entered (concept, language, status, text)."""
        if answer is None:
            return
        said: list[str] = []
        try:
            path = self.session.add_term(*answer, tell=said.append)
        except (TermwiseError, ValueError) as error:
            self.notify(f"Term not added: {error}", severity="error")
            self.show(self.session.glossary)
            return
        self.post_message(self.Changed(f"Added {answer[3]!r} to {answer[0]} in {path}"))
        tell(self, said)

    def set_status(self, concept: Concept, term: Term, status: str) -> None:
        said: list[str] = []
        try:
            path = self.session.set_term_status(concept, term, status, tell=said.append)
        except (TermwiseError, ValueError) as error:
            # The glossary was read again: the list shows it as it is now.
            self.notify(f"Status not changed: {error}", severity="error")
            self.show(self.session.glossary)
            return
        self.post_message(self.Changed(f"{term.text!r} is now {status} ({path})"))
        tell(self, said)


def tell(widget: Widget, lines: list[str]) -> None:
    """Show what a glossary edit had to say (``recording.Tell``'s lines), a toast each: the
    command line prints them on standard error, which the workbench hides."""
    for line in lines:
        warning = line.startswith("warning: ")
        text = line.removeprefix("warning: ").removeprefix("note: ")
        widget.notify(text, severity="warning" if warning else "information", timeout=10)
