"""Made-up concept ids stay what the folder showed across edits, file changes and names.

An edit writes a TBX file's id-less entries with the ids the folder showed ("wind-c1"), and
the other id-less file's "solar-c1" then became "c1": nothing in the folder made up "c1"
twice any more. Removing the second id-less CSV gave "client-r3" its
"r3" back, and "client-r3" got only "no concept". Two files of one stem ("a_en_es.csv",
"a_en_es.tsv") made up the same "a_en_es-l1", merged again.
"""

from __future__ import annotations

import json
from pathlib import Path

from support.command_line import termwise
from termwise.glossary.formats import load_glossary
from termwise.glossary.model import TermStatus
from termwise.terms.recording import change_status


def _tbx(*pairs: tuple[str, str]) -> str:
    """A TBX 2008 file whose entries have no id, one English and one Spanish term each."""
    entries = "\n".join(
        f'<termEntry><langSet xml:lang="en"><tig><term>{en}</term></tig></langSet>'
        f'<langSet xml:lang="es"><tig><term>{es}</term></tig></langSet></termEntry>'
        for en, es in pairs
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<martif type="TBX" xml:lang="en">\n'
        "<martifHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></martifHeader>\n"
        f"<text><body>\n{entries}\n</body></text></martif>\n"
    )


WIND = _tbx(("wind turbine", "aerogenerador"), ("power grid", "red eléctrica"))
SOLAR = _tbx(("solar panel", "panel solar"), ("heat pump", "bomba de calor"))
TEXT = "the wind turbine, the power grid, the solar panel and the heat pump"


def _folder(tmp_path: Path, files: dict[str, str]) -> Path:
    folder = tmp_path / "glossary"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _found(project: Path) -> dict[str, list[str]]:
    """``glossary find``'s concepts in TEXT: id → English terms found."""
    result = termwise("glossary", "find", TEXT, "--format", "json", cwd=project)
    assert result.returncode == 0, result.stderr
    found: dict[str, list[str]] = {}
    for hit in json.loads(result.stdout):
        found.setdefault(hit["concept"], []).append(hit["term"])
    return found


def test_an_edit_leaves_the_ids_of_two_id_less_files_as_they_were(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {"solar.tbx": SOLAR, "wind.tbx": WIND})
    before = _found(tmp_path)
    assert before == {
        "wind-c1": ["wind turbine"],
        "wind-c2": ["power grid"],
        "solar-c1": ["solar panel"],
        "solar-c2": ["heat pump"],
    }
    added = termwise(
        "glossary", "add", "turbina eólica", "--lang", "es", "--concept", "wind-c1", cwd=tmp_path
    )
    assert added.returncode == 0, added.stderr
    assert 'id="wind-c1"' in (folder / "wind.tbx").read_text(encoding="utf-8")
    assert _found(tmp_path) == before
    # The workbench's status change writes the other file the same way.
    assert change_status(folder, "panel solar", "es", "solar-c1", TermStatus.ADMITTED)
    assert _found(tmp_path) == before
    assert {c.id for c in load_glossary(folder).concepts} == set(before)


CLIENT = "en,es\nwin-win cooperation,cooperación de beneficio mutuo\ncommunity,comunidad\n"
OTHER = "en,es\nmarket,mercado\nriver,río\n"


def test_an_id_a_removed_file_had_given_names_the_id_it_has_again(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {"client.csv": CLIENT, "other.csv": OTHER})
    assert load_glossary(folder).get("client-r3") is not None
    (folder / "other.csv").unlink()
    added = termwise(
        "glossary", "add", "comunal", "--lang", "es", "--concept", "client-r3", cwd=tmp_path
    )
    assert added.returncode == 2, added.stderr
    assert (
        f"{folder}: the glossary has no concept client-r3: the rows of id-less glossary files "
        f"in {folder}/ have their file's name in their ids only while another file's rows "
        "would clash with them (client.csv's is r3 now); write that"
    ) in added.stderr, added.stderr
    (tmp_path / "paper.txt").write_text("We support win-win cooperation.\n", encoding="utf-8")
    fixed = termwise("fix", "paper.txt", "--concept", "client-r2", cwd=tmp_path)
    assert fixed.returncode == 2, fixed.stderr
    assert "(client.csv's is r2 now); write that" in fixed.stderr, fixed.stderr
    # The id a second file gives is told as before, and an id nobody made up gets no story.
    glossary = load_glossary(folder)
    assert glossary.no_concept("client-r9") == "the glossary has no concept client-r9"
    assert glossary.no_concept("other-r3") == "the glossary has no concept other-r3"


def test_two_files_of_one_stem_keep_their_rows_apart(tmp_path: Path) -> None:
    folder = _folder(
        tmp_path,
        {
            "a_en_es.csv": "wind turbine,aerogenerador\n",
            "a_en_es.tsv": "solar panel\tpanel solar\n",
            "b_en_es.csv": "heat pump,bomba de calor\n",
        },
    )
    glossary = load_glossary(folder)
    assert [(c.id, [t.text for t in c.terms("en")]) for c in glossary.concepts] == [
        ("a_en_es.csv-l1", ["wind turbine"]),
        ("a_en_es.tsv-l1", ["solar panel"]),
        ("b_en_es-l1", ["heat pump"]),
    ]
    assert glossary.no_concept("a_en_es-l1").endswith(
        "(a_en_es.csv's is a_en_es.csv-l1, a_en_es.tsv's is a_en_es.tsv-l1 now); "
        "write the one you mean"
    )
