"""termwise's commands in Textual's command palette (ctrl+p), each with its key and the id
that remaps the key in the keymap file."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

from termwise.tui.keymap import scope_table, shown_key

if TYPE_CHECKING:
    from termwise.tui.app import ReviewApp


# (name, help, action) of every workbench command offered in the palette.
_COMMANDS: tuple[tuple[str, str, str], ...] = (
    ("Translate with MT", "Machine-translate segments without MT", "translate"),
    (
        "Install translation model",
        "Download the Argos model for this pair",
        "install_model",
    ),
    ("Accept MT", "Use the machine translation as the translation", "accept_mt"),
    ("Mark reviewed", "The current translation is done", "mark_reviewed"),
    ("Note", "Add or edit the translator's note", "note"),
    ("Undo", "Undo the last change", "undo"),
    ("Redo", "Redo the last undone change", "redo"),
    ("Join with next segment", "Merge this segment and the next", "join"),
    ("Split segment", "Split this segment at a sentence boundary", "split"),
    (
        "Alignment: move first sentence to previous group",
        "The group's first target sentence belongs to the group before",
        "align_move_first",
    ),
    (
        "Alignment: move last sentence to next group",
        "The group's last target sentence belongs to the group after",
        "align_move_last",
    ),
    (
        "Alignment: confirm group",
        "The aligned group is right; take it off the list to check",
        "align_confirm",
    ),
    (
        "Alignment: confirm every sure group",
        "Mark reviewed the aligned groups not flagged or changed (after a question)",
        "align_confirm_sure",
    ),
    ("Search", "Search in source and translation", "search"),
    ("Filter: all segments", "Show every segment", "apply_filter('all')"),
    (
        "Filter: untranslated",
        "Segments without a translation",
        "apply_filter('untranslated')",
    ),
    (
        "Filter: unreviewed",
        "Segments not yet reviewed",
        "apply_filter('unreviewed')",
    ),
    (
        "Filter: with issues",
        "Segments with check issues",
        "apply_filter('issues')",
    ),
    (
        "Filter: unsure alignment groups",
        "Aligned groups to check: unsure, or changed and not yet confirmed",
        "apply_filter('unsure')",
    ),
    (
        "Filter: containing a concept",
        "Segments using a glossary concept",
        "filter_concept",
    ),
    ("Check document", "Run the consistency checks again", "recheck"),
    ("Show issues", "The issues panel", "show_panel('issues')"),
    ("Show glossary", "The glossary panel", "show_panel('glossary')"),
    ("Show concepts", "The current segment's concepts", "show_panel('concepts')"),
    ("Save", "Save the translation now", "save_now"),
    ("Quit", "Save and leave", "quit"),
)


def palette_commands(app: ReviewApp) -> list[tuple[str, str, Callable[[], object]]]:
    """(name, help, callback) of every workbench command offered in the palette; a command
    that has a key says it in its help, with the binding's id that remaps it in the keymap
    file (palette users are the ones looking for keys)."""
    ids = {binding.action: binding.id for binding in scope_table("review")}
    commands: list[tuple[str, str, Callable[[], object]]] = []
    for name, help_text, action in _COMMANDS:
        binding_id = ids.get(action)
        if binding_id is not None:
            help_text = f"{help_text} · {shown_key(app, binding_id)} · {binding_id}"
        commands.append((name, help_text, partial(app.run_action, action)))
    return commands


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
