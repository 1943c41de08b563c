"""A noted sentence whose translation the alignment set over two paragraphs (a translator's
note on a line of its own before it) prints its note's mark once, after its last piece:
each piece printed the mark, so the note had two references, the first after the
translator's note, which the source's note is not about."""

from __future__ import annotations

from pathlib import Path

from termwise.document import load_document
from termwise.export.edition import EditionBlock, EditionSegment
from termwise.export.text_formats import block_target_paragraphs, markdown_note_mark

NOTE = "(N. del T.: cifras de 2020.)"
SENTENCE = "Las ventas crecieron."


def test_the_mark_follows_the_last_piece_only(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text("Sales grew. Costs fell.\n", encoding="utf-8")
    first, second = load_document(path, lang="en").segments
    target = f"{NOTE}\n{SENTENCE}"
    noted = EditionSegment(
        segment=first,
        unit=None,
        target=target,
        paragraph_breaks=(target.index(SENTENCE),),
        notes=("1",),
    )
    block = EditionBlock(
        kind=first.kind,
        segments=[noted, EditionSegment(segment=second, unit=None, target="Los costes bajaron.")],
    )
    assert [[item.notes for item in runs] for runs in block.target_paragraphs()] == [
        [()],
        [("1",), ()],
    ]
    assert block_target_paragraphs(block, mark=markdown_note_mark) == [
        NOTE,
        f"{SENTENCE}[^1] Los costes bajaron.",
    ]
