"""Headings in alignment: a translation keeps its headings, so a heading pairs with the
other side's heading, and a group that breaks that structure is one to review.

The wind report (tests/align/data/wind.md, a new user's walk-through): the Spanish drops
"The North Sea is the largest…" before the heading "Challenges" / "Retos" and adds a
translator's note after it. The aligner left both headings out so that the dropped sentence
could pair with the note, every group sure (1.00)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from support.command_line import termwise
from termwise.align.beads import read_beads
from termwise.align.features import is_translators_note
from termwise.align.output import CHECK_FLAG
from termwise.project.translation_file import TranslationFile

DATA = Path(__file__).resolve().parent / "data"
NOTE = "*Nota del traductor: en este informe, «red» traduce el inglés «grid».*"
# The same words, unmarked: a sentence the translator adds, which nothing tells from the text.
ADDED = "En este informe, «red» traduce el inglés «grid»."
# Source 23 the North Sea sentence (no counterpart), 24 "Challenges", 25 the section's first
# sentence; target 23 "Retos", 24 the note or the added sentence, 25 "El primer reto…".
GOLD = [((23,), ()), ((24,), (23,)), ((), (24,)), ((25,), (25,))]
needs_apertium = pytest.mark.skipif(shutil.which("apertium") is None, reason="apertium absent")


def _wind(folder: Path, target: str = NOTE, heading: str = "## Retos") -> None:
    (folder / "wind.md").write_text((DATA / "wind.md").read_text("utf-8"), "utf-8")
    spanish = (DATA / "wind.es.md").read_text("utf-8")
    assert NOTE in spanish and "\n## Retos\n" in spanish
    spanish = spanish.replace(NOTE, target).replace("\n## Retos\n", f"\n{heading}\n")
    (folder / "wind.es.md").write_text(spanish, "utf-8")


def _groups(folder: Path, *options: str) -> set[tuple[tuple[int, ...], tuple[int, ...]]]:
    """The groups ``termwise align`` makes of the two files, as a user runs it."""
    result = termwise(
        "align", "wind.md", "wind.es.md", "--from", "en", "--to", "es", "--format", "beads",
        "-o", "out.align", *options, cwd=folder,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return {(bead.src, bead.tgt) for bead in read_beads(folder / "out.align")}


def _flagged(folder: Path) -> dict[str, bool]:
    """Each source sentence of the project's translation file (``termwise align`` without
    MT), and whether the review lists its group."""
    result = termwise(
        "align", "wind.md", "wind.es.md", "--from", "en", "--to", "es", "--no-mt", cwd=folder
    )
    assert result.returncode == 0, result.stderr
    units = TranslationFile.load(folder / "translations" / "wind.es.po").units.values()
    return {unit.source: CHECK_FLAG in unit.flags for unit in units}


def test_a_translators_note_in_markdown_emphasis_is_a_note() -> None:
    # The Markdown reader keeps the emphasis in the sentence's text: "*Nota del traductor:"
    # was read as a sentence, and paired with the one the translation drops.
    assert is_translators_note(NOTE)
    assert is_translators_note("_N.d.T. : le mot est en patois._")
    assert is_translators_note("**Translator's note:** the author means the pass.")
    assert not is_translators_note("*Nota bene*: the grid is the network.")
    assert not is_translators_note("**Note** that the translator kept the units.")


@pytest.mark.parametrize("target", [NOTE, ADDED], ids=["note", "added sentence"])
def test_the_headings_pair_without_mt(tmp_path: Path, target: str) -> None:
    # Without MT the lengths alone decide, and "The North Sea is the largest offshore wind
    # region in the world." matches the added line's length better than it matches nothing.
    _wind(tmp_path, target)
    groups = _groups(tmp_path, "--no-mt")
    assert set(GOLD) <= groups, sorted(groups)


@needs_apertium
@pytest.mark.parametrize("target", [NOTE, ADDED], ids=["note", "added sentence"])
def test_the_headings_pair_with_an_mt_that_words_the_heading_otherwise(
    tmp_path: Path, target: str
) -> None:
    # Apertium's "Retos" is the translator's word, and its MT pairs the headings by itself;
    # another MT's "Desafíos" shows nothing of "Retos", and the lengths decided as without MT.
    from termwise.align.commands import read_document_side
    from termwise.mt.apertium import ApertiumEngine
    from termwise.project.layout import ProjectLayout

    _wind(tmp_path, target)
    source = read_document_side(
        ProjectLayout(tmp_path), tmp_path / "wind.md", "en", None, project=False
    )
    mt = [result.target for result in ApertiumEngine().translate(source.texts, "en", "es")]
    mt[source.texts.index("Challenges")] = "Desafíos"
    (tmp_path / "wind.mt").write_text("\n".join(mt) + "\n", "utf-8")
    groups = _groups(tmp_path, "--source-mt", "wind.mt")
    assert set(GOLD) <= groups, sorted(groups)


def test_a_heading_paired_with_a_paragraph_is_listed_for_review(tmp_path: Path) -> None:
    # The translator set the heading as a bold paragraph: the two pair (the heading is not
    # left out to pair the dropped sentence with the note), and the review lists the group.
    _wind(tmp_path, heading="**Retos**")
    groups = _groups(tmp_path, "--no-mt")
    assert set(GOLD) <= groups, sorted(groups)
    assert _flagged(tmp_path)["Challenges"]


def test_headings_left_out_near_each_other_are_listed_for_review(tmp_path: Path) -> None:
    # The Spanish drops two sentences before the heading and adds two after it, all of a
    # length: nothing but the headings shows the path, which leaves both out and pairs the
    # dropped sentences with the added ones. The groups between the two headings were sure
    # (0.89): every one of them is listed now.
    _wind(
        tmp_path,
        "En este informe, «red» traduce el inglés «grid», la palabra que usan los ingenieros. "
        "Los demás términos siguen el glosario de la Comisión Europea.",
    )
    spanish = (tmp_path / "wind.es.md").read_text("utf-8")
    dropped = " Son más caros, pero cada turbina produce mucha más energía."
    assert dropped in spanish
    (tmp_path / "wind.es.md").write_text(spanish.replace(dropped, ""), "utf-8")
    flagged = _flagged(tmp_path)
    assert flagged["They are more expensive, but each turbine produces much more energy."]
    assert flagged["The North Sea is the largest offshore wind region in the world."]
    assert flagged["Challenges"]


# The whole report's gold, source sentences against target ones, as the two files read (the
# note is Spanish 24; the turbine section's first English sentence is two Spanish ones; "They
# are cheaper…" and "However…" are "Son más baratos…, aunque…", as "Batteries…" and
# "Hydrogen…" are "Las baterías…, y el hidrógeno…").
WHOLE_GOLD = (
    [((k,), (k,)) for k in range(7)]
    + [((7,), (7, 8))]
    + [((k,), (k + 1,)) for k in range(8, 19)]
    + [((19, 20), (20,)), ((21,), (21,)), ((22,), (22,)), ((23,), ())]
    + [((24,), (23,)), ((), (24,)), ((25,), (25,)), ((26,), (26,)), ((27, 28), (27,))]
    + [((k,), (k - 1,)) for k in range(29, 37)]
)
# Since 4bc9fbe the note no longer pairs with the dropped North Sea sentence, so the first
# pass (lengths alone) has to leave that sentence out, and absorbs it instead in two 2-1
# groups three sentences up ([18, 19]:[19], [20, 21]:[20]); the model and word table learned
# from that pass then keep [18, 19, 20]:[19, 20] (0.53), and with MT the group is kept whole
# (_kept_whole) over the MT's right split. See docs/benchmarks/align.md, "headings".


def test_the_whole_report_differs_from_its_gold_only_where_the_sentence_is_absorbed(
    tmp_path: Path,
) -> None:
    # Until that is fixed: everything else of the gold holds without MT (the
    # headings pair, the dropped sentence and the note stand alone), and the one wrong group
    # is listed for review, so that nothing else slips meanwhile.
    _wind(tmp_path)
    groups = _groups(tmp_path, "--no-mt")
    absorbed = {((18,), (19,)), ((19, 20), (20,))}
    assert groups - set(WHOLE_GOLD) <= {((18, 19, 20), (19, 20))}, sorted(groups)
    assert set(WHOLE_GOLD) - groups <= absorbed, sorted(groups)
    # (The group's three sentences may come out as one unit of the translation file.)
    flagged = _flagged(tmp_path)
    assert all(flag for text, flag in flagged.items() if "Onshore wind farms" in text), flagged
    assert any("Onshore wind farms" in text for text in flagged)
