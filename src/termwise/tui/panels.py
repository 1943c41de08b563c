"""Side panels: the current segment's concepts, the document's issues, the glossary."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Input, OptionList, Static, Tree
from textual.widgets.option_list import Option

from termwise import languages
from termwise.tui.keymap import textual_bindings

if TYPE_CHECKING:
    from termwise.checks.issue import Issue
    from termwise.glossary.model import Concept, Glossary, Term


def describe_concept(concept: Concept, langs: Sequence[str]) -> Text:
    """A concept as the side panel shows it: definition, then each language's renderings."""
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
        for term in concept.terms(lang):
            official = term.status.is_official
            text.append("  ✓ " if official else "  ✗ ", style="green" if official else "yellow")
            text.append(term.text, style="bold" if official else "yellow")
            text.append(f"  {term.status.value}", style="dim")
            if term.used_until:
                text.append(f" until {term.used_until}", style="dim")
            text.append("\n")
            if term.source:
                text.append(f"      {term.source}\n", style="dim italic")
            if term.usage_note:
                text.append(f"      {term.usage_note}\n", style="dim")
    return text


class ConceptPanel(Vertical):
    """The concepts found in the selected segment, with details of the highlighted one."""

    DEFAULT_CSS = """
    ConceptPanel > OptionList { height: auto; max-height: 8; }
    ConceptPanel > VerticalScroll { height: 1fr; }
    """

    def __init__(self, langs: Sequence[str], **kwargs: str) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.langs = list(langs)
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
            preferred = concept.preferred(self.langs[-1]) or concept.preferred(self.langs[0])
            label = f"{concept.id}  {preferred.text if preferred else ''}"
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
        details.update(describe_concept(self.concepts[index], self.langs))


