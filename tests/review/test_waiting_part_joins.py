"""A join in the workbench of a cut sentence's later part, waiting for its share of the
translation the part before holds whole (``omissions.IN_NEIGHBOUR_NOTE``): the joined segment
no longer waits, so the note goes; a split gives the part back its wait, and undo keeps both
in step. The translation file is one termwise wrote before the segmenter cut the sentence
(msgctxt: the one old segment's id)."""

from __future__ import annotations

from pathlib import Path

from termwise.document.ids import content_hash
from termwise.project.layout import ProjectLayout
from termwise.project.omissions import IN_NEIGHBOUR_NOTE, translation_in_neighbour
from termwise.project.translation_file import TranslationFile
from termwise.review.session import ReviewSession

FIRST = "Das Konzept wurde 2013 vorgestellt (Anm. d. Übers.: gemeint ist die Initiative)."
SECOND = "Danach folgte eine Rede."
THIRD = "Sie war kurz."
ENGLISH = "The concept was presented in 2013. Then a speech followed. It was short."


def _project(tmp_path: Path, sentences: list[str]) -> tuple[ProjectLayout, Path]:
    """A document whose one paragraph the segmenter cuts into ``sentences``, and the
    translation termwise saved when the paragraph was one segment, with a translator's
    note on it."""
    whole = " ".join(sentences)
    document = tmp_path / "d.txt"
    document.write_text(whole + "\n", encoding="utf-8")
    (tmp_path / "translations").mkdir()
    (tmp_path / "translations" / "d.en.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n'
        '"Language: en\\n"\n"X-Source-Language: de\\n"\n\n'
        "# client's wording\n"
        f'msgctxt "{content_hash(whole)}"\nmsgid "{whole}"\nmsgstr "{ENGLISH}"\n',
        encoding="utf-8",
    )
    return ProjectLayout.at(tmp_path), document


def _waiting_lines(notes: str) -> list[str]:
    return [line for line in notes.splitlines() if line.startswith(IN_NEIGHBOUR_NOTE)]


def test_joining_the_waiting_part_back_drops_its_note(tmp_path: Path) -> None:
    layout, document = _project(tmp_path, [FIRST, SECOND])
    session = ReviewSession(layout, document, "en", source_lang="de")
    first, second = (row.segment_id for row in session.rows)
    assert translation_in_neighbour(session.unit(second))

    session.join_with_next(first)
    (row,) = session.rows
    joined = session.unit(first)
    assert joined.target == ENGLISH
    # The joined segment holds its whole translation: nothing waits, and no note says so.
    assert _waiting_lines(joined.notes) == []
    assert joined.notes == "client's wording"
    session.save()
    saved = TranslationFile.load(layout.translation_file(document, "en"))
    assert _waiting_lines(saved.units[first].notes) == []

    # F4 where the parts meet: the later part waits again, the first stays without the note.
    session.split(first, session.split_points(first)[0])
    assert translation_in_neighbour(session.unit(second))
    assert _waiting_lines(session.unit(first).notes) == []
    assert session.unit(first).target == ENGLISH

    session.undo()  # the split
    assert _waiting_lines(session.unit(first).notes) == []
    session.undo()  # the join
    assert translation_in_neighbour(session.unit(second))
    assert _waiting_lines(session.unit(first).notes) == []
    session.redo()
    assert _waiting_lines(session.unit(first).notes) == []


def test_two_waiting_parts_joined_still_wait_with_one_note(tmp_path: Path) -> None:
    layout, document = _project(tmp_path, [FIRST, SECOND, THIRD])
    session = ReviewSession(layout, document, "en", source_lang="de")
    first, second, third = (row.segment_id for row in session.rows)
    assert translation_in_neighbour(session.unit(third))

    session.join_with_next(second)
    joined = session.unit(second)
    # Still empty, its translation still in the first part: it waits, said once.
    assert translation_in_neighbour(joined)
    assert len(_waiting_lines(joined.notes)) == 1
    assert first in joined.notes

    # Joined onto the part holding the translation, it waits no more.
    session.join_with_next(first)
    assert _waiting_lines(session.unit(first).notes) == []

    # Split where the first part ends: the other two, rejoined, wait again, said once.
    session.split(first, session.split_points(first)[0])
    rest = session.unit(second)
    assert rest.source == f"{SECOND} {THIRD}"
    assert translation_in_neighbour(rest)
    assert len(_waiting_lines(rest.notes)) == 1
