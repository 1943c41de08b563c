"""A glossary keeps Taiwan's and Hong Kong's terms apart: ``zh-TW`` and ``zh-HK`` are not
merged into ``zh-Hant``.

``languages.normalize`` turned ``zh-TW``, ``zh-HK`` and ``zh-MO`` into ``zh-Hant``, so a TBX
giving "software" as 軟體 for Taiwan and 軟件 for Hong Kong came back from import (and went
out in every export) as two traditional Chinese terms of one language. Now each keeps its
region, and is served by its own terms and by ``zh-Hant``'s (as ``en`` serves ``en-GB``),
never by the other region's; simplified Chinese serves neither.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner
from lxml import etree

from termwise.cli import cli
from termwise.glossary import load_glossary

TBX = """<?xml version="1.0" encoding="UTF-8"?>
<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en">
  <tbxHeader><fileDesc><sourceDesc><p>Regional Chinese</p></sourceDesc></fileDesc></tbxHeader>
  <text>
    <body>
      <conceptEntry id="c1">
        <langSec xml:lang="en"><termSec><term>software</term></termSec></langSec>
        <langSec xml:lang="zh-TW"><termSec><term>軟體</term></termSec></langSec>
        <langSec xml:lang="zh-HK"><termSec><term>軟件</term></termSec></langSec>
        <langSec xml:lang="zh-CN"><termSec><term>软件</term></termSec></langSec>
      </conceptEntry>
      <conceptEntry id="c2">
        <langSec xml:lang="en"><termSec><term>network</term></termSec></langSec>
        <langSec xml:lang="zh-Hant"><termSec><term>網絡</term></termSec></langSec>
      </conceptEntry>
    </body>
  </text>
</tbx>
"""


def _run(project: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--project", str(project), *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_regional_tags_survive_import_and_export(tmp_path: Path) -> None:
    source = tmp_path / "regional.tbx"
    source.write_text(TBX, encoding="utf-8")
    (tmp_path / "glossary").mkdir()
    _run(tmp_path, "glossary", "import", str(source))
    imported = tmp_path / "glossary" / "regional.tbx"
    software = load_glossary(imported).concept("c1")
    assert [(term.lang, term.text) for term in software.all_terms] == [
        ("en", "software"),
        ("zh-TW", "軟體"),
        ("zh-HK", "軟件"),
        ("zh", "软件"),
    ]
    out = tmp_path / "out.tbx"
    _run(tmp_path, "glossary", "export", "--format", "tbx", "-o", str(out))
    tags = etree.parse(str(out)).xpath(
        "//*[local-name()='langSec']/@xml:lang",
        namespaces={"xml": "http://www.w3.org/XML/1998/namespace"},
    )
    assert {"zh-TW", "zh-HK", "zh-Hant", "zh"} <= set(tags)
    shown = json.loads(_run(tmp_path, "glossary", "show", "--format", "json"))
    assert "zh-TW" in json.dumps(shown, ensure_ascii=False)


def test_a_region_is_served_by_its_own_terms_and_by_zh_hant(tmp_path: Path) -> None:
    path = tmp_path / "regional.tbx"
    path.write_text(TBX, encoding="utf-8")
    glossary = load_glossary(path)
    software, network = glossary.concept("c1"), glossary.concept("c2")
    # Each region is served by its own term, never by the other region's.
    assert [term.text for term in software.terms("zh-TW")] == ["軟體"]
    assert [term.text for term in software.terms("zh-HK")] == ["軟件"]
    assert software.preferred("zh-HK") is not None and software.preferred("zh-HK").text == "軟件"
    # A zh-Hant translation is served by both: each is traditional Chinese.
    assert [term.text for term in software.terms("zh-Hant")] == ["軟體", "軟件"]
    # A zh-Hant glossary still serves a translation into zh-TW or zh-HK.
    assert network.preferred("zh-TW") is not None and network.preferred("zh-TW").text == "網絡"
    assert [term.text for term in network.terms("zh-HK")] == ["網絡"]
    # Simplified Chinese never serves traditional, nor the other way round.
    assert [term.text for term in software.terms("zh")] == ["软件"]
    assert network.terms("zh-CN") == []


def test_the_curated_glossary_reads_as_before(tmp_path: Path) -> None:
    curated = Path(__file__).resolve().parents[2] / "glossary" / "key-terms.tbx"
    shutil.copy(curated, tmp_path / "key-terms.tbx")
    langs = {
        term.lang
        for concept in load_glossary(tmp_path / "key-terms.tbx").concepts
        for term in concept.all_terms
    }
    assert "zh" in langs and not any(lang.startswith("zh-") and lang != "zh-Hant" for lang in langs)


def test_show_lists_each_term_once_under_its_own_tag(tmp_path: Path) -> None:
    # It listed the terms that serve each tag, so zh-Hant's 軟體 also stood under zh-TW and
    # zh-HK, and zh-HK's 軟件 under zh-Hant, as a preferred term it is not.
    source = tmp_path / "regional.tbx"
    source.write_text(
        TBX.replace(
            '<langSec xml:lang="zh-CN">',
            '<langSec xml:lang="zh-Hant"><termSec><term>軟體</term>'
            '</termSec></langSec>\n        <langSec xml:lang="zh-CN">',
        ),
        encoding="utf-8",
    )
    (tmp_path / "glossary").mkdir()
    _run(tmp_path, "glossary", "import", str(source))
    rows = [line.split() for line in _run(tmp_path, "glossary", "show").splitlines()]
    software = rows[1 : rows.index(["c2"])]
    assert [(row[0], row[-1]) for row in software] == [
        ("en", "software"),
        ("zh-TW", "軟體"),
        ("zh-HK", "軟件"),
        ("zh-Hant", "軟體"),
        ("zh", "软件"),
    ]
