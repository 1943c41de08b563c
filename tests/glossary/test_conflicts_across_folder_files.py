"""``glossary validate`` of a folder reads the folder as every command loads it: each file
was "valid" while every loader warned that two files disagree on a term's status, and two
concepts in two files sharing a term passed though neither is found for its own in a text."""

from __future__ import annotations

from pathlib import Path

from support.command_line import termwise

TBX = """<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
<tbxHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></tbxHeader>
<text><body>
<conceptEntry id="world-peace">
<langSec xml:lang="en"><termSec><term>world peace</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec></langSec>
<langSec xml:lang="es"><termSec><term>paz mundial</term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></termSec></langSec>
</conceptEntry>
<conceptEntry id="turbine">
<langSec xml:lang="en"><termSec><term>wind turbine</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec></langSec>
</conceptEntry>
</body></text></tbx>
"""


def _project(tmp_path: Path, csv: str) -> Path:
    folder = tmp_path / "glossary"
    folder.mkdir()
    (folder / "a.tbx").write_text(TBX, encoding="utf-8")
    (folder / "x.csv").write_text(csv, encoding="utf-8")
    return tmp_path


def test_a_status_two_files_disagree_on_is_said_as_a_warning(tmp_path: Path) -> None:
    project = _project(tmp_path, "id,en,es\nworld-peace,world peace,paz mundial\n")
    result = termwise("glossary", "validate", "glossary", cwd=project)
    # What the loaders say, said by validate too; the first file's status holds, as there.
    assert (
        "glossary/x.csv: warning: world-peace: 'paz mundial' (es) is preferred here but "
        "admitted in an earlier file of the folder; admitted holds"
    ) in result.stdout
    assert result.returncode == 0


def test_a_term_of_concepts_in_two_files_fails_the_folder(tmp_path: Path) -> None:
    project = _project(tmp_path, "id,en,es\nt2,wind turbine,aerogenerador\n")
    result = termwise("glossary", "validate", "glossary", cwd=project)
    assert (
        "glossary/x.csv: 'wind turbine' (en) is a term of turbine in a.tbx and of t2 in x.csv"
    ) in result.stdout
    assert result.returncode == 1
    # Each file is valid alone: the folder is what fails.
    assert "glossary/a.tbx: valid" in result.stdout
    alone = termwise("glossary", "validate", "glossary/x.csv", cwd=project)
    assert alone.returncode == 0
