"""Imports that used to succeed silently, through the installed ``termwise`` command.

Each refusal is one line on stderr naming the file (and the line where there is one), exit
status 2, and nothing written: no ``translations/`` folder, no glossary file.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

TERMWISE = Path(sys.executable).parent / "termwise"
SRC = Path(__file__).resolve().parents[2] / "src"

PAPER = (
    "China proposed the community of human destiny. It is a concept of life.\n\n"
    "The Belt and Road Initiative connects many countries.\n"
)
SENTENCES = [
    "China proposed the community of human destiny.",
    "It is a concept of life.",
    "The Belt and Road Initiative connects many countries.",
]
XLIFF2_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" '
    'trgLang="es">\n<file id="f1">\n'
)


def termwise(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    # The command under test is this checkout's code, whichever tree the venv was installed from.
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(SRC), env.get("PYTHONPATH")]))
    return subprocess.run(
        [str(TERMWISE), "--project", str(project), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "proj"
    root.mkdir()
    (root / "paper.txt").write_text(PAPER, encoding="utf-8")
    return root


def refused(result: subprocess.CompletedProcess[str], where: str) -> str:
    """The one error line; asserts exit 2, one line, and that it starts with ``where``."""
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"termwise: error: {where}"), lines[0]
    return lines[0]


def nothing_written(project: Path) -> None:
    assert sorted(p.name for p in project.iterdir()) == ["paper.txt"]


def import_file(project: Path, path: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return termwise(project, "import", str(path), "--doc", str(project / "paper.txt"), *extra)


def test_tmx_without_the_target_language_names_the_languages_it_has(
    project: Path, tmp_path: Path
) -> None:
    units = "".join(
        f'<tu><tuv xml:lang="en-US"><seg>{text}</seg></tuv>'
        f'<tuv xml:lang="zh-CN"><seg>中文 {n}</seg></tuv></tu>\n'
        for n, text in enumerate(SENTENCES * 337)  # 1,011 units, as in the report
    )
    tmx = tmp_path / "en-zh.tmx"
    tmx.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="t" '
        'creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en-US" '
        f'datatype="plaintext"/>\n<body>\n{units}</body></tmx>\n',
        encoding="utf-8",
    )
    line = refused(import_file(project, tmx, "--to", "fr"), f"{tmx}: ")
    assert "no unit has a fr variant" in line
    assert "1,011 units have variants in en-US (1,011), zh-CN (1,011)" in line
    nothing_written(project)
    # The same file into Chinese imports.
    assert import_file(project, tmx, "--to", "zh").returncode == 0


def test_xliff2_with_an_ec_before_its_sc_is_refused_and_imported_leniently(
    project: Path, tmp_path: Path
) -> None:
    xlf = tmp_path / "ec-before-sc.xlf"
    xlf.write_text(
        XLIFF2_HEAD + '<unit id="u1"><segment><source>China proposed the '
        '<ec startRef="1"/>community<sc id="1"/> of human destiny.</source>\n'
        "<target>China propuso la comunidad de destino.</target></segment></unit>\n"
        "</file></xliff>\n",
        encoding="utf-8",
    )
    line = refused(import_file(project, xlf, "--to", "es"), f"{xlf}:4: ")
    assert "<ec startRef='1'> in <source> of unit 'u1': its <sc id='1'> is not opened" in line
    assert "[XLIFF 2: inline code pairing and order]" in line
    assert "(1 more deviation)" in line  # the <sc> is never closed either
    nothing_written(project)
    result = import_file(project, xlf, "--to", "es", "--lenient")
    assert result.returncode == 0, result.stderr
    deviations = [x for x in result.stderr.splitlines() if "imported with --lenient" in x]
    assert len(deviations) == 2 and all(f"{xlf}:4:" in x for x in deviations)
    assert "segments filled:        1" in result.stdout


def test_xliff2_rules_a_schema_cannot_express(project: Path, tmp_path: Path) -> None:
    cases = {
        "duplicate unit ids": (
            '<unit id="u1"><segment><source>It is a concept of life.</source>'
            "<target>Es un concepto de vida.</target></segment></unit>\n"
            '<unit id="u1"><segment><source>China proposed the community of human destiny.'
            "</source><target>China propuso.</target></segment></unit>\n",
            ":5: <unit> or <group> id 'u1' is used twice in file 'f1' (first on line 4)",
        ),
        "a dangling dataRef": (
            '<unit id="u1"><segment><source>It is<ph id="1" dataRef="d9"/> a concept of life.'
            "</source><target>Es un concepto de vida.</target></segment></unit>\n",
            ":4: <ph dataRef='d9'> in unit 'u1' points to no <data>",
        ),
        "an <sc> never closed": (
            '<unit id="u1"><segment><source><sc id="1"/>It is a concept of life.</source>'
            "<target>Es un concepto de vida.</target></segment></unit>\n",
            ":4: <sc id='1'> in <source> of unit 'u1' is never closed",
        ),
        "an <ec> closing an isolated <sc>": (
            '<unit id="u1"><segment><source><sc id="1" isolated="yes"/>It is a concept of life.'
            '<ec startRef="1"/></source><target>Es un concepto de vida.</target></segment></unit>\n',
            ":4: <ec startRef='1'> in <source> of unit 'u1' closes an <sc> marked isolated",
        ),
        "a subState without state": (
            '<unit id="u1"><segment subState="x:y"><source>It is a concept of life.</source>'
            "<target>Es un concepto de vida.</target></segment></unit>\n",
            ":4: <segment> in unit 'u1' has a subState but no state [XLIFF 2: subState needs state]",
        ),
        "a target without trgLang": (
            '<unit id="u1"><segment><source>It is a concept of life.</source>'
            "<target>Es un concepto de vida.</target></segment></unit>\n",
            ":2: the file has <target> elements but <xliff> has no trgLang",
        ),
    }
    for name, (units, expected) in cases.items():
        xlf = tmp_path / f"{name.replace(' ', '-')}.xlf"
        head = XLIFF2_HEAD.replace(' trgLang="es"', "") if "trgLang" in name else XLIFF2_HEAD
        xlf.write_text(head + units + "</file></xliff>\n", encoding="utf-8")
        line = refused(import_file(project, xlf, "--to", "es"), str(xlf))
        assert expected in line, (name, line)
        nothing_written(project)


def test_xliff12_and_tmx_are_checked_against_their_schemas(project: Path, tmp_path: Path) -> None:
    xlf = tmp_path / "no-datatype.xlf"
    xlf.write_text(
        '<?xml version="1.0"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
        '\n<file original="p" source-language="en" target-language="es">\n<body>\n'
        '<trans-unit id="1"><source>It is a concept of life.</source>'
        "<target>Es un concepto de vida.</target></trans-unit>\n</body></file></xliff>\n",
        encoding="utf-8",
    )
    line = refused(import_file(project, xlf, "--to", "es"), f"{xlf}:3: ")
    assert "attribute 'datatype' is required" in line and "[XLIFF 1.2 strict schema]" in line
    tmx = tmp_path / "bare-header.tmx"
    tmx.write_text(
        '<?xml version="1.0"?>\n<tmx version="1.4"><header srclang="en"/>\n<body><tu>'
        '<tuv xml:lang="en"><seg>It is a concept of life.</seg></tuv>'
        '<tuv xml:lang="es"><seg>Es un concepto de vida.</seg></tuv></tu></body></tmx>\n',
        encoding="utf-8",
    )
    line = refused(import_file(project, tmx, "--to", "es"), f"{tmx}:2: ")
    assert "[TMX 1.4 DTD]" in line
    nothing_written(project)


def test_a_file_that_matches_nothing_or_translates_nothing_is_refused(
    project: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere.xlf"
    elsewhere.write_text(
        XLIFF2_HEAD + '<unit id="u1"><segment><source>A sentence from another paper.</source>'
        "<target>Una frase de otro artículo.</target></segment></unit>\n</file></xliff>\n",
        encoding="utf-8",
    )
    line = refused(import_file(project, elsewhere, "--to", "es"), f"{elsewhere}:4: ")
    assert "none of the file's 1 units matches a sentence of paper.txt" in line
    untranslated = tmp_path / "untranslated.xlf"
    untranslated.write_text(
        XLIFF2_HEAD.replace(' trgLang="es"', "")
        + '<unit id="u1"><segment><source>It is a concept of life.</source></segment></unit>\n'
        "</file></xliff>\n",
        encoding="utf-8",
    )
    line = refused(import_file(project, untranslated, "--to", "es"), f"{untranslated}: ")
    assert "none of the file's 1 unit has a translation into es (the file is en → ?" in line
    nothing_written(project)


def test_to_contradicting_the_file_names_both(project: Path, tmp_path: Path) -> None:
    xlf = tmp_path / "es.xlf"
    xlf.write_text(
        XLIFF2_HEAD + '<unit id="u1"><segment><source>It is a concept of life.</source>'
        "<target>Es un concepto de vida.</target></segment></unit>\n</file></xliff>\n",
        encoding="utf-8",
    )
    line = refused(import_file(project, xlf, "--to", "de"), f"{xlf}:4: ")
    assert "translates into es, not de" in line
    nothing_written(project)


# -- glossary import -------------------------------------------------------------------


def test_omegat_glossary_with_only_malformed_lines_is_refused(
    project: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "glossary_en_zh_CN_.txt"
    bad.write_text("AIIB 亚投行\nwin-win cooperation\n\t合作共赢\n", encoding="utf-8")
    out = project / "glossary"
    result = termwise(project, "glossary", "import", str(bad), "-o", str(out))
    line = refused(result, f"{bad}:1: ")
    assert "no usable entry: 3 lines skipped, none valid" in line
    assert "expected source<TAB>target" in line
    nothing_written(project)


def test_glossary_flags_contradicting_the_file_name_both(project: Path, tmp_path: Path) -> None:
    tbx = Path(__file__).resolve().parents[1] / "data" / "project" / "mini-glossary.tbx"
    out = project / "glossary"
    result = termwise(project, "glossary", "import", str(tbx), "-o", str(out), "--to", "fr")
    line = refused(result, f"{tbx}: ")
    assert "--to fr: the file has no terms in fr (its languages: en, es)" in line
    omegat = tmp_path / "terms.txt"
    omegat.write_text("# source: en, target: zh\nAIIB\t亚投行\n", encoding="utf-8")
    result = termwise(
        project, "glossary", "import", str(omegat), "-o", str(out), "--from", "en", "--to", "ja"
    )
    line = refused(result, f"{omegat}:1: ")
    assert "--to ja contradicts the file, whose target language is zh" in line
    nothing_written(project)


def test_invalid_tbx_is_refused_unless_lenient(project: Path, tmp_path: Path) -> None:
    tbx = tmp_path / "two-terms.tbx"
    tbx.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en">\n'
        "<tbxHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></tbxHeader>\n"
        '<text><body><conceptEntry id="c1"><langSec xml:lang="en">\n'
        "<termSec><term>win-win cooperation</term>\n"
        '<termNote type="administrativeStatus">preferred</termNote></termSec>\n'
        "</langSec></conceptEntry></body></text></tbx>\n",
        encoding="utf-8",
    )
    out = project / "glossary"
    line = refused(termwise(project, "glossary", "import", str(tbx), "-o", str(out)), f"{tbx}:6")
    assert "preferred" in line and "--lenient" in line
    nothing_written(project)
    result = termwise(project, "glossary", "import", str(tbx), "-o", str(out), "--lenient")
    assert result.returncode == 0, result.stderr
    assert "problem (imported with --lenient)" in result.stderr
    assert (out / "two-terms.tbx").exists()


def test_tmx_units_without_a_source_variant_are_refused(project: Path, tmp_path: Path) -> None:
    tmx = tmp_path / "no-source.tmx"
    tmx.write_text(
        '<?xml version="1.0"?>\n<tmx version="1.4"><header creationtool="t" '
        'creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en-US" '
        'datatype="plaintext"/>\n<body>\n'
        '<tu><tuv xml:lang="en-GB"><seg>It is a concept of life.</seg></tuv>'
        '<tuv xml:lang="es"><seg>Es un concepto de vida.</seg></tuv></tu>\n'
        '<tu><tuv xml:lang="fr"><seg>C\'est un concept.</seg></tuv>'
        '<tuv xml:lang="es"><seg>Es un concepto.</seg></tuv></tu>\n</body></tmx>\n',
        encoding="utf-8",
    )
    line = refused(import_file(project, tmx, "--to", "es"), f"{tmx}:5: ")
    assert "<tu> has no variant in the source language en-us (it has fr, es)" in line
    nothing_written(project)


def test_xliff12_segment_marks_the_source_lacks_are_refused(project: Path, tmp_path: Path) -> None:
    # XLIFF 1.1, as translate-toolkit writes it: no schema is shipped, the rule still holds
    # (the 1.2 strict schema has it as a keyref).
    xlf = tmp_path / "mids.xlf"
    xlf.write_text(
        '<?xml version="1.0"?>\n<xliff version="1.1" xmlns="urn:oasis:names:tc:xliff:document:1.1">'
        '\n<file original="p" source-language="en" target-language="es" datatype="plaintext">'
        '<body>\n<trans-unit id="1"><source>It is a concept of life.</source>\n'
        '<seg-source><mrk mtype="seg" mid="1">It is a concept of life.</mrk></seg-source>\n'
        '<target><mrk mtype="seg" mid="2">Es un concepto de vida.</mrk></target>\n'
        "</trans-unit></body></file></xliff>\n",
        encoding="utf-8",
    )
    line = refused(import_file(project, xlf, "--to", "es"), f"{xlf}:6: ")
    assert "<target> has a segment mid='2' that <seg-source> lacks" in line
    nothing_written(project)


def test_an_export_only_file_or_a_document_is_refused_with_what_import_takes(
    project: Path, tmp_path: Path
) -> None:
    # Read as PO, the CSV export said "not PO syntax: 'id,kind,source,…'".
    table = tmp_path / "paper.csv"
    table.write_text("id,kind,source,target\nabc,sentence,Hello.,Hola.\n", encoding="utf-8")
    line = refused(import_file(project, table, "--to", "es"), f"{table}:1: ")
    assert "CSV is not a format termwise imports: import takes TMX, XLIFF or PO" in line
    assert "`export --format xliff`" in line
    translated = tmp_path / "paper.es.txt"
    translated.write_text("Hola. Esto es todo.\n", encoding="utf-8")
    line = refused(import_file(project, translated, "--to", "es"), f"{translated}:1: ")
    assert "termwise align SOURCE TARGET" in line
    nothing_written(project)
