"""``glossary import`` into a project's glossary folder: nothing curated is lost or
outvoted by what comes in."""

from __future__ import annotations

import shutil
from pathlib import Path

from support.command_line import termwise
from termwise.glossary.formats import load_glossary

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_204c7e650900ae41.txt"


def _project(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "glossary", tmp_path / "glossary")
    return tmp_path


def _termwise(project: Path, *args: str) -> tuple[int, str]:
    result = termwise(*args, cwd=project)
    return result.returncode, result.stdout + result.stderr


def test_an_import_of_the_same_name_does_not_replace_the_curated_glossary(
    tmp_path: Path,
) -> None:
    # "key-terms.csv" from a client became glossary/key-terms.tbx: one concept for forty.
    project = _project(tmp_path)
    before = (project / "glossary" / "key-terms.tbx").read_bytes()
    client = project / "client" / "key-terms.csv"
    client.parent.mkdir()
    client.write_text(
        "id,en,en status,es,es status\nX1,peace dividend,preferred,dividendo de la paz,preferred\n",
        encoding="utf-8",
    )
    code, output = _termwise(project, "glossary", "import", str(client))
    assert code == 2 and "--replace" in output
    assert (project / "glossary" / "key-terms.tbx").read_bytes() == before
    code, output = _termwise(project, "glossary", "import", str(client), "--replace")
    assert code == 0, output
    assert (project / "glossary" / "key-terms.tbx~").read_bytes() == before
    assert [c.id for c in load_glossary(project / "glossary" / "key-terms.tbx").concepts] == ["X1"]


def test_extracted_candidates_imported_beside_the_glossary_outvote_no_status(
    tmp_path: Path,
) -> None:
    # The candidates' TBX listed the glossary's own forms, all "admitted", under the
    # glossary's ids: merged in, "community of human destiny" became admitted, and the
    # check of the paper found no deprecated variant any more.
    project = _project(tmp_path)
    candidates = tmp_path / "candidates.tbx"
    code, output = _termwise(
        project, "terms", "extract", str(SEED), "--format", "tbx", "-o", str(candidates)
    )
    assert code == 0, output
    assert "left out" in output
    code, output = _termwise(project, "glossary", "import", str(candidates), "--unreviewed")
    assert code == 0, output
    assert "unknown termwise note" not in output
    glossary = load_glossary(project / "glossary")
    t01 = next(concept for concept in glossary.concepts if concept.id == "T01")
    statuses = {t.status.value for t in t01.all_terms if t.text == "community of human destiny"}
    assert statuses == {"deprecated"}
    code, output = _termwise(project, "check", str(SEED))
    assert "“community of human destiny” is a deprecated rendering" in output


def test_a_term_two_files_give_two_statuses_keeps_the_first_and_says_so(tmp_path: Path) -> None:
    folder = tmp_path / "glossary"
    folder.mkdir()
    entry = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<tbx style="dca" type="TBX-Basic" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">'
        "<tbxHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></tbxHeader>"
        '<text><body><conceptEntry id="C1"><langSec xml:lang="en"><termSec>'
        "<term>destiny community</term>"
        '<termNote type="administrativeStatus">{}</termNote>'
        "</termSec></langSec></conceptEntry></body></text></tbx>\n"
    )
    (folder / "a.tbx").write_text(entry.format("deprecatedTerm-admn-sts"), encoding="utf-8")
    (folder / "b.tbx").write_text(entry.format("admittedTerm-admn-sts"), encoding="utf-8")
    glossary = load_glossary(folder)
    (concept,) = glossary.concepts
    assert [t.status.value for t in concept.all_terms] == ["deprecated"]
    assert any(
        "b.tbx" in str(problem) and "admitted" in str(problem) for problem in glossary.problems
    )


