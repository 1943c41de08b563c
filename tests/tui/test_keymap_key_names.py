"""A keymap.toml key that no key press can match is refused, naming the file, the line and
the nearest key name. Textual binds any string: ``"banana"`` put the command on a key the
footer drew as 🍌, ``"ctrl+enterr"`` on ``^enterr``, and Ctrl+T did nothing any more."""

from __future__ import annotations

from pathlib import Path

import pytest

from termwise.tui.keymap import KEYMAP, KeymapError, load_keymap


def _refusal(tmp_path: Path, key: str) -> KeymapError:
    path = tmp_path / "keymap.toml"
    path.write_text(f'"review.note" = "ctrl+o"\n"review.accept_mt" = "{key}"\n', encoding="utf-8")
    with pytest.raises(KeymapError) as caught:
        load_keymap(path)
    assert caught.value.line == 2
    assert str(path) in str(caught.value)
    return caught.value


@pytest.mark.parametrize(
    ("key", "nearest"),
    [
        ("ctrl+enterr", "ctrl+enter"),
        ("ctlr+t", "ctrl+t"),
        ("F5", "f5"),
        # Textual delivers a letter with a modifier in lower case, a sign by its name, and
        # the modifiers in its own order: spelt otherwise, the binding never fires.
        ("ctrl+T", "ctrl+t"),
        ("ctrl+?", "ctrl+question_mark"),
        ("shift+ctrl+home", "ctrl+shift+home"),
        ("pgdn", "pagedown"),
    ],
)
def test_a_misspelt_key_is_refused_with_the_nearest_name(
    tmp_path: Path, key: str, nearest: str
) -> None:
    message = str(_refusal(tmp_path, key))
    assert f"'{key}' is not a key name; did you mean '{nearest}'?" in message, message


@pytest.mark.parametrize("key", ["banana", "ctrl+banana"])
def test_a_word_that_is_no_key_is_refused_with_examples(tmp_path: Path, key: str) -> None:
    message = str(_refusal(tmp_path, key))
    assert f"'{key}' is not a key name (e.g. ctrl+t" in message, message


@pytest.mark.parametrize(
    "key",
    ["f5", "ctrl+enter", "X", "?", "question_mark", "é", "ctrl+shift+pageup", "alt+ctrl+x"],
)
def test_keys_a_terminal_sends_are_taken(tmp_path: Path, key: str) -> None:
    path = tmp_path / "keymap.toml"
    path.write_text(f'"review.accept_mt" = "{key}"\n', encoding="utf-8")
    assert load_keymap(path) == {"review.accept_mt": key}


def test_every_default_key_is_a_key_name(tmp_path: Path) -> None:
    # Each binding given its own default again: the rule must refuse none of them.
    path = tmp_path / "keymap.toml"
    path.write_text(
        "".join(f'"{binding.id}" = "{binding.keys}"\n' for binding in KEYMAP.values()),
        encoding="utf-8",
    )
    assert load_keymap(path) == {binding.id: binding.keys for binding in KEYMAP.values()}
