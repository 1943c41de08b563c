"""termwise.toml written for the user (the workbench remembers a choice for the project):
one key set, the rest of the file, its comments too, kept as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from termwise.errors import InputError
from termwise.project.settings import (
    MTSettings,
    disable_check,
    load_settings,
    set_mt_on_opening,
    set_setting,
)


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
    assert text == original.replace(
        'engine = "apertium"\n', 'engine = "apertium"\non-opening = false\n'
    )
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


def test_an_mt_table_written_inline_gets_the_key_inline(tmp_path: Path) -> None:
    path = tmp_path / "termwise.toml"
    path.write_text('mt = { engine = "argos" }  # ours\n', encoding="utf-8")
    set_mt_on_opening(path, False)
    assert setting(path) is False
    assert MTSettings.from_settings(load_settings(path)).engine == "argos"
    assert "# ours" in path.read_text(encoding="utf-8")


def test_a_key_that_would_make_the_file_wrong_is_refused_and_nothing_written(
    tmp_path: Path,
) -> None:
    path = tmp_path / "termwise.toml"
    original = 'mt = "argos"\n'  # valid TOML, but [mt] must be a table: refused on reading
    path.write_text(original, encoding="utf-8")
    with pytest.raises(InputError):
        set_mt_on_opening(path, False)
    assert path.read_text(encoding="utf-8") == original
    path.write_text("", encoding="utf-8")
    with pytest.raises(InputError, match="unknown setting"):
        set_setting(path, ("mt", "colour"), "blue")
    assert path.read_text(encoding="utf-8") == ""


def test_disabling_a_check_adds_it_to_the_list_once(tmp_path: Path) -> None:
    path = tmp_path / "termwise.toml"
    path.write_text('[checks]\ndisable = ["double-space"]  # noisy\n', encoding="utf-8")
    disable_check(path, "end-punctuation")
    disable_check(path, "end-punctuation")
    assert load_settings(path)["checks"]["disable"] == ["double-space", "end-punctuation"]
    assert "# noisy" in path.read_text(encoding="utf-8")
    fresh = tmp_path / "new" / "termwise.toml"
    fresh.parent.mkdir()
    disable_check(fresh, "numbers")
    assert load_settings(fresh) == {"checks": {"disable": ["numbers"]}}


def test_a_broken_termwise_toml_is_not_rewritten(tmp_path: Path) -> None:
    path = tmp_path / "termwise.toml"
    original = "[mt\nengine = 1\n"
    path.write_text(original, encoding="utf-8")
    with pytest.raises(InputError, match="termwise.toml"):
        set_mt_on_opening(path, False)
    assert path.read_text(encoding="utf-8") == original


def test_a_check_turned_off_joins_a_list_written_over_lines_with_its_comments(
    tmp_path: Path,
) -> None:
    path = tmp_path / "termwise.toml"
    path.write_text(
        '[checks]\ndisable = [\n    "length-ratio",   # Apertium output is long\n]\n',
        encoding="utf-8",
    )
    disable_check(path, "spelling")
    assert path.read_text(encoding="utf-8") == (
        '[checks]\ndisable = [\n    "length-ratio",   # Apertium output is long\n'
        '    "spelling",\n]\n'
    )
