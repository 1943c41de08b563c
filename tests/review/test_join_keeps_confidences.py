"""A join in review changes the confidence of its own group only, in the session and when
the texts are aligned again (the model was learnt anew from a text one sentence short, and
every group's confidence moved, flags coming and going far from the join)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from support.command_line import termwise
from termwise.project.layout import ProjectLayout
from termwise.review.alignment import confidence
from termwise.review.session import ReviewSession

DEV = Path(__file__).resolve().parents[2].parent / "shared" / "align-dev" / "textberg-de-fr"


def _untokenized(lines: list[str]) -> str:
    """Text+Berg's tokenized lines as one paragraph of running text."""
    text = " ".join(line.strip() for line in lines)
    text = re.sub(r" ([,.;:?!)])", r"\1", text)
    return re.sub(r"\( ", "(", text).replace("' ", "'") + "\n"


def _confidences(path: Path) -> list[tuple[str, float | None]]:
    from termwise.project.translation_file import TranslationFile

    units = TranslationFile.load(path).units
    return [(segment_id, confidence(unit)) for segment_id, unit in units.items()]


@pytest.mark.skipif(not DEV.is_dir(), reason=f"{DEV} (development data) is absent")
def test_a_join_changes_no_confidence_more_than_two_groups_away(tmp_path: Path) -> None:
    source_lines = (DEV / "dev.de").read_text(encoding="utf-8").splitlines()[14:61]
    target_lines = (DEV / "dev.fr").read_text(encoding="utf-8").splitlines()[52:94]
    (tmp_path / "doc.txt").write_text(_untokenized(source_lines), encoding="utf-8")
    (tmp_path / "doc.fr.txt").write_text(_untokenized(target_lines), encoding="utf-8")
    args = ("align", "doc.txt", "doc.fr.txt", "--from", "de", "--to", "fr", "--no-mt")
    first = termwise(*args, cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    layout = ProjectLayout.at(tmp_path)
    po = layout.translation_file(tmp_path / "doc.txt", "fr")
    session = ReviewSession(layout, tmp_path / "doc.txt", "fr")
    joined = session.rows[4].segment_id
    session.join_with_next(joined)
    session.save()
    after_join = _confidences(po)
    assert len(after_join) > 20
    place = [segment_id for segment_id, _ in after_join].index(joined)

    again = termwise(*args, cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    realigned = _confidences(po)
    assert [segment_id for segment_id, _ in realigned] == [s for s, _ in after_join]
    moved = [
        (number, was, now)
        for number, ((_, was), (_, now)) in enumerate(zip(after_join, realigned, strict=True))
        if abs(number - place) > 2 and was != now
    ]
    assert moved == []


@pytest.mark.skipif(not DEV.is_dir(), reason=f"{DEV} (development data) is absent")
def test_an_alignment_joins_no_segment_another_language_has_translated(tmp_path: Path) -> None:
    # Aligned into French, 2-1 groups joined segments the Spanish translation had work
    # in: their ids went away under the Spanish translator's feet.
    source_lines = (DEV / "dev.de").read_text(encoding="utf-8").splitlines()[14:61]
    target_lines = (DEV / "dev.fr").read_text(encoding="utf-8").splitlines()[52:94]
    (tmp_path / "doc.txt").write_text(_untokenized(source_lines), encoding="utf-8")
    (tmp_path / "doc.fr.txt").write_text(_untokenized(target_lines), encoding="utf-8")
    (tmp_path / "translations").mkdir()
    layout = ProjectLayout.at(tmp_path)
    spanish = ReviewSession(layout, tmp_path / "doc.txt", "es", source_lang="de")
    for number, row in enumerate(spanish.rows):
        spanish.set_target(row.segment_id, f"Frase {number}.")
    spanish.save()
    es_po = layout.translation_file(tmp_path / "doc.txt", "es")
    es_before = es_po.read_bytes()

    result = termwise(
        "align", "doc.txt", "doc.fr.txt", "--from", "de", "--to", "fr", "--no-mt", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert "are not joined into one group" in result.stderr
    assert str(es_po) in result.stderr
    assert es_po.read_bytes() == es_before
    french = ReviewSession(layout, tmp_path / "doc.txt", "fr")
    assert [row.segment_id for row in french.rows] == [row.segment_id for row in spanish.rows]
    assert not french.resegmentation.joins
    again = ReviewSession(layout, tmp_path / "doc.txt", "es")
    assert all(again.unit(row.segment_id).state.value == "edited" for row in again.rows)
    # The groups kept apart share their translation and are to check.
    flagged = [
        row.segment_id for row in french.rows if "align-check" in french.unit(row.segment_id).flags
    ]
    assert flagged
