"""``export -o x.pdf`` (a suffix no export format goes by) is refused in one line, as
``check`` and ``terms extract`` refuse one, and writes nothing: it printed click's three
lines of usage around the message."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.command_line import termwise

FORMATS = "html, md, docx, txt, tmx, xliff, xliff12, csv, po"


@pytest.mark.parametrize("name", ["x.pdf", "edition.XLSX", "edition"])
def test_an_output_suffix_naming_no_format_is_one_line(tmp_path: Path, name: str) -> None:
    (tmp_path / "paper.txt").write_text("The wind blows. The sun shines.\n", encoding="utf-8")
    before = sorted(tmp_path.rglob("*"))
    result = termwise("export", "paper.txt", "--to", "es", "-o", name, cwd=tmp_path)
    assert result.returncode == 2
    suffix = Path(name).suffix
    named = f"the suffix {suffix!r}" if suffix else "a name with no suffix"
    assert result.stderr == (
        f"termwise: error: {name}: cannot tell the format from {named}; give --format ({FORMATS})\n"
    )
    assert sorted(tmp_path.rglob("*")) == before


def test_a_format_named_by_its_suffix_is_still_written(tmp_path: Path) -> None:
    (tmp_path / "paper.txt").write_text("The wind blows. The sun shines.\n", encoding="utf-8")
    done = termwise("translate", "paper.txt", "--to", "es", "--engine", "apertium", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    result = termwise("export", "paper.txt", "--to", "es", "-o", "x.XLF", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "<xliff" in (tmp_path / "x.XLF").read_text(encoding="utf-8")
