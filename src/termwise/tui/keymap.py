"""Key bindings with ids, remappable from ``$XDG_CONFIG_HOME/termwise/keymap.toml``.

Every binding of the workbench has a stable id (as in Posting), so a user can move any key
without knowing which widget owns it, and so documentation, the footer and the config file
all name the same thing. The file is a flat TOML table of ``id = "keys"``::

    "review.accept_mt" = "ctrl+t"
    "review.mark_reviewed" = "ctrl+r,f3"

This module holds the table and the file's validation; it imports Textual only to check a
key's name against those Textual gives the keys it reads (``textual.keys``), so that the
table can be documented without the UI.
"""

from __future__ import annotations

import difflib
import re
import string
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from termwise.errors import InputError
from termwise.project.layout import load_toml, user_config_dir

KEYMAP_FILE = "keymap.toml"


@dataclass(frozen=True)
class KeyBinding:
    """One remappable binding: its id, default keys, action and what the footer calls it."""

    id: str
    keys: str
    action: str
    description: str
    scope: str
    show: bool = True
    # Checked before any screen's or widget's keys, dialogs included: quitting must work
    # while a dialog is open (a dialog that swallowed the quit key looked like a freeze).
    priority: bool = False


_TABLE = (
    # The grid's own movement keys.
    KeyBinding("grid.cursor_up", "up,k", "cursor_up", "Previous segment", "grid", False),
    KeyBinding("grid.cursor_down", "down,j", "cursor_down", "Next segment", "grid", False),
    KeyBinding("grid.page_up", "pageup", "page_up", "Page up", "grid", False),
    KeyBinding("grid.page_down", "pagedown", "page_down", "Page down", "grid", False),
    KeyBinding("grid.first", "home", "first", "First segment", "grid", False),
    KeyBinding("grid.last", "end", "last", "Last segment", "grid", False),
    # Enter on an issue (F8) goes to its segment, in the grid: the fix is made there too.
    KeyBinding("grid.fix_issue", "x", "app.fix_issue", "Fix the issue", "grid", False),
    # The workbench: these work from the grid and (being control or function keys that
    # the editor does not use) from inside the editor too.
    KeyBinding("review.edit", "enter", "edit", "Edit", "review"),
    KeyBinding("review.leave_editor", "escape", "leave_editor", "Back to grid", "review", False),
    KeyBinding("review.next", "ctrl+down", "next_segment", "Next", "review", False),
    KeyBinding("review.previous", "ctrl+up", "previous_segment", "Previous", "review", False),
    KeyBinding("review.accept_mt", "ctrl+t", "accept_mt", "Accept MT", "review"),
    KeyBinding("review.mark_reviewed", "ctrl+r", "mark_reviewed", "Reviewed", "review"),
    KeyBinding("review.undo", "ctrl+z", "undo", "Undo", "review", False),
    KeyBinding("review.redo", "ctrl+y", "redo", "Redo", "review", False),
    KeyBinding("review.note", "ctrl+o", "note", "Note", "review"),
    KeyBinding("review.insert_term", "ctrl+g", "insert_term", "Insert term", "review"),
    KeyBinding("review.translate", "f2", "translate", "Translate", "review"),
    KeyBinding("review.search", "ctrl+f", "search", "Search", "review"),
    # The next segment with what Ctrl+F looked for (F3, find next elsewhere, joins here;
    # Ctrl+N is a key users bind in keymap.toml, and a new default there broke their file).
    KeyBinding("review.find_next", "alt+n", "find_next", "Find next", "review", False),
    KeyBinding("review.filter", "ctrl+l", "filter", "Filter", "review"),
    KeyBinding("review.join", "f3", "join", "Join next", "review", False),
    KeyBinding("review.split", "f4", "split", "Split", "review", False),
    # Reviewing an aligned translation (``termwise align``): fix the groups.
    KeyBinding(
        "align.move_first", "alt+up", "align_move_first", "1st sentence up", "review", False
    ),
    KeyBinding(
        "align.move_last", "alt+down", "align_move_last", "Last sentence down", "review", False
    ),
    KeyBinding("align.confirm", "f7", "align_confirm", "Confirm group", "review", False),
    KeyBinding(
        "align.confirm_sure",
        "ctrl+f7",
        "align_confirm_sure",
        "Confirm sure groups",
        "review",
        False,
    ),
    KeyBinding("review.issues", "f8", "show_panel('issues')", "Issues", "review"),
    KeyBinding("review.glossary", "f9", "show_panel('glossary')", "Glossary", "review"),
    KeyBinding("review.concepts", "f10", "show_panel('concepts')", "Concepts", "review"),
    KeyBinding(
        "review.candidates", "f6", "show_panel('candidates')", "Candidates", "review", False
    ),
    KeyBinding("review.toggle_panel", "f12", "toggle_panel", "Panel", "review", False),
    # Every key of the focused panel, the hidden ones too (the alignment keys, F3, F4).
    KeyBinding("review.help", "f1", "toggle_help", "Keys", "review", False),
    KeyBinding("review.save", "ctrl+s", "save_now", "Save", "review", False),
    KeyBinding("review.quit", "ctrl+q", "quit", "Quit", "review", priority=True),
    # The docked editor (on top of Textual's TextArea keys): select all, as in OmegaT and
    # word processors, so that typing replaces the whole draft.
    KeyBinding("editor.next_segment", "enter", "app.next_segment", "Next segment", "editor"),
    KeyBinding("editor.leave", "escape", "app.leave_editor", "Back to grid", "editor"),
    KeyBinding("editor.select_all", "ctrl+a", "select_all", "Select all", "editor"),
    # TextArea has no keys for the whole text's ends; End stops at a wrapped line's end.
    KeyBinding("editor.text_start", "ctrl+home", "text_start", "Start of text", "editor", False),
    KeyBinding("editor.text_end", "ctrl+end", "text_end", "End of text", "editor", False),
    KeyBinding(
        "editor.select_to_start",
        "ctrl+shift+home",
        "text_start(True)",
        "Select to start",
        "editor",
        False,
    ),
    KeyBinding(
        "editor.select_to_end",
        "ctrl+shift+end",
        "text_end(True)",
        "Select to end",
        "editor",
        False,
    ),
    # The issues panel.
    KeyBinding("issues.jump", "enter", "jump", "Go to segment", "issues"),
    KeyBinding("issues.fix", "x", "fix", "Fix here", "issues"),
    KeyBinding("issues.fix_all", "X", "fix_everywhere", "Fix everywhere", "issues"),
    KeyBinding("issues.fix_variants", "V", "fix_variants", "Fix all variants", "issues"),
    KeyBinding("issues.ignore", "i", "ignore", "Ignore", "issues"),
    KeyBinding("issues.ignore_all", "I", "ignore_all", "Ignore all like it", "issues", False),
    KeyBinding("issues.next_error", "e", "next_error", "Next error", "issues"),
    KeyBinding(
        "issues.disable_check", "D", "disable_check", "Turn check off in project", "issues", False
    ),
    # The glossary panel.
    KeyBinding("glossary.add", "a", "add_term", "Add term", "glossary"),
    KeyBinding("glossary.status", "s", "edit_status", "Term status", "glossary"),
    # Shown: the footer says in the search field how to get to the terms and their keys.
    KeyBinding("glossary.to_terms", "down", "to_terms", "Terms", "glossary"),
    # The preview of a fix everywhere.
    KeyBinding("preview.apply", "y,enter", "answer(True)", "Apply", "preview"),
    KeyBinding("preview.cancel", "n,escape", "answer(False)", "Cancel", "preview"),
    # A line of text to type (a search, a note, a reason, a new term, the glossary's search):
    # select all, as in the editor, where Textual's Input went to the start of the line.
    KeyBinding("input.select_all", "ctrl+a", "select_all", "Select all", "input", False),
    # The other dialogs (a line of text, a choice, a new term).
    KeyBinding("dialog.cancel", "escape", "cancel", "Cancel", "dialog", False),
    # The keys list (F1): scrolled with the keyboard (it ran past the foot of an 80x24
    # screen); the help key (review.help) closes it too.
    KeyBinding("keys.scroll_up", "up", "scroll_up", "Scroll up", "keys", False),
    KeyBinding("keys.scroll_down", "down", "scroll_down", "Scroll down", "keys", False),
    KeyBinding("keys.page_up", "pageup", "page_up", "Page up", "keys", False),
    KeyBinding("keys.page_down", "pagedown", "page_down", "Page down", "keys", False),
    KeyBinding("keys.top", "home", "scroll_home", "Top", "keys", False),
    KeyBinding("keys.bottom", "end", "scroll_end", "Bottom", "keys", False),
    KeyBinding("keys.close", "escape", "close", "Close", "keys", False),
    # The glossary's Candidates view (term discovery).
    KeyBinding("candidates.extract", "e", "extract", "Find candidates", "candidates"),
    KeyBinding("candidates.new", "n", "accept_new", "New concept", "candidates"),
    KeyBinding("candidates.variant", "v", "accept_variant", "Variant", "candidates"),
    KeyBinding("candidates.reject", "r", "reject", "Reject", "candidates"),
)

