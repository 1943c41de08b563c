"""The workbench's body: the segment grid with its docked editor, and the side panels.

``Workbench`` is what the review does to segments: it keeps the editor on the grid's
current segment, turns the ``review.*`` actions (edit, accept MT, mark reviewed, undo, note,
join, split, search, filter, panels) into calls on the ``ReviewSession``, and redraws what
they changed. The keys of those actions are the app's, so that they work from the grid and
from inside the editor alike; ``ReviewApp`` routes each action here (see ``ROUTES`` in
``termwise.tui.app``). What changed in the session is announced with ``SegmentsChanged``, so
that the app saves and checks again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.markup import escape
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Label, Static, TabbedContent, TabPane

from termwise import languages
from termwise.errors import TermwiseError
from termwise.project.omissions import holder_named
from termwise.review.session import ReadOnlySegment
from termwise.tui.alignment import confirm_group, confirm_sure_groups, dock_note, move_sentence
from termwise.tui.dialogs import AddTerm, AskText, Choose
from termwise.tui.editor import TranslationEditor
from termwise.tui.grid import SegmentGrid
from termwise.tui.numbering import named_rows, row_number
from termwise.tui.panels import ConceptPanel, GlossaryPanel, IssuesPanel
from termwise.tui.panels.candidates import CandidatesPanel
from termwise.tui.panels.issues import issue_to_open, worst_first
from termwise.tui.translating import MTProgress

if TYPE_CHECKING:
    from termwise.checks.issue import Issue
    from termwise.glossary.model import Concept, Term
    from termwise.project.units import TranslationUnit
    from termwise.review.changes import Change
    from termwise.review.session import FilterName, ReviewSession

STATE_NAMES = {"new": "new", "mt": "MT", "edited": "edited", "reviewed": "reviewed"}


class Workbench(Vertical):
    """The grid with its editor, and the side panels beside it."""

    class SegmentsChanged(Message):
        """The session changed (an edit, a fix, machine translation): save and check soon."""

    class Split(Message):
        """A split made new segments, without MT: MT fills them where it fills on opening."""

    def __init__(self, session: ReviewSession, source_name: str, target_name: str) -> None:
        super().__init__(id="workbench")
        self.session = session
        self.source_name = source_name
        self.target_name = target_name
        self._editing_id: str | None = None
        # The editor's text as the session last had it: anything else on screen was typed
        # and is not in the session yet.
        self._synced_text = ""
        self.filter_name: FilterName = "all"
        self._search_hits: list[int] = []
        self._search_query = ""
        self._shown: dict[str, str] = {}
        # The session's ``disk_locks_version`` as the grid last drew it.
        self._locks_drawn = session.disk_locks_version
        # The issue the issues panel last went to: the grid's fix key fixes it while the
        # cursor is on its segment.
        self._issue_gone_to: Issue | None = None

    def compose(self) -> ComposeResult:
        session = self.session
        titles = (self.source_name, "Machine translation", self.target_name)
        with Horizontal(id="top"):
            yield Label(id="title")
            yield MTProgress(session, id="mt-progress", show_eta=False)
        with Horizontal(id="main"):
            yield SegmentGrid(
                session.rows,
                titles=titles,
                decorate=session.ensure_marked,
                mt_column=any(row.mt for row in session.rows),
                id="grid",
            )
            with TabbedContent(id="side", initial="concepts"):
                with TabPane("Concepts", id="concepts"):
                    yield ConceptPanel(
                        [session.source_lang, session.target_lang],
                        session.config.chosen_terms,
                        id="concept-panel",
                    )
                with TabPane("Issues", id="issues"):
                    yield IssuesPanel(session, id="issues-panel")
                with TabPane("Glossary", id="glossary"):
                    yield GlossaryPanel(session, id="glossary-panel")
                with TabPane("Candidates", id="candidates"):
                    yield CandidatesPanel(session, self.concept_at_cursor, id="candidates-panel")
        with Vertical(id="dock"):
            yield Static(id="dock-label")
            yield TranslationEditor(id="editor", soft_wrap=True, show_line_numbers=False)

    @property
    def grid(self) -> SegmentGrid:
        return self.query_one("#grid", SegmentGrid)

    @property
    def editor(self) -> TranslationEditor:
        return self.query_one("#editor", TranslationEditor)

    @property
    def mt(self) -> MTProgress:
        return self.query_one("#mt-progress", MTProgress)

    @property
    def concept_panel(self) -> ConceptPanel:
        return self.query_one("#concept-panel", ConceptPanel)

    @property
    def issues_panel(self) -> IssuesPanel:
        return self.query_one("#issues-panel", IssuesPanel)

    @property
    def glossary_panel(self) -> GlossaryPanel:
        return self.query_one("#glossary-panel", GlossaryPanel)

    def concept_at_cursor(self) -> str | None:
        """The concept highlighted in the Concepts panel (F10), which lists those of the
        segment under the cursor, for the Candidates view's "variant of": it took the
        segment's first concept whatever the translator had picked there."""
        if self.current_id is None:
            return None
        concept = self.concept_panel.selected
        return concept.id if concept is not None else None

    def start(self, width: int) -> None:
        """First showing: the side panel only where there is room, the grid focused."""
        if width < 120:
            self.query_one("#side").add_class("hidden")
        self.glossary_panel.show(self.session.glossary)
        self.grid.focus()
        self.load_editor()
        self.update_title()
        self._warn_unknown_languages()
        self._show_opening_notes()

    def _show_opening_notes(self) -> None:
        """Say what opening the translation did to earlier work (joined, set aside as #~)
        and where an older termwise's file may be this translation: the command line
        prints these on standard error, which the workbench hides, and work that moved
        looks like work lost."""
        for note in self.session.opening_notes:
            self.notify(note, severity="warning", timeout=15)

    def _warn_unknown_languages(self) -> None:
        """Say so where the glossary tags terms with no known language ("sp" for es): the
        warning the loader printed went under the workbench, and the translator saw only a
        glossary that knew no Spanish."""
        from termwise.glossary.formats import unknown_languages

        if self.session.glossary is None:
            return
        unknown = unknown_languages(self.session.glossary)
        if unknown:
            tags = ", ".join(repr(tag) for tag in unknown)
            which = "which is no known language" if len(unknown) == 1 else "no known languages"
            self.notify(
                f"The glossary tags terms {tags}, {which}: no translation uses them "
                "(termwise glossary validate lists where).",
                severity="warning",
                timeout=10,
            )

    # --- what is shown ----------------------------------------------------------------

    def update_title(self) -> None:
        session = self.session
        counts = session.counts()
        total = sum(counts.values())
        parts = [
            f"[b]{session.path.name}[/b]",
            f"{self.source_name} → {self.target_name}",
            f"{counts['reviewed']}/{total} segments reviewed",
            f"{counts['edited']} edited",
            f"{counts['mt']} MT",
            f"{counts['new']} new",
        ]
        if self.filter_name == "unsure":
            # A group confirmed stays listed (the cursor keeps its place) but is done: the
            # count said "unsure (538)" after the 538th was confirmed.
            from termwise.review.alignment import needs_check

            listed = self.grid.rows
            left = sum(1 for row in listed if needs_check(session.unit(row.segment_id)))
            shown = f"{left}" if left == len(listed) else f"{left} of {len(listed)} listed"
            parts.append(f"filter: unsure ({shown})")
        elif self.filter_name != "all":
            parts.append(f"filter: {self.filter_name} ({len(self.grid.rows)})")
        if session.dirty:
            parts.append("[i]unsaved[/i]")
        self._set_text("#title", "  ·  ".join(parts))

    def _set_text(self, selector: str, text: str) -> None:
        if not self.is_attached:
            return  # a late timer after the app closed: there is nothing to show
        # Updating a label re-runs layout; skipping unchanged text keeps keystrokes cheap.
        if self._shown.get(selector) != text:
            self._shown[selector] = text
            self.query_one(selector, Static).update(text)

    @property
    def current_id(self) -> str | None:
        row = self.grid.current
        return row.segment_id if row is not None else None

    def load_editor(self) -> None:
        """Show the current segment's translation in the editor and its concepts aside."""
        self.take_typed_text()  # what was typed belongs to the segment it was typed in
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
        # The editor's own form of the text (TextArea reads a "\r" or a U+2028 as its line
        # break): only what the translator types there afterwards changes the translation.
        self._synced_text = editor.text
        locked = self.session.read_only_reason(segment_id) is not None
        editor.set_locked(self._read_only_message(segment_id, "editing") if locked else None)
        self.update_dock()
        panel = self.concept_panel
        concepts = self.session.concepts_of(segment_id)
        if [c.id for c in concepts] != [c.id for c in panel.concepts]:
            panel.show(concepts)

    def update_dock(self) -> None:
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
        locked = self.session.read_only_reason(segment_id)
        if locked is not None:
            # Why the text may not change, first: the import's reason (translate="no", a lock).
            parts.append(f"[b]read-only[/b]: {escape(locked)}")
        # Before the MT and the glossary's account, which can fill the line.
        aligned = dock_note(self, segment_id)
        if aligned:
            parts.append(aligned)
        held, notes = shown_notes(self.session, unit, self._key_of("review.join"))
        if held:
            # Why an empty part is no work left to do, before the MT that fills the line.
            parts.append(escape(held))
        if unit.mt and not self.grid.shows_mt:
            parts.append(f"MT ({unit.mt_engine or '?'}): {unit.mt}")
        elif unit.mt_engine:
            parts.append(f"MT: {unit.mt_engine}")
        forced = self.session.glossary_decisions(segment_id)
        if forced:
            parts.append("glossary: " + "; ".join(forced))
        if notes:
            parts.append(f"note: {escape(notes)}")
        self._set_text("#dock-label", "  ·  ".join(parts))
        self.draw_new_locks()

    def draw_new_locks(self) -> None:
        """Redraw the grid where the session has read locks another program added to the
        file (or released) since the grid was drawn: the lock was enforced at once, but
        its marker came only with the next merge."""
        if self.session.disk_locks_version != self._locks_drawn:
            self._locks_drawn = self.session.disk_locks_version
            self.grid.refresh()

    def row_changed(self, segment_id: str) -> None:
        index = self.grid.index_of(segment_id)
        if index is not None:
            self.grid.row_changed(index)

    def changed(self, *segment_ids: str, reload_editor: bool = True) -> None:
        """After a session change: redraw rows, editor, title; then saving and checks."""
        for segment_id in segment_ids:
            self.row_changed(segment_id)
        # Their issues are marked now, not when the check run a pause away is in.
        self.issues_panel.mark_changed(segment_ids)
        if reload_editor:
            self.load_editor()
        else:
            self.update_dock()
        self.update_title()
        self.post_message(self.SegmentsChanged())

    def refresh_all_rows(self) -> None:
        """Show the rows again (a join, a split, a fix changed them), the cursor kept on its
        segment: with a filter on, the same place in the list is another segment after a
        join (F3 moved the cursor from #204 to #217)."""
        grid = self.grid
        session = self.session
        current = self.current_id
        rows = session.filtered(self.filter_name) if self.filter_name != "all" else session.rows
        place = next(
            (index for index, row in enumerate(rows) if row.segment_id == current), grid.cursor
        )
        grid.set_rows(rows, cursor=place)

    @on(SegmentGrid.CursorMoved, "#grid")
    def _cursor_moved(self, event: SegmentGrid.CursorMoved) -> None:
        self.follow_cursor()  # a click, a jump (keys have done it already: run_action)

    @on(TranslationEditor.Changed, "#editor")
    def _typed(self, event: TranslationEditor.Changed) -> None:
        self.take_typed_text()

    def take_typed_text(self) -> None:
        """Put the editor's text into the session now if it was typed and not taken yet."""
        segment_id = self._editing_id
        if segment_id is None or not self.is_attached:
            return
        # As typed, line breaks included: a translation's text never changes unless the
        # translator changed it (opening a segment turned "larga\n\nque" into "larga  que").
        text = self.editor.text
        if text == self._synced_text:
            return
        self._synced_text = text
        if text != self.session.unit(segment_id).target:
            try:
                self.session.set_target(segment_id, text)
            except ReadOnlySegment as error:
                # Put in by a way around the editor's read-only mode: the text goes back.
                self.notify(str(error), severity="warning")
                self.editor.load_text(self.session.unit(segment_id).target)
                self._synced_text = self.editor.text
                return
            self.changed(segment_id, reload_editor=False)

    def follow_cursor(self) -> None:
        if self.is_attached and self.current_id != self._editing_id:
            self.load_editor()

    # --- actions: editing -------------------------------------------------------------

    def _focus_now(self, widget: Any) -> None:
        # Widget.focus() defers to the message queue, so keys typed right after Enter could
        # still reach the grid; moving focus at once keeps them in the editor.
        self.app.screen.set_focus(widget)

    def action_edit(self) -> None:
        self._focus_now(self.editor)
        # A read-only segment's editor opens still (its text can be selected and copied),
        # saying why the text stays as it is (once: not again at the first key).
        self.editor.refuse()

    def _read_only_message(self, segment_id: str, what: str) -> str:
        """What refusing ``what`` on a read-only segment says (the session's words)."""
        try:
            self.session.refuse_read_only([segment_id], what)
        except ReadOnlySegment as error:
            return str(error)
        return ""

    def action_leave_editor(self) -> None:
        if self.app.screen is self.screen:
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
        try:
            accepted = self.session.accept_mt(segment_id)
        except ReadOnlySegment as error:
            self.notify(str(error), severity="warning")
            return
        if not accepted:
            translate = self._key_of("review.translate")
            self.notify(f"This segment has no machine translation yet ({translate} translates).")
            return
        self.changed(segment_id)

    def action_mark_reviewed(self) -> None:
        segment_id = self.current_id
        if segment_id is None:
            return
        if not self.session.mark_reviewed(segment_id):
            self.notify("Nothing to mark: the translation is empty.", severity="warning")
            return
        self.changed(segment_id)

    def action_undo(self) -> None:
        try:
            change = self.session.undo()
        except TermwiseError as error:
            # A glossary step another program's change has overtaken (it is refused).
            self.notify(f"Not undone: {error}", severity="error")
            return
        if change is None:
            self.notify("Nothing to undo.")
            return
        self._after_history(change, "Undone", list(change.before))

    def action_redo(self) -> None:
        try:
            change = self.session.redo()
        except TermwiseError as error:
            self.notify(f"Not redone: {error}", severity="error")
            return
        if change is None:
            self.notify("Nothing to redo.")
            return
        self._after_history(change, "Redone", list(change.after))

    def _after_history(self, change: Change, verb: str, ids: list[str]) -> None:
        if change.glossary_file is not None:
            # The glossary panel, the marks and the checks follow the file put back.
            self.glossary_changed(f"{verb}: {change.label} ({change.glossary_file})")
            self.post_message(self.SegmentsChanged())
            return
        if change.reshapes:
            # A join or split undone leaves rows the grid shows and the session no longer has.
            self.refresh_all_rows()
        places = self.session.places_of(change)
        hidden = ""
        if places and self.current_id not in places:
            # The step acted on a segment off screen: the cursor goes there, as in OmegaT
            # (Ctrl+Z took back a review three pages up, and nothing on screen changed).
            # Only to one the filter lists: undoing Ctrl+F7 (the sure groups, none of them
            # unsure) turned the translator's filter of unsure groups off to reach one.
            listed = next((p for p in places if self.grid.index_of(p) is not None), None)
            if listed is not None:
                self.jump_to(listed)
            else:
                hidden = " (not listed by the filter)"
        self.changed(*ids)
        self.notify(f"{verb}: {change.label}{where(places, self.session.row_index)}{hidden}")

    def action_note(self) -> None:
        segment_id = self.current_id
        if segment_id is None:
            return

        def done(note: str | None) -> None:
            if note is not None:
                self.session.set_note(segment_id, note)
                self.changed(segment_id)

        self.app.push_screen(
            AskText(
                f"Note for {segment_id}",
                self.session.unit(segment_id).notes,
                on_quit=done,
            ),
            done,
        )

    def action_insert_term(self) -> None:
        segment_id = self.current_id
        if segment_id is not None and self.session.read_only_reason(segment_id) is not None:
            message = self._read_only_message(segment_id, "inserting a term")
            self.notify(message, severity="warning")
            return
        concept = self.concept_panel.selected
        if concept is None:
            self.notify("No glossary concept in this segment.", severity="warning")
            return
        # The project's rendering ([mt.terms]), as MT writes it and the checks want it:
        # the preferred one put in here was then reported, and fixed, as inconsistent.
        term = concept.rendering(self.session.target_lang, self.session.config.chosen_terms)
        if term is None:
            self.notify(
                f"{concept.id} has no official {languages.display_name(self.session.target_lang)}"
                " rendering in the glossary.",
                severity="warning",
            )
            return
        editor = self.editor
        if not editor.has_focus:
            # From the grid no place in the draft was chosen; the cursor the loaded draft
            # left at its start put the term before the sentence ("comunidad … Abstracto:
            # la construcción"). It goes at the end, where Enter and typing would go on.
            editor.move_cursor(editor.document.end)
        editor.insert_word(term.text, spaced=not languages.is_cjk(self.session.target_lang))
        self._focus_now(editor)

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
        self.refresh_all_rows()
        self.changed(segment_id)

    # --- actions: alignment review (tui/alignment.py) ------------------------------------

    def action_align_move_first(self) -> None:
        move_sentence(self, -1)

    def action_align_move_last(self) -> None:
        move_sentence(self, +1)

    def action_align_confirm(self) -> None:
        confirm_group(self)

    def action_align_confirm_sure(self) -> None:
        confirm_sure_groups(self)

    def action_split(self) -> None:
        segment_id = self.current_id
        if segment_id is None:
            return
        try:
            self.session.refuse_read_only([segment_id], "splitting")
        except ReadOnlySegment as error:
            self.notify(str(error), severity="warning")
            return
        try:
            # Before asking where: the answer would be refused.
            self.session.refuse_others_work([segment_id], "split")
        except TermwiseError as error:
            self.notify(str(error), severity="warning")
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
            self.refresh_all_rows()
            self.changed(segment_id)
            self.post_message(self.Split())

        source = self.session.source_text(segment_id)
        choices = [(str(offset), split_preview(source, offset)) for offset in options]
        self.app.push_screen(Choose("Split where?", choices), done)

    # --- actions: navigation ----------------------------------------------------------

    def action_search(self) -> None:
        def done(query: str | None) -> None:
            if not query:
                return
            self._search_query = query
            self._search_hits = self.session.search(query, self.grid.rows)
            beyond = self._beyond_filter(query)
            if not self._search_hits:
                self._not_found(query, beyond)
                return
            after = [hit for hit in self._search_hits if hit > self.grid.cursor]
            self.grid.move_cursor(after[0] if after else self._search_hits[0])
            again = self._key_of("review.find_next")
            found = "filtered segment(s)" if beyond else "segment(s)"
            self.notify(
                f"{len(self._search_hits)} {found} contain {query!r}{beyond}; {again} goes to "
                "the next."
            )

        self.app.push_screen(AskText("Search in source and translation", self._search_query), done)

    def action_find_next(self) -> None:
        """The next segment (after the cursor, from the top after the last) holding what the
        last search looked for, as the text is now."""
        query = self._search_query
        if not query:
            self.notify(f"Nothing to find yet: {self._key_of('review.search')} searches.")
            return
        hits = self.session.search(query, self.grid.rows)
        self._search_hits = hits
        beyond = self._beyond_filter(query)
        if not hits:
            self._not_found(query, beyond)
            return
        after = [hit for hit in hits if hit > self.grid.cursor]
        target = after[0] if after else hits[0]
        self.grid.move_cursor(target)
        wrapped = "" if after else " (from the top)"
        within = " filtered" if beyond else ""
        self.notify(f"{query!r}: {hits.index(target) + 1} of {len(hits)}{within}{beyond}{wrapped}")

    def _beyond_filter(self, query: str) -> str:
        """How many segments hold ``query`` in all (" (6 in all)") while a filter is on,
        else nothing: a search looks in the rows the filter lists, and "1 segment(s)
        contain 'Goliath'" read as the whole book's count."""
        if self.filter_name == "all":
            return ""
        return f" ({len(self.session.search(query, self.session.rows))} in all)"

    def _not_found(self, query: str, beyond: str) -> None:
        where = " in the filtered segments" if beyond else ""
        self.notify(f"Not found{where}: {query}{beyond}")

    def _key_of(self, binding_id: str) -> str:
        """The (first) key of a binding as the user's keymap has it."""
        from termwise.tui.keymap import shown_key

        return shown_key(self.app, binding_id)

    def action_filter(self) -> None:
        options = [
            ("all", "All segments"),
            ("untranslated", "Untranslated"),
            ("unreviewed", "Not reviewed"),
            ("issues", "With issues"),
            ("unsure", "Unsure alignment groups"),
            ("concept", "Containing a concept…"),
        ]

        def done(choice: str | None) -> None:
            if choice == "concept":
                self.action_filter_concept()
            elif choice is not None:
                self.action_apply_filter(choice)

        self.app.push_screen(Choose("Show", options), done)

    def action_filter_concept(self) -> None:
        def done(query: str | None) -> None:
            if query:
                self.set_filter("concept", query)

        self.app.push_screen(AskText("Concept id or term", placeholder="T01 or destiny"), done)

    def action_apply_filter(self, name: str) -> None:
        self.set_filter(name)  # type: ignore[arg-type]

    def set_filter(self, name: FilterName, concept: str | None = None) -> None:
        current = self.current_id
        rows = self.session.filtered(name, concept)
        if not rows:
            self.notify("No segment matches that filter.", severity="warning")
            return
        self.filter_name = name
        position = next((i for i, row in enumerate(rows) if row.segment_id == current), 0)
        self.grid.set_rows(rows, cursor=position)
        self.update_title()

    def jump_to_issue(self, issue: Issue) -> None:
        """Go to an issue's segment (the issues panel's Enter, or its next error), and keep
        the issue for the grid's fix key (``action_fix_issue``)."""
        self._issue_gone_to = issue
        self.jump_to(issue.segment_id)

    def action_fix_issue(self) -> None:
        """Fix an issue of the segment under the cursor, from the grid (``grid.fix_issue``):
        the one the issues panel went to, while it is still there, else the one F8 opens on
        (``issue_to_open``). The README says Enter on an issue goes into the grid and `x`
        fixes it there; `x` did nothing, without a word, though the panel still showed it."""
        segment_id = self.current_id
        if segment_id is None:
            return
        session = self.session
        # As a check run left them: an equal issue is the same finding at the same place.
        issues = session.issues_of(segment_id)
        issue = self._issue_gone_to
        if issue is None or issue not in issues:
            issue = issue_to_open(worst_first(issues, session.row_index))
        if issue is None:
            where = row_number(segment_id, session.row_index)
            self.notify(f"No issue to fix in {where}.")
            return
        self.issues_panel.fix(issue, "here")

    def jump_to(self, segment_id: str) -> None:
        index = self.grid.index_of(segment_id)
        if index is None:
            self.set_filter("all")
            index = self.session.row_index[segment_id]
        self.grid.move_cursor(index)

    # --- the side panels --------------------------------------------------------------

    def action_show_panel(self, name: str) -> None:
        side = self.query_one("#side", TabbedContent)
        side.remove_class("hidden")
        side.active = name
        panel_widget = {
            "issues": "#issues-tree",
            # The search field: typing in the term list did nothing (its keys, add and
            # status, are one Tab or Down away).
            "glossary": "#glossary-search",
            "concepts": "#concept-list",
            "candidates": "#candidates-list",
        }[name]
        self._focus_now(self.query_one(panel_widget))
        if name == "issues":
            panel = self.issues_panel
            if panel.stale:
                self.show_issues(force=True)
            # Open on the current segment's issue, so that a fix is one key away (once the
            # rebuilt tree has its lines, so that it can scroll to it).
            self.call_after_refresh(panel.select_issue_of, self.current_id)

    def action_toggle_panel(self) -> None:
        self.query_one("#side").toggle_class("hidden")

    def show_issues(self, *, force: bool = False) -> None:
        """Rebuild the issues tree, but only while it can be seen (it can be thousands)."""
        side = self.query_one("#side", TabbedContent)
        visible = side.active == "issues" and not side.has_class("hidden")
        panel = self.issues_panel
        if visible or force:
            panel.show(self.session.issues, self.session.row_index)
        else:
            panel.stale = True

    def issues_checked(self) -> None:
        """A check run's issues are in the session: show them."""
        self.show_issues()
        self.grid.refresh()
        self.update_dock()

    def fixed(self, change: Change) -> None:
        """A fix from the issues panel was applied."""
        if change.source_after is not None:
            self.refresh_all_rows()
        self.changed(*change.after)
        self.show_issues()

    def add_term(self, concept: Concept | None = None) -> None:
        """Add a term to the glossary: the editor's selection, to ``concept`` (the glossary
        term the translator is on), else to the concept aside (F10's, of the segment)."""
        selected = self.editor.selected_text.strip()
        if concept is None:
            concept = self.concept_panel.selected
        self.app.push_screen(
            AddTerm(selected, concept.id if concept else "", self.session.target_lang),
            self.glossary_panel.add_term,
        )

    def edit_status(self, concept: Concept, term: Term) -> None:
        statuses = [(s, s) for s in ("preferred", "admitted", "deprecated", "superseded")]

        def done(status: str | None) -> None:
            if status is not None:
                self.glossary_panel.set_status(concept, term, status)

        title = f"Status of {term.text!r} ({concept.id})"
        self.app.push_screen(Choose(title, statuses, current=term.status.value), done)

    def glossary_changed(self, message: str) -> None:
        self.glossary_panel.show(self.session.glossary)
        self.grid.set_rows(self.grid.rows, cursor=self.grid.cursor)
        self.load_editor()
        if self.current_id is not None:
            self.concept_panel.show(self.session.concepts_of(self.current_id))
        self.notify(message)

    # --- machine translation ----------------------------------------------------------

    def translated(self, segment_ids: list[str]) -> None:
        """A batch of machine translation is in the session: show it."""
        self.grid.show_mt_column()
        for segment_id in segment_ids:
            self.row_changed(segment_id)
        if self.current_id in segment_ids:
            self.load_editor()
        self.update_title()


