"""A tab-separated file whose first row names its columns (``en<TAB>es<TAB>status``) is a
table, read as a CSV with a header: taken for OmegaT by its ``.tsv`` suffix, it asked for
--from and --to, then made its header a concept ("en" → "es") and its status a comment."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.command_line import termwise
from termwise.glossary.formats import ReadOptions, read_file
from termwise.glossary.model import TermStatus

TABLE = "en\tes\tstatus\nwind turbine\taerogenerador\tpreferred\nwindmill\tmolino\tdeprecated\n"


@pytest.mark.parametrize("name", ["tab.tsv", "tab.txt", "tab.tab"])
def test_a_tab_table_with_a_language_header_imports_as_a_table(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_text(TABLE, encoding="utf-8")
    result = termwise("--project", ".", "glossary", "import", name, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "format: csv; languages: en, es (from the file)" in result.stdout, result.stdout
    loaded = read_file(tmp_path / "glossary" / f"{Path(name).stem}.tbx")
    terms = {term.text: term.status for c in loaded.concepts for term in c.all_terms}
    assert terms == {
        "wind turbine": TermStatus.PREFERRED,
        "aerogenerador": TermStatus.PREFERRED,
        "windmill": TermStatus.PREFERRED,
        "molino": TermStatus.DEPRECATED,
    }


def test_a_source_target_header_is_no_concept(tmp_path: Path) -> None:
    path = tmp_path / "pairs.tsv"
    path.write_text("source\ttarget\tcomment\nwind turbine\taerogenerador\t\n", encoding="utf-8")
    loaded = read_file(path, options=ReadOptions("en", "es"))
    assert [[t.text for t in c.all_terms] for c in loaded.concepts] == [
        ["wind turbine", "aerogenerador"]
    ]


def test_omegat_named_for_a_table_is_refused_not_read_header_and_all(tmp_path: Path) -> None:
    (tmp_path / "tab.tsv").write_text(TABLE, encoding="utf-8")
    args = ("glossary", "import", "tab.tsv", "--format", "omegat", "--from", "en", "--to", "es")
    result = termwise("--project", ".", *args, cwd=tmp_path)
    assert result.returncode == 2, result.stdout + result.stderr
    assert (
        "tab.tsv:1: a table with a header row naming its columns, not an OmegaT glossary: "
        "import it without --format, or with --format csv"
    ) in result.stderr, result.stderr
    assert not (tmp_path / "glossary" / "tab.tbx").exists()


def test_an_omegat_glossary_stays_omegat(tmp_path: Path) -> None:
    path = tmp_path / "glossary_en_es.txt"
    path.write_text("wind turbine\taerogenerador\tmain term\nEnglish\tinglés\n", encoding="utf-8")
    loaded = read_file(path)
    assert [c.id for c in loaded.concepts] == ["l1", "l2"]
    assert loaded.concepts[0].terms("es")[0].notes == ["main term"]
