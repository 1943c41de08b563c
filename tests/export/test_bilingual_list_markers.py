"""A bilingual Markdown edition prints the translation's lists with the source's markers:
an HTML comment line between the source's list and the translation's keeps them two lists
(CommonMark's way), where other markers ("-" came out as "*", "1." as "1)") changed what
the source wrote."""

from __future__ import annotations

from pathlib import Path

from markdown_it import MarkdownIt

from termwise.document import load_document
from termwise.project.layout import ProjectLayout
from termwise.project.translations import open_translation

from .sample_project import Project

PAPER = """# Steps

1. Plan the routes.
2. Build the ports.

- Trade grew.
  - Ports were built.
- Investment grew.

3) Open the lines.
"""


def _project(tmp_path: Path) -> Project:
    root = tmp_path / "proj"
    root.mkdir()
    paper = root / "steps.md"
    paper.write_text(PAPER, encoding="utf-8")
    layout = ProjectLayout.at(root)
    document = load_document(paper)
    tfile = open_translation(layout, document, "es")
    for unit in tfile.units.values():
        unit.set_translation(f"ES {unit.source}", reviewed=True)
    tfile.save()
    return Project(root=root, layout=layout, paper=paper, document=document)


def _bilingual(tmp_path: Path) -> str:
    project = _project(tmp_path)
    out = project.root / "steps.es.md"
    result = project.run("export", str(project.paper), "--to", "es", "-o", str(out))
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


def test_the_translation_s_lists_keep_the_source_s_markers(tmp_path: Path) -> None:
    text = _bilingual(tmp_path)
    assert "1. ES Plan the routes.\n2. ES Build the ports.\n" in text, text
    assert "- ES Trade grew.\n  - ES Ports were built.\n- ES Investment grew.\n" in text, text
    assert "3) ES Open the lines.\n" in text, text
    assert "*" not in text and "1)" not in text, text
    # Each list, then a comment, then its translation.
    assert "2. Build the ports.\n\n<!-- -->\n\n1. ES Plan the routes." in text, text


def test_they_stay_lists_of_their_own(tmp_path: Path) -> None:
    tokens = MarkdownIt("commonmark").parse(_bilingual(tmp_path))
    opened = [
        (token.type, token.info or token.attrGet("start"))
        for token in tokens
        if token.type in ("ordered_list_open", "bullet_list_open") and token.level == 0
    ]
    assert opened == [
        ("ordered_list_open", None),
        ("ordered_list_open", None),
        ("bullet_list_open", None),
        ("bullet_list_open", None),
        ("ordered_list_open", 3),
        ("ordered_list_open", 3),
    ]
    # Tight, as the source's: no item's text became a paragraph of its own.
    assert all(token.hidden for token in tokens if token.type == "paragraph_open"), tokens
