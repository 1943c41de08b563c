"""Interchange: TBX round trips, CSV and OmegaT, files written by real tools, broken files."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from termwise.cli import cli
from termwise.errors import InputError
from termwise.glossary import load_glossary, save_glossary
from termwise.glossary.formats import WriteOptions
from termwise.glossary.model import TermStatus
from termwise.glossary.validate import validate_file

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent


@pytest.fixture(scope="module")
def curated():
    return load_glossary(ROOT / "glossary")


@pytest.mark.parametrize(
    ("dialect", "style"),
    [("TBX-Basic", "dca"), ("TBX-Basic", "dct"), ("TBX-Min", "dca"), ("TBX-Min", "dct")],
)
def test_tbx_round_trip_keeps_every_field(curated, tmp_path: Path, dialect, style) -> None:
    out = tmp_path / "out.tbx"
    problems = save_glossary(curated, out, options=WriteOptions(dialect=dialect, style=style))
    if dialect == "TBX-Min":
        assert any("TBX-Min has no element for source" in p.message for p in problems)
    else:
        assert problems == []
    again = load_glossary(out)
    assert again.concepts == curated.concepts
    assert again.problems == []
    assert validate_file(out) == []


def test_tbx_is_pretty_printed_one_element_per_line(tmp_path: Path, curated) -> None:
    out = tmp_path / "g.tbx"
    save_glossary(curated, out)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert sum(1 for line in lines if line.strip().startswith("<term>")) == sum(
        len(c.all_terms) for c in curated.concepts
    )
    assert all(line.count("<termSec>") <= 1 for line in lines)


def test_csv2tbx_output_is_read(tmp_path: Path) -> None:
    source = tmp_path / "terms.csv"
    source.write_text(
        "source,target\nAIIB,亚投行\nwin-win cooperation,合作共赢\n", encoding="utf-8"
    )
    out = tmp_path / "terms.tbx"
    subprocess.run(
        [str(VENV_BIN / "csv2tbx"), str(source), str(out)], check=True, capture_output=True
    )
    loaded = load_glossary(out)
    assert [c.id for c in loaded.concepts] == ["AIIB", "win-win cooperation"]
    assert [t.text for t in loaded.concepts[0].terms("en")] == ["AIIB"]
    # csv2tbx writes its placeholder language "xx" for the target.
    assert [t.text for t in loaded.concepts[0].terms("xx")] == ["亚投行"]


def test_tbx_2008_ntig_termgrp(tmp_path: Path) -> None:
    path = tmp_path / "ntig.tbx"
    path.write_text(
        """<?xml version="1.0"?>
<martif type="TBX" xml:lang="en"><martifHeader><fileDesc><sourceDesc><p>x</p></sourceDesc>
</fileDesc></martifHeader><text><body>
<termEntry id="e1"><descrip type="subjectField">diplomacy</descrip>
<langSet xml:lang="en"><ntig><termGrp><term>win-win cooperation</term>
<termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termGrp>
<descrip type="context">on the basis of win-win cooperation</descrip></ntig>
<ntig><termGrp><term>cooperation and win-win</term>
<termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termGrp></ntig>
</langSet><langSet xml:lang="zh-CN"><tig><term>合作共赢</term></tig></langSet>
</termEntry></body></text></martif>""",
        encoding="utf-8",
    )
    concept = load_glossary(path).concept("e1")
    assert concept.subject_field == "diplomacy"
    en = concept.terms("en")
    assert [(t.text, t.status) for t in en] == [
        ("win-win cooperation", TermStatus.PREFERRED),
        ("cooperation and win-win", TermStatus.DEPRECATED),
    ]
    assert en[0].context == "on the basis of win-win cooperation"
    assert concept.terms("zh")[0].text == "合作共赢"


@pytest.mark.parametrize(
    ("content", "line"),
    [
        (b"<tbx><text><body><conceptEntry id='a'>\n<langSec></tbx>", 2),
        (
            b"<?xml version='1.0'?>\n<!DOCTYPE tbx [\n<!ENTITY a 'aaaaaaaaaa'>\n"
            b"<!ENTITY b '&a;&a;&a;&a;&a;&a;&a;&a;'>\n]>\n<tbx>&b;</tbx>",
            3,
        ),
    ],
)
def test_malformed_xml_and_entity_bomb_are_input_errors(tmp_path: Path, content, line) -> None:
    path = tmp_path / "bad.tbx"
    path.write_bytes(content)
    with pytest.raises(InputError) as raised:
        load_glossary(path)
    assert raised.value.path == str(path)
    assert raised.value.line == line


def test_external_entity_is_not_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")
    path = tmp_path / "xxe.tbx"
    path.write_text(
        f'<?xml version="1.0"?><!DOCTYPE tbx [<!ENTITY x SYSTEM "file://{secret}">]>'
        "<tbx><text><body/></text></tbx>",
        encoding="utf-8",
    )
    with pytest.raises(InputError):
        load_glossary(path)


def test_binary_file_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "g.tbx"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(InputError) as raised:
        load_glossary(path)
    assert "binary" in str(raised.value)


def test_validate_reports_each_violation_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "v.tbx"
    path.write_text(
        """<?xml version="1.0"?>
