"""A save writes a PO file other tools wrote as they laid it out: the header's unchanged
fields in their lines (a Plural-Forms msgcat wrapped stays wrapped, whatever width the
entries tell), its ``#, fuzzy`` while it is a template's, CRLF line ends, and msgcat's one
"\\n" at the end. Only what changed is written anew."""

from __future__ import annotations

import difflib
import subprocess
from pathlib import Path

from termwise.project.translation_file import TranslationFile

POT = """\
# SOME DESCRIPTIVE TITLE.
# Copyright (C) YEAR THE PACKAGE'S COPYRIGHT HOLDER
# This file is distributed under the same license as the PACKAGE package.
# FIRST AUTHOR <EMAIL@ADDRESS>, YEAR.
#
#, fuzzy
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
msgid "The Belt and Road Initiative connects many countries across Asia, Europe and Africa through trade."
msgstr ""

msgctxt "a2"
msgid "It began in 2013 and has since grown into a vast network of railways, ports and pipelines."
msgstr ""

msgctxt "a3"
msgid "Short."
msgstr ""
"""
LONG_TRANSLATION = (
    "Инициатива «Пояс и путь» связывает многие страны Азии, Европы и Африки посредством торговли."
)
# What msgcat -w 79 does with Russian's rule: the header's one wrapped field.
PLURAL_FORMS = (
    '"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && "\n'
    '"n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n"\n'
)


def msgcat_file(tmp_path: Path) -> Path:
    """A Russian file as ``msginit`` makes it from the template, through ``msgcat -w 79``,
    with a2 translated as gettext wraps it."""
    pot = tmp_path / "paper.pot"
    pot.write_text(POT, encoding="utf-8")
    made = tmp_path / "init.po"
    subprocess.run(
        ["msginit", "--no-translator", "-l", "ru", "-i", str(pot), "-o", str(made)],
        check=True,
        capture_output=True,
    )
    path = tmp_path / "paper.ru.po"
    subprocess.run(["msgcat", "-w", "79", str(made), "-o", str(path)], check=True)
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        '"and pipelines."\nmsgstr ""',
        '"and pipelines."\nmsgstr ""\n'
        '"Она началась в 2013 году и с тех пор превратилась в огромную сеть железных "\n'
        '"дорог, портов и трубопроводов."',
    )
    path.write_text(text, encoding="utf-8")
    return path


def translate_short(path: Path, text: str = "Кратко.") -> TranslationFile:
    tfile = TranslationFile.load(path)
    tfile.units["a3"].target = text
    tfile.save()
    return tfile


def changed_lines(before: bytes, after: bytes) -> list[str]:
    """The lines a save took out (-) and put in (+), each cut to the length of the
    start it is compared with in ``EXPECTED``."""
    diff = difflib.ndiff(
        before.decode("utf-8").splitlines(keepends=True),
        after.decode("utf-8").splitlines(keepends=True),
    )
    return [line for line in diff if line[:1] in "+-"]


def starts(lines: list[str], expected: list[str]) -> bool:
    return len(lines) == len(expected) and all(map(str.startswith, lines, expected))


# What the first save of a3's translation changes: the date, the field termwise reads the
# file by, the entry.
EXPECTED = [
    '- "PO-Revision-Date: ',
    '+ "PO-Revision-Date: ',
    '+ "X-Source-Language: en',
    '- msgstr ""\n',
    '+ msgstr "Кратко."\n',
]


