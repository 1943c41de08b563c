"""gettext's previous plural source (``#| msgid_plural``, which ``msgmerge --previous``
writes for a plural entry whose source changed) stays with the previous msgid when termwise
rewrites the entry, live or obsolete, and through the parse cache."""

from __future__ import annotations

import hashlib
import re
import subprocess
from pathlib import Path

import pytest

from termwise.project import parse_cache
from termwise.project.translation_file import TranslationFile

OLD = r"""msgid ""
msgstr ""
"Project-Id-Version: paper.md\n"
"PO-Revision-Date: 2024-03-04 12:31+0000\n"
"Last-Translator: Ana García <ana@example.org>\n"
"Language-Team: Spanish\n"
"Language: es\n"
"MIME-Version: 1.0\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Content-Transfer-Encoding: 8bit\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\n"
"X-Source-Language: en\n"

msgctxt "a1"
msgid "One file was copied to the archive."
msgid_plural "%d files were copied to the archive."
msgstr[0] "Se copió un archivo al archivo."
msgstr[1] "Se copiaron %d archivos al archivo."

msgctxt "a2"
msgid "Done."
msgstr "Hecho."
"""

# The document changed: "archive" is now "backup".
NEW_POT = r"""msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"

msgctxt "a1"
msgid "One file was copied to the backup."
msgid_plural "%d files were copied to the backup."
msgstr[0] ""
msgstr[1] ""

msgctxt "a2"
msgid "Done."
msgstr ""
"""

PREVIOUS = (
    '#| msgid "One file was copied to the archive."\n'
    '#| msgid_plural "%d files were copied to the archive."\n'
)


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


def msgfmt_check(path: Path) -> None:
    subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(path)], check=True)


def test_a_rewritten_plural_entry_keeps_its_previous_plural_source(tmp_path: Path) -> None:
    path = merged_file(tmp_path)
    tfile = TranslationFile.load(path)
    unit = tfile.units["a1"]
    assert unit.previous_source == "One file was copied to the archive."
    assert unit.previous_plural_source == "%d files were copied to the archive."
    unit.set_translation("Se copió un archivo a la copia.")
    tfile.save()
    text = path.read_text(encoding="utf-8")
    assert PREVIOUS + 'msgctxt "a1"\nmsgid "One file was copied to the backup."\n' in text
    assert 'msgstr[0] "Se copió un archivo a la copia."' in text
    msgfmt_check(path)
    # What Babel formats in one go is what the save wrote.
    dated = re.compile(rb'"PO-Revision-Date: [^"]*"')
    assert dated.sub(b"", tfile.full_bytes()) == dated.sub(b"", path.read_bytes())


def test_the_previous_plural_source_goes_with_the_previous_source(tmp_path: Path) -> None:
    path = merged_file(tmp_path)
    tfile = TranslationFile.load(path)
    unit = tfile.units["a1"]
    unit.set_translation(unit.target, reviewed=True)
    unit.mark_reviewed()
    assert unit.previous_plural_source is None
    tfile.save()
    assert "#|" not in path.read_text(encoding="utf-8")
    msgfmt_check(path)


def test_an_obsolete_plural_entry_keeps_its_previous_plural_source(tmp_path: Path) -> None:
    path = merged_file(tmp_path)
    subprocess.run(
        ["msgattrib", "--set-obsolete", "--only-fuzzy", "-o", str(path), str(path)], check=True
    )
    assert "#~| msgid_plural" in path.read_text(encoding="utf-8")
    tfile = TranslationFile.load(path)
    [gone] = tfile.obsolete
    assert gone.previous_plural_source == "%d files were copied to the archive."
    gone.notes = "Kept for later."
    tfile.save()
    text = path.read_text(encoding="utf-8")
    assert (
        '#~| msgid "One file was copied to the archive."\n'
        '#~| msgid_plural "%d files were copied to the archive."\n'
    ) in text
    msgfmt_check(path)


def test_the_parse_cache_keeps_the_previous_plural_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    path = merged_file(tmp_path)
    data = path.read_bytes()
    loaded = TranslationFile.from_bytes(data, path)
    digest = hashlib.sha256(data).hexdigest()
    parse_cache.write_later(path, digest, loaded)
    parse_cache.flush()
    cached = parse_cache.read(path, digest)
    assert cached is not None
    assert cached.units["a1"].previous_plural_source == "%d files were copied to the archive."
    assert cached.units == loaded.units
