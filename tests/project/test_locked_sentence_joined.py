"""Sentences an older segmenter cut in two ("The report by Dr." | "Smith was read in May.")
that the segmenter now makes one segment of (``translations._carry_over_resegmented``, its
join pass). A part locked (``#, read-only``: an XLIFF import's translate="no", another
tool's lock) locks the joined sentence, with the reason the import gave, whatever its
parts hold: the pass joined only parts holding a person's translation, so locked parts with
nothing or MT only went to ``#~`` and the new segment was editable. And the joined unit is
what the workbench's join (F3, ``join_units``) makes of the parts: MT of every part stays
MT, not a person's translation (the pass marked every join edited)."""

from __future__ import annotations

from pathlib import Path

import pytest

from termwise.document.ids import content_hash
from termwise.project.importing import read_only_reason
from termwise.project.layout import ProjectLayout
from termwise.project.translation_file import TranslationFile
from termwise.project.units import SegmentState
from termwise.review.session import ReadOnlySegment, ReviewSession

FIRST = "The report by Dr."
SECOND = "Smith was read in May."
WHOLE = f"{FIRST} {SECOND}"
REASON = 'Not for translation (translate="no" in doc.xlf): keep the text as it is'
MT_FIRST = "El informe del Dr."
MT_SECOND = "Smith se leyó en mayo."
PERSON_FIRST = "El informe de la Dra."


def _entry(source: str, target: str, *, locked: bool, mt: bool) -> str:
    """One PO entry as termwise writes it: the import's reason and the lock, MT as
    ``termwise translate`` saves it (``#. mt:``, fuzzy), a person's translation unflagged."""
    lines = [f"#. {REASON}"] if locked else []
    flags = []
    if mt:
        lines += [f"#. mt: {target}", "#. mt-engine: apertium"]
        flags.append("fuzzy")
    if locked:
        flags.append("read-only")
    if flags:
        lines.append(f"#, {', '.join(flags)}")
    lines += [f'msgctxt "{content_hash(source)}"', f'msgid "{source}"', f'msgstr "{target}"']
    return "\n".join(lines) + "\n"


def _saved_cut(tmp_path: Path, *entries: str) -> tuple[ProjectLayout, Path, Path]:
    """The document as it reads now (one sentence) and its translation file as an older
    segmenter left it (two)."""
    document = tmp_path / "d.txt"
    document.write_text(WHOLE + "\n", encoding="utf-8")
    (tmp_path / "translations").mkdir()
    layout = ProjectLayout.at(tmp_path)
    po = layout.translation_file(document, "es")
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n'
        '"Language: es\\n"\n"X-Source-Language: en\\n"\n\n' + "\n".join(entries),
        encoding="utf-8",
    )
    return layout, document, po


@pytest.mark.parametrize(
    ("first_mt", "second_mt"),
    [(False, False), (True, True), (True, False), (False, True)],
    ids=["empty", "mt-only", "first-mt", "second-mt"],
)
def test_a_locked_sentence_joined_keeps_its_lock(
    tmp_path: Path, first_mt: bool, second_mt: bool
) -> None:
    layout, document, po = _saved_cut(
        tmp_path,
        _entry(FIRST, MT_FIRST if first_mt else "", locked=True, mt=first_mt),
        _entry(SECOND, MT_SECOND if second_mt else "", locked=True, mt=second_mt),
    )
    session = ReviewSession(layout, document, "es")
    (row,) = session.rows
    assert row.locked and session.read_only_reason(row.segment_id) == REASON
    unit = session.unit(row.segment_id)
    if first_mt and second_mt:
        # MT of both sentences is MT of the sentence: still MT, never a person's.
        assert unit.state is SegmentState.MT
        assert unit.target == unit.mt == f"{MT_FIRST} {MT_SECOND}"
    elif first_mt or second_mt:
        # One sentence's MT is kept, still MT: nothing may make MT of the locked whole, and
        # dropped it was gone for good (F3, on sentences free to translate, drops it).
        kept = MT_FIRST if first_mt else MT_SECOND
        assert unit.state is SegmentState.MT and unit.target == unit.mt == kept
    else:
        assert unit.state is SegmentState.NEW and unit.target == "" and unit.mt is None
    assert session.needs_mt() == []
    with pytest.raises(ReadOnlySegment, match="#1 is read-only, so editing is refused"):
        session.set_target(row.segment_id, "El informe se leyó.")

    session.save()
    saved = TranslationFile.load(po)
    assert read_only_reason(saved.units[row.segment_id]) == REASON
    assert not saved.obsolete
    again = ReviewSession(layout, document, "es")
    assert [r.locked for r in again.rows] == [True]
    assert again.unit(row.segment_id).state is unit.state


def test_one_locked_part_locks_the_joined_sentence(tmp_path: Path) -> None:
    """The lock of one part holds the whole: its text is in the joined sentence."""
    layout, document, _po = _saved_cut(
        tmp_path,
        _entry(FIRST, PERSON_FIRST, locked=False, mt=False),
        _entry(SECOND, "", locked=True, mt=False),
    )
    session = ReviewSession(layout, document, "es")
    (row,) = session.rows
    assert row.locked and session.read_only_reason(row.segment_id) == REASON
    unit = session.unit(row.segment_id)
    assert unit.target == PERSON_FIRST and unit.state is SegmentState.EDITED


def test_a_persons_part_joined_with_an_mt_part_is_edited(tmp_path: Path) -> None:
    """No lock: a person's translation of one part carries the join over, as before; the
    other part's MT alone is no MT of the whole, and its text is now the person's to review."""
    layout, document, _po = _saved_cut(
        tmp_path,
        _entry(FIRST, PERSON_FIRST, locked=False, mt=False),
        _entry(SECOND, MT_SECOND, locked=False, mt=True),
    )
    session = ReviewSession(layout, document, "es")
    (row,) = session.rows
    unit = session.unit(row.segment_id)
    # A person wrote part of it: edited, to review, the MT alone no MT of the whole.
    assert unit.target == f"{PERSON_FIRST} {MT_SECOND}"
    assert unit.state is SegmentState.EDITED and unit.mt is None
    assert not row.locked
