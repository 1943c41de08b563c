"""The candidates panel's ``n`` records a new concept in the glossary's main file and says
which: with ``candidates.tbx`` beside the project's glossary, the first file by name, every
concept went there at once. The recording is an undo step, as any glossary edit is."""

from __future__ import annotations

from pathlib import Path

from termwise.glossary import load_glossary
from termwise.glossary.model import Concept, Glossary, Term
from termwise.glossary.tbx import write_tbx
from termwise.project.layout import ProjectLayout

from .pilot import SIZE, found_candidates, make_app, settle


async def test_a_new_concept_goes_to_the_main_file_and_the_toast_names_it(
    review_project: ProjectLayout, paper: Path
) -> None:
    folder = review_project.glossary_dir
    main = folder / "paper.tbx"
    side = folder / "candidates.tbx"
    one = Glossary(concepts=[Concept("c1", all_terms=[Term("an earlier candidate", "en")])])
    side.write_bytes(write_tbx(one)[0])
    side_before = side.read_bytes()
    app = make_app(review_project, paper)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        panel = await found_candidates(app, pilot)
        new = next(c for c in panel.candidates if c.concept is None)
        options = panel.query_one("#candidates-list")
        options.highlighted = panel.candidates.index(new)  # type: ignore[attr-defined]
        await pilot.press("n")
        await settle(app, pilot)
        assert side.read_bytes() == side_before
        recorded = [
            c for c in load_glossary(main).concepts if any(t.text == new.term for t in c.all_terms)
        ]
        assert len(recorded) == 1
        told = [str(n.message) for n in app._notifications]
        assert f"Added {new.term!r} as a new concept {recorded[0].id} in {main}" in told
        # Ctrl+Z takes it back out of the file.
        await pilot.press("ctrl+z")
        await settle(app, pilot)
        assert load_glossary(main).get(recorded[0].id) is None
