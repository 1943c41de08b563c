from __future__ import annotations

from pathlib import Path

import pytest

from termwise.errors import InputError
from termwise.project.layout import ProjectLayout


def test_translation_file_uses_bcp47(tmp_path: Path) -> None:
    layout = ProjectLayout.at(tmp_path)
    assert (
        layout.translation_file("docs/paper.txt", "zh-CN") == tmp_path / "translations/paper.zh.po"
    )
    assert layout.settings() == {}


def test_bad_toml_names_file_line_and_column(tmp_path: Path) -> None:
    (tmp_path / "termwise.toml").write_text("[checks]\nseverity = \n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        ProjectLayout.at(tmp_path).settings()
    assert (caught.value.line, caught.value.column) == (2, 12)
    assert str(caught.value).startswith(f"{tmp_path / 'termwise.toml'}:2:12: invalid TOML")
