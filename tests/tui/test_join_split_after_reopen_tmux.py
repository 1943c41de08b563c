"""F4 splits a join made in an earlier session, in a real terminal (tmux): #2 and #3 joined
with F3, the translation rewritten, the workbench closed, ``termwise translate`` and
``termwise export`` run, and the workbench opened again. An audit saw F4 on the joined #2
do nothing there (no "Split where?" dialog, no toast); the join is read back from the
project, and F4 offers its split points as in the session that made it."""

from __future__ import annotations

from pathlib import Path

from support.command_line import termwise
from termwise.project.layout import ProjectLayout
from termwise.project.translation_file import TranslationFile
from termwise.review.session import ReviewSession

from .test_e2e_tmux import Terminal, termwise_command

SOURCE = (
    "The committee met in May. The project grew fast across the region, and the budget "
    "doubled. The council approved the plan.\n"
)
REWRITTEN = "El proyecto creció con rapidez en toda la región y el presupuesto se duplicó."


def test_f4_splits_a_join_made_before_the_workbench_was_reopened(tmp_path: Path) -> None:
    document = tmp_path / "doc.txt"
    document.write_text(SOURCE, encoding="utf-8")
    done = termwise("translate", "doc.txt", "--to", "es", "--engine", "apertium", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    layout = ProjectLayout.at(tmp_path)
    command = termwise_command(layout, document)

    terminal = Terminal(command, tmp_path, size=(100, 40))
    try:
        terminal.wait_for(r"English → Spanish .* 3 MT")
        terminal.keys("Down")
        terminal.wait_for(r"#2 ")
        terminal.keys("F3")
        terminal.wait_for(r"/2 segments")
        terminal.keys("Enter", "C-a")
        terminal.type(REWRITTEN)
        terminal.keys("Escape", "C-q")
        terminal.wait_for(r"termwise exited 0")
    finally:
        terminal.close()

    joined = ReviewSession(layout, document, "es")
    assert len(joined.rows) == 2 and joined.rows[1].target == REWRITTEN
    for step in (
        ("translate", "doc.txt", "--to", "es", "--engine", "apertium"),
        ("export", "doc.txt", "--to", "es", "-o", str(tmp_path / "doc.es.txt"),
         "--include-unreviewed"),
    ):  # fmt: skip
        ran = termwise(*step, cwd=tmp_path)
        assert ran.returncode == 0, ran.stderr
    assert REWRITTEN in (tmp_path / "doc.es.txt").read_text(encoding="utf-8")

    terminal = Terminal(command, tmp_path, size=(100, 40))
    try:
        terminal.wait_for(r"/2 segments")
        terminal.keys("Down")
        terminal.wait_for(r"#2 ")
        terminal.keys("F4")
        terminal.wait_for(r"Split where\?", timeout=15)
        terminal.keys("Enter")
        terminal.wait_for(r"/3 segments")
        terminal.keys("C-q")
        terminal.wait_for(r"termwise exited 0")
    finally:
        terminal.close()

    session = ReviewSession(layout, document, "es")
    assert len(session.rows) == 3
    units = TranslationFile.load(layout.translation_file(document, "es")).units
    assert units[session.rows[1].segment_id].target == REWRITTEN


def test_on_the_seed_paper_the_reopened_workbench_is_back_on_the_join(
    review_project: ProjectLayout, paper: Path
) -> None:
    """What the audit most likely saw: a document long enough for the workbench to reopen
    where it was left puts the cursor back on the joined #2, so a Down first went to #3,
    a single sentence, where F4 has nothing to split (and says so in a toast)."""
    root, relative = review_project.root, str(paper.relative_to(review_project.root))
    command = termwise_command(review_project, paper)
    translate = ("translate", relative, "--to", "es", "--engine", "apertium")
    done = termwise(*translate, cwd=root)
    assert done.returncode == 0, done.stderr
    terminal = Terminal(command, root)
    try:
        terminal.wait_for(r"English → Spanish .* 102 MT")
        terminal.keys("Down")
        terminal.wait_for(r"(?m)^ #2 ")
        terminal.keys("F3")
        terminal.wait_for(r"/101 segments")
        terminal.keys("Enter", "C-a")
        terminal.type("Texto reescrito para las dos frases.")
        terminal.keys("Escape", "C-q")
        terminal.wait_for(r"termwise exited 0")
    finally:
        terminal.close()
    export = ("export", relative, "--to", "es", "-o", str(root / "paper.es.txt"))
    for step in (translate, export):
        ran = termwise(*step, cwd=root)
        assert ran.returncode == 0, ran.stderr

    terminal = Terminal(command, root)
    try:
        terminal.wait_for(r"/101 segments")
        terminal.wait_for(r"(?m)^ #2 ")  # back where it was left, no key pressed
        terminal.keys("Down")
        terminal.wait_for(r"(?m)^ #3 ")
        terminal.keys("F4")
        terminal.wait_for(r"No sentence boundary inside this segment", timeout=15)
        terminal.keys("Up")
        terminal.wait_for(r"(?m)^ #2 ")
        terminal.keys("F4")
        terminal.wait_for(r"Split where\?", timeout=15)
        terminal.keys("Enter")
        terminal.wait_for(r"/102 segments")
        terminal.keys("C-q")
        terminal.wait_for(r"termwise exited 0")
    finally:
        terminal.close()
    assert len(ReviewSession(review_project, paper, "es").rows) == 102
