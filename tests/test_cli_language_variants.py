"""``--to`` into another tag of a language the document has a translation in.

A newcomer ran ``termwise review paper.txt --to es_ES`` beside a reviewed
``translations/paper.es.po``: the workbench opened an empty ``paper.es-ES.po``, MT running
on every segment, and said it had started a new translation only on quitting. A command
that starts a translation now refuses, in one line naming the file that holds the work and
both ways on (``--to es``, or ``--new-variant``), and writes nothing.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from support.command_line import termwise

DOCUMENT = "The cat is blue.\n\nThe dog is red.\n"


@pytest.fixture
def spanish_project(tmp_path: Path, argos_env: Path) -> Path:
    """A project whose paper has a Spanish translation (``paper.es.po``, Apertium's MT)."""
    (tmp_path / "paper.txt").write_text(DOCUMENT, encoding="utf-8")
    done = termwise("translate", "paper.txt", "--to", "es", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "translations" / "paper.es.po").exists()
    return tmp_path


def error_lines(result: subprocess.CompletedProcess[str]) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("termwise: error:")]


@pytest.mark.parametrize("command", ["translate", "review"])
def test_a_regional_tag_beside_the_language_is_refused(spanish_project: Path, command: str) -> None:
    before = sorted(path.name for path in (spanish_project / "translations").iterdir())
    spanish = (spanish_project / "translations" / "paper.es.po").read_bytes()
    result = termwise(command, "paper.txt", "--to", "es_ES", cwd=spanish_project)
    assert result.returncode == 2, result.stderr
    errors = error_lines(result)
    assert errors == [
        "termwise: error: translations/paper.es.po holds the Spanish translation of paper.txt; "
        "use --to es to work on it, or add --new-variant to start a separate es-ES "
        "translation beside it"
    ], result.stderr
    after = sorted(path.name for path in (spanish_project / "translations").iterdir())
    assert after == before
    assert (spanish_project / "translations" / "paper.es.po").read_bytes() == spanish


def test_new_variant_starts_the_regional_translation_apart(spanish_project: Path) -> None:
    result = termwise(
        "translate", "paper.txt", "--to", "es-ES", "--new-variant", cwd=spanish_project
    )
    assert result.returncode == 0, result.stderr
    regional = spanish_project / "translations" / "paper.es-ES.po"
    assert '"Language: es_ES\\n"' in regional.read_text(encoding="utf-8")
    # Once it is there, --to es-ES opens it without a word, and --to es the other.
    again = termwise("translate", "paper.txt", "--to", "es-ES", cwd=spanish_project)
    assert again.returncode == 0, again.stderr
    plain = termwise("translate", "paper.txt", "--to", "es", cwd=spanish_project)
    assert plain.returncode == 0, plain.stderr


def test_the_language_beside_a_regional_translation_is_refused(
    spanish_project: Path,
) -> None:
    """The other way round, and for every regional file there is."""
    translations = spanish_project / "translations"
    (translations / "paper.es.po").rename(translations / "paper.es-MX.po")
    (translations / "paper.es-AR.po").write_bytes((translations / "paper.es-MX.po").read_bytes())
    result = termwise("translate", "paper.txt", "--to", "es", cwd=spanish_project)
    assert result.returncode == 2, result.stderr
    assert error_lines(result) == [
        "termwise: error: translations/paper.es-AR.po and translations/paper.es-MX.po hold "
        "Spanish translations of paper.txt; use --to es-AR or --to es-MX to work on one, or "
        "add --new-variant to start a separate es translation beside it"
    ]
    assert not (translations / "paper.es.po").exists()


def test_another_tools_name_for_the_tag_is_renamed_not_doubled(spanish_project: Path) -> None:
    """``paper.es_ES.po`` (another tool's spelling) is the es-ES translation itself:
    --new-variant does not start a second one beside it, the rename is given instead."""
    translations = spanish_project / "translations"
    (translations / "paper.es.po").rename(translations / "paper.es_ES.po")
    result = termwise(
        "translate", "paper.txt", "--to", "es-ES", "--new-variant", cwd=spanish_project
    )
    assert result.returncode == 2, result.stderr
    assert error_lines(result) == [
        "termwise: error: translations/paper.es_ES.po holds the es-ES translation of "
        "paper.txt under a name termwise does not look for; rename it and run the command "
        "again: mv translations/paper.es_ES.po translations/paper.es-ES.po"
    ]
    assert not (translations / "paper.es-ES.po").exists()


def test_commands_that_only_read_point_at_the_translation_and_a_true_way_on(
    spanish_project: Path,
) -> None:
    """``stats``, ``check`` start nothing: they say there is no es-ES translation, name the
    es one, and give a command that works (``translate --to es-ES`` alone is refused)."""
    result = termwise("stats", "paper.txt", "--to", "es-ES", cwd=spanish_project)
    assert result.returncode == 0, result.stderr
    assert (
        "translations/paper.es.po holds the Spanish translation of paper.txt; use --to es to "
        "work on it, or start a separate es-ES translation beside it with: termwise translate "
        "paper.txt --to es-ES --new-variant" in result.stderr
    ), result.stderr
    assert "start one with: termwise translate paper.txt --to es-ES," not in result.stderr
    # Under another tool's name for the tag, the rename is what works.
    translations = spanish_project / "translations"
    (translations / "paper.es.po").rename(translations / "paper.es_ES.po")
    checked = termwise("check", "paper.txt", "--to", "es-ES", cwd=spanish_project)
    assert checked.returncode == 2, checked.stderr
    assert "mv translations/paper.es_ES.po translations/paper.es-ES.po" in checked.stderr
