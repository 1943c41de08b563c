"""An aligned group that takes in a translator's note on a line of its own records, beside
its sentences, that the sentence after the note opens a paragraph of the published
translation: the editions print the note as a paragraph of its own (tests/export)."""

from __future__ import annotations

from pathlib import Path

from support.command_line import termwise
from termwise.align.output import aligned_paragraph_starts, aligned_sentences, record_sentences
from termwise.project.translation_file import TranslationFile
from termwise.project.units import TranslationUnit

DATA = Path(__file__).resolve().parent / "data"
NOTE = "*Nota del traductor: en este informe, «red» traduce el inglés «grid».*"
FIRST = "El primer reto es la variabilidad."
OPENING = "aligned sentences: opening a paragraph: "


def _aligned_unit(folder: Path) -> TranslationUnit:
    """The unit of "The first challenge is variability." after ``termwise align`` of the
    wind report, whose Spanish has the note on a line of its own before that sentence."""
    for name in ("wind.md", "wind.es.md"):
        (folder / name).write_text((DATA / name).read_text("utf-8"), "utf-8")
    result = termwise(
        "align", "wind.md", "wind.es.md", "--from", "en", "--to", "es", "--no-mt", cwd=folder
    )
    assert result.returncode == 0, result.stderr
    units = TranslationFile.load(folder / "translations" / "wind.es.po").units.values()
    return next(unit for unit in units if unit.source == "The first challenge is variability.")


def test_the_note_before_a_groups_sentence_is_recorded_as_its_own_paragraph(
    tmp_path: Path,
) -> None:
    unit = _aligned_unit(tmp_path)
    assert unit.target == f"{NOTE} {FIRST}"
    recorded = [c for c in unit.comments if c.startswith(OPENING)]
    assert len(recorded) == 1, unit.comments
    assert aligned_paragraph_starts(unit) == (unit.target.index(FIRST),)
    # The sentences' own record reads as before, the paragraph line beside it.
    assert aligned_sentences(unit) == [NOTE, FIRST]


def test_the_record_goes_stale_with_an_edit_and_an_older_file_has_none() -> None:
    unit = TranslationUnit(segment_id="a", source="The first challenge is variability.")
    unit.set_translation(f"{NOTE} {FIRST}")
    record_sentences(unit, [NOTE, FIRST], "es", [True, True])
    assert aligned_paragraph_starts(unit) == (len(NOTE) + 1,)
    # A file written before the record existed: its sentences, no paragraphs.
    older = TranslationUnit(segment_id="b", source=unit.source, comments=tuple(
        c for c in unit.comments if not c.startswith(OPENING)
    ))  # fmt: skip
    older.set_translation(unit.target)
    assert aligned_paragraph_starts(older) == ()
    assert aligned_sentences(older) == [NOTE, FIRST]
    # Edited in review: the offsets no longer fit the text.
    unit.set_translation(f"{NOTE} El primer reto es, sin duda, la variabilidad.")
    assert aligned_paragraph_starts(unit) == ()
    assert aligned_sentences(unit) is None


def test_sentences_of_one_paragraph_record_no_paragraph() -> None:
    unit = TranslationUnit(segment_id="a", source="x")
    unit.set_translation("Uno. Dos.")
    record_sentences(unit, ["Uno.", "Dos."], "es", [True, False])
    assert not any(c.startswith(OPENING) for c in unit.comments)
    assert aligned_paragraph_starts(unit) == ()
    # The record put first still leaves the sentences' record to be read as it is.
    unit.set_translation("Uno. Dos.")
    record_sentences(unit, ["Uno.", "Dos."], "es", [False, True])
    unit.comments = tuple(reversed(unit.comments))
    assert aligned_sentences(unit) == ["Uno.", "Dos."]
    assert aligned_paragraph_starts(unit) == (5,)
