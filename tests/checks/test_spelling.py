"""Spelling through the real Hunspell program and Debian's dictionaries."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from termwise.checks import CheckConfig, check_document, run_checks
from termwise.checks.spelling import find_dictionary, misspelled
from termwise.glossary.model import Concept, Glossary, Term

from .documents import build_document

ONLY = CheckConfig(enabled_only=frozenset({"spelling"}))


def test_hunspell_and_the_spanish_dictionary_are_installed() -> None:
    # README command (b) installs them; without them the rest of this file proves nothing.
    assert shutil.which("hunspell")
    assert find_dictionary("es") is not None
    assert find_dictionary("es-MX") is not None and find_dictionary("es-MX").name == "es_MX"


def test_misspellings_flagged_but_never_glossary_terms() -> None:
    glossary = Glossary(
        [Concept("T30", all_terms=[Term("connectivity", "en"), Term("interconectividad", "es")])]
    )
    document = build_document(
        ["Development and connectivity.", "Connectivity again.", "Sustainable development."]
    )
    targets = {
        "s1": "El desarollo y la interconectividad.",
        "s2": "Interconectividad otra vez.",
        "s3": "El desarrollo sostenible y el *destiny.",
    }
    issues = run_checks(document, glossary, target_lang="es", targets=targets, config=ONLY)
    assert [(i.segment_id, i.text) for i in issues] == [("s1", "desarollo"), ("s3", "destiny")]
    assert issues[0].side == "target" and "es_ES" in issues[0].message
    # Without the glossary, its term is just an unknown word.
    bare = run_checks(document, None, target_lang="es", targets=targets, config=ONLY)
    assert ("s1", "interconectividad") in [(i.segment_id, i.text) for i in bare]


def test_placeholder_names_are_not_spelled() -> None:
    # "count" of "{count}" and "name" of "%(name)s" were not in the es_ES dictionary.
    document = build_document(["You have {count} files, %(name)s.", "Wrong speling here."])
    targets = {"s1": "Tienes {count} archivos, %(name)s.", "s2": "Ortografia mal aqui."}
    issues = run_checks(document, None, target_lang="es", targets=targets, config=ONLY)
    assert {i.text for i in issues if i.segment_id == "s1"} == set()
    assert {i.segment_id for i in issues} == {"s2"}


def test_project_words_are_accepted() -> None:
    config = CheckConfig(
        enabled_only=frozenset({"spelling"}), spelling_words=frozenset({"desarollo"})
    )
    document = build_document(["Development."])
    assert (
        run_checks(document, None, target_lang="es", targets={"s1": "El desarollo."}, config=config)
        == []
    )


def test_french_elision_is_one_word() -> None:
    french = find_dictionary("fr")
    assert french is not None
    assert misspelled(["l'initiative", "l'initiatve"], french) == {"l'initiatve"}


def test_unavailable_without_a_dictionary_and_says_so(tmp_path: Path) -> None:
    # Icelandic: Debian has hunspell-is, these machines do not install it.
    assert find_dictionary("is") is None
    result = check_document(
        build_document(["Development."]),
        None,
        target_lang="is",
        targets={"s1": "Þróun."},
        config=ONLY,
    )
    assert result.issues == []
    assert "no Hunspell dictionary for is" in result.skipped["spelling"]
    listing = subprocess.run(
        [
            sys.executable,
            "-m",
            "termwise.cli",
            "--project",
            str(tmp_path),
            "check",
            "--list",
            "--to",
            "is",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    line = next(row for row in listing.splitlines() if row.startswith("spelling"))
    assert "unavailable: no Hunspell dictionary for is" in line
    line_es = next(
        row
        for row in subprocess.run(
            [
                sys.executable,
                "-m",
                "termwise.cli",
                "--project",
                str(tmp_path),
                "check",
                "--list",
                "--to",
                "es",
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.splitlines()
        if row.startswith("spelling")
    )
    assert "unavailable" not in line_es


def test_addresses_and_markdown_markup_are_no_words() -> None:
    # "https", "example", "org", a code span's `max_flow` and an image's "map.png" were
    # reported as misspellings.
    sources = [
        "See https://example.org/guide and write to info@example.org.",
        "Run `max_flow` and look at ![the map](map.png).",
    ]
    targets = {
        "s1": "Vea https://example.org/guide y escriba a info@example.org.",
        "s2": "Ejecute `max_flow` y mire ![el mapa](map.png) desarollo.",
    }
    document = build_document(sources)
    document.fmt = "markdown"
    issues = run_checks(document, None, target_lang="es", targets=targets, config=ONLY)
    assert [(i.segment_id, i.text) for i in issues] == [("s2", "desarollo")]
