"""A join (F3) saved by an earlier termwise, split again (F4): its first part had its own
translation, with no MT, and its later part had nothing, and that termwise kept no copy of
the first part aside (no ``#~`` entry), so the file cannot say whether the joined
translation is the first part's own or was written while joined, for both. The later part
waits for its share only where the translation visibly holds more than one sentence: read
as rewritten whatever it held, the part waited and its sentence was in no edition. A join
termwise makes now keeps a copy, or a note where the first part had nothing either, and is
told apart exactly (``test_join_split_later_part_had_nothing``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from termwise.document.ids import content_hash
from termwise.project.layout import ProjectLayout
from termwise.project.omissions import confirmed_omission, translation_in_neighbour, waited_for
from termwise.project.translation_file import TranslationFile
from termwise.project.units import SegmentState
from termwise.review.session import ReviewSession

FIRST = "The committee met in May."
SECOND = "The project grew fast across the region, and the budget doubled."
THIRD = "The council approved the plan."
OWN = "El proyecto creció rápido en la región, y el presupuesto se duplicó."
BOTH = f"{OWN} El consejo aprobó el plan."
MERGED = "El proyecto creció rápido y el presupuesto se duplicó, con el visto bueno del consejo."


def _saved_by_an_earlier_termwise(tmp_path: Path, joined: str) -> tuple[ProjectLayout, Path]:
    """The files an earlier termwise saved after #2 (translated ``OWN``) was joined with #3
    (nothing) and its translation then read ``joined``: the segmentation with the join,
    and the joined entry, edited (fuzzy), with no ``#~`` copy."""
    document = tmp_path / "doc.txt"
    document.write_text(f"{FIRST} {SECOND} {THIRD}\n", encoding="utf-8")
    translations = tmp_path / "translations"
    translations.mkdir()
    (translations / "doc.segmentation.json").write_text(
        json.dumps({"splits": {}, "joins": [[content_hash(SECOND), content_hash(THIRD)]]}),
        encoding="utf-8",
    )
    (translations / "doc.es.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n'
        '"Language: es\\n"\n"X-Source-Language: en\\n"\n\n'
        f'msgctxt "{content_hash(FIRST)}"\nmsgid "{FIRST}"\nmsgstr ""\n\n'
        f'#, fuzzy\nmsgctxt "{content_hash(SECOND)}"\nmsgid "{SECOND} {THIRD}"\n'
        f'msgstr "{joined}"\n',
        encoding="utf-8",
    )
    return ProjectLayout.at(tmp_path), document


def _split(layout: ProjectLayout, document: Path) -> ReviewSession:
    session = ReviewSession(layout, document, "es")
    second = content_hash(SECOND)
    assert session.unit(second).source == f"{SECOND} {THIRD}"
    session.split(second, session.split_points(second)[0])
    return session


@pytest.mark.parametrize("joined", [OWN, MERGED], ids=["own", "merged-into-one"])
def test_one_sentence_leaves_the_later_part_new(tmp_path: Path, joined: str) -> None:
    """One sentence: the first part's own translation (the usual case), or two merged by the
    translator, which the file cannot tell from it: the later part is new, for MT."""
    session = _split(*_saved_by_an_earlier_termwise(tmp_path, joined))
    second, third = content_hash(SECOND), content_hash(THIRD)
    assert session.unit(second).target == joined
    assert session.unit(second).state is SegmentState.EDITED
    later = session.unit(third)
    assert later.target == "" and later.notes == "" and not translation_in_neighbour(later)
    assert third in session.needs_mt()
    session.save()
    saved = TranslationFile.load(session.translation_path)
    assert saved.units[third].notes == "" and not saved.obsolete


def test_two_sentences_make_the_later_part_wait(tmp_path: Path) -> None:
    """The translation holds a sentence more than the first part's: written while joined,
    it holds the later part's share, which waits for it (MT leaves it empty)."""
    session = _split(*_saved_by_an_earlier_termwise(tmp_path, BOTH))
    second, third = content_hash(SECOND), content_hash(THIRD)
    assert session.unit(second).target == BOTH
    later = session.unit(third)
    assert later.target == "" and waited_for(later) == second
    assert confirmed_omission(later)
    session.save()
    assert waited_for(TranslationFile.load(session.translation_path).units[third]) == second


def test_a_join_of_two_empty_parts_keeps_its_note_aside(tmp_path: Path) -> None:
    """The join termwise makes now of two parts with no translation keeps a ``#~`` note
    (saved, read back), which tells a translation written while joined from one saved by
    an earlier termwise: the later part waits for a one-sentence translation too."""
    document = tmp_path / "doc.txt"
    document.write_text(f"{FIRST} {SECOND} {THIRD}\n", encoding="utf-8")
    layout = ProjectLayout.at(tmp_path)
    session = ReviewSession(layout, document, "es")
    second, third = content_hash(SECOND), content_hash(THIRD)
    session.join_with_next(second)
    session.save()
    (aside,) = TranslationFile.load(session.translation_path).obsolete
    assert aside.segment_id == second and aside.source == SECOND and aside.target == ""

    session = ReviewSession(layout, document, "es")
    session.set_target(second, MERGED)
    session.split(second, session.split_points(second)[0])
    assert waited_for(session.unit(third)) == second
    session.save()
    # The note went with the join.
    assert not TranslationFile.load(session.translation_path).obsolete
