"""``[mt] on-opening``: written into termwise.toml when a translator declines MT for good,
the rest of the file kept as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from termwise.errors import InputError
from termwise.project.settings import MTSettings, load_settings, set_mt_on_opening


def setting(path: Path) -> bool:
    return MTSettings.from_settings(load_settings(path)).on_opening


def test_a_project_without_termwise_toml_gets_one(tmp_path: Path) -> None:
    path = tmp_path / "termwise.toml"
    assert setting(path) is True
    set_mt_on_opening(path, False)
    assert path.read_text(encoding="utf-8") == "[mt]\non-opening = false\n"
    assert setting(path) is False


def test_the_mt_table_gets_the_key_and_comments_stay(tmp_path: Path) -> None:
    path = tmp_path / "termwise.toml"
    original = (
        '# Our project\n[checks]\ndisable = ["double-space"]\n\n'
        '[mt]   # engines\nengine = "apertium"\n\n[mt.terms]\nT01 = "x"\n'
    )
    path.write_text(original, encoding="utf-8")
    set_mt_on_opening(path, False)
    text = path.read_text(encoding="utf-8")
    assert text == original.replace("[mt]   # engines\n", "[mt]   # engines\non-opening = false\n")
    assert setting(path) is False
    assert MTSettings.from_settings(load_settings(path)).engine == "apertium"
    set_mt_on_opening(path, True)
    assert path.read_text(encoding="utf-8") == text.replace("false", "true")
    assert setting(path) is True


def test_a_file_with_only_a_subtable_of_mt_gets_the_table_after_it(tmp_path: Path) -> None:
    path = tmp_path / "termwise.toml"
    path.write_text('[mt.terms]\nT01 = "x"', encoding="utf-8")
    set_mt_on_opening(path, False)
    assert setting(path) is False
    assert MTSettings.from_settings(load_settings(path)).terms == {"T01": "x"}


def test_an_mt_table_written_inline_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "termwise.toml"
    original = 'mt = { engine = "argos" }\n'
    path.write_text(original, encoding="utf-8")
    with pytest.raises(InputError, match="set it by hand"):
        set_mt_on_opening(path, False)
    assert path.read_text(encoding="utf-8") == original


def test_a_broken_termwise_toml_is_not_rewritten(tmp_path: Path) -> None:
    path = tmp_path / "termwise.toml"
    original = "[mt\nengine = 1\n"
    path.write_text(original, encoding="utf-8")
    with pytest.raises(InputError, match="termwise.toml"):
        set_mt_on_opening(path, False)
    assert path.read_text(encoding="utf-8") == original
