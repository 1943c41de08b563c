"""A PO file's broken quoting is named at the character that breaks it (the stray quote, the
unknown escape's backslash), where an editor can jump: the error gave the string's opening
quote, column 8, for a stray quote at column 27."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.command_line import termwise
from termwise.errors import InputError
from termwise.project.translation_file import TranslationFile

HEADER = 'msgid ""\nmsgstr ""\n"Language: es\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
PAPER = "The project cost 14 million euros.\n"


@pytest.mark.parametrize(
    ("line", "column"),
    [
        # A quotation inside the translation, its quotes not escaped: the first one.
        ('msgstr "El proyecto costó "14 millones" de euros."', 27),
        ('msgstr "Hola \\q mundo"', 14),
        ('msgstr "Hola \\x"', 14),
        # Escapes that are PO's are read past.
        ('msgstr "a \\"b\\" \\101 \\x41 \\\\ "c"', 30),
        # A continuation line, as another editor wraps a long string.
        ('msgstr ""\n"Hola "mundo""', 7),
        # Not closed: the string that is not, from its start.
        ('msgstr "Hola', 8),
    ],
)
def test_the_column_is_the_character_that_breaks_the_line(
    tmp_path: Path, line: str, column: int
) -> None:
    path = tmp_path / "paper.es.po"
    path.write_text(HEADER + f'msgctxt "a"\nmsgid "Hello"\n{line}\n', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        TranslationFile.load(path)
    assert (caught.value.line, caught.value.column) == (8 + line.count("\n"), column)


def test_a_command_names_the_stray_quote(tmp_path: Path) -> None:
    (tmp_path / "paper.txt").write_text(PAPER, encoding="utf-8")
    (tmp_path / "translations").mkdir()
    (tmp_path / "translations" / "paper.es.po").write_text(
        HEADER + 'msgctxt "x"\nmsgid "a"\nmsgstr "El proyecto costó "14 millones" de euros."\n',
        encoding="utf-8",
    )
    result = termwise("stats", "paper.txt", "--to", "es", cwd=tmp_path)
    assert result.returncode == 2
    assert "paper.es.po:8:27: bad quoting inside the string" in result.stderr
