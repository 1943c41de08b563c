"""A re-save keeps the header another tool wrote: its comment block (Poedit's translator
credits, msginit's title and licence) byte for byte, its Content-Type as written, and no
``Generated-By: Babel`` it did not have. A file in another charset than UTF-8 is written in
UTF-8, and its header says so."""

from __future__ import annotations

import subprocess
from pathlib import Path

from termwise.project.translation_file import TranslationFile

POT = """\
# Translators:
# Jane Doe <jane@example.org>, 2024.
# José Núñez <jose@example.org>, 2025.
#
msgid ""
msgstr ""
"Project-Id-Version: paper 1.0\\n"
"Report-Msgid-Bugs-To: bugs@example.org\\n"
"POT-Creation-Date: 2024-03-01 10:00+0000\\n"
"PO-Revision-Date: YEAR-MO-DA HO:MI+ZONE\\n"
"Last-Translator: FULL NAME <EMAIL@ADDRESS>\\n"
"Language-Team: LANGUAGE <LL@li.org>\\n"
"Language: \\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"

msgctxt "a1"
msgid "Short one."
msgstr ""

msgctxt "a2"
msgid "The song."
msgstr ""
"""


def msginit_file(tmp_path: Path) -> Path:
    """A Spanish file as msginit makes it from a template with a credits block."""
    pot = tmp_path / "paper.pot"
    pot.write_text(POT, encoding="utf-8")
    path = tmp_path / "paper.es.po"
    subprocess.run(
        ["msginit", "--no-translator", "-l", "es", "-i", str(pot), "-o", str(path)],
        check=True,
        capture_output=True,
    )
    return path


def comment_block(data: bytes) -> bytes:
    return data[: data.index(b'msgid ""\n')]


def test_a_resave_keeps_the_header_as_msginit_wrote_it(tmp_path: Path) -> None:
    path = msginit_file(tmp_path)
    written = path.read_bytes()
    assert b"# Jane Doe <jane@example.org>, 2024.\n" in comment_block(written)
    assert b'"Content-Type: text/plain; charset=UTF-8\\n"' in written
    tfile = TranslationFile.load(path)
    tfile.units["a1"].target = "Corta."
    tfile.save()
    saved = path.read_bytes()
    assert comment_block(saved) == comment_block(written)
    assert b'"Content-Type: text/plain; charset=UTF-8\\n"' in saved
    assert b"Generated-By" not in saved
    assert b'msgstr "Corta."' in saved
    subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], check=True)
    TranslationFile.load(path).save()  # and again, from termwise's own save
    assert comment_block(path.read_bytes()) == comment_block(written)


def test_a_latin1_file_is_saved_as_utf8_and_says_so(tmp_path: Path) -> None:
    path = msginit_file(tmp_path)
    subprocess.run(
        ["msgconv", "-t", "ISO-8859-1", "-o", str(path), str(path)], check=True, capture_output=True
    )
    latin1 = path.read_bytes()
    assert b'"Content-Type: text/plain; charset=ISO-8859-1\\n"' in latin1
    tfile = TranslationFile.load(path)
    tfile.units["a2"].target = "La canción, “entre comillas”."  # no Latin-1 for these quotes
    tfile.save()
    saved = path.read_bytes()
    text = saved.decode("utf-8")  # all of it UTF-8, the credits too
    assert comment_block(saved) == comment_block(latin1).decode("latin-1").encode("utf-8")
    assert '"Content-Type: text/plain; charset=UTF-8\\n"' in text
    assert 'msgstr "La canción, “entre comillas”."' in text
    subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], check=True)
    converted = subprocess.run(
        ["msgconv", "-t", "UTF-8", str(path)], check=True, capture_output=True
    ).stdout
    assert "José Núñez".encode() in converted and "“entre comillas”".encode() in converted


def test_a_new_file_still_has_termwises_own_header_comment(tmp_path: Path) -> None:
    path = tmp_path / "paper.es.po"
    TranslationFile(lang="es", source_lang="en", document_name="paper.md").save(path)
    assert path.read_bytes().startswith(b"# Translation of paper.md into Spanish.\n")
