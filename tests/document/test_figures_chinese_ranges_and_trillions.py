"""Chinese and Japanese numerals as ``termwise.document.figures`` reads them for the aligner
and the numbers check.

零十 read 0 (三个月零十天, "three months and ten days", lost its ten), a range of two digits
(两三天, "two or three days") read as its last digit alone, and 兆 (10**12: 1兆円 is a
trillion yen) was no scale, so "1兆円" read as 1.
"""

from __future__ import annotations

from termwise.align.features import figure_keys
from termwise.document.figures import chinese_counts, chinese_numerals


def test_a_zero_before_ten_holds_a_place() -> None:
    assert chinese_counts("三个月零十天") == [3, 10]
    assert chinese_numerals("一千零十") == [1010]
    assert chinese_numerals("两万零五十") == [20050]
    assert chinese_numerals("一万零五") == [10005]


def test_two_neighbouring_digits_are_a_range_read_as_both_ends() -> None:
    assert chinese_counts("两三天") == [2, 3]
    assert chinese_numerals("三四个人") == [3, 4]
    assert chinese_numerals("两三百人") == [200, 300]
    assert chinese_numerals("十五六岁") == [15, 16]
    assert chinese_numerals("三四十年") == [30, 40]
    assert chinese_numerals("七八万人") == [70000, 80000]
    assert chinese_numerals("三五天") == [3, 5]
    # No range: digits a place stands between, or a year written digit by digit.
    assert chinese_numerals("二十三天") == [23]
    assert chinese_numerals("一九八九年") == [1989]


def test_zhao_is_a_trillion_but_before_a_unit() -> None:
    assert chinese_numerals("三兆二千亿") == [3_200_000_000_000]
    assert chinese_numerals("一兆円") == [10**12]
    assert figure_keys("1兆円", "ja")[0] == [str(10**12)]
    assert figure_keys("1兆2000億円", "ja")[0] == ["1200000000000"]
    # 兆 before a unit is the SI prefix "mega": 50 MW, as 千克 is a kilogram.
    assert figure_keys("50兆瓦", "zh")[0] == ["50"]
    assert chinese_numerals("五十兆瓦") == [50]
    assert chinese_numerals("预兆") == []
