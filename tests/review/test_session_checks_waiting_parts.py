"""The workbench checks a group's holder against the sources of the parts waiting on it.

An import of termwise's own aligned TMX keeps a 2-1 group whole in its first segment, the
second waiting with a note. ``check`` compares the holder with both sources
(``checks.waiting``); the review session, which the workbench and ``fix`` drive, handed the
checker no waiting parts and showed the waiting sentence's figure as "not in the source".
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from termwise.project.layout import ProjectLayout
from termwise.review.session import ReviewSession

PAPER = """\
The old survey gave the summit a height of 8579 m.

The new survey raised it by about 60 ft. Since then the summit stands at about 8597 m.

The official figure is not published yet.
"""

TMX = """\
<?xml version='1.0' encoding='UTF-8'?>
<tmx version="1.4">
  <header creationtool="termwise" creationtoolversion="0.1.0" segtype="sentence"
    o-tmf="termwise PO" adminlang="en" srclang="en" datatype="plaintext"/>
  <body>
    <tu tuid="1">
      <prop type="x-alignment">[0]:[0]</prop>
      <tuv xml:lang="en"><seg>The old survey gave the summit a height of 8579 m.</seg></tuv>
      <tuv xml:lang="es"><seg>El antiguo levantamiento daba a la cumbre 8579 m.</seg></tuv>
    </tu>
    <tu tuid="2">
      <prop type="x-alignment">[1, 2]:[1]</prop>
      <tuv xml:lang="en"><seg>The new survey raised it by about 60 ft. Since then the summit
        stands at about 8597 m.</seg></tuv>
      <tuv xml:lang="es"><seg>El nuevo levantamiento la elevó unos 60 pies, y desde entonces la
        cumbre mide unos 8597 m.</seg></tuv>
    </tu>
    <tu tuid="3">
      <prop type="x-alignment">[3]:[2]</prop>
      <tuv xml:lang="en"><seg>The official figure is not published yet.</seg></tuv>
      <tuv xml:lang="es"><seg>La cifra oficial aún no se ha publicado.</seg></tuv>
    </tu>
  </body>
</tmx>
"""


def test_the_session_checks_the_holder_against_the_waiting_sources(tmp_path: Path) -> None:
    (tmp_path / "paper.txt").write_text(PAPER, encoding="utf-8")
    (tmp_path / "group.tmx").write_text(TMX, encoding="utf-8")
    command = [sys.executable, "-m", "termwise.cli", "--project", str(tmp_path)]
    imported = subprocess.run(
        [*command, "import", "group.tmx", "--doc", "paper.txt", "--to", "es"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert imported.returncode == 0, imported.stderr
    po = (tmp_path / "translations" / "paper.es.po").read_text(encoding="utf-8")
    assert "this sentence's translation is still in segment" in po

    session = ReviewSession(ProjectLayout.at(tmp_path), tmp_path / "paper.txt", "es")
    document, targets, generation = session.check_inputs()
    session.set_issues(session.compute_issues(document, targets), generation)
    messages = [issue.message for issue in session.issues]
    assert not [m for m in messages if "8597" in m], messages
    assert not [issue for issue in session.issues if issue.check == "length-ratio"]
