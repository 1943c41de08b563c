"""TBX structure a reader must not silently repair and a validator must not miss."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from termwise.cli import cli
from termwise.glossary import load_glossary
from termwise.glossary.model import TermStatus
from termwise.glossary.validate import validate_file

HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<tbx xmlns="urn:iso:std:iso:30042:ed:3.0" type="TBX-Basic" style="dca" xml:lang="en">\n'
)
HEADER = "<tbxHeader><fileDesc><sourceDesc><p>test</p></sourceDesc></fileDesc></tbxHeader>\n"
TERM = (
    "<termSec><term>win-win cooperation</term>"
    '<termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>'
)


def tbx(concept_inner: str, *, header: str = HEADER, before_body: str = "") -> str:
    return (
        f"{HEAD}{header}<text>{before_body}\n<body>\n"
        f'<conceptEntry id="T16">{concept_inner}\n'
        f'<langSec xml:lang="en">{TERM}</langSec></conceptEntry>\n'
        "</body></text></tbx>\n"
    )


def test_a_term_section_with_two_terms_keeps_both_and_says_so(tmp_path: Path) -> None:
    path = tmp_path / "two.tbx"
    path.write_text(
        HEAD + HEADER + '<text><body><conceptEntry id="T16"><langSec xml:lang="en">\n'
        "<termSec><term>win-win cooperation</term><term>mutually beneficial cooperation</term>"
        '<termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec>'
        "</langSec></conceptEntry></body></text></tbx>\n",
        encoding="utf-8",
    )
    loaded = load_glossary(path)
    terms = loaded.concept("T16").terms("en")
    assert [(t.text, t.status) for t in terms] == [
        ("win-win cooperation", TermStatus.DEPRECATED),
        ("mutually beneficial cooperation", TermStatus.DEPRECATED),
    ]
    (problem,) = loaded.problems
    assert problem.line == 5
    assert "holds 2 terms" in problem.message and "TBX allows one" in problem.message
    assert any("exactly one <term>" in p.message for p in validate_file(path))


@pytest.mark.parametrize(
    ("content", "line", "needle"),
    [
        (
            tbx(
                "",
                header="<tbxHeader><fileDesc><sourceDesc>Exported by a tool</sourceDesc>"
                "</fileDesc></tbxHeader>\n",
            ),
            3,
            "text directly in <sourceDesc>; header text belongs in <p>",
        ),
        (
            tbx(
                "",
                header="<tbxHeader><fileDesc>stray<sourceDesc><p>x</p></sourceDesc>"
                "</fileDesc></tbxHeader>\n",
            ),
            3,
            "text directly in <fileDesc>",
        ),
        (
            tbx("", before_body='<admin type="source">MultiTerm</admin>'),
            4,
            "<admin> directly in <text>",
        ),
        (tbx("<admin>no type</admin>"), 6, "<admin> without a type attribute"),
        (
            tbx(
                '<descripGrp><descrip type="definition">One.</descrip>'
                '<descrip type="definition">Two.</descrip></descripGrp>'
            ),
            6,
            "<descripGrp> must hold exactly one <descrip> (found 2)",
        ),
        (
            tbx(
                '<descripGrp><admin type="source">Oxford</admin>'
                '<descrip type="definition">One.</descrip></descripGrp>'
            ),
            6,
            "<descripGrp> must start with its <descrip>",
        ),
        (
            tbx(
                '<descripGrp><admin>x</admin><descrip type="definition">One.</descrip></descripGrp>'
            ),
            6,
            "<admin> without a type attribute",
        ),
    ],
    ids=[
        "text-in-sourceDesc",
        "text-in-fileDesc",
        "admin-in-text",
        "admin-without-type",
        "two-descrip-in-descripGrp",
        "descripGrp-not-led-by-descrip",
        "admin-without-type-in-descripGrp",
    ],
)
def test_validate_reports_structure(tmp_path: Path, content: str, line: int, needle: str) -> None:
    path = tmp_path / "bad.tbx"
    path.write_text(content, encoding="utf-8")
    problems = validate_file(path)
    assert any(needle in p.message and p.line == line for p in problems), problems
    result = CliRunner().invoke(cli, ["glossary", "validate", str(path)])
    assert result.exit_code == 1
    assert f"bad.tbx:{line}: " in result.output


def test_well_formed_groups_pass(tmp_path: Path) -> None:
    path = tmp_path / "good.tbx"
    path.write_text(
        tbx(
            '<descripGrp><descrip type="definition">A way of working together.</descrip>'
            '<admin type="source">key-terms.md</admin></descripGrp>'
        ),
        encoding="utf-8",
    )
    assert validate_file(path) == []
    dct = tmp_path / "dct.tbx"
    dct.write_text(
        '<tbx xmlns="urn:iso:std:iso:30042:ed:3.0" xmlns:basic="http://www.tbxinfo.net/ns/basic" '
        'xmlns:min="http://www.tbxinfo.net/ns/min" type="TBX-Basic" style="dct" xml:lang="en">'
        f"{HEADER}<text><body><conceptEntry id='c1'><langSec xml:lang='en'>"
        "<descripGrp><basic:definition>A group of stars.</basic:definition>"
        "<basic:source>Oxford2007</basic:source></descripGrp>"
        "<termSec><term>open cluster</term>"
        "<min:administrativeStatus>preferredTerm-admn-sts</min:administrativeStatus>"
        "<descripGrp><basic:context>Over 1100 are known.</basic:context>"
        "<basic:source>seds.org</basic:source></descripGrp></termSec>"
        "</langSec></conceptEntry></body></text></tbx>",
        encoding="utf-8",
    )
    assert validate_file(dct) == []