KEYMAP: dict[str, KeyBinding] = {binding.id: binding for binding in _TABLE}

# The modifiers of a key as Textual names it, in the order it puts them (``alt+ctrl+x``,
# ``ctrl+shift+home``): a binding whose key is spelt otherwise never meets a key press.
_MODIFIERS = ("alt", "ctrl", "hyper", "meta", "shift", "super")
_EXAMPLES = "e.g. ctrl+t, f5, x, X, question_mark"


class KeymapError(InputError):
    """A keymap file that names an unknown binding or a key that cannot be bound."""


def keymap_path() -> Path:
    return user_config_dir() / KEYMAP_FILE


def scope_table(scope: str) -> list[KeyBinding]:
    return [binding for binding in _TABLE if binding.scope == scope]


def load_keymap(path: Path | None = None) -> dict[str, str]:
    """The user's overrides (binding id → keys), validated; empty when there is no file."""
    target = path if path is not None else keymap_path()
    if not target.exists():
        return {}
    # Broken TOML is the settings reader's InputError, with its line and column.
    data = load_toml(target)
    if isinstance(data.get("keys"), dict) and len(data) == 1:
        data = data["keys"]  # a ``[keys]`` table is accepted too
    return validate_keymap(data, target)


def validate_keymap(data: Mapping[str, object], path: Path | None = None) -> dict[str, str]:
    """Check ids and key names, and that no key ends up bound twice in one scope."""
    overrides: dict[str, str] = {}
    lines = _key_lines(path)
    for binding_id, value in data.items():
        line = lines.get(binding_id)
        if binding_id not in KEYMAP:
            known = ", ".join(sorted(KEYMAP))
            raise KeymapError(
                f"unknown binding id {binding_id!r}; known ids: {known}", path, line=line
            )
        if not isinstance(value, str) or not value.strip():
            raise KeymapError(
                f'{binding_id}: keys must be a string such as "ctrl+t"', path, line=line
            )
        keys = [key.strip() for key in value.split(",")]
        for key in keys:
            if not is_key_name(key):
                raise KeymapError(
                    f"{binding_id}: {key!r} is not a key name{_hint(key)}", path, line=line
                )
        overrides[binding_id] = ",".join(keys)
    _check_conflicts(overrides, path, lines)
    return overrides


