"""Plural entries from ordinary PO files survive a project whose plural rule is CLDR's.

An older termwise started a Spanish file with Babel's (CLDR's) rule, three forms; gettext's
msginit, Poedit and Weblate write two (``nplurals=2; plural=n != 1;``). A Weblate file's
plural entry imported into an existing project came in as its singular alone.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner, Result

from termwise.cli import cli
from termwise.project import po_format
from termwise.project.layout import ProjectLayout
from termwise.project.translation_file import TranslationFile
from termwise.project.units import TranslationUnit

DOC = "The file could not be read.\n\nThe file was saved.\n\nNothing else happened.\n"
CLDR_SPANISH = "nplurals=3; plural=(n == 1 ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2);"
WEBLATE_SPANISH = "nplurals=2; plural=n != 1;"
SAVED = ("Se guardó el archivo.", "Se guardaron los archivos.")

WEBLATE_HEADER = r"""# Spanish translations for doc.
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
"Plural-Forms: {rule}\n"
"X-Generator: Weblate 5.4\n"
"""

WEBLATE_PLURAL = r"""
#. Shown after saving
#: src/main.c:57
msgid "The file was saved."
msgid_plural "The files were saved."
msgstr[0] "Se guardó el archivo."
msgstr[1] "Se guardaron los archivos."
"""


def run(root: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--project", str(root), *args], catch_exceptions=False)


def project(tmp_path: Path) -> Path:
    root = tmp_path / "proj"
    root.mkdir()
    (root / "doc.txt").write_text(DOC, encoding="utf-8")
    return root


def weblate_po(tmp_path: Path, rule: str = WEBLATE_SPANISH, body: str = WEBLATE_PLURAL) -> Path:
    path = tmp_path / "weblate.es.po"
    path.write_text(WEBLATE_HEADER.replace("{rule}", rule) + body, encoding="utf-8")
    subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], check=True)
    return path


def one_entry_po(tmp_path: Path) -> Path:
    """A one-entry file from gettext's msginit, translated as a translator would."""
    pot = tmp_path / "one.pot"
    template = polib.POFile()
    template.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    template.append(polib.POEntry(msgid="Nothing else happened.", msgstr=""))
    template.save(str(pot))
    po = tmp_path / "one.es.po"
    subprocess.run(
        ["msginit", "--no-translator", "-l", "es", "-i", str(pot), "-o", str(po)],
        check=True,
        capture_output=True,
    )
    entries = polib.pofile(str(po))
    entries[0].msgstr = "No pasó nada más."
    entries.save(str(po))
    return po


def import_file(root: Path, path: Path) -> Result:
    result = run(root, "import", str(path), "--doc", str(root / "doc.txt"), "--to", "es")
    assert result.exit_code == 0, result.output
    return result


def project_file(root: Path) -> TranslationFile:
    return TranslationFile.load(root / "translations" / "doc.es.po")


def saved_unit(root: Path) -> TranslationUnit:
    return next(unit for unit in project_file(root) if unit.source == "The file was saved.")


def with_cldr_plural_entry(root: Path) -> None:
    """A project whose Spanish file already holds a plural entry, indexed by CLDR's rule
    (an older termwise started Spanish files with Babel's rule)."""
    from termwise.project.translations import load_source, open_translation

    layout = ProjectLayout.at(root)
    tfile = open_translation(layout, load_source(layout, root / "doc.txt", lang="en"), "es")
    tfile.plural_forms = CLDR_SPANISH
    unit = next(u for u in tfile if u.source == "The file could not be read.")
    unit.plural_source = "The files could not be read."
    unit.plural_forms = ("", "No se pudieron leer los archivos.", "No se pudieron leer.")
    unit.set_translation("No se pudo leer el archivo.", reviewed=True)
    saved = tfile.save()
    assert f'"Plural-Forms: {CLDR_SPANISH}\\n"' in saved.read_text(encoding="utf-8")


