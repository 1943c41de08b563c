"""A CSV export keeps every field of the glossary in named columns, and ``glossary import``
of it gives the glossary back; statuses a CSV gives, or does not, are read honestly."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from termwise.cli import cli
from termwise.glossary import load_glossary, save_glossary
from termwise.glossary.formats import WriteOptions
from termwise.glossary.model import TermStatus

ROOT = Path(__file__).resolve().parents[2]
CURATED = ROOT / "glossary" / "key-terms.tbx"


def _run(project: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--project", str(project), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "glossary").mkdir()
    shutil.copy(CURATED, tmp_path / "glossary" / "key-terms.tbx")
    return tmp_path


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
def test_export_csv_then_import_gives_the_same_glossary(project: Path, encoding: str) -> None:
    csv_path = project / "out" / "key-terms.csv"
    csv_path.parent.mkdir()
    out = _run(
        project,
        "glossary",
        "export",
        "--format",
        "csv",
        "--encoding",
        encoding,
        "-o",
        str(csv_path),
    )
    # What a CSV cannot hold is said, and it is only the file's own title and description.
    assert "cannot hold" in out
    assert [line for line in out.splitlines() if "cannot hold" in line] == [
        f"warning: {csv_path}: CSV cannot hold the glossary's title and description: "
        "1 entry not written"
    ]
    back = project / "back" / "key-terms.tbx"
    _run(project, "glossary", "import", str(csv_path), "-o", str(back))
    before = json.loads(_run(project, "glossary", "show", "--format", "json"))
    after = json.loads(_run(project, "glossary", "show", str(back), "--format", "json"))
    assert after == before
    # Gender and number (no JSON field) come back too: the concepts are equal as TBX holds them.
    assert load_glossary(back).concepts == load_glossary(CURATED).concepts
    if encoding != "utf-8":
        # Excel opens a CSV with a byte-order mark as Unicode.
        assert csv_path.read_bytes()[:3] in (b"\xef\xbb\xbf",) or csv_path.read_bytes()[:2] in (
            b"\xff\xfe",
            b"\xfe\xff",
        )


def test_the_columns_are_named_for_what_they_hold(tmp_path: Path) -> None:
    out = tmp_path / "g.csv"
    save_glossary(load_glossary(CURATED), out, fmt="csv")
    header = out.read_text(encoding="utf-8").splitlines()[0].split(",")
    for column in (
        "concept source",
        "en part of speech",
        "en term type",
        "en usage note",
        "en source",
        "en date",
        "en used until",
        "en case sensitive",
        "en exact",
        "en fix by hand",
        "es gender",
        "es number",
    ):
        assert column in header
    assert header[:4] == ["id", "subject field", "definition", "note"]


def test_a_plain_glossary_keeps_the_columns_it_had(tmp_path: Path) -> None:
    source = tmp_path / "plain.csv"
    source.write_text("id,en,en status,zh\nX1,AIIB,preferred,亚投行\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    assert save_glossary(load_glossary(source), out, fmt="csv") == []
    assert out.read_text(encoding="utf-8").splitlines()[0] == (
        "id,subject field,definition,note,en,en status,en note,zh,zh status,zh note"
    )


def test_language_definitions_and_other_categories_come_back(tmp_path: Path) -> None:
    source = tmp_path / "g.csv"
    source.write_text(
        "id,en,en definition,en termNote:geographicalUsage,descrip:xGraphic,es,es case sensitive\n"
        "X1,lift,What raises a wing,en-GB,fig1.png,sustentación,yes\n",
        encoding="utf-8",
    )
    loaded = load_glossary(source)
    assert loaded.problems == []
    concept = loaded.concepts[0]
    assert concept.lang_definitions == {"en": "What raises a wing"}
    assert [(d.element, d.type, d.value) for d in concept.extra] == [
        ("descrip", "xGraphic", "fig1.png")
    ]
    assert [(d.type, d.value) for d in concept.terms("en")[0].extra] == [
        ("geographicalUsage", "en-GB")
    ]
    assert concept.terms("es")[0].case_sensitive is True
    again = tmp_path / "again.csv"
    save_glossary(loaded, again, fmt="csv")
    assert load_glossary(again).concepts == loaded.concepts


def test_unknown_status_gives_no_status_and_one_warning_per_value(tmp_path: Path) -> None:
    path = tmp_path / "g.csv"
    path.write_text(
        "id,en,en status,zh,zh status\n"
        "X1,AIIB,approvd,亚投行,\n"
        "X2,win-win,approvd,共赢,\n"
        "X3,old name,gone,旧名,deprecated\n",
        encoding="utf-8",
    )
    loaded = load_glossary(path)
    statuses = {t.text: t.status for c in loaded.concepts for t in c.all_terms}
    assert statuses["AIIB"] is TermStatus.UNSPECIFIED
    assert statuses["win-win"] is TermStatus.UNSPECIFIED
    assert statuses["old name"] is TermStatus.UNSPECIFIED
    assert statuses["旧名"] is TermStatus.DEPRECATED
    assert [(p.line, p.message) for p in loaded.problems] == [
        (2, "unknown status 'approvd' on 2 terms (lines 2, 3); they keep no status"),
        (4, "unknown status 'gone' on 1 term (line 4); it keeps no status"),
    ]
    assert all(p.path == str(path) for p in loaded.problems)


def test_a_term_list_reports_unknown_statuses_the_same_way(tmp_path: Path) -> None:
    from termwise.glossary.formats import ReadOptions, read_file

    path = tmp_path / "list.csv"
    path.write_text("term,status\nfoo,approvd\nbar,approvd\nbaz,preferred\n", encoding="utf-8")
    loaded = read_file(path, options=ReadOptions("en"))
    assert [t.status for c in loaded.concepts for t in c.all_terms] == [
        TermStatus.UNSPECIFIED,
        TermStatus.UNSPECIFIED,
        TermStatus.PREFERRED,
    ]
    assert [(p.line, p.message) for p in loaded.problems] == [
        (2, "unknown status 'approvd' on 2 terms (lines 2, 3); they keep no status")
    ]


def test_no_status_a_client_glossary_s_first_rendering_is_preferred(tmp_path: Path) -> None:
    """The documented default: the first term of a language without a status is preferred,
    a later one admitted; MultiTerm's spellings and "unspecified" are read as such."""
    path = tmp_path / "g.csv"
    path.write_text(
        "id,en,en status,zh\n"
        "X1,Asian Infrastructure Investment Bank,,亚洲基础设施投资银行\n"
        "X1,AIIB,,亚投行\n"
        "X2,win-win,Approved,共赢\n"
        "X3,zero-sum,unspecified,零和\n",
        encoding="utf-8",
    )
    loaded = load_glossary(path)
    statuses = [(t.text, t.status.value) for c in loaded.concepts for t in c.all_terms]
    assert statuses == [
        ("Asian Infrastructure Investment Bank", "preferred"),
        ("亚洲基础设施投资银行", "preferred"),
        ("AIIB", "admitted"),
        ("亚投行", "admitted"),
        ("win-win", "admitted"),
        ("共赢", "preferred"),
        ("zero-sum", "unspecified"),
        ("零和", "preferred"),
    ]
    assert loaded.problems == []


