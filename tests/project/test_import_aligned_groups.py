"""termwise's own alignment TMX round-trips into the project, groups over several lines too.

A presegmented text holds a sentence a line, so each line is a paragraph of the document;
the aligner groups sentences across them (2-1, 3-2), and ``import`` kept 69 of Text+Berg's
385 units aside, "it spans 2 paragraphs of the document", leaving 157 of 481 segments new.
The aligner's project output joins such a group's sentences into one segment; the import
shares its translation out where it cuts into as many sentences, and else keeps it whole in
the group's first segment, which the others wait for (as a cut sentence's parts do, ready
for F3). Real aligner, real Text+Berg files, the commands themselves.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from support.command_line import termwise
from termwise.project.omissions import waited_for
from termwise.project.translation_file import TranslationFile
from termwise.project.units import SegmentState

TB = Path(__file__).resolve().parents[2].parent / "shared" / "align-dev" / "textberg-de-fr"

pytestmark = pytest.mark.skipif(not TB.is_dir(), reason="needs the shared Text+Berg data")


def test_the_aligners_tmx_is_imported_whole(tmp_path: Path) -> None:
    (tmp_path / "translations").mkdir()
    shutil.copy(TB / "dev.de", tmp_path / "tb.de")
    shutil.copy(TB / "dev.fr", tmp_path / "tb.fr")
    aligned = termwise(
        "align", "tb.de", "tb.fr", "--from", "de", "--to", "fr", "--presegmented",
        "--source-mt", str(TB / "dev.mt-google.fr"), "--format", "tmx", "-o", "tb.tmx",
        cwd=tmp_path,
    )  # fmt: skip
    assert aligned.returncode == 0, aligned.stderr
    imported = termwise("import", "tb.tmx", "--doc", "tb.de", "--to", "fr", cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr
    assert "spans 2 paragraphs" not in imported.stdout
    assert "unmatched (kept aside): 0" in imported.stdout
    assert not (tmp_path / "translations" / "tb.fr.unmatched.tmx").exists()

    tfile = TranslationFile.load(tmp_path / "translations" / "tb.fr.po")
    units = list(tfile.units.values())
    # Every sentence has a translation, or waits for the one its group's first holds.
    open_ = [u for u in units if not u.target and waited_for(u) is None]
    waiting = [u for u in units if waited_for(u) is not None]
    assert len(open_) <= 5  # sentences the aligner paired with nothing (no TMX unit)
    assert waiting
    for unit in waiting:
        holder = tfile.units[waited_for(unit) or ""]
        assert holder.target and holder.state is SegmentState.EDITED
        assert not unit.target and unit.state is SegmentState.NEW
    # The group of lines 11-12 of tb.de (the aligner's [10, 11]:[13]): one French sentence.
    first = next(u for u in units if u.source.startswith("Für den Kangchendzönga"))
    second = next(u for u in units if u.source.startswith("= 18,29 m erhöht"))
    assert first.target.startswith("Quant au Kanchenjunga") and first.target.endswith("globe .")
    assert waited_for(second) == first.segment_id
    assert "[10, 11]:[13]" in second.notes

    stats = termwise("stats", "tb.de", cwd=tmp_path)
    assert stats.returncode == 0, stats.stderr
    new = next(line for line in stats.stdout.splitlines() if line.split()[:1] == ["new"])
    assert int(new.split()[1]) == len(open_) + len(waiting)
