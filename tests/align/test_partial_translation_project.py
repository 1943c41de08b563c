"""A partial translation aligned into a project: the source beyond the part it translates is
work not done yet, left to translate, not omissions flagged for review."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from support.command_line import termwise
from termwise.align.output import CHECK_FLAG, COMMENT_PREFIX
from termwise.document import load_document
from termwise.project.layout import ProjectLayout
from termwise.project.translation_file import TranslationFile
from termwise.project.units import SegmentState, TranslationUnit

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_204c7e650900ae41.txt"
# A Chinese translation of the seed paper's first 15 sentences (see test_partial_translation).
SEED_START_ZH = Path(__file__).resolve().parent / "data" / "seed_start.zh.txt"
needs_apertium = pytest.mark.skipif(shutil.which("apertium") is None, reason="apertium absent")


def _units(folder: Path, lang: str) -> list[TranslationUnit]:
    path = folder / "translations" / f"paper.{lang}.po"
    return list(TranslationFile.load(path).units.values())


def _aligned(unit: TranslationUnit) -> bool:
    return any(comment.startswith(COMMENT_PREFIX) for comment in unit.comments)


def test_the_source_after_the_translated_part_is_left_to_translate(tmp_path: Path) -> None:
    # Each of the 87 segments after the part was flagged align-check "left out by the
    # translation", and the review listed them as gaps to check.
    shutil.copy(SEED, tmp_path / "paper.txt")
    shutil.copy(SEED_START_ZH, tmp_path / "paper.zh.txt")
    out = termwise(
        "align", "paper.txt", "paper.zh.txt", "--from", "en", "--to", "zh", "--no-mt",
        cwd=tmp_path,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    units = _units(tmp_path, "zh")
    last = max(number for number, unit in enumerate(units) if unit.target)
    after = units[last + 1 :]
    assert len(after) == 87
    flagged = [unit.source[:30] for unit in after if CHECK_FLAG in unit.flags]
    assert flagged == [], f"{len(flagged)} segments after the part flagged"
    assert not any(_aligned(unit) for unit in after)
    assert {unit.state for unit in after} == {SegmentState.NEW}
    assert "87 source segments after the translated part are left untranslated" in out.stdout
    assert "left out by the translation" not in out.stdout
    from termwise.review.alignment import low_confidence_rows
    from termwise.review.session import ReviewSession

    session = ReviewSession(ProjectLayout.at(tmp_path), tmp_path / "paper.txt", "zh")
    listed = {row.segment_id for row in low_confidence_rows(session)}
    assert listed.isdisjoint(unit.segment_id for unit in after)
    stats = termwise("stats", "paper.txt", cwd=tmp_path)
    assert stats.returncode == 0, stats.stderr
    assert any(line.split()[:2] == ["new", "87"] for line in stats.stdout.splitlines())


@needs_apertium
def test_the_workbench_and_translate_fill_the_source_after_the_part(tmp_path: Path) -> None:
    # The workbench's MT left a segment with an align: comment empty, as a gap in the
    # translation under review: the rest of a partial translation never got its MT.
    sentences = [segment.text for segment in load_document(SEED, lang="en").segments][7:47]
    (tmp_path / "paper.txt").write_text(" ".join(sentences) + "\n", encoding="utf-8")
    (tmp_path / "paper.es.txt").write_text(" ".join(sentences[:12]) + "\n", encoding="utf-8")
    out = termwise(
        "align", "paper.txt", "paper.es.txt", "--from", "en", "--to", "es", "--no-mt",
        "--no-language-check", cwd=tmp_path,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    from termwise.mt import open_engine
    from termwise.review.session import ReviewSession

    session = ReviewSession(ProjectLayout.at(tmp_path), tmp_path / "paper.txt", "es")
    empty = [row.segment_id for row in session.rows if not session.unit(row.segment_id).target]
    assert len(empty) == 26
    engine = open_engine("apertium", "en", "es", cache=False)
    results = engine.translate([session.source_text(key) for key in empty], "en", "es")
    assert session.record_mt(dict(zip(empty, results, strict=True))) == 26
    assert "26 source segments after the translated part are left untranslated" in out.stdout
    translated = termwise("translate", "paper.txt", "--to", "es", cwd=tmp_path)
    assert translated.returncode == 0, translated.stderr
    states = [unit.state for unit in _units(tmp_path, "es")]
    assert states == [SegmentState.EDITED] * 12 + [SegmentState.MT] * 26


def test_a_run_at_the_start_is_placed_by_the_groups_after_it(tmp_path: Path) -> None:
    # Without MT the note on a run that opens the text said to check the groups before it,
    # of which there are none.
    sentences = [segment.text for segment in load_document(SEED, lang="en").segments][7:47]
    (tmp_path / "paper.txt").write_text(" ".join(sentences) + "\n", encoding="utf-8")
    (tmp_path / "paper.es.txt").write_text(" ".join(sentences[28:]) + "\n", encoding="utf-8")
    out = termwise(
        "align", "paper.txt", "paper.es.txt", "--from", "en", "--to", "es", "--no-mt",
        "--no-language-check", "--format", "beads", "-o", "part.align", cwd=tmp_path,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    notes = [line for line in out.stderr.splitlines() if "the source's start" in line]
    assert len(notes) == 1, out.stderr
    assert "check the groups after it" in notes[0]
    assert "check the groups before it" not in notes[0]
