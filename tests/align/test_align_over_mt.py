"""Aligning a translation the workbench has already machine-translated (``review`` opened
first): the published text replaces the MT, and a sentence it leaves out is left empty."""

from __future__ import annotations

from pathlib import Path

from termwise.align.beads import Bead
from termwise.align.output import write_project
from termwise.mt.engine import MTResult
from termwise.project.layout import ProjectLayout
from termwise.project.translations import (
    load_source,
    open_translation,
    record_machine_translation,
)
from termwise.project.units import SegmentState, TranslationUnit

SOURCE = (
    "# Summary\n\n"
    "The river authority monitored forty stations. Water quality improved at most "
    "stations. Nitrate levels fell by twelve percent. Schools could use the data in "
    "science lessons. The next report comes out in June.\n"
)
# What Apertium made of each sentence, the heading's the same as its published text.
MT = [
    "Resumen",
    "La potestad de río controló cuarenta canal.",
    "Calidad de agua mejoró como máximo canal.",
    "Niveles de nitrato cayeron por doce por ciento.",
    "Las escuelas podrían utilizar el dato en lecciones de ciencia.",
    "El informe próximo sale en junio.",
]
PUBLISHED = [
    "Resumen",
    "La autoridad fluvial controló cuarenta estaciones.",
    "La calidad del agua mejoró en la mayoría de las estaciones y el nitrato bajó un doce "
    "por ciento.",
    "El próximo informe se publicará en junio.",
]
# The heading, 1-1, 2-1 (sentences 2 and 3 joined), the schools sentence left out, 1-1.
BEADS = [
    Bead((0,), (0,), 1.0),
    Bead((1,), (1,), 0.95),
    Bead((2, 3), (2,), 0.9),
    Bead((4,), (), 0.9),
    Bead((5,), (3,), 0.95),
]


def machine_translated_project(root: Path) -> tuple[ProjectLayout, Path]:
    """A project whose every segment holds its MT as its translation, as the workbench
    leaves it when opened before ``align``."""
    layout = ProjectLayout.at(root)
    paper = root / "report.md"
    paper.write_text(SOURCE, encoding="utf-8")
    document = load_source(layout, paper, lang="en")
    assert [segment.text for segment in document.segments][4].startswith("Schools")
    tfile = open_translation(layout, document, "es")
    results = {
        segment.id: MTResult(segment.text, mt, "apertium", "eng-spa")
        for segment, mt in zip(document.segments, MT, strict=True)
    }
    assert record_machine_translation(tfile, results) == len(MT)
    tfile.save()
    return layout, paper


def aligned_units(root: Path) -> dict[str, TranslationUnit]:
    """The units of the machine-translated project once aligned, read back from the file as
    ``stats`` and the review read them, by their source's first two words."""
    layout, paper = machine_translated_project(root)
    document = load_source(layout, paper, lang="en")
    report = write_project(layout, paper, document, PUBLISHED, BEADS, "es")
    assert report.kept == 0 and report.unmatched_source == 1 and report.joins == 1
    document = load_source(layout, paper, lang="en")
    units = open_translation(layout, document, "es").units.values()
    return {" ".join(unit.source.split()[:2]): unit for unit in units}


def test_a_sentence_the_translation_leaves_out_keeps_its_mt_as_a_suggestion(
    tmp_path: Path,
) -> None:
    schools = aligned_units(tmp_path)["Schools could"]
    assert schools.target == "" and schools.state is SegmentState.NEW
    assert schools.mt == MT[4]
    assert "align-check" in schools.flags


def test_the_published_text_is_edited_even_where_it_is_the_mt(tmp_path: Path) -> None:
    units = aligned_units(tmp_path)
    published = [unit for key, unit in units.items() if key != "Schools could"]
    assert [unit.target for unit in published] == PUBLISHED
    assert [unit.state for unit in published] == [SegmentState.EDITED] * 4
    # "Resumen" is the MT's text too: its MT, which says nothing more, is gone with it.
    assert units["Summary"].mt is None
    # A sentence whose MT differs from the published text keeps its MT beside it.
    assert units["The river"].mt == MT[1]


def test_a_joined_segment_keeps_no_mt_or_source_of_its_first_sentence(tmp_path: Path) -> None:
    joined = aligned_units(tmp_path)["Water quality"]
    assert joined.source.endswith("twelve percent.")
    assert joined.target == PUBLISHED[2]
    assert joined.mt is None and joined.previous_source is None
