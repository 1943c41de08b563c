"""Saves copy unchanged entries from the file they replace: the result must still be exactly
what Babel writes, whatever happened to the units and to the file in between."""

from __future__ import annotations

import io
import random
from pathlib import Path

import pytest

from termwise.project import entry_spans
from termwise.project.translation_file import TranslationFile
from termwise.project.units import SegmentState, TranslationUnit


def _without_revision_date(data: bytes) -> bytes:
    return data.split(b"PO-Revision-Date")[1].split(b"\n", 1)[1]


def _book(count: int) -> TranslationFile:
    tfile = TranslationFile(lang="es", source_lang="en", document_name="book.md")
    for number in range(count):
        segment_id = f"s{number:04d}"
        tfile.units[segment_id] = TranslationUnit(
            segment_id,
            f'Sentence {number} says "{number % 7}".',
            f"Frase {number}." if number % 3 else "",
            SegmentState.EDITED if number % 3 else SegmentState.NEW,
            notes="a note\nover two lines" if number % 11 == 0 else "",
        )
    return tfile


def test_saves_after_edits_moves_and_deletions_equal_a_full_format(tmp_path: Path) -> None:
    path = tmp_path / "book.es.po"
    _book(300).save(path)
    tfile = TranslationFile.load(path)
    rng = random.Random(7)
    for round_number in range(4):
        ids = list(tfile.units)
        for segment_id in rng.sample(ids, 15):
            tfile.units[segment_id].set_translation(f"Cambio {round_number}.")
        for segment_id in rng.sample(ids, 3):
            del tfile.units[segment_id]
        # A join or split reorders and inserts: copied runs must break at the right places.
        order = list(tfile.units.values())
        order[40:60] = reversed(order[40:60])
        order.insert(
            5,
            TranslationUnit(f"new{round_number}", "Inserted.", "Insertada.", SegmentState.REVIEWED),
        )
        tfile.units = {unit.segment_id: unit for unit in order}
        tfile.save()
        written = path.read_bytes()
        assert _without_revision_date(written) == _without_revision_date(tfile.full_bytes())
        reloaded = TranslationFile.load(path)
        assert reloaded.units == tfile.units
        assert list(reloaded.units) == list(tfile.units)


def test_a_file_rewritten_by_another_program_is_not_copied_from(tmp_path: Path) -> None:
    path = tmp_path / "book.es.po"
    _book(50).save(path)
    tfile = TranslationFile.load(path)
    tfile.units["s0001"].set_translation("Mía.")
    tfile.save()
    # Same size, other bytes: the spans no longer point at the entries they describe.
    data = path.read_bytes()
    path.write_bytes(data.replace(b"Frase 2.", b"Frase X."))
    tfile.units["s0004"].set_translation("También mía.")
    tfile.save(force=True)
    written = path.read_bytes()
    assert _without_revision_date(written) == _without_revision_date(tfile.full_bytes())
    assert b"Frase X." not in written


def test_a_file_cut_short_while_saving_stops_the_save(tmp_path: Path) -> None:
    shortened = tmp_path / "book.es.po"
    shortened.write_bytes(b"0123")  # the spans below were taken when it had 10 bytes
    with shortened.open("rb") as source, pytest.raises(entry_spans.FileChangedWhileSavingError):
        b"".join(entry_spans.chunks(b"H", [(0, 10)], b"T", source))


@pytest.mark.parametrize("block_size", [1, 2, 3, 7, 1 << 20])
def test_blocks_split_like_bytes_split(monkeypatch: pytest.MonkeyPatch, block_size: int) -> None:
    monkeypatch.setattr(entry_spans, "BLOCK_SIZE", block_size)
    rng = random.Random(block_size)
    for _ in range(50):
        data = bytes(rng.choice(b"ab\n") for _ in range(rng.randrange(0, 60)))
        found = list(entry_spans.blocks(io.BytesIO(data)))
        assert [block for _, block in found] == data.split(b"\n\n")
        assert all(data[offset : offset + len(block)] == block for offset, block in found)
