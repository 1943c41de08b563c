"""``termwise terms targets`` on a real machine translation (Apertium, English → Spanish)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from termwise.cli import cli
from termwise.glossary.model import Concept, Glossary, Term
from termwise.glossary.tbx import write_tbx

PAPER = (
    "The wind turbine converts the kinetic energy of the wind. A wind turbine has a rotor "
    "with three blades.\nThe rotor of the wind turbine turns a generator. Offshore wind "
    "turbines are larger than onshore machines.\nThe blades of a wind turbine are made of "
    "glass fibre. The generator produces electricity for the grid.\n"
)


@pytest.mark.skipif(shutil.which("apertium") is None, reason="Apertium is not installed")
def test_renderings_and_proposals_from_a_real_translation(tmp_path: Path) -> None:
    (tmp_path / "paper.txt").write_text(PAPER, encoding="utf-8")
    glossary = Glossary(
        [
            Concept("wt", all_terms=[Term("wind turbine", "en")]),
            Concept("gen", all_terms=[Term("generator", "en"), Term("generador", "es")]),
        ],
        lang="en",
    )
    (tmp_path / "glossary").mkdir()
    (tmp_path / "glossary" / "g.tbx").write_bytes(write_tbx(glossary)[0])
    runner = CliRunner()
    paper = str(tmp_path / "paper.txt")
    result = runner.invoke(
        cli, ["--project", str(tmp_path), "translate", paper, "--to", "es", "--engine", "apertium"]
    )
    assert result.exit_code == 0, result.output
    targets = ["--project", str(tmp_path), "terms", "targets", paper, "--to", "es"]
    # Apertium's drafts, which no one has edited, are reported but propose no target term.
    result = runner.invoke(cli, [*targets, "--format", "json"])
    assert result.exit_code == 0, result.output
    drafts_only = {entry["concept"]: entry for entry in json.loads(result.stdout)}
    assert drafts_only["wt"]["proposal"] is None
    assert drafts_only["wt"]["renderings"][0]["text"] == "turbina de viento"
    assert "--include-mt" in result.stderr
    result = runner.invoke(cli, [*targets, "--format", "json", "--include-mt"])
    assert result.exit_code == 0, result.output
    report = {entry["concept"]: entry for entry in json.loads(result.stdout)}
    # The glossary has no Spanish term for "wind turbine": the one Apertium used is proposed,
    # found in every segment of the concept (inflected "Turbinas de viento" included).
    turbine = report["wt"]
    assert turbine["source_count"] == 5
    assert turbine["proposal"] == "turbina de viento"
    assert turbine["renderings"][0]["count"] == 5 and turbine["renderings"][0]["status"] is None
    # A concept with a Spanish term: the rendering used, with its status and segments.
    generator = report["gen"]
    assert generator["proposal"] is None
    assert [(r["text"], r["count"], r["status"]) for r in generator["renderings"]] == [
        ("generador", 2, "preferred")
    ]
    text = runner.invoke(cli, [*targets, "--include-mt"])
    assert "proposed target term: turbina de viento" in text.output
    # A draft whose punctuation alone changed (a typography fix makes it "edited") is still
    # the machine's wording; one a person reworded is the translation's choice.
    from termwise.project.translation_file import TranslationFile
    from termwise.project.units import SegmentState

    po = tmp_path / "translations" / "paper.es.po"
    tfile = TranslationFile.load(po)
    for unit in tfile.units.values():
        unit.target = unit.target.rstrip(".") + "…"
        unit.state = SegmentState.EDITED
    tfile.save(po)
    touched = runner.invoke(cli, [*targets, "--format", "json"])
    assert {e["concept"]: e for e in json.loads(touched.stdout)}["wt"]["proposal"] is None
    for unit in tfile.units.values():
        unit.target = unit.target.replace("turbina de viento", "aerogenerador").replace(
            "Turbinas de viento", "Aerogeneradores"
        )
    tfile.save(po)
    reworded = runner.invoke(cli, [*targets, "--format", "json"])
    assert {e["concept"]: e for e in json.loads(reworded.stdout)}["wt"]["proposal"] == (
        "aerogenerador"
    )


def test_a_proposal_comes_from_what_people_translated() -> None:
    from termwise.terms.targets import target_report

    glossary = Glossary([Concept("wt", all_terms=[Term("wind turbine", "en")])], lang="en")
    pairs = [
        ("a", "The wind turbine turns.", "El aerogenerador gira."),
        ("b", "A wind turbine is tall.", "Un aerogenerador es alto."),
        ("c", "Each wind turbine hums.", "Cada aerogenerador zumba."),
        ("d", "The wind turbine stops.", "La turbina de viento para."),
        ("e", "A wind turbine starts.", "Una turbina de viento arranca."),
        ("f", "One wind turbine fails.", "Una turbina de viento falla."),
        ("g", "The wind turbine rests.", "La turbina de viento descansa."),
    ]
    # Four machine drafts say "turbina de viento"; the three segments people translated
    # say "aerogenerador", which is what the translation chose.
    everything = target_report(pairs, glossary, "en", "es")
    (entry,) = target_report(pairs, glossary, "en", "es", drafts={"d", "e", "f", "g"})
    assert everything[0].proposal == "turbina de viento"
    assert entry.proposal == "aerogenerador"
    assert {r.text for r in entry.renderings} >= {"turbina de viento", "aerogenerador"}


def test_targets_without_a_translation_is_a_clear_error(tmp_path: Path) -> None:
    from termwise.cli import main

    (tmp_path / "paper.txt").write_text(PAPER, encoding="utf-8")
    (tmp_path / "glossary").mkdir()
    glossary = Glossary([Concept("wt", all_terms=[Term("wind turbine", "en")])], lang="en")
    (tmp_path / "glossary" / "g.tbx").write_bytes(write_tbx(glossary)[0])
    with pytest.raises(SystemExit) as exit_info:
        main(
            [
                "--project",
                str(tmp_path),
                "terms",
                "targets",
                str(tmp_path / "paper.txt"),
                "--to",
                "es",
            ]
        )
    assert exit_info.value.code != 0


def test_the_source_count_is_of_occurrences_as_the_renderings_are() -> None:
    from termwise.terms.targets import target_report

    glossary = Glossary(
        [Concept("gen", all_terms=[Term("generator", "en"), Term("generador", "es")])],
        lang="en",
    )
    pairs = [
        ("a", "The generator and a second generator.", "El generador y un segundo generador."),
        ("b", "One generator.", None),
    ]
    (entry,) = target_report(pairs, glossary, "en", "es")
    assert entry.source_count == 3
    assert [(r.text, r.count) for r in entry.renderings] == [("generador", 2)]
    assert entry.missing == ["b"]


def test_the_official_rendering_is_the_projects_choice() -> None:
    from termwise.glossary.model import TermStatus
    from termwise.terms.targets import target_report

    glossary = Glossary(
        [
            Concept(
                "T01",
                all_terms=[
                    Term("shared future", "en"),
                    Term("futuro compartido", "es"),
                    Term("porvenir común", "es", TermStatus.ADMITTED),
                ],
            )
        ],
        lang="en",
    )
    pairs = [("a", "A shared future.", "Un porvenir común.")]
    (plain,) = target_report(pairs, glossary, "en", "es")
    (chosen,) = target_report(pairs, glossary, "en", "es", chosen={"T01": "porvenir común"})
    assert plain.official == "futuro compartido"
    assert chosen.official == "porvenir común"
