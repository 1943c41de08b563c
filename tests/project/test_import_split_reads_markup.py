"""A paragraph unit's translation is cut as the segmenter cuts the Markdown source: never
inside a link's target ("[x](<a. B>)"), a reference to a defined label ("[this][Mr. B.
Smith]") or an HTML declaration ("<!X a. B>"), where the import once cut it (it read only
comments and code spans), found the counts disagree and kept the paragraph aside."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner
from translate.storage.tmx import tmxfile
from translate.storage.xliff import xlifffile

from termwise.cli import cli
from termwise.project.translation_file import TranslationFile

DOCUMENT = """\
# Notes

See [the guide](<notes/a. B.md>) for this. Then stop.

Ask [this][Mr. B. Smith] about it. Then go.

Keep <!X a. B> as written. Then end.

[Mr. B. Smith]: https://example.org/smith
"""
# Paragraph → its translation, as a tool that segments by paragraph holds them.
PARAGRAPHS = {
    "See [the guide](<notes/a. B.md>) for this. Then stop.": (
        "Vea [la guía](<notes/a. B.md>) para esto. Luego pare."
    ),
    "Ask [this][Mr. B. Smith] about it. Then go.": (
        "Pregunte a [este][Mr. B. Smith] sobre ello. Luego vaya."
    ),
    "Keep <!X a. B> as written. Then end.": "Deje <!X a. B> como está. Luego termine.",
}
EXPECTED = {
    "See [the guide](<notes/a. B.md>) for this.": "Vea [la guía](<notes/a. B.md>) para esto.",
    "Then stop.": "Luego pare.",
    "Ask [this][Mr. B. Smith] about it.": "Pregunte a [este][Mr. B. Smith] sobre ello.",
    "Then go.": "Luego vaya.",
    "Keep <!X a. B> as written.": "Deje <!X a. B> como está.",
    "Then end.": "Luego termine.",
}


def msgcat_po(folder: Path) -> Path:
    """A PO file as gettext's msgcat writes it (polib's entries, rewritten by msgcat)."""
    entries = polib.POFile()
    entries.metadata = {"Language": "es", "Content-Type": "text/plain; charset=UTF-8"}
    for source, target in PARAGRAPHS.items():
        entries.append(polib.POEntry(msgid=source, msgstr=target))
    raw = folder / "raw.po"
    entries.save(str(raw))
    out = folder / "paragraphs.po"
    subprocess.run(["msgcat", "-o", str(out), str(raw)], check=True, capture_output=True)
    return out


def toolkit_tmx(folder: Path) -> Path:
    """A TMX 1.4 file as translate-toolkit writes it."""
    store = tmxfile(sourcelanguage="en", targetlanguage="es")
    for source, target in PARAGRAPHS.items():
        store.addtranslation(source, "en", target, "es")
    out = folder / "paragraphs.tmx"
    store.savefile(str(out))
    return out


def toolkit_xliff(folder: Path) -> Path:
    """An XLIFF 1.2 file as translate-toolkit writes it."""
    store = xlifffile(sourcelanguage="en", targetlanguage="es")
    for source, target in PARAGRAPHS.items():
        store.addsourceunit(source).target = target
    out = folder / "paragraphs.xlf"
    store.savefile(str(out))
    return out


@pytest.mark.parametrize("write", [msgcat_po, toolkit_tmx, toolkit_xliff])
def test_paragraph_translations_split_where_the_source_did(
    tmp_path: Path, write: Callable[[Path], Path]
) -> None:
    if write is msgcat_po and shutil.which("msgcat") is None:
        pytest.skip("gettext's msgcat is not installed")
    root = tmp_path / "proj"
    root.mkdir()
    document = root / "doc.md"
    document.write_text(DOCUMENT, encoding="utf-8")
    interchange = write(tmp_path)
    result = CliRunner().invoke(
        cli,
        [
            "--project",
            str(root),
            "import",
            str(interchange),
            "--doc",
            str(document),
            "--to",
            "es",
            "--from",
            "en",
        ],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    assert "paragraph units split:  3" in result.output, result.output
    assert "paragraphs not split:   0" in result.output, result.output
    units = TranslationFile.load(root / "translations" / "doc.es.po").units.values()
    assert {unit.source: unit.target for unit in units if unit.target} == EXPECTED
    assert not (root / "translations" / "doc.es.unmatched.tmx").exists()
