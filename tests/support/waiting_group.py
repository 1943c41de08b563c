"""A project that imported termwise's own aligned TMX with a 2-1 group: the group's
translation held by its first segment, the second waiting for it (``checks.waiting``)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PAPER = """\
The old survey gave the summit a height of 8579 m.

The new survey raised it by about 60 ft. Since then the third highest mountain of the world \
stands at about 8597 m.

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
      <tuv xml:lang="es"><seg>El antiguo levantamiento daba a la cumbre una altura de 8579 m.</seg></tuv>
    </tu>
    <tu tuid="2">
      <prop type="x-alignment">[1, 2]:[1]</prop>
      <tuv xml:lang="en"><seg>The new survey raised it by about 60 ft. Since then the third
        highest mountain of the world stands at about 8597 m.</seg></tuv>
      <tuv xml:lang="es"><seg>{group}</seg></tuv>
    </tu>
    <tu tuid="3">
      <prop type="x-alignment">[3]:[2]</prop>
      <tuv xml:lang="en"><seg>The official figure is not published yet.</seg></tuv>
      <tuv xml:lang="es"><seg>La cifra oficial aún no se ha publicado.</seg></tuv>
    </tu>
  </body>
</tmx>
"""

GROUP = (
    "El nuevo levantamiento la elevó unos 60 pies, y desde entonces la tercera montaña "
    "más alta del mundo mide unos {figure} m."
)


def termwise(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "termwise.cli", "--project", str(project), *args]
    return subprocess.run(command, capture_output=True, text=True, cwd=project)


def import_group(project: Path, figure: str) -> None:
    """``paper.txt`` and its Spanish translation imported from the TMX, the group's
    translation writing ``figure`` for the waiting sentence's 8597."""
    (project / "paper.txt").write_text(PAPER, encoding="utf-8")
    tmx = TMX.format(group=GROUP.format(figure=figure))
    (project / "group.tmx").write_text(tmx, encoding="utf-8")
    imported = termwise(project, "import", "group.tmx", "--doc", "paper.txt", "--to", "es")
    assert imported.returncode == 0, imported.stderr
    po = (project / "translations" / "paper.es.po").read_text(encoding="utf-8")
    assert "this sentence's translation is still in segment" in po
