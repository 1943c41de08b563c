"""The keys list (F1): every key that works where the focus is, scrolled with the keyboard.

Textual's keys panel (``HelpPanel``) could not take the focus, so the keys at its foot were
out of reach at 80x24: the arrow keys moved the grid under it, and nothing said that the
list went on. This list is a dialog of its own: it lists the keys of the widget that had
the focus when F1 was pressed (the footer's keys and the hidden ones), the arrow keys and
PgUp/PgDn scroll it, and its last line says how much is left below. Each key's binding id
stands beside it, and the keymap file's path above the list: remapping a key in that file
(``"review.issues" = "f5"``) meant guessing the id.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from termwise.tui.keymap import keymap_path, shown_key, textual_bindings

if TYPE_CHECKING:
    from textual.binding import ActiveBinding

# One line of the list: its keys as the footer shows them, what they do, and the binding's
# id in the keymap file ("" for Textual's own keys, which have none); None between the keys
# of one widget and the next's.
KeyLine = tuple[str, str, str] | None


def key_lines(app: Any, bindings: Mapping[str, ActiveBinding]) -> list[KeyLine]:
    """The lines of ``bindings`` (a screen's active bindings, in their order): a binding's
    keys on one line, the widgets' keys apart, as Textual's keys panel lists them."""
    lines: list[KeyLine] = []
    for _, group in groupby(bindings.values(), key=itemgetter(0)):
        by_action: dict[str, list[Any]] = {}
        for _, binding, _, _ in group:
            if not binding.system:
                by_action.setdefault(binding.action, []).append(binding)
        if not by_action:
            continue
        if lines:
            lines.append(None)
        for same in by_action.values():
            keys = " ".join(dict.fromkeys(app.get_key_display(binding) for binding in same))
            description = Text.from_markup(same[0].description).plain
            lines.append((keys, description, same[0].id or ""))
    return lines


class KeysList(VerticalScroll):
    """The list; its keys (``keys.*`` in keymap.toml) scroll it and close the dialog."""

    BINDINGS: ClassVar[list[BindingType]] = textual_bindings("keys")  # type: ignore[assignment]

    def action_close(self) -> None:
        self.screen.dismiss()


class KeysScreen(ModalScreen[None]):
    """The keys that work where the focus was, scrolled with Up/Down and PgUp/PgDn."""

    DEFAULT_CSS = """
    KeysScreen { align: right top; }
    KeysScreen > Vertical {
        width: 72; max-width: 100%; height: 100%;
        border-left: vkey $foreground 30%; background: $surface; padding: 0 1;
    }
    KeysScreen .keys-title { text-style: bold; width: 100%; }
    KeysScreen #keys-file { color: $text-muted; width: 100%; }
    KeysScreen KeysList { height: 1fr; }
    KeysScreen #keys-more { color: $text-muted; width: 100%; height: 1; }
    """

    def __init__(self, lines: Sequence[KeyLine], help_key: str | None = None) -> None:
        super().__init__()
        # What each line says, and apart from it the id that remaps its keys.
        self.lines = [None if line is None else line[:2] for line in lines]
        self.binding_ids = [None if line is None else line[2] for line in lines]
        # The keys that open the list (F1 as the keymap has it) close it too.
        self.help_key = help_key

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Keys that work here", classes="keys-title")
            yield Label(
                f"Remap by id in {_home_shown(keymap_path())}", id="keys-file", markup=False
            )
            with KeysList(id="keys-list"):
                yield Static(self.keys_table(), id="keys-table")
            yield Label(id="keys-more", markup=False)

    def keys_table(self) -> Table:
        table = Table(box=None, show_header=False, padding=(0, 1, 0, 0), expand=True)
        table.add_column(justify="right", style="bold", no_wrap=True)
        table.add_column(ratio=1)
        table.add_column(style="dim", no_wrap=True)
        for line, binding_id in zip(self.lines, self.binding_ids, strict=True):
            if line is None:
                table.add_row("", "", "")
            else:
                table.add_row(Text(line[0], style="bold"), Text(line[1]), Text(binding_id or ""))
        return table

    def on_mount(self) -> None:
        keys_list = self.query_one(KeysList)
        if self.help_key:
            keys_list._bindings.bind(self.help_key, "close", show=False)
        keys_list.focus()
        self.watch(keys_list, "scroll_y", self._say_more, init=False)
        self.call_after_refresh(self._say_more)

    def on_resize(self) -> None:
        self.call_after_refresh(self._say_more)

    def lines_below(self) -> int:
        """Lines of the list below the bottom of the dialog."""
        keys_list = self.query_one(KeysList)
        return max(0, round(keys_list.max_scroll_y - keys_list.scroll_y))

    def _say_more(self, _: object = None) -> None:
        """The last line: how many lines are below, and the keys that scroll and close."""
        app = self.app
        below, above = self.lines_below(), round(self.query_one(KeysList).scroll_y)
        down, page_down, up, close = (
            shown_key(app, name)
            for name in ("keys.scroll_down", "keys.page_down", "keys.scroll_up", "keys.close")
        )
        if below:
            said = f"▼ {below} more line{'s' if below > 1 else ''}: {down}/{page_down}"
        elif above:
            said = f"▲ end of the list, {up}: back"
        else:
            said = "all the keys"
        self.query_one("#keys-more", Label).update(f"{said} · {close}: close")


def _home_shown(path: Path) -> str:
    """``path`` with the home folder as ``~``: the keymap's full path filled the line."""
    try:
        return f"~/{path.relative_to(Path.home())}"
    except (ValueError, RuntimeError):  # elsewhere, or no home to name
        return str(path)
