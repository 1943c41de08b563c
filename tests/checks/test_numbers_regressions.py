"""The ``numbers`` check on 兆 as the mainland's "mega" and on letters that label an appendix.

Once 兆 after a figure was read as 10**12 everywhere, "100 Mbps" for 100兆宽带 was "“100”
reads as 100,000,000,000,000 here"; and once L, C, D and M were read as Roman labels, "See
Appendix D." for 见附录D。 was "number D of the source is missing".
"""

from __future__ import annotations

from termwise.document.figures import chinese_numerals

from .test_qa import run_one


def _messages(
    source: str, target: str, target_lang: str = "zh", source_lang: str = "en"
) -> list[str]:
    return [
        issue.message for issue in run_one("numbers", [source], [target], target_lang, source_lang)
    ]


def test_zhao_without_money_or_a_scale_after_it_is_mega_in_mainland_chinese() -> None:
    assert _messages("The plan offers 100 Mbps broadband.", "该计划提供100兆宽带。") == []
    assert _messages("Each user gets 500 MB of data.", "每个用户获得500兆流量。") == []
    assert _messages("The file is 20 megabytes.", "文件大小为20兆。") == []
    assert _messages("It offers 3 Mbps.", "提供三兆宽带。") == []
    # Read as 3, it settles a 3 and no other number.
    assert _messages("It offers 4 Mbps.", "提供三兆宽带。") == [
        "number 4 of the source is missing from the target"
    ]


def test_zhao_before_money_or_a_smaller_scale_is_a_trillion() -> None:
    assert _messages("Debt reached 3 trillion dollars.", "债务达到3兆美元。") == []
    assert _messages("It is worth 1.2 trillion yuan.", "价值1兆2000亿元。") == []
    assert _messages("It is worth 1.5 trillion yuan.", "价值1.5兆元。") == []
    assert _messages("A 50 MW plant.", "一座50兆瓦的电站。") == []
    assert chinese_numerals("三兆美元", "zh") == [3 * 10**12]
    assert chinese_numerals("三兆二千亿", "zh") == [3_200_000_000_000]
    assert chinese_numerals("三兆宽带", "zh") == [3]


def test_zhao_is_a_trillion_in_japanese_and_traditional_chinese() -> None:
    assert _messages("It reached 3 trillion.", "3兆に達した。", "ja") == []
    assert _messages("It reached 3 trillion.", "達到3兆。", "zh-TW") == []
    assert _messages("It reached 3 trillion.", "達到3兆。", "zh-Hant") == []
    assert chinese_numerals("三兆", "ja") == [3 * 10**12]
    assert chinese_numerals("三兆", "zh-HK") == [3 * 10**12]
    # Before a unit it is "mega" there too.
    assert chinese_numerals("五十兆瓦", "zh-TW") == [50]


def test_a_letter_that_labels_an_appendix_is_no_roman_numeral() -> None:
    assert _messages("See Appendix D.", "见附录D。") == []
    assert _messages("Annex C sets out the 4 rules.", "附件C列出了4条规则。") == []
    assert _messages("Part D of the plan lists 3 items.", "计划的D部分列出了3项。") == []
    assert _messages("Section C", "C节") == []
    assert _messages("See Appendix C.", "付録Cを参照。", "ja") == []
    assert _messages("Book CD 2 has 4 songs.", "CD 2号书有4首歌。") == []


def test_a_roman_numeral_with_i_v_or_x_after_a_label_word_is_still_one() -> None:
    assert _messages("Chapter V", "第五章") == []
    assert _messages("See Chapter V.", "见第六章。") == [
        "number V of the source is missing from the target"
    ]
    assert _messages("See Chapter XL.", "见第四十章。") == []
    assert _messages("See Chapter XL.", "Véase el capítulo 50.", "es") == [
        "number XL of the source is missing from the target",
        "number 50 is not in the source",
    ]