def is_key_name(key: str) -> bool:
    """Whether ``key`` is a key Textual can deliver, as it names it: a name from
    ``textual.keys`` or of a printable character (``question_mark``), after modifiers in
    Textual's order; or a printable character alone (``?``, ``X``, ``é``).

    Textual takes any string as a binding's key: ``banana`` showed as 🍌 in the footer and
    ``ctrl+enterr`` as ``^enterr``, and the command they moved was on no key at all."""
    whole, names = _textual_key_names()
    if key in whole:
        return True
    *modifiers, base = key.split("+")
    if not modifiers:
        return base in names or (len(base) == 1 and base.isprintable() and not base.isspace())
    # With a modifier a letter is lower case (Shift is a modifier) and a sign goes by its
    # name: Textual names the key ``ctrl+question_mark``, never ``ctrl+?``.
    in_order = modifiers == sorted(set(modifiers))
    if modifiers == ["shift"] and _types_a_sign(base):
        # Shift with a key that types a character is that character to Textual: Shift+A
        # arrives as ``A``, and a binding on ``shift+a`` never met a key press.
        return False
    return in_order and set(modifiers) <= set(_MODIFIERS) and base in names


def _types_a_sign(name: str) -> bool:
    """Whether the key ``name`` (``a``, ``1``, ``question_mark``) types a visible character."""
    from textual.keys import key_to_character

    character = key_to_character(name)
    return character is not None and character.isprintable() and not character.isspace()


def _hint(key: str) -> str:
    """What to write instead of ``key``, which is no key name, for the keymap's message."""
    closest = _closest_key_name(key)
    *modifiers, base = key.split("+")
    if [part.strip().lower() for part in modifiers] == ["shift"] and _types_a_sign(base.strip()):
        shifted = repr(closest) if closest else "the character it types (e.g. '!')"
        return f"; Shift with a character key arrives as that character: write {shifted}"
    return f"; did you mean {closest!r}?" if closest else f" ({_EXAMPLES})"


def _closest_key_name(key: str) -> str | None:
    """The key name nearest to a mistyped one (``ctlr+t`` → ``ctrl+t``, ``F5`` → ``f5``,
    ``ctrl+enterr`` → ``ctrl+enter``), or None where none is near."""
    from textual.keys import _character_to_key

    _, names = _textual_key_names()
    *modifiers, base = key.split("+")
    if [part.strip().lower() for part in modifiers] == ["shift"] and base.strip().isalpha():
        # Textual names Shift+A by the letter it types (``shift+a`` is ``A``).
        return base.strip().upper() if len(base.strip()) == 1 else None
    if len(base.strip()) == 1 and modifiers:
        base = _character_to_key(base.strip()).lower()
    fixed = [_nearest(part.strip().lower(), _MODIFIERS) for part in modifiers]
    last = _nearest(base.strip().lower(), names)
    if last is None or None in fixed:
        return None
    guess = "+".join([*sorted({part for part in fixed if part}), last])
    return guess if is_key_name(guess) else None


