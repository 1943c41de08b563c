"""The glossary's Candidates view, driven by keys: find, accept as new, as variant, reject."""

from __future__ import annotations

import json
from pathlib import Path

from termwise.glossary import load_glossary
from termwise.project.layout import ProjectLayout

from .pilot import SIZE, found_candidates, make_app, settle


async def test_candidates_accept_and_reject(review_project: ProjectLayout, paper: Path) -> None:
    app = make_app(review_project, paper)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        panel = await found_candidates(app, pilot)
        assert panel.candidates, "no candidates found"
        # The paper's T01 forms the test glossary lacks come as one unrecorded variant group.
        t01 = next(c for c in panel.candidates if c.concept == "T01")
        assert {"destiny community", "destiny communities"} <= set(t01.forms)

        # Accept the T01 group: its unrecorded forms become variants of T01.
        options = panel.query_one("#candidates-list")
        options.highlighted = panel.candidates.index(t01)  # type: ignore[attr-defined]
        await pilot.press("v")
        await settle(app, pilot)
        terms = {
            t.text for t in load_glossary(review_project.glossary_dir).concept("T01").terms("en")
        }
        assert "destiny community" in terms and "destiny communities" in terms
        assert t01 not in panel.candidates

        # Reject the first new candidate: remembered in the project, not offered again.
        first = panel.candidates[0]
        options.highlighted = 0  # type: ignore[attr-defined]
        await pilot.press("r")
        await pilot.pause()
        rejected = json.loads(
            (review_project.root / ".termwise" / "rejected-terms.json").read_text()
        )
        assert first.forms[0] in rejected["en"]

        # Accept the next one as a new concept, with the paper's line as its source.
        second = panel.candidates[0]
        await pilot.press("n")
        await settle(app, pilot)
        glossary = load_glossary(review_project.glossary_dir)
        added = [c for c in glossary.concepts if any(t.text == second.term for t in c.all_terms)]
        assert len(added) == 1
        term = next(t for t in added[0].all_terms if t.text == second.term)
        assert term.source is not None and "line" in term.source

        # Finding candidates again leaves out the rejected and the recorded ones.
        await pilot.press("e")
        await settle(app, pilot)
        terms_now = {c.forms[0] for c in panel.candidates}
        assert first.forms[0] not in terms_now
        assert second.forms[0] not in terms_now
