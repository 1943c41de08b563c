"""An encoding error in ``align`` names the option for that one file: ``--encoding`` names
the encoding of both files there, so advising it for one would misread the other."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.command_line import termwise
from termwise.document.encoding import read_text
from termwise.errors import InputError

ENGLISH = "The river is clean.\nThe lake is low.\n"
SPANISH = "El río está limpio.\nEl lago está bajo.\n"


@pytest.mark.parametrize("presegmented", [False, True], ids=["document", "presegmented"])
def test_a_latin1_file_is_advised_its_own_option(tmp_path: Path, presegmented: bool) -> None:
    (tmp_path / "a.en.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "a.es.txt").write_text(SPANISH, encoding="latin-1")
    (tmp_path / "b.en.txt").write_text(ENGLISH.replace("clean", "café"), encoding="latin-1")
    (tmp_path / "b.es.txt").write_text(SPANISH, encoding="utf-8")
    extra = ["--presegmented"] if presegmented else ["--format", "beads"]
    for source, target, option in (
        ("a.en.txt", "a.es.txt", "--target-encoding"),
        ("b.en.txt", "b.es.txt", "--source-encoding"),
    ):
        result = termwise(
            "align", source, target, "--from", "en", "--to", "es", "--no-mt", *extra, cwd=tmp_path
        )
        assert result.returncode == 2
        assert (
            f"name it with {option}: it reads as Western European text with {option} cp1252 ("
            in result.stderr
        ), result.stderr


def test_an_encoding_that_fails_names_the_files_own_option(tmp_path: Path) -> None:
    (tmp_path / "a.en.txt").write_text(ENGLISH, encoding="utf-8")
    # 0x81 is no character in cp1252.
    (tmp_path / "a.es.txt").write_bytes(SPANISH.encode("latin-1") + b"\x81\n")
    args = ["a.en.txt", "a.es.txt", "--from", "en", "--to", "es", "--no-mt", "--format", "beads"]
    result = termwise("align", *args, "--encoding", "cp1252", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.endswith("name the right encoding with --target-encoding\n")
    # Named for the target alone, the source read as UTF-8, it aligns.
    fixed = termwise("align", *args, "--target-encoding", "latin-1", cwd=tmp_path)
    assert fixed.returncode == 0, fixed.stderr


def test_other_commands_still_advise_encoding(tmp_path: Path) -> None:
    path = tmp_path / "a.es.txt"
    path.write_text(SPANISH, encoding="latin-1")
    result = termwise("segments", "a.es.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert (
        "name it with --encoding: it reads as Western European text with --encoding cp1252 ("
        in result.stderr
    ), result.stderr
    with pytest.raises(
        InputError, match="save it as UTF-8: it reads as Western European text in cp1252 "
    ):
        read_text(path, encoding_option=False)
    with pytest.raises(InputError, match="name it with --glossary-encoding: "):
        read_text(path, encoding_option="--glossary-encoding")
