"""``termwise stats``: segments and words per state, per language."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from termwise.cli import cli, main
from termwise.document import load_document
from termwise.project.layout import ProjectLayout
from termwise.project.progress import count_words
from termwise.project.translations import open_translation


def test_count_words_and_cjk_characters() -> None:
    assert count_words("China's new ideas — for 2020, in 3 steps.", "en") == 8
    assert count_words("构建人类命运共同体，是中国的倡议。", "zh") == 15
    assert count_words("日本語の文です。", "ja") == 7


def make_project(tmp_path: Path) -> tuple[Path, ProjectLayout]:
    paper = tmp_path / "paper.txt"
    paper.write_text("One two three. Four five.\n\nSix seven eight nine.\n", encoding="utf-8")
    layout = ProjectLayout.at(tmp_path)
    document = load_document(paper)
    spanish = open_translation(layout, document, "es")
    units = list(spanish.units.values())
    units[0].set_translation("Uno dos tres.", reviewed=True)
    units[1].mt = "Cuatro cinco."
    units[1].set_translation("Cuatro cinco.")
    spanish.save()
    chinese = open_translation(layout, document, "zh-CN")
    list(chinese.units.values())[2].set_translation("六七八九。")
    chinese.save()
    return paper, layout


def test_stats_per_language(tmp_path: Path) -> None:
    paper, _ = make_project(tmp_path)
    result = CliRunner().invoke(cli, ["--project", str(tmp_path), "stats", str(paper), "--json"])
    assert result.exit_code == 0, result.output
    reports = {report["target_lang"]: report for report in json.loads(result.output)}
    assert set(reports) == {"es", "zh"}
    assert reports["es"]["segments"] == {"new": 1, "mt": 1, "edited": 0, "reviewed": 1}
    assert reports["es"]["words"] == {"new": 4, "mt": 2, "edited": 0, "reviewed": 3}
    assert reports["zh"]["segments"] == {"new": 2, "mt": 0, "edited": 1, "reviewed": 0}


def test_stats_table_for_one_language(tmp_path: Path) -> None:
    paper, _ = make_project(tmp_path)
    result = CliRunner().invoke(
        cli, ["--project", str(tmp_path), "stats", str(paper), "--to", "es"]
    )
    lines = result.output.splitlines()
    assert lines[0].startswith("en → es (Spanish)")
    assert lines[2].split() == ["new", "1", "4", "44.4%"]
    assert lines[5].split() == ["reviewed", "1", "3", "33.3%"]
    assert lines[6].split() == ["total", "3", "9"]


def test_stats_counts_characters_for_chinese_sources(tmp_path: Path) -> None:
    paper = tmp_path / "zh.txt"
    paper.write_text("构建人类命运共同体。\n\n中国的倡议。\n", encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["--project", str(tmp_path), "stats", str(paper), "--to", "en"]
    )
    assert "characters" in result.output.splitlines()[1]
    assert result.output.splitlines()[2].split() == ["new", "2", "14", "100.0%"]


def test_broken_project_file_is_a_clear_cli_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paper, layout = make_project(tmp_path)
    po = layout.translation_file(paper, "es")
    text = po.read_text(encoding="utf-8")
    po.write_text(text.replace('msgstr "Uno dos tres."', 'msgstr "Uno dos tres.'), encoding="utf-8")
    before = po.read_bytes()
    with pytest.raises(SystemExit) as exit_info:
        main(["--project", str(tmp_path), "stats", str(paper), "--to", "es"])
    assert exit_info.value.code == 2
    error = capsys.readouterr().err
    line = text[: text.index('msgstr "Uno dos tres."')].count("\n") + 1
    assert error.startswith(f"termwise: error: {po}:{line}:")
    assert "not closed" in error
    assert po.read_bytes() == before  # nothing written
