"""OmegaT glossary rows that share a source: one concept, each pair keeping its own comment."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from termwise.glossary import load_glossary, save_glossary
from termwise.glossary.formats import WriteOptions
from termwise.glossary.model import TermStatus

OMEGAT_JAR = Path("/usr/share/omegat/OmegaT.jar")


def omegat(script: str, tmp_path: Path, *args: Path) -> str:
    """Run a Groovy script against OmegaT's own glossary classes; return what it printed."""
    groovy = shutil.which("groovy")
    if groovy is None or not OMEGAT_JAR.exists():
        pytest.fail("OmegaT (Debian package omegat) and groovy are needed for this test")
    path = tmp_path / "omegat.groovy"
    path.write_text(script, encoding="utf-8")
    env = dict(os.environ)
    java = shutil.which("java")
    if java and "JAVA_HOME" not in env:
        env["JAVA_HOME"] = str(Path(os.path.realpath(java)).parents[1])
    result = subprocess.run(
        [groovy, "-cp", str(OMEGAT_JAR), str(path), *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_rows_with_one_source_keep_their_comments_through_a_round_trip(tmp_path: Path) -> None:
    theirs = tmp_path / "glossary.txt"
    omegat(
        "import org.omegat.gui.glossary.*\n"
        "def f = new File(args[0])\n"
        "GlossaryReaderTSV.append(f, new GlossaryEntry('community of human destiny', "
        "'人类命运共同体', 'official Chinese', false))\n"
        "GlossaryReaderTSV.append(f, new GlossaryEntry('community of human destiny', "
        "'命运共同体', 'short form, paper p. 3', false))\n"
        "GlossaryReaderTSV.append(f, new GlossaryEntry('AIIB', '亚投行', '', false))\n",
        tmp_path,
        theirs,
    )
    loaded = load_glossary(theirs, fmt="omegat", source_lang="en", target_lang="zh")
    # Rows that share a source term are one concept: its two target terms ...
    first, second = loaded.concepts
    assert [t.text for t in first.terms("en")] == ["community of human destiny"]
    assert [(t.text, t.notes) for t in first.terms("zh")] == [
        ("人类命运共同体", ["official Chinese"]),
        ("命运共同体", ["short form, paper p. 3"]),
    ]
    assert first.notes == []  # ... with each comment on its own pair, not on the concept
    # OmegaT has no status: none is invented (the first row is not "preferred").
    assert {t.status for t in first.all_terms + second.all_terms} == {TermStatus.UNSPECIFIED}

    ours = tmp_path / "ours.txt"
    save_glossary(
        loaded, ours, fmt="omegat", options=WriteOptions(source_lang="en", target_lang="zh")
    )
    rows = [line.split("\t") for line in ours.read_text(encoding="utf-8").splitlines()[1:]]
    assert rows == [
        ["community of human destiny", "人类命运共同体", "official Chinese"],
        ["community of human destiny", "命运共同体", "short form, paper p. 3"],
        ["AIIB", "亚投行"],
    ]
    read_by_omegat = omegat(
        "import org.omegat.gui.glossary.*\n"
        "for (e in GlossaryReaderTSV.read(new File(args[0]), false)) {\n"
        "  println(e.getSrcText() + '|' + e.getLocText() + '|' + e.getCommentText()) }\n",
        tmp_path,
        ours,
    )
    assert read_by_omegat.splitlines() == [
        "community of human destiny|人类命运共同体|official Chinese",
        "community of human destiny|命运共同体|short form, paper p. 3",
        "AIIB|亚投行|",
    ]


def test_concept_notes_from_tbx_go_on_every_pair(tmp_path: Path) -> None:
    tbx = tmp_path / "g.tbx"
    tbx.write_text(
        '<tbx xmlns="urn:iso:std:iso:30042:ed:3.0" type="TBX-Basic" style="dca" xml:lang="en">'
        "<tbxHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></tbxHeader>"
        '<text><body><conceptEntry id="T08"><note>official name</note>'
        '<langSec xml:lang="en"><termSec><term>Belt and Road Initiative</term>'
        '<note>from 2015</note></termSec></langSec><langSec xml:lang="zh">'
        "<termSec><term>一带一路倡议</term></termSec><termSec><term>一带一路</term>"
        "<note>short</note></termSec></langSec></conceptEntry></body></text></tbx>",
        encoding="utf-8",
    )
    out = tmp_path / "out.txt"
    save_glossary(
        load_glossary(tbx),
        out,
        fmt="omegat",
        options=WriteOptions(source_lang="en", target_lang="zh"),
    )
    assert out.read_text(encoding="utf-8").splitlines()[1:] == [
        "Belt and Road Initiative\t一带一路倡议\tofficial name; from 2015",
        "Belt and Road Initiative\t一带一路\tofficial name; from 2015; short",
    ]
