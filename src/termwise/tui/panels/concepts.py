"""The concepts panel: the glossary concepts found in the current segment, with details."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from termwise import languages
from termwise.glossary.model import chosen_term

if TYPE_CHECKING:
    from termwise.glossary.model import Concept


def describe_concept(
    concept: Concept, langs: Sequence[str], chosen: Mapping[str, str] | None = None
) -> Text:
    """A concept as the side panel shows it: definition, then each language's renderings,
    the one the project chose (``chosen``, termwise.toml's ``[mt.terms]``) marked as such:
    it, not the preferred term, is what MT, the checks and Ctrl+G use."""
    text = Text()
    text.append(concept.id, style="bold")
    if concept.subject_field:
        text.append(f"  {concept.subject_field}", style="dim")
    text.append("\n")
    if concept.definition:
        text.append(concept.definition + "\n")
    for note in concept.notes:
        text.append(note + "\n", style="italic dim")
    shown = [lang for lang in langs if concept.terms(lang)]
    shown += [lang for lang in concept.languages() if lang not in shown]
    for lang in shown:
        text.append(f"\n{languages.display_name(lang)} ({lang})\n", style="bold underline")
        picked = chosen_term(concept.id, concept.terms(lang), chosen or {})
        for term in concept.terms(lang):
            official = term.status.is_official
            text.append("  ✓ " if official else "  ✗ ", style="green" if official else "yellow")
            text.append(term.text, style="bold" if official else "yellow")
            text.append(f"  {term.status.value}", style="dim")
            if term is picked:
                text.append("  the project's choice", style="bold green")
            if term.used_until:
                text.append(f" until {term.used_until}", style="dim")
            text.append("\n")
            if term.source:
                text.append(f"      {term.source}\n", style="dim italic")
            if term.usage_note:
                text.append(f"      {term.usage_note}\n", style="dim")
            if term.fix_by_hand:
                text.append(f"      fix by hand: {term.fix_by_hand}\n", style="dim")
    return text


class ConceptPanel(Vertical):
    """The concepts found in the selected segment, with details of the highlighted one."""

    DEFAULT_CSS = """
    ConceptPanel > OptionList { height: auto; max-height: 8; }
    ConceptPanel > VerticalScroll { height: 1fr; }
    """

    def __init__(
        self, langs: Sequence[str], chosen: Mapping[str, str] | None = None, **kwargs: str
    ) -> None:
        """``chosen``: the renderings the project chose (``CheckConfig.chosen_terms``)."""
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.langs = list(langs)
        self.chosen = dict(chosen or {})
        self.concepts: list[Concept] = []

    def compose(self) -> ComposeResult:
        yield OptionList(id="concept-list")
        with VerticalScroll():
            yield Static("No glossary concept in this segment.", id="concept-details")

    def show(self, concepts: Sequence[Concept]) -> None:
        self.concepts = list(concepts)
        options = self.query_one("#concept-list", OptionList)
        options.clear_options()
        for concept in concepts:
            shown = concept.rendering(self.langs[-1], self.chosen) or concept.rendering(
                self.langs[0], self.chosen
            )
            label = f"{concept.id}  {shown.text if shown else ''}"
            options.add_option(Option(label, id=concept.id))
        if concepts:
            options.highlighted = 0
        self._details(0)

    @property
    def selected(self) -> Concept | None:
        options = self.query_one("#concept-list", OptionList)
        index = options.highlighted
        if index is None or not 0 <= index < len(self.concepts):
            return self.concepts[0] if self.concepts else None
        return self.concepts[index]

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._details(event.option_index)

    def _details(self, index: int) -> None:
        details = self.query_one("#concept-details", Static)
        if not self.concepts:
            details.update("No glossary concept in this segment.")
            return
        details.update(describe_concept(self.concepts[index], self.langs, self.chosen))
