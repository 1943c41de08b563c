"""The plural rule of a file whose header has no Plural-Forms, and of a new file.

gettext reads a file without Plural-Forms by its entries' own forms (msgfmt and libintl:
``nplurals=2; plural=(n != 1)``); termwise took Babel's (CLDR's) rule for the language, three
forms for Spanish, so a save wrote ``nplurals=3`` above two-form entries. A new file gets
the rule gettext's msginit writes (two forms for Spanish), where gettext has one.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from termwise.errors import InputError
from termwise.project import po_format
from termwise.project.translation_file import TranslationFile
from termwise.project.units import TranslationUnit

POT = r"""msgid ""
msgstr ""
"Project-Id-Version: paper.md\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Content-Transfer-Encoding: 8bit\n"
"Plural-Forms: nplurals=INTEGER; plural=EXPRESSION;\n"

msgctxt "a1"
msgid "One file was copied."
msgid_plural "%d files were copied."
msgstr[0] ""
msgstr[1] ""

msgctxt "a2"
msgid "Done."
msgstr ""
"""

PLURAL_FORMS = re.compile(r'"Plural-Forms: ([^"]*)\\n"')


def msginit(tmp_path: Path, lang: str) -> Path:
    """A file as gettext's msginit starts it for ``lang``."""
    pot = tmp_path / "paper.pot"
    pot.write_text(POT, encoding="utf-8")
    path = tmp_path / f"paper.{lang}.po"
    subprocess.run(
        ["msginit", "--no-translator", "--no-wrap", "-l", lang, "-i", str(pot), "-o", str(path)],
        check=True,
        capture_output=True,
    )
    return path


def without_plural_forms(tmp_path: Path, forms: tuple[str, ...], lang: str = "es") -> Path:
    """A translated msginit file whose header has lost its Plural-Forms line (a hand edit, or a
    tool that writes no such field), its plural entry with ``forms``."""
    path = msginit(tmp_path, lang)
    text = path.read_text(encoding="utf-8")
    text = re.sub(r'"Plural-Forms: [^\n]*\n', "", text)
    strings = "".join(f'msgstr[{index}] "{form}"\n' for index, form in enumerate(forms))
    text = re.sub(r'(?m)(^msgid_plural .*\n)(msgstr\[\d\] ""\n)+', lambda m: m[1] + strings, text)
    text = text.replace('msgid "Done."\nmsgstr ""', 'msgid "Done."\nmsgstr "Hecho."')
    assert "Plural-Forms" not in text and strings in text
    path.write_text(text, encoding="utf-8")
    return path


def msgfmt_check(path: Path) -> None:
    subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(path)], check=True)


CLDR_SPANISH = "(n == 1 ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2)"
TWO = ("Se copió un archivo.", "Se copiaron %d archivos.")


def test_a_file_without_plural_forms_is_saved_with_its_entries_rule(tmp_path: Path) -> None:
    path = without_plural_forms(tmp_path, TWO)
    tfile = TranslationFile.load(path)
    assert tfile.plural_rule() == (2, "(n != 1)")
    assert tfile.units["a1"].all_forms() == TWO
    # Another entry changes: the plural entry is written back as it was, and the header
    # must say how many forms it has.
    tfile.units["a2"].notes = "Checked."
    tfile.save()
    text = path.read_text(encoding="utf-8")
    assert PLURAL_FORMS.findall(text) == ["nplurals=2; plural=(n != 1);"]
    assert "msgstr[2]" not in text
    msgfmt_check(path)
    # The plural entry itself changes: still two forms.
    tfile = TranslationFile.load(path)
    tfile.units["a1"].set_translation("Se ha copiado un archivo.", reviewed=True)
    tfile.save()
    text = path.read_text(encoding="utf-8")
    assert 'msgstr[0] "Se ha copiado un archivo."\nmsgstr[1] "Se copiaron %d archivos."\n\n' in (
        text
    )
    assert "msgstr[2]" not in text
    msgfmt_check(path)


