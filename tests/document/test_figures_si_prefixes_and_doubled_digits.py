"""Chinese numerals before a unit an SI prefix makes, and digits said twice in an idiom.

五十千克 ("50 kilograms": 千克 is the unit) read as 1050, the 千 added as a thousand; and
the idioms 三三两两 ("in twos and threes") and 七七八八 ("more or less") read as 2 and 8,
numbers the numbers check asked an English translation for.
"""

from __future__ import annotations

from checks.test_qa import run_one
from termwise.document.figures import chinese_counts, chinese_numerals


def _messages(source: str, target: str) -> list[str]:
    return [issue.message for issue in run_one("numbers", [source], [target], "zh")]


def test_a_prefix_after_a_smaller_place_belongs_to_the_unit() -> None:
    assert chinese_numerals("五十千克") == [50]
    assert chinese_numerals("三百五十千克") == [350]
    assert chinese_numerals("两千千米") == [2000]
    assert chinese_numerals("五百千瓦") == [500]
    assert chinese_counts("十千克") == [10]
    # A place that falls before the unit is still the count's: 五千米 is 5000 metres.
    assert chinese_numerals("五千米") == [5000]
    assert chinese_numerals("两百米") == [200]
    assert chinese_numerals("三千五百") == [3500]


def test_the_numbers_check_reads_fifty_kilograms() -> None:
    assert _messages("It weighs 50 kg.", "它重五十千克。") == []
    assert _messages("It weighs 60 kg.", "它重五十千克。") == [
        "number 60 of the source is missing from the target"
    ]


def test_digits_said_twice_count_nothing() -> None:
    assert chinese_counts("他们三三两两地走来。") == []
    assert chinese_counts("事情做得七七八八了。") == []
    assert chinese_numerals("一九八八年") == [1988]
    assert chinese_numerals("二十二") == [22]
    assert _messages("They came in small groups.", "他们三三两两地走来。") == []


def test_one_digit_said_twice_is_its_number() -> None:
    # Deuteronomy 16: "seven weeks" is 七七; read as nothing, the aligner lost the verse's
    # two 7s and placed an English text translating the end of the Bible 35 lines late.
    assert chinese_counts("你要计算七七日。") == [7]
    assert chinese_counts("要向耶和华你的神守七七节。") == [7]
    assert chinese_numerals("七七事变") == [7]


def test_the_aligner_reads_them_as_the_check_does() -> None:
    # The aligner reads a Chinese sentence's numerals with ``chinese_counts``.
    assert chinese_counts("它重五十千克，他们三三两两地走来。") == [50]
