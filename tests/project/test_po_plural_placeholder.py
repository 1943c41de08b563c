"""xgettext's template says ``Plural-Forms: nplurals=INTEGER; plural=EXPRESSION;``: the rule
is left to the language's file, where msginit writes the language's rule. A PO made from
such a template by hand, or a template used directly, was refused ("nplurals=INTEGER");
it is read as having no rule yet, and the language's gettext rule is taken."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from termwise.cli import cli
from termwise.errors import InputError
from termwise.project.po_format import GETTEXT_PLURAL_RULES
from termwise.project.translation_file import TranslationFile

PROGRAM = r"""
#include <libintl.h>
#include <stdio.h>
int main(int n) {
    puts(pgettext("a1", "It began in 2013."));
    printf(npgettext("a2", "The file was saved.", "The files were saved.", n), n);
    puts(pgettext("a3", "Short one."));
    return 0;
}
"""
PLACEHOLDER = '"Plural-Forms: nplurals=INTEGER; plural=EXPRESSION;\\n"'


def template(tmp_path: Path) -> str:
    """What xgettext extracts from a C program: its header has the placeholder."""
    source = tmp_path / "prog.c"
    source.write_text(PROGRAM, encoding="utf-8")
    pot = tmp_path / "prog.pot"
    subprocess.run(
        ["xgettext", "--from-code=UTF-8", "-o", str(pot), str(source)],
        check=True,
        cwd=tmp_path,
    )
    text = pot.read_text(encoding="utf-8")
    assert PLACEHOLDER in text
    return text.replace("charset=CHARSET", "charset=UTF-8")


def msgfmt_check(path: Path) -> None:
    done = subprocess.run(
        ["msgfmt", "-c", "-o", "/dev/null", str(path)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr


def test_a_template_used_as_the_project_file_takes_its_languages_rule(tmp_path: Path) -> None:
    path = tmp_path / "prog.ru.po"
    path.write_text(
        template(tmp_path).replace('"Language: \\n"', '"Language: ru\\n"'), encoding="utf-8"
    )
    tfile = TranslationFile.load(path)
    assert tfile.plural_rule() == GETTEXT_PLURAL_RULES["ru"]
    assert tfile.units["a2"].plural_source == "The files were saved."
    tfile.units["a2"].plural_forms = ("Файл сохранён.", "Файлы сохранены.", "Файлов сохранено.")
    tfile.units["a3"].target = "Кратко."
    tfile.save()
    text = path.read_text(encoding="utf-8")
    assert PLACEHOLDER not in text
    assert '"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : ' in text
    assert 'msgstr[2] "Файлов сохранено."' in text
    msgfmt_check(path)
    again = TranslationFile.load(path)
    assert again.units["a2"].plural_forms[2] == "Файлов сохранено."


def test_a_po_made_from_a_template_by_hand_is_imported(tmp_path: Path) -> None:
    """A translator copied the template, filled in Language and the translations, and left
    Plural-Forms as it was (msgfmt -c would refuse it; Poedit asks)."""
    hand = tmp_path / "prog.es.po"
    text = template(tmp_path).replace('"Language: \\n"', '"Language: es\\n"')
    text = text.replace(
        'msgid "It began in 2013."\nmsgstr ""',
        'msgid "It began in 2013."\nmsgstr "Empezó en 2013."',
    )
    text = text.replace(
        'msgstr[0] ""\nmsgstr[1] ""',
        'msgstr[0] "Se guardó el archivo."\nmsgstr[1] "Se guardaron los archivos."',
    )
    hand.write_text(text, encoding="utf-8")
    root = tmp_path / "proj"
    root.mkdir()
    doc = root / "doc.txt"
    doc.write_text("It began in 2013.\n\nThe file was saved.\n", encoding="utf-8")
    result = CliRunner().invoke(
        cli,
        ["--project", str(root), "import", str(hand), "--doc", str(doc), "--to", "es"],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    saved = root / "translations" / "doc.es.po"
    tfile = TranslationFile.load(saved)
    assert tfile.plural_rule() == GETTEXT_PLURAL_RULES["es"]
    units = {unit.source: unit for unit in tfile}
    assert units["It began in 2013."].target == "Empezó en 2013."
    assert units["The file was saved."].plural_forms == (
        "Se guardó el archivo.",
        "Se guardaron los archivos.",
    )
    assert '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"' in saved.read_text(encoding="utf-8")
    msgfmt_check(saved)


def test_another_nplurals_that_is_no_count_is_still_refused_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / "prog.ru.po"
    text = template(tmp_path).replace('"Language: \\n"', '"Language: ru\\n"')
    path.write_text(text.replace("nplurals=INTEGER", "nplurals=many"), encoding="utf-8")
    with pytest.raises(InputError) as raised:
        TranslationFile.load(path)
    said = str(raised.value)
    line = text.split("\n").index(PLACEHOLDER) + 1
    assert f"prog.ru.po:{line}" in said and "nplurals=many" in said
