"""What `terms extract` says of a candidate the glossary has, and how it names new concepts.

A terminologist's walk-through: "community of human destiny (T01 known)" read as approved,
though the glossary deprecates the form; a candidate termbase imported into the glossary
named its concepts "candidate-64", and that name reached check messages and exports; and
the summary of `--new-only -o cand.tbx` said "0 ... left out" after leaving out the known
groups.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner
from lxml import etree

from termwise.cli import cli
from termwise.terms.extract import Candidate
from termwise.terms.formats import to_tbx

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_204c7e650900ae41.txt"

WIND = (
    "The wind turbine converts wind energy into electricity. Each wind turbine has a rotor "
    "and a generator.\nThe rotor of a wind turbine carries three blades. The generator of "
    "the wind turbine feeds the grid.\nWind energy is a renewable source. The power curve "
    "of a wind turbine shows its output at each wind speed.\nThe power curve depends on the "
    "rotor and the blades.\n"
)


def _run(project: Path, *args: str) -> tuple[str, str]:
    result = CliRunner().invoke(cli, ["--project", str(project), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout, result.stderr


def test_a_known_form_shows_its_glossary_status_not_just_known() -> None:
    text, _ = _run(ROOT, "terms", "extract", str(SEED))
    listed = (re.match(r"\s*[\d.]+\s+\d+\s+(.+?)  \((.+?)\)", line) for line in text.splitlines())
    lines = {found[1]: found[2] for found in listed if found}
    # Both forms are deprecated in the glossary: "known" read as approved.
    assert lines["community of human destiny"] == "T01 deprecated"
    assert lines["interconnection"] == "T30 deprecated"
    assert lines["global governance"] == "T21 preferred"
    assert lines["globalization"] == "new"
    data = json.loads(_run(ROOT, "terms", "extract", str(SEED), "--format", "json")[0])
    by_term = {c["term"]: c for c in data["candidates"]}
    t01 = by_term["community of human destiny"]
    assert (t01["status"], t01["glossary_status"]) == ("known", "deprecated")
    assert by_term["global governance"]["glossary_status"] == "preferred"
    assert by_term["globalization"]["glossary_status"] is None


def test_candidate_concepts_are_named_by_their_terms_and_survive_import(tmp_path: Path) -> None:
    paper = tmp_path / "wind.txt"
    paper.write_text(WIND, encoding="utf-8")
    out = tmp_path / "cand.tbx"
    _run(tmp_path, "terms", "extract", str(paper), "-o", str(out))
    root = etree.fromstring(out.read_bytes())
    ids = [entry.get("id") for entry in root.iter("{*}conceptEntry")]
    assert "wind-turbine" in ids and "rotor" in ids
    assert not [i for i in ids if i.startswith("candidate-")]
    assert len(ids) == len(set(ids))
    title = root.find(".//{*}title")
    assert title is not None
    assert title.text == "Unreviewed English term candidates of wind.txt (termwise terms extract)"
    _run(tmp_path, "glossary", "import", str(out), "--unreviewed")
    shown = json.loads(_run(tmp_path, "glossary", "show", "--format", "json")[0])
    concepts = {c["id"]: c for c in shown["concepts"]}
    assert concepts["wind-turbine"]["languages"]["en"]["terms"][0]["text"] == "wind turbine"


def _candidate(term: str, concept: str | None = None) -> Candidate:
    form = term.lower()
    return Candidate(
        term=term,
        forms=[form],
        surfaces={form: term},
        frequency=2,
        score=0.5,
        concept=concept,
        status="new" if concept is None else "unrecorded-variant",
        form_status={form: "new" if concept is None else "unrecorded-variant"},
    )


def test_candidate_ids_are_unique_in_the_file_and_beside_the_glossarys() -> None:
    candidates = [
        _candidate("Wind turbine"),
        _candidate("wind-turbine"),
        # A linked concept whose id a new term's would be, further down the list.
        _candidate("rotor"),
        _candidate("rotor blade", concept="rotor"),
        _candidate("grid"),
    ]
    root = etree.fromstring(to_tbx(candidates, "en", taken=["grid"]))
    ids = [entry.get("id") for entry in root.iter("{*}conceptEntry")]
    assert ids == ["wind-turbine", "wind-turbine-2", "rotor-2", "rotor", "grid-2"]


def test_new_only_says_how_many_it_left_out(tmp_path: Path) -> None:
    out = tmp_path / "cand.tbx"
    everything = json.loads(_run(ROOT, "terms", "extract", str(SEED), "--format", "json")[0])
    known = sum(1 for c in everything["candidates"] if c["status"] == "known")
    assert known
    _, said = _run(ROOT, "terms", "extract", str(SEED), "--new-only", "-o", str(out))
    written = len(etree.fromstring(out.read_bytes()).findall(".//{*}conceptEntry"))
    assert said.strip() == (
        f"wrote {written} candidates to {out} "
        f"(left out: {known} the glossary has in every form, by --new-only)"
    )
