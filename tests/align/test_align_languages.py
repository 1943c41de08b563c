"""``termwise align`` checks the languages of its texts: swapped files or swapped ``--from``
and ``--to`` are refused, and ``--from`` is detected where it is left out."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from support.command_line import termwise
from termwise.document import load_document

DATA = Path(__file__).resolve().parent / "data"
# As test_aligner finds it: beside the repository.
DEV = Path(__file__).resolve().parents[2].parent / "shared" / "align-dev"


@pytest.fixture
def report(tmp_path: Path) -> Path:
    """An English report (report.md) and its Spanish translation (report.es.md)."""
    for name in ("report.md", "report.es.md"):
        shutil.copy2(DATA / name, tmp_path / name)
    return tmp_path


def lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def sentences(path: Path) -> list[str]:
    """The sentences of a document, as align reads them."""
    return [segment.text for segment in load_document(path).segments]


def test_swapped_files_are_refused_naming_what_was_detected(report: Path) -> None:
    # Written as report.es.es.po with the Spanish text as its source, exit status 0.
    result = termwise(
        "align", "report.es.md", "report.md", "--from", "en", "--to", "es", "--no-mt", cwd=report
    )
    assert result.returncode == 2
    assert result.stderr.startswith(
        "termwise: error: report.es.md: looks Spanish, not English (--from en), and report.md "
        "looks English, not Spanish (--to es): are SOURCE and TARGET swapped"
    )
    assert "--no-language-check" in result.stderr
    assert result.stderr.count("\n") == 1
    assert not (report / "translations").exists()


def test_swapped_languages_are_refused(report: Path) -> None:
    # Written as report.en.po, the English source keyed as Spanish.
    result = termwise(
        "align", "report.md", "report.es.md", "--from", "es", "--to", "en", "--no-mt", cwd=report
    )
    assert result.returncode == 2
    assert result.stderr.startswith(
        "termwise: error: report.md: looks English, not Spanish (--from es)"
    )
    assert "(or --from and --to)?" in result.stderr
    assert not (report / "translations").exists()


def test_a_wrong_target_language_alone_is_named(report: Path) -> None:
    result = termwise("align", "report.md", "report.es.md", "--to", "fr", "--no-mt", cwd=report)
    assert result.returncode == 2
    assert result.stderr.startswith(
        "termwise: error: report.es.md: looks Spanish, not French (--to fr): name its "
        "language with --to"
    )
    # A copy of the source as the translation: the target is in the source's language.
    shutil.copy2(report / "report.md", report / "copy.md")
    same = termwise("align", "report.md", "copy.md", "--to", "es", "--no-mt", cwd=report)
    assert same.returncode == 2
    assert "copy.md: looks English, not Spanish (--to es): is TARGET the translation" in (
        same.stderr
    )


def test_the_check_can_be_overridden(report: Path) -> None:
    args = ["report.es.md", "report.md", "--from", "en", "--to", "es", "--no-mt"]
    result = termwise("align", *args, "--no-language-check", cwd=report)
    assert result.returncode == 0, result.stderr
    assert (report / "translations" / "report.es.es.po").exists()


def test_from_is_detected_from_the_source_where_left_out(report: Path) -> None:
    result = termwise("align", "report.md", "report.es.md", "--to", "es", "--no-mt", cwd=report)
    assert result.returncode == 0, result.stderr
    assert "Source language: English (en, detected; if it is not, name it with --from)" in (
        result.stderr
    )
    po = report / "translations" / "report.es.po"
    assert '"X-Source-Language: en\\n"' in lines(po)
    # Swapped files: the source detected is the language of --to.
    (report / "elsewhere").mkdir()
    for name in ("report.md", "report.es.md"):
        shutil.copy2(report / name, report / "elsewhere" / name)
    swapped = termwise(
        "align", "report.es.md", "report.md", "--to", "es", "--no-mt", cwd=report / "elsewhere"
    )
    assert swapped.returncode == 2
    assert swapped.stderr.startswith(
        "termwise: error: report.es.md: looks Spanish, the language of the translation (--to es)"
    )
    assert "are SOURCE and TARGET swapped?" in swapped.stderr


def test_a_short_text_or_a_language_the_detection_cannot_name_is_not_judged(
    report: Path,
) -> None:
    # Two English lines said to be Spanish: too short to tell.
    (report / "a.txt").write_text("The river.\nThe lake is low.\n", encoding="utf-8")
    (report / "b.txt").write_text("The river.\nThe lake is low.\n", encoding="utf-8")
    short = ["a.txt", "b.txt", "--from", "en", "--to", "es", "--presegmented", "--no-mt"]
    assert termwise("align", *short, cwd=report).returncode == 0
    # Portuguese is guessed as Spanish or English by the detection: a Spanish text said to
    # be Portuguese is not refused as Spanish.
    portuguese = ["report.md", "report.es.md", "--from", "en", "--to", "pt", "--no-mt"]
    result = termwise("align", *portuguese, "--format", "beads", cwd=report)
    assert result.returncode == 0, result.stderr


def test_confident_language_needs_a_long_text_guessed_alike_throughout() -> None:
    from termwise.align.language_check import confident_language

    english = sentences(DATA / "report.md")
    spanish = sentences(DATA / "report.es.md")
    assert confident_language(english) == "en"
    assert confident_language(spanish) == "es"
    assert confident_language(english[:6]) is None
    # Half in each language: no language for the whole.
    assert confident_language(english * 2 + spanish * 2) is None
    chinese = ["河水的质量在大多数站点有所改善，硝酸盐水平平均下降了百分之十二。"] * 60
    assert confident_language(chinese) == "zh"


@pytest.mark.skipif(not DEV.is_dir(), reason=f"{DEV} (development data) is absent")
@pytest.mark.parametrize(
    ("source", "target", "src", "tgt"),
    [
        ("textberg-de-fr/dev.de", "textberg-de-fr/dev.fr", "de", "fr"),
        ("bible-en-zh/dev.en", "bible-en-zh/dev.zh", "en", "zh"),
    ],
)
def test_the_development_data_pass_the_check(
    tmp_path: Path, source: str, target: str, src: str, tgt: str
) -> None:
    args = [str(DEV / source), str(DEV / target), "--from", src, "--to", tgt]
    result = termwise("align", *args, "--presegmented", "--no-mt", "-o", "out.align", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    swapped = [str(DEV / target), str(DEV / source), "--from", src, "--to", tgt]
    refused = termwise("align", *swapped, "--presegmented", "--no-mt", cwd=tmp_path)
    assert refused.returncode == 2 and "swapped" in refused.stderr


def test_a_file_aligned_with_itself_is_refused(report: Path) -> None:
    # Accepted before: every sentence became its own "translation", with no word said.
    for target in ("report.md", "./report.md"):
        result = termwise(
            "align", "report.md", target, "--from", "en", "--to", "en-GB", "--no-mt", cwd=report
        )
        assert result.returncode == 2
        assert "SOURCE and TARGET are the same file (report.md)" in result.stderr
    assert not (report / "translations").exists()
