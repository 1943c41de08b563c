"""xgettext's template gives every plural entry two forms whatever the language. Japanese
has one (``msginit -l ja`` writes ``nplurals=1; plural=0;`` and one ``msgstr[0]``), but a
Japanese file started from the template, its Plural-Forms still the placeholder, was read by
gettext's default ``(n != 1)`` with a second form nobody fills in. Its empty forms past the
language's count hold nothing: the language's rule is taken and they are dropped."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from click.testing import CliRunner

from termwise.cli import cli
from termwise.project.translation_file import TranslationFile

PROGRAM = r"""
#include <libintl.h>
#include <stdio.h>
int main(int n) {
    puts(pgettext("a1", "It began in 2013."));
    printf(npgettext("a2", "The file was saved.", "The files were saved.", n), n);
    return 0;
}
"""
PLURAL_FORMS = re.compile(r'"Plural-Forms: ([^"]*)\\n"')


def template(tmp_path: Path) -> Path:
    """What xgettext extracts from a C program: two empty forms, the rule a placeholder."""
    source = tmp_path / "prog.c"
    source.write_text(PROGRAM, encoding="utf-8")
    pot = tmp_path / "prog.pot"
    subprocess.run(
        ["xgettext", "--from-code=UTF-8", "-o", str(pot), str(source)], check=True, cwd=tmp_path
    )
    text = pot.read_text(encoding="utf-8")
    assert 'msgstr[0] ""\nmsgstr[1] ""' in text
    assert "nplurals=INTEGER; plural=EXPRESSION;" in text
    return pot


def japanese_by_hand(tmp_path: Path) -> str:
    """The template copied by hand for Japanese: Language filled in, the rest as it was."""
    text = template(tmp_path).read_text(encoding="utf-8")
    return text.replace("charset=CHARSET", "charset=UTF-8").replace(
        '"Language: \\n"', '"Language: ja\\n"'
    )


def msginit_rule(tmp_path: Path) -> str:
    """The Plural-Forms GNU gettext's msginit writes for Japanese from the same template."""
    out = tmp_path / "msginit.ja.po"
    subprocess.run(
        ["msginit", "-l", "ja", "--no-translator", "-i", str(template(tmp_path)), "-o", str(out)],
        check=True,
        capture_output=True,
    )
    found = PLURAL_FORMS.search(out.read_text(encoding="utf-8"))
    assert found is not None
    return found.group(1)


def msgfmt_check(path: Path) -> None:
    done = subprocess.run(
        ["msgfmt", "-c", "-o", "/dev/null", str(path)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr


def test_a_japanese_file_from_a_two_form_template_gets_msginits_rule(tmp_path: Path) -> None:
    path = tmp_path / "prog.ja.po"
    path.write_text(japanese_by_hand(tmp_path), encoding="utf-8")
    tfile = TranslationFile.load(path)
    assert tfile.plural_rule() == (1, "0")
    assert tfile.units["a2"].plural_forms == ("",)
    tfile.units["a2"].target = "ファイルを保存しました。"  # its one form: the singular's
    tfile.units["a1"].target = "2013年に始まった。"
    tfile.save()
    text = path.read_text(encoding="utf-8")
    found = PLURAL_FORMS.search(text)
    assert found is not None and found.group(1) == msginit_rule(tmp_path)
    assert 'msgstr[0] "ファイルを保存しました。"' in text and "msgstr[1]" not in text
    msgfmt_check(path)
    assert TranslationFile.load(path).units["a2"].plural_forms == ("ファイルを保存しました。",)


def test_importing_it_with_its_one_form_filled_keeps_japaneses_rule(tmp_path: Path) -> None:
    hand = tmp_path / "prog.ja.po"
    text = japanese_by_hand(tmp_path).replace(
        'msgstr[0] ""', 'msgstr[0] "ファイルを保存しました。"'
    )
    hand.write_text(text, encoding="utf-8")
    root = tmp_path / "proj"
    root.mkdir()
    doc = root / "doc.txt"
    doc.write_text("It began in 2013.\n\nThe file was saved.\n", encoding="utf-8")
    result = CliRunner().invoke(
        cli,
        ["--project", str(root), "import", str(hand), "--doc", str(doc), "--to", "ja"],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    saved = root / "translations" / "doc.ja.po"
    tfile = TranslationFile.load(saved)
    assert tfile.plural_rule() == (1, "0")
    units = {unit.source: unit for unit in tfile}
    assert units["The file was saved."].plural_forms == ("ファイルを保存しました。",)
    found = PLURAL_FORMS.search(saved.read_text(encoding="utf-8"))
    assert found is not None and found.group(1) == msginit_rule(tmp_path)
    msgfmt_check(saved)


def test_a_filled_form_past_the_languages_count_is_kept(tmp_path: Path) -> None:
    """A second form with text is a translation: the file keeps both forms and is read by
    gettext's default two-form rule, as before."""
    path = tmp_path / "prog.ja.po"
    text = japanese_by_hand(tmp_path).replace(
        'msgstr[0] ""\nmsgstr[1] ""', 'msgstr[0] "一つ保存しました。"\nmsgstr[1] "保存しました。"'
    )
    path.write_text(text, encoding="utf-8")
    tfile = TranslationFile.load(path)
    assert tfile.plural_rule() == (2, "(n != 1)")
    assert tfile.units["a2"].plural_forms == ("一つ保存しました。", "保存しました。")
