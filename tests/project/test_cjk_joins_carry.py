"""A join of Chinese source sentences recorded in the document's segmentation, as every
command reads it.

``Resegmentation.apply`` put a space between any two joined sentences, so two Chinese
sentences read "第一句话很长。 第二句话也很长。", the space mapped to a character of the file
that is none (the next sentence's first); the units of the parts carried over onto the join
(``translations._joined_unit``) joined their sources with a space too. Both now join as
``languages.join_sentences`` does. A project saved with the old spaced join opens as the
same sentences, its review kept.
"""

from __future__ import annotations

import json
from pathlib import Path

from termwise.project.layout import ProjectLayout, segmentation_overrides_file
from termwise.project.translation_file import TranslationFile
from termwise.project.translations import load_source, open_translation
from termwise.project.units import SegmentState
from termwise.review.session import ReviewSession

CHINESE = "第一句话很长。第二句话也很长。\n\n第三句话在这里。\n"
JOINED = "第一句话很长。第二句话也很长。"


def _translated(folder: Path, source: str) -> tuple[ProjectLayout, Path, list[str]]:
    """``source`` as ``doc.txt`` with an English translation of each sentence, reviewed,
    saved; the project, the document and the segment ids."""
    document = folder / "doc.txt"
    document.write_text(source, encoding="utf-8")
    layout = ProjectLayout.at(folder)
    session = ReviewSession(layout, document, "en")
    ids = [row.segment_id for row in session.rows]
    for number, segment_id in enumerate(ids):
        session.set_target(segment_id, f"Sentence {number + 1}.")
        session.mark_reviewed(segment_id)
    session.save()
    return layout, document, ids


def _record_join(layout: ProjectLayout, document: Path, first: str, second: str) -> None:
    path = segmentation_overrides_file(layout, document)
    path.write_text(json.dumps({"splits": {}, "joins": [[first, second]]}), encoding="utf-8")


def test_a_recorded_join_of_chinese_sentences_reads_and_maps_without_a_space(
    tmp_path: Path,
) -> None:
    layout, document, (first, second, _) = _translated(tmp_path, CHINESE)
    _record_join(layout, document, first, second)

    source = load_source(layout, document)
    joined = source.segment(first)
    assert joined.text == JOINED
    # Every character of the joined segment is the file's character it maps to (a fix of
    # the source writes there).
    assert [source.text[offset] for offset in joined.offsets] == list(joined.text)


def test_units_of_chinese_sentences_carried_onto_their_join_keep_no_old_source(
    tmp_path: Path,
) -> None:
    """The parts' units under ids the document no longer has (as another reading of the
    text named them), found by their sources: joined as the workbench joins them, with
    no "previous source" that is the same sentences with a space between."""
    layout, document, (first, second, _) = _translated(tmp_path, CHINESE)
    po = layout.translation_file(document, "en")
    entries = po.read_text(encoding="utf-8")
    for index, segment_id in enumerate((first, second)):
        assert entries.count(f'msgctxt "{segment_id}"') == 1
        entries = entries.replace(f'msgctxt "{segment_id}"', f'msgctxt "0000000000a{index}"')
    po.write_text(entries, encoding="utf-8")
    _record_join(layout, document, first, second)

    tfile = open_translation(layout, load_source(layout, document), "en")
    unit = tfile.units[first]
    assert unit.source == JOINED
    assert unit.target == "Sentence 1. Sentence 2."
    assert unit.previous_source is None


def test_an_english_join_keeps_its_space_mapped_to_the_files_space(tmp_path: Path) -> None:
    layout, document, (first, second, _) = _translated(
        tmp_path, "The committee met in May. The council approved the plan.\n\nIt began.\n"
    )
    _record_join(layout, document, first, second)

    source = load_source(layout, document)
    joined = source.segment(first)
    assert joined.text == "The committee met in May. The council approved the plan."
    assert [source.text[offset] for offset in joined.offsets] == list(joined.text)


def test_a_chinese_join_saved_with_a_space_opens_as_the_same_sentences(tmp_path: Path) -> None:
    """A project a termwise saved that spaced every join: the join's unit is found by its
    id with the old spaced source, which is the same sentences, not a source edit that
    sends the reviewed translation back to review."""
    layout, document, (first, second, _) = _translated(tmp_path, CHINESE)
    po = layout.translation_file(document, "en")
    entries = po.read_text(encoding="utf-8")
    entries = entries.replace(
        f'msgctxt "{first}"\nmsgid "第一句话很长。"\nmsgstr "Sentence 1."',
        f'msgctxt "{first}"\nmsgid "第一句话很长。 第二句话也很长。"\n'
        'msgstr "Sentence 1. Sentence 2."',
    )
    entries = entries.replace(
        f'msgctxt "{second}"\nmsgid "第二句话也很长。"\nmsgstr "Sentence 2."\n', ""
    )
    assert "第一句话很长。 第二句话也很长。" in entries and f'"{second}"' not in entries
    po.write_text(entries, encoding="utf-8")
    _record_join(layout, document, first, second)

    tfile = open_translation(layout, load_source(layout, document), "en")
    unit = tfile.units[first]
    assert unit.source == JOINED
    assert unit.state is SegmentState.REVIEWED
    assert unit.previous_source is None
    assert TranslationFile.load(po).units[first].state is SegmentState.REVIEWED
