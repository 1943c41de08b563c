"""The ``numbers`` check reads a heading's or list item's label as a label, and Chinese
scales as the aligner does (``termwise.document.figures``).

"1. Introduction" translated "一、引言" was an error, "number 1 of the source is missing",
and so was a heading whose number the translation drops ("引言", "Introducción"), though a
dropped Roman label ("IV. Results") never was. Traditional Chinese and Japanese 億 and 萬
were no scales ("140億米ドル" read as 140), 百分点 was a hundred ("0.5百分点" read as 50),
and a bare 十 counted only after 百分之 or before 倍 and 成, so 十年 was no "10 years".
"""

from __future__ import annotations

from .test_qa import run_one


def _messages(
    source: str, target: str, target_lang: str = "zh", *, heading: bool = False
) -> list[str]:
    issues = run_one("numbers", [source], [target], target_lang, headings=(0,) if heading else ())
    return [issue.message for issue in issues]


def test_a_label_written_as_a_chinese_ordinal_is_kept() -> None:
    assert _messages("1. Introduction", "一、引言", heading=True) == []
    assert _messages("2.3 Methods", "（三）方法", heading=True) == []
    assert _messages("3. Results", "第三章 结果", heading=True) == []
    # A list item the plain-text reader keeps as a sentence is labelled alike.
    assert _messages("2. We collect the data.", "二、我们收集数据。") == []


def test_a_label_written_with_another_number_is_still_reported() -> None:
    assert _messages("2. Methods", "三、方法", heading=True) == [
        "number 2 of the source is missing from the target"
    ]
    # The label's own number agrees in "3. Métodos" for "2.3": no figure of it is extra.
    assert _messages("2.3 Methods", "3. Métodos", "es", heading=True) == []
    assert _messages("2.3 Methods", "4. Métodos", "es", heading=True) == [
        "number 2.3 of the source is missing from the target",
        "number 4 is not in the source",
    ]


def test_a_heading_may_drop_its_label_in_every_language() -> None:
    assert _messages("1. Introduction", "引言", heading=True) == []
    assert _messages("1. Introduction", "Introducción", "es", heading=True) == []
    # As a dropped Roman label always was.
    assert _messages("IV. Results", "Resultados", "es", heading=True) == []
    # A sentence's number is no label to drop, nor a figure at a heading's start.
    assert _messages("2. We collect the data.", "我们收集数据。") == [
        "number 2 of the source is missing from the target"
    ]
    assert _messages("2.5 Million Jobs Lost", "就业岗位流失", heading=True) == [
        "number 2.5 of the source is missing from the target"
    ]


def test_traditional_and_japanese_scales() -> None:
    assert _messages("It cost 14 billion dollars.", "140億米ドルかかった。", "ja") == []
    assert _messages("It cost 14 billion dollars.", "花了140億美元。", "zh-TW") == []
    assert _messages("It has 20,000 people.", "它有兩萬人。", "zh-TW") == []
    assert _messages("It has 30,000 people.", "它有3萬人。", "zh-TW") == []


def test_percentage_points_are_no_hundreds() -> None:
    assert _messages("It rose 0.5 percentage points.", "上升0.5百分点。") == []


def test_a_bare_ten_reads_as_the_aligner_reads_it() -> None:
    assert _messages("It took 10 years.", "用了十年。") == []
    assert _messages("It is 10 times larger.", "大了十倍。") == []
    # 十分 is "very", no ten.
    assert _messages("It costs 10 euros.", "十分重要。") == [
        "number 10 of the source is missing from the target"
    ]
