"""A translator's note the aligned translation sets on a line of its own before a group's
sentence is a paragraph of its own in the translation's column of that group's row (HTML,
Word) and in the translated edition; once the text is edited, or in a project aligned
before the record existed, the group prints as one run of text, as it did."""

from __future__ import annotations

import re
from pathlib import Path

import docx

from support.wind_report import FIRST, NOTE, OPENING, aligned, exported
from termwise.project.translation_file import TranslationFile


def _html_row(path: Path) -> str:
    """The translation's cell of the row of "The first challenge is variability."."""
    row = next(
        line for line in path.read_text("utf-8").splitlines() if "The first challenge" in line
    )
    return row.split('<td lang="es">', 1)[1]


def _word_cell(path: Path) -> list[str]:
    table = docx.Document(str(path)).tables[0]
    row = next(row for row in table.rows if "The first challenge" in row.cells[0].text)
    return [paragraph.text for paragraph in row.cells[1].paragraphs]


def test_the_note_is_a_paragraph_of_its_own_in_its_groups_row(tmp_path: Path) -> None:
    aligned(tmp_path)
    cell = _html_row(exported(tmp_path, "html"))
    paragraphs = re.findall(r"<p class=\"cell-paragraph\">(.*?)</p>", cell)
    assert len(paragraphs) == 2, cell
    assert NOTE in paragraphs[0] and FIRST not in paragraphs[0]
    assert paragraphs[1].count("<em>") == 0 and FIRST in paragraphs[1]
    # Each paragraph of the draft keeps its mark.
    assert all("†" in paragraph for paragraph in paragraphs)
    cells = _word_cell(exported(tmp_path, "docx"))
    assert cells[0] == f"{NOTE}†"
    assert cells[1].startswith(f"{FIRST}†")
    assert len(cells) == 2


def test_the_translated_edition_prints_the_note_as_its_own_paragraph(tmp_path: Path) -> None:
    aligned(tmp_path)
    html = exported(tmp_path, "html", "--target-only").read_text("utf-8")
    note = next(line for line in html.splitlines() if NOTE in line)
    assert note.startswith("<p>") and note.endswith("</p>") and FIRST not in note
    paragraphs = [
        p.text for p in docx.Document(str(exported(tmp_path, "docx", "--target-only"))).paragraphs
    ]
    assert f"{NOTE}†" in paragraphs
    assert any(p.startswith(f"{FIRST}†") for p in paragraphs)


def test_an_edit_or_an_older_file_prints_one_run(tmp_path: Path) -> None:
    po = aligned(tmp_path)
    tfile = TranslationFile.load(po)
    unit = next(u for u in tfile.units.values() if FIRST in u.target)
    # An older file: the sentences recorded, no paragraphs.
    unit.comments = tuple(c for c in unit.comments if not c.startswith(OPENING))
    tfile.save(po)
    cell = _html_row(exported(tmp_path, "html"))
    assert "<p" not in cell and f"{NOTE}</em>" in cell and FIRST in cell
    assert len(_word_cell(exported(tmp_path, "docx"))) == 1
    # Aligned again (the record back), then edited in review: the record is stale.
    po = aligned(tmp_path)
    tfile = TranslationFile.load(po)
    unit = next(u for u in tfile.units.values() if FIRST in u.target)
    assert any(c.startswith(OPENING) for c in unit.comments)
    unit.set_translation(unit.target.replace("variabilidad", "intermitencia"))
    tfile.save(po)
    cell = _html_row(exported(tmp_path, "html"))
    assert "<p" not in cell and "intermitencia" in cell
    assert len(_word_cell(exported(tmp_path, "docx"))) == 1
