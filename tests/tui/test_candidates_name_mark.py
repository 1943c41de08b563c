"""The Candidates view marks a named entity "name", as ``termwise terms`` does (``kind`` in
JSON and CSV): the seed paper's "China" was listed like a term to record."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList, Static

from termwise.project.layout import ProjectLayout

from .pilot import SIZE, found_candidates, make_app, settle


async def test_a_name_among_the_candidates_is_marked_name(
    review_project: ProjectLayout, paper: Path
) -> None:
    app = make_app(review_project, paper)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        panel = await found_candidates(app, pilot)
        options = panel.query_one("#candidates-list", OptionList)
        lines = {
            candidate.term: str(options.get_option_at_index(index).prompt)
            for index, candidate in enumerate(panel.candidates)
        }
        china = next(candidate for candidate in panel.candidates if candidate.term == "China")
        assert china.name  # as `termwise terms extract` finds it
        assert lines["China"].startswith(f"China  {china.frequency}×  name"), lines["China"]
        terms = [candidate.term for candidate in panel.candidates if not candidate.name]
        assert terms and not any("  name" in lines[term] for term in terms)
        names = sum(candidate.name for candidate in panel.candidates)
        help_line = str(panel.query_one("#candidates-help", Static).content)
        assert f"{len(panel.candidates)} candidates ({names} names)" in help_line, help_line
