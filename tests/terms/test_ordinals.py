"""An ordinal written in digits dates or ranks ("the 21st century", "le 21e siècle"), as a
number counts: it is no term, alone or opening a phrase. Before, "21st" was listed as a
term of the seed paper ("the international relations model in the 21st century")."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from termwise.document.model import Document
from termwise.terms.extract import extract_terms, segments_document

ROOT = Path(__file__).resolve().parents[2]


def _listed(document: Document) -> set[str]:
    extraction = extract_terms([document])
    return {form for candidate in extraction.candidates for form in candidate.forms}


def test_ordinals_are_not_listed() -> None:
    english = segments_document(
        [
            ("1", "The 21st century needs wind turbines."),
            ("2", "The 21st century builds wind turbines of the 3rd generation."),
            ("3", "Wind turbines of the 3rd generation turn in the 21st century."),
        ],
        "en",
    )
    listed = _listed(english)
    assert "wind turbines" in listed
    assert not {"21st", "3rd", "21st century", "3rd generation"} & listed


def test_french_ordinals_are_not_listed() -> None:
    french = segments_document(
        [
            ("1", "Au 21e siècle, les éoliennes de 3e génération tournent."),
            ("2", "Le 21e siècle construit des éoliennes de 3e génération."),
        ],
        "fr",
    )
    listed = _listed(french)
    assert "éoliennes" in listed
    assert not {"21e", "3e", "21e siècle", "3e génération"} & listed


def test_words_with_digits_are_no_ordinals() -> None:
    from termwise.terms.candidates import collect
    from termwise.terms.scoring import ordinals

    index = collect(
        [["The V80 turbine and 2nd-order effects; type 2 diabetes and 3D wakes."]], "en"
    )
    forms = ["v80 turbine", "2nd-order effects", "type 2 diabetes", "3d wakes"]
    assert not ordinals(index, forms).any()


def test_the_seed_paper_lists_no_ordinal(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "glossary", tmp_path / "glossary")
    paper = tmp_path / "paper.txt"
    shutil.copyfile(ROOT / "seeds" / "000_204c7e650900ae41.txt", paper)
    result = subprocess.run(
        [sys.executable, "-m", "termwise.cli", "terms", "extract", str(paper), "--format", "json"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    terms = {candidate["term"].lower() for candidate in json.loads(result.stdout)["candidates"]}
    assert "global governance" in terms
    assert "21st" not in terms
