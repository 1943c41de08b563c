"""Fractions and reduplicated numerals read as the other side's words read them.

A number the aligner reads on one side and the translation cannot produce on the other is
an anchor that pulls against the right pairing: worse than reading no number.
"""

from __future__ import annotations

from collections import Counter

from termwise.align.features import (
    chinese_counts,
    english_number_words,
    side_features,
    spanish_number_words,
)


def test_a_fraction_reads_the_same_in_english_and_chinese() -> None:
    # "a tenth" is read as its ordinal, ten; "one tenth" is the same tenth, not eleven.
    assert english_number_words("one tenth of the corn") == [10]
    assert chinese_counts("油的十分之一") == english_number_words("a tenth of the oil") == [10]
    # The King James Bible's "three tenth deals" is 十分之三: three, and the tenth.
    assert Counter(english_number_words("three tenth deals of fine flour")) == Counter(
        chinese_counts("细面伊法十分之三")
    )
    assert Counter(english_number_words("two thirds of the men")) == Counter(
        chinese_counts("三分之二的人")
    )
    en = side_features(["And two thirds shall keep the watch."], lang="en")
    zh = side_features(["三分之二要在耶和华的殿里护卫王。"], lang="zh")
    assert (en.marks == zh.marks).all()


def test_a_unit_after_a_unit_or_ordinal_is_a_number_of_its_own() -> None:
    assert english_number_words("the first three chapters") == [3]
    assert english_number_words("between two and three hours") == [2, 3]
    # Tens after a unit stay one number in the King James Bible's order.
    assert english_number_words("two and thirty years, the one and twentieth day") == [32, 21]
    # "seconds" are time, never halves' kin.
    assert english_number_words("ten seconds") == [10]


def test_reduplicated_thousands_are_no_count() -> None:
    # 千千 and 万万 are "thousands" and "ten thousands" of the King James Bible: no count.
    assert chinese_counts("扫罗杀死千千，大卫杀死万万") == []
    assert chinese_counts("千千万万的人") == []
    assert chinese_counts("一万二千人") == [12000]


def test_a_japanese_tenth_is_ten_and_enough_stays_a_word() -> None:
    assert chinese_counts("十分の一") == [10]
    assert chinese_counts("十分の注意が必要です") == []


def test_a_spanish_fraction_reads_as_the_english_one() -> None:
    # "two thirds" reads [2, 3] as 三分之二 does; "dos tercios" read [2], a number short.
    assert spanish_number_words("Dos tercios de la población votaron.") == [2, 3]
    assert english_number_words("Two thirds of the people voted.") == [2, 3]
    assert spanish_number_words("tres quintos") == english_number_words("three fifths")
    # An ordinal with no number before it is no fraction, and rooms are no quarters.
    assert spanish_number_words("el quinto día, en dos cuartos") == [2]
