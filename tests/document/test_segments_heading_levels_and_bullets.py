"""``termwise segments`` on a Word file: a Heading 2 was listed as ``#``, like a Heading 1,
and a List Bullet item's JSON said ``"ordered": false`` beside ``"numbering": "decimal"``.
Headings are marked as Markdown marks their level, and a bullet's numbering is "bullet"."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from docx import Document


def word_file(path: Path) -> Path:
    document = Document()
    document.add_heading("Top heading", level=1)
    document.add_paragraph("An opening sentence.")
    document.add_heading("Second level", level=2)
    document.add_paragraph("First bullet item.", style="List Bullet")
    document.add_paragraph("Second bullet item.", style="List Bullet")
    document.add_paragraph("First numbered item.", style="List Number")
    document.add_paragraph("Second numbered item.", style="List Number")
    document.save(str(path))
    return path


def segments(path: Path, *options: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "termwise", "segments", path.name, *options],
        cwd=path.parent,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "XDG_CACHE_HOME": str(path.parent / "cache")},
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_heading_levels_are_marked_as_markdown_marks_them(tmp_path: Path) -> None:
    listed = segments(word_file(tmp_path / "report.docx")).splitlines()
    marked = {
        " ".join(line.split()[3:]): line.split()[2]
        for line in listed
        if line.split()[2].startswith("#")
    }
    assert marked == {"Top heading": "#", "Second level": "##"}, listed
    # Sentences have no marker: their text follows the id.
    assert [line.split()[2] for line in listed if "item." in line] == [
        "First",
        "Second",
        "First",
        "Second",
    ]


def test_a_bullet_items_numbering_is_bullet(tmp_path: Path) -> None:
    rows = json.loads(segments(word_file(tmp_path / "report.docx"), "--format", "json"))
    items = {row["text"]: row["list_item"] for row in rows if "list_item" in row}
    bullet = {"ordered": False, "number": None, "depth": 1, "numbering": "bullet"}
    assert items["First bullet item."] == bullet
    assert items["Second bullet item."] == bullet
    assert items["Second numbered item."] == {
        "ordered": True,
        "number": 2,
        "depth": 1,
        "numbering": "decimal",
    }
    assert {row["text"]: row.get("level") for row in rows if row["kind"] == "heading"} == {
        "Top heading": 1,
        "Second level": 2,
    }
