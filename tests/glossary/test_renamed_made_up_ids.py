"""A reference to a made-up id that a second id-less file renamed says what it is now called.

An id-less CSV's rows are "r2", "r3"; adding a second id-less CSV to the folder gives both
files' rows their file's stem ("client-r3", "other-r3"), so that the two are not merged.
"[mt.terms] r3" written before then stopped translate with "the glossary has no concept
r3", and nothing said why or what to write instead.
"""

from __future__ import annotations

from pathlib import Path

from support.command_line import termwise
from termwise.glossary.formats import load_glossary

CLIENT = "en,es\nwin-win cooperation,cooperación de beneficio mutuo\ncommunity,comunidad\n"
OTHER = "en,es\nmarket,mercado\nriver,río\n"
PAPER = "We support win-win cooperation in the community.\n"


def _project(tmp_path: Path, files: dict[str, str], chosen: str) -> Path:
    folder = tmp_path / "glossary"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    (tmp_path / "termwise.toml").write_text(f"[mt.terms]\n{chosen}\n", encoding="utf-8")
    (tmp_path / "paper.txt").write_text(PAPER, encoding="utf-8")
    return folder


def _translate(project: Path) -> tuple[int, str, str]:
    result = termwise(
        "translate", "paper.txt", "--to", "es", "--engine", "apertium", "--no-save", cwd=project
    )
    return result.returncode, result.stdout, result.stderr


def test_mt_terms_of_a_renamed_id_names_the_ids_it_became(tmp_path: Path) -> None:
    folder = _project(tmp_path, {"client.csv": CLIENT}, 'r2 = "cooperación de beneficio mutuo"')
    code, out, err = _translate(tmp_path)
    assert code == 0, err
    assert "cooperación de beneficio mutuo" in out

    (folder / "other.csv").write_text(OTHER, encoding="utf-8")
    code, out, err = _translate(tmp_path)
    assert code == 2, (code, err)
    assert (
        f"[mt.terms] r2: the glossary has no concept r2: id-less glossary files in {folder}/ "
        "now name their rows by file (client-r2, other-r2); write the one you mean"
    ) in err, err

    # What it says to write works.
    (tmp_path / "termwise.toml").write_text(
        '[mt.terms]\nclient-r2 = "cooperación de beneficio mutuo"\n', encoding="utf-8"
    )
    code, out, err = _translate(tmp_path)
    assert code == 0, err
    assert "cooperación de beneficio mutuo" in out


def test_an_id_only_one_file_holds_is_named_alone(tmp_path: Path) -> None:
    # client.csv's third row is "r4"; other.csv has no such row, yet client.csv's ids all
    # took its stem.
    folder = _project(
        tmp_path,
        {"client.csv": CLIENT + "shared future,futuro compartido\n", "other.csv": OTHER},
        'r4 = "futuro compartido"',
    )
    code, _, err = _translate(tmp_path)
    assert code == 2, (code, err)
    assert (
        f"[mt.terms] r4: the glossary has no concept r4: id-less glossary files in {folder}/ "
        "now name their rows by file (client-r4); write that"
    ) in err, err


def test_an_id_no_file_made_up_gets_no_story(tmp_path: Path) -> None:
    folder = _project(tmp_path, {"client.csv": CLIENT, "other.csv": OTHER}, "")
    glossary = load_glossary(folder)
    assert glossary.no_concept("r2").endswith("(client-r2, other-r2); write the one you mean")
    # Neither an id nobody made up nor one of the new ids themselves is a renamed one.
    assert glossary.no_concept("r9") == "the glossary has no concept r9"
    assert glossary.no_concept("client-r9") == "the glossary has no concept client-r9"
    # A file read on its own renames nothing.
    assert load_glossary(folder / "client.csv").renamed == {}
