"""The import summary accounts for every unit of the file: those marked ``translate="no"`` and
PO obsolete entries (``#~``) are counted and said, not skipped silently; a file in another
regional variety of the project's language is imported with a warning."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from termwise.cli import cli
from termwise.project.interchange import read_units

DOC = "The file could not be read.\n\nThe file was saved.\n\nNothing else happened.\n"

# msgmerge keeps a translation whose source is gone as an obsolete entry.
OBSOLETE_PO = r"""# Spanish translations for doc.
msgid ""
msgstr ""
"Project-Id-Version: doc 1.0\n"
"Language: es\n"
"MIME-Version: 1.0\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Content-Transfer-Encoding: 8bit\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\n"

msgid "The file could not be read."
msgstr "No se pudo leer el archivo."

msgid "The file was saved."
msgstr "Se guardó el archivo."

#~ msgid "The file could not be opened."
#~ msgstr "No se pudo abrir el archivo."

#~ msgid "Saving..."
#~ msgstr "Guardando..."
"""

# translate-toolkit's XLIFF 2 writer's layout; one unit is marked not for translation.
XLIFF2 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="es">
  <file id="f1">
    <unit id="u1"><segment state="translated"><source>The file could not be read.</source>\
<target>No se pudo leer el archivo.</target></segment></unit>
    <unit id="u2"><segment state="translated"><source>The file was saved.</source>\
<target>Se guardó el archivo.</target></segment></unit>
    <unit id="u3" translate="no"><segment><source>doc.txt</source></segment></unit>
    <unit id="u4"><segment state="translated"><source>Nothing else happened.</source>\
<target>No pasó nada más.</target></segment></unit>
  </file>
</xliff>
"""


def run(root: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--project", str(root), *args], catch_exceptions=False)


def project(tmp_path: Path) -> Path:
    root = tmp_path / "proj"
    root.mkdir()
    (root / "doc.txt").write_text(DOC, encoding="utf-8")
    return root


def import_file(tmp_path: Path, name: str, text: str, lang: str = "es") -> Result:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    root = project(tmp_path)
    result = run(root, "import", str(path), "--doc", str(root / "doc.txt"), "--to", lang)
    assert result.exit_code == 0, result.output
    return result


def test_obsolete_po_entries_are_counted(tmp_path: Path) -> None:
    (tmp_path / "check.po").write_text(OBSOLETE_PO, encoding="utf-8")
    subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(tmp_path / "check.po")], check=True)
    result = import_file(tmp_path, "es.po", OBSOLETE_PO)
    assert "units read:             4" in result.output
    assert "obsolete entries:       2 (PO #~; skipped)" in result.output
    assert "segments filled:        2" in result.output
    assert read_units(tmp_path / "es.po").obsolete == 2


def test_units_not_for_translation_are_counted(tmp_path: Path) -> None:
    result = import_file(tmp_path, "doc.xlf", XLIFF2)
    assert "units read:             4" in result.output
    assert 'not for translation:    1 (translate="no"; skipped)' in result.output
    assert "segments filled:        3" in result.output


def xliff12(target_language: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" '
        'xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="doc.txt" '
        f'source-language="en-US" target-language="{target_language}" datatype="plaintext">'
        '<body><trans-unit id="1"><source>The file was saved.</source>'
        '<target state="translated">Se ha guardado el fichero.</target></trans-unit>'
        "</body></file></xliff>"
    )


def test_another_region_is_imported_with_a_warning(tmp_path: Path) -> None:
    result = import_file(tmp_path, "es-ES.xlf", xliff12("es-ES"), lang="es-MX")
    assert "segments filled:        1" in result.output
    assert (
        "warning: the file translates into es-ES, this project into es-MX (the same language, "
        "another region): imported as es-MX; check spelling and vocabulary"
    ) in result.output


@pytest.mark.parametrize(("theirs", "ours"), [("es-ES", "es"), ("es", "es-MX"), ("es-MX", "es-MX")])
def test_no_warning_without_a_conflict(tmp_path: Path, theirs: str, ours: str) -> None:
    result = import_file(tmp_path, "doc.xlf", xliff12(theirs), lang=ours)
    assert "segments filled:        1" in result.output
    assert "warning:" not in result.output


def test_another_script_is_named(tmp_path: Path) -> None:
    doc_text = xliff12("sr-Latn").replace("Se ha guardado el fichero.", "Datoteka je sačuvana.")
    result = import_file(tmp_path, "sr.xlf", doc_text, lang="sr-Cyrl")
    assert "into sr-Latn, this project into sr-Cyrl (the same language, another script)" in (
        result.output
    )
