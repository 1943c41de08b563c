"""What an imported unit says beside its text survives the import: XLIFF ``translate="no"``
(on the unit, or inherited from a group) becomes a read-only segment that machine translation
leaves alone; XLIFF notes and ITS localization notes land as the translator's notes or the
comments for the translator, by who wrote them; a PO entry's ``#:`` source references and
``#,`` format flags stay on the entry, so the project file (the PO export) still has them."""

from __future__ import annotations

import subprocess
from pathlib import Path

from click.testing import CliRunner, Result

from termwise.cli import cli
from termwise.mt.engine import MTResult
from termwise.project import parse_cache, store
from termwise.project.interchange import read_units
from termwise.project.translation_file import TranslationFile
from termwise.project.translations import record_machine_translation
from termwise.project.units import SegmentState, TranslationUnit

READ_ONLY_FLAG = "read-only"  # Weblate's flag, which termwise uses

DOC = (
    "The file could not be read.\n\nThe file was saved.\n\nNothing else happened.\n\n"
    "Open %s now.\n\nSaved 5% of the space.\n"
)

# Okapi Rainbow's XLIFF 1.2 ("Prepare for translation"): a group of code samples marked not
# for translation, a unit marked so with the source copied into its target, and notes.
OKAPI = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2" \
xmlns:okp="okapi-framework:xliff-extensions" xmlns:its="http://www.w3.org/2005/11/its" \
its:version="2.0">
<file original="doc.txt" source-language="en" target-language="es" datatype="x-text">
<header>
<tool tool-id="okapi" tool-name="okapi-framework:xliff-filter" tool-version="1.46.0"/>
</header>
<body>
<trans-unit id="1" xml:space="preserve" its:locNote="Keep it short" \
its:locNoteType="description">
<source xml:lang="en">The file could not be read.</source>
<target xml:lang="es" state="translated">No se pudo leer el archivo.</target>
<note annotates="source">Title of the error dialog</note>
<note from="translator">Checked with the style guide.</note>
</trans-unit>
<group id="code" translate="no">
<trans-unit id="2" xml:space="preserve">
<source xml:lang="en">Nothing else happened.</source>
</trans-unit>
</group>
<trans-unit id="3" translate="no" xml:space="preserve">
<source xml:lang="en">Open %s now.</source>
<target xml:lang="es">Open %s now.</target>
</trans-unit>
</body>
</file>
</xliff>
"""

# XLIFF 2.0 with a group marked not for translation, categorised notes and ITS notes.
XLIFF2 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" \
xmlns:its="http://www.w3.org/2005/11/its" version="2.0" srcLang="en" trgLang="es">
  <file id="f1">
    <unit id="u1" its:locNote="Title of the error dialog" its:locNoteType="alert">
      <notes>
        <note category="developer" appliesTo="source">Menu item</note>
        <note category="translator">Checked with the style guide.</note>
        <note category="reviewer">Use the passive</note>
      </notes>
      <segment state="translated"><source>The file could not be read.</source>\
<target>No se pudo leer el archivo.</target></segment>
    </unit>
    <group id="g1" translate="no">
      <unit id="u2"><segment><source>Nothing else happened.</source></segment></unit>
    </group>
    <unit id="u3"><segment state="final"><source>The file was saved.</source>\
<target>Se guardó el archivo.</target></segment></unit>
  </file>
</xliff>
"""

# translate-toolkit's po2xliff writes a PO entry's "#." as from="developer", "#" as
# from="po-translator"; an ITS note as an element, repeating a note (kept once).
TOOLKIT = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" \
xmlns:its="http://www.w3.org/2005/11/its" version="1.2">
  <file original="doc.po" source-language="en" datatype="po" target-language="es">
    <body>
      <trans-unit xml:space="preserve" id="1" approved="yes">
        <source>The file was saved.</source>
        <target state="translated">Se guardó el archivo.</target>
        <its:locNote>Shown in the status bar</its:locNote>
        <note from="developer">Shown in the status bar</note>
        <note from="po-translator">Checked with the style guide.</note>
      </trans-unit>
    </body>
  </file>
</xliff>
"""

# As Poedit saves a file from xgettext's POT: references, format flags, one left untranslated.
POEDIT_PO = r"""msgid ""
msgstr ""
"Project-Id-Version: doc 1.0\n"
"POT-Creation-Date: 2024-03-01 10:00+0000\n"
"PO-Revision-Date: 2024-03-04 12:31+0100\n"
"Last-Translator: Ana García <ana@example.org>\n"
"Language-Team: Spanish\n"
"Language: es\n"
"MIME-Version: 1.0\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Content-Transfer-Encoding: 8bit\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\n"
"X-Generator: Poedit 3.4.2\n"

#. TRANSLATORS: the name of the file is shown
#: src/main.c:42 src/menu.c:7
#, c-format
msgid "Open %s now."
msgstr "Abre %s ahora."

