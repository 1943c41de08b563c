"""A re-save writes the header fields the file had, and only those termwise needs besides
(``Language``, ``Content-Type``: its bytes are UTF-8, ``X-Source-Language``, and
``Plural-Forms`` where the file has plural entries); ``PO-Revision-Date`` is updated where
the file has one. Babel's placeholders (``Last-Translator: FULL NAME <EMAIL@ADDRESS>``,
``Language-Team: es <LL@li.org>``, a ``POT-Creation-Date`` of the save) made ``msgfmt -c``
warn about a file that was clean. A new file's header is termwise's full one."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from termwise.project import po_format
from termwise.project.translation_file import TranslationFile
from termwise.project.units import TranslationUnit

MINIMAL = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: es\\n"

msgctxt "a1"
msgid "Short one."
msgstr ""

msgctxt "a2"
msgid "The song."
msgstr "La canción."
"""

# A template as a build writes it when it fills in only the charset (no dates, no
# translator): msginit then makes a file without POT-Creation-Date and PO-Revision-Date.
BARE_POT = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

msgctxt "a1"
msgid "Short one."
msgstr ""
"""

# xgettext's template, copied to paper.es.po by hand and given its Language: the
# placeholders are the file's own.
COPIED_POT = """\
msgid ""
msgstr ""
"Project-Id-Version: paper 1.0\\n"
"POT-Creation-Date: 2024-03-01 10:00+0000\\n"
"PO-Revision-Date: YEAR-MO-DA HO:MI+ZONE\\n"
"Last-Translator: FULL NAME <EMAIL@ADDRESS>\\n"
"Language-Team: LANGUAGE <LL@li.org>\\n"
"Language: es\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"

msgctxt "a1"
msgid "Short one."
msgstr ""
"""


def header_fields(path: Path) -> dict[str, str]:
    """The header's fields as written, by name, in the file's order."""
    text = path.read_text(encoding="utf-8")
    fields = {}
    for line in po_format._raw_header(text).splitlines():
        name, _, value = line.partition(":")
        fields[name.strip()] = value.strip()
    return fields


def msgfmt_warnings(path: Path) -> set[str]:
    """What ``msgfmt -c`` says about the file, without the file's name and line."""
    done = subprocess.run(
        ["msgfmt", "-c", "-o", "/dev/null", str(path)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return {re.sub(r"^.*?:\d+: ", "", line) for line in done.stderr.splitlines()}


def resave(path: Path) -> None:
    """Translate a1 and save; then save again from termwise's own file."""
    tfile = TranslationFile.load(path)
    tfile.units["a1"].set_translation("Corta.")
    tfile.save()
    TranslationFile.load(path).save()


def test_a_minimal_hand_written_header_gets_no_placeholder_fields(tmp_path: Path) -> None:
    path = tmp_path / "paper.es.po"
    path.write_text(MINIMAL, encoding="utf-8")
    warned = msgfmt_warnings(path)
    assert any("Last-Translator" in line for line in warned)  # missing: the file's own

    resave(path)
    assert header_fields(path) == {
        "Content-Type": "text/plain; charset=UTF-8",
        "Language": "es",
        "X-Source-Language": "en",
    }
    assert msgfmt_warnings(path) == warned
    assert 'msgstr "Corta."' in path.read_text(encoding="utf-8")


def test_a_msginit_file_without_dates_gets_none(tmp_path: Path) -> None:
    pot = tmp_path / "paper.pot"
    pot.write_text(BARE_POT, encoding="utf-8")
    path = tmp_path / "paper.es.po"
    subprocess.run(
        ["msginit", "--no-translator", "-l", "es", "-i", str(pot), "-o", str(path)],
        check=True,
        capture_output=True,
    )
    before = header_fields(path)
    assert "POT-Creation-Date" not in before and "PO-Revision-Date" not in before
    assert before["Last-Translator"] == "Automatically generated"
    warned = msgfmt_warnings(path)

    resave(path)
    after = header_fields(path)
    assert list(after) == [*before, "X-Source-Language"]
    assert {name: after[name] for name in before} == before
    assert msgfmt_warnings(path) == warned


def test_a_copied_template_keeps_its_own_values(tmp_path: Path) -> None:
    path = tmp_path / "paper.es.po"
    path.write_text(COPIED_POT, encoding="utf-8")
    before = header_fields(path)
    warned = msgfmt_warnings(path)

    resave(path)
    after = header_fields(path)
    # The file's translator and team are its own, placeholders or not; Babel put the
    # language code into "LANGUAGE".
    assert after["Last-Translator"] == "FULL NAME <EMAIL@ADDRESS>"
    assert after["Language-Team"] == "LANGUAGE <LL@li.org>"
    assert after["POT-Creation-Date"] == "2024-03-01 10:00+0000"
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d\+0000", after["PO-Revision-Date"])
    assert list(after) == [*before, "X-Source-Language"]
    assert msgfmt_warnings(path) <= warned


def test_plural_entries_get_the_plural_forms_they_are_written_by(tmp_path: Path) -> None:
    path = tmp_path / "paper.es.po"
    path.write_text(
        MINIMAL
        + '\nmsgctxt "a3"\nmsgid "one file"\nmsgid_plural "%d files"\n'
        + 'msgstr[0] "un archivo"\nmsgstr[1] "%d archivos"\n',
        encoding="utf-8",
    )
    resave(path)
    fields = header_fields(path)
    assert set(fields) == {"Content-Type", "Language", "X-Source-Language", "Plural-Forms"}
    assert fields["Plural-Forms"].startswith("nplurals=")


def test_a_new_file_has_termwises_full_header(tmp_path: Path) -> None:
    path = tmp_path / "paper.es.po"
    tfile = TranslationFile(lang="es", source_lang="en", document_name="paper.md")
    tfile.units["a1"] = TranslationUnit("a1", "Hi")
    tfile.save(path)
    fields = header_fields(path)
    assert list(fields) == [
        "Project-Id-Version",
        "POT-Creation-Date",
        "PO-Revision-Date",
        "Last-Translator",
        "Language-Team",
        "Language",
        "MIME-Version",
        "Content-Type",
        "Content-Transfer-Encoding",
        "Plural-Forms",
        "Generated-By",
        "X-Source-Language",
    ]
    assert fields["Last-Translator"] == "termwise" and fields["Language-Team"] == "Spanish"
    subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(path)], check=True)
    TranslationFile.load(path).save()  # a re-save of termwise's own file keeps them all
    assert list(header_fields(path)) == list(fields)
