"""``glossary import`` keeps one preferred term per language whatever the ids say: a
concept of the glossary's own id, a CSV's row ids ("r2", "r3" in every file), rows of one
source term, a file imported again, a term two concepts already share."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from support.command_line import termwise
from termwise.glossary.formats import load_glossary
from termwise.glossary.model import Glossary

ROOT = Path(__file__).resolve().parents[2]

# The client's TBX uses the project's own id for "global governance", with its own Spanish.
CLIENT_TBX = """<?xml version="1.0" encoding="UTF-8"?>
<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en">
<tbxHeader><fileDesc><sourceDesc><p>client</p></sourceDesc></fileDesc></tbxHeader>
<text><body>
<conceptEntry id="T21">
<langSec xml:lang="en"><termSec><term>global governance</term>
<termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec></langSec>
<langSec xml:lang="es"><termSec><term>gobernanza mundial</term>
<termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec></langSec>
</conceptEntry>
</body></text></tbx>
"""

EXTRA_TBX = """<?xml version="1.0" encoding="UTF-8"?>
<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en">
<tbxHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></tbxHeader>
<text><body>
<conceptEntry id="X1">
<langSec xml:lang="en"><termSec><term>global governance</term>
<termNote type="administrativeStatus">{status}</termNote></termSec></langSec>
<langSec xml:lang="es"><termSec><term>gobierno global</term>
<termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec></langSec>
</conceptEntry>
</body></text></tbx>
"""

STATUS_CSV = (
    "English,Spanish,Status\n"
    "global governance,gobernanza mundial,preferred\n"
    "global governance,gobernanza planetaria,deprecated\n"
    "foreign aid,ayuda exterior,preferred\n"
)


def _project(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "glossary", tmp_path / "glossary")
    return tmp_path


def _run(project: Path, *args: str) -> str:
    result = termwise(*args, cwd=project)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    return output


def _spanish(glossary: Glossary, english: str) -> list[tuple[str, str]]:
    """The Spanish terms (text, status) of the one concept that has ``english``."""
    (concept,) = [c for c in glossary.concepts if any(t.text == english for t in c.terms("en"))]
    return [(t.text, t.status.value) for t in concept.terms("es")]


def _preferred(pairs: list[tuple[str, str]]) -> list[str]:
    return [text for text, status in pairs if status == "preferred"]


@pytest.mark.parametrize(
    ("options", "preferred"),
    [((), "gobernanza global"), (("--prefer", "imported"), "gobernanza mundial")],
)
def test_a_concept_of_the_glossarys_own_id_is_merged_by_the_rule(
    tmp_path: Path, options: tuple[str, ...], preferred: str
) -> None:
    project = _project(tmp_path)
    (project / "client.tbx").write_text(CLIENT_TBX, encoding="utf-8")
    output = _run(project, "glossary", "import", "client.tbx", *options)
    assert "conflict: T21: es" in output
    spanish = _spanish(load_glossary(project / "glossary"), "global governance")
    assert _preferred(spanish) == [preferred], spanish
    assert {text for text, _ in spanish} == {"gobernanza global", "gobernanza mundial"}


@pytest.mark.skipif(shutil.which("apertium") is None, reason="needs Apertium (en-es)")
def test_translate_writes_the_glossarys_term_after_a_same_id_import(tmp_path: Path) -> None:
    # T21 had two preferred Spanish terms, and MT wrote the one of the file that sorts first.
    project = _project(tmp_path)
    (project / "client.tbx").write_text(CLIENT_TBX, encoding="utf-8")
    (project / "text.txt").write_text("We support global governance.\n", encoding="utf-8")
    _run(project, "glossary", "import", "client.tbx")
    _run(project, "translate", "text.txt", "--to", "es", "--engine", "apertium")
    po = (project / "translations" / "text.es.po").read_text(encoding="utf-8")
    (mt,) = [line for line in po.splitlines() if line.startswith("msgstr") and line != 'msgstr ""']
    assert "gobernanza global" in mt and "mundial" not in mt, mt


def test_two_client_csvs_with_the_same_row_ids_keep_one_preferred_term(tmp_path: Path) -> None:
    (tmp_path / "glossary").mkdir()
    (tmp_path / "glossary" / "client.csv").write_text(
        "English;Spanish\nforeign aid;ayuda exterior\nglobal governance;gobernanza global\n"
    )
    (tmp_path / "new.csv").write_text(
        "English;Spanish\npeace;paz\nglobal governance;gobernanza mundial\n"
    )
    output = _run(tmp_path, "glossary", "import", "new.csv")
    assert "conflict: r3: es kept the preferred 'gobernanza global'" in output
    glossary = load_glossary(tmp_path / "glossary")
    assert _spanish(glossary, "global governance") == [
        ("gobernanza global", "preferred"),
        ("gobernanza mundial", "admitted"),
    ]
    assert _spanish(glossary, "foreign aid") == [("ayuda exterior", "preferred")]
    assert _spanish(glossary, "peace") == [("paz", "preferred")]


def test_new_terms_of_a_csv_concept_stay_under_its_id(tmp_path: Path) -> None:
    # They went into new.tbx as "new-r3", a concept with a Spanish term and no English one.
    (tmp_path / "glossary").mkdir()
    (tmp_path / "glossary" / "client.csv").write_text(
        "English;Spanish\nforeign aid;ayuda exterior\nglobal governance;gobernanza global\n"
    )
    (tmp_path / "new.csv").write_text("English;Spanish\nglobal governance;gobernanza mundial\n")
    output = _run(tmp_path, "glossary", "import", "new.csv", "--prefer", "imported")
    assert "renamed" not in output
    assert "0 new concept(s), 1 merged" in output
    assert "wrote the new terms of r3" in output and "wrote 1 concept" not in output
    assert "--prefer imported cannot apply: client.csv is not rewritten" in output
    assert "--prefer imported makes it" not in output
    written = load_glossary(tmp_path / "glossary" / "new.tbx")
    assert [c.id for c in written.concepts] == ["r3"]
    assert _spanish(load_glossary(tmp_path / "glossary"), "global governance") == [
        ("gobernanza global", "preferred"),
        ("gobernanza mundial", "admitted"),
    ]


def test_rows_of_one_source_term_are_one_concept(tmp_path: Path) -> None:
    # The last row won, with two contradicting conflict lines, and T21 counted twice.
    project = _project(tmp_path)
    (project / "rows.csv").write_text(
        "English;Spanish\n"
        "global governance;gobernanza mundial\n"
        "global governance;gobernanza planetaria\n"
    )
    output = _run(project, "glossary", "import", "rows.csv", "--prefer", "imported")
    assert output.count("conflict: T21") == 1, output
    assert "0 new concept(s), 1 merged into concepts of the glossary, 1 in conflict" in output
    assert "rows r2 and r3 of rows.csv both give 'global governance' (en)" in output
    spanish = _spanish(load_glossary(project / "glossary"), "global governance")
    assert _preferred(spanish) == ["gobernanza mundial"], spanish


def test_importing_a_file_again_changes_nothing(tmp_path: Path) -> None:
    project = _project(tmp_path)
    (project / "client.csv").write_text("English;Spanish\nglobal governance;gobernanza mundial\n")
    _run(project, "glossary", "import", "client.csv")
    curated = (project / "glossary" / "key-terms.tbx").read_bytes()
    output = _run(project, "glossary", "import", "client.csv")
    assert "nothing new" in output and "conflict:" not in output, output
    assert (project / "glossary" / "key-terms.tbx").read_bytes() == curated
    assert sorted(p.name for p in (project / "glossary").iterdir()) == [
        "key-terms.tbx",
        "key-terms.tbx~",
    ]


def test_an_updated_copy_adds_its_new_term_to_the_concept_it_has(tmp_path: Path) -> None:
    # status-v2.csv wrote a second "r5" beside status.tbx's.
    project = _project(tmp_path)
    (project / "status.csv").write_text(STATUS_CSV)
    (project / "status-v2.csv").write_text(STATUS_CSV + "foreign aid,ayuda externa,admitted\n")
    _run(project, "glossary", "import", "status.csv")
    output = _run(project, "glossary", "import", "status-v2.csv")
    assert "same id" not in output, output
    assert not (project / "glossary" / "status-v2.tbx").exists()
    glossary = load_glossary(project / "glossary")
    assert _spanish(glossary, "foreign aid") == [
        ("ayuda exterior", "preferred"),
        ("ayuda externa", "admitted"),
    ]
    spanish = _spanish(glossary, "global governance")
    assert _preferred(spanish) == ["gobernanza global"], spanish


def test_a_source_term_two_concepts_share_names_neither(tmp_path: Path) -> None:
    project = _project(tmp_path)
    extra = EXTRA_TBX.format(status="preferredTerm-admn-sts")
    (project / "glossary" / "a-extra.tbx").write_text(extra, encoding="utf-8")
    (project / "two.csv").write_text("English;Spanish\nglobal governance;gobernanza mundial\n")
    output = _run(project, "glossary", "import", "two.csv")
    assert "r2 not imported" in output and "X1" in output and "T21" in output, output
    assert "left out" not in output and "merged into X1" not in output, output
    assert "merged into T21" not in output
    assert sorted(p.name for p in (project / "glossary").iterdir()) == [
        "a-extra.tbx",
        "key-terms.tbx",
    ]


def test_a_shared_source_term_goes_to_the_concept_that_prefers_it(tmp_path: Path) -> None:
    # a-extra.tbx sorts first, but there the term is only admitted.
    project = _project(tmp_path)
    extra = EXTRA_TBX.format(status="admittedTerm-admn-sts")
    (project / "glossary" / "a-extra.tbx").write_text(extra, encoding="utf-8")
    (project / "two.csv").write_text("English;Spanish\nglobal governance;gobernanza mundial\n")
    output = _run(project, "glossary", "import", "two.csv")
    assert "merged into T21" in output and "left out" not in output, output
    assert (project / "glossary" / "a-extra.tbx").read_text(encoding="utf-8") == extra
    t21 = load_glossary(project / "glossary" / "key-terms.tbx").concept("T21")
    assert ("gobernanza mundial", "admitted") in [(t.text, t.status.value) for t in t21.terms("es")]
