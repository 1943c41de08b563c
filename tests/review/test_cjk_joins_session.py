"""The workbench's join (F3) and split (F4) of Chinese sentences, on either side.

A join's translation was glued by one rule for the whole language (nothing in Chinese), so
"It works." and "我们同意。" became "It works.我们同意。", and a join's source always took a
space, so two Chinese sentences read "第一句话很长。 第二句话也很长。" in the project file, in
the workbench and in every edition. Both now follow ``languages.join_sentences`` (a space
after Latin text, none after Chinese writing); a split takes back exactly what the join
added, so that F3 then F4 (or F3 then undo) gives the project file's bytes back. A Latin
target (Apertium's Spanish) joins and splits as before.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from support.apertium_project import translated
from termwise.project.layout import ProjectLayout, segmentation_overrides_file
from termwise.project.translation_file import TranslationFile
from termwise.review.session import ReviewSession

CHINESE = "第一句话很长。第二句话也很长。第三句话在这里。\n"
ENGLISH = "The committee met in May. The council approved the plan. The work began.\n"


def _session(folder: Path, source: str, target_lang: str) -> tuple[ReviewSession, Path]:
    """A session on ``source`` as ``doc.txt`` into ``target_lang``, and its PO file."""
    document = folder / "doc.txt"
    document.write_text(source, encoding="utf-8")
    layout = ProjectLayout.at(folder)
    return ReviewSession(layout, document, target_lang), layout.translation_file(
        document, target_lang
    )


def test_a_chinese_target_keeps_the_space_after_latin_text_and_splits_back(tmp_path: Path) -> None:
    session, po = _session(tmp_path, ENGLISH, "zh")
    first, second, third = (row.segment_id for row in session.rows)
    session.set_target(first, "It works.")
    session.set_target(second, "我们同意。")
    session.set_target(third, "工作开始了。")
    session.save()
    before = po.read_bytes()

    session.join_with_next(first)
    assert session.unit(first).target == "It works. 我们同意。"
    session.join_with_next(first)
    assert session.unit(first).target == "It works. 我们同意。工作开始了。"
    session.save()
    saved = TranslationFile.load(po).units[first]
    assert saved.target == "It works. 我们同意。工作开始了。"

    # F4 where the second sentence starts: the first takes back "It works." alone, the
    # later two their own, still joined.
    session.split(first, session.split_points(first)[0])
    assert session.unit(first).target == "It works."
    assert session.unit(second).target == "我们同意。工作开始了。"
    session.split(second, session.split_points(second)[0])
    assert [session.unit(s).target for s in (first, second, third)] == [
        "It works.",
        "我们同意。",
        "工作开始了。",
    ]
    session.save()
    assert po.read_bytes() == before


def test_a_chinese_source_joins_without_a_space_and_splits_where_its_parts_meet(
    tmp_path: Path,
) -> None:
    session, po = _session(tmp_path, CHINESE, "en")
    first, second, _ = (row.segment_id for row in session.rows)
    session.set_target(first, "The first sentence is long.")
    session.set_target(second, "The second one is long too.")
    session.save()
    before = po.read_bytes()

    session.join_with_next(first)
    assert session.source_text(first) == "第一句话很长。第二句话也很长。"
    assert session.unit(first).source == "第一句话很长。第二句话也很长。"
    assert session.split_points(first) == [len("第一句话很长。")]
    session.save()
    text = po.read_text(encoding="utf-8")
    assert 'msgid "第一句话很长。第二句话也很长。"' in text
    assert "#|" not in text

    # Opened again, the join is the same segment: nothing reads as a changed source.
    again = ReviewSession(ProjectLayout.at(tmp_path), tmp_path / "doc.txt", "en")
    assert again.source_text(first) == "第一句话很长。第二句话也很长。"
    assert again.unit(first).previous_source is None

    session.undo()
    session.save()
    assert po.read_bytes() == before
    session.redo()
    session.split(first, session.split_points(first)[0])
    session.save()
    assert po.read_bytes() == before


@pytest.mark.parametrize("saved", ["It works. 我们同意。", "It works.我们同意。"])
def test_a_joins_translation_saved_with_its_space_is_split_without_it(
    tmp_path: Path, saved: str
) -> None:
    """A join saved as ``languages.join_sentences`` makes it (by ``termwise align``, or by
    the workbench now), split again: the first part's translation ends where its sentence
    does, not with the space that stood before the later part's. One a termwise saved
    that joined Chinese by one glue ("It works.我们同意。") splits as it did."""
    session, po = _session(tmp_path, ENGLISH, "zh")
    first, second, _ = (row.segment_id for row in session.rows)
    session.set_target(first, "It works.")
    session.set_target(second, "我们同意。")
    session.save()
    # The file as a join leaves it: the joined translation on the first part, the later
    # part's own unit set aside (``#~``) for a split to take back.
    entries = po.read_text(encoding="utf-8")
    entries = entries.replace(
        f'msgctxt "{first}"\nmsgid "The committee met in May."\nmsgstr "It works."',
        f'msgctxt "{first}"\nmsgid "The committee met in May. The council approved the plan."\n'
        f'msgstr "{saved}"',
    )
    entries = entries.replace(
        f'msgctxt "{second}"\nmsgid "The council approved the plan."\nmsgstr "我们同意。"',
        f'#~ msgctxt "{second}"\n#~ msgid "The council approved the plan."\n#~ msgstr "我们同意。"',
    )
    assert saved in entries and f'#~ msgctxt "{second}"' in entries
    po.write_text(entries, encoding="utf-8")
    overrides = segmentation_overrides_file(ProjectLayout.at(tmp_path), tmp_path / "doc.txt")
    overrides.write_text(json.dumps({"splits": {}, "joins": [[first, second]]}), encoding="utf-8")

    joined = ReviewSession(ProjectLayout.at(tmp_path), tmp_path / "doc.txt", "zh")
    assert joined.unit(first).target == saved
    joined.split(first, joined.split_points(first)[0])
    assert joined.unit(first).target == "It works."
    assert joined.unit(second).target == "我们同意。"


def test_a_latin_target_joins_and_splits_as_before(tmp_path: Path) -> None:
    layout, document = translated(tmp_path, ENGLISH)
    session = ReviewSession(layout, document, "es")
    first, second, _ = (row.segment_id for row in session.rows)
    session.set_target(first, "El comité se reunió en mayo.")
    session.save()
    po = layout.translation_file(document, "es")
    before = po.read_bytes()
    machine = session.unit(second).mt
    assert machine

    session.join_with_next(first)
    assert session.source_text(first) == (
        "The committee met in May. The council approved the plan."
    )
    assert session.unit(first).target == f"El comité se reunió en mayo. {machine}"
    assert session.split_points(first) == [len("The committee met in May. ")]
    session.save()
    session.split(first, session.split_points(first)[0])
    assert session.unit(first).target == "El comité se reunió en mayo."
    session.save()
    assert po.read_bytes() == before
    session.undo()
    session.undo()
    session.save()
    assert po.read_bytes() == before
