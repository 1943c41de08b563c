"""A CSV names no language of its own, and its import took the first column's: exported as
CSV, imported into a fresh folder and exported as TBX, an English glossary whose concepts
list Chinese first became ``xml:lang="zh"``. An import of such a file takes ``--from``, else
the project glossary's own language where the file has terms in it (the column order stays
the concepts' order, which a round trip keeps)."""

from __future__ import annotations

from pathlib import Path

from support.command_line import termwise
from termwise.glossary.formats import read_file

# Chinese first in the concept, English the glossary's own language.
TBX = """<?xml version="1.0" encoding="UTF-8"?>
<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en">
<tbxHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></tbxHeader>
<text><body>
<conceptEntry id="T01">
<langSec xml:lang="zh"><termSec><term>人类命运共同体</term>
<termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec></langSec>
<langSec xml:lang="en"><termSec><term>community with a shared future</term>
<termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec></langSec>
</conceptEntry>
</body></text></tbx>
"""


def test_export_import_export_keeps_the_source_language(tmp_path: Path) -> None:
    project = tmp_path / "project"
    (project / "glossary").mkdir(parents=True)
    (project / "glossary" / "key.tbx").write_text(TBX, encoding="utf-8")
    exported = termwise("glossary", "export", "--format", "csv", "-o", "../terms.csv", cwd=project)
    assert exported.returncode == 0, exported.stderr
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    imported = termwise("glossary", "import", "../terms.csv", "--from", "en", cwd=fresh)
    assert imported.returncode == 0, imported.stderr
    again = termwise("glossary", "export", "--format", "tbx", "-o", "out.tbx", cwd=fresh)
    assert again.returncode == 0, again.stderr
    assert read_file(fresh / "out.tbx").lang == "en"


def test_a_csv_imported_into_a_project_takes_the_glossarys_language(tmp_path: Path) -> None:
    (tmp_path / "glossary").mkdir()
    (tmp_path / "glossary" / "key.tbx").write_text(TBX, encoding="utf-8")
    (tmp_path / "client.csv").write_text("zh,en\n绿色发展,green development\n", encoding="utf-8")
    result = termwise("glossary", "import", "client.csv", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert read_file(tmp_path / "glossary" / "client.tbx").lang == "en"
