"""``termwise fix``'s lines show what a fix changes where its span says nothing alone.

A full stop added at a translation's end was printed “” → “.”, a space taken out of a
double space “  ” → “ ”: nothing said where. Such a change is shown with the words on
either side of it, as they read before and after; a term's change stays the term's.
"""

from __future__ import annotations

from pathlib import Path

from support.command_line import termwise
from termwise.document import load_document
from termwise.project.translation_file import TranslationFile
from termwise.project.units import SegmentState, TranslationUnit

DOC = "The council approved the budget.\n\nThe mayor  signed it.\n"
TEXTS = ("El consejo aprobó el presupuesto", "El alcalde lo firmó.")


def _project(root: Path) -> None:
    """A Spanish translation of ``paper.txt`` whose first segment lacks its full stop."""
    (root / "paper.txt").write_text(DOC, encoding="utf-8")
    document = load_document(root / "paper.txt", lang="en")
    tfile = TranslationFile(lang="es", source_lang="en")
    for segment, target in zip(document.segments, TEXTS, strict=True):
        tfile.units[segment.id] = TranslationUnit(
            segment_id=segment.id, source=segment.text, target=target, state=SegmentState.EDITED
        )
    (root / "translations").mkdir()
    tfile.save(root / "translations" / "paper.es.po")


def test_a_full_stop_added_is_shown_after_the_word_it_follows(tmp_path: Path) -> None:
    _project(tmp_path)

    result = termwise(
        "fix", "paper.txt", "--to", "es", "--check", "end-punctuation", "--everywhere",
        cwd=tmp_path,
    )  # fmt: skip

    assert result.returncode == 0, result.stdout + result.stderr
    changes = [line for line in result.stdout.splitlines() if ": fixed " in line]
    assert len(changes) == 1, result.stdout
    assert changes[0].endswith(": target: “presupuesto” → “presupuesto.”"), changes[0]


def test_a_space_taken_out_of_the_source_is_shown_between_its_words(tmp_path: Path) -> None:
    _project(tmp_path)

    result = termwise("fix", "paper.txt", "--check", "double-space", "--dry-run", cwd=tmp_path)

    assert result.returncode == 1, result.stdout + result.stderr
    assert "would fix double-space: #2 " in result.stdout
    assert "“mayor  signed” → “mayor signed”" in result.stdout