class IssuesPanel(Vertical):
    """The document's issues grouped by check and concept; jump, fix, ignore."""

    BINDINGS: ClassVar[list[BindingType]] = textual_bindings("issues")  # type: ignore[assignment]
    DEFAULT_CSS = """
    IssuesPanel > #issues-summary { height: 1; color: $text-muted; }
    IssuesPanel > Tree { height: 1fr; }
    """

    class Jump(Message):
        def __init__(self, issue: Issue) -> None:
            super().__init__()
            self.issue = issue

    class Fix(Message):
        def __init__(self, issue: Issue, everywhere: bool) -> None:
            super().__init__()
            self.issue = issue
            self.everywhere = everywhere

    class Ignore(Message):
        def __init__(self, issue: Issue) -> None:
            super().__init__()
            self.issue = issue

    def __init__(self, **kwargs: str) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._collapsed: set[str] = set()
        # Issues changed while the panel was hidden: rebuild when it is shown.
        self.stale = True
        self._signature: tuple[tuple[str, str, str, str, int], ...] = ()

    def compose(self) -> ComposeResult:
        yield Static("Checking…", id="issues-summary")
        tree: Tree[Issue | None] = Tree("Issues", id="issues-tree")
        tree.show_root = False
        yield tree

    def show(self, issues: Sequence[Issue], position: dict[str, int]) -> None:
        """Rebuild the tree, keeping which groups were open."""
        self.stale = False
        signature = tuple(_issue_key(issue) for issue in issues)
        tree: Tree[Issue | None] = self.query_one("#issues-tree", Tree)
        if signature == self._signature and tree.root.children:
            return
        self._signature = signature
        # A recheck must not move the translator's place in the list.
        current = self.current
        keep = _issue_key(current) if current is not None else None
        # Groups open unless the translator closed them.
        for node in tree.root.children:
            name = str(node.label).split(" (")[0]
            if node.is_expanded:
                self._collapsed.discard(name)
            else:
                self._collapsed.add(name)
        tree.clear()
        groups: dict[str, dict[str, list[Issue]]] = {}
        for issue in sorted(issues, key=lambda i: (i.check, position.get(i.segment_id, 0))):
            groups.setdefault(issue.check, {}).setdefault(issue.concept or "", []).append(issue)
        for check, by_concept in groups.items():
            count = sum(len(items) for items in by_concept.values())
            node = tree.root.add(f"{check} ({count})", data=None)
            for concept, items in by_concept.items():
                parent = node.add(f"{concept} ({len(items)})", data=None) if concept else node
                for issue in items:
                    label = Text()
                    label.append(f"#{position.get(issue.segment_id, 0) + 1} ", style="dim")
                    label.append(f"{issue.side}: ", style="dim")
                    if issue.text:
                        label.append(issue.text, style="bold")
                    else:
                        label.append(issue.message, style="italic")
                    if issue.suggestion:
                        label.append(" → ")
                        label.append(issue.suggestion, style="green")
                    if issue.fix is not None:
                        label.append(" [fix]", style="cyan")
                    parent.add_leaf(label, data=issue)
                if concept:
                    parent.expand()
            if check not in self._collapsed:
                node.expand()
        if keep is not None:
            self.call_after_refresh(self._restore_cursor, keep)
        summary = self.query_one("#issues-summary", Static)
        summary.update(f"{len(issues)} issue(s) in {len(groups)} check(s)")

    def _restore_cursor(self, key: tuple[str, str, str, str, int]) -> None:
        tree: Tree[Issue | None] = self.query_one("#issues-tree", Tree)
        for line in range(tree.last_line + 1):
            node = tree.get_node_at_line(line)
            if node is not None and node.data is not None and _issue_key(node.data) == key:
                tree.move_cursor(node)
                return

    @property
    def current(self) -> Issue | None:
        tree: Tree[Issue | None] = self.query_one("#issues-tree", Tree)
        node = tree.cursor_node
        return node.data if node is not None else None

    def select_issue_of(self, segment_id: str | None) -> bool:
        """Put the tree cursor on the segment's first issue.

        A terminology issue with a fix comes first, then any issue with a fix, then any.
        """
        tree: Tree[Issue | None] = self.query_one("#issues-tree", Tree)
        nodes = [tree.get_node_at_line(line) for line in range(tree.last_line + 1)]
        leaves = [node for node in nodes if node is not None and node.data is not None]
        for need_fix, need_concept in ((True, True), (True, False), (False, False)):
            for node in leaves:
                issue = node.data
                assert issue is not None
                if (
                    issue.segment_id == segment_id
                    and (issue.fix is not None or not need_fix)
                    and (issue.concept is not None or not need_concept)
                ):
                    tree.move_cursor(node)
                    return True
        return False

    def on_tree_node_selected(self, event: Tree.NodeSelected[Issue | None]) -> None:
        if event.node.data is not None:
            self.post_message(self.Jump(event.node.data))

    def action_jump(self) -> None:
        if self.current is not None:
            self.post_message(self.Jump(self.current))

    def action_fix(self) -> None:
        if self.current is not None:
            self.post_message(self.Fix(self.current, everywhere=False))

    def action_fix_everywhere(self) -> None:
        if self.current is not None:
            self.post_message(self.Fix(self.current, everywhere=True))

    def action_ignore(self) -> None:
        if self.current is not None:
            self.post_message(self.Ignore(self.current))


def _issue_key(issue: Issue) -> tuple[str, str, str, str, int]:
    return (issue.check, issue.segment_id, issue.side, issue.text, issue.start)


class GlossaryPanel(Vertical):
    """Search the glossary; add a term; change a term's status."""

    BINDINGS: ClassVar[list[BindingType]] = textual_bindings("glossary")  # type: ignore[assignment]
    DEFAULT_CSS = """
    GlossaryPanel > OptionList { height: 1fr; }
    """

    class AddTerm(Message):
        """Add a term (the app knows the selected text)."""

    class EditStatus(Message):
        def __init__(self, concept: Concept, term: Term) -> None:
            super().__init__()
            self.concept = concept
            self.term = term

    def __init__(self, **kwargs: str) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.glossary: Glossary | None = None
        self.entries: list[tuple[Concept, Term]] = []

    def compose(self) -> ComposeResult:
        yield Input(placeholder="Search the glossary", id="glossary-search")
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

    def on_input_changed(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @property
    def current(self) -> tuple[Concept, Term] | None:
        index = self.query_one("#glossary-terms", OptionList).highlighted
        if index is None or not 0 <= index < len(self.entries):
            return None
        return self.entries[index]

    def action_add_term(self) -> None:
        self.post_message(self.AddTerm())

    def action_edit_status(self) -> None:
        if self.current is not None:
            self.post_message(self.EditStatus(*self.current))
