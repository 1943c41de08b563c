"""``termwise check`` run as a user runs it: a real process on a project folder."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from termwise.document import load_document
from termwise.glossary import save_glossary
from termwise.glossary.model import Concept, Glossary, Term, TermStatus
from termwise.project.translation_file import TranslationFile
from termwise.project.units import SegmentState, TranslationUnit

DOC = """\
1. Introduction
Building a community of human destiny is the goal [4]. The
Cold War mentality must go.
"""

TRANSLATIONS = {
    "1. Introduction": "1. Introducción",
    "Building a community of human destiny is the goal [4].": (
        "Construir una comunidad de destino de la humanidad es el objetivo."
    ),
    "The Cold War mentality must go.": "La mentalidad de Guerra Fría debe irse.",
}


def termwise(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "termwise.cli", "--project", str(project), *args],
        capture_output=True,
        text=True,
        cwd=project,
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "paper.txt").write_text(DOC, encoding="utf-8")
    glossary = Glossary(
        [
            Concept(
                "T01",
                all_terms=[
                    Term("人类命运共同体", "zh"),
                    Term("community with a shared future for mankind", "en"),
                    Term("community of human destiny", "en", TermStatus.DEPRECATED),
                    Term("comunidad de futuro compartido de la humanidad", "es"),
                    Term("comunidad de destino de la humanidad", "es", TermStatus.SUPERSEDED),
                ],
            ),
            Concept(
                "T19",
                all_terms=[
                    Term("Cold War mentality", "en"),
                    Term("mentalidad de Guerra Fría", "es"),
                ],
            ),
        ]
    )
    (tmp_path / "glossary").mkdir()
    save_glossary(glossary, tmp_path / "glossary" / "terms.tbx")
    document = load_document(tmp_path / "paper.txt", lang="en")
    tfile = TranslationFile(lang="es", source_lang="en")
    for segment in document.segments:
        tfile.units[segment.id] = TranslationUnit(
            segment_id=segment.id,
            source=segment.text,
            target=TRANSLATIONS[segment.text],
            state=SegmentState.REVIEWED,
        )
    (tmp_path / "translations").mkdir()
    tfile.save(tmp_path / "translations" / "paper.es.po")
    return tmp_path


def test_source_only_text_output_like_a_linter(project: Path) -> None:
    result = termwise(project, "check", "paper.txt")
    assert result.returncode == 0, result.stderr  # warnings do not fail by default
    lines = result.stdout.splitlines()
    segment = load_document(project / "paper.txt", lang="en").segments[1].id
    assert lines == [
        f"paper.txt:2:12: source-variant: warning: #2 {segment}: “community of human destiny” "
        "is a deprecated "
        "rendering of T01 人类命运共同体; the official term is “community with a shared future "
        "for mankind” [fix: “community of human destiny” → “community with a shared future for "
        "mankind”]"
    ]
    assert "1 issue (1 warning)" in result.stderr
    failing = termwise(project, "check", "paper.txt", "--fail-on", "warning")
    assert failing.returncode == 1


def test_bilingual_json_against_the_project_po(project: Path) -> None:
    result = termwise(project, "check", "paper.txt", "--to", "es", "--format", "json")
    assert result.returncode == 1, result.stderr  # term-forbidden and citations are errors
    issues = json.loads(result.stdout)
    found = {(i["check"], i["side"], i["text"]) for i in issues}
    assert ("source-variant", "source", "community of human destiny") in found
    assert ("term-forbidden", "target", "comunidad de destino de la humanidad") in found
    assert ("citations", "target", "") in found
    forbidden = next(i for i in issues if i["check"] == "term-forbidden")
    assert forbidden["concept"] == "T01"
    assert forbidden["term"] == "comunidad de futuro compartido de la humanidad"
    assert forbidden["suggestion"] == "comunidad de futuro compartido de la humanidad"
    required = {
        "check",
        "severity",
        "segment",
        "side",
        "file",
        "line",
        "column",
        "start",
        "end",
        "text",
        "concept",
        "term",
        "suggestion",
    }
    assert all(required <= set(issue) for issue in issues)
    # Source spans map back to the file across the line wrap: the variant starts on line 2.
    variant = next(i for i in issues if i["check"] == "source-variant")
    assert (variant["line"], variant["column"]) == (2, 12)
    never = termwise(project, "check", "paper.txt", "--to", "es", "--fail-on", "never")
    assert never.returncode == 0


def test_html_report_is_standalone(project: Path) -> None:
    out = project / "report.html"
    result = termwise(
        project,
        "check",
        "paper.txt",
        "--to",
        "es",
        "--format",
        "html",
        "-o",
        str(out),
        "--fail-on",
        "never",
    )
    assert result.returncode == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "</html>" in page
    assert "<mark>comunidad de destino de la humanidad</mark>" in page
    assert "Term variation" in page
    assert "http" not in page  # nothing to fetch: it opens offline


def test_missing_translation_is_a_clear_error(project: Path) -> None:
    result = termwise(project, "check", "paper.txt", "--to", "fr")
    assert result.returncode == 2
    assert "paper.fr.po" in result.stderr and "termwise translate" in result.stderr


def test_disable_in_project_config(project: Path) -> None:
    (project / "termwise.toml").write_text(
        '[checks]\ndisable = ["source-variant"]\n', encoding="utf-8"
    )
    result = termwise(project, "check", "paper.txt")
    assert result.returncode == 0 and result.stdout == ""
    listing = termwise(project, "check", "--list").stdout
    assert "off (termwise.toml)" in next(
        line for line in listing.splitlines() if line.startswith("source-variant")
    )


def test_target_tmx_written_by_translate_toolkit(project: Path) -> None:
    # po2tmx drops msgctxt, so units pair with segments by their source text.
    po2tmx = Path(sys.executable).parent / "po2tmx"
    tmx = project / "paper.tmx"
    subprocess.run(
        [str(po2tmx), "-l", "es", str(project / "translations" / "paper.es.po"), str(tmx)],
        check=True,
        capture_output=True,
    )
    (project / "translations" / "paper.es.po").unlink()
    result = termwise(project, "check", "paper.txt", "--target", str(tmx), "--format", "json")
    assert result.returncode == 1, result.stderr
    issues = json.loads(result.stdout)
    assert {i["check"] for i in issues} >= {"term-forbidden", "citations", "source-variant"}
    assert not [i for i in issues if i["check"] == "untranslated"]


def test_bad_target_file_is_a_clear_error(project: Path) -> None:
    broken = project / "broken.xlf"
    broken.write_text('<xliff version="1.2"><file><body><trans-unit', encoding="utf-8")
    result = termwise(project, "check", "paper.txt", "--target", str(broken), "--to", "es")
    assert result.returncode == 2
    assert "broken.xlf" in result.stderr and "Traceback" not in result.stderr


def test_ignore_with_a_reason_survives_an_edit_elsewhere(project: Path) -> None:
    issues = json.loads(termwise(project, "check", "paper.txt", "--format", "json").stdout)
    variant = next(i for i in issues if i["check"] == "source-variant")
    refused = termwise(project, "check", "paper.txt", "--ignore", variant["id"])
    assert refused.returncode == 2 and "--reason" in refused.stderr
    done = termwise(
        project, "check", "paper.txt", "--ignore", variant["id"], "--reason", "quoted title"
    )
    assert done.returncode == 0 and done.stdout == ""
    stored = json.loads((project / "translations" / "paper.ignores.json").read_text("utf-8"))
    assert stored["ignored"][0]["reason"] == "quoted title"
    # A new paragraph before the sentence: line numbers change, segment ids do not.
    paper = project / "paper.txt"
    paper.write_text("A new opening paragraph.\n\n" + paper.read_text("utf-8"), encoding="utf-8")
    again = termwise(project, "check", "paper.txt", "--show-ignored")
    assert again.returncode == 0
    assert "source-variant" not in again.stdout.split("Ignored")[0]
    assert "quoted title" in again.stdout and "1 ignored" in again.stderr
