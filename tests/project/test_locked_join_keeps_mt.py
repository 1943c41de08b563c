"""A locked sentence whose parts the segmenter now joins, where only one part had MT.

The join (``translations._joined_unit``, ``join_units``) dropped MT that not every part had,
as the workbench's join does for sentences free to translate: MT of the whole comes from F2
or ``translate``. Both leave a locked segment alone, so the MT was gone for good, and nothing
said so. The way it happened: a locked sentence with MT that the segmenter cut in two (the
carry-over put its MT whole on the first part, the later part waiting for it), joined again
when the segmenter came back to one sentence, lost its MT. Now the parts' MT stays the
joined segment's MT (the round trip gives the sentence back as it was), and the carry-over
note says so.
"""

from __future__ import annotations

from pathlib import Path

from termwise.document.ids import content_hash
from termwise.project.layout import ProjectLayout
from termwise.project.translation_file import TranslationFile
from termwise.project.translations import collecting_sync_reports
from termwise.project.units import READ_ONLY_FLAG, SegmentState
from termwise.review.session import ReviewSession

FIRST = "The report by Dr."
SECOND = "Smith was read in May."
WHOLE = f"{FIRST} {SECOND}"
REASON = "Locked in Weblate: legal text"
MT_WHOLE = "El informe del Dr. Smith se leyó en mayo."
HEADER = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '"Language: es\\n"\n"X-Source-Language: en\\n"\n\n'
)
# The file as the carry-over's cut of the locked sentence (the segmenter then cut it after
# "Dr.") wrote it: the MT whole on the first part, the later part waiting for it.
CUT = (
    f"#. {REASON}\n#. mt: {MT_WHOLE}\n#. mt-engine: apertium\n#, fuzzy, read-only\n"
    f'#| msgid "{WHOLE}"\nmsgctxt "{content_hash(FIRST)}"\nmsgid "{FIRST}"\n'
    f'msgstr "{MT_WHOLE}"\n\n'
    f"# termwise: this sentence's translation is still in segment {content_hash(FIRST)}, "
    "carried over whole from before the segmenter cut its sentence here\n"
    f'#. {REASON}\n#, read-only\nmsgctxt "{content_hash(SECOND)}"\nmsgid "{SECOND}"\n'
    'msgstr ""\n'
)


def test_a_locked_sentence_cut_and_joined_again_keeps_its_mt(tmp_path: Path) -> None:
    document = tmp_path / "d.txt"
    document.write_text(WHOLE + "\n", encoding="utf-8")
    (tmp_path / "translations").mkdir()
    layout = ProjectLayout.at(tmp_path)
    po = layout.translation_file(document, "es")
    po.write_text(HEADER + CUT, encoding="utf-8")

    with collecting_sync_reports() as reports:
        session = ReviewSession(layout, document, "es")
    (row,) = session.rows
    unit = session.unit(row.segment_id)
    assert row.locked and session.needs_mt() == []
    # The sentence as it was before the cut: its MT, still MT, locked for its reason.
    assert unit.target == unit.mt == MT_WHOLE and unit.state is SegmentState.MT
    assert unit.mt_engine == "apertium"
    assert unit.comments == (REASON,) and not unit.notes
    ((_, report),) = reports
    assert report.locked_mt_kept == [row.segment_id]
    assert (
        "1 locked segment the segmenter now joins keeps the MT its parts had, though not "
        "every part had one: no MT of the whole replaces a lock's, so look whether it leaves "
        "a sentence out"
    ) in report.lines()

    session.save()
    saved = TranslationFile.load(po)
    (kept,) = saved.units.values()
    assert kept.target == kept.mt == MT_WHOLE and kept.state is SegmentState.MT
    assert READ_ONLY_FLAG in kept.flags and not saved.obsolete
