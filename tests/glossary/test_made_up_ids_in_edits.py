"""Edits name a concept by the id the folder's glossary shows: ``glossary add --concept
wind-r2`` in a folder of two id-less CSVs said "no concept" (the files were read one by
one, where the row is "r2"), not that the concept lives in a CSV termwise does not rewrite.
A TBX entry without an id is "c1" in every file, and two such files' entries became one
concept; they keep apart as the CSV rows do."""

from __future__ import annotations

import json
from pathlib import Path

from support.command_line import termwise

WIND = "en,es\nwind turbine,aerogenerador\npower grid,red eléctrica\n"
SOLAR = "en,es\nsolar panel,panel solar\n"


def _tbx(term: str) -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en">
<tbxHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></tbxHeader>
<text><body>
<conceptEntry>
<langSec xml:lang="en"><termSec><term>{term}</term>
<termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec></langSec>
</conceptEntry>
</body></text></tbx>
"""


def _folder(tmp_path: Path, files: dict[str, str]) -> None:
    folder = tmp_path / "glossary"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")


def test_add_and_remove_name_a_csv_concept_by_its_folder_id(tmp_path: Path) -> None:
    _folder(tmp_path, {"solar.csv": SOLAR, "wind.csv": WIND})
    refusal = "is held in wind.csv, which termwise does not rewrite"
    added = termwise(
        "glossary", "add", "turbina eólica", "--concept", "wind-r2", "--lang", "es", cwd=tmp_path
    )
    assert added.returncode == 2
    assert f"wind-r2 {refusal}" in added.stderr, added.stderr
    removed = termwise("glossary", "remove", "--concept", "wind-r2", cwd=tmp_path)
    assert removed.returncode == 2
    assert f"concept 'wind-r2' {refusal}" in removed.stderr, removed.stderr


def test_tbx_entries_without_ids_keep_apart_across_files(tmp_path: Path) -> None:
    _folder(tmp_path, {"a.tbx": _tbx("wind turbine"), "b.tbx": _tbx("solar panel")})
    shown = termwise("glossary", "show", "--format", "json", cwd=tmp_path)
    assert shown.returncode == 0, shown.stderr
    concepts = json.loads(shown.stdout)["concepts"]
    assert [(c["id"], [t["text"] for t in c["languages"]["en"]["terms"]]) for c in concepts] == [
        ("a-c1", ["wind turbine"]),
        ("b-c1", ["solar panel"]),
    ]
    assert "a.tbx:5: concept without an id; called it a-c1" in shown.stderr, shown.stderr
    # The id shown is the one an edit takes.
    added = termwise(
        "glossary", "add", "aerogenerador", "--concept", "a-c1", "--lang", "es", cwd=tmp_path
    )
    assert added.returncode == 0, added.stderr
    assert f"to a-c1 in {tmp_path / 'glossary' / 'a.tbx'}" in added.stdout, added.stdout


def test_a_tbx_entry_without_an_id_alone_keeps_its_id(tmp_path: Path) -> None:
    _folder(tmp_path, {"a.tbx": _tbx("wind turbine")})
    shown = termwise("glossary", "show", "--format", "json", cwd=tmp_path)
    assert [c["id"] for c in json.loads(shown.stdout)["concepts"]] == ["c1"]
