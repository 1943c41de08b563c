"""A translation of only a part of its source (a chapter, a partial edition), or a source that
is a part of its translation: what one side lacks is left out in one run at its start or end,
not shared out among the groups over the whole text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from support.command_line import termwise
from termwise.align.aligner import align
from termwise.align.beads import Bead, read_beads
from termwise.align.features import side_features
from termwise.align.scoring import score_file

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_204c7e650900ae41.txt"
# A Chinese translation of the seed paper's first 15 sentences in five paragraphs: it joins
# the first two and the 10th and 11th, and splits the 4th and the 15th.
SEED_START_ZH = Path(__file__).resolve().parent / "data" / "seed_start.zh.txt"
DEV = ROOT.parent / "shared" / "align-dev" / "textberg-de-fr"
needs_dev = pytest.mark.skipif(not DEV.is_dir(), reason=f"{DEV} (development data) is absent")


def test_a_translation_of_the_start_of_a_paper_is_aligned_with_its_start(
    tmp_path: Path,
) -> None:
    # The whole paper has 102 sentences, the translation 15. At the ratio of the texts'
    # total lengths (0.04 Chinese characters per English one) each Chinese sentence took
    # five English ones, spread from start to end ([1, 2, 3, 4, 5]:[0] ... [100, 101]:[14]),
    # with the English between left out in runs named as five passages the target lacks.
    out = termwise(
        "align",
        str(SEED),
        str(SEED_START_ZH),
        "--from",
        "en",
        "--to",
        "zh",
        "--format",
        "beads",
        "--no-mt",
        "-o",
        "part.align",
        cwd=tmp_path,
    )
    assert out.returncode == 0, out.stderr
    beads = read_beads(tmp_path / "part.align")
    paired = [bead for bead in beads if bead.src and bead.tgt]
    assert [bead.kind for bead in paired] == [
        (2, 1),
        (1, 1),
        (1, 2),
        *[(1, 1)] * 5,
        (2, 1),
        *[(1, 1)] * 3,
        (1, 2),
    ]
    assert max(i for bead in paired for i in bead.src) == 14
    assert [bead for bead in beads if not bead.tgt] == [Bead((i,), ()) for i in range(15, 102)]
    notes = re.findall(r"note: .* have no counterpart", out.stderr)
    assert notes == ["note: source sentences 16–102 (87) have no counterpart"], out.stderr
    assert "the target lacks the source's end" in out.stderr


def _lines(name: str) -> list[str]:
    return (DEV / name).read_text(encoding="utf-8").split("\n")[:-1]


def _part(side: str, keep: slice) -> tuple[list[str], list[str], list[Bead]]:
    """Text+Berg with one side ("source" or "target") cut to ``keep`` of its lines, and the
    gold renumbered: a line whose partners were all cut is a group of its own."""
    source, target = _lines("dev.de"), _lines("dev.fr")
    gold = read_beads(DEV / "dev.align")
    count = len(source if side == "source" else target)
    kept = range(count)[keep]
    number = {line: k for k, line in enumerate(kept)}
    cut_gold: list[Bead] = []
    for bead in gold:
        src, tgt = bead.src, bead.tgt
        if side == "source":
            src = tuple(number[i] for i in src if i in number)
        else:
            tgt = tuple(number[j] for j in tgt if j in number)
        if src and tgt:
            cut_gold.append(Bead(src, tgt))
        else:
            cut_gold += [Bead((i,), ()) for i in src] + [Bead((), (j,)) for j in tgt]
    if side == "source":
        source = [source[i] for i in kept]
    else:
        target = [target[j] for j in kept]
    return source, target, cut_gold


@needs_dev
@pytest.mark.parametrize(
    ("side", "keep"),
    [("target", slice(0, 83)), ("target", slice(471, None)), ("source", slice(0, 140))],
    ids=["French-first-15%", "French-last-15%", "German-first-30%"],
)
def test_what_a_part_lacks_is_left_out_in_one_run_at_an_end(side: str, keep: slice) -> None:
    # Before, the French's first 15% was spread over the whole German (strict F1 0.44, 94
    # of the 421 German lines it lacks paired), its last 15% took German lines from the
    # start (0.89, the paired German over 452 lines), and the German's first 30% took
    # French lines from all over the translation (0.78, 31 of 407 paired).
    source, target, gold = _part(side, keep)
    result = align(
        side_features(source, lang="de"),
        side_features(target, lang="fr"),
        source_texts=source,
        target_texts=target,
    )
    assert score_file(gold, result.beads).values()["f1_strict"] > 0.9
    # The whole side's lines that the gold pairs with nothing lie outside the part: at most
    # a handful of them are paired, and those paired lie together.
    whole = 0 if side == "target" else 1
    lacking = {line for bead in gold if not bead.side(1 - whole) for line in bead.side(whole)}
    left_out = {
        line for bead in result.beads if not bead.side(1 - whole) for line in bead.side(whole)
    }
    assert len(lacking - left_out) <= 3
    paired = [line for bead in result.beads if bead.side(1 - whole) for line in bead.side(whole)]
    part = len(source if side == "source" else target)
    assert max(paired) - min(paired) < 1.5 * part


def test_sentences_left_out_in_short_runs_are_counted_beside_the_named_runs(
    tmp_path: Path,
) -> None:
    # Only runs of five or more sentences are named: beside them, the notes read as all the
    # sentences without counterpart, and the sentence left out on its own went unsaid.
    from termwise.document import load_document

    source = [segment.text for segment in load_document(SEED, lang="en").segments][7:47]
    target = source[:12] + source[20:30] + source[31:]
    (tmp_path / "paper.txt").write_text(" ".join(source) + "\n", encoding="utf-8")
    (tmp_path / "paper.es.txt").write_text(" ".join(target) + "\n", encoding="utf-8")
    out = termwise(
        "align", "paper.txt", "paper.es.txt", "--from", "en", "--to", "es", "--no-mt",
        "--no-language-check", "--format", "beads", "-o", "gaps.align", cwd=tmp_path,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    alone = [bead for bead in read_beads(tmp_path / "gaps.align") if not bead.tgt]
    assert [len(bead.src) for bead in alone] == [1] * 9
    notes = [line for line in out.stderr.splitlines() if line.startswith("note:")]
    assert notes[0].startswith("note: source sentences 13–20 (8) have no counterpart")
    assert notes[1:] == [
        "note: 1 more source sentence without counterpart in the target, in runs of fewer than 5"
    ]