def msgfmt_check(path: Path) -> list[str]:
    """What ``msgfmt -c`` says of the file, without its name and line."""
    done = subprocess.run(
        ["msgfmt", "-c", "-o", "/dev/null", str(path)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return [line.split(": ", 1)[1] for line in done.stderr.splitlines()]


def test_a_hand_edited_line_leaves_the_wrapped_header_as_it_is(tmp_path: Path) -> None:
    path = msgcat_file(tmp_path)
    # Someone typed a1's translation in on one line: the entries tell no width now.
    text = path.read_text(encoding="utf-8").replace(
        '"Africa through trade."\nmsgstr ""',
        f'"Africa through trade."\nmsgstr "{LONG_TRANSLATION}"',
    )
    path.write_text(text, encoding="utf-8")
    before = path.read_bytes()
    assert PLURAL_FORMS.encode() in before
    translate_short(path)
    after = path.read_bytes()
    assert PLURAL_FORMS.encode() in after
    changes = changed_lines(before, after)
    assert starts(changes, EXPECTED), changes
    # Saved again, nothing but the date (where the minute turned) and the entry moves.
    tfile = TranslationFile.load(path)
    tfile.units["a3"].notes = "checked"
    tfile.save()
    changes = changed_lines(after, path.read_bytes())
    assert [line for line in changes if "PO-Revision-Date" not in line] == ["+ # checked\n"]


def test_a_crlf_file_stays_crlf(tmp_path: Path) -> None:
    path = msgcat_file(tmp_path)
    lf = path.read_bytes()
    path.write_bytes(lf.replace(b"\n", b"\r\n"))
    tfile = translate_short(path)
    after = path.read_bytes()
    assert after.count(b"\n") == after.count(b"\r\n")
    changes = changed_lines(lf, after.replace(b"\r\n", b"\n"))
    assert starts(changes, EXPECTED), changes
    # A second save from the same object copies the unchanged entries' CRLF bytes and
    # writes what it formats with CRLF too: the same bytes as a file written whole.
    tfile.units["a1"].target = "Инициатива."
    assert tfile.to_bytes() == tfile.full_bytes()
    tfile.save()
    again = path.read_bytes()
    assert again.count(b"\n") == again.count(b"\r\n")
    reread = TranslationFile.load(path)
    assert reread.units["a1"].target == "Инициатива."
    assert reread.units["a2"].target.startswith("Она началась в 2013 году")
    assert reread.units["a3"].target == "Кратко."
    msgfmt_check(path)


def test_msgcats_single_newline_at_the_end_stays_single(tmp_path: Path) -> None:
    path = msgcat_file(tmp_path)
    assert path.read_bytes().endswith(b'msgstr ""\n')
    translate_short(path)
    assert path.read_bytes().endswith(
        b'msgstr "\xd0\x9a\xd1\x80\xd0\xb0\xd1\x82\xd0\xba\xd0\xbe."\n'
    )
    # With an obsolete entry last, as msgmerge leaves one.
    text = (
        path.read_text(encoding="utf-8") + '\n#~ msgctxt "a9"\n#~ msgid "Gone."\n#~ msgstr "Нет."\n'
    )
    path.write_text(text, encoding="utf-8")
    translate_short(path, "Коротко.")
    assert path.read_bytes().endswith(b'#~ msgstr "\xd0\x9d\xd0\xb5\xd1\x82."\n')
    assert not path.read_bytes().endswith(b"\n\n")


def test_a_new_file_still_ends_as_termwise_writes_it(tmp_path: Path) -> None:
    tfile = TranslationFile(lang="ru", source_lang="en", document_name="paper.txt")
    path = tfile.save(tmp_path / "paper.ru.po")
    assert path.read_bytes().endswith(b"\n\n") and b"\r" not in path.read_bytes()


def test_a_templates_fuzzy_header_stays_fuzzy_while_it_is_one(tmp_path: Path) -> None:
    """A PO copied from xgettext's template, its Language filled in: msgfmt ignores a
    header's fuzzy (nor does -c warn of it), and gettext's tools read it as "header not
    filled in yet", which it still is while FULL NAME and LANGUAGE are there."""
    path = tmp_path / "paper.ru.po"
    path.write_text(POT.replace('"Language: \\n"', '"Language: ru\\n"'), encoding="utf-8")
    said = msgfmt_check(path)
    translate_short(path)
    text = path.read_text(encoding="utf-8")
    assert '#\n#, fuzzy\nmsgid ""\nmsgstr ""\n' in text
    # The date termwise wrote was one of msgfmt's complaints; none is added.
    assert set(msgfmt_check(path)) < set(said)


def test_a_filled_in_header_loses_the_templates_fuzzy(tmp_path: Path) -> None:
    path = tmp_path / "paper.ru.po"
    filled = (
        POT.replace('"Language: \\n"', '"Language: ru\\n"')
        .replace("FULL NAME <EMAIL@ADDRESS>", "Jane Doe <jane@example.org>")
        .replace("LANGUAGE <LL@li.org>", "Russian <ru@example.org>")
    )
    path.write_text(filled, encoding="utf-8")
    translate_short(path)
    # termwise filled in the last initial value (the date): a header as msginit leaves one.
    text = path.read_text(encoding="utf-8")
    assert "#, fuzzy" not in text and "YEAR-MO-DA" not in text
    assert msgfmt_check(path) == []
