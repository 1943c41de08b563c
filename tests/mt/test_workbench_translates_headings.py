"""The workbench's MT (F2) translates a segment the document marks as a heading as a heading,
as `termwise translate` does: Textual's Pilot on a real project, with Debian's
apertium-eng-spa and the curated glossary."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

from termwise.project.layout import ProjectLayout
from termwise.review.session import ReviewSession
from termwise.tui.app import ReviewApp

ROOT = Path(__file__).resolve().parents[2]


def test_f2_translates_a_markdown_heading_as_a_heading(tmp_path: Path) -> None:
    # "## Peaceful development issues:" came out "El desarrollo pacífico emite:": the ":" of
    # a lead-in made the heading a sentence, since the engine saw only the text.
    root = tmp_path / "project"
    root.mkdir()
    shutil.copytree(ROOT / "glossary", root / "glossary")
    doc = root / "doc.md"
    doc.write_text(
        "## Peaceful development issues:\n\nPeaceful development issues:\n", encoding="utf-8"
    )
    session = ReviewSession(ProjectLayout.at(root), doc, "es", engine="apertium")
    app = ReviewApp(session, auto_mt=False, autosave_delay=0.15, check_delay=0.15)

    async def press_f2() -> list[str]:
        async with app.run_test(size=(160, 50)) as pilot:
            await pilot.press("f2")
            for _ in range(50):
                await pilot.pause(0.2)
                if all(row.mt for row in app.grid.rows):
                    break
            return [row.mt for row in app.grid.rows]

    assert asyncio.run(press_f2()) == [
        "Asuntos de desarrollo pacífico:",
        "El desarrollo pacífico emite:",
    ]
