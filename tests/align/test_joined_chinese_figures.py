"""A Chinese figure written in parts, read as one number where the aligner compares numbers.

Chinese writes 530,000,000 as 5亿3000万 (5 亿 and 3000 万) and 15,000 as 1万5000: each part
read as a figure of its own gave 500,000,000 and 30,000,000, numbers neither "530 million"
nor "530 Millionen" carries, and the group that held them paid a mismatch for each.
"""

from __future__ import annotations

from termwise.align.features import (
    NUMBER_BASE,
    NUMBER_BUCKETS,
    figure_keys,
    side_features,
)


def _numbers(text: str, lang: str) -> list[int]:
    marks = side_features([text], lang=lang).marks[0]
    return [int(count) for count in marks[NUMBER_BASE : NUMBER_BASE + NUMBER_BUCKETS]]


def test_a_figure_and_a_smaller_one_after_it_are_one_number() -> None:
    assert figure_keys("5亿3000万人", "zh")[0] == ["530000000"]
    assert figure_keys("4亿5千万", "zh")[0] == ["450000000"]
    assert figure_keys("1万5000", "zh")[0] == ["15000"]
    assert figure_keys("1万5千元", "zh")[0] == ["15000"]
    assert figure_keys("12亿3456万7890", "zh")[0] == ["1234567890"]


def test_the_joined_figure_agrees_with_other_languages() -> None:
    chinese = _numbers("全国有5亿3000万人。", "zh")
    assert sum(chinese) == 1
    for text, lang in (
        ("The country has 530,000,000 people.", "en"),
        ("The country has 530 million people.", "en"),
        ("El país tiene 530 millones de habitantes.", "es"),
        ("Das Land hat 530 Millionen Einwohner.", "de"),
    ):
        assert _numbers(text, lang) == chinese, text
    assert _numbers("门票1万5000元。", "zh") == _numbers("Tickets cost 15,000 yuan.", "en")


def test_figures_that_do_not_go_on_stay_apart() -> None:
    # No larger scale before the second: a list of counts.
    assert figure_keys("1万2万3万", "zh")[0] == ["10000", "20000", "30000"]
    # Apart, or the second not in the places the scale leaves (万's four digits).
    assert figure_keys("3亿 5000万", "zh")[0] == ["300000000", "50000000"]
    assert figure_keys("1万500", "zh")[0] == ["10000", "500"]
    # A unit made with a scale (千克, kilogram) is no scale to go on from.
    assert figure_keys("50千克3千克", "zh")[0] == ["50", "3"]
    # The scale words of other languages are written apart from the next figure anyway.
    assert figure_keys("2 million 300", "en")[0] == ["2000000", "300"]
