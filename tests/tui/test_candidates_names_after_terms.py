"""The Candidates view (F6) lists the candidates as ``termwise terms extract`` does: each
part's terms, then its names. It listed them by score alone, so that "China" and the
paper's other names stood among (and above) the terms a translator records."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from termwise.cli import cli
from termwise.project.layout import ProjectLayout

from .pilot import SIZE, found_candidates, make_app, settle

# A candidate's line in the command's listing: score, frequency, term (a star before a form
# the glossary lacks), then its status in brackets.
_LISTED = re.compile(r"^\s*-?[0-9.]+\s+[0-9]+\s+\*?(.+?)  \(")


def _listed_terms(root: Path, paper: Path) -> list[str]:
    result = CliRunner().invoke(
        cli, ["--project", str(root), "terms", "extract", str(paper)], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    return [match.group(1) for line in result.output.splitlines() if (match := _LISTED.match(line))]


async def test_candidates_are_listed_as_the_command_lists_them_names_after_terms(
    review_project: ProjectLayout, paper: Path
) -> None:
    app = make_app(review_project, paper)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        panel = await found_candidates(app, pilot)
        shown = [candidate.term for candidate in panel.candidates]
        names = [candidate.name for candidate in panel.candidates]
        parts = [candidate.kept for candidate in panel.candidates]
    assert any(names) and not all(names), names
    # Within each part of the listing, no term comes after a name.
    for part in set(parts):
        in_part = [name for name, kept in zip(names, parts, strict=True) if kept == part]
        assert in_part == sorted(in_part), (part, in_part)
    listed = [term for term in _listed_terms(review_project.root, paper) if term in set(shown)]
    assert shown == listed
