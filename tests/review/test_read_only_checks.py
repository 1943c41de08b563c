"""The checks on read-only segments: a translation that keeps its source as it must is no
issue, in ``termwise check`` and in the workbench's checks; an emptied one still is."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from termwise.cli import cli
from termwise.project.translation_file import TranslationFile
from termwise.review.session import ReviewSession

from .read_only_project import SAVED, make_read_only_project


def _issues(root: Path, document: Path) -> list[dict[str, object]]:
    result = CliRunner().invoke(
        cli,
        ["--project", str(root), "check", str(document), "--to", "es", "--format", "json",
         "--fail-on", "never"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    issues: list[dict[str, object]] = json.loads(result.stdout)
    return issues


def test_a_read_only_translation_that_keeps_its_source_is_no_issue(tmp_path: Path) -> None:
    # "The file was saved." kept as it is (translate="no") was "the target is identical to
    # the source", and each of its words "not in the es_ES dictionary".
    layout, document = make_read_only_project(tmp_path)
    path = layout.translation_file(document, "es")
    locked = next(
        u.segment_id for u in TranslationFile.load(path).units.values() if u.source == SAVED
    )
    issues = _issues(layout.root, document)
    assert not [i for i in issues if i["segment"] == locked and i["side"] == "target"]
    # The session's checks agree.
    session = ReviewSession(layout, document, "es")
    found = session.compute_issues(*session.check_inputs()[:2])
    assert not [i for i in found if i.segment_id == locked and i.side == "target"]
    # Emptied, it has lost the text it must keep: that is said.
    tfile = TranslationFile.load(path)
    tfile.units[locked].target = ""
    tfile.save(force=True)
    emptied = [i for i in _issues(layout.root, document) if i["segment"] == locked]
    assert [i["check"] for i in emptied] == ["untranslated"]
