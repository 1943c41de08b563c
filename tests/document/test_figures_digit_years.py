"""Chinese years written digit by digit, and a date's day one, as ``termwise.document.figures``
reads them for the aligner and the numbers check.

Formal Chinese writes a year digit by digit (一九八九年, 二〇二〇年), and each read as its
last digit: 一九八九 was 9 and 二〇二〇 nothing, so "1989" beside 一九八九年 was "number 1989
of the source is missing" and no anchor to the aligner; the 一 of 十月一日 ("1 October"),
dropped as every lone 一 is, was "number 1 … missing".
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from checks.test_qa import run_one
from support.command_line import termwise
from termwise.align.features import NUMBER_BASE, NUMBER_BUCKETS, side_features
from termwise.document.figures import chinese_counts, chinese_numerals


def test_a_year_written_digit_by_digit_is_its_digits() -> None:
    assert chinese_numerals("一九八九年") == [1989]
    assert chinese_numerals("二〇二〇年") == [2020]
    assert chinese_numerals("二零二零年") == [2020]
    assert chinese_numerals("从一九八九年到二〇〇八年") == [1989, 2008]
    assert chinese_numerals("九〇年代") == [90]
    # With its places written, as before; and two digits are still a range.
    assert chinese_numerals("一千九百八十九年") == [1989]
    assert chinese_numerals("一千零十") == [1010]
    assert chinese_numerals("两三天") == [2, 3]
    assert chinese_numerals("三四个人") == [3, 4]


def test_a_dates_day_or_month_one_counts_but_no_other_lone_one() -> None:
    assert sorted(chinese_counts("一九四九年十月一日")) == [1, 10, 1949]
    assert chinese_numerals("二〇二〇年一月") == [2020, 1]
    assert chinese_numerals("十一月一号") == [11, 1]
    # 一 as "a": a month's turn, a day's plan.
    assert chinese_numerals("每年各人供给一月") == []
    assert chinese_numerals("一日之计在于晨") == []


def _number_marks(texts: list[str], lang: str) -> list[list[int]]:
    marks = side_features(texts, lang=lang).marks[:, NUMBER_BASE : NUMBER_BASE + NUMBER_BUCKETS]
    return [np.flatnonzero(row).tolist() for row in marks]


def test_the_aligner_reads_a_year_in_characters_as_in_digits() -> None:
    chinese = _number_marks(["柏林墙于一九八九年倒塌。", "共和国于一九四九年十月一日成立。"], "zh")
    assert chinese == _number_marks(["柏林墙于1989年倒塌。", "共和国于1949年10月1日成立。"], "zh")
    assert chinese[0] == _number_marks(["The wall fell in 1989."], "en")[0] != []


DOC = (
    "The Berlin Wall fell in 1989.\n\n"
    "The People's Republic was founded on 1 October 1949.\n\n"
    "The census of 2020 counted 1,411 million people.\n\n"
    "The treaty was signed in 1988.\n"
)
PO = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: zh\\n"

msgid "The Berlin Wall fell in 1989."
msgstr "柏林墙于一九八九年倒塌。"

msgid "The People's Republic was founded on 1 October 1949."
msgstr "中华人民共和国于一九四九年十月一日成立。"

msgid "The census of 2020 counted 1,411 million people."
msgstr "二〇二〇年的人口普查统计了14.11亿人。"

msgid "The treaty was signed in 1988."
msgstr "条约于一九八九年签署。"
"""


def test_check_takes_a_year_in_characters_for_the_sources_year(tmp_path: Path) -> None:
    root = tmp_path / "proj"
    root.mkdir()
    (root / "doc.txt").write_text(DOC, encoding="utf-8")
    (tmp_path / "zh.po").write_text(PO, encoding="utf-8")
    imported = termwise(
        "--project", str(root), "import", str(tmp_path / "zh.po"), "--doc", "doc.txt", "--to", "zh",
        cwd=root,
    )  # fmt: skip
    assert imported.returncode == 0, imported.stderr
    checked = termwise("--project", str(root), "check", "doc.txt", "--to", "zh", cwd=root)
    numbers = [line for line in checked.stdout.splitlines() if ": numbers: " in line]
    # Only the wrong year is reported.
    assert [line.split(": ", 1)[0] for line in numbers] == ["doc.txt:7:1"], checked.stdout
    assert numbers[0].endswith("number 1988 of the source is missing from the target")


def test_check_takes_a_source_year_in_characters_for_the_translations_year() -> None:
    issues = run_one(
        "numbers", ["中华人民共和国于一九四九年十月一日成立。"], ["It was founded on 1 October 1949."],
        "en", "zh",
    )  # fmt: skip
    assert [issue.message for issue in issues] == []
    issues = run_one("numbers", ["那是二〇二〇年。"], ["That was 2021."], "en", "zh")
    assert [issue.message for issue in issues] == ["number 2021 is not in the source"]


def test_liang_is_no_digit_written_for_its_own_sake() -> None:
    # 三三两两, "in twos and threes": 两 counts, it is never one digit of a year.
    assert 3322 not in chinese_numerals("人们三三两两地走来。")
