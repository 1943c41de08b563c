"""The aligner reads traditional Chinese and Japanese scales (億, 萬) and leaves 百分点 and
百分之 alone, as the numbers check does (``termwise.document.figures``).

"140億米ドル" was 140, no anchor for "14 billion dollars"; "0.5百分点" was 50, no anchor
for "0.5 percentage points"; and 萬 and 兩 were no numerals, so 兩萬人 counted nothing.
"""

from __future__ import annotations

from termwise.align.features import chinese_numerals, figure_keys


def test_traditional_and_japanese_scales_read_as_their_simplified_forms() -> None:
    english = figure_keys("It cost 14 billion dollars.", "en")[0]
    assert english == ["14000000000"]
    assert figure_keys("140億米ドルかかった。", "ja")[0] == english
    assert figure_keys("花了140億美元。", "zh-TW")[0] == english
    assert figure_keys("5万米", "zh")[0] == ["50000"]
    # 千米 is a kilometre still.
    assert figure_keys("5千米", "zh")[0] == ["5"]
    assert chinese_numerals("一百四十億，兩萬，四萬萬") == [14_000_000_000, 20_000, 400_000_000]


def test_percentage_points_are_no_hundreds() -> None:
    english = figure_keys("It rose 0.5 percentage points.", "en")[0]
    assert figure_keys("上升0.5百分点。", "zh")[0] == english
    assert figure_keys("占3百分之", "zh")[0] == ["3"]
    # A hundred before anything else is still a scale.
    assert figure_keys("5百万", "zh")[0] == ["5000000"]
