"""termwise's commands in Textual's command palette (ctrl+p)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

if TYPE_CHECKING:
    from termwise.tui.app import ReviewApp


def palette_commands(app: ReviewApp) -> list[tuple[str, str, Callable[[], object]]]:
    """(name, help, callback) of every workbench command offered in the palette."""
    run = app.run_action
    return [
        ("Translate with MT", "Machine-translate segments without MT", partial(run, "translate")),
        (
            "Install translation model",
            "Download the Argos model for this pair",
            partial(run, "install_model"),
        ),
        ("Accept MT", "Use the machine translation as the translation", partial(run, "accept_mt")),
        ("Mark reviewed", "The current translation is done", partial(run, "mark_reviewed")),
        ("Note", "Add or edit the translator's note", partial(run, "note")),
        ("Undo", "Undo the last change", partial(run, "undo")),
        ("Redo", "Redo the last undone change", partial(run, "redo")),
        ("Join with next segment", "Merge this segment and the next", partial(run, "join")),
        ("Split segment", "Split this segment at a sentence boundary", partial(run, "split")),
        (
            "Alignment: move first sentence to previous group",
            "The group's first target sentence belongs to the group before",
            partial(run, "align_move_first"),
        ),
        (
            "Alignment: move last sentence to next group",
            "The group's last target sentence belongs to the group after",
            partial(run, "align_move_last"),
        ),
        (
            "Alignment: confirm group",
            "The aligned group is right; take it off the list to check",
            partial(run, "align_confirm"),
        ),
        (
            "Alignment: confirm every sure group",
            "Mark reviewed the aligned groups not flagged or changed (after a question)",
            partial(run, "align_confirm_sure"),
        ),
        ("Search", "Search in source and translation", partial(run, "search")),
        ("Filter: all segments", "Show every segment", partial(run, "apply_filter('all')")),
        (
            "Filter: untranslated",
            "Segments without a translation",
            partial(run, "apply_filter('untranslated')"),
        ),
        (
            "Filter: unreviewed",
            "Segments not yet reviewed",
            partial(run, "apply_filter('unreviewed')"),
        ),
        (
            "Filter: with issues",
            "Segments with check issues",
            partial(run, "apply_filter('issues')"),
        ),
        (
            "Filter: unsure alignment groups",
            "Aligned groups to check: unsure, or changed and not yet confirmed",
            partial(run, "apply_filter('unsure')"),
        ),
        (
            "Filter: containing a concept",
            "Segments using a glossary concept",
            partial(run, "filter_concept"),
        ),
        ("Check document", "Run the consistency checks again", partial(run, "recheck")),
        ("Show issues", "The issues panel", partial(run, "show_panel('issues')")),
        ("Show glossary", "The glossary panel", partial(run, "show_panel('glossary')")),
        ("Show concepts", "The current segment's concepts", partial(run, "show_panel('concepts')")),
        ("Save", "Save the translation now", partial(run, "save_now")),
        ("Quit", "Save and leave", partial(run, "quit")),
    ]


class ReviewCommands(Provider):
    """Fuzzy search over :func:`palette_commands`."""

    def _commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        from termwise.tui.app import ReviewApp

        app = self.app
        return palette_commands(app) if isinstance(app, ReviewApp) else []

    async def discover(self) -> Hits:
        for name, help_text, callback in self._commands():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)
