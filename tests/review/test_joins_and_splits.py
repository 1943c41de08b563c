"""Joins and splits in the review session: one split undoes one join, a split segment is
reviewed again, and a join never reshapes segments another language has translated."""

from __future__ import annotations

from pathlib import Path

import pytest

from termwise.errors import TermwiseError
from termwise.project.layout import ProjectLayout
from termwise.project.translation_file import TranslationFile
from termwise.review.session import ReviewSession


def _three_joined(session: ReviewSession) -> tuple[list[str], list[str]]:
    """Rows 1, 2 and 3 (one paragraph), each translated, joined into one segment."""
    ids = [row.segment_id for row in session.rows[1:4]]
    texts = [session.source_text(segment_id) for segment_id in ids]
    for number, segment_id in enumerate(ids):
        session.set_target(segment_id, f"Frase {number + 1}.")
    session.join_with_next(ids[0])
    session.join_with_next(ids[0])
    assert session.source_text(ids[0]) == " ".join(texts)
    assert session.unit(ids[0]).target == "Frase 1. Frase 2. Frase 3."
    return ids, texts


def test_splitting_a_join_of_three_at_its_last_join_gives_two_segments(
    review_project: ProjectLayout, paper: Path
) -> None:
    # F4 on a segment made of three sentences made three segments at once.
    session = ReviewSession(review_project, paper, "es")
    ids, texts = _three_joined(session)
    count = len(session.rows)
    # The dialog offers where the parts meet, and nowhere else.
    points = session.split_points(ids[0])
    assert points == [len(texts[0]) + 1, len(f"{texts[0]} {texts[1]}") + 1]
    session.split(ids[0], points[-1])
    assert len(session.rows) == count + 1
    assert session.source_text(ids[0]) == f"{texts[0]} {texts[1]}"
    assert session.unit(ids[0]).target == "Frase 1. Frase 2."
    assert session.source_text(ids[2]) == texts[2]
    assert session.unit(ids[2]).target == "Frase 3."
    # The rest is still one join, which F4 splits in its turn.
    session.split(ids[0], len(texts[0]) + 1)
    assert [session.unit(i).target for i in ids] == ["Frase 1.", "Frase 2.", "Frase 3."]
    assert len(session.rows) == count + 2
    session.save()
    again = ReviewSession(review_project, paper, "es")
    assert [again.unit(i).target for i in ids] == ["Frase 1.", "Frase 2.", "Frase 3."]


def test_splitting_a_join_of_three_at_its_first_join_keeps_the_rest_joined(
    review_project: ProjectLayout, paper: Path
) -> None:
    session = ReviewSession(review_project, paper, "es")
    ids, texts = _three_joined(session)
    count = len(session.rows)
    session.split(ids[0], len(texts[0]) + 1)
    assert len(session.rows) == count + 1
    assert session.source_text(ids[0]) == texts[0]
    assert session.unit(ids[0]).target == "Frase 1."
    # The second and third sentences stay one segment, with both their translations.
    assert session.source_text(ids[1]) == f"{texts[1]} {texts[2]}"
    assert ids[2] not in session.row_index
    assert session.unit(ids[1]).target == "Frase 2. Frase 3."
    assert session.unit(ids[1]).state.value == "edited"
    session.split(ids[1], len(texts[1]) + 1)
    assert [session.unit(i).target for i in ids] == ["Frase 1.", "Frase 2.", "Frase 3."]
    # Undo takes each split back in turn, and the join of three is whole again.
    session.undo()
    session.undo()
    assert len(session.rows) == count
    assert session.unit(ids[0]).target == "Frase 1. Frase 2. Frase 3."
    session.split(ids[0], len(f"{texts[0]} {texts[1]}") + 1)
    assert session.unit(ids[2]).target == "Frase 3."


def test_a_reviewed_segment_split_is_to_review_again_with_its_translation(
    review_project: ProjectLayout, paper: Path
) -> None:
    # Its first part stayed reviewed, holding the whole translation.
    session = ReviewSession(review_project, paper, "es")
    first = session.rows[0].segment_id
    session.set_target(first, "Resumen: la construcción de la comunidad.")
    session.mark_reviewed(first)
    session.split(first, session.split_points(first)[0])
    unit = session.unit(first)
    assert unit.state.value == "edited"
    assert unit.target == "Resumen: la construcción de la comunidad."
    assert session.rows[0].state == "edited"
    session.save()
    saved = TranslationFile.load(session.translation_path).units[first]
    assert saved.state.value == "edited" and saved.fuzzy


def test_a_reviewed_join_split_again_is_to_review_again(
    review_project: ProjectLayout, paper: Path
) -> None:
    session = ReviewSession(review_project, paper, "es")
    first, second = (row.segment_id for row in session.rows[1:3])
    session.set_target(first, "Primera.")
    session.set_target(second, "Segunda.")
    length = len(session.source_text(first))
    session.join_with_next(first)
    session.set_target(first, "Primera y segunda, en una.")
    session.mark_reviewed(first)
    session.split(first, length + 1)
    assert session.unit(first).state.value == "edited"


def _translated_into_french(layout: ProjectLayout, paper: Path, rows: range) -> list[str]:
    other = ReviewSession(layout, paper, "fr")
    ids = [other.rows[number].segment_id for number in rows]
    for segment_id in ids:
        other.set_target(segment_id, "Une phrase.")
    other.save()
    return ids


def test_a_join_into_a_segment_another_language_translated_is_refused(
    review_project: ProjectLayout, paper: Path
) -> None:
    (held,) = _translated_into_french(review_project, paper, range(2, 3))
    session = ReviewSession(review_project, paper, "es")
    before = session.rows[1].segment_id
    count = len(session.rows)
    with pytest.raises(
        TermwiseError, match=r"#3 has a French translation \(.*translations/.*\.fr\.po\)"
    ):
        session.join_with_next(before)
    with pytest.raises(TermwiseError, match="#3 has a French translation"):
        session.join_with_next(held)
    assert len(session.rows) == count and not session.resegmentation.joins
    # Segments the French file has no work in still join.
    session.join_with_next(session.rows[3].segment_id)
    assert len(session.rows) == count - 1
    french = TranslationFile.load(review_project.translation_file(paper, "fr"))
    assert held in french.units and french.units[held].target == "Une phrase."


def test_a_split_of_a_segment_another_language_translated_is_refused(
    review_project: ProjectLayout, paper: Path
) -> None:
    # F3 refused a join there, but F4 split it: the French of the whole segment then stood
    # on its first part, the rest untranslated, and nothing sent it back to review.
    (held,) = _translated_into_french(review_project, paper, range(2, 3))
    session = ReviewSession(review_project, paper, "es")
    count = len(session.rows)
    with pytest.raises(TermwiseError, match="#3 has a French translation .*a split is the"):
        session.split(held, 4)
    assert len(session.rows) == count and not session.resegmentation.splits
