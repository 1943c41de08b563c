"""The review workbench: grid, docked editor, side panels, MT and checks in worker threads.

The app holds no translation state of its own: ``ReviewSession`` does. The app turns keys
into session calls, shows the results, and runs the slow parts (machine translation, model
download, the checks) in thread workers so that typing is never blocked.
"""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events, on, work
from textual.app import App, ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import (
    Footer,
    Label,
    ProgressBar,
    Static,
    TabbedContent,
    TabPane,
)

from termwise import languages
from termwise.errors import TermwiseError
from termwise.tui.dialogs import AddTerm, AskText, Choose, ConfirmPreview
from termwise.tui.editor import TranslationEditor
from termwise.tui.grid import SegmentGrid
from termwise.tui.keymap import textual_bindings
from termwise.tui.opening import OpeningScreen, Preview, preview_of, store_preview
from termwise.tui.palette import ReviewCommands
from termwise.tui.panels import ConceptPanel, GlossaryPanel, IssuesPanel
from termwise.tui.session import FilterName, FixPlan, ReviewSession

if TYPE_CHECKING:
    from textual.actions import ActionParseResult
    from textual.dom import DOMNode
    from textual.worker import Worker

    from termwise.checks.issue import Issue
    from termwise.mt.engine import MTResult

STATE_NAMES = {"new": "new", "mt": "MT", "edited": "edited", "reviewed": "reviewed"}
MT_BATCH = 16


