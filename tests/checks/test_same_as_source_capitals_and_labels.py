"""same-as-source reports headings left in English though they look like names or codes: a
heading set in capitals ("ABOUT US") is words, not acronyms, and a word the text capitalises
before a number or a letter ("in Figure 2", "see Appendix A") is a reference, not a name."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import polib

from termwise.checks import CheckConfig, run_checks

from .documents import build_document

ONLY = CheckConfig(enabled_only=frozenset({"same-as-source"}))


def flagged(sources: Sequence[str], targets: Sequence[str]) -> list[str]:
    """The sources whose target same-as-source reports, English into Spanish."""
    document = build_document(sources)
    mapping = {f"s{i + 1}": target for i, target in enumerate(targets)}
    issues = run_checks(document, None, target_lang="es", targets=mapping, config=ONLY)
    return [sources[int(issue.segment_id[1:]) - 1] for issue in issues]


def test_common_words_in_capitals_are_no_acronyms() -> None:
    cells = ["ABOUT US", "OUR TEAM", "HOW IT WORKS", "TEAM", "ISO", "USB", "NATO", "UN"]
    cells += ["ISO 9001", "USB-C"]
    # Real acronyms stay as they are in Spanish.
    assert flagged(cells, cells) == ["ABOUT US", "OUR TEAM", "HOW IT WORKS", "TEAM"]


def test_a_capital_before_a_number_or_letter_makes_no_name() -> None:
    sources = [
        "We build turbines, as described in Appendix A and shown in Figure 2.",
        "The details are in Chapter 3.",
        "Our fleet flies Boeing aircraft and met Acme in Costa Rica.",
        "Appendix A",
        "Figure 2",
        "Chapter 3",
        "Boeing 747",
        "Acme",
        "Costa Rica",
    ]
    targets = [
        "Construimos turbinas, como se describe en el anexo A y se muestra en la figura 2.",
        "Los detalles están en el capítulo 3.",
        "Nuestra flota vuela aviones Boeing y conoció a Acme en Costa Rica.",
        *sources[3:],
    ]
    # "Boeing" is a name where the text writes it so without a number after it.
    assert flagged(sources, targets) == ["Appendix A", "Figure 2", "Chapter 3"]


def termwise(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "termwise", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


HEADINGS = [
    "ABOUT US",
    "Terms And Conditions",
    "Appendix A",
    "Figure 2",
    "Chapter 3",
    "Our Team",
    "China",
    "OUR TEAM",
    "HOW IT WORKS",
]


DOCUMENT = """# ABOUT US

We build small wind turbines for farms, as described in Appendix A and shown in Figure 2.

## Terms And Conditions

You accept our Terms and Conditions when you buy a turbine. The details are in Chapter 3.

## Appendix A

The rotor has three blades.

## Figure 2

## Chapter 3

## Our Team

China and Brazil buy our turbines.

## China

## OUR TEAM

## HOW IT WORKS
"""


def test_headings_kept_in_english_after_apertium(tmp_path: Path) -> None:
    (tmp_path / "doc.md").write_text(DOCUMENT, encoding="utf-8")
    # Apertium's MT (Debian's apertium-eng-spa), then every heading set back to its source.
    made = termwise("translate", "doc.md", "--engine", "apertium", "--to", "es", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    po_path = tmp_path / "translations" / "doc.es.po"
    po = polib.pofile(str(po_path))
    for entry in po:
        if entry.msgid in HEADINGS:
            entry.msgstr = entry.msgid
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
    po.save(str(po_path))
    checked = termwise(
        "check", "doc.md", "--to", "es", "--fail-on", "never", "--format", "json", cwd=tmp_path
    )
    assert checked.returncode == 0, checked.stderr
    same = [
        issue["text"] for issue in json.loads(checked.stdout) if issue["check"] == "same-as-source"
    ]
    assert same == [heading for heading in HEADINGS if heading != "China"]
