"""The Candidates view of the glossary: terms the document uses that the glossary lacks.

Term discovery (``termwise.terms``) runs in a worker on the open document; each candidate
(a variant group) can be accepted as a new concept, accepted as a variant of the concept
under the grid's cursor, or rejected, which the project remembers
(``termwise.terms.rejections``). A write announces itself with ``GlossaryPanel.Changed``,
so highlights and checks follow as for any glossary edit. A named entity (a person, place
or firm) is marked "name", as ``termwise terms`` marks it (``kind``), and listed after the
terms, as it lists them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from termwise.errors import TermwiseError
from termwise.tui.closing import hand_over
from termwise.tui.keymap import shown_key, textual_bindings
from termwise.tui.panels.glossary import GlossaryPanel, tell

if TYPE_CHECKING:
    from termwise.review.session import ReviewSession
    from termwise.terms.extract import Candidate


class CandidatesPanel(Vertical):
    """Candidate terms of the document the glossary lacks in some form, names after terms."""

    BINDINGS: ClassVar[list[BindingType]] = textual_bindings("candidates")  # type: ignore[assignment]
    DEFAULT_CSS = """
    CandidatesPanel > OptionList { height: 1fr; }
    CandidatesPanel > Static { height: auto; color: $text-muted; }
    """

    def __init__(
        self,
        session: ReviewSession,
        concept_at_cursor: Callable[[], str | None],
        **kwargs: str,
    ) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.session = session
        self.concept_at_cursor = concept_at_cursor
        self.candidates: list[Candidate] = []

    def compose(self) -> ComposeResult:
        find = shown_key(self.app, "candidates.extract")
        yield Static(f"{find}: find candidates in this document", id="candidates-help")
        yield OptionList(id="candidates-list")

    @property
    def current(self) -> Candidate | None:
        index = self.query_one("#candidates-list", OptionList).highlighted
        if index is None or not 0 <= index < len(self.candidates):
            return None
        return self.candidates[index]

    def action_extract(self) -> None:
        self.query_one("#candidates-help", Static).update("Finding candidates…")
        self.run_worker(self._extract, thread=True, exclusive=True, group="candidates")

    def _extract(self) -> None:
        from termwise.terms.extract import KNOWN, extract_terms
        from termwise.terms.formats import KEPT_BECAUSE
        from termwise.terms.rejections import Rejections

        session = self.session
        rejected = Rejections(session.layout.root)
        found = extract_terms([session.document], session.source_lang, glossary=session.glossary)
        shown = [
            c
            for c in found.candidates
            if c.status != KNOWN and (session.source_lang, c.forms[0]) not in rejected
        ]
        # In the order ``termwise terms`` lists them: each part (at the cut-off, then each
        # reason below it) with its names after its terms; a paper's authors and places,
        # scored high, came before the terms a translator records. (A stable sort: the
        # score order stays within each.)
        sections = list(KEPT_BECAUSE)
        shown.sort(key=lambda c: (sections.index(c.kept), c.name))
        hand_over(self, self.show, shown)

    def show(self, candidates: list[Candidate]) -> None:
        self.candidates = candidates
        options = self.query_one("#candidates-list", OptionList)
        options.clear_options()
        for candidate in candidates:
            label = Text()
            label.append(candidate.term, style="bold")
            label.append(f"  {candidate.frequency}×", style="dim")
            if candidate.name:
                # As `termwise terms` marks it: a name is looked up, seldom recorded.
                label.append("  name", style="italic cyan")
            if candidate.concept:
                label.append(f"  variant of {candidate.concept}", style="yellow")
            if candidate.variants:
                label.append(f"  [{'; '.join(candidate.variants[:3])}]", style="dim")
            options.add_option(Option(label))
        if candidates:
            options.highlighted = 0
        new, variant, concepts, reject, again = (
            shown_key(self.app, name)
            for name in (
                "candidates.new",
                "candidates.variant",
                "review.concepts",
                "candidates.reject",
                "candidates.extract",
            )
        )
        names = sum(candidate.name for candidate in candidates)
        counted = (
            f"{len(candidates)} candidates ({names} names)"
            if names
            else f"{len(candidates)} candidates"
        )
        self.query_one("#candidates-help", Static).update(
            f"{counted} · {new} new concept · {variant} variant of the "
            f"concept highlighted in Concepts ({concepts}) · {reject} reject · {again} again"
        )

    def action_accept_new(self) -> None:
        candidate = self.current
        if candidate is not None:
            self._record(candidate, None)

    def action_accept_variant(self) -> None:
        candidate = self.current
        if candidate is None:
            return
        concept = candidate.concept or self.concept_at_cursor()
        if concept is None:
            self.notify(
                "No concept at the cursor: move to a segment that uses one", severity="warning"
            )
            return
        self._record(candidate, concept)

    def action_reject(self) -> None:
        from termwise.terms.rejections import Rejections

        candidate = self.current
        if candidate is None:
            return
        Rejections(self.session.layout.root).add(self.session.source_lang, candidate.forms[0])
        self._drop(candidate)
        self.notify(f"Rejected {candidate.term!r}; it will not be offered again")

    def _record(self, candidate: Candidate, concept: str | None) -> None:
        """Write the candidate to the glossary: its term as a new concept, or its forms the
        glossary lacks as variants of ``concept``; the first use is the source."""
        from termwise.terms.recording import Details, Found, record_term

        session = self.session
        texts = candidate.unrecorded() if candidate.concept else [candidate.term]
        found = None
        if candidate.occurrences:
            first = candidate.occurrences[0]
            segment = session.document.segment(first.segment)
            line, _ = session.document.line_col(segment.to_source(first.start, first.end)[0])
            found = Found(session.path, line, segment.text)
        # A name kept from the list says so in the glossary, where nothing else would.
        details = Details(note=_NAME_NOTE, part_of_speech="properNoun") if candidate.name else None
        written: list[tuple[Path, str, str]] = []
        said: list[str] = []
        try:
            # As the command line records them, into the files as they are on disk now;
            # one undo step for the candidate.
            with session.editing_glossary(f"glossary: {candidate.term}"):
                for text in texts:
                    path, recorded, _ = record_term(
                        session.glossary_path,
                        text,
                        session.source_lang,
                        concept_id=concept,
                        found=found,
                        details=details,
                        tell=said.append,
                    )
                    written.append((path, recorded, text))
        except TermwiseError as error:
            self.notify(f"Not added: {error}", severity="error")
        if not written:
            return
        self._drop(candidate)
        path, recorded, _ = written[-1]
        added = ", ".join(repr(text) for _, _, text in written)
        # Which file of the folder a new concept went to is the folder's rule, not the
        # translator's choice (``glossary_file``): say it.
        where = f"as a new concept {recorded}" if concept is None else f"to {recorded}"
        self.post_message(GlossaryPanel.Changed(f"Added {added} {where} in {path}"))
        tell(self, said)

    def _drop(self, candidate: Candidate) -> None:
        index = self.candidates.index(candidate)
        remaining = [c for c in self.candidates if c is not candidate]
        self.show(remaining)
        if remaining:
            self.query_one("#candidates-list", OptionList).highlighted = min(
                index, len(remaining) - 1
            )


# The note a name accepted from the list carries into the glossary (with the part of speech
# properNoun): the list marks it a name, and without the note the glossary would not say so.
_NAME_NOTE = "a name, as term discovery marked it"
