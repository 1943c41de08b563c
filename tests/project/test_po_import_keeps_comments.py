"""A PO import keeps what the entry holds beside its translation: the MT termwise's own export
writes (``#. mt:``, ``#. mt-engine:``, ``#. mt-model:``), gettext's previous source
(``#| msgid``) and the developer's comments (``#.``), as the project file holds them."""

from __future__ import annotations

import subprocess
from pathlib import Path

from click.testing import CliRunner, Result

from termwise.cli import cli
from termwise.project.interchange import read_units
from termwise.project.layout import ProjectLayout
from termwise.project.translation_file import TranslationFile
from termwise.project.units import SegmentState

DOC = "The file could not be read.\n\nThe file was saved.\n\nNothing else happened.\n"

# An entry as Weblate writes it after the source changed under a translation (msgmerge's
# fuzzy match): extracted comment, reference, flag, previous msgid, in gettext's order.
WEBLATE_PO = r"""# Spanish translations for doc.
# Copyright (C) 2024 THE PACKAGE'S COPYRIGHT HOLDER
# This file is distributed under the same license as the doc package.
# Ana García <ana@example.org>, 2024.
msgid ""
msgstr ""
"Project-Id-Version: doc 1.0\n"
"Report-Msgid-Bugs-To: \n"
"POT-Creation-Date: 2024-03-01 10:00+0000\n"
"PO-Revision-Date: 2024-03-04 12:31+0000\n"
"Last-Translator: Ana García <ana@example.org>\n"
"Language-Team: Spanish <https://hosted.weblate.org/projects/doc/app/es/>\n"
"Language: es\n"
"MIME-Version: 1.0\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Content-Transfer-Encoding: 8bit\n"
"Plural-Forms: nplurals=2; plural=n != 1;\n"
"X-Generator: Weblate 5.4\n"

#. Menu item
#: src/main.c:42
#, fuzzy
#| msgid "The file could not be opened."
msgid "The file could not be read."
msgstr "No se pudo abrir el archivo."

# Checked with the style guide.
#. Status bar
#: src/main.c:57
msgid "Nothing else happened."
msgstr "No pasó nada más."
"""


def run(root: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--project", str(root), *args], catch_exceptions=False)


def project(tmp_path: Path, name: str = "proj") -> Path:
    root = tmp_path / name
    root.mkdir()
    (root / "doc.txt").write_text(DOC, encoding="utf-8")
    return root


def test_weblate_entry_keeps_previous_source_and_developer_comment(tmp_path: Path) -> None:
    po = tmp_path / "es.po"
    po.write_text(WEBLATE_PO, encoding="utf-8")
    subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(po)], check=True)
    [fuzzy, reviewed] = read_units(po)
    assert fuzzy.previous_source == "The file could not be opened."
    assert fuzzy.comments == ("Menu item",)
    assert (
        reviewed.comments == ("Status bar",) and reviewed.notes == "Checked with the style guide."
    )

    root = project(tmp_path)
    result = run(root, "import", str(po), "--doc", str(root / "doc.txt"), "--to", "es")
    assert result.exit_code == 0, result.output
    path = root / "translations" / "doc.es.po"
    by_source = {unit.source: unit for unit in TranslationFile.load(path)}
    read = by_source["The file could not be read."]
    assert read.state is SegmentState.EDITED
    assert read.previous_source == "The file could not be opened."
    assert read.comments == ("Menu item",)
    assert read.mt is None  # a previous source is no machine translation
    nothing = by_source["Nothing else happened."]
    assert nothing.state is SegmentState.REVIEWED and nothing.comments == ("Status bar",)
    text = path.read_text(encoding="utf-8")
    assert '#| msgid "The file could not be opened."' in text
    assert "#. Menu item\n" in text and "#. Status bar\n" in text
    subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], check=True)


def test_a_po_export_imported_into_a_fresh_project_keeps_its_mt(tmp_path: Path) -> None:
    """``termwise export --format po`` writes the MT as ``#. mt:`` lines; importing the file
    into another project dropped every one of them."""
    from termwise.project.translations import load_source, open_translation

    root = project(tmp_path)
    layout = ProjectLayout.at(root)
    tfile = open_translation(layout, load_source(layout, root / "doc.txt", lang="en"), "es")
    units = list(tfile.units.values())
    mts = ["No se pudo leer el archivo.", "Se guardó el archivo.", "No pasó nada más."]
    for unit, mt in zip(units, mts, strict=True):
        unit.mt, unit.mt_engine, unit.mt_model = mt, "apertium", "apertium-eng-spa"
        unit.target, unit.state = mt, SegmentState.MT
    units[1].set_translation("El archivo se guardó.")  # edited: the MT stays beside it
    tfile.save()
    out = tmp_path / "out.po"
    exported = run(root, "export", str(root / "doc.txt"), "--to", "es", "-o", str(out))
    assert exported.exit_code == 0, exported.output
    assert out.read_text(encoding="utf-8").count("#. mt-engine: apertium") == 3

    other = project(tmp_path, "other")
    result = run(other, "import", str(out), "--doc", str(other / "doc.txt"), "--to", "es")
    assert result.exit_code == 0, result.output
    back = list(TranslationFile.load(other / "translations" / "doc.es.po").units.values())
    for before, after in zip(units, back, strict=True):
        assert (after.mt, after.mt_engine, after.mt_model) == (
            before.mt,
            "apertium",
            "apertium-eng-spa",
        )
        assert (after.target, after.state) == (before.target, before.state)
        assert after.comments == ()  # the MT lines are the MT, not developer comments
    saved = (other / "translations" / "doc.es.po").read_text(encoding="utf-8")
    assert saved.count("#. mt: ") == 3 and saved.count("#. mt-model: apertium-eng-spa") == 3
