"""F4 in a real terminal (tmux) on a translated segment that was never joined: the first part
keeps the whole translation, so the later part waits for its share (the note shows on it
and is saved at quitting), and ``termwise translate`` afterwards leaves it a suggestion:
the edition prints the sentence once."""

from __future__ import annotations

from pathlib import Path

from support.command_line import termwise
from termwise.project.layout import ProjectLayout
from termwise.project.omissions import translation_in_neighbour, waited_for
from termwise.project.translation_file import TranslationFile
from termwise.review.session import ReviewSession

from .test_e2e_tmux import Terminal, termwise_command

SOURCE = (
    "The committee met in May; the project grew fast across the region.\n\nIt was a good year.\n"
)
SPANISH = "El comité se reunió en mayo; el proyecto creció rápido en la región."


def _translate(cwd: Path) -> None:
    done = termwise("translate", "doc.txt", "--to", "es", "--engine", "apertium", cwd=cwd)
    assert done.returncode == 0, done.stderr


def test_f4_leaves_the_later_part_waiting_and_the_edition_prints_it_once(tmp_path: Path) -> None:
    document = tmp_path / "doc.txt"
    document.write_text(SOURCE, encoding="utf-8")
    _translate(tmp_path)
    layout = ProjectLayout.at(tmp_path)
    session = ReviewSession(layout, document, "es")
    first = session.rows[0].segment_id
    session.set_target(first, SPANISH)
    session.save()

    terminal = Terminal(termwise_command(layout, document), tmp_path)
    try:
        terminal.wait_for(r"English → Spanish .* 1 edited")
        terminal.keys("F4")
        terminal.wait_for(r"Split where\?")
        terminal.keys("Enter")
        terminal.wait_for(r"3 segments|/3 segments")
        terminal.keys("Down")
        # The later part's note, with the number of the row that holds its translation.
        terminal.wait_for(r"translation held by #1 \(share it out", timeout=15)
        terminal.keys("C-q")
        terminal.wait_for(r"termwise exited 0")
    finally:
        terminal.close()

    po = layout.translation_file(document, "es")
    units = TranslationFile.load(po).units
    part = list(units)[1]
    assert units[first].target == SPANISH
    assert translation_in_neighbour(units[part]) and waited_for(units[part]) == first

    _translate(tmp_path)
    units = TranslationFile.load(po).units
    assert units[part].target == "" and units[part].mt
    edition = tmp_path / "doc.es.txt"
    exported = termwise(
        "export", "doc.txt", "--to", "es", "-o", str(edition), "--target-only",
        "--include-unreviewed", cwd=tmp_path,
    )  # fmt: skip
    assert exported.returncode == 0, exported.stderr
    text = edition.read_text(encoding="utf-8")
    assert text.count("proyecto") == 1, text
