"""A .docx's paragraph styles are looked up once per style, not once per paragraph:
python-docx searches every style of the document for each lookup, which was most of the
time a 3,000-paragraph report took to read. Headings come out as before."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.styles.styles import Styles

from termwise.document.docx_reader import read_docx_paragraphs


def _report(path: Path) -> None:
    word = docx.Document()
    section = word.styles.add_style("Report Section", WD_STYLE_TYPE.PARAGRAPH)
    section.base_style = word.styles["Heading 2"]
    for chapter in range(20):
        word.add_paragraph(f"Chapter {chapter}", style="Heading 1")
        word.add_paragraph(f"Part {chapter}", style="Report Section")
        for sentence in range(8):
            word.add_paragraph(f"Sales grew in region {sentence}.")
    word.save(str(path))


def test_each_style_is_looked_up_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "report.docx"
    _report(path)
    looked_up: list[str | None] = []
    get_by_id = Styles.get_by_id

    def counted(self: Styles, style_id: str | None, style_type: Any) -> Any:
        looked_up.append(style_id)
        return get_by_id(self, style_id, style_type)

    monkeypatch.setattr(Styles, "get_by_id", counted)
    paragraphs = read_docx_paragraphs(path)
    assert len(paragraphs.text.split("\n")) == 200
    # Once for its heading level, once for its list numbering (``docx_lists``).
    most = max(Counter(looked_up).values())
    assert most <= 2, f"one style looked up {most} times in 200 paragraphs"


def test_headings_keep_their_levels(tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    _report(path)
    headings = read_docx_paragraphs(path).headings
    assert len(headings) == 40
    assert {headings[number] for number in range(0, 200, 10)} == {1}
    assert {headings[number] for number in range(1, 200, 10)} == {2}
