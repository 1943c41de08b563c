"""A locked sentence (``#, read-only``: an XLIFF import's translate="no", another tool's
lock) that the segmenter now cuts in two (``translations._carry_over_resegmented``): the
lock is the whole sentence's, so every part keeps it, with the reason the import gave. The
carry-over put the flag on the first part alone, and the later part was editable; a locked
sentence with no person's translation (nothing, or MT only) was not carried over at all, so
its lock went to ``#~`` with it, or nowhere."""

from __future__ import annotations

from pathlib import Path

import pytest

from termwise.document.ids import content_hash
from termwise.project.importing import read_only_reason
from termwise.project.layout import ProjectLayout
from termwise.project.omissions import in_neighbour_note, translation_in_neighbour, waited_for
from termwise.project.translation_file import TranslationFile
from termwise.project.translations import open_translation
from termwise.review.session import ReadOnlySegment, ReviewSession

WHOLE = "The committee met in May. The project grew fast across the region."
SPANISH = "El comité se reunió en mayo. El proyecto creció rápido en la región."
REASON = 'Not for translation (translate="no" in doc.xlf): keep the text as it is'


def _saved_whole(tmp_path: Path) -> tuple[ProjectLayout, Path, Path]:
    """The file as termwise saved it while the paragraph was one segment, locked by an
    XLIFF import (its ``#.`` comment and the ``read-only`` flag)."""
    document = tmp_path / "d.txt"
    document.write_text(WHOLE + "\n", encoding="utf-8")
    (tmp_path / "translations").mkdir()
    layout = ProjectLayout.at(tmp_path)
    po = layout.translation_file(document, "es")
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n'
        '"Language: es\\n"\n"X-Source-Language: en\\n"\n\n'
        f"#. {REASON}\n"
        f'#, read-only\nmsgctxt "{content_hash(WHOLE)}"\nmsgid "{WHOLE}"\nmsgstr "{SPANISH}"\n',
        encoding="utf-8",
    )
    return layout, document, po


def test_every_part_of_a_locked_sentence_stays_locked(tmp_path: Path) -> None:
    layout, document, _po = _saved_whole(tmp_path)
    session = ReviewSession(layout, document, "es")
    first, second = (row.segment_id for row in session.rows)

    units = open_translation(layout, session.document, "es").units
    assert "read-only" in units[first].flags and "read-only" in units[second].flags
    assert read_only_reason(units[first]) == REASON
    assert read_only_reason(units[second]) == REASON
    assert units[first].target == SPANISH and units[second].target == ""
    # The later part waits for its share, in the note's one format.
    assert units[second].notes == in_neighbour_note(
        first, "carried over whole from before the segmenter cut its sentence here"
    )
    assert translation_in_neighbour(units[second]) and waited_for(units[second]) == first

    assert all(row.locked for row in session.rows)
    with pytest.raises(ReadOnlySegment, match="#2 is read-only, so editing is refused"):
        session.set_target(second, "El proyecto creció rápido en la región.")
    with pytest.raises(ReadOnlySegment, match="#1 is read-only, so joining is refused"):
        session.join_with_next(first)


def test_the_lock_survives_a_save_and_a_reopen(tmp_path: Path) -> None:
    layout, document, po = _saved_whole(tmp_path)
    session = ReviewSession(layout, document, "es")
    session.save()
    flag_lines = [
        line for line in po.read_text(encoding="utf-8").splitlines() if line.startswith("#,")
    ]
    assert len(flag_lines) == 2 and all("read-only" in line for line in flag_lines)
    again = ReviewSession(layout, document, "es")
    assert [row.locked for row in again.rows] == [True, True]
    assert again.read_only_reason(again.rows[1].segment_id) == REASON


MT = "El comité se reunió en mayo. El proyecto creció rápido en la región."


def _saved_whole_untranslated(tmp_path: Path, mt: str | None) -> tuple[ProjectLayout, Path]:
    """As ``_saved_whole``, the locked sentence holding no person's translation: nothing,
    or Apertium's MT as ``termwise translate`` saved it (``#. mt:``, fuzzy)."""
    document = tmp_path / "d.txt"
    document.write_text(WHOLE + "\n", encoding="utf-8")
    (tmp_path / "translations").mkdir()
    layout = ProjectLayout.at(tmp_path)
    machine = f"#. mt: {mt}\n#. mt-engine: apertium\n" if mt else ""
    flags = "fuzzy, read-only" if mt else "read-only"
    layout.translation_file(document, "es").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n'
        '"Language: es\\n"\n"X-Source-Language: en\\n"\n\n'
        f"#. {REASON}\n{machine}#, {flags}\n"
        f'msgctxt "{content_hash(WHOLE)}"\nmsgid "{WHOLE}"\nmsgstr "{mt or ""}"\n',
        encoding="utf-8",
    )
    return layout, document


@pytest.mark.parametrize("mt", [None, MT], ids=["empty", "mt-only"])
def test_a_locked_sentence_without_a_persons_translation_stays_locked(
    tmp_path: Path, mt: str | None
) -> None:
    layout, document = _saved_whole_untranslated(tmp_path, mt)
    session = ReviewSession(layout, document, "es")
    first, second = (row.segment_id for row in session.rows)
    assert all(row.locked for row in session.rows)
    assert [session.read_only_reason(i) for i in (first, second)] == [REASON, REASON]
    with pytest.raises(ReadOnlySegment, match="#2 is read-only, so editing is refused"):
        session.set_target(second, "El proyecto creció rápido en la región.")
    # MT fills neither part, and the locked sentence's MT stays as it was, whole, once.
    assert session.needs_mt() == []
    assert session.unit(first).target == (mt or "") and session.unit(second).target == ""
    if mt:
        assert session.unit(first).state.value == "mt" and session.unit(first).mt == mt
        assert waited_for(session.unit(second)) == first
    else:
        assert session.unit(second).notes == ""

    session.save()
    saved = TranslationFile.load(layout.translation_file(document, "es"))
    assert [read_only_reason(saved.units[i]) for i in (first, second)] == [REASON, REASON]
    assert not saved.obsolete
    again = ReviewSession(layout, document, "es")
    assert [row.locked for row in again.rows] == [True, True]
