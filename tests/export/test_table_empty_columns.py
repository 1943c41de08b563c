"""A Markdown table whose last column is empty keeps it in every edition: the column held
no segment, so the editions, which build a table from its segments' cells, printed it a
column narrower (and the Markdown edition's delimiter row lost the column's alignment)."""

from __future__ import annotations

import re
from pathlib import Path

from markdown_it import MarkdownIt

from termwise.document import load_document
from termwise.project.layout import ProjectLayout
from termwise.project.translations import open_translation

from .cjk_project import export

TABLE = "# Sites\n\n| Name | Value | |\n| --- | ---: | :---: |\n| Wind | 5 | |\n| Sun | 3 | |\n"


def _project(root: Path) -> Path:
    root.mkdir()
    paper = root / "sites.md"
    paper.write_text(TABLE, encoding="utf-8")
    tfile = open_translation(ProjectLayout.at(root), load_document(paper, lang="en"), "es")
    for unit in tfile.units.values():
        unit.set_translation(unit.source.upper(), reviewed=True)
    tfile.save()
    return paper


def _cells_per_row(html: str) -> list[int]:
    return [
        len(re.findall(r"<t[hd][ >]", row)) for row in re.findall(r"<tr>(.*?)</tr>", html, re.S)
    ]


def test_the_empty_last_column_stays_in_every_edition(tmp_path: Path) -> None:
    paper = _project(tmp_path / "proj")
    for extra in ((), ("--target-only",)):
        markdown = export(paper, "es", f"out{len(extra)}.md", *extra).read_text("utf-8")
        assert "| --- | ---: | :---: |" in markdown
        rendered = MarkdownIt("commonmark").enable("table").render(markdown)
        assert set(_cells_per_row(rendered)) == {3}, markdown
    html = export(paper, "es", "out.html", "--target-only").read_text("utf-8")
    assert set(_cells_per_row(html)) == {3}, html
