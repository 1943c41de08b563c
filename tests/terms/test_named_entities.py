"""Named entities are marked, listed after the terms, and left out with ``--no-names``.

The ACTER wind corpus's list had its authors, firms and places ("Kahraman ALBAYRAK",
"Enercon", "Kretinga") among its first thirty lines; a translator looks a name up rather
than records it as a term.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner

from termwise.cli import cli
from termwise.terms.extract import extract_terms, segments_document

SENTENCES = [
    "The supervisor, Prof. Dr. Kahraman Albayrak, measured the rotor blade in Kretinga.",
    "Each rotor blade of the HAWT was tested near Kretinga by Dr. Kahraman Albayrak.",
    "A rotor blade turns the HAWT, which gives 300 MWh a year in Kretinga.",
    "The rotor blade and the HAWT were checked again: 280 MWh near Kretinga.",
    "Our thanks go to Dr. Kahraman Albayrak for the rotor blade data.",
]


def _extraction(lang: str = "en", sentences: list[str] = SENTENCES) -> dict[str, bool]:
    document = segments_document([(str(i), s) for i, s in enumerate(sentences)], lang)
    return {c.term: c.name for c in extract_terms([document], lang).candidates}


def test_people_and_places_are_names_and_terms_and_acronyms_are_not() -> None:
    found = _extraction()
    # After a title's full stop the capital is still the name's own.
    assert found["Kahraman Albayrak"] is True
    assert found["Kretinga"] is True
    # An acronym or a unit names a thing as often as a body: a term.
    assert found["rotor blade"] is False
    assert found["HAWT"] is False
    assert found["MWh"] is False


def test_a_language_that_capitalises_its_nouns_has_no_names_by_capitals() -> None:
    found = _extraction(
        "de",
        [
            "Die Windkraftanlage nutzt einen großen Rotor im Wind.",
            "Jede Windkraftanlage hat einen Rotor aus Glasfaser.",
            "Der Rotor der Windkraftanlage dreht sich langsam.",
        ],
    )
    assert found and not any(found.values())


def _write(tmp_path: Path) -> Path:
    paper = tmp_path / "paper.txt"
    paper.write_text("\n\n".join(SENTENCES) + "\n", encoding="utf-8")
    return paper


def _run(tmp_path: Path, *args: str) -> str:
    result = CliRunner().invoke(
        cli, ["--project", str(tmp_path), "terms", "extract", *args], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    return result.output


def test_the_listing_puts_names_after_the_terms_and_no_names_leaves_them_out(
    tmp_path: Path,
) -> None:
    paper = _write(tmp_path)
    lines = _run(tmp_path, str(paper), "--from", "en").splitlines()
    # The parts: at the cut-off, then each kind kept below it under a "-- " line.
    parts: list[list[bool]] = [[]]
    for line in lines[:-1]:
        if line.startswith("-- "):
            parts.append([])
        else:
            assert re.match(r"^\s*\d+\.\d\d\s", line), line
            parts[-1].append(", name)" in line)
    named = [is_name for part in parts for is_name in part]
    assert any(named) and not all(named)
    # Within each part every term comes before every name.
    assert all(part == sorted(part) for part in parts)
    assert "names, after the terms" in lines[-1]
    without = json.loads(
        _run(tmp_path, str(paper), "--from", "en", "--no-names", "--format", "json")
    )
    terms = {c["term"] for c in without["candidates"]}
    assert not terms & {"Kretinga", "Kahraman Albayrak"}
    assert {"rotor blade", "HAWT"} <= terms


def test_a_candidate_termbase_notes_a_name(tmp_path: Path) -> None:
    from termwise.terms.formats import NAME_NOTE, to_tbx

    document = segments_document([(str(i), s) for i, s in enumerate(SENTENCES)], "en")
    candidates = extract_terms([document], "en").candidates
    data = to_tbx(candidates, "en").decode("utf-8")
    # One note per name, on its concept.
    assert data.count(NAME_NOTE) == sum(c.name for c in candidates) > 0