#: src/status.py:57
#, python-format
msgid "The file was saved."
msgstr "Se guardó el archivo."

#: src/status.py:60
#, no-python-format
msgid "Saved 5% of the space."
msgstr "Se ahorró el 5% del espacio."

#. Shown when nothing changed
#: src/main.c:80
#, no-c-format
msgid "Nothing else happened."
msgstr ""
"""


def run(root: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--project", str(root), *args], catch_exceptions=False)


def import_text(tmp_path: Path, name: str, text: str) -> tuple[Path, Result]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    root = tmp_path / "proj"
    root.mkdir()
    (root / "doc.txt").write_text(DOC, encoding="utf-8")
    result = run(root, "import", str(path), "--doc", str(root / "doc.txt"), "--to", "es")
    assert result.exit_code == 0, result.output
    return root / "translations" / "doc.es.po", result


def by_source(path: Path) -> dict[str, TranslationUnit]:
    return {unit.source: unit for unit in TranslationFile.load(path)}


# -- translate="no" -----------------------------------------------------------------------


def test_units_not_for_translation_become_read_only_segments(tmp_path: Path) -> None:
    path, result = import_text(tmp_path, "doc.xlf", OKAPI)
    assert 'not for translation:    2 (translate="no"; 2 segments marked read-only)' in (
        result.output
    )
    assert "2 segments the file marks not for translation" in result.output  # the warning
    units = by_source(path)
    for source in ("Nothing else happened.", "Open %s now."):  # group-inherited, own
        unit = units[source]
        assert READ_ONLY_FLAG in unit.flags
        assert unit.target == source and unit.state is SegmentState.REVIEWED
        assert any(c.startswith('Not for translation (translate="no"') for c in unit.comments)
    assert READ_ONLY_FLAG not in units["The file could not be read."].flags
    assert "#, read-only\n" in path.read_text(encoding="utf-8")
    subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], check=True)

    # `termwise translate` (and the workbench) store MT through record_machine_translation.
    tfile = TranslationFile.load(path)
    locked = next(unit for unit in tfile if unit.source == "Open %s now.")
    locked.target, locked.state = "", SegmentState.NEW  # even emptied, MT leaves it alone
    results = [MTResult(unit.source, "MT " + unit.source, "argos", "m") for unit in tfile]
    record_machine_translation(tfile, results)
    assert locked.target == "" and locked.mt is None
    assert units["The file was saved."].state is SegmentState.NEW  # the others are filled
    assert next(u for u in tfile if u.source == "The file was saved.").target.startswith("MT")


LOCKED_ONLY = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file original="doc.txt" source-language="en" target-language="es" datatype="plaintext">
<body>
<group id="kept" translate="no">
<trans-unit id="1"><source>Nothing else happened.</source></trans-unit>
<trans-unit id="2"><source>Open %s now.</source><target>Open %s now.</target></trans-unit>
</group>
</body>
</file>
</xliff>
"""


def test_a_file_of_units_not_for_translation_only_is_imported(tmp_path: Path) -> None:
    # A group translate="no" alone was refused: "the file holds no translation units".
    path, result = import_text(tmp_path, "locked.xlf", LOCKED_ONLY)
    assert "2 segments marked read-only" in result.output, result.output
    units = by_source(path)
    assert READ_ONLY_FLAG in units["Nothing else happened."].flags
    assert READ_ONLY_FLAG in units["Open %s now."].flags
    assert READ_ONLY_FLAG not in units["The file was saved."].flags
    # Matching no sentence of the document, it is still refused, saying so.
    other = tmp_path / "other"
    other.mkdir()
    (other / "doc.txt").write_text("Something else entirely.\n", encoding="utf-8")
    refused = CliRunner().invoke(
        cli,
        ["--project", str(other), "import", str(tmp_path / "locked.xlf"),
         "--doc", str(other / "doc.txt"), "--to", "es"],
    )  # fmt: skip
    assert refused.exit_code != 0 and "matches a sentence" in str(refused.exception)


def test_xliff2_group_not_for_translation_is_inherited(tmp_path: Path) -> None:
    units = read_units(_write(tmp_path, "doc.xlf", XLIFF2))
    assert [unit.source for unit in units.not_for_translation] == ["Nothing else happened."]
    assert units.not_translatable == 1
    assert "Nothing else happened." not in {unit.source for unit in units}
    path, result = import_text(tmp_path, "doc2.xlf", XLIFF2)
    assert "1 segment marked read-only" in result.output
    assert READ_ONLY_FLAG in by_source(path)["Nothing else happened."].flags


# -- notes --------------------------------------------------------------------------------


