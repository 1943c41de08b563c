"""A ``<term>`` inside a ``<term>`` is a broken file, not one term of both texts: it read as
"blade root joint" without a word (and "TSR TSR co" merged into the concept of "TSR").
The reader reports it at the inner element's line; ``<hi>`` markup is TBX's and stays
quiet."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from termwise.glossary.formats import read_file

NESTED = """<?xml version="1.0"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
<tbxHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></tbxHeader>
<text><body>
<conceptEntry id="n1"><langSec xml:lang="en"><termSec>
<term>blade
<term>root</term> joint</term>
<termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
</termSec></langSec></conceptEntry>
<conceptEntry id="n2"><langSec xml:lang="en"><termSec>
<term>tip <hi type="italics">speed</hi> ratio</term>
</termSec></langSec></conceptEntry>
</body></text></tbx>
"""


def test_a_term_inside_a_term_is_reported_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / "nest.tbx"
    path.write_text(NESTED, encoding="utf-8")
    loaded = read_file(path)
    assert [(p.path, p.line, p.message) for p in loaded.problems] == [
        (
            str(path),
            7,
            "<term> inside <term> 'blade root joint': a term holds only its text "
            "(and <hi> markup); one term per term section",
        )
    ]


def test_hi_markup_is_no_stray_element() -> None:
    from termwise.glossary.tbx import stray_in_term

    term = etree.fromstring('<term>tip <hi type="italics">speed</hi> ratio</term>')
    assert stray_in_term(term) == []
    nested = etree.fromstring("<term>a <hi>b <term>c</term></hi></term>")
    assert [element.tag for element, _ in stray_in_term(nested)] == ["term"]


def test_validate_fails_the_file_and_import_refuses_it(tmp_path: Path) -> None:
    from support.command_line import termwise

    (tmp_path / "nest.tbx").write_text(NESTED, encoding="utf-8")
    validated = termwise("glossary", "validate", "nest.tbx", cwd=tmp_path)
    assert validated.returncode == 1, validated.stdout + validated.stderr
    assert "nest.tbx:7: <term> inside <term> 'blade root joint'" in validated.stdout
    imported = termwise("--project", ".", "glossary", "import", "nest.tbx", cwd=tmp_path)
    assert imported.returncode == 2, imported.stdout + imported.stderr
    assert not (tmp_path / "glossary").exists()
