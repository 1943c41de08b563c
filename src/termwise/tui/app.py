"""The review workbench: it composes the workbench, routes keys, saves and checks.

The app holds no translation state of its own: ``ReviewSession`` does. What the review does
to segments is the ``Workbench`` widget's (the grid with its editor); each side panel is a
widget of ``termwise.tui.panels`` with its own bindings and messages; machine translation
runs in ``termwise.tui.translating``. The app keeps what spans them all:

* **routing**: the ``review.*`` keys are bound here, so that they work from the grid and
  from inside the editor alike and the footer lists them in one place, and ``run_action``
  sends each action to the widget that carries it out (``ROUTES``); panel messages are
  routed here too;
* **keys in order**: ``on_event`` handles each key for the grid or the editor completely
  before the next one (the one place where key order is taken care of);
* **saving and checking** in thread workers, so that typing is never blocked;
* **watching the translation file**: what another program saves there (a lock, a
  translation) is merged in and shown within a couple of seconds, without a keypress;
* **watching the glossary files**: what another program records there (``termwise
  glossary add`` in another shell) is read in the same way, and the marks and checks follow.
"""

from __future__ import annotations

import contextlib
import dataclasses
import errno
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events, on, work
from textual.actions import parse as parse_action
from textual.app import App, ComposeResult
from textual.binding import BindingType
from textual.dom import DOMNode
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer

from termwise import languages
from termwise.errors import TermwiseError
from termwise.project.store import ConcurrentModificationError
from termwise.project.units import READ_ONLY_FLAG
from termwise.review.session import ReviewSession, SaveSnapshot
from termwise.tui.closing import hand_over, unless_closing
from termwise.tui.dialogs import AskText, Choose
from termwise.tui.editor import TranslationEditor
from termwise.tui.grid import SegmentGrid
from termwise.tui.keymap import first_key, textual_bindings
from termwise.tui.numbering import named_rows, row_number
from termwise.tui.opening import OpeningScreen, Preview, preview_of, store_preview
from termwise.tui.palette import ReviewCommands
from termwise.tui.panels import GlossaryPanel, IssuesPanel
from termwise.tui.shown_keys import KeymapInPlace
from termwise.tui.translating import MTProgress
from termwise.tui.typeahead import MOVES_THE_FOCUS, WAIT_FOR_DIALOG_S, TypeAhead, Typed
from termwise.tui.watching import FilesWatch, FileWatch
from termwise.tui.workbench import Workbench

if TYPE_CHECKING:
    from textual.actions import ActionParseResult
    from textual.await_complete import AwaitComplete
    from textual.binding import ActiveBinding
    from textual.notifications import Notification, SeverityLevel
    from textual.worker import Worker

    from termwise.checks.issue import Issue
    from termwise.project.store import MergeReport