def test_xliff12_notes_by_author_and_its_notes(tmp_path: Path) -> None:
    [read] = read_units(_write(tmp_path, "tk.xlf", TOOLKIT))
    # The ITS note and the developer's note say the same: once.
    assert read.comments == ("Shown in the status bar",)
    assert read.notes == "Checked with the style guide."

    path, _ = import_text(tmp_path, "okapi.xlf", OKAPI)
    unit = by_source(path)["The file could not be read."]
    # A note about the source with no author, then the ITS note.
    assert unit.comments == ("Title of the error dialog", "Keep it short")
    assert unit.notes == "Checked with the style guide."
    text = path.read_text(encoding="utf-8")
    assert "#. Title of the error dialog\n" in text and "# Checked with" in text


def test_xliff2_note_categories_and_its_loc_note(tmp_path: Path) -> None:
    path, _ = import_text(tmp_path, "doc.xlf", XLIFF2)
    unit = by_source(path)["The file could not be read."]
    assert unit.comments == ("Menu item", "Alert: Title of the error dialog")
    assert unit.notes == "Checked with the style guide.\nreviewer: Use the passive"


def test_a_termwise_export_comes_back_without_repeating_its_notes(tmp_path: Path) -> None:
    path, _ = import_text(tmp_path, "doc.xlf", XLIFF2)
    root = path.parent.parent
    for fmt in ("xliff", "xliff12"):
        out = tmp_path / f"out-{fmt}.xlf"
        exported = run(
            root, "export", str(root / "doc.txt"), "--to", "es", "--format", fmt, "-o", str(out)
        )
        assert exported.exit_code == 0, exported.output
        again = run(root, "import", str(out), "--doc", str(root / "doc.txt"), "--to", "es")
        assert again.exit_code == 0, again.output
    unit = by_source(path)["The file could not be read."]
    assert unit.notes == "Checked with the style guide.\nreviewer: Use the passive"
    assert unit.comments == ("Menu item", "Alert: Title of the error dialog")


# -- PO references and flags ----------------------------------------------------------------


def test_po_references_and_format_flags_are_kept(tmp_path: Path) -> None:
    po = _write(tmp_path, "es.po", POEDIT_PO)
    subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(po)], check=True)
    path, _ = import_text(tmp_path, "es2.po", POEDIT_PO)
    units = by_source(path)
    opened = units["Open %s now."]
    assert opened.locations == (("src/main.c", 42), ("src/menu.c", 7))
    assert opened.flags == frozenset({"c-format"})
    # Babel drops python-format where the text has no placeholder, and guesses it for
    # "5% of": the file's own flags are what count.
    assert units["The file was saved."].flags == frozenset({"python-format"})
    assert units["Saved 5% of the space."].flags == frozenset({"no-python-format"})
    # Untranslated there: its comment, reference and flag still come in.
    nothing = units["Nothing else happened."]
    assert nothing.state is SegmentState.NEW
    assert nothing.comments == ("Shown when nothing changed",)
    assert nothing.locations == (("src/main.c", 80),) and "no-c-format" in nothing.flags

    text = path.read_text(encoding="utf-8")
    assert "#: src/main.c:42 src/menu.c:7\n#, c-format\n" in text
    assert "#: src/status.py:57\n#, python-format\n" in text
    assert "#, no-python-format\n" in text and "#, python-format\nmsgctxt" in text
    subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], check=True)

    # The export (the project file) keeps them, and so does a save of an edited entry.
    root = path.parent.parent
    out = tmp_path / "out.po"
    exported = run(root, "export", str(root / "doc.txt"), "--to", "es", "-o", str(out))
    assert exported.exit_code == 0, exported.output
    assert "#: src/main.c:42 src/menu.c:7\n#, c-format\n" in out.read_text(encoding="utf-8")
    tfile = TranslationFile.load(path)
    for unit in tfile:
        unit.set_translation(unit.target + " ", reviewed=True)
    tfile.save()
    again = by_source(path)
    assert again["Open %s now."].locations == opened.locations
    assert again["The file was saved."].flags == frozenset({"python-format"})


def test_locations_survive_the_parse_cache_and_a_merge(tmp_path: Path) -> None:
    unit = TranslationUnit(
        "a1", "Open %s now.", "Abre %s ahora.", locations=(("src/main.c", 42), ("README", None))
    )
    row = parse_cache._encode_unit(unit)
    assert parse_cache._row_from_key(unit.key()) == row
    assert parse_cache._decode_unit(row).key() == unit.key()

    base = TranslationUnit("a1", "Open %s now.", "Abre %s ahora.")
    ours = TranslationUnit("a1", "Open %s now.", "Abre %s ya.")
    theirs = TranslationUnit("a1", "Open %s now.", "Abre %s ahora.", locations=unit.locations)
    merged = store._merge_unit(base, ours, theirs, store.MergeReport())
    assert merged.target == "Abre %s ya." and merged.locations == unit.locations


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path
