"""A TBX concept with two preferred terms in one language: ``glossary validate`` warns and
passes it (it said "1 problem", exit 1, though the import takes the file), and ``glossary
import`` keeps the first preferred and makes the other admitted, as it does with the rows
of one source term of a CSV, and says so (it imported both as preferred, silently)."""

from __future__ import annotations

import json
from pathlib import Path

from support.command_line import termwise

TWO_PREFERRED = """<?xml version="1.0" encoding="UTF-8"?>
<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en">
<tbxHeader><fileDesc><sourceDesc><p>client</p></sourceDesc></fileDesc></tbxHeader>
<text><body>
<conceptEntry id="c1">
<langSec xml:lang="en"><termSec><term>wind turbine</term>
<termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec></langSec>
<langSec xml:lang="es"><termSec><term>aerogenerador</term>
<termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
<termSec><term>turbina eólica</term>
<termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec></langSec>
</conceptEntry>
</body></text></tbx>
"""


def test_validate_shows_the_warning_and_passes_the_file(tmp_path: Path) -> None:
    (tmp_path / "twopref.tbx").write_text(TWO_PREFERRED, encoding="utf-8")
    result = termwise("glossary", "validate", "twopref.tbx", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("twopref.tbx:10: warning: concept 'c1' has a second preferred")
    assert lines[-1] == "twopref.tbx: valid", result.stdout
    assert "problem" not in result.stderr, result.stderr


def test_validate_counts_the_errors_alone(tmp_path: Path) -> None:
    folder = tmp_path / "terms"
    folder.mkdir()
    (folder / "twopref.tbx").write_text(TWO_PREFERRED, encoding="utf-8")
    (folder / "bad.csv").write_text('en,es\n"wind,viento\n', encoding="utf-8")
    result = termwise("glossary", "validate", "terms", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.strip() == "1 problem", result.stderr
    assert "terms/twopref.tbx: valid" in result.stdout, result.stdout


def test_import_keeps_one_preferred_term_and_says_so(tmp_path: Path) -> None:
    (tmp_path / "twopref.tbx").write_text(TWO_PREFERRED, encoding="utf-8")
    result = termwise("glossary", "import", "twopref.tbx", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (
        "warning: c1 of twopref.tbx: es 'aerogenerador' stays preferred, 'turbina eólica' is "
        "admitted" in result.stderr
    ), result.stderr
    shown = termwise("glossary", "show", "--format", "json", "--lang", "es", cwd=tmp_path)
    terms = json.loads(shown.stdout)["concepts"][0]["languages"]["es"]["terms"]
    assert [(t["text"], t["status"]) for t in terms] == [
        ("aerogenerador", "preferred"),
        ("turbina eólica", "admitted"),
    ]
