"""F3 in a real terminal (tmux) on a cut sentence's later part that waits for its share of
the translation the part before holds whole: the joined segment holds its translation, so
the note that it waits goes, in the workbench and in the file saved at quitting."""

from __future__ import annotations

from pathlib import Path

from termwise.document.ids import content_hash
from termwise.project.layout import ProjectLayout
from termwise.project.omissions import IN_NEIGHBOUR_NOTE
from termwise.project.translation_file import TranslationFile

from .test_e2e_tmux import Terminal, termwise_command

WHOLE = "The committee met in May. The project grew fast across the region."
SPANISH = "El comité se reunió en mayo. El proyecto creció rápido en la región."


def test_f3_on_a_waiting_part_drops_its_note(tmp_path: Path) -> None:
    document = tmp_path / "d.txt"
    document.write_text(WHOLE + "\n", encoding="utf-8")
    (tmp_path / "translations").mkdir()
    layout = ProjectLayout.at(tmp_path)
    po = layout.translation_file(document, "es")
    # As termwise saved it while the paragraph was one segment (a segmenter that cut less).
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n'
        '"Language: es\\n"\n"X-Source-Language: en\\n"\n\n'
        f'msgctxt "{content_hash(WHOLE)}"\nmsgid "{WHOLE}"\nmsgstr "{SPANISH}"\n',
        encoding="utf-8",
    )
    terminal = Terminal(termwise_command(layout, document), tmp_path)
    try:
        terminal.wait_for(r"English → Spanish .* 1 edited")
        terminal.keys("Down")
        terminal.wait_for(r"translation held by #1", timeout=15)  # the second part's note
        terminal.keys("Up", "F3")
        terminal.wait_for(r"English → Spanish .* 0 new")
        assert "translation held by" not in terminal.screen()
        terminal.keys("C-q")
        terminal.wait_for(r"termwise exited 0")
    finally:
        terminal.close()

    units = TranslationFile.load(po).units
    (unit,) = units.values()
    assert unit.source == WHOLE and unit.target == SPANISH
    assert IN_NEIGHBOUR_NOTE not in unit.notes
