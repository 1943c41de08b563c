"""``glossary import`` of a client's glossary that overlaps the project's: each overlapping
concept is merged into the project's, one preferred term per language, and nothing is left
as a term of two concepts (which MT and the checks leave alone)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from support.command_line import termwise
from termwise.glossary.formats import load_glossary

ROOT = Path(__file__).resolve().parents[2]

# As Spanish Excel saves "CSV UTF-8": a BOM, ";" between cells, CRLF line ends.
CLIENT_CSV = (
    "\ufeffEnglish;Spanish;Comment\r\n"
    "foreign aid;ayuda exterior;client style guide 2024\r\n"
    "public diplomacy;diplomacia pública;\r\n"
    "global governance;gobernanza mundial;client prefers mundial\r\n"
    "win-win cooperation;cooperación de beneficio mutuo;\r\n"
    "Chinese dream;sueño chino;\r\n"
).encode()

# As SDL MultiTerm exports a termbase: TBX 2008 (martif), UTF-16, its own field names.
MULTITERM_TBX = """<?xml version="1.0" encoding="UTF-16"?>
<martif type="TBX" xml:lang="en">
  <martifHeader><fileDesc><sourceDesc><p>Exported from SDL MultiTerm</p></sourceDesc>
  </fileDesc></martifHeader>
  <text><body>
    <termEntry id="c1">
      <langSet xml:lang="en"><tig><term>economic globalization</term>
        <termNote type="Status">Preferred</termNote></tig></langSet>
      <langSet xml:lang="es"><tig><term>mundialización económica</term>
        <termNote type="Status">Preferred</termNote></tig></langSet>
    </termEntry>
    <termEntry id="c2">
      <langSet xml:lang="en"><tig><term>zero-sum thinking</term>
        <termNote type="Status">Preferred</termNote></tig></langSet>
      <langSet xml:lang="es"><tig><term>mentalidad de suma cero</term>
        <termNote type="Status">Preferred</termNote></tig></langSet>
    </termEntry>
  </body></text>
</martif>
""".encode("utf-16")

TWO_SENTENCES = "Global governance needs reform.\n\nWe support global governance.\n"


def _project(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "glossary", tmp_path / "glossary")
    (tmp_path / "client-terms.csv").write_bytes(CLIENT_CSV)
    return tmp_path


def _run(project: Path, *args: str) -> str:
    result = termwise(*args, cwd=project)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    return output


def _owners(project: Path, lang: str) -> dict[str, set[str]]:
    """Each term's text in ``lang`` (case aside) → the concepts that have it."""
    owners: dict[str, set[str]] = {}
    for concept in load_glossary(project / "glossary").concepts:
        for term in concept.terms(lang):
            owners.setdefault(term.text.casefold(), set()).add(concept.id)
    return owners


def test_an_overlapping_client_csv_merges_into_the_projects_concepts(tmp_path: Path) -> None:
    project = _project(tmp_path)
    output = _run(project, "glossary", "import", "client-terms.csv")
    assert "1 new concept(s), 4 merged into concepts of the glossary, 2 in conflict" in output
    assert "conflict: T21: es kept the preferred 'gobernanza global'" in output
    glossary = load_glossary(project / "glossary")
    t21 = glossary.concept("T21")
    assert [(t.text, t.status.value) for t in t21.terms("es")] == [
        ("gobernanza global", "preferred"),
        ("gobernanza mundial", "admitted"),
    ]
    # No term of the file is a term of two concepts.
    owners = _owners(project, "en")
    for text in ("global governance", "public diplomacy", "win-win cooperation", "chinese dream"):
        assert len(owners[text]) == 1, (text, owners[text])
    # Only the new concept goes into the client's file; the curated one is kept as it was.
    client = load_glossary(project / "glossary" / "client-terms.tbx")
    assert [t.text for c in client.concepts for t in c.terms("en")] == ["foreign aid"]
    assert (project / "glossary" / "key-terms.tbx~").read_bytes() == (
        ROOT / "glossary" / "key-terms.tbx"
    ).read_bytes()


