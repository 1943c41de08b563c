"""亿 and a figure's scale, read by value where the aligner compares numbers.

十四亿 read 140,000 (亿 was no numeral), and "14亿", "4.5万" read 14 and 45, as "4.5 million"
read 45 and a million: a Chinese translation that writes "1.4 billion" as 14亿, or 450万 for
"4.5 million", carried numbers unlike the source's.
"""

from __future__ import annotations

import numpy as np

from termwise.align.features import (
    NUMBER_BASE,
    NUMBER_BUCKETS,
    chinese_numerals,
    english_number_words,
    figure_keys,
    side_features,
)


def _numbers(text: str, lang: str) -> list[int]:
    marks = side_features([text], lang=lang).marks[0]
    return [int(count) for count in marks[NUMBER_BASE : NUMBER_BASE + NUMBER_BUCKETS]]


def test_yi_is_a_hundred_million() -> None:
    assert chinese_numerals("四亿") == [400_000_000]
    assert chinese_numerals("十四亿人口") == [1_400_000_000]
    assert chinese_numerals("四亿三千万") == [430_000_000]
    assert chinese_numerals("一万亿") == [10**12]
    # 亿万 ("hundreds of millions") is no count, nor a bare 亿.
    assert chinese_numerals("亿万人民") == []
    assert chinese_numerals("亿") == []
    assert english_number_words("one billion four hundred million") == [1_400_000_000]


def test_a_figure_with_its_scale_is_read_by_value() -> None:
    pairs = [
        ("China has 1.4 billion people.", "中国有14亿人口。"),
        ("China has 1.4 billion people.", "中国有十四亿人口。"),
        ("About 4.5 million visitors came.", "约有450万游客到访。"),
        ("It cost 45,000 dollars.", "花费4.5万美元。"),
        ("It cost 30 million dollars.", "花费3千万美元。"),
    ]
    for english, chinese in pairs:
        en, zh = _numbers(english, "en"), _numbers(chinese, "zh")
        assert sum(en) == 1 and en == zh, (english, chinese, en, zh)
    # Languages that write the scale alike still agree.
    assert _numbers("4,5 Millionen Franken", "de") == _numbers("4,5 millions de francs", "fr")
    assert np.array_equal(
        side_features(["4,5 millones"], lang="es").marks,
        side_features(["4.5 million"], lang="en").marks,
    )


def test_a_unit_made_with_a_chinese_scale_is_no_scale() -> None:
    # 千克 is a kilogram, 千米 a kilometre: "50千克" is the English "50 kg", not 50,000.
    pairs = [
        ("The bag weighs 50 kg.", "袋子重50千克。"),
        ("The road is 5 km long.", "公路长5千米。"),
        ("The plant makes 300 kW.", "电厂发电300千瓦。"),
        ("It weighs 30,000 kg.", "它重3万千克。"),
    ]
    for english, chinese in pairs:
        en, zh = _numbers(english, "en"), _numbers(chinese, "zh")
        assert sum(en) == 1 and en == zh, (english, chinese, en, zh)


def test_billion_is_read_in_the_languages_scale() -> None:
    # French, German "billion" is a million millions, the English "trillion"; "milliard" is
    # the English "billion"; Spanish "billón" is a million millions too.
    trillion, billion = [str(10**12 * 2)], [str(10**9 * 2)]
    assert figure_keys("2 trillion euros", "en")[0] == trillion
    assert figure_keys("2 billions d'euros", "fr")[0] == trillion
    assert figure_keys("2 Billionen Euro", "de")[0] == trillion
    assert figure_keys("2 billones de euros", "es")[0] == trillion
    assert figure_keys("2 billion euros", "en")[0] == billion
    assert figure_keys("2 milliards d'euros", "fr")[0] == billion
