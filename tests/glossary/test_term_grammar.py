"""scripts/record_term_grammar.py: gender and number of the curated Spanish terms, from
Apertium's Spanish analyser, reproducibly."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from termwise.glossary import load_glossary

ROOT = Path(__file__).resolve().parents[2]
CURATED = ROOT / "glossary" / "key-terms.tbx"


def test_the_script_rederives_exactly_what_the_glossary_records(tmp_path: Path) -> None:
    bare = tmp_path / "key-terms.tbx"
    text = CURATED.read_text(encoding="utf-8")
    stripped = re.sub(
        r"\n *<termNote type=\"grammatical(Gender|Number)\">[^<]*</termNote>", "", text
    )
    assert stripped != text
    bare.write_text(stripped, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "record_term_grammar.py"), str(bare)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert bare.read_text(encoding="utf-8") == text
    # Said, not guessed: languages without an analyser here, and heads it does not know.
    assert "fr: no Apertium analyser of French on this machine" in run.stdout
    assert "'gobernanza global': no noun head known" in run.stdout


def test_recorded_values_are_what_the_term_says() -> None:
    glossary = load_glossary(CURATED)
    spanish = {term.text: term for _, term in glossary.terms("es")}
    community = spanish["comunidad de futuro compartido de la humanidad"]
    assert (community.gender, community.number) == ("feminine", "singular")
    assert spanish["desarrollo pacífico"].gender == "masculine"
    assert all(term.gender is None for _, term in glossary.terms("fr"))
