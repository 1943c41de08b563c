"""A Word source's bold and italic, read from its file (the export reads the file once,
``read_word_source``, and hands what it read to the edition and to the note on what it
could not place). A file changed since the document was read is read as it is now."""

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


def test_the_sources_emphasis_is_read_for_a_document(tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    _save(path, italic=True)
    document = load_document(path)
    first = source_emphasis(document)
    # Asked again, the same answer (read again: nothing keeps it).
    assert source_emphasis(document) == first
    (segment,) = document.segments
    assert first[segment.id].flags[len("Sales grew ")] == ITALIC


def test_a_file_changed_since_is_read_again(tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    _save(path, italic=True)
    document = load_document(path)
    assert source_emphasis(document)
    _save(path, italic=False)
    assert source_emphasis(document) == {}
