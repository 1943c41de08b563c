"""A merge with another program's save takes the header fields that program changed.

``msgmerge`` (a new template's POT-Creation-Date and Report-Msgid-Bugs-To) and Poedit (its
Last-Translator and X-Generator) rewrite the header of the file the workbench has open; the
next save after an edit wrote the workbench's header as it was read, and their changes were
lost. As with entries, a field only the other program changed is taken from disk, one both
changed keeps ours, and PO-Revision-Date is the save's own.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from termwise.project.translation_file import TranslationFile

pytestmark = pytest.mark.skipif(
    not (shutil.which("msgmerge") and shutil.which("msgfmt")),
    reason="needs gettext's msgmerge and msgfmt (README's setup installs them)",
)

HEADER = (
    'msgid ""\nmsgstr ""\n'
    '"Project-Id-Version: d\\n"\n'
    '"POT-Creation-Date: 2024-01-01 09:00+0000\\n"\n'
    '"PO-Revision-Date: 2024-01-01 10:00+0000\\n"\n'
    '"Last-Translator: Ana <ana@example.org>\\n"\n'
    '"Language-Team: Spanish\\n"\n'
    '"Language: es\\n"\n'
    '"MIME-Version: 1.0\\n"\n'
    '"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '"Content-Transfer-Encoding: 8bit\\n"\n'
    '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n'
    '"X-Source-Language: en\\n"\n'
)
ENTRIES = (
    '\nmsgctxt "aaaa"\nmsgid "One."\nmsgstr "Uno."\n'
    '\nmsgctxt "bbbb"\nmsgid "Two."\nmsgstr "Dos."\n'
    '\nmsgctxt "cccc"\nmsgid "One file"\nmsgid_plural "%d files"\n'
    'msgstr[0] "Un archivo"\nmsgstr[1] "%d archivos"\n'
)
# The template a new extraction wrote: the same entries, a new date and bug address.
TEMPLATE = (
    'msgid ""\nmsgstr ""\n'
    '"Project-Id-Version: d\\n"\n'
    '"Report-Msgid-Bugs-To: bugs@example.org\\n"\n'
    '"POT-Creation-Date: 2025-03-04 05:06+0000\\n"\n'
    '"MIME-Version: 1.0\\n"\n'
    '"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '"Content-Transfer-Encoding: 8bit\\n"\n'
    '"Plural-Forms: nplurals=INTEGER; plural=EXPRESSION;\\n"\n'
) + ENTRIES.replace('msgstr "Uno."', 'msgstr ""').replace('msgstr "Dos."', 'msgstr ""').replace(
    'msgstr[0] "Un archivo"\nmsgstr[1] "%d archivos"', 'msgstr[0] ""\nmsgstr[1] ""'
)


def _header(path: Path) -> dict[str, str]:
    """The header fields of the file at ``path`` as gettext reads them."""
    text = path.read_text(encoding="utf-8")
    fields: dict[str, str] = {}
    for line in text[: text.index("\n\n")].splitlines():
        if line.startswith('"') and ": " in line:
            name, _, value = line.strip('"').removesuffix("\\n").partition(": ")
            fields[name] = value
    return fields


def _open_then_changed_on_disk(tmp_path: Path) -> tuple[Path, TranslationFile]:
    """The file opened here, then updated by msgmerge from a new template and saved by
    Poedit (its Last-Translator, Language-Team and X-Generator, in its header's text)."""
    po = tmp_path / "d.es.po"
    po.write_text(HEADER + ENTRIES, encoding="utf-8")
    tfile = TranslationFile.load(po)
    pot = tmp_path / "d.pot"
    pot.write_text(TEMPLATE, encoding="utf-8")
    subprocess.run(["msgmerge", "-q", "-U", "--backup=off", str(po), str(pot)], check=True)
    text = po.read_text(encoding="utf-8")
    assert "2025-03-04 05:06" in text  # msgmerge took the template's date
    text = text.replace("Ana <ana@example.org>", "Luis <luis@example.org>")
    text = text.replace("Language-Team: Spanish", "Language-Team: Spanish <es@li.org>")
    text = text.replace(
        '"X-Source-Language: en\\n"\n', '"X-Source-Language: en\\n"\n"X-Generator: Poedit 3.4\\n"\n'
    )
    po.write_text(text, encoding="utf-8")
    return po, tfile


def test_header_fields_the_other_program_changed_are_taken(tmp_path: Path) -> None:
    po, tfile = _open_then_changed_on_disk(tmp_path)
    tfile.units["bbbb"].set_translation("¡Dos!")
    report = tfile.merge_from_disk()
    tfile.save()

    fields = _header(po)
    assert fields["Last-Translator"] == "Luis <luis@example.org>"
    assert fields["Language-Team"] == "Spanish <es@li.org>"
    assert fields["X-Generator"] == "Poedit 3.4"
    assert fields["POT-Creation-Date"] == "2025-03-04 05:06+0000"
    assert fields["Report-Msgid-Bugs-To"] == "bugs@example.org"
    assert fields["PO-Revision-Date"] != "2024-01-01 10:00+0000"  # the save's own
    assert fields["Plural-Forms"] == "nplurals=2; plural=(n != 1);"
    assert set(report.header_taken) == {
        "Last-Translator",
        "Language-Team",
        "X-Generator",
        "POT-Creation-Date",
        "Report-Msgid-Bugs-To",
    }
    assert TranslationFile.load(po).units["bbbb"].target == "¡Dos!"
    check = subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(po)], capture_output=True)
    assert check.returncode == 0, check.stderr.decode()


def test_a_field_both_changed_keeps_ours(tmp_path: Path) -> None:
    po, tfile = _open_then_changed_on_disk(tmp_path)
    tfile.language_team = "Equipo de traducción <equipo@example.org>"
    tfile.units["bbbb"].set_translation("¡Dos!")
    report = tfile.merge_from_disk()
    tfile.save()

    fields = _header(po)
    assert fields["Language-Team"] == "Equipo de traducción <equipo@example.org>"
    assert fields["Last-Translator"] == "Luis <luis@example.org>"
    assert "Language-Team" not in report.header_taken
    # Merged again with nothing new on disk: the file just saved is the base.
    assert tfile.merge_from_disk().header_taken == []
    check = subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(po)], capture_output=True)
    assert check.returncode == 0, check.stderr.decode()


def test_a_plural_rule_indexing_otherwise_is_not_taken_over_our_plurals(tmp_path: Path) -> None:
    """Forms edited here are indexed by the rule read: another rule (a third form, as
    Babel's CLDR table has for Spanish) would give them other meanings."""
    po = tmp_path / "d.es.po"
    po.write_text(HEADER + ENTRIES, encoding="utf-8")
    tfile = TranslationFile.load(po)
    three = "nplurals=3; plural=n == 1 ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2;"
    text = po.read_text(encoding="utf-8").replace("nplurals=2; plural=(n != 1);", three)
    po.write_text(text.replace("Ana <ana@", "Luis <luis@"), encoding="utf-8")
    plural = tfile.units["cccc"]
    plural.plural_forms = ("Un fichero", "%d ficheros")
    plural.set_translation("Un fichero")
    report = tfile.merge_from_disk()
    tfile.save()

    assert _header(po)["Plural-Forms"] == "nplurals=2; plural=(n != 1);"
    assert report.header_taken == ["Last-Translator"]
    check = subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(po)], capture_output=True)
    assert check.returncode == 0, check.stderr.decode()
