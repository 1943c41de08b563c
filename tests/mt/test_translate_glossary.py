"""``termwise translate`` with the project's glossary (Apertium en→es, run for real)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_204c7e650900ae41.txt"
T01_ES = "comunidad de futuro compartido de la humanidad"
TEXT = "The community of human destiny is important.\n\nChina supports the Chinese dream.\n"


def termwise(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, XDG_CACHE_HOME=str(cwd / ".cache"))
    return subprocess.run(
        [sys.executable, "-c", "from termwise.cli import main; main()", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "glossary", tmp_path / "glossary")
    (tmp_path / "doc.txt").write_text(TEXT, encoding="utf-8")
    return tmp_path


def test_json_lists_terms_and_stderr_counts_what_was_left(project: Path) -> None:
    run = termwise(
        "translate",
        "doc.txt",
        "--to",
        "es",
        "--engine",
        "apertium",
        "--format",
        "json",
        cwd=project,
    )
    assert run.returncode == 0, run.stderr
    rows = json.loads(run.stdout)
    assert rows[0]["target"].startswith(f"La {T01_ES}")
    assert rows[0]["terms"] == [
        {
            "concept": "T01",
            "source": "community of human destiny",
            "target": T01_ES,
            "mechanism": "apertium-lexical",
        }
    ]
    # T14 has no Spanish rendering in the glossary (only non-official ones were seen).
    assert rows[1]["terms"][0]["concept"] == "T14"
    assert rows[1]["terms"][0]["target"] is None
    assert "glossary: 1 of 2 concept occurrences rendered" in run.stderr
    assert (
        "T14 left to the engine 1×: the glossary has no preferred Spanish rendering" in run.stderr
    )

    po = (project / "translations" / "doc.es.po").read_text(encoding="utf-8")
    assert f"#. glossary: T01 -> {T01_ES} (apertium-lexical)\n" in po
    # The comment survives a save that changes something else (a second run re-saves).
    rerun = termwise("translate", "doc.txt", "--to", "es", "--engine", "apertium", cwd=project)
    assert rerun.returncode == 0, rerun.stderr
    assert po.count("#. glossary: T01") == 1
    assert (project / "translations" / "doc.es.po").read_text(encoding="utf-8").count(
        "#. glossary: T01"
    ) == 1


def test_no_glossary_translates_plainly(project: Path) -> None:
    run = termwise(
        "translate",
        "doc.txt",
        "--to",
        "es",
        "--engine",
        "apertium",
        "--format",
        "json",
        "--no-glossary",
        "--no-save",
        cwd=project,
    )
    assert run.returncode == 0, run.stderr
    rows = json.loads(run.stdout)
    assert T01_ES not in rows[0]["target"]
    assert "terms" not in rows[0]
    assert "glossary" not in run.stderr


def test_glossary_option_and_mt_terms_in_termwise_toml(project: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    shutil.move(project / "glossary", elsewhere)
    (project / "termwise.toml").write_text(
        '[mt.terms]\nT01 = "comunidad global de futuro compartido"\n', encoding="utf-8"
    )
    without = termwise(
        "translate", "doc.txt", "--to", "es", "--engine", "apertium", "--no-save", cwd=project
    )
    assert without.returncode == 0 and T01_ES not in without.stdout  # no project glossary
    run = termwise(
        "translate",
        "doc.txt",
        "--to",
        "es",
        "--engine",
        "apertium",
        "--no-save",
        "--glossary",
        str(elsewhere),
        cwd=project,
    )
    assert run.returncode == 0, run.stderr
    assert "es: La comunidad global de futuro compartido es importante." in run.stdout

    (project / "termwise.toml").write_text(
        '[mt.terms]\nT01 = "comunidad de amigos"\n', encoding="utf-8"
    )
    bad = termwise(
        "translate",
        "doc.txt",
        "--to",
        "es",
        "--engine",
        "apertium",
        "--no-save",
        "--glossary",
        str(elsewhere),
        cwd=project,
    )
    assert bad.returncode != 0
    assert "[mt.terms] T01 = 'comunidad de amigos' is not a preferred or admitted" in bad.stderr

    (project / "termwise.toml").write_text("[mt.terms]\nT01 = 3\n", encoding="utf-8")
    wrong_type = termwise("translate", "doc.txt", "--to", "es", "--no-save", cwd=project)
    assert wrong_type.returncode != 0 and "mt.terms.T01" in wrong_type.stderr


def test_check_finds_no_missing_term_after_constrained_translation(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "glossary", tmp_path / "glossary")
    # A copy: the seed where it lies belongs to the repository's project, not this one.
    paper = Path(shutil.copy(SEED, tmp_path / SEED.name))
    run = termwise("translate", str(paper), "--to", "es", "--engine", "apertium", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    check = termwise("check", str(paper), "--to", "es", "--format", "json", cwd=tmp_path)
    issues = json.loads(check.stdout)
    assert any(i["check"] == "source-variant" for i in issues)  # the check did run
    assert [i for i in issues if i["check"] == "term-missing"] == []
    # Plain Apertium misses many: the same check fails without the glossary.
    shutil.rmtree(tmp_path / "translations")
    plain = termwise(
        "translate", str(paper), "--to", "es", "--engine", "apertium", "--no-glossary", cwd=tmp_path
    )
    assert plain.returncode == 0, plain.stderr
    check = termwise("check", str(paper), "--to", "es", "--format", "json", cwd=tmp_path)
    assert len([i for i in json.loads(check.stdout) if i["check"] == "term-missing"]) > 20


def test_translate_without_a_glossary_in_the_project_says_so(tmp_path: Path) -> None:
    # Outside the project the glossary went unused without a word, where check warns.
    (tmp_path / "p.txt").write_text(TEXT, encoding="utf-8")
    run = termwise(
        "translate", "p.txt", "--to", "es", "--engine", "apertium", "--no-save", cwd=tmp_path
    )
    assert run.returncode == 0, run.stderr
    assert "no glossary in" in run.stderr and "no rendering is forced" in run.stderr


def test_a_wrong_source_language_is_said_and_the_same_language_refused(tmp_path: Path) -> None:
    # An English paper translated "from Spanish" came out as nonsense without a word, and
    # "--from en --to en" advised installing an en → en model.
    paper = ROOT / "seeds" / "000_204c7e650900ae41.txt"
    shutil.copy(paper, tmp_path / "paper.txt")
    run = termwise(
        "translate", "paper.txt", "--from", "es", "--to", "en", "--engine", "apertium",
        "--no-save", "--no-glossary", cwd=tmp_path,
    )  # fmt: skip
    assert "looks English, not Spanish (--from es)" in run.stderr
    same = termwise("translate", "paper.txt", "--to", "en", "--no-save", cwd=tmp_path)
    assert same.returncode == 2 and "in English already" in same.stderr
