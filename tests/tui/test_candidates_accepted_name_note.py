"""A name accepted from the Candidates view (F6) says so in the glossary: the list marked
"China" a name, and the concept it became read like any term's."""

from __future__ import annotations

from pathlib import Path

from termwise.glossary import load_glossary
from termwise.project.layout import ProjectLayout

from .pilot import SIZE, found_candidates, make_app, settle


async def test_an_accepted_name_is_noted_a_proper_noun(
    review_project: ProjectLayout, paper: Path
) -> None:
    app = make_app(review_project, paper)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        panel = await found_candidates(app, pilot)
        china = next(candidate for candidate in panel.candidates if candidate.term == "China")
        term = next(candidate for candidate in panel.candidates if not candidate.name)
        options = panel.query_one("#candidates-list")
        for candidate in (china, term):
            options.highlighted = panel.candidates.index(candidate)  # type: ignore[attr-defined]
            await pilot.press("n")
            await settle(app, pilot)
    glossary = load_glossary(review_project.glossary_dir)
    recorded = {t.text: t for c in glossary.concepts for t in c.all_terms}
    assert recorded["China"].part_of_speech == "properNoun"
    assert any("name" in note for note in recorded["China"].notes)
    assert recorded[term.term].part_of_speech is None
    assert recorded[term.term].notes == []
