"""What a glossary round trip used to lose or change: cross-reference targets in TBX-Min,
its own ``termwise:`` notes on re-import, a transaction note's target, multi-line CSV notes,
and what ``glossary import`` says about languages."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from termwise.cli import cli
from termwise.errors import InputError
from termwise.glossary import load_glossary, save_glossary
from termwise.glossary.formats import WriteOptions
from termwise.glossary.model import Concept, Glossary, Term, TermStatus
from termwise.glossary.validate import validate_file

BASIC = """<?xml version="1.0" encoding="UTF-8"?>
<tbx xmlns="urn:iso:std:iso:30042:ed:3.0" type="TBX-Basic" style="dca" xml:lang="en">
<tbxHeader><fileDesc><sourceDesc><p>MultiTerm export</p></sourceDesc></fileDesc></tbxHeader>
<text><body>
<conceptEntry id="T08">
<transacGrp><transac type="transactionType">origination</transac><date>2010-04-17</date>
<transacNote type="responsibility" target="pe324as3">Tommy</transacNote></transacGrp>
<descrip type="subjectField">diplomacy</descrip>
<ref type="crossReference" target="T01">community with a shared future</ref>
<xref type="externalCrossReference" target="https://www.fmprc.gov.cn/">MFA</xref>
<langSec xml:lang="en">
<termSec><term>Belt and Road Initiative</term>
<termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
<termNote type="geographicalUsage">international</termNote>
<admin type="projectSubset">paper</admin>
<ref type="crossReference" target="T01">see also</ref></termSec>
</langSec></conceptEntry>
<conceptEntry id="T01"><langSec xml:lang="en">
<termSec><term>community with a shared future for mankind</term></termSec>
</langSec></conceptEntry>
</body></text></tbx>
"""


@pytest.mark.parametrize("style", ["dca", "dct"])
def test_tbx_min_export_keeps_targets_and_reads_back_without_warnings(
    tmp_path: Path, style: str
) -> None:
    source = tmp_path / "basic.tbx"
    source.write_text(BASIC, encoding="utf-8")
    original = load_glossary(source)
    assert original.problems == []
    out = tmp_path / "min.tbx"
    problems = save_glossary(original, out, options=WriteOptions(dialect="TBX-Min", style=style))
    assert problems  # it says what TBX-Min has no element for ...
    again = load_glossary(out)
    assert again.problems == []  # ... and reads its own notes back without a word
    assert again.concepts == original.concepts
    assert validate_file(out) == []
    text = out.read_text(encoding="utf-8")
    assert "T01" in text and "https://www.fmprc.gov.cn/" in text
    assert 'target="pe324as3"' in text


def test_tbx_basic_round_trip_keeps_the_transaction_note_target(tmp_path: Path) -> None:
    source = tmp_path / "basic.tbx"
    source.write_text(BASIC, encoding="utf-8")
    for style in ("dca", "dct"):
        out = tmp_path / f"out-{style}.tbx"
        save_glossary(load_glossary(source), out, options=WriteOptions(style=style))
        assert 'target="pe324as3">Tommy<' in out.read_text(encoding="utf-8")
        assert load_glossary(out).concepts == load_glossary(source).concepts


def test_multi_line_csv_notes_stay_whole(tmp_path: Path) -> None:
    glossary = Glossary(
        concepts=[
            Concept(
                id="T16",
                notes=["Official since 2013.\nSee the white paper, p. 4.", "Second note."],
                all_terms=[
                    Term(
                        "win-win cooperation",
                        "en",
                        TermStatus.PREFERRED,
                        notes=["Line one\nline two"],
                    ),
                    Term("合作共赢", "zh", TermStatus.PREFERRED),
                ],
            )
        ]
    )
    out = tmp_path / "g.csv"
    save_glossary(glossary, out, fmt="csv")
    again = load_glossary(out)
    assert again.concept("T16").notes == glossary.concepts[0].notes
    assert again.concept("T16").terms("en")[0].notes == ["Line one\nline two"]
    # A spreadsheet cell with a line break (Alt+Enter) is one note.
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(
        'en,en note,zh\nAIIB,"Asian Infrastructure\nInvestment Bank",亚投行\n', encoding="utf-8"
    )
    assert load_glossary(sheet).concepts[0].terms("en")[0].notes == [
        "Asian Infrastructure\nInvestment Bank"
    ]


def test_import_says_which_languages_it_kept(tmp_path: Path) -> None:
    source = tmp_path / "basic.tbx"
    source.write_text(
        BASIC.replace(
            "</langSec></conceptEntry>\n<conceptEntry",
            '</langSec><langSec xml:lang="cs"><termSec><term>Iniciativa Pás a stezka</term>'
            "</termSec></langSec></conceptEntry>\n<conceptEntry",
        ),
        encoding="utf-8",
    )
    runner = CliRunner()
    out = tmp_path / "out.tbx"
    result = runner.invoke(
        cli, ["glossary", "import", str(source), "-o", str(out), "--from", "en", "--to", "fr"]
    )
    # A --to the file does not hold is an error naming both (#16), not an import of en alone.
    assert isinstance(result.exception, InputError)
    assert "--to fr: the file has no terms in fr (its languages: en, cs)" in str(result.exception)
    assert not out.exists()
    result = runner.invoke(
        cli, ["glossary", "import", str(source), "-o", str(out), "--from", "en", "--to", "cs"]
    )
    assert result.exit_code == 0, result.output
    assert "languages: en, cs (from the flags)" in result.output
    result = runner.invoke(
        cli, ["glossary", "import", str(source), "-o", str(out), "--from", "de", "--to", "fr"]
    )
    assert isinstance(result.exception, InputError)  # exit status 2 from the console script
    assert "--from de: the file has no terms in de (its languages: en, cs)" in str(result.exception)
    result = runner.invoke(cli, ["glossary", "import", str(source), "-o", str(out)])
    assert "languages: en, cs (from the file)" in result.output
