"""A small English–Chinese project on disk, every sentence's translation reviewed."""

from __future__ import annotations

from pathlib import Path

import docx
from click.testing import CliRunner

from termwise.cli import cli
from termwise.document import load_document
from termwise.project.layout import ProjectLayout
from termwise.project.translations import open_translation

ENGLISH = (
    "China seeks consensus. It builds a community. It says so.\n\n"
    "Peace matters. Development matters too.\n"
)
CHINESE = {
    "China seeks consensus.": "中国寻求国际社会的共识。",
    "It builds a community.": "“人类命运共同体”理念是核心理念。",
    "It says so.": "它这样说。",
    "Peace matters.": "和平很重要。",
    "Development matters too.": "发展也很重要。",
}


def make_project(
    root: Path, text: str, source_lang: str, target_lang: str, pairs: dict[str, str]
) -> Path:
    root.mkdir()
    paper = root / "paper.txt"
    paper.write_text(text, encoding="utf-8")
    layout = ProjectLayout.at(root)
    document = load_document(paper, lang=source_lang)
    tfile = open_translation(layout, document, target_lang)
    for unit in tfile.units.values():
        unit.set_translation(pairs[unit.source], reviewed=True)
    tfile.save()
    return paper


def export(paper: Path, target_lang: str, name: str, *extra: str) -> Path:
    out = paper.parent / name
    result = CliRunner().invoke(
        cli,
        [
            "--project",
            str(paper.parent),
            "export",
            str(paper),
            "--to",
            target_lang,
            "-o",
            str(out),
            *extra,
        ],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    return out


def docx_texts(path: Path) -> list[str]:
    document = docx.Document(str(path))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return [paragraph.text for paragraph in document.paragraphs] + cells
