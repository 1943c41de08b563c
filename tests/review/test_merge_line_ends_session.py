"""The workbench's save after another program re-saved the translation with CRLF line ends
and no blank line at the end (msgcat, then an editor on Windows): the save merges the file
and writes it, and wrote termwise's LF and last blank line back over the other program's.
Now the file keeps the other program's line ends and last line (see
``tests/project/test_merge_line_ends.py``)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from termwise.project.layout import ProjectLayout
from termwise.project.translation_file import TranslationFile
from termwise.review.session import ReviewSession

pytestmark = pytest.mark.skipif(
    not shutil.which("msgcat"), reason="needs gettext's msgcat (README's setup installs it)"
)


def test_the_workbench_save_keeps_the_other_programs_line_ends(
    review_project: ProjectLayout, paper: Path
) -> None:
    session = ReviewSession(review_project, paper, "es")
    first, second = session.rows[0].segment_id, session.rows[1].segment_id
    session.set_target(first, "Texto del traductor.")
    session.save()
    po = session.translation_path
    assert b"\r" not in po.read_bytes() and po.read_bytes().endswith(b"\n\n")

    session.set_target(first, "Texto del traductor, otra vez.")
    subprocess.run(["msgcat", "-o", str(po), str(po)], check=True)
    po.write_bytes(po.read_bytes().replace(b"\n", b"\r\n"))
    session.save()  # finds the file changed: merges, then writes

    saved = po.read_bytes()
    lines = saved.split(b"\n")[:-1]
    assert lines and all(line.endswith(b"\r") for line in lines)
    assert not saved.endswith(b"\r\n\r\n")
    again = TranslationFile.load(po)
    assert again.units[first].target == "Texto del traductor, otra vez."
    assert again.units[second].target == session.unit(second).target
    # The next edit, saved without a merge, is written the same way.
    session.set_target(second, "Otra frase.")
    session.save()
    saved = po.read_bytes()
    assert b"Otra frase." in saved
    assert all(line.endswith(b"\r") for line in saved.split(b"\n")[:-1])
    assert not saved.endswith(b"\r\n\r\n")
