"""Headings keep their levels from the document to the editions (all came out as one)."""

from __future__ import annotations

import re
from pathlib import Path

import docx

from termwise.document import load_document, parse_document
from termwise.project.layout import ProjectLayout
from termwise.project.translations import open_translation
from termwise.project.units import SegmentState

from .sample_project import Project


def levels(document_segments: list) -> list[tuple[str, int]]:  # type: ignore[type-arg]
    return [(s.text, s.level) for s in document_segments if s.kind.value == "heading"]


def test_every_reader_gives_heading_levels(tmp_path: Path) -> None:
    markdown = "# Title\n\nText.\n\n## Section\n\nMore.\n\n### Part\n\nEnd.\n\nSetext\n------\n"
    assert levels(parse_document(markdown, lang="en", fmt="markdown").segments) == [
        ("Title", 1),
        ("Section", 2),
        ("Part", 3),
        ("Setext", 2),
    ]
    plain = "1. Introduction\n\nText here.\n\n1.1 Background\n\nMore text.\n\n2. Method\n\nEnd.\n"
    assert levels(parse_document(plain, lang="en").segments) == [
        ("1. Introduction", 1),
        ("1.1 Background", 2),
        ("2. Method", 1),
    ]
    word = docx.Document()
    word.add_heading("A Title", level=0)
    word.add_heading("Section", level=1)
    word.add_heading("Subsection", level=2)
    word.add_paragraph("Text.")
    path = tmp_path / "paper.docx"
    word.save(str(path))
    assert levels(load_document(path).segments) == [
        ("A Title", 1),
        ("Section", 1),
        ("Subsection", 2),
    ]


def test_editions_keep_the_outline(tmp_path: Path) -> None:
    root = tmp_path / "project"
    root.mkdir()
    paper = root / "paper.md"
    paper.write_text(
        "# The Paper\n\nIntro.\n\n## One\n\nText one.\n\n### One point one\n\nText two.\n\n"
        "## Two\n\nText three.\n",
        encoding="utf-8",
    )
    layout = ProjectLayout.at(root)
    document = load_document(paper)
    tfile = open_translation(layout, document, "es")
    for unit in tfile.units.values():
        unit.set_translation(f"ES {unit.source}")
        unit.state = SegmentState.REVIEWED
    tfile.save()
    project = Project(root, layout, paper, document)
    out = root / "e.html"
    assert project.run("export", str(paper), "--to", "es", "-o", str(out)).exit_code == 0
    html = out.read_text(encoding="utf-8")
    tags = [
        (tag, re.sub(r"<[^>]+>", "", inner))
        for tag, inner in re.findall(r"<(h[1-6])>(.*?)</\1>", html)
    ]
    # The title is the edition's h1; the body's top level under it is h2, and the title's
    # own row beside its translation stays above it ("#" and "##" were both h2).
    assert ("h2", "One") in tags and ("h3", "One point one") in tags and ("h2", "Two") in tags
    assert ("h1", "ES The Paper") in tags and ("h2", "ES The Paper") not in tags
    out = root / "e.docx"
    assert (
        project.run("export", str(paper), "--to", "es", "-o", str(out), "--target-only").exit_code
        == 0
    )
    styled = [(p.style.name, p.text) for p in docx.Document(str(out)).paragraphs]
    assert ("Heading 2", "ES One") in styled and ("Heading 3", "ES One point one") in styled
    out = root / "e.md"
    assert project.run("export", str(paper), "--to", "es", "-o", str(out)).exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "\n### One point one\n" in text and "\n## Two\n" in text
    assert "\n# ES The Paper\n" in text
