"""Segment ids stay put when other parts of the document change, and when termwise edits."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from termwise.atomic import write_atomic
from termwise.document import Segment, load_document, parse_document
from termwise.document.editing import (
    SourceEdit,
    apply_source_edits,
    load_id_aliases,
    save_id_aliases,
)
from termwise.errors import InputError, TermwiseError
from termwise.project.layout import ProjectLayout, id_aliases_file

PAPER = Path(__file__).resolve().parents[2] / "seeds" / "000_204c7e650900ae41.txt"


def paper_text() -> str:
    return PAPER.read_text(encoding="utf-8")


def test_ids_are_unique_and_repeats_are_numbered() -> None:
    document = parse_document("Yes. No. Yes. Maybe. Yes.", lang="en")
    ids = [segment.id for segment in document.segments]
    assert len(set(ids)) == 5
    assert ids[2] == f"{ids[0]}-2" and ids[4] == f"{ids[0]}-3"
    paper_ids = [segment.id for segment in load_document(PAPER).segments]
    assert len(set(paper_ids)) == len(paper_ids)


def test_editing_one_paragraph_keeps_every_other_id() -> None:
    text = paper_text()
    before = load_document(PAPER).segments
    # Rewrite the paragraph of section 2.2 that starts "As a regional community" (lines 86-106):
    # change a sentence, add one, delete one.
    old = (
        'As a regional community, the modern nation-state is undoubtedly a "strong" community of\n'
        "human society so far. When we talk about human destiny and interests, we should first talk about\n"
        "national interests and national interests. "
    )
    assert old in text
    new = (
        'As a regional community, the modern nation-state is undoubtedly a "strong" community.\n'
        "A new sentence is added here. "
    )
    edited = text.replace(old, new)
    after = parse_document(edited, lang="en").segments
    before_ids = {segment.text: segment.id for segment in before}
    after_ids = {segment.text: segment.id for segment in after}
    unchanged = set(before_ids) & set(after_ids)
    assert len(unchanged) == len(before) - 2
    assert all(before_ids[text] == after_ids[text] for text in unchanged)
    # The changed and new sentences got new ids that clash with no other.
    assert len({segment.id for segment in after}) == len(after)
    # Also the positions moved: ids do not depend on them.
    moved = [s for s in after if s.text in unchanged and s.line != _line_of(before, s.text)]
    assert moved


def _line_of(segments: Sequence[Segment], text: str) -> int:
    return next(segment.line for segment in segments if segment.text == text)


def test_source_edit_keeps_the_segment_id_through_aliases(tmp_path: Path) -> None:
    layout = ProjectLayout.at(tmp_path)
    path = tmp_path / "paper.txt"
    path.write_text(paper_text(), encoding="utf-8")
    document = load_document(path)
    # A terminology fix across a line wrap: "human destiny\ncommunity" -> "shared future".
    target = next(s for s in document.segments if s.text.startswith("The idea of human destiny"))
    start = target.text.index("human destiny community")
    edit = SourceEdit(
        target.id, start, start + len("human destiny community"), "community with a shared future"
    )
    new_text, aliases = apply_source_edits(document, [edit])
    assert "The idea of community with a shared future is first" in new_text
    assert "human destiny\ncommunity is first" not in new_text
    assert len(aliases) == 1 and list(aliases.values()) == [target.id]
    write_atomic(path, new_text, backup=True)
    alias_path = id_aliases_file(layout, path)
    save_id_aliases(alias_path, aliases)

    reloaded = load_document(path, id_aliases=load_id_aliases(alias_path))
    fixed = reloaded.segment(target.id)
    assert fixed.text.startswith("The idea of community with a shared future is first")
    old_ids = [s.id for s in document.segments]
    assert [s.id for s in reloaded.segments] == old_ids
    # Without the aliases the fixed segment would have a new id: the map is what keeps it.
    assert target.id not in {s.id for s in load_document(path).segments}

    # A second fix of the same segment keeps the id too, and the alias map holds the latest.
    again = reloaded.segment(target.id)
    start = again.text.index("shared future")
    second_text, more = apply_source_edits(
        reloaded, [SourceEdit(target.id, start, start + len("shared future"), "common future")]
    )
    merged = {**load_id_aliases(alias_path), **more}
    final = parse_document(second_text, lang="en", id_aliases=merged)
    assert [s.id for s in final.segments] == old_ids
    assert final.segment(target.id).text.startswith("The idea of community with a common future")


def test_several_edits_in_one_call_and_overlap_rejected() -> None:
    document = parse_document("Alpha beta gamma. Delta epsilon.\nZeta eta.\n", lang="en")
    first, second, third = document.segments
    new_text, aliases = apply_source_edits(
        document,
        [
            SourceEdit(first.id, 0, 5, "ALPHA"),
            SourceEdit(third.id, 5, 8, "ETA"),
            SourceEdit(first.id, 11, 16, "GAMMA"),
        ],
    )
    assert new_text == "ALPHA beta GAMMA. Delta epsilon.\nZeta ETA.\n"
    after = parse_document(new_text, lang="en", id_aliases=aliases)
    assert [s.id for s in after.segments] == [first.id, second.id, third.id]
    with pytest.raises(ValueError, match="overlap"):
        apply_source_edits(
            document, [SourceEdit(first.id, 0, 5, "x"), SourceEdit(first.id, 3, 8, "y")]
        )
    with pytest.raises(KeyError):
        apply_source_edits(document, [SourceEdit("nope", 0, 1, "x")])


def test_docx_sources_cannot_be_edited(tmp_path: Path) -> None:
    import docx

    word = docx.Document()
    word.add_paragraph("One sentence.")
    path = tmp_path / "a.docx"
    word.save(str(path))
    document = load_document(path)
    with pytest.raises(TermwiseError, match="docx"):
        apply_source_edits(document, [SourceEdit(document.segments[0].id, 0, 3, "Two")])


def test_alias_file_round_trip_and_errors(tmp_path: Path) -> None:
    path = tmp_path / "translations" / "paper.ids.json"
    assert load_id_aliases(path) == {}
    save_id_aliases(path, {"aaa": "bbb", "ccc": "ddd"})
    assert list(load_id_aliases(path).items()) == [("aaa", "bbb"), ("ccc", "ddd")]
    path.write_text("{broken", encoding="utf-8")
    with pytest.raises(InputError, match="paper.ids.json:1:2"):
        load_id_aliases(path)
    path.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(InputError, match="object of strings"):
        load_id_aliases(path)


def test_an_alias_never_duplicates_an_id() -> None:
    document = parse_document("One. Two.", lang="en")
    one, two = (segment.id for segment in document.segments)
    # A stale alias that would give "Two." the id of "One." is ignored.
    again = parse_document("One. Two.", lang="en", id_aliases={two: one})
    assert [s.id for s in again.segments] == [one, two]


def test_an_edit_back_to_an_earlier_text_keeps_the_id() -> None:
    # Edited A -> B -> C -> B: merging alias maps with dict.update keeps B's first position,
    # so "latest entry wins" alone would pick C, whose text is gone.
    original = parse_document("Alpha one. Other.", lang="en")
    kept = original.segments[0].id
    b_id = parse_document("Beta one. Other.", lang="en").segments[0].id
    c_id = parse_document("Gamma one. Other.", lang="en").segments[0].id
    aliases = {b_id: kept}
    aliases.update({c_id: kept})
    aliases.update({b_id: kept})
    again = parse_document("Beta one. Other.", lang="en", id_aliases=aliases)
    assert again.segments[0].id == kept
    assert again.segments[1].id == original.segments[1].id
