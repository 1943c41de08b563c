"""A CSV that ``glossary validate`` faults for its quoting is refused by ``glossary import``
unless ``--lenient``, as a faulty TBX file is: imported with a warning, the row of the
broken quote was lost (or the rows after it read as one field) and exit 0 said all was well."""

from __future__ import annotations

from pathlib import Path

from support.command_line import termwise

BAD = (
    "en,es\n"
    "wind turbine,aerogenerador\n"
    '"power grid,red eléctrica\n'
    "solar panel,panel solar\n"
    "battery,batería\n"
)


def test_validate_and_import_agree_on_an_unclosed_quote(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(BAD, encoding="utf-8")
    validated = termwise("glossary", "validate", "bad.csv", cwd=tmp_path)
    assert validated.returncode == 1
    assert "bad.csv:3: a quoted field is not closed" in validated.stdout, validated.stdout
    result = termwise("glossary", "import", "bad.csv", cwd=tmp_path)
    assert result.returncode == 2, result.stdout + result.stderr
    assert (
        "bad.csv:3: a quoted field is not closed before the end of the file; nothing written "
        "(glossary validate lists them all; --lenient imports it anyway)" in result.stderr
    ), result.stderr
    assert sorted(path.name for path in tmp_path.iterdir()) == ["bad.csv"]


def test_lenient_imports_it_and_says_the_problem_once(tmp_path: Path) -> None:
    (tmp_path / "bad.csv").write_text(BAD, encoding="utf-8")
    result = termwise("glossary", "import", "bad.csv", "--lenient", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stderr.splitlines() if "quoted field" in line]
    assert lines == [
        "problem (imported with --lenient): bad.csv:3: a quoted field is not closed before "
        "the end of the file"
    ], result.stderr
    assert (tmp_path / "glossary" / "bad.tbx").is_file()


def test_a_quoted_field_over_lines_is_no_problem(tmp_path: Path) -> None:
    (tmp_path / "notes.csv").write_text(
        'en,es,note\nwind turbine,aerogenerador,"two\nlines"\n', encoding="utf-8"
    )
    result = termwise("glossary", "import", "notes.csv", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "wrote 1 concept" in result.stdout, result.stdout