def test_bad_cells_are_reported_with_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "g.csv"
    path.write_text(
        "id,en,en exact,en part of speech,zh\nX1,AIIB,maybe,noun,亚投行\nX1,,,verb,共赢\n",
        encoding="utf-8",
    )
    loaded = load_glossary(path)
    assert [(p.path, p.line, p.message) for p in loaded.problems] == [
        (str(path), 2, "en exact: 'maybe' is neither yes nor no; read as no"),
        (
            str(path),
            3,
            "'en part of speech': a value without a term in its language on this row; ignored",
        ),
    ]
    assert loaded.concepts[0].terms("en")[0].part_of_speech == "noun"


def test_a_note_with_a_blank_line_inside_is_said(tmp_path: Path) -> None:
    glossary = load_glossary(CURATED)
    glossary.concepts[0].all_terms[0].notes = ["first part\n\nsecond part"]
    problems = save_glossary(glossary, tmp_path / "g.csv", fmt="csv", options=WriteOptions())
    assert any("term notes with a blank line inside" in p.message for p in problems)


def test_regional_variants_each_stay_in_their_own_column(tmp_path: Path) -> None:
    from termwise.glossary.model import Concept, Glossary, Term

    concept = Concept("X1")
    concept.add(Term("color", "en-US"))
    concept.add(Term("colour", "en-GB"))
    out = tmp_path / "g.csv"
    save_glossary(Glossary([concept]), out, fmt="csv")
    # Each column its own term: "color" was written as en-GB too, and read back twice.
    assert out.read_text(encoding="utf-8").splitlines()[1:] == [
        "X1,,,,color,preferred,,colour,preferred,"
    ]
    assert load_glossary(out).concepts[0].all_terms == concept.all_terms