class ReviewApp(App[None]):
    """``termwise review FILE --to LANG``."""

    TITLE = "termwise review"
    COMMANDS = App.COMMANDS | {ReviewCommands}
    BINDINGS: ClassVar[list[BindingType]] = textual_bindings("review")  # type: ignore[assignment]
    CSS = """
    #top { height: 1; background: $panel; padding: 0 1; }
    #top > #title { width: 1fr; }
    #top > #mt-progress { width: 40; display: none; }
    #top > #mt-progress.running { display: block; }
    #main { height: 1fr; }
    #side { width: 35%; max-width: 56; min-width: 30; border-left: solid $panel-lighten-2; }
    #side.hidden { display: none; }
    #dock { height: 7; border-top: solid $primary; }
    #dock-label { height: 1; color: $text-muted; padding: 0 1; }
    #editor { height: 1fr; border: none; padding: 0 1; }
    #editor:focus { background: $boost; }
    """

    def __init__(
        self,
        session: ReviewSession | None,
        *,
        keymap: dict[str, str] | None = None,
        auto_mt: bool = True,
        autosave_delay: float = 2.0,
        check_delay: float = 0.4,
        preview: Preview | None = None,
        opener: Callable[[], ReviewSession] | None = None,
    ) -> None:
        """Start on an open ``session``, or on a large book's ``preview`` while ``opener``
        opens its session in a thread (see ``termwise.tui.opening``)."""
        super().__init__()
        if session is None and (preview is None or opener is None):
            raise ValueError("ReviewApp needs a session, or a preview and an opener")
        self._session = session
        self._preview = preview
        self._opener = opener
        # An error while opening in the background: run_review reports it after the app.
        self.open_error: TermwiseError | None = None
        self.user_keymap = keymap or {}
        self.auto_mt = auto_mt
        self.autosave_delay = autosave_delay
        self.check_delay = check_delay
        self._autosave_timer: Timer | None = None
        self._check_timer: Timer | None = None
        self._editing_id: str | None = None
        # The editor's text as the session last had it: anything else on screen was typed
        # and is not in the session yet.
        self._synced_text = ""
        self._filter: FilterName = "all"
        self._search_hits: list[int] = []
        self._search_query = ""
        self.mt_running = False
        self.saves = 0
        self._save_worker: Worker[None] | None = None
        self._save_again = False
        self._shown: dict[str, str] = {}
        langs = (
            (session.source_lang, session.target_lang)
            if session is not None
            else (preview.source_lang, preview.target_lang)  # type: ignore[union-attr]
        )
        # An opening view of a document never opened may not know its language yet.
        self.source_name = languages.display_name(langs[0]) if langs[0] else "Source"
        self.target_name = languages.display_name(langs[1])

    @property
    def session(self) -> ReviewSession:
        """The open session (actions are disabled until it is: see ``check_action``)."""
        if self._session is None:
            raise RuntimeError("the session is still opening")
        return self._session

    @property
    def opened(self) -> bool:
        return self._session is not None

    # --- layout -----------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        if self._session is not None:
            yield from self._workbench(self._session)

    def _workbench(self, session: ReviewSession) -> list[Widget]:
        """The workbench's widgets (built here, not with compose's context managers, so
        that they can also be mounted once a session opened in the background is ready)."""
        titles = (self.source_name, "Machine translation", self.target_name)
        side = TabbedContent(id="side", initial="concepts")
        for pane in (
            TabPane(
                "Concepts",
                ConceptPanel([session.source_lang, session.target_lang], id="concept-panel"),
                id="concepts",
            ),
            TabPane("Issues", IssuesPanel(id="issues-panel"), id="issues"),
            TabPane("Glossary", GlossaryPanel(id="glossary-panel"), id="glossary"),
        ):
            side.compose_add_child(pane)  # what compose's ``with`` block would do
        return [
            Horizontal(Label(id="title"), ProgressBar(id="mt-progress", show_eta=False), id="top"),
            Horizontal(
                SegmentGrid(session.rows, titles=titles, decorate=session.ensure_marked, id="grid"),
                side,
                id="main",
            ),
            Vertical(
                Static(id="dock-label"),
                TranslationEditor(id="editor", soft_wrap=True, show_line_numbers=False),
                id="dock",
            ),
            Footer(),
        ]

    @property
    def main(self) -> Screen[Any]:
        """The workbench's own screen: queries must reach it even while a dialog is open."""
        return self.screen_stack[0]

    @property
    def grid(self) -> SegmentGrid:
        return self.main.query_one("#grid", SegmentGrid)

    @property
    def editor(self) -> TranslationEditor:
        return self.main.query_one("#editor", TranslationEditor)

    def on_mount(self) -> None:
        if self.user_keymap:
            self.set_keymap(self.user_keymap)
        if self._session is None:
            assert self._preview is not None
            self.push_screen(OpeningScreen(self._preview))
            self._open_session()
            return
        self._start()

    @work(thread=True, group="open", description="opening the session")
    def _open_session(self) -> None:
        assert self._opener is not None
        try:
            session = self._opener()
        except TermwiseError as error:
            self.call_from_thread(self._open_failed, error)
            return
        self.post_message(self.SessionOpened(session))

    class SessionOpened(Message):
        """The session of a book shown from its preview has opened."""

        def __init__(self, session: ReviewSession) -> None:
            super().__init__()
            self.session = session

    def _open_failed(self, error: TermwiseError) -> None:
        self.open_error = error
        self.exit()

    @on(SessionOpened)
    async def _session_opened(self, event: SessionOpened) -> None:
        """Show the workbench where the reader is in the preview."""
        session = event.session
        opening = self.screen
        cursor = opening.cursor if isinstance(opening, OpeningScreen) else 0
        self._session = session
        # The source language may have been detected only now.
        self.source_name = languages.display_name(session.source_lang)
        self.target_name = languages.display_name(session.target_lang)
        await self.screen_stack[0].mount_all(self._workbench(session))
        if isinstance(opening, OpeningScreen):
            self.pop_screen()
        self.grid.move_cursor(min(cursor, len(session.rows) - 1))
        self._start()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # While a large book opens behind its preview only moving about and quitting work.
        if self._session is None:
            return action == "quit"
        return True

    def _start(self) -> None:
        side = self.main.query_one("#side")
        if self.size.width < 120:
            side.add_class("hidden")
        self.main.query_one("#glossary-panel", GlossaryPanel).show(self.session.glossary)
        self.grid.focus()
        self._load_editor()
        self._update_title()
        self.schedule_checks(0)
        if self.auto_mt and self.session.needs_mt():
            self.action_translate(quiet=True)

    def _update_title(self) -> None:
        session = self.session
        counts = session.counts()
        total = sum(counts.values())
        parts = [
            f"[b]{session.path.name}[/b]",
            f"{self.source_name} → {self.target_name}",
            f"{counts['reviewed']}/{total} reviewed",
            f"{counts['edited']} edited",
            f"{counts['mt']} MT",
            f"{counts['new']} new",
        ]
        if self._filter != "all":
            parts.append(f"filter: {self._filter} ({len(self.grid.rows)})")
        if session.dirty:
            parts.append("[i]unsaved[/i]")
        self._set_text("#title", "  ·  ".join(parts))

    def _set_text(self, selector: str, text: str) -> None:
        if not self.screen_stack:
            return  # a late timer after the app closed: there is nothing to show
        # Updating a label re-runs layout; skipping unchanged text keeps keystrokes cheap.
        if self._shown.get(selector) != text:
            self._shown[selector] = text
            self.main.query_one(selector, Static).update(text)

    # --- the current segment ----------------------------------------------------------

    @property
    def current_id(self) -> str | None:
        row = self.grid.current
        return row.segment_id if row is not None else None

    def _load_editor(self) -> None:
        """Show the current segment's translation in the editor and its concepts aside."""
        self._take_typed_text()  # what was typed belongs to the segment it was typed in
        segment_id = self.current_id
        self.session.seal_typing()
        self._editing_id = segment_id
        editor = self.editor
        if segment_id is None:
            editor.load_text("")
            return
        unit = self.session.unit(segment_id)
        if editor.text != unit.target:
            editor.load_text(unit.target)
        self._synced_text = unit.target
        self._update_dock()
        panel = self.main.query_one("#concept-panel", ConceptPanel)
        concepts = self.session.concepts_of(segment_id)
        if [c.id for c in concepts] != [c.id for c in panel.concepts]:
            panel.show(concepts)

    def _update_dock(self) -> None:
        segment_id = self._editing_id
        if segment_id is None:
            return
        unit = self.session.unit(segment_id)
        position = self.session.row_index[segment_id] + 1
        issues = len(self.session.issues_of(segment_id))
        parts = [
            f"#{position} {segment_id}",
            STATE_NAMES.get(unit.state.value, unit.state.value),
        ]
        if issues:
            parts.append(f"[red]{issues} issue(s)[/red]")
        if unit.mt and not self.grid.shows_mt:
            parts.append(f"MT ({unit.mt_engine or '?'}): {unit.mt}")
        elif unit.mt_engine:
            parts.append(f"MT: {unit.mt_engine}")
        if unit.notes:
            parts.append(f"note: {unit.notes}")
        self._set_text("#dock-label", "  ·  ".join(parts))

    def _row_changed(self, segment_id: str) -> None:
        index = self.grid.index_of(segment_id)
        if index is not None:
            self.grid.row_changed(index)

    def _changed(self, *segment_ids: str, reload_editor: bool = True) -> None:
        """After a session change: redraw rows, editor, title; schedule save and checks."""
        for segment_id in segment_ids:
            self._row_changed(segment_id)
        if reload_editor:
            self._load_editor()
        else:
            self._update_dock()
        self._update_title()
        self.schedule_autosave()
        self.schedule_checks()

    @on(SegmentGrid.CursorMoved, "#grid")
    def _cursor_moved(self, event: SegmentGrid.CursorMoved) -> None:
        self._follow_cursor()  # a click, a jump (keys have done it already: run_action)

    @on(TranslationEditor.Changed, "#editor")
    def _typed(self, event: TranslationEditor.Changed) -> None:
        self._take_typed_text()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded and self._keys_in_order():
            await self._handle_key_in_order(event)
            return
        await super().on_event(event)

    def _keys_in_order(self) -> bool:
        return self._session is not None and self.focused in (self.grid, self.editor)

    async def _handle_key_in_order(self, event: events.Key) -> None:
        """Handle a key for the grid or the editor completely before the next one.

        Textual hands a key to the focused widget's queue and runs bindings when the key
        comes back up to the app: in a burst of keys (a fast typist ahead of a busy moment,
        a paste, tmux), the text keys that follow Ctrl+R or Escape reach the editor before
        the binding runs, and the keys after Enter or Escape go to the widget that *was*
        focused. Here each key goes through the same steps (priority bindings, the focused
        widget, then the bindings of the focus chain) in this task, one key at a time.
        """
        self.app_focus = True
        if await self._check_bindings(event.key, priority=True):
            return
        widget = self.focused
        if widget is not None:
            await widget._on_key(event)
            if event._stop_propagation:  # the widget took the key (the editor's text keys)
                return
        await self._check_bindings(event.key)

    async def run_action(
        self,
        action: str | ActionParseResult,
        default_namespace: DOMNode | None = None,
        namespaces: Mapping[str, DOMNode] | None = None,
    ) -> bool:
        """Every key binding and command runs through here. Keys can arrive in a burst (a
        fast typist, a paste, tmux), ahead of the editor's change messages and the grid's
        cursor messages: so each action first takes what was typed (Ctrl+R marks the text
        on screen reviewed), and a move loads the editor at once (the next keys typed go to
        the new segment)."""
        self._take_typed_text()
        handled = await super().run_action(action, default_namespace, namespaces)
        self._follow_cursor()
        return handled

    def _take_typed_text(self) -> None:
        """Put the editor's text into the session now if it was typed and not taken yet."""
        segment_id = self._editing_id
        if segment_id is None or self._session is None or not self.screen_stack:
            return
        text = self.editor.text.replace("\n", " ")
        if text == self._synced_text:
            return
        self._synced_text = text
        if text != self.session.unit(segment_id).target:
            self.session.set_target(segment_id, text)
            self._changed(segment_id, reload_editor=False)

    def _follow_cursor(self) -> None:
        if self._session is not None and self.screen_stack and self.current_id != self._editing_id:
            self._load_editor()

    # --- actions: editing -------------------------------------------------------------

    def _focus_now(self, widget: Any) -> None:
        # Widget.focus() defers to the message queue, so keys typed right after Enter could
        # still reach the grid; moving focus at once keeps them in the editor.
        self.screen.set_focus(widget)

    def action_edit(self) -> None:
        self._focus_now(self.editor)

    def action_leave_editor(self) -> None:
        if self.screen is self.screen_stack[0]:
            self.session.seal_typing()
            self._focus_now(self.grid)

    def action_next_segment(self) -> None:
        self.grid.move_cursor(self.grid.cursor + 1)

    def action_previous_segment(self) -> None:
        self.grid.move_cursor(self.grid.cursor - 1)

    def action_accept_mt(self) -> None:
        segment_id = self.current_id
        if segment_id is None:
            return
        if not self.session.accept_mt(segment_id):
            self.notify("This segment has no machine translation yet (F2 translates).")
            return
        self._changed(segment_id)

    def action_mark_reviewed(self) -> None:
        segment_id = self.current_id
        if segment_id is None:
            return
        if not self.session.mark_reviewed(segment_id):
            self.notify("Nothing to mark: the translation is empty.", severity="warning")
            return
        self._changed(segment_id)

    def action_undo(self) -> None:
        change = self.session.undo()
        if change is None:
            self.notify("Nothing to undo.")
            return
        self._after_history(
            change.label, "Undone", change.source_before is not None, list(change.before)
        )

    def action_redo(self) -> None:
        change = self.session.redo()
        if change is None:
            self.notify("Nothing to redo.")
            return
        self._after_history(
            change.label, "Redone", change.source_after is not None, list(change.after)
        )

    def _after_history(self, label: str, verb: str, source: bool, ids: list[str]) -> None:
        if source:
            self._refresh_all_rows()
        self._changed(*ids)
        self.notify(f"{verb}: {label}")

    def _refresh_all_rows(self) -> None:
        grid = self.grid
        rows = self.session.filtered(self._filter) if self._filter != "all" else self.session.rows
        grid.set_rows(rows, cursor=grid.cursor)

    def action_note(self) -> None:
        segment_id = self.current_id
        if segment_id is None:
            return

        def done(note: str | None) -> None:
            if note is not None:
                self.session.set_note(segment_id, note)
                self._changed(segment_id)

        self.push_screen(
            AskText(f"Note for {segment_id}", self.session.unit(segment_id).notes), done
        )

    def action_insert_term(self) -> None:
        panel = self.main.query_one("#concept-panel", ConceptPanel)
        concept = panel.selected
        if concept is None:
            self.notify("No glossary concept in this segment.", severity="warning")
            return
        term = concept.preferred(self.session.target_lang)
        if term is None:
            self.notify(
                f"{concept.id} has no official {languages.display_name(self.session.target_lang)}"
                " rendering in the glossary.",
                severity="warning",
            )
            return
        self.editor.insert(term.text)
        self._focus_now(self.editor)

    # --- actions: joining and splitting ----------------------------------------------

    def action_join(self) -> None:
        segment_id = self.current_id
        if segment_id is None:
            return
        try:
            self.session.join_with_next(segment_id)
        except TermwiseError as error:
            self.notify(str(error), severity="error")
            return
        self._refresh_all_rows()
        self._changed(segment_id)

    def action_split(self) -> None:
        segment_id = self.current_id
        if segment_id is None:
            return
        options = self.session.split_points(segment_id)
        if not options:
            self.notify("No sentence boundary inside this segment to split at.")
            return

        def done(choice: str | None) -> None:
            if choice is None:
                return
            try:
                self.session.split(segment_id, int(choice))
            except TermwiseError as error:
                self.notify(str(error), severity="error")
                return
            self._refresh_all_rows()
            self._changed(segment_id)

        source = self.session.source_text(segment_id)
        choices = [
            (str(offset), f"{source[:offset].strip()[-40:]} ┃ {source[offset:].strip()[:40]}")
            for offset in options
        ]
        self.push_screen(Choose("Split where?", choices), done)

    # --- actions: navigation ----------------------------------------------------------

    def action_search(self) -> None:
        def done(query: str | None) -> None:
            if not query:
                return
            self._search_query = query
            self._search_hits = self.session.search(query, self.grid.rows)
            if not self._search_hits:
                self.notify(f"Not found: {query}")
                return
            after = [hit for hit in self._search_hits if hit > self.grid.cursor]
            self.grid.move_cursor(after[0] if after else self._search_hits[0])
            self.notify(f"{len(self._search_hits)} segment(s) contain {query!r}")

        self.push_screen(AskText("Search in source and translation", self._search_query), done)

    def action_filter(self) -> None:
        options = [
            ("all", "All segments"),
            ("untranslated", "Untranslated"),
            ("unreviewed", "Not reviewed"),
            ("issues", "With issues"),
            ("concept", "Containing a concept…"),
        ]

        def done(choice: str | None) -> None:
            if choice == "concept":
                self.action_filter_concept()
            elif choice is not None:
                self.action_apply_filter(choice)

        self.push_screen(Choose("Show", options), done)

    def action_filter_concept(self) -> None:
        def done(query: str | None) -> None:
            if query:
                self._set_filter("concept", query)

        self.push_screen(AskText("Concept id or term", placeholder="T01 or destiny"), done)

    def action_apply_filter(self, name: str) -> None:
        self._set_filter(name)  # type: ignore[arg-type]

    def _set_filter(self, name: FilterName, concept: str | None = None) -> None:
        current = self.current_id
        rows = self.session.filtered(name, concept)
        if not rows:
            self.notify("No segment matches that filter.", severity="warning")
            return
        self._filter = name
        position = next((i for i, row in enumerate(rows) if row.segment_id == current), 0)
        self.grid.set_rows(rows, cursor=position)
        self._update_title()

    def action_show_panel(self, name: str) -> None:
        side = self.main.query_one("#side", TabbedContent)
        side.remove_class("hidden")
        side.active = name
        panel_widget = {
            "issues": "#issues-tree",
            "glossary": "#glossary-terms",
            "concepts": "#concept-list",
        }[name]
        self._focus_now(self.main.query_one(panel_widget))
        if name == "issues":
            panel = self.main.query_one("#issues-panel", IssuesPanel)
            if panel.stale:
                self._show_issues(force=True)
            # Open on the current segment's issue, so that a fix is one key away (once the
            # rebuilt tree has its lines, so that it can scroll to it).
            self.call_after_refresh(panel.select_issue_of, self.current_id)

    def action_toggle_panel(self) -> None:
        self.main.query_one("#side").toggle_class("hidden")

    # --- saving -----------------------------------------------------------------------

    def schedule_autosave(self) -> None:
        """Debounce: save a moment after the last change, not on every keystroke."""
        if self._autosave_timer is not None:
            self._autosave_timer.stop()
        self._autosave_timer = self.set_timer(max(self.autosave_delay, 0.001), self.action_save)

    def action_save(self) -> None:
        """Save in a worker thread: a 50,000-segment file takes about a second to write."""
        if not self.session.dirty:
            return
        if self._save_worker is not None and self._save_worker.is_running:
            # Never two saves at once; the running one is followed by another for the rest.
            self._save_again = True
            return
        self._save_again = False
        self._save_worker = self._save_in_thread()

    @work(thread=True, group="save")
    def _save_in_thread(self) -> None:
        try:
            path = self.session.save()
        except (TermwiseError, OSError) as error:
            with contextlib.suppress(RuntimeError):  # the app closed meanwhile
                self.call_from_thread(
                    self.notify, f"Not saved: {error}", severity="error", timeout=10
                )
            return
        # The file is written; if the app closed meanwhile there is nothing left to show.
        with contextlib.suppress(RuntimeError):
            self.call_from_thread(self._saved, path)

    def _saved(self, path: Path) -> None:
        self.saves += 1
        self.log(f"saved {path}")
        # A merge with the file on disk may have changed rows: show them.
        self.grid.refresh()
        self._update_title()
        # The rows are what was just saved: the next start (even after a crash) can show
        # them at once.
        preview = preview_of(self.session)
        if preview is not None:
            self._store_preview(preview)
        if self._save_again and self.session.dirty:
            self._save_again = False
            self._save_worker = self._save_in_thread()

    @work(thread=True, exclusive=True, group="preview", description="keeping a preview")
    def _store_preview(self, preview: Preview) -> None:
        store_preview(self.session, preview)

    async def action_quit(self) -> None:
        if self._session is None:
            self.exit()  # still opening: nothing can have been typed yet
            return
        self._take_typed_text()  # also when a signal quits, not a key (see run_review)
        # Whatever was typed last is kept even when the debounce timer has not fired: wait
        # for a save in progress, then write what came after it here and now.
        if self._save_worker is not None:
            with contextlib.suppress(Exception):
                await self._save_worker.wait()
        if self.session.dirty:
            try:
                self.session.save()
            except (TermwiseError, OSError) as error:
                self.notify(f"Not saved: {error}", severity="error", timeout=10)
        if self.session.dirty:
            self.notify(
                "Could not save; press the quit key again to leave anyway.", severity="error"
            )
            self.session.dirty = False
            return
        self.exit()

    # --- checks -----------------------------------------------------------------------

    def schedule_checks(self, delay: float | None = None) -> None:
        if self._check_timer is not None:
            self._check_timer.stop()
        wait = self.check_delay if delay is None else delay
        # Textual's timers divide by their interval: zero is not allowed.
        self._check_timer = self.set_timer(max(wait, 0.001), self._start_checks)

    def action_recheck(self) -> None:
        self.schedule_checks(0)

    def _start_checks(self) -> None:
        document, targets, generation = self.session.check_inputs()
        self._run_checks(document, targets, generation)

    # A description of our own: by default Textual describes a worker by the repr() of its
    # arguments, which for a book's document and translations is a string of 100 MB.
    @work(thread=True, exclusive=True, group="checks", description="checks")
    def _run_checks(self, document: Any, targets: dict[str, str], generation: int) -> None:
        try:
            issues = self.session.compute_issues(document, targets)
        except TermwiseError as error:
            self.call_from_thread(self.notify, f"Checks failed: {error}", severity="error")
            return
        self.call_from_thread(self._checks_done, issues, generation)

    def _checks_done(self, issues: list[Issue], generation: int) -> None:
        if not self.session.set_issues(issues, generation):
            return
        self._show_issues()
        self.grid.refresh()
        self._update_dock()

    def _show_issues(self, *, force: bool = False) -> None:
        """Rebuild the issues tree, but only while it can be seen (it can be thousands)."""
        side = self.main.query_one("#side", TabbedContent)
        visible = side.active == "issues" and not side.has_class("hidden")
        panel = self.main.query_one("#issues-panel", IssuesPanel)
        if visible or force:
            panel.show(self.session.issues, self.session.row_index)
        else:
            panel.stale = True

    @on(IssuesPanel.Jump)
    def _jump(self, event: IssuesPanel.Jump) -> None:
        self.jump_to(event.issue.segment_id)

    def jump_to(self, segment_id: str) -> None:
        index = self.grid.index_of(segment_id)
        if index is None:
            self._set_filter("all")
            index = self.session.row_index[segment_id]
        self.grid.move_cursor(index)

    @on(IssuesPanel.Fix)
    def _fix(self, event: IssuesPanel.Fix) -> None:
        issue = event.issue
        if issue.fix is None:
            self.notify(f"{issue.check}: no automatic fix; edit the text.", severity="warning")
            return
        plan = self.session.plan_fix(issue, event.scope)
        if event.scope == "here":
            self._apply_fix(plan)
            return
        where = "source file" if plan.side == "source" else "translation"
        forms = sorted({other.text for other in plan.issues}, key=str.casefold)
        replacements = {other.fix.replacement for other in plan.issues if other.fix}
        by = repr(issue.fix.replacement) if len(replacements) == 1 else "the official renderings"
        what = repr(issue.text) if len(forms) == 1 else f"{len(forms)} forms of {issue.concept}"
        title = f"Replace {what} by {by} in the {where}"

        def done(apply: bool | None) -> None:
            if apply:
                self._apply_fix(plan)

        self.push_screen(ConfirmPreview(title, plan.preview(self.session)), done)

    def _apply_fix(self, plan: FixPlan) -> None:
        try:
            change = self.session.apply_fix(plan)
        except (TermwiseError, ValueError, OSError) as error:
            self.notify(f"Fix not applied: {error}", severity="error")
            return
        if change.source_after is not None:
            self._refresh_all_rows()
        self._changed(*change.after)
        self._show_issues()
        self.notify(f"Fixed {len(change.after)} segment(s); undo with the undo key.")

    @on(IssuesPanel.Ignore)
    def _ignore(self, event: IssuesPanel.Ignore) -> None:
        issue = event.issue

        def done(reason: str | None) -> None:
            if not reason or not reason.strip():
                return
            self.session.ignore(issue, reason)
            self._show_issues()
            self.schedule_checks()

        self.push_screen(AskText(f"Ignore {issue.check} on {issue.text!r} — why?"), done)

    # --- glossary ---------------------------------------------------------------------

    @on(GlossaryPanel.AddTerm)
    def _add_term(self) -> None:
        selected = self.editor.selected_text.strip()
        concept = self.main.query_one("#concept-panel", ConceptPanel).selected
        default_concept = concept.id if concept else ""

        def done(answer: tuple[str, str, str, str] | None) -> None:
            if answer is None:
                return
            try:
                path = self.session.add_term(*answer)
            except (TermwiseError, ValueError) as error:
                self.notify(f"Term not added: {error}", severity="error")
                return
            self._glossary_changed(f"Added {answer[3]!r} to {answer[0]} in {path}")

        self.push_screen(AddTerm(selected, default_concept, self.session.target_lang), done)

    @on(GlossaryPanel.EditStatus)
    def _edit_status(self, event: GlossaryPanel.EditStatus) -> None:
        concept, term = event.concept, event.term
        statuses = [(s, s) for s in ("preferred", "admitted", "deprecated", "superseded")]

        def done(status: str | None) -> None:
            if status is None:
                return
            path = self.session.set_term_status(concept, term, status)
            self._glossary_changed(f"{term.text!r} is now {status} ({path})")

        self.push_screen(Choose(f"Status of {term.text!r} ({concept.id})", statuses), done)

    def _glossary_changed(self, message: str) -> None:
        self.main.query_one("#glossary-panel", GlossaryPanel).show(self.session.glossary)
        self.grid.set_rows(self.grid.rows, cursor=self.grid.cursor)
        self._load_editor()
        if self.current_id is not None:
            panel = self.main.query_one("#concept-panel", ConceptPanel)
            panel.show(self.session.concepts_of(self.current_id))
        self.schedule_checks()
        self.notify(message)

    # --- machine translation ----------------------------------------------------------

    def action_translate(self, quiet: bool = False) -> None:
        if self.mt_running:
            self.notify("Machine translation is already running.")
            return
        ids = self.session.needs_mt()
        if not ids:
            if not quiet:
                self.notify("Every segment has machine translation or a person's translation.")
            return
        self.mt_running = True
        self._translate(ids)

    @work(thread=True, exclusive=True, group="mt", description="machine translation")
    def _translate(self, ids: list[str]) -> None:
        from termwise.mt import select_engine
        from termwise.mt.cache import CachedEngine, TranslationCache
        from termwise.project.settings import MTSettings

        session = self.session
        try:
            options = MTSettings.from_settings(session.layout.settings()).engine_options()
            engine = select_engine(
                session.engine_name, session.source_lang, session.target_lang, **options
            )
            cached = CachedEngine(engine, TranslationCache())
            self.call_from_thread(self._mt_progress, 0, len(ids), engine.name)
            for start in range(0, len(ids), MT_BATCH):
                batch = ids[start : start + MT_BATCH]
                texts = [session.source_text(segment_id) for segment_id in batch]
                results = cached.translate(texts, session.source_lang, session.target_lang)
                self.call_from_thread(
                    self._mt_batch_done,
                    dict(zip(batch, results, strict=True)),
                    start + len(batch),
                    len(ids),
                )
        except TermwiseError as error:
            self.call_from_thread(self._mt_unavailable, str(error))
        except Exception as error:  # noqa: BLE001 - an engine crash must not kill the UI
            self.call_from_thread(self._mt_unavailable, f"{type(error).__name__}: {error}")
        finally:
            self.call_from_thread(self._mt_finished)

    def _mt_progress(self, done: int, total: int, engine: str) -> None:
        bar = self.main.query_one("#mt-progress", ProgressBar)
        bar.add_class("running")
        bar.update(total=total, progress=done)
        self.notify(f"Translating {total} segment(s) with {engine}…")

    def _mt_batch_done(self, results: dict[str, MTResult], done: int, total: int) -> None:
        self.session.record_mt(results)
        for segment_id in results:
            self._row_changed(segment_id)
        self.main.query_one("#mt-progress", ProgressBar).update(total=total, progress=done)
        if self.current_id in results:
            self._load_editor()
        self._update_title()
        self.schedule_autosave()
        self.schedule_checks()

    def _mt_finished(self) -> None:
        self.mt_running = False
        self.main.query_one("#mt-progress", ProgressBar).remove_class("running")

    def _mt_unavailable(self, message: str) -> None:
        self.notify(message, title="No machine translation", severity="warning", timeout=12)
        options = [
            (
                "install",
                f"Install the Argos model {self.session.source_lang} → "
                f"{self.session.target_lang} (download)",
            ),
            ("skip", "Review without machine translation"),
        ]

        def done(choice: str | None) -> None:
            if choice == "install":
                self.action_install_model()

        self.push_screen(
            Choose("No machine translation installed for this pair", options, help=message), done
        )

    def action_install_model(self) -> None:
        self._install_model()

    @work(thread=True, exclusive=True, group="mt")
    def _install_model(self) -> None:
        from termwise.mt.index import download, fetch_index, find_available
        from termwise.mt.packages import argos_paths, install_archive

        session = self.session
        paths = argos_paths()
        try:
            # fetch_index and download give up within their connect timeout (< 10 s).
            entries, _warning = fetch_index(paths)
            entry = find_available(session.source_lang, session.target_lang, entries)

            def progress(done: int, total: int | None) -> None:
                self.call_from_thread(self._install_progress, done, total)

            archive = download(entry, paths, progress=progress)
            try:
                install_archive(archive, paths)
            finally:
                archive.unlink(missing_ok=True)
        except (TermwiseError, OSError) as error:
            self.call_from_thread(
                self.notify, f"Model not installed: {error}", severity="error", timeout=15
            )
            self.call_from_thread(self._mt_finished)
            return
        self.call_from_thread(self._mt_finished)
        self.call_from_thread(self.notify, "Model installed; translating.")
        self.call_from_thread(self.action_translate)

    def _install_progress(self, done: int, total: int | None) -> None:
        bar = self.main.query_one("#mt-progress", ProgressBar)
        bar.add_class("running")
        bar.update(total=total, progress=done)