def split_preview(source: str, offset: int, room: int = 40) -> str:
    """``…to promote world peace. ┃ The second sentence…``: the words on each side of a
    split point, cut at a word's edge and marked "…" where cut. Cut at 40 characters, the
    preview began mid-word ("romote world peace."), as if the segment's text were clipped.
    A text without spaces (Chinese, Japanese) is cut at a character, as it reads."""
    before, after = source[:offset].strip(), source[offset:].strip()
    if len(before) > room:
        tail = before[-room:]
        space = tail.find(" ")
        if before[-room - 1] != " " and 0 <= space < len(tail) - 1:
            tail = tail[space + 1 :]
        before = "…" + tail.lstrip()
    if len(after) > room:
        head = after[:room]
        space = head.rfind(" ")
        if after[room] != " " and space > 0:
            head = head[:space]
        after = head.rstrip() + "…"
    return f"{before} ┃ {after}"


def where(places: list[str], row_index: dict[str, int]) -> str:
    """Where an undone or redone step acted: ", #3", ", #3, #5", ", #3, #5 and 11 more"."""
    return f", {named_rows(places, row_index, limit=2)}" if places else ""


def shown_notes(session: ReviewSession, unit: TranslationUnit, join_key: str) -> tuple[str, str]:
    """A segment's notes as the status line shows them, on one line each: what the note
    that its sentence's translation is in another segment says, and the other notes. That
    note names the segment by its id, which commands read back but no reader can place, and
    ran past the window's width: it shows the segment's number, as the rows are numbered,
    and what to do about it."""
    held = []
    others = []
    for line in unit.notes.splitlines():
        holder = holder_named(line)
        if holder is None:
            others.append(line)
            continue
        where = row_number(holder, session.row_index)
        if unit.target:
            # Shared out since: the note only says where the translation was.
            held.append(f"translation was held by {where}")
        else:
            held.append(f"translation held by {where} (share it out, or join with {join_key})")
    return "; ".join(held), "; ".join(others)
