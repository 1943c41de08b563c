"""The source alone under review (``termwise fix`` without ``--to``, the workbench without a
target) keeps the source of a segment a translation locks, also where the translation file
was saved before the segmenter cut the locked sentence otherwise: the lock is read from the
file synced with the document (carried over onto the first part, as every command sees it),
not under the old segment's id, which no segment has any more."""

from __future__ import annotations

from pathlib import Path

import pytest

from termwise.document.ids import content_hash
from termwise.project.layout import ProjectLayout
from termwise.project.translations import open_translation
from termwise.review.session import ReadOnlySegment, ReviewSession

WHOLE = "The committee met in May. The project grew fast across the region."
SPANISH = "El comité se reunió en mayo. El proyecto creció rápido en la región."


def test_a_lock_saved_before_the_segmenter_cut_the_sentence_still_holds(tmp_path: Path) -> None:
    document = tmp_path / "d.txt"
    document.write_text(WHOLE + "\n", encoding="utf-8")
    (tmp_path / "translations").mkdir()
    layout = ProjectLayout.at(tmp_path)
    po = layout.translation_file(document, "es")
    # As termwise saved it while the paragraph was one segment (Weblate's lock on it).
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n'
        '"Language: es\\n"\n"X-Source-Language: en\\n"\n\n'
        f'#, read-only\nmsgctxt "{content_hash(WHOLE)}"\nmsgid "{WHOLE}"\nmsgstr "{SPANISH}"\n',
        encoding="utf-8",
    )
    session = ReviewSession(layout, document, None)
    first, _second = (row.segment_id for row in session.rows)
    # Every command sees the lock carried over onto the first part.
    spanish = open_translation(layout, session.document, "es")
    assert "read-only" in spanish.units[first].flags

    reason = session.read_only_reason(first)
    assert reason is not None and reason.endswith("(es)")
    with pytest.raises(ReadOnlySegment, match="#1 is read-only, so fixing its source is refused"):
        session.refuse_read_only([first], "fixing its source")
    # The file on disk is left as it was: the sync is the reading's, in memory.
    assert content_hash(WHOLE) in po.read_text(encoding="utf-8")