def test_dry_run_says_what_would_merge_and_writes_nothing(tmp_path: Path) -> None:
    project = _project(tmp_path)
    output = _run(project, "glossary", "import", "client-terms.csv", "--dry-run")
    assert "merged into T21" in output and "dry run: nothing written" in output
    assert sorted(p.name for p in (project / "glossary").iterdir()) == ["key-terms.tbx"]


def test_a_multiterm_export_merges_into_the_projects_concept(tmp_path: Path) -> None:
    project = _project(tmp_path)
    (project / "multiterm-export.tbx").write_bytes(MULTITERM_TBX)
    output = _run(project, "glossary", "import", "multiterm-export.tbx", "--prefer", "imported")
    assert "conflict: T36: es preferred is now the imported 'mundialización económica'" in output
    t36 = load_glossary(project / "glossary").concept("T36")
    assert t36.preferred("es") is not None
    assert t36.preferred("es").text == "mundialización económica"  # type: ignore[union-attr]
    assert len(_owners(project, "en")["economic globalization"]) == 1


@pytest.mark.skipif(shutil.which("apertium") is None, reason="needs Apertium (en-es)")
@pytest.mark.parametrize(
    ("options", "written", "not_written"),
    [
        ((), "gobernanza global", "gobernanza mundial"),
        (("--prefer", "imported"), "gobernanza mundial", "gobernanza global"),
    ],
)
def test_translate_writes_the_preferred_term_after_the_import(
    tmp_path: Path, options: tuple[str, ...], written: str, not_written: str
) -> None:
    # The overlapping rows made "global governance" a term of two concepts: Apertium then
    # left it in English in the Spanish MT.
    project = _project(tmp_path)
    (project / "text.txt").write_text(TWO_SENTENCES, encoding="utf-8")
    _run(project, "glossary", "import", "client-terms.csv", *options)
    _run(project, "translate", "text.txt", "--to", "es", "--engine", "apertium")
    po = (project / "translations" / "text.es.po").read_text(encoding="utf-8")
    mt = [line for line in po.splitlines() if line.startswith("msgstr") and line != 'msgstr ""']
    assert len(mt) == 2 and all(written in line.lower() for line in mt), mt
    assert not any(not_written in line or "governance" in line for line in mt), mt


@pytest.mark.skipif(shutil.which("apertium") is None, reason="needs Apertium (en-es)")
def test_check_flags_the_demoted_term_as_deprecated(tmp_path: Path) -> None:
    project = _project(tmp_path)
    (project / "text.txt").write_text(TWO_SENTENCES, encoding="utf-8")
    options = ("--prefer", "imported", "--demote", "deprecated")
    _run(project, "glossary", "import", "client-terms.csv", *options)
    _run(project, "translate", "text.txt", "--to", "es", "--engine", "apertium")
    po = project / "translations" / "text.es.po"
    text = po.read_text(encoding="utf-8")
    po.write_text(text.replace("La gobernanza mundial", "La gobernanza global"), "utf-8")
    result = termwise("check", "text.txt", "--to", "es", cwd=project)
    assert "“gobernanza global” is a deprecated rendering of T21" in result.stdout, result.stdout


def test_prefer_imported_leaves_the_source_languages_preferred_term(tmp_path: Path) -> None:
    # The client's English is the glossary's deprecated variant of T25; a CSV without
    # statuses calls it preferred, but it is only what found the concept.
    project = _project(tmp_path)
    (project / "client-terms.csv").write_bytes(
        b"\xef\xbb\xbfEnglish;Spanish\r\nresponsible big country;gran pa\xc3\xads responsable\r\n"
    )
    output = _run(project, "glossary", "import", "client-terms.csv", "--prefer", "imported")
    assert "en kept the preferred 'responsible major country', the source language's" in output
    t25 = load_glossary(project / "glossary").concept("T25")
    assert t25.preferred("en").text == "responsible major country"  # type: ignore[union-attr]
    assert t25.preferred("es").text == "gran país responsable"  # type: ignore[union-attr]