def test_a_second_replace_keeps_the_first_backup(tmp_path: Path) -> None:
    project = _project(tmp_path)
    curated = (project / "glossary" / "key-terms.tbx").read_bytes()
    client = project / "key-terms.csv"
    # Two imports that each change the file (an unchanged one writes nothing at all).
    for term in ("peace dividend", "peace dividends"):
        client.write_text(f"id,en,en status\nX1,{term},preferred\n", encoding="utf-8")
        code, output = _termwise(project, "glossary", "import", str(client), "--replace")
        assert code == 0, output
    assert "kept as key-terms.tbx.~2~" in output
    assert (project / "glossary" / "key-terms.tbx~").read_bytes() == curated


def test_two_clients_csv_glossaries_stay_two_concepts(tmp_path: Path) -> None:
    # Both CSVs number their rows "r2": imported one after the other they were one concept,
    # and MT wrote "gran país responsable" for "foreign aid".
    (tmp_path / "glossary").mkdir()
    (tmp_path / "a.csv").write_text("en,es\nresponsible major country,gran país responsable\n")
    (tmp_path / "b.csv").write_text("en,es\nforeign aid,ayuda exterior\n")
    for name in ("a.csv", "b.csv"):
        code, output = _termwise(tmp_path, "glossary", "import", name)
        assert code == 0, output
    assert "r2 → b-r2" in output
    glossary = load_glossary(tmp_path / "glossary")
    assert {c.id: [t.text for t in c.terms("es")] for c in glossary.concepts} == {
        "r2": ["gran país responsable"],
        "b-r2": ["ayuda exterior"],
    }


def test_a_term_another_concept_has_is_said_on_import(tmp_path: Path) -> None:
    project = _project(tmp_path)
    (project / "c.csv").write_text("en,es\nresponsible major country,gran nación responsable\n")
    code, output = _termwise(project, "glossary", "import", "c.csv")
    assert code == 0, output
    assert "'responsible major country' (en) of r2 is also a term of T25" in output


def test_a_candidate_list_is_no_glossary_to_import(tmp_path: Path) -> None:
    # Read as a glossary, its header row was a concept and its variants translations.
    project = _project(tmp_path)
    code, output = _termwise(project, "terms", "extract", str(SEED), "-o", "x.csv")
    assert code == 0, output
    code, output = _termwise(project, "glossary", "import", "x.csv", "-o", "g2.tbx")
    assert code == 2 and "candidate list" in output
    assert not (project / "g2.tbx").exists()


def test_unreviewed_candidates_stay_out_of_the_glossary_until_given_a_status(
    tmp_path: Path,
) -> None:
    # The candidates' TBX imported as it was made 117 concepts ("Conclusion", "War"), and
    # check of the paper went from 176 issues to 544.
    project = _project(tmp_path)
    candidates = tmp_path / "candidates.tbx"
    code, output = _termwise(project, "terms", "extract", str(SEED), "-o", str(candidates))
    assert code == 0, output
    before = sorted(p.name for p in (project / "glossary").iterdir())
    code, output = _termwise(project, "glossary", "import", str(candidates))
    assert code == 2 and "unreviewed term candidates" in output and "--unreviewed" in output
    assert sorted(p.name for p in (project / "glossary").iterdir()) == before
    # The terminologist gives two of them a status in the file: those two come in.
    text = candidates.read_text(encoding="utf-8")
    first = text.index("<term>egoism</term>")
    kept = text[:first] + text[first:].replace(
        "<term>egoism</term>",
        "<term>egoism</term>"
        '<termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>',
        1,
    )
    candidates.write_text(kept, encoding="utf-8")
    code, output = _termwise(project, "glossary", "import", str(candidates))
    assert code == 0, output
    assert "left out" in output and "unreviewed term candidate(s)" in output
    imported = load_glossary(project / "glossary" / "candidates.tbx")
    assert [t.text for c in imported.concepts for t in c.all_terms] == ["egoism"]
    # Reviewed, it no longer says it is not.
    assert not any(
        "unreviewed" in note for c in imported.concepts for t in c.all_terms for note in t.notes
    )
