"""A table's one ``status`` column beside two or more languages rates the translations, not
the source term: a client's ``English;Spanish;Status`` row "power coefficient;coeficiente de
potencia;Forbidden" made the English source term deprecated too, which the checks then
flagged wherever the source said it."""

from __future__ import annotations

from pathlib import Path

from termwise.glossary.formats import ReadOptions, read_file
from termwise.glossary.model import Glossary, TermStatus

EXCEL = (
    "\ufeffEnglish;Spanish;Status\n"
    "wind turbine;aerogenerador;Preferred\n"
    "power coefficient;coeficiente de potencia;Forbidden\n"
    "tip-speed ratio;velocidad específica;Admitted\n"
)


def statuses(glossary: Glossary) -> dict[str, TermStatus]:
    return {term.text: term.status for c in glossary.concepts for term in c.all_terms}


def test_the_status_column_describes_the_target_term(tmp_path: Path) -> None:
    path = tmp_path / "excel2.csv"
    path.write_text(EXCEL, encoding="utf-8")
    found = statuses(read_file(path))
    assert found["power coefficient"] is TermStatus.PREFERRED
    assert found["coeficiente de potencia"] is TermStatus.DEPRECATED
    assert found["tip-speed ratio"] is TermStatus.PREFERRED
    assert found["velocidad específica"] is TermStatus.ADMITTED


def test_from_names_the_source_the_status_leaves_alone(tmp_path: Path) -> None:
    path = tmp_path / "excel2.csv"
    path.write_text(EXCEL, encoding="utf-8")
    found = statuses(read_file(path, options=ReadOptions(source_lang="es")))
    assert found["power coefficient"] is TermStatus.DEPRECATED
    assert found["coeficiente de potencia"] is TermStatus.PREFERRED


def test_every_target_language_takes_it_and_a_language_status_wins(tmp_path: Path) -> None:
    path = tmp_path / "three.csv"
    path.write_text(
        "en,es,fr,en status,status\nwindmill,molino,moulin à vent,admitted,deprecated\n",
        encoding="utf-8",
    )
    found = statuses(read_file(path))
    assert found == {
        "windmill": TermStatus.ADMITTED,
        "molino": TermStatus.DEPRECATED,
        "moulin à vent": TermStatus.DEPRECATED,
    }


def test_a_status_without_a_target_term_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_text("English;Spanish;Status\nwindmill;;Forbidden\n", encoding="utf-8")
    loaded = read_file(path)
    assert statuses(loaded) == {"windmill": TermStatus.PREFERRED}
    assert [(p.line, p.message) for p in loaded.problems] == [
        (2, "'Status': no es term on this row for it to describe; ignored")
    ]


def test_a_table_of_one_language_keeps_its_status(tmp_path: Path) -> None:
    path = tmp_path / "terms.csv"
    path.write_text("en,status\nwindmill,deprecated\n", encoding="utf-8")
    assert statuses(read_file(path)) == {"windmill": TermStatus.DEPRECATED}
