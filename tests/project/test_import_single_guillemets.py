"""Single guillemets are quote marks to the import's matching, as to a merge.

The import read curly and straight quotes alike but not ‹ ›, which the merge's own table
(``store``) did count as quotes: two tables of the same marks had drifted apart. One table
now serves both, and a unit whose source quotes with ‹ › finds the sentence that quotes
with ' '.
"""

from __future__ import annotations

from pathlib import Path

from support.command_line import termwise
from termwise.document import load_document
from termwise.project.translation_file import TranslationFile

DOC = "He said 'no' to the plan.\n"
TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="sentence"
 adminlang="en" creationtool="test" creationtoolversion="1" o-tmf="test"/><body>
<tu><tuv xml:lang="en"><seg>He said \u2039no\u203a to the plan.</seg></tuv>
<tuv xml:lang="es"><seg>Dijo \u2039no\u203a al plan.</seg></tuv></tu>
</body></tmx>
"""


def test_a_unit_quoting_with_single_guillemets_matches_straight_quotes(tmp_path: Path) -> None:
    (tmp_path / "doc.txt").write_text(DOC, encoding="utf-8")
    (tmp_path / "work.tmx").write_text(TMX, encoding="utf-8")

    result = termwise("import", "work.tmx", "--doc", "doc.txt", "--to", "es", cwd=tmp_path)

    assert result.returncode == 0, result.stdout + result.stderr
    segment = load_document(tmp_path / "doc.txt", lang="en").segments[0]
    unit = TranslationFile.load(tmp_path / "translations" / "doc.es.po").units[segment.id]
    assert unit.target == "Dijo \u2039no\u203a al plan."
