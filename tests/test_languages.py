from __future__ import annotations

import pytest

from termwise import languages


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("zh", "zh"),
        ("zh-CN", "zh"),
        ("zh_Hans", "zh"),
        # Traditional Chinese keeps its region: Taiwan's words are not Hong Kong's.
        ("zh-TW", "zh-TW"),
        ("zh_HK", "zh-HK"),
        ("zh-Hant-TW", "zh-TW"),
        ("zh-Hant", "zh-Hant"),
        ("en_us", "en-US"),
        ("pt-br", "pt-BR"),
        ("sr-latn", "sr-Latn"),
        ("ES", "es"),
    ],
)
def test_normalize(tag: str, expected: str) -> None:
    assert languages.normalize(tag) == expected


@pytest.mark.parametrize("bad", ["", "e", "english language", "zh--CN", "123"])
def test_normalize_rejects_non_tags(bad: str) -> None:
    with pytest.raises(languages.LanguageError):
        languages.normalize(bad)


def test_argos_and_apertium_codes_are_converted_at_the_edges() -> None:
    assert languages.from_argos("zt") == "zh-Hant"
    assert languages.to_argos("zh-TW") == "zt"
    # Every traditional tag is Argos's one traditional Chinese.
    assert [languages.to_argos(tag) for tag in ("zh-Hant", "zh-HK", "zh-MO", "zh_Hant_TW")] == [
        "zt"
    ] * 4
    assert languages.to_argos("zh-CN") == "zh"
    assert languages.to_argos("pt-BR") == "pb"
    assert languages.from_argos("pb") == "pt-BR"
    assert languages.to_argos("es") == "es"
    assert languages.to_apertium("es-MX") == "spa"
    assert languages.from_apertium("eng") == "en"


def test_display_names_come_from_babel() -> None:
    assert languages.display_name("es") == "Spanish"
    assert languages.display_name("zh") == "Chinese"
    assert languages.display_name("zh-Hant") == "Traditional Chinese"
    assert languages.display_name("zh-TW") == "Chinese (Traditional, Taiwan)"
    assert languages.display_name("de", locale="fr") == "allemand"


def test_same_language_is_one_written_language() -> None:
    from termwise.languages import same_language

    assert same_language("en", "en-GB") and same_language("pt-BR", "pt")
    assert same_language("zh-CN", "zh") and same_language("zh-TW", "zh-Hant")
    assert not same_language("zh", "zh-Hant")  # simplified and traditional stay apart
    # A region writing traditional Chinese is traditional Chinese, as en-GB is English;
    # but Taiwan's terms are not Hong Kong's.
    assert same_language("zh-TW", "zh-Hant") and same_language("zh-Hant", "zh-HK")
    assert not same_language("zh-HK", "zh-TW") and same_language("zh-hk", "zh_Hant_HK")
    assert not same_language("zh-TW", "zh") and not same_language("zh-HK", "zh-CN")
    assert not same_language("es", "en")
    assert same_language("EN_us", "en") and not same_language("x!", "en")
