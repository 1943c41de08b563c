"""The unmatched units' TMX and the translation file an import writes succeed or fail
together, and what the command says is true.

From the last stop's notes: ``import`` saved the PO file and then wrote the TMX of the units
it could not place. An unmatched TMX there already that was read-only or no TMX stopped the
command after the PO was saved, with "Nothing was written." (a read-only one) or a reading
error, and no summary: the translator took the import for failed, though its translations
were in. Real files and the real command (``termwise.cli.main``, as the shell runs it).
"""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from termwise.cli import main
from termwise.project.importing import import_file, unmatched_path
from termwise.project.interchange import read_units
from termwise.project.layout import ProjectLayout
from termwise.project.store import ConcurrentModificationError
from termwise.project.translation_file import TranslationFile
from termwise.project.translations import load_source, open_translation

DOC = "The cat is blue.\n\nThe dog is red.\n"
TU = '<tu><tuv xml:lang="en"><seg>{}</seg></tuv><tuv xml:lang="es"><seg>{}</seg></tuv></tu>'
# One unit for the document, one that is not in it (kept aside).
TMX = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="en" '
    'datatype="plaintext" segtype="sentence" adminlang="en" creationtool="test" '
    'creationtoolversion="1" o-tmf="test"/><body>'
    + TU.format("The cat is blue.", "El gato es azul.")
    + TU.format("The bird sings.", "El pájaro canta.")
    + "</body></tmx>\n"
)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project whose translation file exists (the first sentence translated), and a TMX
    to import beside it."""
    root = tmp_path / "proj"
    root.mkdir()
    (root / "doc.txt").write_text(DOC, encoding="utf-8")
    seed = tmp_path / "seed.tmx"
    seed.write_text(
        TMX.replace(TU.format("The bird sings.", "El pájaro canta."), ""), encoding="utf-8"
    )
    assert termwise(root, "import", str(seed)) == 0
    (tmp_path / "work.tmx").write_text(
        TMX.replace("El gato es azul.", "El gato está azul."), encoding="utf-8"
    )
    return root


def termwise(root: Path, *args: str) -> int:
    """Run the command as the shell does; its exit status."""
    argv = ["--project", str(root), *args, "--doc", str(root / "doc.txt"), "--to", "es"]
    try:
        main(argv)
    except SystemExit as done:
        return int(done.code or 0)
    return 0


def po(root: Path) -> Path:
    return root / "translations" / "doc.es.po"


def test_a_read_only_unmatched_tmx_refuses_before_anything_is_saved(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tmx = unmatched_path(po(project))
    tmx.write_text(TMX, encoding="utf-8")
    tmx.chmod(stat.S_IRUSR | stat.S_IRGRP)
    before, kept = po(project).read_bytes(), tmx.read_bytes()
    capsys.readouterr()
    assert termwise(project, "import", str(project.parent / "work.tmx")) == 2
    error = capsys.readouterr().err
    assert "is read-only" in error and tmx.name in error, error
    assert po(project).read_bytes() == before
    assert tmx.read_bytes() == kept


def test_an_unreadable_unmatched_tmx_refuses_before_anything_is_saved(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tmx = unmatched_path(po(project))
    tmx.write_text("<tmx version='1.4'><body><tu>", encoding="utf-8")
    before = po(project).read_bytes()
    capsys.readouterr()
    assert termwise(project, "import", str(project.parent / "work.tmx")) == 2
    error = capsys.readouterr().err
    assert tmx.name in error, error
    assert po(project).read_bytes() == before


def test_a_tmx_write_failing_after_the_save_says_the_import_is_saved(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tmx = unmatched_path(po(project))
    tmx.write_text(TMX.replace("The cat is blue.", "The cow is green."), encoding="utf-8")
    # The previous TMX's backup cannot be made: a folder has its name.
    (tmx.parent / f"{tmx.name}~").mkdir()
    (tmx.parent / f"{tmx.name}~" / "keep").write_text("x", encoding="utf-8")
    capsys.readouterr()
    assert termwise(project, "import", str(project.parent / "work.tmx")) == 2
    error = capsys.readouterr().err
    assert "Nothing was written" not in error, error
    assert f"the rest of the import is saved in {po(project)}" in error, error
    assert "importing work.tmx again keeps them here" in error, error
    tfile = TranslationFile.load(po(project))
    assert any("El gato está azul." in unit.notes for unit in tfile.units.values())
    # As said: put right, the same import keeps the unit aside.
    (tmx.parent / f"{tmx.name}~" / "keep").unlink()
    (tmx.parent / f"{tmx.name}~").rmdir()
    assert termwise(project, "import", str(project.parent / "work.tmx")) == 0
    sources = [unit.source for unit in read_units(tmx, target_lang="es", source_lang="en")]
    assert "The bird sings." in sources


def test_a_refused_save_leaves_no_unmatched_tmx(project: Path) -> None:
    """The save refused because another program changed the file: the import's steps as
    ``termwise import`` takes them, the change on disk made between them."""
    layout = ProjectLayout.at(project)
    document = load_source(layout, project / "doc.txt")
    tfile = open_translation(layout, document, "es")
    report = import_file(project.parent / "work.tmx", document, tfile)
    assert report.unmatched
    other = TranslationFile.load(po(project))
    next(iter(other.units.values())).notes = "changed in Poedit"
    other.save()
    with pytest.raises(ConcurrentModificationError):
        tfile.save()
    assert not unmatched_path(po(project)).exists()