def _nearest(word: str, known: Collection[str]) -> str | None:
    if word in known:
        return word
    found = difflib.get_close_matches(word, list(known), n=1)
    return found[0] if found else None


@cache
def _textual_key_names() -> tuple[frozenset[str], frozenset[str]]:
    """Textual's keys taken whole (``ctrl+@``, as a terminal sends Ctrl+Space), and the
    names a key ends with: those of ``textual.keys`` and of the printable characters."""
    from textual.keys import Keys, _character_to_key

    # "<any>" and the like are Textual's own markers, "ctrl-at" an alias no key sends.
    whole = frozenset(key.value for key in Keys if re.fullmatch(r"[a-z0-9_+@]+", key.value))
    names = {key.rpartition("+")[2] for key in whole} - {"@"}
    # Textual's name of a key that types a character (it binds ``?`` by this name too).
    names |= {_character_to_key(c) for c in string.printable if c.isprintable() and not c.isspace()}
    return whole, frozenset(name for name in names if not name.isupper())


# Keys whose name a keyboard spells otherwise ("Pagedown" read as a word).
_KEY_NAMES = {"pageup": "PgUp", "pagedown": "PgDn"}


def key_label(key: str) -> str:
    """A key as a message names it: ``f3`` → ``F3``, ``ctrl+n`` → ``Ctrl+N``; a letter alone
    stays as it is (``x`` and ``X`` are two keys)."""
    *modifiers, last = key.split("+")
    if last in _KEY_NAMES:
        last = _KEY_NAMES[last]
    elif modifiers or len(last) > 1:
        last = last[:1].upper() + last[1:]
    return "+".join([*(part.capitalize() for part in modifiers), last])


def first_key(binding_id: str, overrides: Mapping[str, str]) -> str:
    """The first key of a binding as the user's keymap has it, as a message names it."""
    keys = overrides.get(binding_id, KEYMAP[binding_id].keys)
    return key_label(keys.split(",")[0].strip())


def shown_key(app: object, binding_id: str) -> str:
    """``first_key`` under the keymap of ``app`` (a ``ReviewApp``: its ``user_keymap``), so
    that a message or a dialog's help line names a key the user moved where they put it."""
    overrides: Mapping[str, str] = getattr(app, "user_keymap", None) or {}
    return first_key(binding_id, overrides)


def effective_keys(overrides: Mapping[str, str]) -> dict[str, str]:
    return {binding.id: overrides.get(binding.id, binding.keys) for binding in _TABLE}


def _check_conflicts(
    overrides: Mapping[str, str], path: Path | None, lines: Mapping[str, int]
) -> None:
    # The grid and the editor sit inside the workbench, so their keys hide a workbench key
    # while they have focus: they count as one scope.
    groups = {
        "grid": "review",
        "review": "review",
        "editor": "review",
        "issues": "issues",
        "glossary": "glossary",
        "preview": "preview",
        "dialog": "dialog",
        "input": "input",
        "candidates": "candidates",
        "keys": "keys",
    }
    seen: dict[tuple[str, str], str] = {}
    for binding_id, keys in effective_keys(overrides).items():
        scope = groups[KEYMAP[binding_id].scope]
        for key in keys.split(","):
            other = seen.get((scope, key))
            if other is not None and not _replaced_in_editor(other, binding_id):
                culprit = binding_id if binding_id in overrides else other
                raise KeymapError(
                    f"{key!r} is bound to both {other} and {binding_id}",
                    path,
                    line=lines.get(culprit),
                )
            seen[(scope, key)] = binding_id


# Grid keys the editor's own keys stand in for while it has focus: Enter moves on to the
# next segment instead of starting to edit, Escape goes back to the grid.
_GRID_ONLY = {"review.edit", "review.leave_editor"}


def _replaced_in_editor(first: str, second: str) -> bool:
    scopes = {KEYMAP[first].scope, KEYMAP[second].scope}
    return scopes == {"review", "editor"} and bool({first, second} & _GRID_ONLY)


def _key_lines(path: Path | None) -> dict[str, int]:
    """Line of each id in the file, so that an error points at it."""
    if path is None or not path.exists():
        return {}
    found: dict[str, int] = {}
    for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        match = re.match(r'\s*"?([\w.]+)"?\s*=', text)
        if match:
            found.setdefault(match.group(1), number)
    return found


def textual_bindings(scope: str) -> list[object]:
    """The scope's bindings as Textual ``Binding`` objects (each with its id)."""
    from textual.binding import Binding

    return [
        Binding(b.keys, b.action, b.description, show=b.show, id=b.id, priority=b.priority)
        for b in scope_table(scope)
    ]
