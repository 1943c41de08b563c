"""``glossary find`` without ``--lang`` reads TEXT in the glossary's own language (the
project's source language), or, for Han or kana text, in the one Chinese or Japanese
language the glossary holds; where TEXT is clearly not in the language it reads it in and
nothing is found, it says which ``--lang`` to give. It read every text as English and said
only "no glossary term found" of Chinese text."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.command_line import termwise

CURATED = Path(__file__).resolve().parents[2] / "glossary"


def test_chinese_text_finds_the_glossarys_chinese_terms(tmp_path: Path) -> None:
    found = termwise(
        "glossary", "find", "构建人类命运共同体", "--glossary", str(CURATED), cwd=tmp_path
    )
    assert found.returncode == 0, found.stderr
    assert found.stdout == "2-9 T01 preferred: '人类命运共同体'\n", found.stdout
    assert "finding the glossary's zh terms" in found.stderr, found.stderr


def test_english_text_is_read_as_english(tmp_path: Path) -> None:
    found = termwise(
        "glossary", "find", "a responsible big country", "--glossary", str(CURATED), cwd=tmp_path
    )
    assert "T25 deprecated: 'responsible big country'" in found.stdout, found.stdout
    assert found.stderr == ""


def test_chinese_text_read_as_english_names_the_lang_to_give(tmp_path: Path) -> None:
    args = ("glossary", "find", "构建人类命运共同体", "--lang", "en", "--glossary", str(CURATED))
    found = termwise(*args, cwd=tmp_path)
    assert found.returncode == 0, found.stderr
    assert found.stdout == (
        "no glossary term found in English (--lang en): TEXT is written with Han characters: "
        "give --lang zh\n"
    ), found.stdout
    as_json = termwise(*args, "--format", "json", cwd=tmp_path)
    assert as_json.stdout == "[]\n"
    assert "give --lang zh" in as_json.stderr, as_json.stderr


@pytest.fixture
def french_project(tmp_path: Path) -> Path:
    """A project whose glossary is French (its own language), with Chinese and Japanese."""
    for term, lang, where in (
        ("communauté de destin", "fr", ("--id", "F1")),
        ("命运共同体", "zh", ("--concept", "F1")),
        ("運命共同体", "ja", ("--concept", "F1")),
    ):
        added = termwise("glossary", "add", term, "--lang", lang, *where, cwd=tmp_path)
        assert added.returncode == 0, added.stderr
    return tmp_path


def test_the_glossarys_own_language_is_the_default(french_project: Path) -> None:
    found = termwise("glossary", "find", "la communauté de destin", cwd=french_project)
    assert found.stdout == "3-23 F1 preferred: 'communauté de destin'\n", found.stdout


def test_han_text_with_two_languages_of_its_script_names_both(french_project: Path) -> None:
    found = termwise("glossary", "find", "命运共同体", cwd=french_project)
    assert found.stdout == (
        "no glossary term found in French (--lang fr): TEXT is written with Han characters: "
        "give --lang zh or --lang ja\n"
    ), found.stdout


def test_kana_tells_japanese(french_project: Path) -> None:
    found = termwise("glossary", "find", "運命共同体を", cwd=french_project)
    assert found.stdout == "0-5 F1 preferred: '運命共同体'\n", found.stdout
    said = termwise("glossary", "find", "運命共同体を", "--lang", "zh", cwd=french_project)
    assert said.stdout.endswith("TEXT is written with kana: give --lang ja\n"), said.stdout
