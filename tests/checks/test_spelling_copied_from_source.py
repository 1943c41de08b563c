"""Words a translation copies unchanged from its source are not misspellings."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from termwise.checks import CheckConfig, run_checks
from termwise.document import load_document
from termwise.project.translation_file import TranslationFile
from termwise.project.units import SegmentState, TranslationUnit

from .documents import build_document

ONLY = CheckConfig(enabled_only=frozenset({"spelling"}))


def _flagged(sources: list[str], targets: list[str]) -> list[tuple[str, str]]:
    document = build_document(sources)
    by_id = {f"s{index + 1}": target for index, target in enumerate(targets)}
    issues = run_checks(document, None, target_lang="es", targets=by_id, config=ONLY)
    return [(issue.segment_id, issue.text) for issue in issues]


def test_name_copied_from_the_source_is_not_flagged_but_a_real_misspelling_is() -> None:
    flagged = _flagged(
        ["The river runs through Millbrook.", "Xbench checks it."],
        ["El río atraviesa Millbrook.", "Xbench lo comprueva."],
    )
    assert flagged == [("s2", "comprueva")]


def test_copy_must_be_in_the_same_segment_same_case_and_a_whole_word() -> None:
    flagged = _flagged(
        [
            "The river runs through Millbrook.",  # the name is in another segment's source
            "It flows past the town.",
            "It flows past millbrook.",  # lower case in the source
            "It flows past Millbrooks.",  # only inside a longer word
        ],
        [
            "El río atraviesa Millbrook.",
            "Pasa junto a Millbrook.",
            "Pasa junto a Millbrook.",
            "Pasa junto a Millbrook.",
        ],
    )
    assert flagged == [("s2", "Millbrook"), ("s3", "Millbrook"), ("s4", "Millbrook")]


def test_a_common_source_word_left_untranslated_is_still_flagged() -> None:
    # "destiny" is copied too, but it is an English word machine translation left as it is;
    # "libfoo" is a code the English dictionary does not know either.
    flagged = _flagged(
        ["Our shared destiny.", "Install libfoo first."],
        ["Nuestro destiny compartido.", "Instale libfoo primero."],
    )
    assert flagged == [("s1", "destiny")]


def test_cli_check_of_a_markdown_document(tmp_path: Path) -> None:
    # The reported case: ``termwise check river.md --to es`` on a project's own PO file.
    (tmp_path / "river.md").write_text(
        "# The river\n\nThe river runs through Millbrook. The water is cold.\n",
        encoding="utf-8",
    )
    translations = {
        "The river": "El río",
        "The river runs through Millbrook.": "El río atraviesa Millbrook.",
        "The water is cold.": "El agua esta fríia.",
    }
    document = load_document(tmp_path / "river.md", lang="en")
    tfile = TranslationFile(lang="es", source_lang="en")
    for segment in document.segments:
        tfile.units[segment.id] = TranslationUnit(
            segment_id=segment.id,
            source=segment.text,
            target=translations[segment.text],
            state=SegmentState.REVIEWED,
        )
    (tmp_path / "translations").mkdir()
    tfile.save(tmp_path / "translations" / "river.es.po")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "termwise.cli",
            "--project",
            str(tmp_path),
            "check",
            "river.md",
            "--to",
            "es",
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert result.returncode in (0, 1), result.stderr
    spelling = [
        (issue["line"], issue["text"])
        for issue in json.loads(result.stdout)
        if issue["check"] == "spelling"
    ]
    assert spelling == [(3, "fríia")]