<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en">
<tbxHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></tbxHeader>
<text><body>
<conceptEntry id="c1">
<langSec xml:lang="en"><termSec><term>a</term>
<termNote type="administrativeStatus">preferred</termNote>
<descrip type="subjectField">misplaced</descrip>
</termSec></langSec>
</conceptEntry>
<conceptEntry id="c1"><langSec><termSec><term>b</term></termSec></langSec></conceptEntry>
</body></text></tbx>""",
        encoding="utf-8",
    )
    problems = validate_file(path)
    lines = sorted((p.line, p.message.split(" ")[0]) for p in problems)
    assert [line for line, _ in lines] == [7, 8, 11, 11]
    result = CliRunner().invoke(cli, ["glossary", "validate", str(path)])
    assert result.exit_code == 1
    assert f"{path}:7:" in result.output


def test_csv_with_header_status_and_notes(tmp_path: Path) -> None:
    path = tmp_path / "g.csv"
    path.write_text(
        "id;en;en status;zh-CN;note\n"
        'T25;responsible major country;preferred;负责任大国;"official; 2024"\n'
        "T25;responsible big country;deprecated;;\n",
        encoding="utf-8-sig",
    )
    concept = load_glossary(path).concept("T25")
    assert [(t.text, t.status) for t in concept.terms("en")] == [
        ("responsible major country", TermStatus.PREFERRED),
        ("responsible big country", TermStatus.DEPRECATED),
    ]
    assert concept.terms("zh")[0].text == "负责任大国"
    assert concept.notes == ["official; 2024"]


def test_csv_without_header_and_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "terms_en_zh_CN_.csv"
    path.write_text(
        'AIIB,亚投行,bank\n"win-win "x" cooperation",合作共赢\n"unclosed,quote\n'
        'global governance,全球治理,"comment, with comma"\n',
        encoding="utf-8",
    )
    loaded = load_glossary(path)
    assert [c.terms("en")[0].text for c in loaded.concepts] == ["AIIB", "global governance"]
    # A line's comment belongs to its pair: the target term, not the concept.
    assert loaded.concepts[1].terms("zh")[0].notes == ["comment, with comma"]
    assert loaded.concepts[1].notes == []
    assert [p.line for p in loaded.problems] == [2, 3]
    with pytest.raises(InputError):
        load_glossary(tmp_path.joinpath("x.csv").write_text("a,b\n") and tmp_path / "x.csv")


def test_csv_round_trip_keeps_terms_statuses_and_notes(curated, tmp_path: Path) -> None:
    out = tmp_path / "g.csv"
    problems = save_glossary(curated, out, fmt="csv")
    # Every field has a column now; only the file's title and description stay behind.
    assert [p.message for p in problems] == [
        "CSV cannot hold the glossary's title and description: 1 entry not written"
    ]
    again = load_glossary(out)
    for before, after in zip(curated.concepts, again.concepts, strict=True):
        assert before.id == after.id
        assert [(t.text, t.lang, t.status, t.notes) for t in before.all_terms] == [
            (t.text, t.lang, t.status, t.notes) for t in after.all_terms
        ] or sorted((t.text, t.lang, t.status.value) for t in before.all_terms) == sorted(
            (t.text, t.lang, t.status.value) for t in after.all_terms
        )
        assert before.notes == after.notes


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
def test_omegat_round_trip_in_every_encoding(curated, tmp_path: Path, encoding) -> None:
    out = tmp_path / "paper.txt"
    options = WriteOptions(source_lang="en", target_lang="zh", encoding=encoding)
    problems = save_glossary(curated, out, fmt="omegat", options=options)
    assert any("no term status" in p.message for p in problems)
    first = load_glossary(out, fmt="omegat")
    again_path = tmp_path / "again.txt"
    save_glossary(first, again_path, fmt="omegat", options=options)
    assert load_glossary(again_path, fmt="omegat").concepts == first.concepts
    pairs = {(c.terms("en")[0].text, t.text) for c in first.concepts for t in c.terms("zh")}
    assert ("responsible major country", "负责任大国") in pairs
    assert not any(en == "responsible big country" for en, _ in pairs)


def test_omegat_bad_lines_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "g_en_zh.txt"
    path.write_text("# comment\nAIIB\t亚投行\tbank\nno tab here\n\t空\n", encoding="utf-8")
    loaded = load_glossary(path, fmt="omegat")
    assert len(loaded.concepts) == 1
    assert [p.line for p in loaded.problems] == [3, 4]


def _groovy() -> list[str] | None:
    groovy = shutil.which("groovy")
    jar = Path("/usr/share/omegat/OmegaT.jar")
    if groovy is None or not jar.exists():
        return None
    return [groovy, "-cp", str(jar)]


def test_real_omegat_reads_ours_and_we_read_omegats(curated, tmp_path: Path) -> None:
    command = _groovy()
    if command is None:
        pytest.fail("OmegaT (Debian package omegat) and groovy are needed for this test")
    ours = tmp_path / "ours.txt"
    save_glossary(
        curated, ours, fmt="omegat", options=WriteOptions(source_lang="en", target_lang="zh")
    )
    theirs = tmp_path / "theirs.txt"
    script = tmp_path / "omegat.groovy"
    script.write_text(
        "import org.omegat.gui.glossary.*\n"
        "for (e in GlossaryReaderTSV.read(new File(args[0]), false)) {\n"
        "  println(e.getSrcText() + '|' + e.getLocText()) }\n"
        "def f = new File(args[1])\n"
        "GlossaryReaderTSV.append(f, new GlossaryEntry('community of human destiny', "
        "'人类命运共同体', 'paper rendering', false))\n"
        "GlossaryReaderTSV.append(f, new GlossaryEntry('AIIB', '亚投行', '', false))\n",
        encoding="utf-8",
    )
    env = dict(os.environ)
    java = shutil.which("java")
    if java and "JAVA_HOME" not in env:
        env["JAVA_HOME"] = str(Path(os.path.realpath(java)).parents[1])
    result = subprocess.run(
        [*command, str(script), str(ours), str(theirs)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    read_by_omegat = set(result.stdout.splitlines())
    assert "responsible major country|负责任大国" in read_by_omegat
    assert "Belt and Road Initiative|一带一路" in read_by_omegat
    loaded = load_glossary(theirs, fmt="omegat", source_lang="en", target_lang="zh")
    pairs = [
        (c.terms("en")[0].text, c.terms("zh")[0].text, c.terms("zh")[0].notes)
        for c in loaded.concepts
    ]
    assert pairs == [
        ("community of human destiny", "人类命运共同体", ["paper rendering"]),
        ("AIIB", "亚投行", []),
    ]


def test_cli_show_json_and_find(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["--project", str(ROOT), "glossary", "show", "--format", "json"])
    assert result.exit_code == 0, result.output
    import json

    data = json.loads(result.output)
    t01 = data["concepts"][0]
    assert t01["id"] == "T01"
    statuses = {t["text"]: t["status"] for t in t01["languages"]["en"]["terms"]}
    assert statuses["community of human destiny"] == "deprecated"
    result = runner.invoke(
        cli,
        ["--project", str(ROOT), "glossary", "find", "a responsible big country", "--lang", "en"],
    )
    assert "T25 deprecated" in result.output and "responsible major country" in result.output


def test_cli_import_says_where_languages_came_from(tmp_path: Path) -> None:
    source = tmp_path / "paper_en_zh_CN_.txt"
    source.write_text("AIIB\t亚投行\n", encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(
        cli,
        [
            "--project",
            str(tmp_path),
            "glossary",
            "import",
            str(source),
            "-o",
            str(tmp_path / "out.tbx"),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "languages: en, zh (from the file name)" in result.output
    assert load_glossary(tmp_path / "out.tbx").concepts[0].terms("zh")[0].text == "亚投行"
    result = runner.invoke(
        cli,
        [
            "glossary",
            "import",
            str(source),
            "-o",
            str(tmp_path / "o2.tbx"),
            "--from",
            "en",
            "--to",
            "ja",
        ],
    )
    assert "(from the flags)" in result.output
    assert load_glossary(tmp_path / "o2.tbx").concepts[0].terms("ja")


def test_tbx_v3_dct_basic_and_min_are_read(tmp_path: Path) -> None:
    path = tmp_path / "dct.tbx"
    path.write_text(
        """<?xml version="1.0" encoding="utf-8"?>
