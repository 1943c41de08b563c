"""The issues panel: the document's issues grouped by check and concept; jump, fix, ignore.

Groups come worst first (errors, then warnings, then notes; by check within a severity), as
in the HTML report, so that the one error of a document is not listed after a hundred
spelling warnings; ``issues.next_error`` goes from error to error. A tree line is cut at the
panel's width, so the line under the tree shows the current issue whole.

An issue's offsets hold only in the text its check run was handed: an edited segment's
issues are marked "changed since checked" at once (a fix of one is refused until the next
run, a pause in typing away, is in), and a fix everywhere says how many it left out so.
Until the first run is in, the panel says "Checking…", not that there are no issues.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Static, Tree
from textual.widgets.tree import TreeNode

from termwise.atomic import backup_path
from termwise.checks.issue import Issue, Severity
from termwise.errors import TermwiseError
from termwise.tui.dialogs import AskText, Choose, ConfirmPreview
from termwise.tui.keymap import shown_key, textual_bindings

if TYPE_CHECKING:
    from termwise.review.changes import Change
    from termwise.review.fixes import FixPlan, FixScope
    from termwise.review.session import ReviewSession


class IssuesPanel(Vertical):
    """The document's issues grouped by check and concept; jump, fix, ignore.

    Its keys ask for a jump, a fix or an ignore with ``Jump``, ``Fix`` and ``Ignore``; the
    app routes the last two back to :meth:`fix` and :meth:`ignore`, which do the work and
    announce it with ``Fixed`` and ``Ignored``.
    """

    BINDINGS: ClassVar[list[BindingType]] = textual_bindings("issues")  # type: ignore[assignment]
    DEFAULT_CSS = """
    IssuesPanel > #issues-summary { height: 1; color: $text-muted; }
    IssuesPanel > Tree { height: 1fr; min-height: 3; }
    IssuesPanel > #issue-detail {
        height: auto; max-height: 55%; border-top: solid $panel-lighten-2; padding: 0 1;
    }
    """

    class Jump(Message):
        """Go to the issue's segment; ``focus``: and work there (Enter), rather than stay
        in the panel to go on from issue to issue (``issues.next_error``)."""

        def __init__(self, issue: Issue, *, focus: bool = False) -> None:
            super().__init__()
            self.issue = issue
            self.focus = focus

    class Fix(Message):
        def __init__(self, issue: Issue, scope: FixScope = "here") -> None:
            super().__init__()
            self.issue = issue
            self.scope: FixScope = scope

    class Ignore(Message):
        def __init__(self, issue: Issue, everywhere: bool = False) -> None:
            super().__init__()
            self.issue = issue
            # Every issue of the same check on the same text (``issues_like``), at once.
            self.everywhere = everywhere

    class Fixed(Message):
        """A fix was applied as one undoable change."""

        def __init__(self, change: Change) -> None:
            super().__init__()
            self.change = change

    class Ignored(Message):
        """An issue was dismissed as a false alarm, with the translator's reason."""

    class CheckTurnedOff(Message):
        """A check was turned off for the project: its issues are gone."""

    def __init__(self, session: ReviewSession, **kwargs: str) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.session = session
        self._collapsed: set[str] = set()
        # Issues changed while the panel was hidden: rebuild when it is shown.
        self.stale = True
        self._signature: tuple[tuple[str, str, str, str, int], ...] = ()
        self._position: dict[str, int] = {}
        # (check, concept) → the group's node and its pages of issues.
        self._pages: dict[tuple[str, str], tuple[TreeNode[IssueNode], IssuePage]] = {}
        # The segment the panel was asked to open on while it listed nothing yet (F8 before
        # the first check run was in): its issue gets the cursor once the issues come. The
        # tree was rebuilt with no cursor, its detail empty, and the fix key did nothing.
        self._opening_on: str | None = None
        # The issues listed, by segment, and the nodes shown for them (by ``id``): an edit
        # marks its segment's issues changed at once, without rebuilding the tree.
        self._by_segment: dict[str, list[Issue]] = {}
        self._issue_nodes: dict[int, TreeNode[IssueNode]] = {}
        # The issues listed whose segments changed since the check run that found them
        # (by ``id``): shown dimmed, "changed since checked", until the next run is in.
        self._changed: set[int] = set()
        self._groups = 0
        # The last check run failed: "Checking…" would have waited for it forever.
        self._failed = False

    def compose(self) -> ComposeResult:
        yield Static("Checking…", id="issues-summary")
        tree: Tree[IssueNode] = Tree("Issues", id="issues-tree")
        tree.show_root = False
        yield tree
        yield Static("", id="issue-detail")

    def show(self, issues: Sequence[Issue], position: dict[str, int]) -> None:
        """Rebuild the tree, keeping which groups were open."""
        self.stale = False
        signature = tuple(_issue_key(issue) for issue in issues)
        tree: Tree[IssueNode] = self.query_one("#issues-tree", Tree)
        if signature == self._signature and tree.root.children:
            # The same issues, but a segment may have been edited while the panel was hidden.
            self.mark_changed()
            return
        self._signature = signature
        self._position = position
        self._by_segment = {}
        for issue in issues:
            self._by_segment.setdefault(issue.segment_id, []).append(issue)
        self._issue_nodes = {}
        self._changed = {id(issue) for issue in issues if not self.session.checked_as_now(issue)}
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
        for issue in worst_first(issues, position):
            groups.setdefault(issue.check, {}).setdefault(issue.concept or "", []).append(issue)
        self._pages = {}
        for check, by_concept in groups.items():
            count = sum(len(items) for items in by_concept.values())
            severity = next(iter(by_concept.values()))[0].severity.value
            label = Text(f"{check} ({count}) ")
            label.append(severity, style=_SEVERITY_STYLE.get(severity, "dim"))
            node = tree.root.add(label, data=None)
            for concept, items in by_concept.items():
                parent = node.add(f"{concept} ({len(items)})", data=None) if concept else node
                page = IssuePage(items)
                self._pages[(check, concept)] = (parent, page)
                self._show_more(parent, page)
                if concept:
                    parent.expand()
            if check not in self._collapsed:
                node.expand()
        wanted, self._opening_on = self._opening_on, None
        if keep is not None:
            self.call_after_refresh(self._restore_cursor, keep)
        elif wanted is not None:
            self.call_after_refresh(self.select_issue_of, wanted)
        # The detail follows the new tree: it showed an issue just fixed or ignored.
        self.call_after_refresh(self._refresh_detail)
        self._groups = len(groups)
        self._failed = False
        self._show_summary()

    def _show_summary(self) -> None:
        """The count of issues, or that there is none yet: before the first check run is in,
        the session lists none because none was looked for ("0 issue(s)" said the document
        was clean while it was being checked)."""
        summary = self.query_one("#issues-summary", Static)
        if not self.session.issues_in:
            summary.update("Checks failed; see the message" if self._failed else "Checking…")
            return
        text = f"{len(self._signature)} issue(s) in {self._groups} check(s)"
        if self._changed:
            text += f"; {len(self._changed)} changed since checked"
        summary.update(text)

    def check_failed(self) -> None:
        """A check run failed (its error was told): until one is in, say so."""
        self._failed = True
        self._show_summary()

    def mark_changed(self, segment_ids: Iterable[str] | None = None) -> None:
        """Mark the listed issues of ``segment_ids`` (None: of every segment) changed since
        checked, or fresh again (an undo), as their texts now read: at once, where the next
        check run is a pause in typing away, and a fix of them is refused till it is in."""
        if segment_ids is None:
            issues: Iterable[Issue] = (i for items in self._by_segment.values() for i in items)
        else:
            issues = (i for sid in set(segment_ids) for i in self._by_segment.get(sid, ()))
        flipped = False
        for issue in issues:
            changed = not self.session.checked_as_now(issue)
            if changed == (id(issue) in self._changed):
                continue
            flipped = True
            if changed:
                self._changed.add(id(issue))
            else:
                self._changed.discard(id(issue))
            node = self._issue_nodes.get(id(issue))
            if node is not None:
                node.set_label(self._label(issue))
        if flipped:
            self._show_summary()
            self._refresh_detail()

    def _show_more(self, parent: TreeNode[IssueNode], page: IssuePage) -> None:
        """Add the group's next page of issues (a book can have tens of thousands: a tree
        of all of them would take seconds to build and a hundred megabytes to hold)."""
        if page.more_node is not None:
            page.more_node.remove()
            page.more_node = None
        stop = min(len(page.issues), page.shown + ISSUES_PER_PAGE)
        for issue in page.issues[page.shown : stop]:
            self._issue_nodes[id(issue)] = parent.add_leaf(self._label(issue), data=issue)
        page.shown = stop
        left = len(page.issues) - stop
        if left:
            label = Text(f"… {left} more (Enter: show {min(left, ISSUES_PER_PAGE)})", style="dim")
            page.more_node = parent.add_leaf(label, data=page)

    def _label(self, issue: Issue) -> Text:
        label = Text()
        label.append(f"#{self._position.get(issue.segment_id, 0) + 1} ", style="dim")
        if id(issue) in self._changed:
            # First, where a cut line keeps it: the words after it are no longer the text's.
            label.append(f"{CHANGED} · ", style="italic")
            label.append(f"{issue.side}: {issue.text or issue.message}")
            label.stylize("dim")
            return label
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

    def _refresh_detail(self) -> None:
        node = self.query_one("#issues-tree", Tree).cursor_node
        self._show_detail(node.data if node is not None else None)

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
        """Put the tree cursor on the segment's issue (``issue_to_open``); while the panel
        lists nothing yet, once the issues come. Whether the segment has one: where it has
        none and no issue is under the cursor, the list's first gets it, so that the detail
        shows an issue and the panel's keys act on one (they did nothing, silently)."""
        if not self._pages:
            self._opening_on = segment_id
            return False
        listed = [issue for _, page in self._pages.values() for issue in page.issues]
        issue = issue_to_open([issue for issue in listed if issue.segment_id == segment_id])
        found = issue is not None
        if issue is None and self.current is None:
            issue = listed[0] if listed else None
        node = self._reveal(issue) if issue is not None else None
        if node is not None:
            self._move_cursor(self.query_one("#issues-tree", Tree), node)
        return found

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted[IssueNode]) -> None:
        self._show_detail(event.node.data)

    def _show_detail(self, data: IssueNode) -> None:
        """The current issue whole: the tree's line is cut at the panel's width."""
        detail = self.query_one("#issue-detail", Static)
        if not isinstance(data, Issue):
            detail.update("")
            return
        text = Text()
        text.append(f"{data.severity.value} ", style=_SEVERITY_STYLE.get(data.severity.value, ""))
        place = f"#{self._position.get(data.segment_id, 0) + 1}"
        text.append(f"{data.check}  {place} {data.side}\n")
        if id(data) in self._changed:
            # Why a fix is refused, before the key is pressed.
            side = "translation" if data.side == "target" else "source"
            text.append(
                f"{CHANGED}: the {side} of {place} was edited after this was found; "
                "the checks run again at the next pause\n",
                style="bold yellow",
            )
        if data.text:
            text.append(data.text, style="bold")
            if data.suggestion:
                text.append(" → ")
                text.append(data.suggestion, style="green")
            text.append("\n")
        text.append(data.message)
        if data.fix is not None and id(data) not in self._changed:
            text.append(f"  [{shown_key(self.app, 'issues.fix')}: fix]", style="cyan")
        detail.update(text)

    def action_next_error(self) -> None:
        """Go to the next error after the current issue (wrapping), and to its segment."""
        errors = [
            issue
            for _, page in self._pages.values()
            for issue in page.issues
            if issue.severity is Severity.ERROR
        ]
        if not errors:
            self.notify("No errors: only warnings and notes are left.")
            return
        current = self.current
        after = 0
        if current is not None and current in errors:
            after = (errors.index(current) + 1) % len(errors)
        target = errors[after]
        node = self._reveal(target)
        if node is not None:
            self._move_cursor(self.query_one("#issues-tree", Tree), node)
        self._show_detail(target)
        self.post_message(self.Jump(target))

    def on_tree_node_selected(self, event: Tree.NodeSelected[IssueNode]) -> None:
        data = event.node.data
        if isinstance(data, Issue):
            self.post_message(self.Jump(data, focus=True))
        elif isinstance(data, IssuePage) and event.node.parent is not None:
            self._show_more(event.node.parent, data)

    def action_jump(self) -> None:
        if self.current is not None:
            self.post_message(self.Jump(self.current, focus=True))

    def _chosen(self) -> Issue | None:
        """The issue under the cursor, or None, said in a toast: the keys did nothing on a
        group's line, or in a list the checks had not filled yet, and looked broken."""
        current = self.current
        if current is None:
            self.notify("No issue under the cursor: choose one in the list.", severity="warning")
        return current

    def action_fix(self) -> None:
        chosen = self._chosen()
        if chosen is not None:
            self.post_message(self.Fix(chosen, "here"))

    def action_fix_everywhere(self) -> None:
        chosen = self._chosen()
        if chosen is not None:
            self.post_message(self.Fix(chosen, "everywhere"))

    def action_fix_variants(self) -> None:
        chosen = self._chosen()
        if chosen is not None:
            self.post_message(self.Fix(chosen, "variants"))

    def action_ignore(self) -> None:
        chosen = self._chosen()
        if chosen is not None:
            self.post_message(self.Ignore(chosen))

    def action_disable_check(self) -> None:
        """Turn the check of the issue (or group) under the cursor off for the project, after
        a question: Xbench and CheckMate keep a project's checklist, and termwise.toml is
        termwise's."""
        check = self._check_under_cursor()
        if check is None:
            return
        path = self.session.layout.config_path
        options = [
            ("off", f"Turn {check} off: add it to [checks] disable in {path}"),
            ("keep", "Keep it on"),
        ]

        def done(choice: str | None) -> None:
            if choice != "off":
                return
            try:
                self.session.disable_check(check)
            except (TermwiseError, OSError) as error:
                self.notify(f"Not turned off: {error}", severity="error", timeout=12)
                return
            self.notify(
                f"{check} is off in this project ({path}); remove it from [checks] disable "
                "to turn it on again."
            )
            self.post_message(self.CheckTurnedOff())

        self.app.push_screen(Choose(f"Turn the {check} check off for this project?", options), done)

    def _check_under_cursor(self) -> str | None:
        """The check of the issue under the cursor, or of the group whose node it is on."""
        current = self.current
        if current is not None:
            return current.check
        node = self.query_one("#issues-tree", Tree).cursor_node
        for (check, _concept), (group, _page) in self._pages.items():
            if group is node:
                return check
        return None

    def action_ignore_all(self) -> None:
        chosen = self._chosen()
        if chosen is not None:
            self.post_message(self.Ignore(chosen, everywhere=True))

    # --- fixing and ignoring ------------------------------------------------------------

    def fix(self, issue: Issue, scope: FixScope) -> None:
        """Fix ``issue`` at once ("here"), or after a preview ("everywhere", "variants")."""
        if issue.fix is None:
            locked = self.session.read_only_reason(issue.segment_id)
            if locked is not None:
                # "Edit the text" sent the translator to a segment that refuses editing.
                self.notify(
                    f"{issue.check}: the segment is read-only: {locked}", severity="warning"
                )
            else:
                self.notify(f"{issue.check}: no automatic fix; edit the text.", severity="warning")
            return
        try:
            plan = self.session.plan_fix(issue, scope)
        except TermwiseError as error:  # a read-only segment's translation: not fixed
            self.notify(f"Fix not applied: {error}", severity="warning")
            return
        # A fix in the translation is one undoable edit; one in the source rewrites the
        # document on disk, so it is always shown first, naming the file and its backup.
        if scope == "here" and plan.side != "source":
            self._apply_fix(plan)
            return
        path = self.session.path
        where = (
            f"source file {path} (the file as it is now is kept as {backup_path(path)})"
            if plan.side == "source"
            else "translation"
        )
        forms = sorted({other.text for other in plan.issues}, key=str.casefold)
        replacements = {other.fix.replacement for other in plan.issues if other.fix}
        by = repr(issue.fix.replacement) if len(replacements) == 1 else "the official renderings"
        what = repr(issue.text) if len(forms) == 1 else f"{len(forms)} forms of {issue.concept}"
        title = f"Replace {what} by {by} in the {where}"
        # What the fix leaves (an inflected form, a rendering marked fix-by-hand): said here,
        # where the translator decides, not only in each issue's detail.
        left = [
            other
            for other in self.session.issues
            if other.fix is None
            and (other.check, other.side, other.concept) == (issue.check, issue.side, issue.concept)
            and (scope == "variants" or other.text.casefold() == issue.text.casefold())
        ]
        if left:
            shown = sorted({other.text for other in left}, key=str.casefold)
            title += (
                f"; {len(left)} left to edit by hand: "
                + ", ".join(repr(text) for text in shown[:4])
                + (" …" if len(shown) > 4 else "")
            )
        if plan.changed:
            title += f"; {left_out(plan)}"

        def done(apply: bool | None) -> None:
            if apply:
                self._apply_fix(plan)

        self.app.push_screen(ConfirmPreview(title, self.session.fix_preview(plan)), done)

    def _apply_fix(self, plan: FixPlan) -> None:
        try:
            # As ``apply_fix`` will take it, to say what it leaves out (a merge while the
            # preview was open may have changed more segments).
            plan = self.session.without_changed(plan)
            change = self.session.apply_fix(plan)
        except (TermwiseError, ValueError, OSError) as error:
            self.notify(f"Fix not applied: {error}", severity="error")
            return
        self.post_message(self.Fixed(change))
        undo = shown_key(self.app, "review.undo")  # "Ctrl+Z", or where the keymap put it
        left = f"; {left_out(plan)}" if plan.changed else ""
        if plan.side != "source":
            self.notify(f"Fixed {len(change.after)} segment(s){left}; undo with {undo}.")
            return
        path = self.session.path
        message = (
            f"Rewrote {path}: {len(change.after)} segment(s) fixed{left}; the previous file "
            f"is {backup_path(path)}; undo with {undo}."
        )
        synced = self.session.last_source_sync
        if synced is not None and synced.reviewed_reopened:
            count = len(synced.reviewed_reopened)
            message += f" {count} reviewed translation(s) need review again: their source changed."
        self.notify(message, title="Source file changed", timeout=15)

    def ignore(self, issue: Issue, everywhere: bool = False) -> None:
        """Ask why ``issue`` is a false alarm, and dismiss it (``everywhere``: and every
        issue like it) with that reason."""
        alike = len(self.session.issues_like(issue)) if everywhere else 1

        def done(reason: str | None) -> None:
            if reason is None:
                return
            if not reason.strip():
                # Said, not silent: the keys typed next went to the panel as commands.
                self.notify("Not ignored: give a reason (why is it a false alarm?).")
                return
            if everywhere:
                count = self.session.ignore_all(issue, reason)
                self.notify(f"Ignored {count} {issue.check} issue(s) on {issue.text!r}.")
            else:
                self.session.ignore(issue, reason)
            self.post_message(self.Ignored())

        what = f"{alike} {issue.check} issues" if everywhere else issue.check
        self.app.push_screen(AskText(f"Ignore {what} on {issue.text!r} — why?"), done)


ISSUES_PER_PAGE = 200
# How an issue whose segment was edited after the check run that found it is marked.
CHANGED = "changed since checked"


def left_out(plan: FixPlan) -> str:
    """What a fix everywhere leaves out for having changed since the check, in words."""
    return (
        f"{plan.changed_segments} changed since the check, left out "
        "(fix them once the check has rerun)"
    )


def worst_first(issues: Sequence[Issue], position: Mapping[str, int]) -> list[Issue]:
    """Errors, then warnings, then notes; by check within a severity, then in the document's
    order (``position``: segment id → row): the order of the panel's list."""
    return sorted(issues, key=lambda i: (-i.severity.rank, i.check, position.get(i.segment_id, 0)))


def issue_to_open(issues: Sequence[Issue]) -> Issue | None:
    """Of a segment's issues (in the list's order), the one the panel opens on and the
    grid's fix key fixes: a terminology issue with a fix, then any issue with a fix, then
    any, so that the fix most wanted is one key away."""
    for need_fix, need_concept in ((True, True), (True, False), (False, False)):
        for issue in issues:
            if (issue.fix is not None or not need_fix) and (
                issue.concept is not None or not need_concept
            ):
                return issue
    return None


_SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "dim"}


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
