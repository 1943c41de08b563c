"""Concept ids a reader makes up (a CSV row without an id is "r2" in every file) stay
apart across a glossary folder: two id-less CSVs made one concept of both files' rows 2,
and MT and the checks took one client's term for the other's. A file whose made-up ids no
other file of the folder makes up keeps them, and so does a CSV read on its own."""

from __future__ import annotations

import json
from pathlib import Path

from support.command_line import termwise
from termwise.glossary.formats import load_glossary

WIND = "en,es\nwind turbine,aerogenerador\npower grid,red eléctrica\n"
SOLAR = "en,es\nsolar panel,panel solar\nbattery,batería\n"
# OmegaT numbers its concepts by line too: "l1" in every file.
OMEGAT = "heat pump\tbomba de calor\n"

TBX = """<?xml version="1.0" encoding="UTF-8"?>
<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en">
<tbxHeader><fileDesc><sourceDesc><p>project</p></sourceDesc></fileDesc></tbxHeader>
<text><body>
<conceptEntry id="T01">
<langSec xml:lang="en"><termSec><term>offshore wind</term>
<termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec></langSec>
<langSec xml:lang="es"><termSec><term>eólica marina</term>
<termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec></langSec>
</conceptEntry>
</body></text></tbx>
"""


def _folder(tmp_path: Path, files: dict[str, str]) -> Path:
    folder = tmp_path / "glossary"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _shown(project: Path) -> dict[str, list[str]]:
    """``glossary show``'s concepts: id → English terms."""
    result = termwise("glossary", "show", "glossary", "--format", "json", cwd=project)
    assert result.returncode == 0, result.stderr
    return {
        concept["id"]: [term["text"] for term in concept["languages"]["en"]["terms"]]
        for concept in json.loads(result.stdout)["concepts"]
    }


def test_two_csvs_without_ids_keep_their_concepts_apart(tmp_path: Path) -> None:
    _folder(tmp_path, {"solar.csv": SOLAR, "wind.csv": WIND})
    shown = _shown(tmp_path)
    assert shown == {
        "solar-r2": ["solar panel"],
        "solar-r3": ["battery"],
        "wind-r2": ["wind turbine"],
        "wind-r3": ["power grid"],
    }
    assert _shown(tmp_path) == shown, "the ids changed from one run to the next"
    found = termwise("glossary", "find", "the wind turbine and the solar panel", cwd=tmp_path)
    assert "wind-r2 preferred: 'wind turbine'" in found.stdout, found.stdout
    assert "solar-r2 preferred: 'solar panel'" in found.stdout, found.stdout


def test_omegat_files_of_one_folder_keep_their_concepts_apart(tmp_path: Path) -> None:
    folder = _folder(
        tmp_path,
        {"a_en_es.utf8": OMEGAT, "b_en_es.utf8": "district heating\tred de calor\n"},
    )
    glossary = load_glossary(folder)
    assert [(c.id, [t.text for t in c.terms("en")]) for c in glossary.concepts] == [
        ("a_en_es-l1", ["heat pump"]),
        ("b_en_es-l1", ["district heating"]),
    ]


def test_a_csv_alone_keeps_its_row_ids(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {"key-terms.tbx": TBX, "wind.csv": WIND})
    assert _shown(tmp_path) == {
        "T01": ["offshore wind"],
        "r2": ["wind turbine"],
        "r3": ["power grid"],
    }
    assert [c.id for c in load_glossary(folder / "wind.csv").concepts] == ["r2", "r3"]


def test_an_import_holds_new_terms_under_the_folder_s_id(tmp_path: Path) -> None:
    """The import's TBX holds a CSV concept's new terms under its id: the id the folder's
    glossary gives it, or they would stand as a concept of their own."""
    _folder(tmp_path, {"solar.csv": SOLAR, "wind.csv": WIND})
    client = tmp_path / "client.csv"
    client.write_text("en,es,status\nwind turbine,turbina eólica,preferred\n", encoding="utf-8")
    result = termwise("glossary", "import", str(client), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    shown = termwise("glossary", "show", "glossary", "--format", "json", cwd=tmp_path)
    concepts = {c["id"]: c for c in json.loads(shown.stdout)["concepts"]}
    assert sorted(concepts) == ["solar-r2", "solar-r3", "wind-r2", "wind-r3"]
    spanish = {t["text"]: t["status"] for t in concepts["wind-r2"]["languages"]["es"]["terms"]}
    assert spanish == {"aerogenerador": "preferred", "turbina eólica": "admitted"}
