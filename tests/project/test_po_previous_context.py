"""gettext's previous context (``#| msgctxt``, which ``msgmerge --previous`` writes above
``#| msgid`` for a fuzzy match found under another context) stays with the previous msgid
when termwise rewrites the entry; it goes with it when termwise drops the previous msgid."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from termwise.project.translation_file import TranslationFile
from termwise.project.units import SegmentState

OLD = """\
# Spanish translation of paper.md.
#
# Ana García <ana@example.org>, 2024.
#
msgid ""
msgstr ""
"Project-Id-Version: paper.md\\n"
"Language: es\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"
"X-Source-Language: en\\n"

msgctxt "a1"
msgid "The quick brown fox jumps over the lazy dog."
msgstr "El rápido zorro marrón salta sobre el perro perezoso."

msgctxt "a2"
msgid "Short one."
msgstr "Corta."
"""

# The document changed: the sentence is now segment b9, with another last word.
NEW_POT = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

msgctxt "b9"
msgid "The quick brown fox jumps over the lazy cat."
msgstr ""

msgctxt "a2"
msgid "Short one."
msgstr ""
"""

PREVIOUS = (
    '#| msgctxt "a1"\n#| msgid "The quick brown fox jumps over the lazy dog."\nmsgctxt "b9"\n'
)


def without_dates(data: bytes) -> bytes:
    return re.sub(rb'"PO-Revision-Date: [^"]*"', b"", data)


def merged_file(tmp_path: Path) -> Path:
    old, pot = tmp_path / "old.po", tmp_path / "paper.pot"
    old.write_text(OLD, encoding="utf-8")
    pot.write_text(NEW_POT, encoding="utf-8")
    path = tmp_path / "paper.es.po"
    subprocess.run(
        ["msgmerge", "--previous", "-q", "-o", str(path), str(old), str(pot)], check=True
    )
    assert PREVIOUS in path.read_text(encoding="utf-8")
    return path


def test_a_rewritten_entry_keeps_its_previous_context(tmp_path: Path) -> None:
    path = merged_file(tmp_path)
    tfile = TranslationFile.load(path)
    unit = tfile.units["b9"]
    assert unit.previous_source == "The quick brown fox jumps over the lazy dog."
    assert unit.previous_context == "a1"
    unit.set_translation("El rápido zorro marrón salta sobre el gato perezoso.")
    tfile.save()
    text = path.read_text(encoding="utf-8")
    assert "#, fuzzy\n" + PREVIOUS in text
    assert 'msgstr "El rápido zorro marrón salta sobre el gato perezoso."' in text
    assert without_dates(tfile.full_bytes()) == without_dates(path.read_bytes())
    subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(path)], check=True)

    # A note (another change of the entry) in a file termwise wrote: still there.
    tfile = TranslationFile.load(path)
    tfile.units["b9"].notes = "Cat, not dog."
    tfile.save()
    assert PREVIOUS in path.read_text(encoding="utf-8")


def test_the_previous_context_goes_with_the_previous_source(tmp_path: Path) -> None:
    path = merged_file(tmp_path)
    tfile = TranslationFile.load(path)
    unit = tfile.units["b9"]
    unit.set_translation(unit.target, reviewed=True)
    unit.mark_reviewed()
    assert unit.state is SegmentState.REVIEWED and unit.previous_context is None
    tfile.save()
    text = path.read_text(encoding="utf-8")
    assert "#|" not in text
    subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(path)], check=True)


def test_an_obsolete_entry_rewritten_keeps_its_previous_context(tmp_path: Path) -> None:
    path = merged_file(tmp_path)
    subprocess.run(
        ["msgattrib", "--set-obsolete", "--only-fuzzy", "-o", str(path), str(path)], check=True
    )
    assert "#~| msgctxt" in path.read_text(encoding="utf-8")
    tfile = TranslationFile.load(path)
    [gone] = tfile.obsolete
    assert gone.previous_context == "a1"
    gone.notes = "Kept for later."
    tfile.save()
    text = path.read_text(encoding="utf-8")
    assert '#~| msgctxt "a1"\n#~| msgid "The quick brown fox jumps over the lazy dog."\n' in text
    subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(path)], check=True)