@pytest.mark.parametrize(
    ("lang", "forms", "rule"),
    [
        # Three forms in Spanish: CLDR's rule has three (an older termwise wrote them).
        ("es", ("uno", "millón", "otros"), (3, CLDR_SPANISH)),
        # Two forms in Japanese (gettext and CLDR: one): gettext's default reads them.
        ("ja", ("ファイル", "ファイル群"), (2, "(n != 1)")),
    ],
)
def test_entries_with_another_count_keep_every_form(
    tmp_path: Path, lang: str, forms: tuple[str, ...], rule: tuple[int, str]
) -> None:
    path = without_plural_forms(tmp_path, forms, lang)
    tfile = TranslationFile.load(path)
    assert tfile.plural_rule() == rule
    assert tfile.units["a1"].all_forms() == forms
    tfile.units["a2"].notes = "Checked."
    tfile.save()
    assert PLURAL_FORMS.findall(path.read_text(encoding="utf-8")) == [
        f"nplurals={rule[0]}; plural={rule[1]};"
    ]
    assert TranslationFile.load(path).units["a1"].all_forms() == forms
    msgfmt_check(path)


def test_a_form_index_past_any_language_is_refused_with_its_line(tmp_path: Path) -> None:
    path = without_plural_forms(tmp_path, TWO)
    text = path.read_text(encoding="utf-8").replace("msgstr[1]", "msgstr[99999999]")
    path.write_text(text, encoding="utf-8")
    line = text[: text.index("msgstr[99999999]")].count("\n") + 1
    with pytest.raises(InputError) as raised:
        TranslationFile.load(path)
    assert raised.value.line == line
    assert "msgstr[99999999]" in str(raised.value)


@pytest.mark.parametrize("lang", ["es", "fr", "it", "pt", "pt_BR", "ru", "pl", "cs", "de", "ja"])
def test_a_new_file_has_the_rule_msginit_writes(tmp_path: Path, lang: str) -> None:
    written = PLURAL_FORMS.findall(msginit(tmp_path, lang).read_text(encoding="utf-8"))
    path = tmp_path / f"new.{lang}.po"
    tfile = TranslationFile(lang=lang.replace("_", "-"), source_lang="en")
    count = tfile.plural_rule()[0]
    tfile.units["a1"] = TranslationUnit(
        "a1",
        "One file was copied.",
        plural_source="%d files were copied.",
        plural_forms=tuple(f"form {index} %d" for index in range(count)),
    )
    tfile.units["a1"].set_translation("form 0 %d", reviewed=True)
    tfile.save(path)
    assert PLURAL_FORMS.findall(path.read_text(encoding="utf-8")) == written
    msgfmt_check(path)


def test_a_language_gettext_has_no_rule_for_takes_cldrs(tmp_path: Path) -> None:
    # msginit 0.21 leaves the template's placeholders for Chinese; CLDR (and newer gettext,
    # which asks CLDR) gives it one form.
    assert PLURAL_FORMS.findall(msginit(tmp_path, "zh").read_text(encoding="utf-8")) == [
        "nplurals=INTEGER; plural=EXPRESSION;"
    ]
    path = tmp_path / "new.zh.po"
    TranslationFile(lang="zh", source_lang="en").save(path)
    assert PLURAL_FORMS.findall(path.read_text(encoding="utf-8")) == ["nplurals=1; plural=0;"]
    msgfmt_check(path)


def test_the_gettext_table_is_what_msginit_writes(tmp_path: Path) -> None:
    for lang, (count, expression) in po_format.GETTEXT_PLURAL_RULES.items():
        folder = tmp_path / lang
        folder.mkdir()
        written = PLURAL_FORMS.findall(msginit(folder, lang).read_text(encoding="utf-8"))
        assert written == [f"nplurals={count}; plural={expression};"], lang
