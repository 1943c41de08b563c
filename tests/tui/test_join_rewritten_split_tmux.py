"""F3, a translation rewritten as one, then F4, in a real terminal (tmux): the later part
comes back waiting for its share of the sentence the first part holds whole, and the status
line says so readably, by the row's number ("translation held by #2"), not by the segment's
hash id cut at the window's width. The file saved at quitting keeps the id (commands read
it), and the edition prints the later sentence once."""

from __future__ import annotations

from pathlib import Path

from support.apertium_project import translated
from support.command_line import termwise
from termwise.project.omissions import translation_in_neighbour, waited_for
from termwise.project.translation_file import TranslationFile
from termwise.review.session import ReviewSession

from .test_e2e_tmux import Terminal, termwise_command

SOURCE = (
    "The committee met in May. The project grew fast across the region, and the budget "
    "doubled. The council approved the plan.\n"
)
EDITED = "El proyecto creció rápido en la región, y el presupuesto se duplicó."
REWRITTEN = "El proyecto creció con rapidez en toda la región y el presupuesto se duplicó."


def test_f4_on_a_join_rewritten_as_one_leaves_the_later_part_waiting(tmp_path: Path) -> None:
    layout, document = translated(tmp_path, SOURCE)
    session = ReviewSession(layout, document, "es")
    _, second, third = (row.segment_id for row in session.rows)
    machine = session.unit(third).target
    session.set_target(second, EDITED)
    session.save()

    terminal = Terminal(termwise_command(layout, document), tmp_path, size=(100, 40))
    try:
        terminal.wait_for(r"English → Spanish .* 1 edited")
        terminal.keys("Down")
        terminal.wait_for(r"#2 ")
        terminal.keys("F3")
        terminal.wait_for(r"2 segments|/2 segments")
        # The joined translation rewritten as one sentence for the whole.
        terminal.keys("Enter", "C-a")
        terminal.type(REWRITTEN)
        terminal.keys("Escape", "F4")
        terminal.wait_for(r"Split where\?")
        terminal.keys("Enter")
        terminal.wait_for(r"3 segments|/3 segments")
        terminal.keys("Down")
        terminal.wait_for(r"translation held by #2 \(share it out, or join with F3\)", timeout=15)
        terminal.keys("C-q")
        terminal.wait_for(r"termwise exited 0")
    finally:
        terminal.close()

    units = TranslationFile.load(layout.translation_file(document, "es")).units
    assert units[second].target == REWRITTEN
    assert translation_in_neighbour(units[third]) and waited_for(units[third]) == second
    assert units[third].mt == machine
    edition = tmp_path / "doc.es.txt"
    exported = termwise(
        "export", "doc.txt", "--to", "es", "-o", str(edition), "--target-only",
        "--include-unreviewed", cwd=tmp_path,
    )  # fmt: skip
    assert exported.returncode == 0, exported.stderr
    text = edition.read_text(encoding="utf-8")
    assert text.count("presupuesto") == 1 and machine not in text, text
