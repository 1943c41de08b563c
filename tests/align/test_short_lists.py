"""A list of a few instructions and its translation, aligned without MT.

With fewer lines than the 1-1 groups the shared strings are judged by (RANK_MIN_PAIRS), the
aligner used to decide by lengths and a word table learned from two or three pairs, which
holds only the words every line has: the third audit's "Bring the torque wrench." went to
"Traiga el multímetro.", and a list of three items whose lengths agree was merged into
one group. The strings the two sides share (multimeter / multímetro, fuse / fusible) now
decide.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support.command_line import termwise
from termwise.align.beads import Bead, read_beads

CASES = {
    "the first item left out (the audit's)": (
        ["Bring the torque wrench.", "Bring the multimeter.", "Replace the fuse."],
        ["Traiga el multímetro.", "Sustituya el fusible."],
        [Bead((0,), ()), Bead((1,), (0,)), Bead((2,), (1,))],
    ),
    "three items of similar length": (
        ["Bring the torque wrench.", "Check the battery voltage.", "Replace the fuse."],
        [
            "Traiga la llave dinamométrica.",
            "Compruebe la tensión de la batería.",
            "Sustituya el fusible.",
        ],
        [Bead((0,), (0,)), Bead((1,), (1,)), Bead((2,), (2,))],
    ),
    "the first of five left out": (
        [
            "Bring the torque wrench.",
            "Bring the multimeter.",
            "Check the battery voltage.",
            "Replace the fuse.",
            "Close the cover.",
        ],
        [
            "Traiga el multímetro.",
            "Compruebe la tensión de la batería.",
            "Sustituya el fusible.",
            "Cierre la tapa.",
        ],
        [Bead((0,), ())] + [Bead((i + 1,), (i,)) for i in range(4)],
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_a_short_list_is_aligned_by_what_the_sides_share(name: str, tmp_path: Path) -> None:
    source, target, gold = CASES[name]
    (tmp_path / "list.en.txt").write_text("\n".join(source) + "\n", encoding="utf-8")
    (tmp_path / "list.es.txt").write_text("\n".join(target) + "\n", encoding="utf-8")
    done = termwise(
        "align",
        "list.en.txt",
        "list.es.txt",
        "--from",
        "en",
        "--to",
        "es",
        "--presegmented",
        "--no-mt",
        "--no-language-check",
        "-o",
        "list.align",
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    got = [(bead.src, bead.tgt) for bead in read_beads(tmp_path / "list.align")]
    assert got == [(bead.src, bead.tgt) for bead in gold]


def test_a_short_list_across_scripts_is_still_aligned(tmp_path: Path) -> None:
    """Across scripts the two sides share no strings, so taking them unjudged costs nothing.
    The lengths alone give ``[2, 3]:[2]`` here; what decides is the group rule (each sentence
    of a group must show itself, ``MEMBER_FLOOR``), so "Open the panel." is the one left out."""
    source = ["Turn off the power.", "Open the panel.", "Check the cables.", "Replace the relay."]
    target = ["关闭电源。", "检查电缆。", "更换继电器。"]
    (tmp_path / "list.en.txt").write_text("\n".join(source) + "\n", encoding="utf-8")
    (tmp_path / "list.zh.txt").write_text("\n".join(target) + "\n", encoding="utf-8")
    args = ["list.en.txt", "list.zh.txt", "--from", "en", "--to", "zh", "--presegmented"]
    done = termwise("align", *args, "--no-mt", "-o", "list.align", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    got = [(bead.src, bead.tgt) for bead in read_beads(tmp_path / "list.align")]
    assert got == [((0,), (0,)), ((1,), ()), ((2,), (1,)), ((3,), (2,))]
