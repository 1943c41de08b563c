"""A language is read from a glossary's file name only where the name shows it is one.

``glossary import ts.tsv`` (a TermSuite export named for TermSuite) imported its terms as
Tsonga: the bare two-letter stem was taken for a language code. A tag counts after the
file's own name (``terms_en.tsv``, ``terms.en-zh.csv``), with a region (``zh_CN.csv``) or
beside another tag (``en-zh.csv``); a bare word of a name (``ts``, ``id``, ``it_terms``)
does not, and the import asks for ``--from``, saying why the name was not used.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from termwise.cli import cli
from termwise.glossary import load_glossary
from termwise.glossary.language_guess import languages_from_name

TERMSUITE = (
    "#\ttype\tpattern\tpilot\tspec\tfreq\n"
    "1\tT\tN\trotor\t4,82\t848\n"
    "2\tT\tN N\twind turbine\t4,56\t1855\n"
)


@pytest.mark.parametrize(
    ("name", "found"),
    [
        ("ts.tsv", []),
        ("id.csv", []),
        ("it_terms.csv", []),
        ("terms_en.tsv", ["en"]),
        ("terms.fr.tsv", ["fr"]),
        ("terms.en-zh.csv", ["en", "zh"]),
        ("en-zh.csv", ["en", "zh"]),
        ("paper_en_zh_CN_.txt", ["en", "zh"]),
        ("zh_TW.csv", ["zh-TW"]),
    ],
)
def test_which_names_carry_a_language(name: str, found: list[str]) -> None:
    assert languages_from_name(name) == found


def _import(folder: Path, name: str, *flags: str) -> tuple[int, str, Path]:
    source = folder / name
    source.write_text(TERMSUITE, encoding="utf-8")
    out = folder / "out" / "terms.tbx"
    result = CliRunner().invoke(
        cli, ["--project", str(folder), "glossary", "import", str(source), "-o", str(out), *flags]
    )
    return result.exit_code, result.output, out


def test_ts_tsv_asks_for_its_language(tmp_path: Path) -> None:
    (tmp_path / "ts.tsv").write_text(TERMSUITE, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "termwise", "glossary", "import", "ts.tsv", "-o", "out.tbx"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("termwise: error: ts.tsv:1: ")
    assert "name its language with --from" in result.stderr
    assert "'ts.tsv' is not taken for a language ('ts' would be Tsonga)" in result.stderr
    assert not (tmp_path / "out.tbx").exists()
    code, output, out = _import(tmp_path, "ts.tsv", "--from", "en")
    assert code == 0, output
    assert {term.lang for concept in load_glossary(out).concepts for term in concept.all_terms} == {
        "en"
    }


def test_a_name_with_a_language_tag_still_gives_it(tmp_path: Path) -> None:
    code, output, out = _import(tmp_path, "terms_fr.tsv")
    assert code == 0, output
    assert "languages: fr (from the file name)" in output
    assert {term.lang for concept in load_glossary(out).concepts for term in concept.all_terms} == {
        "fr"
    }
