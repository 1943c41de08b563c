"""An export of a Word source reads the source's bold and italic once: the Word edition and
the note on what it could not place each parsed the file. The file changed since is read
again."""

from __future__ import annotations

from pathlib import Path

import docx

from termwise.document import load_document
from termwise.export.docx_source import ITALIC, source_emphasis


def _save(path: Path, *, italic: bool) -> None:
    word = docx.Document()
    paragraph = word.add_paragraph()
    paragraph.add_run("Sales grew ")
    paragraph.add_run("everywhere").italic = italic
    paragraph.add_run(".")
    word.save(str(path))


def test_the_source_is_read_once_for_a_document(tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    _save(path, italic=True)
    document = load_document(path)
    first = source_emphasis(document)
    assert source_emphasis(document) is first
    (segment,) = document.segments
    assert first[segment.id].flags[len("Sales grew ")] == ITALIC


def test_a_file_changed_since_is_read_again(tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    _save(path, italic=True)
    document = load_document(path)
    assert source_emphasis(document)
    _save(path, italic=False)
    assert source_emphasis(document) == {}