# Which widget carries out each ``review.*`` action bound on the app (see ``run_action``);
# the app's own are saving, quitting and checking again.
ROUTES: dict[str, str] = {
    **dict.fromkeys(
        (
            "edit",
            "leave_editor",
            "next_segment",
            "previous_segment",
            "accept_mt",
            "mark_reviewed",
            "undo",
            "redo",
            "note",
            "insert_term",
            "join",
            "split",
            "search",
            "find_next",
            "filter",
            "filter_concept",
            "apply_filter",
            "show_panel",
            "toggle_panel",
            "align_move_first",
            "align_move_last",
            "align_confirm",
            "align_confirm_sure",
            "fix_issue",
        ),
        "workbench",
    ),
    "translate": "mt",
    "install_model": "mt",
}


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
    #editor { height: 1fr; padding: 0 1; }
    """

    def __init__(
        self,
        session: ReviewSession | None,
        *,
        keymap: dict[str, str] | None = None,
        auto_mt: bool = True,
        autosave_delay: float = 2.0,
        check_delay: float = 0.4,
        watch_interval: float = 2.0,
        preview: Preview | None = None,
        opener: Callable[[], ReviewSession] | None = None,
    ) -> None:
        """Start on an open ``session``, or on a large book's ``preview`` while ``opener``
        opens its session in a thread (see ``termwise.tui.opening``). Every
        ``watch_interval`` seconds the translation file is looked at (``_look_at_disk``)."""
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
        self.watch_interval = watch_interval
        self._disk_watch: FileWatch | None = None
        self._disk_timer: Timer | None = None
        self._glossary_watch: FilesWatch | None = None
        self._glossary_timer: Timer | None = None
        self.saves = 0
        self._save_worker: Worker[None] | None = None
        self._save_again = False
        # Ctrl+S asked for this save: say when it is written.
        self._announce_save = False
        # A quit could not save and said so: the next quit leaves anyway, and what was not
        # saved goes to a recovery file (``running.keep_unsaved``).
        self._leave_anyway = False
        # What each merge with another program's save did, and until when its toast shows
        # (monotonic time): one still showing when the app closes is printed after it.
        self._merge_notices: list[tuple[float, list[str]]] = []
        self._merge_toast: Notification | None = None
        # The last failed save's toast: taken down once a save works (see ``_saved``).
        self._save_failed_toast: Notification | None = None
        # The place last kept for reopening at (``_remember_position``).
        self._remembered: str | None = None
        # The translation holds groups ``termwise align`` made: the footer shows their keys.
        self.aligned = False
        # Another program saved the file while a dialog was open: merged once it closes.
        self._merge_held = False
        # The keys typed while a dialog to type into opens (see ``typeahead``).
        self._typeahead = TypeAhead()
        self._typeahead_timer: Timer | None = None
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
            yield Workbench(self._session, self.source_name, self.target_name)
            yield Footer()

    def get_default_screen(self) -> Screen[Any]:
        # Its footer and keys panel (F1) list a key moved in keymap.toml in its place, not
        # after the last key, where it fell off the edge of the screen.
        return MainScreen(id="_default")

    @property
    def main(self) -> Screen[Any]:
        """The workbench's own screen: queries must reach it even while a dialog is open."""
        return self.screen_stack[0]

    @property
    def workbench(self) -> Workbench:
        return self.main.query_one(Workbench)

    @property
    def grid(self) -> SegmentGrid:
        return self.workbench.grid

    @property
    def editor(self) -> TranslationEditor:
        return self.workbench.editor

    @property
    def mt_running(self) -> bool:
        return self.opened and bool(self.screen_stack) and self.workbench.mt.running

    def jump_to(self, segment_id: str) -> None:
        self.workbench.jump_to(segment_id)

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
        await self.screen_stack[0].mount_all(
            [Workbench(session, self.source_name, self.target_name), Footer()]
        )
        if isinstance(opening, OpeningScreen):
            self.pop_screen()
        self.grid.move_cursor(min(cursor, len(session.rows) - 1))
        self._start()

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notification is plain text: they quote file names, segments ("[4]") and
        settings ("[mt] on-opening"), which markup would eat; none is written as markup."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # While a large book opens behind its preview only moving about and quitting work.
        if self._session is None:
            return action == "quit"
        return True

    def _start(self) -> None:
        from termwise.tui.position import last_position

        workbench = self.workbench
        workbench.start(self.size.width)
        self._see_if_aligned()
        if self.grid.cursor == 0:
            # Where the last review of this document closed (unless the translator already
            # moved in a large book's preview).
            place = last_position(self.session.path, self.session.target_lang)
            if place is not None and place in self.session.row_index:
                workbench.jump_to(place)
        self.schedule_checks(0)
        self._watch_disk()
        self._watch_glossary()
        if self.auto_mt and self.session.needs_mt():
            workbench.mt.action_translate(quiet=True)

    def _see_if_aligned(self) -> None:
        """Whether the translation has aligned groups (on opening, and after another
        program's save was merged in): the footer shows the alignment keys then."""
        from termwise.review.alignment import confidence

        units = self.session.tfile.units.values()
        aligned = any(confidence(unit) is not None for unit in units)
        if aligned != self.aligned:
            self.aligned = aligned
            self.main.refresh_bindings()

    # --- keys: in order, and routed to the widget that owns the action -----------------

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key | events.Paste) and self._typeahead.take(event):
            return
        screen = self.screen if self.screen_stack else None
        if (
            isinstance(event, events.Key | events.Paste)
            and isinstance(screen, Choose)
            and screen.typed_before_opening(event)
        ):
            # Typed blind, for the workbench a worker's dialog now covers: not an answer,
            # but the workbench's once the dialog is answered.
            screen.hold_for_workbench(event)
            return
        if isinstance(event, events.Key):
            if not event.is_forwarded and self._keys_in_order():
                await self._handle_key_in_order(event)
                return
            if not event.is_forwarded:  # on its way to the focused widget, the keys after too
                self._hold_if_moving_the_focus(event)
        await super().on_event(event)

    def _hold_if_moving_the_focus(self, event: events.Key) -> None:
        """Hold the keys typed after ``event`` for the dialog its binding opens, or the
        widget it moves the focus to (``typeahead``): from its arrival, before the focused
        widget (the glossary's search field) takes the letters after it as its own."""
        active = self.screen.active_bindings.get(event.key)
        if active is None or active.binding.id not in MOVES_THE_FOCUS:
            return
        self._typeahead.hold(event)
        if self._typeahead_timer is not None:
            self._typeahead_timer.stop()
        self._typeahead_timer = self.set_timer(WAIT_FOR_DIALOG_S, self.give_typeahead)

    async def give_typeahead(self) -> None:
        """The keys and pastes held while a dialog opened or the focus moved, to where the
        focus is now (the dialog's field)."""
        if self._typeahead_timer is not None:
            self._typeahead_timer.stop()
            self._typeahead_timer = None
        await self.type_again(self._typeahead.release())

    async def type_again(self, typed: list[Typed]) -> None:
        """Keys and pastes held elsewhere (``typeahead``), to where the focus is now, as
        if typed now."""
        for event in typed:
            await self.on_event(event)

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
        the new segment). An action of the app's keys that a widget carries out (``ROUTES``)
        is sent to that widget."""
        workbench = self._workbench_now()
        if workbench is not None:
            workbench.take_typed_text()
            if self._look_at_glossary() and _undo_or_redo(action):
                # Its toast says why: the glossary edit the key was meant for is gone from
                # undo, and the step before it was not what the translator asked for.
                return True
            action, default_namespace = self._route(workbench, action, default_namespace)
        handled = await super().run_action(action, default_namespace, namespaces)
        workbench = self._workbench_now()
        if workbench is not None:
            workbench.follow_cursor()
        return handled

    def _workbench_now(self) -> Workbench | None:
        if self._session is None or not self.screen_stack:
            return None
        found = self.main.query(Workbench)
        return found.first() if found else None

    def _route(
        self,
        workbench: Workbench,
        action: str | ActionParseResult,
        namespace: DOMNode | None,
    ) -> tuple[str | ActionParseResult, DOMNode | None]:
        if not isinstance(action, str):
            return action, namespace
        prefix, name, _ = parse_action(action)
        if prefix == "app" or (not prefix and namespace in (None, self)):
            owner = ROUTES.get(name)
            if owner == "workbench":
                return action.removeprefix("app."), workbench
            if owner == "mt":
                return action.removeprefix("app."), workbench.mt
        return action, namespace

    # --- messages from the panels, routed to their owners ------------------------------

    @on(Workbench.SegmentsChanged)
    def _segments_changed(self) -> None:
        self.schedule_autosave()
        self.schedule_checks()

    @on(Workbench.Split)
    def _split(self) -> None:
        # Only where MT runs on opening: --no-mt and [mt] on-opening = false leave it to F2.
        if self.auto_mt:
            self.workbench.mt.translate_new_segments()

    @on(IssuesPanel.Jump)
    def _jump(self, event: IssuesPanel.Jump) -> None:
        self.workbench.jump_to_issue(event.issue)
        if event.focus:
            # Enter on an issue: to the segment, to work on it (the focus stayed in the
            # tree, and with the cursor already there nothing seemed to happen).
            self.main.set_focus(self.grid)

    @on(IssuesPanel.Fix)
    def _fix(self, event: IssuesPanel.Fix) -> None:
        self.workbench.issues_panel.fix(event.issue, event.scope)

    @on(IssuesPanel.Fixed)
    def _fixed(self, event: IssuesPanel.Fixed) -> None:
        self.workbench.fixed(event.change)

    @on(IssuesPanel.Ignore)
    def _ignore(self, event: IssuesPanel.Ignore) -> None:
        self.workbench.issues_panel.ignore(event.issue, event.everywhere)

    @on(IssuesPanel.Ignored)
    @on(IssuesPanel.CheckTurnedOff)
    def _ignored(self) -> None:
        self.workbench.show_issues()
        self.schedule_checks()

    @on(GlossaryPanel.AddTerm)
    def _add_term(self, event: GlossaryPanel.AddTerm) -> None:
        self.workbench.add_term(event.concept)

    @on(GlossaryPanel.EditStatus)
    def _edit_status(self, event: GlossaryPanel.EditStatus) -> None:
        self.workbench.edit_status(event.concept, event.term)

    @on(GlossaryPanel.Changed)
    def _glossary_changed(self, event: GlossaryPanel.Changed) -> None:
        self.schedule_checks()
        self.workbench.glossary_changed(event.message)

    @on(MTProgress.Translated)
    def _translated(self, event: MTProgress.Translated) -> None:
        self.workbench.translated(event.segment_ids)
        self.schedule_autosave()
        self.schedule_checks()

    def action_toggle_help(self) -> None:
        """Show or hide the list of the keys that work where the focus is: the footer has
        room for the common ones only, and F1 did nothing."""
        from termwise.tui.keys_screen import KeysScreen

        if isinstance(self.screen, KeysScreen):
            self.action_hide_help_panel()
        else:
            self.action_show_help_panel()

    def action_show_help_panel(self) -> None:
        """The keys list (F1, and the palette's "Keys"): a dialog scrolled with the keyboard,
        in place of Textual's panel, which the keys could not scroll (see ``keys_screen``)."""
        from termwise.tui.keymap import KEYMAP
        from termwise.tui.keys_screen import KeysScreen, key_lines

        if isinstance(self.screen, KeysScreen):
            return
        help_keys = self.user_keymap.get("review.help", KEYMAP["review.help"].keys)
        lines = key_lines(self, self.screen.active_bindings)
        self.push_screen(KeysScreen(lines, help_keys))

    def action_hide_help_panel(self) -> None:
        from termwise.tui.keys_screen import KeysScreen

        if isinstance(self.screen, KeysScreen):
            self.screen.dismiss()

    # --- saving -----------------------------------------------------------------------

    def schedule_autosave(self) -> None:
        """Debounce: save a moment after the last change, not on every keystroke."""
        if self._autosave_timer is not None:
            self._autosave_timer.stop()
        self._autosave_timer = self.set_timer(
            max(self.autosave_delay, 0.001), unless_closing(self, self.action_save)
        )

    def action_save_now(self) -> None:
        """Ctrl+S: the work is saved as it goes, so the key said nothing; it says where."""
        if not self.session.dirty:
            self.notify(f"Everything is saved in {self.session.translation_path}.")
            return
        self._announce_save = True
        self.action_save()

    def action_save(self) -> None:
        """Save in a worker thread: a 50,000-segment file takes about a second to write."""
        if not self.session.dirty:
            return
        if self._save_worker is not None and self._save_worker.is_running:
            # Never two saves at once; the running one is followed by another for the rest.
            self._save_again = True
            return
        self._save_again = False
        self._save_worker = self._save_in_thread(self.session.save_snapshot())

    # A description of our own: Textual's default is the repr() of the arguments, and the
    # snapshot of a book's 50,000 units would take the UI thread a second to write out.
    @work(thread=True, group="save", description="saving")
    def _save_in_thread(self, snapshot: SaveSnapshot) -> None:
        """Write a snapshot taken on the UI thread. The worker changes no row and no unit:
        typing, joins and splits go on while it writes (see ``ReviewSession.write``)."""
        try:
            try:
                path = self.session.write(snapshot)
            except ConcurrentModificationError:
                # Another program saved the file: merge it on the UI thread, where rows
                # change, and write the merge.
                merged = hand_over(self, self._merge_from_disk)
                if merged is None:
                    # Merged, and saved, once the dialog on top closes; or the workbench is
                    # closing, and its quit saves what there is.
                    return
                snapshot = merged
                path = self.session.write(snapshot)
        except (TermwiseError, OSError) as error:
            hand_over(self, self._save_failed, error)
            return
        # The file is written; if the workbench is closing there is nothing left to show.
        hand_over(self, self._saved, path, snapshot)

    def _save_failed(self, error: TermwiseError | OSError) -> None:
        """Say why a save failed and what to do; the session stays unsaved (a later save,
        once the problem is fixed, writes everything)."""
        self._announce_save = False
        self._take_down(self._save_failed_toast)
        self._save_failed_toast = self._kept_toast(
            save_failure(error, self.session.translation_path, self.user_keymap),
            severity="error",
            timeout=15,
        )
        self.workbench.update_title()

    def _merge_from_disk(self) -> SaveSnapshot | None:
        """The merge a save needs, and what to write then; None while a dialog is open: the
        merge waits for it to close (see ``_look_at_disk``), and the save with it."""
        if self._dialog_open():
            self._merge_held = True
            return None
        self._bring_in_from_disk()
        return self.session.save_snapshot()

    def _bring_in_from_disk(self) -> None:
        """Merge what another program saved into the session and show it (UI thread). What
        was typed in the editor goes in first, as the translator's: the merge's rules then
        decide, and it was never lost to a reload of the editor."""
        # Whatever change was held for a dialog is in this merge (one made by a save too).
        self._merge_held = False
        self.workbench.take_typed_text()
        locked_before = self._locked_units()
        report, undo_forgotten = self.session.merge_from_disk()
        locks = lock_lines(locked_before, self._locked_units(), self.session.row_index)
        self._merged(report, undo_forgotten, locks)

    def _locked_units(self) -> set[str]:
        """The segments whose units hold a lock (not the rows' marks: a lock read from the
        file before the merge is marked already, yet the merge is what takes it in)."""
        return {
            segment_id
            for segment_id, unit in self.session.tfile.units.items()
            if READ_ONLY_FLAG in unit.flags
        }

    def _merged(
        self, report: MergeReport, undo_forgotten: bool, locks: list[str] | None = None
    ) -> None:
        """Show what a merge with another program's save did (``locks``: the rows it
        locked or unlocked, in words)."""
        self.grid.refresh()
        # The editor shows the segment's text as the other program left it (typing on would
        # have written the old text back over it).
        self.workbench.load_editor()
        self.workbench.issues_panel.mark_changed(report.changed)
        if report.language_taken is not None:
            # The same language otherwise written (es_MX for es): the title names it so, as
            # the file now does and the next opening would.
            self.target_name = languages.display_name(report.language_taken)
            self.workbench.target_name = self.target_name
        self.workbench.update_title()
        self._see_if_aligned()
        self._tell_merge(report, undo_forgotten, locks or [])

    def _tell_merge(self, report: MergeReport, undo_forgotten: bool, locks: list[str]) -> None:
        """Say what another program's save changed here: nothing of it may pass unseen.
        The toast dies with the app (a merge made while quitting), so the same account is
        kept, and printed after the app closes if its toast was still showing."""
        places = self.session.row_index
        lines = [*locks, *merge_lines(report, places, limit=4)]
        # The account of an earlier merge goes: still on screen after a later merge (a
        # re-wrap by msgcat, say), it read as that merge's, the same conflict told again.
        # (Its account is still printed after the app closes, if it was due to show.)
        self._take_down_merge_toast()
        if not lines:
            self._show_merge_toast(
                "Another program saved the file again; nothing in it differs from the "
                "workbench's version, and nothing here changed.",
                severity="information",
                timeout=5,
            )
            return
        if lines == [header_taken_line(report)]:
            lines.insert(0, "Another program saved the file again; no segment differs.")
        if undo_forgotten:
            lines.append(
                "Undo starts afresh: an older step would have put back what the merge replaced."
            )
        lost = bool(
            report.superseded or report.conflicts or report.reviews_dropped or report.yours_in_note
        )
        timeout = 15 if lost else 8
        self._show_merge_toast(
            "\n".join(lines), severity="warning" if lost else "information", timeout=timeout
        )
        account = [
            f"termwise: another program saved {self.session.translation_path} while the "
            "workbench had it open; its changes were merged (yours: the workbench's):",
            *(f"  {line}" for line in [*locks, *merge_lines(report, places, limit=20)]),
        ]
        self._merge_notices.append((time.monotonic() + timeout, account))

    # --- the translation file on disk ---------------------------------------------------

    def _watch_disk(self) -> None:
        """Look at the translation file every ``watch_interval`` seconds: another program's
        lock or translation showed only at the next cursor move, check run or save."""
        path = self.session.tfile.path
        if self.session.source_only or path is None or self._disk_timer is not None:
            return  # the source alone: its translation is never saved nor read again
        self._disk_watch = FileWatch(path)
        self._disk_timer = self.set_interval(
            max(self.watch_interval, 0.001), unless_closing(self, self._look_at_disk)
        )

    def _stop_watching(self) -> None:
        if self._disk_timer is not None:
            self._disk_timer.stop()
            self._disk_timer = None
        if self._glossary_timer is not None:
            self._glossary_timer.stop()
            self._glossary_timer = None

    def _look_at_disk(self) -> None:
        """Merge the translation file in where another program changed it, as a save would;
        one ``stat`` where nothing changed. Not while a dialog is open (a note, a choice, a
        fix's preview): the rows changed under it, and a fix previewed on a segment another
        program had just rewritten was applied to the new text. The change is held, and
        merged as the dialog closes (``pop_screen``), before its answer is acted on."""
        watch = self._disk_watch
        if watch is None or self._saving():
            # The save compares with the file and records it as written once it is done:
            # the next look tells its write from another program's.
            return
        if not self._changed_on_disk(watch) or self._dialog_open():
            return
        self._merge_now()

    def _changed_on_disk(self, watch: FileWatch) -> bool:
        """Whether another program's save is waiting to be merged (held for a dialog, or
        new since the last look)."""
        if not self._merge_held:
            # Unchanged, or changed by our own save: nothing to merge.
            self._merge_held = watch.changed() and self.session.tfile.changed_on_disk()
        return self._merge_held

    def _dialog_open(self) -> bool:
        """Whether a dialog (or the keys list, or the palette) covers the workbench."""
        return bool(self.screen_stack) and self.screen is not self.main

    def pop_screen(self) -> AwaitComplete:
        """Close a dialog; what another program saved meanwhile is merged now, before the
        dialog's answer is acted on (its callback runs after this, from the message queue)."""
        done = super().pop_screen()
        if self.opened and not self._dialog_open():
            self._look_at_disk()
            self._look_at_glossary()
        return done

    # --- the glossary files on disk -----------------------------------------------------

    def _watch_glossary(self) -> None:
        """Look at the glossary files every ``watch_interval`` seconds (and before each
        action): a term another program recorded was overwritten by the workbench's next
        glossary edit, and its marks and checks never showed."""
        if self._glossary_timer is not None:
            return
        self._glossary_watch = FilesWatch(self.session.glossary_paths)
        self._glossary_timer = self.set_interval(
            max(self.watch_interval, 0.001), unless_closing(self, self._look_at_glossary)
        )

    def _look_at_glossary(self) -> bool:
        """Read the glossary again where another program changed it, redraw its marks and
        run the checks, and say so once; one ``stat`` per file where nothing changed. Not
        while a dialog is open (the add-a-term dialog offers a status from the glossary
        under it): the change waits, and is read as the dialog closes. Whether undo forgot
        glossary edits for it."""
        watch = self._glossary_watch
        if watch is None or self._dialog_open() or not watch.changed():
            return False
        try:
            reload = self.session.reload_glossary()
        except (TermwiseError, OSError) as error:
            # Half written by a program that writes in place: read again when it next changes.
            self.notify(
                f"The glossary changed on disk but could not be read: {error}",
                severity="warning",
                timeout=10,
            )
            return False
        if reload is None:
            return False  # the workbench's own edit
        names = ", ".join(path.name for path in reload.files)
        message = f"Glossary changed on disk: reloaded ({names})."
        if reload.undo_forgotten:
            forgotten = ", ".join(path.name for path in reload.undo_forgotten)
            message += (
                f" Undo of your edits of {forgotten} is refused: putting the file back would "
                "take the other program's change back too."
            )
        self.schedule_checks()
        self.workbench.glossary_changed(message)
        return bool(reload.undo_forgotten)

    def merge_held_changes(self) -> None:
        """Merge what another program saved while the dialog on top was open, now, while it
        is still open: the dialog's answer is about to act on the merged rows."""
        watch = self._disk_watch
        if watch is not None and not self._saving() and self._changed_on_disk(watch):
            self._merge_now()

    def outdated_in_preview(self, rows: Sequence[tuple[str, str, str]]) -> list[str]:
        """The segments of a fix's preview (segment id, text before, text after) whose text
        is no longer the one previewed (another program rewrote it, merged since): the fix
        would have been made in the new text at the old text's places."""
        session = self.session
        return [
            segment_id
            for segment_id, before, _after in rows
            if segment_id not in session.row_index
            or before not in (session.unit(segment_id).target, session.source_text(segment_id))
        ]

    def _merge_now(self) -> None:
        try:
            self._bring_in_from_disk()
        except (TermwiseError, OSError) as error:
            # Half written by a program that writes in place, say: read again when it next
            # changes (a save merges it first and says so if it is still unreadable).
            self.notify(
                f"The project file changed on disk but could not be read: {error}",
                severity="warning",
                timeout=10,
            )
            return
        # The merge is the session's now: saved as any change is, and checked again.
        self.schedule_autosave()
        self.schedule_checks()

    def _saving(self) -> bool:
        """Whether a save worker has been started and not finished: it reads the file's
        record (what was last read or written) that a merge replaces."""
        worker = self._save_worker
        return worker is not None and not worker.is_finished

    def _show_merge_toast(self, message: str, *, severity: SeverityLevel, timeout: float) -> None:
        # Kept, so that the next merge's account can take its place (see ``_tell_merge``).
        self._merge_toast = self._kept_toast(
            message, title="The project file changed on disk", severity=severity, timeout=timeout
        )

    def _take_down_merge_toast(self) -> None:
        self._take_down(self._merge_toast)
        self._merge_toast = None

    def _kept_toast(
        self, message: str, *, title: str = "", severity: SeverityLevel, timeout: float
    ) -> Notification:
        """A toast shown as ``notify`` shows one (plain text), and its handle, for a toast
        that a later event makes untrue: ``_take_down`` removes it then."""
        from textual.notifications import Notification, Notify

        notification = Notification(message, title, severity, timeout, markup=False)
        self.post_message(Notify(notification))
        return notification

    def _take_down(self, toast: Notification | None) -> None:
        """Remove a ``_kept_toast`` still showing (one timed out is gone already)."""
        if toast is not None and toast in self._notifications:
            self._unnotify(toast)

    async def run_async(self, **options: Any) -> None:
        """Run the app (``run`` runs this too); once the terminal is back, print what a
        merge did that the translator may not have read: its toast closed with the app."""
        try:
            # The app's result is passed on (Textual's screenshots exit with one).
            return await super().run_async(**options)
        finally:
            now = time.monotonic()
            for shown_until, account in self._merge_notices:
                if shown_until > now:
                    print("\n".join(account), file=sys.stderr)
            self._merge_notices.clear()

    def _saved(self, path: Path, snapshot: SaveSnapshot) -> None:
        self.session.saved(snapshot)
        self.saves += 1
        # Saving works again: a quit needs no second press, and "Not saved: permission
        # denied", still showing beside "Saved", told of a problem that is gone.
        self._leave_anyway = False
        self._take_down(self._save_failed_toast)
        self._save_failed_toast = None
        self._remember_position()
        self.log(f"saved {path}")
        if self._announce_save:
            self._announce_save = False
            self.notify(f"Saved {path}.")
        self.workbench.update_title()
        # The rows are what was just saved: the next start (even after a crash) can show
        # them at once.
        preview = preview_of(self.session)
        if preview is not None:
            self._store_preview(preview)
        if self._save_again and self.session.dirty:
            self._save_again = False
            self._save_worker = self._save_in_thread(self.session.save_snapshot())

    def _remember_position(self) -> None:
        """Keep the segment under the cursor as the place to reopen at: on quitting, and
        with each save, so that a workbench killed (``kill -9``, a lost SSH session) reopens
        where its work was last saved (a book reopened at #1 of 9,467). Written only when
        the place moved since: most saves follow typing in the same segment."""
        from termwise.tui.position import remember_position

        current = self.workbench.current_id
        if current is None or current == self._remembered:
            return
        remember_position(self.session.path, self.session.target_lang, current)
        self._remembered = current

    @work(thread=True, exclusive=True, group="preview", description="keeping a preview")
    def _store_preview(self, preview: Preview) -> None:
        store_preview(self.session, preview)

    async def leave(self) -> None:
        """Quit without asking twice (a closed terminal, a shutdown): what cannot be saved
        goes to a recovery file once the app has closed (see ``running.keep_unsaved``)."""
        self._leave_anyway = True
        await self.action_quit()

    async def action_quit(self) -> None:
        if self._session is None:
            self.exit()  # still opening: nothing can have been typed yet
            return
        # No merge from a look at the disk while the last save is made (it merges itself).
        if self._disk_timer is not None:
            self._disk_timer.pause()
        # A note typed into its dialog is the translator's too: Ctrl+Q dropped it.
        note = self.screen
        if isinstance(note, AskText) and note.on_quit and note.typed() != note.value:
            note.on_quit(note.typed())
        self.workbench.take_typed_text()  # also when a signal quits, not a key (see run_review)
        self._remember_position()
        # Whatever was typed last is kept even when the debounce timer has not fired: wait
        # for a save in progress, then write what came after it here and now.
        if self._save_worker is not None:
            with contextlib.suppress(Exception):
                await self._save_worker.wait()
        if self.session.dirty:
            try:
                # Quitting: a merge with another program's save is told, as a worker's is.
                self.session.save(on_merge=self._merged)
            except (TermwiseError, OSError) as error:
                if not self._leave_anyway:
                    self._save_failed(error)
        if self.session.dirty and not self._leave_anyway:
            # The session stays unsaved: marking it clean here let a later save write
            # nothing ("Everything is saved") and the next quit drop the work.
            self._leave_anyway = True
            quit_key = first_key("review.quit", self.user_keymap)
            self.notify(
                f"Could not save; press {quit_key} again to leave anyway: what is not saved "
                "will be written to a recovery file, and its place shown.",
                severity="error",
                timeout=15,
            )
            if self._disk_timer is not None:
                self._disk_timer.resume()
            return
        self._stop_watching()
        self.exit()

    # --- checks -----------------------------------------------------------------------

    def schedule_checks(self, delay: float | None = None) -> None:
        if self._check_timer is not None:
            self._check_timer.stop()
        wait = self.check_delay if delay is None else delay
        # Textual's timers divide by their interval: zero is not allowed.
        self._check_timer = self.set_timer(
            max(wait, 0.001), unless_closing(self, self._start_checks)
        )

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
            hand_over(self, self._checks_failed, error)
            return
        # The run may end as the workbench closes, its issues panel already gone.
        hand_over(self, self._checks_done, issues, generation)

    def _checks_failed(self, error: TermwiseError) -> None:
        self.notify(f"Checks failed: {error}", severity="error")
        self.workbench.issues_panel.check_failed()

    def _checks_done(self, issues: list[Issue], generation: int) -> None:
        if not self.session.set_issues(issues, generation):
            return
        self.workbench.issues_checked()


def save_failure(
    error: TermwiseError | OSError, path: Path, keymap: Mapping[str, str] | None = None
) -> str:
    """The notice for a failed save: what went wrong, said once (it read "Not saved: …po:
    not saved: …"), and what the translator can do in the workbench: it has no Save-as, so
    the advice is to fix the folder and save again, or to quit and keep a recovery file."""
    reason = save_problem(error, path)
    save_key = first_key("review.save", keymap or {})
    quit_key = first_key("review.quit", keymap or {})
    return (
        f"Not saved: {path}: {reason}. Your changes are kept in the workbench: fix that, "
        f"then press {save_key}; or quit ({quit_key} twice) to keep them in a recovery file."
    )


def _undo_or_redo(action: str | ActionParseResult) -> bool:
    name = parse_action(action)[1] if isinstance(action, str) else action[1]
    return name in ("undo", "redo")


def save_problem(error: TermwiseError | OSError, path: Path) -> str:
    """What stopped a save of ``path``, in a clause, without a command line's advice
    ("write elsewhere", "run the command again"), which the workbench cannot follow."""
    cause = error if isinstance(error, OSError) else error.__cause__
    if not isinstance(cause, OSError):
        return str(error).removeprefix(f"{path}: ").removeprefix("not saved: ").rstrip(".")
    code = cause.errno
    if code in (errno.EACCES, errno.EPERM):
        return "permission denied; make the folder and the file writable for you"
    if code in (errno.ENOSPC, errno.EDQUOT):
        return "the disk is full; free some space"
    if code == errno.EROFS:
        return "the file system is read-only; remount it writable"
    return cause.strerror or str(cause)


# The keys that fix an aligned translation's groups (``termwise align``), in the order the
# keys list (F1) shows them while one is open. Hidden otherwise (moving sentences between
# groups means nothing in a translation made here), they were hidden there too, and a
# translator had no way to find out that F7 confirms a group or Alt+Down moves a sentence.
ALIGNMENT_KEYS = (
    "align.confirm",
    "align.move_first",
    "align.move_last",
    "review.join",
    "review.split",
    "align.confirm_sure",
)

# What the footer shows, after Edit, while an aligned translation is open: the keys a
# review of its groups goes by, most used first, so that they fit in 160 columns (about
# 140 cells beside Quit and the palette's ^p). Every key of the workbench after them (Accept
# MT, Ctrl+F7, the glossary's) went on past the screen's edge, which cut the filter (Ctrl+L)
# and the issues (F8) off at 200 columns: they are listed in F1, shown here.
ALIGNED_FOOTER = (
    "align.confirm",
    "review.filter",
    "align.move_first",
    "align.move_last",
    "review.issues",
    "review.help",
    "review.join",
    "review.split",
)


class MainScreen(KeymapInPlace, Screen[None]):
    """The workbench's screen (see ``termwise.tui.shown_keys``); with an aligned translation
    open, its footer shows the keys of reviewing the groups (``ALIGNED_FOOTER``) after Edit,
    and its keys list (F1) the alignment keys first."""

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        found = super().active_bindings
        if not getattr(self.app, "aligned", False):
            return found
        return with_alignment_keys(found)


def with_alignment_keys(found: dict[str, ActiveBinding]) -> dict[str, ActiveBinding]:
    """``found`` (key → binding) with the ``ALIGNED_FOOTER`` keys shown and the workbench's
    other keys hidden from the footer (found by id, so a key moved in keymap.toml is shown
    where it went), then the rest of the ``ALIGNMENT_KEYS``, all right after the edit key:
    at the footer's end they fell past the screen's edge. Keys of other widgets (the
    editor's, a panel's) stay as they are."""
    from textual.binding import ActiveBinding

    from termwise.tui.keymap import KEYMAP

    shown: dict[str, ActiveBinding] = {}
    for key, active in found.items():
        binding_id = active.binding.id
        if binding_id in KEYMAP and KEYMAP[binding_id].scope == "review":
            show = binding_id in ALIGNED_FOOTER or binding_id == "review.edit"
            # Quit stays where it is, at the footer's start: a way out is never in F1 only.
            show = show or KEYMAP[binding_id].priority
            if active.binding.show != show:
                binding = dataclasses.replace(active.binding, show=show)
                active = ActiveBinding(active.node, binding, active.enabled, active.tooltip)
        shown[key] = active
    ranked = [*ALIGNED_FOOTER, *(name for name in ALIGNMENT_KEYS if name not in ALIGNED_FOOTER)]
    order = {binding_id: place for place, binding_id in enumerate(ranked)}
    items = list(shown.items())
    first = [item for item in items if item[1].binding.id not in order]
    moved = sorted(
        (item for item in items if item[1].binding.id in order),
        key=lambda item: order[item[1].binding.id or ""],
    )
    # In the editor, after its own Enter and Escape (which stand in for Edit there): put
    # first, they pushed Escape's "Back to grid" off a 160-column screen.
    after = next(
        (
            place + 1
            for place, (_, active) in enumerate(first)
            if active.binding.id in ("review.edit", "editor.leave")
        ),
        0,
    )
    return dict([*first[:after], *moved, *first[after:]])


def lock_lines(
    before: set[str], after: set[str], places: Mapping[str, int], *, limit: int = 4
) -> list[str]:
    """The rows a merge locked or unlocked (``before`` and ``after`` it), in words, ``limit``
    of them named: the merge's own lines say whose text a segment holds, not that it may no
    longer be edited. (An import that locks a chapter named every row in the toast.)"""

    def numbers(segment_ids: set[str]) -> str:
        return named_rows(sorted(segment_ids, key=places.__getitem__), places, limit=limit)

    lines = []
    # Only rows: an obsolete entry's lock is nothing the translator can see here.
    locked = {segment_id for segment_id in after - before if segment_id in places}
    released = {segment_id for segment_id in before - after if segment_id in places}
    if locked:
        lines.append(f"{numbers(locked)}: read-only now (locked in the other program's file).")
    if released:
        lines.append(f"{numbers(released)}: editable again (the other program's lock is gone).")
    return lines


def merge_lines(report: MergeReport, places: Mapping[str, int], *, limit: int) -> list[str]:
    """What a merge did, in words: a line for each segment both sides changed (``limit`` of
    them at most), one for the segments taken whole from the other program's file, one for
    those whose entry it deleted, and one for its entries this document has no segment for. The toast and the account printed
    after the app closes say the same."""

    def in_order(segment_ids: list[str]) -> list[str]:
        return sorted(segment_ids, key=lambda segment_id: places.get(segment_id, len(places)))

    lines = []
    both = in_order([*report.conflicts, *report.superseded, *report.combined])
    for segment_id in both[:limit]:
        lines.append(
            f"{row_number(segment_id, places)}: {'; '.join(report.details.get(segment_id, []))}."
        )
    if len(both) > limit:
        lines.append(f"... and {len(both) - limit} more segment(s) changed on both sides.")
    taken = in_order(report.taken_from_disk)
    if taken:
        lines.append(
            f"{named_rows(taken, places, limit=limit)}: the other program's version "
            "(you had not changed "
            + ("it" if len(taken) == 1 else "them")
            + " since your last save)."
        )
    # The other program rewrote a text the translator had written or approved: taken, as a
    # change of one side only is, but the old text stays within reach. The note calls it
    # the translator's only where they wrote it in this session (``store._yours_into_note``):
    # a colleague's text the file held is not called "yours" here either.
    files = in_order(report.file_text_in_note)
    yours = [segment_id for segment_id in in_order(report.yours_in_note) if segment_id not in files]
    for whose, kept in (("your", yours), ("the", files)):
        if kept:
            lines.append(
                f"{named_rows(kept, places, limit=limit)}: {whose} text before this merge is "
                "kept in " + ("its note." if len(kept) == 1 else "their notes.")
            )
    removed = in_order(report.removed_on_disk)
    if removed:
        # The segment is still in the document and its text here: the entry goes back.
        lines.append(
            f"{named_rows(removed, places, limit=limit)}: removed in the other program's "
            "file; kept here and saved back."
        )
    released = in_order(report.released)
    if released:
        lines.append(
            f"{named_rows(released, places, limit=limit)}: untranslated now (the segment "
            "that held "
            + ("its" if len(released) == 1 else "their")
            + " share of the translation took the other program's text)."
        )
    if report.added_from_disk:
        count = len(report.added_from_disk)
        lines.append(
            f"{count} {'entry' if count == 1 else 'entries'} of the other program's file for "
            "no segment of this document: kept in the file, as obsolete entries."
        )
    header = header_taken_line(report)
    if header:
        lines.append(header)
    return lines


def header_taken_line(report: MergeReport) -> str:
    """What the merge took of the other program's header and layout, in one short line
    ("" where nothing): a notice that said "nothing here changed" hid a Language taken."""
    fields = [
        f"Language {report.language_taken}"
        if name == "Language" and report.language_taken
        else name
        for name in report.header_taken
    ]
    parts = [f"its header: {', '.join(fields)}"] if fields else []
    parts.extend(report.layout_taken)
    return f"Took {'; '.join(parts)}." if parts else ""
