"""An id-less CSV's "r2" that a second id-less file renamed ("client-r2", "other-r2") is
named as such wherever a command is given it, as ``[mt.terms]`` names it
(``Glossary.no_concept``): ``glossary remove --concept r3`` said only "no concept 'r3' in
…/glossary", ``fix --concept r2`` "concept(s) not in the glossary: r2", and ``check``
reported the issues ignored under "r2" again without a word of why."""

from __future__ import annotations

import json
from pathlib import Path

from support.command_line import termwise

CLIENT = "en,es\nwin-win cooperation,cooperación de beneficio mutuo\ncommunity,comunidad\n"
OTHER = "en,es\nmarket,mercado\nriver,río\n"
RENAMED = (
    "the glossary has no concept {id}: id-less glossary files in {folder}/ now name their "
    "rows by file (client-{id}, other-{id}); write the one you mean"
)


def _project(tmp_path: Path, *, second: bool = True) -> Path:
    folder = tmp_path / "glossary"
    folder.mkdir()
    (folder / "client.csv").write_text(CLIENT, encoding="utf-8")
    if second:
        (folder / "other.csv").write_text(OTHER, encoding="utf-8")
    (tmp_path / "paper.txt").write_text(
        "We support win-win cooperation in the community.\n\nWin-win cooperation helps everyone.\n",
        encoding="utf-8",
    )
    return folder


def test_remove_and_add_name_the_ids_a_renamed_id_became(tmp_path: Path) -> None:
    folder = _project(tmp_path)
    removed = termwise("glossary", "remove", "comunidad", "--concept", "r3", cwd=tmp_path)
    assert removed.returncode == 2, removed.stderr
    said = f"{folder}: {RENAMED.format(id='r3', folder=folder)}"
    assert said in removed.stderr, removed.stderr
    added = termwise("glossary", "add", "comunal", "--lang", "es", "--concept", "r3", cwd=tmp_path)
    assert added.returncode == 2, added.stderr
    assert said in added.stderr, added.stderr
    # An id nobody made up keeps its plain refusal.
    unknown = termwise("glossary", "remove", "comunidad", "--concept", "T9", cwd=tmp_path)
    assert f"no concept 'T9' in {folder}" in unknown.stderr, unknown.stderr


def test_fix_names_the_ids_a_renamed_id_became(tmp_path: Path) -> None:
    folder = _project(tmp_path)
    result = termwise("fix", "paper.txt", "--concept", "r2", "--concept", "T9", cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert (
        "concept(s) not in the glossary: T9; " + RENAMED.format(id="r2", folder=folder)
    ) in result.stderr, result.stderr


def test_check_warns_once_of_ignores_under_a_renamed_id(tmp_path: Path) -> None:
    folder = _project(tmp_path, second=False)
    (tmp_path / "paper.es.txt").write_text(
        "Apoyamos la cooperación ganar-ganar en la comunidad.\n\n"
        "La cooperación ganar-ganar ayuda a todos.\n",
        encoding="utf-8",
    )
    aligned = termwise(
        "align", "paper.txt", "paper.es.txt", "--from", "en", "--to", "es", cwd=tmp_path
    )
    assert aligned.returncode == 0, aligned.stderr
    checked = termwise("check", "paper.txt", "--to", "es", "--format", "json", cwd=tmp_path)
    ids = [issue["id"] for issue in json.loads(checked.stdout) if issue["concept"] == "r2"]
    assert len(ids) == 2, checked.stdout
    ignored = termwise(
        "check", "paper.txt", "--to", "es", "--ignore", ids[0], "--ignore", ids[1],
        "--reason", "the client's wording", cwd=tmp_path,
    )  # fmt: skip
    assert ignored.returncode == 0, ignored.stderr
    quiet = termwise("check", "paper.txt", "--to", "es", cwd=tmp_path)
    assert "warning: " not in quiet.stderr, quiet.stderr

    (folder / "other.csv").write_text(OTHER, encoding="utf-8")
    again = termwise("check", "paper.txt", "--to", "es", cwd=tmp_path)
    store = tmp_path / "translations" / "paper.ignores.json"
    warning = (
        f"warning: {store}: the ignores of concept r2 no longer hold, so its issues are "
        f"reported again: {RENAMED.format(id='r2', folder=folder)}; ignore them again with "
        "--ignore"
    )
    assert again.stderr.count("warning: ") == 1, again.stderr
    assert warning in again.stderr, again.stderr