def test_weblate_plural_after_a_first_import_keeps_every_form(tmp_path: Path) -> None:
    root = project(tmp_path)
    import_file(root, one_entry_po(tmp_path))  # creates the file with gettext's rule
    assert project_file(root).plural_rule() == (2, "(n != 1)")
    result = import_file(root, weblate_po(tmp_path))
    assert "plural entries:         1 (all forms kept)" in result.output
    assert "only the singular's form" not in result.output
    unit = saved_unit(root)
    assert unit.all_forms() == SAVED and unit.target == SAVED[0]
    # No entry was indexed by the old rule: the file's own rule is the project's now.
    path = root / "translations" / "doc.es.po"
    assert f'"Plural-Forms: {WEBLATE_SPANISH}\\n"' in path.read_text(encoding="utf-8")
    entry = next(e for e in polib.pofile(str(path)) if e.msgid_plural)
    assert entry.msgstr_plural == dict(enumerate(SAVED))
    subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], check=True)


def test_two_forms_are_reindexed_into_a_project_with_cldr_entries(tmp_path: Path) -> None:
    root = project(tmp_path)
    with_cldr_plural_entry(root)
    result = import_file(root, weblate_po(tmp_path))
    assert "plural entries:         1 (all forms kept)" in result.output
    assert "re-indexed:           1 (to the project's plural rule)" in result.output
    tfile = project_file(root)
    assert tfile.plural_forms == CLDR_SPANISH  # its entries are indexed by it: kept
    # Whole millions take CLDR's form 1; the file translates them with its "other" form.
    assert saved_unit(root).all_forms() == (SAVED[0], SAVED[1], SAVED[1])


def test_the_same_rule_written_otherwise_is_the_same_rule(tmp_path: Path) -> None:
    root = project(tmp_path)
    first = weblate_po(
        tmp_path,
        "nplurals=2; plural=(n != 1);",
        '\nmsgid "The file could not be read."\nmsgid_plural "The files could not be read."\n'
        'msgstr[0] "No se pudo leer el archivo."\nmsgstr[1] "No se pudieron leer."\n',
    )
    import_file(root, first)
    assert project_file(root).plural_forms == "nplurals=2; plural=(n != 1);"
    result = import_file(root, weblate_po(tmp_path))  # "n != 1", without the parentheses
    assert "plural entries:         1 (all forms kept)" in result.output
    assert "re-indexed" not in result.output
    assert saved_unit(root).all_forms() == SAVED


def test_forms_that_cannot_be_reindexed_keep_the_singular_and_say_why(tmp_path: Path) -> None:
    root = project(tmp_path)
    import_file(root, weblate_po(tmp_path))  # the project's rule: two forms
    cldr = weblate_po(
        tmp_path,
        CLDR_SPANISH,
        '\nmsgid "The file could not be read."\nmsgid_plural "The files could not be read."\n'
        'msgstr[0] "No se pudo leer el archivo."\nmsgstr[1] "No se pudo leer un millón de '
        'archivos."\nmsgstr[2] "No se pudieron leer los archivos."\n',
    )
    result = import_file(root, cldr)
    assert (
        f"the project's plural rule ({WEBLATE_SPANISH}) differs from the file's "
        f"({CLDR_SPANISH}), and its forms cannot be re-indexed without losing one; only the "
        "singular's form was imported"
    ) in result.output
    unit = next(u for u in project_file(root) if u.source == "The file could not be read.")
    assert not unit.is_plural and unit.target == "No se pudo leer el archivo."


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("nplurals=2; plural=n != 1;", "nplurals=2; plural=(n != 1);", True),
        ("nplurals=2; plural=(n > 1);", "nplurals=2; plural=n>1;", True),
        ("nplurals=2; plural=(n != 1);", "nplurals=2; plural=(n > 1);", False),
        ("nplurals=2; plural=(n != 1);", CLDR_SPANISH, False),
    ],
)
def test_plural_rules_are_compared_by_what_they_do(first: str, second: str, same: bool) -> None:
    rules = po_format.plural_rule(first, "es"), po_format.plural_rule(second, "es")
    assert po_format.same_plural_rule(*rules) is same


def test_plural_forms_are_reindexed_only_without_loss() -> None:
    two = po_format.plural_rule(WEBLATE_SPANISH, "es")
    three = po_format.plural_rule(CLDR_SPANISH, "es")
    convert = po_format.convert_plural_forms
    assert convert(SAVED, two, three) == (SAVED[0], SAVED[1], SAVED[1])
    assert convert(("uno", "millón", "otros"), three, two) is None
    # French: gettext's one form for 0 and 1; the English-style rule gives 0 "other".
    french = po_format.plural_rule("nplurals=2; plural=(n > 1);", "fr")
    assert convert(SAVED, two, french) is None
