"""The scorer on hand-made alignments, checked against counts worked out by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from termwise.align.beads import Bead, beads_text, parse_bead, read_beads
from termwise.align.scoring import merge_within_verses, precision_counts, score_file, score_files
from termwise.errors import InputError

GOLD = [((0,), (0,)), ((1, 2), (1,)), ((), (2,)), ((3,), (3, 4))]


def test_notation_round_trip_and_empty_side() -> None:
    beads = [Bead((0, 1), (2,)), Bead((), (3,)), Bead((2,), ())]
    text = beads_text(beads)
    assert text == "[0, 1]:[2]\n[]:[3]\n[2]:[]\n"
    assert parse_bead("[ 4 ,5 ]:[]") == ((4, 5), ())
    assert parse_bead("__import__('os'):[1]") is None


def test_malformed_line_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "test.align"
    path.write_text("[0]:[0]\n[1]:[1, x]\n", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        read_beads(path)
    assert raised.value.line == 2 and str(path) in str(raised.value)


def test_alignment_files_from_windows_tools_are_read(tmp_path: Path) -> None:
    expected = [Bead((0,), (0,)), Bead((1, 2), ())]
    for name, data in (
        ("bom.align", b"\xef\xbb\xbf[0]:[0]\r\n[1, 2]:[]\r\n"),
        ("utf16.align", "[0]:[0]\r\n[1, 2]:[]\r\n".encode("utf-16")),
    ):
        path = tmp_path / name
        path.write_bytes(data)
        assert read_beads(path) == expected, name


@pytest.mark.parametrize(
    ("data", "line", "says"),
    [
        (b"", 1, "empty"),
        (b"[0]:[0]\n[1234567890]:[1]\n", 2, "not a bead"),  # a damaged number, not int()'s limit
        (b"[0]:[\xd9\xa3]\n", 1, "not a bead"),  # an Arabic-Indic digit
        (b"[0]:[0]\n\x00\x01[1]:[1]\n", None, "binary"),
    ],
)
def test_a_damaged_alignment_file_is_refused_with_its_place(
    tmp_path: Path, data: bytes, line: int | None, says: str
) -> None:
    path = tmp_path / "test.align"
    path.write_bytes(data)
    with pytest.raises(InputError) as raised:
        read_beads(path)
    assert raised.value.path == str(path) and raised.value.line == line
    assert says in str(raised.value)


def test_perfect_output_scores_one() -> None:
    values = score_file(GOLD, GOLD).values()
    assert values["f1_strict"] == 1.0 and values["f1_lax"] == 1.0


def test_strict_and_lax_precision_by_hand() -> None:
    # [1]:[1] is a strict miss but a lax hit (1-1 lies in the gold bead [1, 2]:[1]);
    # [2]:[2] is a miss both ways (gold has []:[2]); [3]:[3, 4] is a hit.
    test = [((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((3,), (3, 4))]
    counts = precision_counts(GOLD, test)
    assert (counts.strict_hits, counts.strict_misses) == (2, 2)
    assert (counts.lax_hits, counts.lax_misses) == (3, 1)


def test_recall_ignores_one_sided_beads_and_pooling_adds_counts() -> None:
    test = [((0,), (0,)), ((1,), (1,)), ((2,), ()), ((), (2,)), ((3,), (3, 4))]
    score = score_file(GOLD, test)
    # Recall: gold beads with both sides are [0]:[0], [1, 2]:[1], [3]:[3, 4]; the output
    # (one-sided beads dropped) finds two of them strictly, and [1, 2]:[1] laxly via [1]:[1].
    assert (score.recall.strict_hits, score.recall.strict_misses) == (2, 1)
    assert (score.recall.lax_hits, score.recall.lax_misses) == (3, 0)
    # Precision: []:[2] is a strict hit, [2]:[] a miss that pairs nothing, [1]:[1] a lax hit.
    assert (score.precision.strict_hits, score.precision.strict_misses) == (3, 2)
    assert (score.precision.lax_hits, score.precision.lax_misses) == (4, 1)
    pooled = score_files([(GOLD, test), (GOLD, GOLD)])
    assert pooled.precision.strict_hits == 3 + 4
    assert pooled.recall.strict_misses == 1
    values = pooled.values()
    p, r = 7 / 9, 5 / 6
    assert values["f1_strict"] == pytest.approx(2 * p * r / (p + r))


def test_verse_merge_joins_only_inside_one_verse() -> None:
    src_verses = ["Gen:1:1", "Gen:1:2", "Gen:1:2", "Gen:1:3"]
    tgt_verses = ["Gen:1:1", "Gen:1:2", "Gen:1:2", "Gen:1:2", "Gen:1:3"]
    test = [
        ((0,), (0,)),
        ((1,), (1,)),  # these three lie in Gen:1:2 on both sides: merged
        ((2,), (2,)),
        ((), (3,)),
        ((3,), (4,)),
    ]
    merged = merge_within_verses(test, src_verses, tgt_verses)
    assert merged == [((0,), (0,)), ((1, 2), (1, 2, 3)), ((3,), (4,))]
    gold = [((0,), (0,)), ((1, 2), (1, 2, 3)), ((3,), (4,))]
    assert score_file(gold, merged).values()["f1_strict"] == 1.0
    assert score_file(gold, test).values()["f1_strict"] < 1.0


def test_verse_merge_never_crosses_a_verse() -> None:
    src_verses = ["A", "B"]
    tgt_verses = ["A", "B"]
    # [0]:[0, 1] spans two verses: it stays, and nothing merges into it.
    test = [((0,), (0, 1)), ((1,), ())]
    assert merge_within_verses(test, src_verses, tgt_verses) == test


def test_unmatched_runs_are_split_where_the_side_changes() -> None:
    from termwise.align.beads import Unmatched, unmatched_runs

    beads = [Bead((0,), (0,))]
    beads += [Bead((i,), ()) for i in range(1, 4)]  # three source lines alone
    beads += [Bead((), (j,)) for j in range(1, 3)]  # then two target lines alone
    beads += [Bead((4,), (3,)), Bead((5,), ())]
    assert unmatched_runs(beads, 2) == [Unmatched("source", 1, 3), Unmatched("target", 1, 2)]
    assert unmatched_runs(beads, 3) == [Unmatched("source", 1, 3)]
    assert unmatched_runs(beads, 1)[-1] == Unmatched("source", 5, 5)
