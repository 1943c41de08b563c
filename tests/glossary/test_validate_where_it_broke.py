"""``glossary validate``: a syntax error at the line its writer made it, and a folder
validated file by file, as the project reads it."""

from __future__ import annotations

import shutil
from pathlib import Path

from support.command_line import termwise
from termwise.glossary.validate import validate_file

ROOT = Path(__file__).resolve().parents[2]
CURATED = ROOT / "glossary" / "key-terms.tbx"


def _broken(path: Path) -> int:
    """The curated glossary with one ``</term`` left without its ``>``; its line."""
    lines = CURATED.read_text(encoding="utf-8").split("\n")
    line = next(i for i, text in enumerate(lines) if "<term>global governance</term>" in text)
    lines[line] = lines[line].replace("</term>", "</term")
    path.write_text("\n".join(lines), encoding="utf-8")
    return line + 1


def test_an_unfinished_tag_is_reported_on_its_own_line(tmp_path: Path) -> None:
    # libxml2 skips the blanks after "</term" and gave up at the next line's tag: 1548:13.
    broken = tmp_path / "broken.tbx"
    line = _broken(broken)
    (problem,) = validate_file(broken)
    assert (problem.line, problem.column) == (
        line,
        len("            <term>global governance</term") + 1,
    )


def test_a_folder_is_validated_file_by_file(tmp_path: Path) -> None:
    folder = tmp_path / "glossary"
    folder.mkdir()
    shutil.copy(CURATED, folder / "key-terms.tbx")
    line = _broken(folder / "client.tbx")
    result = termwise("glossary", "validate", str(folder), cwd=tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"client.tbx:{line}:" in result.stdout
    assert "key-terms.tbx: valid" in result.stdout
    shutil.copy(CURATED, folder / "client.tbx")
    result = termwise("glossary", "validate", str(folder), cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
