"""A note of an imported XLIFF file that begins as one of termwise's own PO lines stays a
note.

A developer's note "mt: the council is the city council…" went into the project file as
``#. mt: …``, termwise's line for the machine translation: read back, the note was gone
and its words were the segment's MT. An "align: …" note would have been read as the
aligner's record. termwise's own XLIFF exports never write those lines as notes, so such a
note is another tool's or a person's: it is kept, behind a label, as the comment it is.
"""

from __future__ import annotations

from pathlib import Path

from support.command_line import termwise
from termwise.document import load_document
from termwise.project.translation_file import TranslationFile

DOC = "The council approved the budget.\n\nThe mayor signed it.\n"
DEVELOPER = "mt: the council is the city council, not the EU one"
SOURCE_NOTE = "align: the budget of 2024"
XLIFF = f"""<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file original="doc.txt" source-language="en" target-language="es" datatype="plaintext">
  <body>
   <trans-unit id="1">
    <source>The council approved the budget.</source>
    <target state="translated">El consejo aprobó el presupuesto.</target>
    <note from="developer">{DEVELOPER}</note>
    <note annotates="source">{SOURCE_NOTE}</note>
    <note>mt: the machine's output was wrong here</note>
   </trans-unit>
  </body>
 </file>
</xliff>
"""


def test_a_developers_note_like_termwises_mt_line_is_no_mt(tmp_path: Path) -> None:
    (tmp_path / "doc.txt").write_text(DOC, encoding="utf-8")
    (tmp_path / "work.xlf").write_text(XLIFF, encoding="utf-8")

    result = termwise("import", "work.xlf", "--doc", "doc.txt", "--to", "es", cwd=tmp_path)

    assert result.returncode == 0, result.stdout + result.stderr
    segment = load_document(tmp_path / "doc.txt", lang="en").segments[0]
    unit = TranslationFile.load(tmp_path / "translations" / "doc.es.po").units[segment.id]
    assert unit.target == "El consejo aprobó el presupuesto."
    assert unit.mt is None
    assert unit.comments == (f"note: {DEVELOPER}", f"note: {SOURCE_NOTE}")
    # A translator's note was never read as a machine line: it stays as it is.
    assert unit.notes == "mt: the machine's output was wrong here"