<tbx type="TBX-Basic" style="dct" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed:3.0"
     xmlns:min="http://www.tbxinfo.net/ns/min" xmlns:basic="http://www.tbxinfo.net/ns/basic">
<tbxHeader><fileDesc><sourceDesc><p>MultiTerm export</p></sourceDesc></fileDesc></tbxHeader>
<text><body><conceptEntry id="c1">
<transacGrp><basic:transactionType>origination</basic:transactionType><date>2010-04-17</date>
</transacGrp>
<basic:subjectField>General</basic:subjectField>
<langSec xml:lang="en"><descripGrp><basic:definition>A group of stars.</basic:definition>
<basic:source>Oxford2007</basic:source></descripGrp>
<termSec><term>open cluster</term><min:partOfSpeech>noun</min:partOfSpeech>
<min:administrativeStatus>preferredTerm-admn-sts</min:administrativeStatus>
<basic:termType>fullForm</basic:termType>
<descripGrp><basic:context>Over 1100 open clusters are known.</basic:context>
<basic:source>seds.org</basic:source></descripGrp></termSec>
<termSec><term>galactic cluster</term>
<min:administrativeStatus>supersededTerm-admn-sts</min:administrativeStatus></termSec>
</langSec></conceptEntry></body></text></tbx>""",
        encoding="utf-8",
    )
    loaded = load_glossary(path)
    concept = loaded.concept("c1")
    assert concept.subject_field == "General"
    assert concept.lang_definitions == {"en": "A group of stars."}
    first, second = concept.terms("en")
    assert (first.part_of_speech, first.term_type, first.context) == (
        "noun",
        "fullForm",
        "Over 1100 open clusters are known.",
    )
    # "seds.org" is the context's source (they share a descripGrp), not the term's.
    assert first.source is None
    assert [(e.element, e.type, e.value) for e in first.extra] == [
        ("descripGrp:context>admin", "source", "seds.org")
    ]
    assert second.status is TermStatus.SUPERSEDED
    # The transaction and the definition's source have no model field: kept as they came.
    assert [(e.element, e.type, e.value) for e in concept.extra] == [
        ("transacGrp", "origination", "2010-04-17"),
        ("langSec:en:descripGrp:definition>admin", "source", "Oxford2007"),
    ]
    # ... and written back as it came, in either style, each source in its group.
    for style in ("dca", "dct"):
        out = tmp_path / f"out-{style}.tbx"
        save_glossary(loaded, out, options=WriteOptions(style=style))
        assert load_glossary(out).concepts == loaded.concepts
        assert validate_file(out) == []
        text = " ".join(out.read_text(encoding="utf-8").split())
        assert text.count("<descripGrp>") == 2
        if style == "dca":
            assert (
                '<descripGrp> <descrip type="definition">A group of stars.</descrip> '
                '<admin type="source">Oxford2007</admin> </descripGrp>' in text
            )
            assert (
                '<descripGrp> <descrip type="context">Over 1100 open clusters are known.'
                '</descrip> <admin type="source">seds.org</admin> </descripGrp>' in text
            )


def test_tbx_min_2013_status_values(tmp_path: Path) -> None:
    path = tmp_path / "min.tbx"
    path.write_text(
        '<tbx type="TBX-Min" style="dca" xml:lang="en"><header/><text><body>'
        '<conceptEntry id="1"><langSec xml:lang="en"><termSec><term>a</term>'
        '<termNote type="administrativeStatus">notRecommended</termNote></termSec>'
        '<termSec><term>b</term><termNote type="administrativeStatus">obsolete</termNote>'
        "</termSec></langSec></conceptEntry></body></text></tbx>",
        encoding="utf-8",
    )
    terms = load_glossary(path).concept("1").terms("en")
    assert [t.status for t in terms] == [TermStatus.DEPRECATED, TermStatus.SUPERSEDED]


def test_utf16_csv_with_language_names_in_the_header(tmp_path: Path) -> None:
    path = tmp_path / "g.csv"
    path.write_text("English\tChinese\nwin-win cooperation\t合作共赢\n", encoding="utf-16")
    concept = load_glossary(path).concepts[0]
    assert concept.terms("en")[0].text == "win-win cooperation"
    assert concept.terms("zh")[0].text == "合作共赢"


def test_folder_of_files_is_merged(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text("id,en,zh\nT1,AIIB,亚投行\n", encoding="utf-8")
    (tmp_path / "b.csv").write_text("id,fr\nT1,BAII\n", encoding="utf-8")
    (tmp_path / "b.csv~").write_text("broken", encoding="utf-8")
    loaded = load_glossary(tmp_path)
    assert loaded.concept("T1").languages() == ["en", "zh", "fr"]


def test_empty_and_missing_files(tmp_path: Path) -> None:
    empty = tmp_path / "e.tbx"
    empty.write_bytes(b"")
    with pytest.raises(InputError):
        load_glossary(empty)
    with pytest.raises(InputError):
        load_glossary(tmp_path / "missing.tbx")


def test_cli_export_reports_what_the_format_cannot_hold(tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "g.csv"
    result = runner.invoke(
        cli, ["--project", str(ROOT), "glossary", "export", "--format", "csv", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "CSV cannot hold the glossary's title" in result.output
    assert "CSV cannot hold part of speech" not in result.output
    assert load_glossary(out).concept("T25").terms("en")[1].text == "responsible big country"
    out = tmp_path / "min.tbx"
    result = runner.invoke(
        cli,
        [
            "--project",
            str(ROOT),
            "glossary",
            "export",
            "--format",
            "tbx",
            "--dialect",
            "min",
            "-o",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    assert 'type="TBX-Min"' in out.read_text(encoding="utf-8")


def test_cli_bad_file_exits_non_zero_with_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tbx"
    bad.write_text("<tbx>\n<text>\n</tbx>", encoding="utf-8")
    result = subprocess.run(
        [str(VENV_BIN / "termwise"), "glossary", "show", str(bad)],
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert f"{bad}:3:" in result.stderr


def test_csv_header_with_an_unknown_column_is_still_a_header(tmp_path: Path) -> None:
    path = tmp_path / "g.csv"
    path.write_text("en,zh,Domain code\nAIIB,亚投行,FIN\n", encoding="utf-8")
    loaded = load_glossary(path)
    assert loaded.concepts[0].terms("zh")[0].text == "亚投行"
    assert [(p.line, "Domain code" in p.message) for p in loaded.problems] == [(1, True)]
