"""Chinese 万万 and the English plural scales read alike.

四万万 is four times 万万 (亿), 400 million; it read 40,000. The King James Bible writes
万万 ("thousands upon thousands", no count) as "ten thousands", which read 10: a figure no
Chinese verse holds, so the anchor weighed against the right pair.
"""

from __future__ import annotations

from termwise.align.features import (
    CONCEPT_BASE,
    NUMBER_BASE,
    chinese_numerals,
    english_number_words,
    side_features,
)


def test_wan_wan_is_a_hundred_million() -> None:
    assert chinese_numerals("四万万同胞") == [400_000_000]
    assert chinese_numerals("四万万五千万人") == [450_000_000]
    assert chinese_numerals("四万万") == english_number_words("four hundred million")
    # A single 万 still counts ten thousand, and 万万 alone is still no count.
    assert chinese_numerals("四万人") == [40_000]
    assert chinese_numerals("大卫杀死万万") == []


def test_a_plural_scale_is_no_count() -> None:
    assert english_number_words("Saul hath slain his thousands, and David his ten thousands.") == []
    assert english_number_words("thousands of thousands, and ten thousands of ten thousands") == []
    assert english_number_words("millions of people, and two hundreds of them") == []
    # The singular is still a count, and a number after the vague one is read.
    assert english_number_words("ten thousand men") == [10_000]
    assert english_number_words("ten thousands of saints and twelve tribes") == [12]


def test_the_verses_carry_the_same_number_marks() -> None:
    english = "Saul hath slain his thousands, and David his ten thousands."
    chinese = "扫罗杀死千千，大卫杀死万万。"
    en = side_features([english], lang="en")
    zh = side_features([chinese], lang="zh")
    numbers = slice(NUMBER_BASE, CONCEPT_BASE)
    assert (en.marks[0, numbers] == zh.marks[0, numbers]).all()
