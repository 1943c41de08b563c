"""Commands say the same thing the same way: a missing glossary, an ``-o`` whose suffix names
no format the command writes, and ``--glossary`` declared once for all of them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import click
import pytest

from support.command_line import termwise

ROOT = Path(__file__).resolve().parents[1]
PAPER = ROOT / "seeds" / "000_204c7e650900ae41.txt"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copy2(PAPER, tmp_path / "paper.txt")
    shutil.copytree(ROOT / "glossary", tmp_path / "glossary")
    return tmp_path


def _files(folder: Path) -> dict[Path, bytes]:
    return {path: path.read_bytes() for path in folder.rglob("*") if path.is_file()}


GLOSSARY_COMMANDS = [
    ["export", "paper.txt", "--to", "es", "--format", "html", "-o", "out.html"],
    ["check", "paper.txt"],
    ["terms", "extract", "paper.txt"],
    ["terms", "targets", "paper.txt", "--to", "es"],
    ["translate", "paper.txt", "--to", "es", "--engine", "apertium", "--no-save"],
]


@pytest.mark.parametrize("args", GLOSSARY_COMMANDS, ids=lambda args: " ".join(args[:2]))
def test_a_missing_glossary_is_the_same_line_in_every_command(
    project: Path, args: list[str]
) -> None:
    # `export --glossary /missing` said "no such file or directory", the others "no such
    # glossary file or folder".
    result = termwise(*args, "--glossary", "nothere", cwd=project)
    assert result.returncode == 2
    assert result.stderr == "termwise: error: nothere: no such glossary file or folder\n"
    assert not (project / "out.html").exists()


UNKNOWN_SUFFIX = [
    (["check", "paper.txt"], "text, json, html"),
    (["check", "--list"], "text, json, html"),
    (["terms", "extract", "paper.txt"], "text, json, csv, tbx"),
]


@pytest.mark.parametrize("name", ["x.foo", "terms.XLSX", "report.pdf"])
@pytest.mark.parametrize(
    ("args", "formats"), UNKNOWN_SUFFIX, ids=[" ".join(args) for args, _ in UNKNOWN_SUFFIX]
)
def test_an_output_suffix_naming_no_format_is_refused(
    project: Path, args: list[str], formats: str, name: str
) -> None:
    # `check -o x.foo` and `terms extract -o terms.xlsx` wrote a text listing into the file
    # without a word, as if the suffix had been read.
    before = _files(project)
    result = termwise(*args, "-o", name, cwd=project)
    assert result.returncode == 2
    suffix = name[name.index(".") :]
    assert result.stderr == (
        f"termwise: error: {name}: cannot tell the format from the suffix {suffix!r}; "
        f"give --format ({formats})\n"
    )
    assert _files(project) == before


@pytest.mark.parametrize("name", ["report", "report.txt", "report.log"])
def test_a_plain_text_output_is_still_written_as_text(project: Path, name: str) -> None:
    result = termwise("check", "paper.txt", "-o", name, cwd=project)
    assert result.returncode in (0, 1), result.stderr
    assert ": source-variant: " in (project / name).read_text(encoding="utf-8")


def test_format_given_writes_whatever_the_suffix(project: Path) -> None:
    result = termwise("check", "paper.txt", "--format", "json", "-o", "x.foo", cwd=project)
    assert result.returncode in (0, 1), result.stderr
    assert isinstance(json.loads((project / "x.foo").read_text(encoding="utf-8")), list)
    done = termwise("terms", "extract", "paper.txt", "--format", "csv", "-o", "t.xlsx", cwd=project)
    assert done.returncode == 0, done.stderr
    assert (project / "t.xlsx").read_text(encoding="utf-8").startswith("term,")


def test_translate_declares_glossary_as_every_command_does() -> None:
    # `translate` declared --glossary itself, and so missed what glossary_option gives
    # every other command (what a missing glossary is called), with the same help.
    from termwise.cli import cli

    context = click.Context(cli)
    options: dict[str, click.Option] = {}
    for name in ("translate", "export", "check"):
        command = cli.get_command(context, name)
        assert command is not None
        options[name] = next(
            p for p in command.params if isinstance(p, click.Option) and "--glossary" in p.opts
        )
    for name, option in options.items():
        assert getattr(option.type, "missing", None) == "glossary file or folder", name
    assert options["translate"].help == (
        "Glossary file or folder whose renderings the translation must use "
        "(default: the project's glossary/)."
    )
