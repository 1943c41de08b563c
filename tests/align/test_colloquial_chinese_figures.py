"""Chinese numbers as people say and print them, read where the aligner compares numbers.

一万五 is 15,000 (a digit after a scale is the next place down, as 三千五 is 3,500), and so
is 1万5 in digits; 一万五 was read 10,005 and 3亿5 as 300,000,000 and 5. Text that spaces
digits from Chinese characters ("5 亿 3000 万", as many writers and PDFs do) writes one
number in parts as the unspaced 5亿3000万 does.
"""

from __future__ import annotations

from termwise.align.features import (
    NUMBER_BASE,
    NUMBER_BUCKETS,
    chinese_numerals,
    figure_keys,
    side_features,
)


def _numbers(text: str, lang: str) -> list[int]:
    marks = side_features([text], lang=lang).marks[0]
    return [int(count) for count in marks[NUMBER_BASE : NUMBER_BASE + NUMBER_BUCKETS]]


def test_a_digit_after_a_scale_is_the_next_place_down() -> None:
    assert chinese_numerals("一万五") == [15_000]
    assert chinese_numerals("一万五千") == [15_000]
    assert chinese_numerals("三千五") == [3_500]
    assert chinese_numerals("二十万五") == [205_000]
    assert chinese_numerals("一亿五") == [150_000_000]
    assert figure_keys("3亿5", "zh")[0] == ["350000000"]
    assert figure_keys("月薪1万5", "zh")[0] == ["15000"]
    assert _numbers("门票一万五。", "zh") == _numbers("Tickets cost 15,000.", "en")


def test_a_digit_after_zero_or_a_bare_scale_is_units() -> None:
    assert chinese_numerals("一万零五") == [10_005]
    assert chinese_numerals("二十五") == [25]
    # 万一 is "in case", no number; 一百零一 is 101.
    assert chinese_numerals("万一下雨") == []
    assert chinese_numerals("一百零一") == [101]


def test_a_spaced_figure_in_parts_is_one_number() -> None:
    assert figure_keys("5 亿 3000 万人", "zh")[0] == ["530000000"]
    assert figure_keys("超过 1 亿 5000 万用户", "zh")[0] == ["150000000"]
    assert figure_keys("実売 1 万 5000 円", "ja")[0] == ["15000"]
    assert _numbers("全国有 5 亿 3000 万人。", "zh") == _numbers("It has 530 million people.", "en")


def test_spaced_figures_that_do_not_fit_stay_apart() -> None:
    # Only the second figure spaced: a price list (100,000 queries, 5,000 yuan).
    assert figure_keys("10万 5000", "zh")[0] == ["100000", "5000"]
    # Not the places 万 leaves, a larger scale, a lone digit after a space.
    assert figure_keys("1 万 500", "zh")[0] == ["10000", "500"]
    assert figure_keys("1 万 2 万", "zh")[0] == ["10000", "20000"]
    assert figure_keys("1 万 5", "zh")[0] == ["10000", "5"]
