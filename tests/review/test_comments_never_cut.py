"""No split inside a Markdown comment: the reader never cuts a sentence inside one ("<!--
TODO: check. Ask Ana! -->" is no two sentences), so neither may F4 offer a split there nor an
import spread a paragraph's translation over the segments by cutting it there."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from translate.storage.xliff2 import Xliff2File

from termwise.cli import cli
from termwise.project.layout import ProjectLayout
from termwise.project.translation_file import TranslationFile
from termwise.review.session import ReviewSession

DOCUMENT = """\
# Plans

It ends today <!-- TODO: check. Ask Ana! --> and goes on. Next one.

The plan <!-- see: the 2013 note --> was made in two parts: one and two
"""
SPANISH = "Termina hoy <!-- TODO: check. Ask Ana! --> y sigue. La siguiente."


def markdown_project(root: Path) -> Path:
    document = root / "doc.md"
    document.write_text(DOCUMENT, encoding="utf-8")
    return document


def test_f4_offers_no_split_inside_a_comment(tmp_path: Path) -> None:
    document = markdown_project(tmp_path)
    session = ReviewSession(ProjectLayout.at(tmp_path), document, "es", source_lang="en")
    offered = {
        row.source: [row.source[:cut] for cut in session.split_points(row.segment_id)]
        for row in session.rows
    }
    # One sentence, its comment holding two "sentence ends": nowhere to split.
    assert offered["It ends today <!-- TODO: check. Ask Ana! --> and goes on."] == []
    # No sentence end: only the colon outside the comment is offered, not the one in it.
    assert offered["The plan <!-- see: the 2013 note --> was made in two parts: one and two"] == [
        "The plan <!-- see: the 2013 note --> was made in two parts:"
    ]


def test_a_paragraph_unit_is_spread_without_cutting_its_comment(tmp_path: Path) -> None:
    """An XLIFF 2 file (translate-toolkit's) from a tool that segments by paragraph: its
    translation is cut into the two sentences of ours, the comment whole in the first."""
    document = markdown_project(tmp_path)
    store = Xliff2File()
    store.setsourcelanguage("en")
    store.settargetlanguage("es")
    unit = store.addsourceunit(
        "It ends today <!-- TODO: check. Ask Ana! --> and goes on. Next one."
    )
    unit.target = SPANISH
    store.savefile(str(tmp_path / "paragraphs.xlf"))
    result = CliRunner().invoke(
        cli,
        [
            "--project",
            str(tmp_path),
            "import",
            str(tmp_path / "paragraphs.xlf"),
            "--doc",
            str(document),
            "--to",
            "es",
            "--from",
            "en",
            "--lenient",  # translate-toolkit's XLIFF 2 has no unit ids
        ],
        catch_exceptions=False,
    )
    assert "paragraph units split:  1" in result.output, result.output
    units = TranslationFile.load(tmp_path / "translations" / "doc.es.po").units.values()
    assert {unit.source: unit.target for unit in units if unit.target} == {
        "It ends today <!-- TODO: check. Ask Ana! --> and goes on.": (
            "Termina hoy <!-- TODO: check. Ask Ana! --> y sigue."
        ),
        "Next one.": "La siguiente.",
    }
