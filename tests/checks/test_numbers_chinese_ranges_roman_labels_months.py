"""The ``numbers`` check on Chinese ranges and trillions, Roman labels past XXXIX, and
months named in French, Spanish and German.

"2 or 3 days" for 两三天 was "number 2 … missing" (两三 read as 3), "10 days" for 零十天
missing, "1 trillion yen" for 1兆円 a scale word that differs; "Chapter XL" against
"Capítulo XC" passed (no label past XXXIX was read) and "Chapter LX" for "Capítulo 60"
was an extra 60; "In this section I show" read the pronoun as chapter 1; and "mayo de
2020" for 2020年5月 was an extra 5, as "May 2020" never was.
"""

from __future__ import annotations

from .test_qa import run_one


def _messages(
    source: str, target: str, target_lang: str = "zh", source_lang: str = "en"
) -> list[str]:
    return [
        issue.message for issue in run_one("numbers", [source], [target], target_lang, source_lang)
    ]


def test_a_chinese_range_is_both_numbers_and_no_other() -> None:
    assert _messages("It takes 2 or 3 days.", "需要两三天。") == []
    assert _messages("It takes 23 days.", "需要两三天。") == [
        "number 23 of the source is missing from the target"
    ]
    assert _messages("It took 3 months and 10 days.", "用了三个月零十天。") == []


def test_zhao_is_a_trillion() -> None:
    assert _messages("It costs 1 trillion yen.", "1兆円かかる。", "ja") == []
    assert _messages("It costs 1.2 trillion yen.", "1兆2000億円かかる。", "ja") == []
    assert _messages("It costs 1,000,000,000,000 yen.", "一兆円かかる。", "ja") == []
    assert _messages("A 50 MW plant.", "一座50兆瓦的电站。") == []


def test_a_second_level_label_kept_as_its_first_level_is_reported() -> None:
    # （二） labels a section's second part: for "2.3" it names another part than the third.
    issues = run_one("numbers", ["2.3 Methods"], ["（二）方法"], "zh", headings=(0,))
    assert [issue.message for issue in issues] == [
        "number 2.3 of the source is missing from the target"
    ]


def test_roman_labels_to_mmmcmxcix() -> None:
    assert _messages("See Chapter XL.", "Véase el capítulo XC.", "es") == [
        "number XL of the source is missing from the target",
        "number XC is not in the source",
    ]
    assert _messages("See Chapter LX.", "Véase el capítulo 60.", "es") == []
    assert _messages("Article CXXV applies.", "Se aplica el artículo 125.", "es") == []
    assert _messages("Book MMMCMXCIX", "Libro 3999", "es") == []


def test_words_after_a_label_word_are_no_roman_labels() -> None:
    assert _messages("In this section I show 2 results.", "Aquí muestro 2 resultados.", "es") == []
    assert _messages("The book CD has 3 tracks.", "El CD del libro tiene 3 pistas.", "es") == []
    assert _messages("See Part CIVIL 2.", "Véase la parte CIVIL 2.", "es") == []
    # Written as a name, the label word labels: "Chapter I" is chapter 1.
    assert _messages("In Chapter I we show it.", "En el capítulo 2 lo mostramos.", "es") == [
        "number I of the source is missing from the target",
        "number 2 is not in the source",
    ]


def test_a_month_named_in_any_listed_language_is_its_number() -> None:
    assert _messages("Abrió en mayo de 2020.", "2020年5月开业。", "zh", "es") == []
    assert _messages("Il a ouvert en mai 2020.", "2020年5月开业。", "zh", "fr") == []
    assert _messages("Eröffnet im März 2020.", "2020年3月开业。", "zh", "de") == []
    assert _messages("It opened in May 2020.", "2020年5月开业。") == []
    # Only the month a text names: "Mayor" is no May.
    assert _messages("The Mayor opened it in 2020.", "市长于2020年5月开业。") == [
        "number 5 is not in the source"
    ]
