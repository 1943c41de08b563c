"""Which of a glossary's languages a text to search for terms is written in, by its script.

``glossary find`` read its text as English unless ``--lang`` said otherwise, and Chinese
text then found nothing, with no hint why. Han characters and kana belong to Chinese and
Japanese alone (``languages.written_in_cjk``); kana to Japanese alone. The other way round
tells nothing: Chinese text holds Latin acronyms ("AIIB"), which the glossary may hold as
Chinese terms.
"""

from __future__ import annotations

from termwise import languages
from termwise.glossary.model import Glossary


def own_language(glossary: Glossary) -> str | None:
    """The glossary's own language (its TBX ``xml:lang``, else the one language of all its
    terms): the project's source language, which termwise.toml does not name."""
    found = glossary.languages()
    return glossary.lang or (found[0] if len(found) == 1 else None)


def written_otherwise(text: str, lang: str) -> bool:
    """Whether ``text`` is clearly not in ``lang``: Han or kana for a language written
    otherwise, kana for Chinese."""
    if not languages.is_cjk(lang):
        return languages.written_in_cjk(text)
    return languages.primary(lang) == "zh" and _has_kana(text)


def fitting_languages(glossary: Glossary, text: str) -> list[str]:
    """The glossary's languages ``text`` may be in, where its script tells (Han or kana):
    its Chinese and Japanese ones, only Japanese where the text has kana; none otherwise."""
    if not languages.written_in_cjk(text):
        return []
    kana = _has_kana(text)
    return [
        lang
        for lang in glossary.languages()
        if languages.is_cjk(lang) and not (kana and languages.primary(lang) == "zh")
    ]


def script_of(text: str) -> tuple[str, str]:
    """What ``written_otherwise`` saw ``text`` written with, and the languages written so,
    as a message names them."""
    return ("kana", "Japanese") if _has_kana(text) else ("Han characters", "Chinese or Japanese")


def _has_kana(text: str) -> bool:
    return any(
        languages.cjk_character(char) and not languages.cjk_character(char, kana=False)
        for char in text
    )
