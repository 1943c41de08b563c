"""An import whose unmatched units' TMX cannot be written after its save still says what it
saved.

The translation file is saved first, then the TMX of the units kept aside. Where that
write failed (a full disk; here, a folder where the TMX's backup goes), the command
stopped with the error alone: no "Imported … into …", no count of the segments filled, and
the translator took the import for failed, though its translations were in. Now the summary
comes first, then the error naming what was not saved, and the exit status is 2.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from termwise.project.importing import unmatched_path
from termwise.project.translation_file import TranslationFile

from .test_import_unmatched_tmx_with_the_save import TMX, po, project, termwise

__all__ = ["project"]


def test_the_summary_says_what_was_saved_before_the_tmx_error(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tmx = unmatched_path(po(project))
    tmx.write_text(TMX.replace("The cat is blue.", "The cow is green."), encoding="utf-8")
    (tmx.parent / f"{tmx.name}~").mkdir()
    (tmx.parent / f"{tmx.name}~" / "keep").write_text("x", encoding="utf-8")
    capsys.readouterr()

    assert termwise(project, "import", str(project.parent / "work.tmx")) == 2

    said = capsys.readouterr()
    assert f"Imported {project.parent / 'work.tmx'} into {po(project)}" in said.out, said
    assert "unmatched (kept aside): 1" in said.out, said.out
    assert "Unmatched units kept in" not in said.out
    assert f"{tmx}: not saved" in said.err
    units = TranslationFile.load(po(project)).units.values()
    assert any("El gato está azul." in unit.notes for unit in units)
