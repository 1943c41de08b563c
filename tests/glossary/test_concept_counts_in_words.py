"""Glossary messages count concepts in words, one or many: "1 concepts; languages: en" and
"1 concepts have no official term" read as slips."""

from __future__ import annotations

from pathlib import Path

from support.command_line import termwise


def test_one_concept_is_one_concept(tmp_path: Path) -> None:
    added = termwise("glossary", "add", "wind turbine", "--lang", "en", cwd=tmp_path)
    assert added.returncode == 0, added.stderr
    shown = termwise("glossary", "show", cwd=tmp_path)
    assert shown.stdout.splitlines()[-1] == "1 concept; languages: en", shown.stdout
    exported = termwise(
        "glossary", "export", "--format", "omegat", "--from", "en", "--to", "es",
        "-o", "terms.utf8", cwd=tmp_path,
    )  # fmt: skip
    assert exported.returncode == 0, exported.stderr
    assert "1 concept has no official term in both en and es; not written" in exported.stderr, (
        exported.stderr
    )
