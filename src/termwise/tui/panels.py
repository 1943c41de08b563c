"""Side panels: the current segment's concepts, the document's issues, the glossary."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Input, OptionList, Static, Tree
from textual.widgets.option_list import Option
from textual.widgets.tree import TreeNode

from termwise import languages
from termwise.checks.issue import Issue
from termwise.tui.keymap import textual_bindings

if TYPE_CHECKING:
    from termwise.glossary.model import Concept, Glossary, Term
    from termwise.review.fixes import FixScope


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
            if term.fix_by_hand:
                text.append(f"      fix by hand: {term.fix_by_hand}\n", style="dim")
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
        def __init__(self, issue: Issue, scope: FixScope = "here") -> None:
            super().__init__()
            self.issue = issue
            self.scope: FixScope = scope

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
        self._position: dict[str, int] = {}
        # (check, concept) → the group's node and its pages of issues.
        self._pages: dict[tuple[str, str], tuple[TreeNode[IssueNode], IssuePage]] = {}

    def compose(self) -> ComposeResult:
        yield Static("Checking…", id="issues-summary")
        tree: Tree[IssueNode] = Tree("Issues", id="issues-tree")
        tree.show_root = False
        yield tree

    def show(self, issues: Sequence[Issue], position: dict[str, int]) -> None:
        """Rebuild the tree, keeping which groups were open."""
        self.stale = False
        signature = tuple(_issue_key(issue) for issue in issues)
        tree: Tree[IssueNode] = self.query_one("#issues-tree", Tree)
        if signature == self._signature and tree.root.children:
            return
        self._signature = signature
        self._position = position
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
        self._pages = {}
        for check, by_concept in groups.items():
            count = sum(len(items) for items in by_concept.values())
            node = tree.root.add(f"{check} ({count})", data=None)
            for concept, items in by_concept.items():
                parent = node.add(f"{concept} ({len(items)})", data=None) if concept else node
                page = IssuePage(items)
                self._pages[(check, concept)] = (parent, page)
                self._show_more(parent, page)
                if concept:
                    parent.expand()
            if check not in self._collapsed:
                node.expand()
        if keep is not None:
            self.call_after_refresh(self._restore_cursor, keep)
        summary = self.query_one("#issues-summary", Static)
        summary.update(f"{len(issues)} issue(s) in {len(groups)} check(s)")

    def _show_more(self, parent: TreeNode[IssueNode], page: IssuePage) -> None:
        """Add the group's next page of issues (a book can have tens of thousands: a tree
        of all of them would take seconds to build and a hundred megabytes to hold)."""
        if page.more_node is not None:
            page.more_node.remove()
            page.more_node = None
        stop = min(len(page.issues), page.shown + ISSUES_PER_PAGE)
        for issue in page.issues[page.shown : stop]:
            parent.add_leaf(self._label(issue), data=issue)
        page.shown = stop
        left = len(page.issues) - stop
        if left:
            label = Text(f"… {left} more (Enter: show {min(left, ISSUES_PER_PAGE)})", style="dim")
            page.more_node = parent.add_leaf(label, data=page)

    def _label(self, issue: Issue) -> Text:
        label = Text()
        label.append(f"#{self._position.get(issue.segment_id, 0) + 1} ", style="dim")
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
        return label

    def _reveal(self, issue: Issue) -> TreeNode[IssueNode] | None:
        """The issue's node, adding pages of its group until it is shown."""
        found = self._pages.get((issue.check, issue.concept or ""))
        if found is None:
            return None
        parent, page = found
        index = next((n for n, item in enumerate(page.issues) if item is issue), None)
        if index is None:
            return None
        while page.shown <= index:
            self._show_more(parent, page)
        return next((node for node in parent.children if node.data is issue), None)

    def _move_cursor(self, tree: Tree[IssueNode], node: TreeNode[IssueNode]) -> None:
        # A node added by a page just now has no line until the tree has been redrawn.
        if node.line >= 0:
            tree.move_cursor(node)
        else:
            self.call_after_refresh(tree.move_cursor, node)

    def _restore_cursor(self, key: tuple[str, str, str, str, int]) -> None:
        tree: Tree[IssueNode] = self.query_one("#issues-tree", Tree)
        for _, page in self._pages.values():
            for issue in page.issues:
                if _issue_key(issue) == key:
                    node = self._reveal(issue)
                    if node is not None:
                        self._move_cursor(tree, node)
                    return

    @property
    def current(self) -> Issue | None:
        tree: Tree[IssueNode] = self.query_one("#issues-tree", Tree)
        node = tree.cursor_node
        data = node.data if node is not None else None
        return data if isinstance(data, Issue) else None

    def select_issue_of(self, segment_id: str | None) -> bool:
        """Put the tree cursor on the segment's first issue.

        A terminology issue with a fix comes first, then any issue with a fix, then any.
        """
        tree: Tree[IssueNode] = self.query_one("#issues-tree", Tree)
        mine = [
            issue
            for _, page in self._pages.values()
            for issue in page.issues
            if issue.segment_id == segment_id
        ]
        for need_fix, need_concept in ((True, True), (True, False), (False, False)):
            for issue in mine:
                if (issue.fix is not None or not need_fix) and (
                    issue.concept is not None or not need_concept
                ):
                    node = self._reveal(issue)
                    if node is not None:
                        self._move_cursor(tree, node)
                        return True
        return False

    def on_tree_node_selected(self, event: Tree.NodeSelected[IssueNode]) -> None:
        data = event.node.data
        if isinstance(data, Issue):
            self.post_message(self.Jump(data))
        elif isinstance(data, IssuePage) and event.node.parent is not None:
            self._show_more(event.node.parent, data)

    def action_jump(self) -> None:
        if self.current is not None:
            self.post_message(self.Jump(self.current))

    def action_fix(self) -> None:
        if self.current is not None:
            self.post_message(self.Fix(self.current, "here"))

    def action_fix_everywhere(self) -> None:
        if self.current is not None:
            self.post_message(self.Fix(self.current, "everywhere"))

    def action_fix_variants(self) -> None:
        if self.current is not None:
            self.post_message(self.Fix(self.current, "variants"))

    def action_ignore(self) -> None:
        if self.current is not None:
            self.post_message(self.Ignore(self.current))


ISSUES_PER_PAGE = 200


@dataclass(eq=False)
class IssuePage:
    """The issues of one group in the tree, and how many of them it shows so far."""

    issues: list[Issue]
    shown: int = 0
    more_node: TreeNode[IssueNode] | None = None


# What a node of the issues tree holds: an issue, a group's "more" leaf, or nothing (a group).
IssueNode = Issue | IssuePage | None


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
