"""The ``numbers`` check reads a Chinese figure written in parts as the aligner does.

The check kept its own reading of scales: 5亿3000万 was 500,000,000 and 30,000,000, so a
correct "530 million" was reported missing, and 3千万 was 3,000 (千 read, 万 not), 50千克
(50 kg) 50,000. Both now read figures through ``termwise.document.figures``.
"""

from __future__ import annotations

from .test_qa import run_one


def _messages(source: str, target: str, target_lang: str = "zh") -> list[str]:
    return [issue.message for issue in run_one("numbers", [source], [target], target_lang)]


def test_a_figure_in_parts_agrees_with_the_whole_number() -> None:
    for source, target in {
        "The country has 530 million people.": "全国有5亿3000万人。",
        "Tickets cost 15,000 yuan.": "门票1万5000元。",
        "It has 1,234,567,890 people.": "它有12亿3456万7890人。",
        "It cost 350 million.": "花了3亿5。",
        "It cost 15,000 yuan.": "花了一万五。",
        "It cost 3,500 yuan.": "花了三千五。",
        # Spaced from the Chinese characters, as many writers and PDFs write figures.
        "Over 150 million users.": "超过 1 亿 5000 万用户。",
    }.items():
        assert _messages(source, target) == [], (source, target)


def test_a_scale_reads_alike_in_the_check_and_the_aligner() -> None:
    assert _messages("It costs 30 million.", "花了3千万。") == []
    # 千克 is a kilogram, no thousand.
    assert _messages("It weighs 50 kg.", "重50千克。") == []
    # "billion" in French is a million millions (the long scale).
    assert _messages("It cost 2 trillion.", "Cela a coûté 2 billions.", "fr") == []


def test_a_real_difference_names_the_whole_number() -> None:
    assert _messages("The country has 530 million people.", "全国有5亿2000万人。") == [
        "number 530 of the source is missing from the target",
        "number 5亿2000万 is not in the source",
    ]


def test_figures_that_do_not_go_on_stay_two_numbers() -> None:
    # A price list: 100,000 queries cost 5,000 yuan, the second figure spaced, the first not.
    assert _messages("100,000 queries cost 5,000 yuan.", "10万 5000元。") == []
    assert _messages("300 million and 50 million.", "3亿 5000万。") == []
