"""A locked sentence (``#, read-only``: Weblate's or Lokalize's lock, an import's
translate="no") whose source the document now words otherwise.

The carry-over's close match (``translations.sync_with_document``, pass 4) took a person's
translation to the reworded sentence without its lock or the lock's reason, and a locked
sentence holding nothing or MT found no match at all: the sentence came back editable, MT
filled it, and nothing said so. A lock is the project's decision about the sentence, which
Weblate keeps when the source string changes: it stays, with its reason, the translation
marked for review with the old source beside it, and the carry-over note says that the
lock was set for the old words. A source changed under the same id (termwise's own fix of
the source) keeps its lock, and is told the same way.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from termwise.document import load_document
from termwise.document.ids import content_hash
from termwise.project.layout import ProjectLayout
from termwise.project.translation_file import TranslationFile
from termwise.project.translations import collecting_sync_reports, sync_with_document
from termwise.project.units import READ_ONLY_FLAG, SegmentState, TranslationUnit
from termwise.review.session import ReviewSession

OLD = "The committee met in Paris in May of that year."
NEW = "The committee met in Geneva in May of that year."
FREE = "The rest of the text is free to translate."
REASON = "Locked in Weblate: legal text"
PERSON = "El comité se reunió en París en mayo de ese año."
MT = "El comité encontró en París en mayo de aquel año."
NOTE = (
    "1 locked segment whose source text changed stays read-only, with the lock's reasons; the "
    "lock was set for the old text: look whether it still holds (a translation kept is marked "
    "for review, the old text beside it)"
)
HEADER = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '"Language: es\\n"\n"X-Source-Language: en\\n"\n\n'
)


def _locked_entry(target: str, *, mt: bool) -> str:
    lines = [f"#. {REASON}"]
    if mt:
        lines += [f"#. mt: {target}", "#. mt-engine: apertium", "#, fuzzy, read-only"]
    else:
        lines.append("#, read-only")
    lines += [f'msgctxt "{content_hash(OLD)}"', f'msgid "{OLD}"', f'msgstr "{target}"']
    return "\n".join(lines) + "\n\n"


@pytest.mark.parametrize(
    ("target", "mt"), [(PERSON, False), ("", False), (MT, True)], ids=["person", "empty", "mt"]
)
def test_a_reworded_locked_sentence_stays_locked_and_is_told(
    tmp_path: Path, target: str, mt: bool
) -> None:
    document = tmp_path / "d.txt"
    document.write_text(f"{NEW}\n\n{FREE}\n", encoding="utf-8")
    (tmp_path / "translations").mkdir()
    layout = ProjectLayout.at(tmp_path)
    po = layout.translation_file(document, "es")
    po.write_text(
        HEADER + _locked_entry(target, mt=mt) + f'msgctxt "{content_hash(FREE)}"\n'
        f'msgid "{FREE}"\nmsgstr "El resto del texto es libre."\n',
        encoding="utf-8",
    )

    with collecting_sync_reports() as reports:
        session = ReviewSession(layout, document, "es")
    locked_row, free_row = session.rows
    assert locked_row.locked and not free_row.locked
    assert REASON in (session.read_only_reason(locked_row.segment_id) or "")
    # MT leaves it alone: the lock holds for the sentence reworded.
    assert locked_row.segment_id not in session.needs_mt()
    unit = session.unit(locked_row.segment_id)
    assert unit.source == NEW and unit.target == target
    if target:
        # To review against the words it was written for.
        assert unit.fuzzy and unit.previous_source == OLD
        assert unit.state is (SegmentState.MT if mt else SegmentState.EDITED)
        assert unit.mt == (MT if mt else None)
    ((_, report),) = reports
    assert report.locked_source_changed == [locked_row.segment_id]
    assert NOTE in report.lines()

    session.save()
    saved = TranslationFile.load(po)
    kept = saved.units[locked_row.segment_id]
    assert READ_ONLY_FLAG in kept.flags and kept.comments == (REASON,)
    assert kept.target == target and not saved.obsolete


def test_a_locked_source_changed_under_its_id_is_told(tmp_path: Path) -> None:
    """termwise's own fix of the source keeps the segment's id: the unit and its lock stay,
    and the note says the lock was set for the old words."""
    document_path = tmp_path / "d.txt"
    document_path.write_text(f"{NEW}\n", encoding="utf-8")
    document = load_document(document_path)
    (segment,) = document.segments
    tfile = TranslationFile(lang="es", source_lang="en")
    tfile.units[segment.id] = TranslationUnit(
        segment_id=segment.id,
        source=OLD,
        target=PERSON,
        state=SegmentState.REVIEWED,
        flags=frozenset({READ_ONLY_FLAG}),
        comments=(REASON,),
    )
    report = sync_with_document(tfile, document)
    unit = tfile.units[segment.id]
    assert READ_ONLY_FLAG in unit.flags and unit.state is SegmentState.EDITED
    assert report.locked_source_changed == [segment.id]
    assert NOTE in report.lines()
