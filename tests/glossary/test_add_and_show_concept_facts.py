"""``glossary add --definition/--subject-field/--note/--pos`` and ``glossary show`` printing
what a concept is: a terminologist's entry, written valid and shown whole."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from termwise.cli import cli
from termwise.glossary import load_glossary, save_glossary
from termwise.glossary.model import Concept, Glossary, Term

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "glossary").mkdir()
    shutil.copy(ROOT / "glossary" / "key-terms.tbx", tmp_path / "glossary" / "key-terms.tbx")
    return tmp_path


def _invoke(project: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--project", str(project), *args])
    return result.exit_code, result.output


def test_add_with_definition_subject_field_note_and_pos(project: Path) -> None:
    code, out = _invoke(
        project,
        "glossary",
        "add",
        "wind turbine",
        "--id",
        "W1",
        "--definition",
        "A machine that turns the wind's energy into electricity.",
        "--subject-field",
        "wind energy",
        "--note",
        "IEC 61400 wording",
        "--pos",
        "noun",
    )
    assert code == 0, out
    code, out = _invoke(
        project, "glossary", "add", "éolienne", "--lang", "fr", "--concept", "W1", "--pos", "Noun"
    )
    assert code == 0, out
    concept = load_glossary(project / "glossary").concept("W1")
    assert concept.definition == "A machine that turns the wind's energy into electricity."
    assert concept.subject_field == "wind energy"
    term = concept.terms("en")[0]
    assert (term.notes, term.part_of_speech) == (["IEC 61400 wording"], "noun")
    assert concept.terms("fr")[0].part_of_speech == "noun"
    result = CliRunner().invoke(
        cli, ["glossary", "validate", str(project / "glossary" / "key-terms.tbx")]
    )
    assert result.exit_code == 0, result.output


def test_a_part_of_speech_outside_the_picklist_is_refused(project: Path) -> None:
    before = (project / "glossary" / "key-terms.tbx").read_bytes()
    code, out = _invoke(project, "glossary", "add", "wind farm", "--pos", "substantive")
    assert code == 2
    assert "'substantive' is not one of noun, verb, adjective, adverb, properNoun, other" in out
    code, out = _invoke(project, "glossary", "add", "wind farm", "--definition", "  ")
    assert code == 2 and "--definition" in out
    assert (project / "glossary" / "key-terms.tbx").read_bytes() == before


def test_a_proper_noun_is_kept_and_the_file_stays_valid(project: Path) -> None:
    code, out = _invoke(project, "glossary", "add", "Vestas", "--pos", "properNoun")
    assert code == 0, out
    term = load_glossary(project / "glossary").concept("vestas").terms("en")[0]
    assert term.part_of_speech == "properNoun"
    result = CliRunner().invoke(
        cli, ["glossary", "validate", str(project / "glossary" / "key-terms.tbx")]
    )
    assert result.exit_code == 0, result.output


def test_status_change_of_a_known_term_takes_the_details_too(project: Path) -> None:
    code, out = _invoke(
        project,
        "glossary",
        "add",
        "destiny community",
        "--concept",
        "T01",
        "--status",
        "deprecated",
        "--note",
        "a calque",
        "--definition",
        "A future shared by all nations.",
    )
    assert code == 0, out
    concept = load_glossary(project / "glossary").concept("T01")
    term = next(t for t in concept.terms("en") if t.text == "destiny community")
    assert "a calque" in term.notes
    assert concept.definition == "A future shared by all nations."


def test_show_prints_the_definition_under_the_concept_line(tmp_path: Path) -> None:
    concept = Concept(
        "W1",
        subject_field="wind energy",
        definition="A machine that turns\nthe wind's energy into electricity.",
        lang_definitions={"fr": "Machine qui convertit l'énergie du vent."},
    )
    concept.add(Term("wind turbine", "en"))
    concept.add(Term("éolienne", "fr"))
    path = tmp_path / "g.tbx"
    save_glossary(Glossary([concept]), path)
    code, out = _invoke(tmp_path, "glossary", "show", str(path))
    assert code == 0, out
    assert out.splitlines()[:5] == [
        "W1  [wind energy]",
        "  definition: A machine that turns the wind's energy into electricity.",
        "  definition (fr): Machine qui convertit l'énergie du vent.",
        "  en      preferred   wind turbine",
        "  fr      preferred   éolienne",
    ]
    code, out = _invoke(tmp_path, "glossary", "show", str(path), "--lang", "en")
    assert "definition (fr)" not in out and "  definition: A machine" in out
