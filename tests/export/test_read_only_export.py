"""XLIFF exports carry what the source's side said about a segment: a read-only segment goes
out as translate="no" (1.2 and 2.1), the comments for the translator (PO ``#.``) as
developer's notes, and in 1.2 the source references (``#:``) as a ``location`` context group,
as translate-toolkit's po2xliff writes them. Imported again, into the same project or a new
one, each comes back once: read-only, the comments and references not repeated."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from lxml import etree

from termwise.cli import cli
from termwise.project.interchange import read_units
from termwise.project.translation_file import TranslationFile
from termwise.project.units import TranslationUnit

from .sample_project import SCHEMAS
from .test_interchange_exports import schema, validate

READ_ONLY_FLAG = "read-only"
DOC = "Open %s now.\n\nThe file was saved.\n\nNothing else happened.\n"
REASON = 'Not for translation (translate="no" in code.xlf): keep the text as it is'

# As Poedit saves a file from xgettext's POT: a developer's comment, references, a flag.
PO = r"""msgid ""
msgstr ""
"Language: es\n"
"MIME-Version: 1.0\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Content-Transfer-Encoding: 8bit\n"

#. TRANSLATORS: the name of the file is shown
#: src/main.c:42 src/menu.c:7
#, c-format
msgid "Open %s now."
msgstr "Abre %s ahora."

#: src/status.py:57
msgid "The file was saved."
msgstr "Se guardó el archivo."

#. Shown when nothing changed
#: src/main.c:80
msgid "Nothing else happened."
msgstr "No pasó nada más."
"""

# Okapi's XLIFF: the placeholder sentence marked not for translation, with a note.
XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file original="doc.txt" source-language="en" target-language="es" datatype="x-text">
<body>
<trans-unit id="1" translate="no"><source>Open %s now.</source>
<note from="developer">A code sample</note></trans-unit>
<trans-unit id="2"><source>The file was saved.</source>
<target state="translated">Se guardó el archivo.</target></trans-unit>
</body>
</file>
</xliff>
"""


def run(root: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--project", str(root), *args], catch_exceptions=False)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    root = tmp_path / "proj"
    root.mkdir()
    (root / "doc.txt").write_text(DOC, encoding="utf-8")
    for name, text in (("es.po", PO), ("code.xlf", XLIFF)):
        (tmp_path / name).write_text(text, encoding="utf-8")
        imported = run(
            root, "import", str(tmp_path / name), "--doc", str(root / "doc.txt"), "--to", "es"
        )
        assert imported.exit_code == 0, imported.output
    return root


def units_of(root: Path) -> dict[str, TranslationUnit]:
    tfile = TranslationFile.load(root / "translations" / "doc.es.po")
    return {unit.source: unit for unit in tfile}


def export(root: Path, fmt: str, out: Path) -> Path:
    result = run(
        root, "export", str(root / "doc.txt"), "--to", "es", "--format", fmt, "-o", str(out)
    )
    assert result.exit_code == 0, result.output
    return out


def test_the_project_holds_what_the_files_said(root: Path) -> None:
    opened = units_of(root)["Open %s now."]
    assert READ_ONLY_FLAG in opened.flags
    assert opened.comments == (
        "TRANSLATORS: the name of the file is shown",
        "A code sample",
        REASON,
    )
    assert opened.locations == (("src/main.c", 42), ("src/menu.c", 7))


def test_xliff21_writes_translate_no_and_developer_notes(root: Path, tmp_path: Path) -> None:
    out = export(root, "xliff", tmp_path / "out.xlf")
    validate(schema(SCHEMAS / "xliff-2.0" / "xliff-core-2.0.xsd"), out)
    ns = {"x": "urn:oasis:names:tc:xliff:document:2.0"}
    tree = etree.parse(str(out))
    units = tree.findall(".//x:unit", ns)
    assert [unit.get("translate") for unit in units] == ["no", None, None]
    developer = [n.text for n in units[0].findall("x:notes/x:note[@category='developer']", ns)]
    assert developer == ["TRANSLATORS: the name of the file is shown", "A code sample", REASON]
    nothing = units[2].findall("x:notes/x:note[@category='developer']", ns)
    assert [note.text for note in nothing] == ["Shown when nothing changed"]


def test_xliff12_writes_translate_no_notes_and_references(root: Path, tmp_path: Path) -> None:
    out = export(root, "xliff12", tmp_path / "out.xlf")
    validate(schema(SCHEMAS / "xliff-1.2" / "xliff-core-1.2-strict.xsd"), out)
    ns = {"x": "urn:oasis:names:tc:xliff:document:1.2"}
    units = etree.parse(str(out)).findall(".//x:trans-unit", ns)
    assert [unit.get("translate") for unit in units] == ["no", None, None]
    developer = [n.text for n in units[0].findall("x:note[@from='developer']", ns)]
    assert developer == ["TRANSLATORS: the name of the file is shown", "A code sample", REASON]
    places = [
        [context.text for context in group.findall("x:context", ns)]
        for group in units[0].findall("x:context-group[@purpose='location']", ns)
    ]
    assert places == [["src/main.c", "42"], ["src/menu.c", "7"]]
    # translate-toolkit reads them as po2xliff's own: the references and the comments.
    from translate.storage import xliff

    store = xliff.xlifffile.parsefile(str(out))
    first = store.units[0]
    assert first.getlocations() == ["src/main.c:42", "src/menu.c:7"]
    assert "A code sample" in first.getnotes("developer")


@pytest.mark.parametrize("fmt", ["xliff", "xliff12"])
def test_an_export_imported_again_repeats_nothing(root: Path, tmp_path: Path, fmt: str) -> None:
    before = units_of(root)
    out = export(root, fmt, tmp_path / f"out-{fmt}.xlf")
    read = read_units(out, target_lang="es")
    assert [unit.source for unit in read.not_for_translation] == ["Open %s now."]
    again = run(root, "import", str(out), "--doc", str(root / "doc.txt"), "--to", "es")
    assert again.exit_code == 0, again.output
    after = units_of(root)
    for source, unit in before.items():
        assert after[source].comments == unit.comments, source
        assert after[source].locations == unit.locations, source
        assert after[source].flags == unit.flags, source
        assert after[source].notes == unit.notes, source

    # Into a new project: read-only, its comments, and in 1.2 its references.
    fresh = tmp_path / f"fresh-{fmt}"
    fresh.mkdir()
    (fresh / "doc.txt").write_text(DOC, encoding="utf-8")
    imported = run(fresh, "import", str(out), "--doc", str(fresh / "doc.txt"), "--to", "es")
    assert imported.exit_code == 0, imported.output
    opened = units_of(fresh)["Open %s now."]
    assert READ_ONLY_FLAG in opened.flags and opened.target == before["Open %s now."].target
    assert opened.comments == before["Open %s now."].comments
    if fmt == "xliff12":
        assert opened.locations == before["Open %s now."].locations