def run_review(
    layout: Any,
    document: Path,
    target_lang: str,
    *,
    source_lang: str | None,
    engine: str | None,
    auto_mt: bool,
) -> None:
    """Open the session, check the keymap, run the app (errors surface before the UI starts).

    A large book whose files are as the last session left them is shown at once from that
    session's preview while its session opens behind it (``termwise.tui.opening``).
    """
    from termwise.tui.keymap import load_keymap
    from termwise.tui.opening import opening_view, write_preview
    from termwise.tui.session import tune_memory_for_a_long_session

    keymap = load_keymap()
    tune_memory_for_a_long_session()

    def open_session() -> ReviewSession:
        return ReviewSession(layout, document, target_lang, source_lang=source_lang, engine=engine)

    preview = opening_view(layout, document, target_lang, source_lang)
    app = (
        ReviewApp(None, keymap=keymap, auto_mt=auto_mt, preview=preview, opener=open_session)
        if preview is not None
        else ReviewApp(open_session(), keymap=keymap, auto_mt=auto_mt)
    )
    try:
        with _quitting_on_hangup(app):
            app.run()
    finally:
        # However the app ended (quit key, a closed terminal, a crash), what was typed is
        # written.
        session = app.session if app.opened else None
        if session is not None and session.dirty:
            session.save()
    if app.open_error is not None:
        raise app.open_error
    if session is not None:
        write_preview(session)


@contextlib.contextmanager
def _quitting_on_hangup(app: ReviewApp) -> Iterator[None]:
    """A closed terminal (SIGHUP) or a shutdown (SIGTERM) quits as the quit key does.

    Python's default for both is to die on the spot, losing what was typed since the last
    autosave; the handler only schedules the quit on the app's loop (which is signal-safe).
    """

    def quit_soon(signum: int, frame: object) -> None:
        loop = app._loop
        if loop is None:
            raise SystemExit(128 + signum)  # not running yet: nothing was typed
        loop.call_soon_threadsafe(app.call_next, app.action_quit)

    signals = [signal.SIGTERM] + ([signal.SIGHUP] if hasattr(signal, "SIGHUP") else [])
    previous = {number: signal.signal(number, quit_soon) for number in signals}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


__all__ = ["ReviewApp", "run_review"]
