"""A glossary CSV export opens in a spreadsheet without running any cell as a formula, and
``glossary import`` of it gives the glossary back exactly.

Cells beginning with ``=``, ``+``, ``-`` or ``@`` were written as they are, so Excel or
LibreOffice ran a term ``=HYPERLINK(...)`` or a note ``-2+3+cmd|' /C calc'!A0`` as a
formula (CSV injection). Now such a cell is written with a ``'`` before it (OWASP), which
the import takes off again; a plain number such as ``-5`` is left as it is.
"""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

from click.testing import CliRunner

from termwise.cli import cli
from termwise.glossary import load_glossary, save_glossary
from termwise.glossary.model import Concept, Glossary, Term, TermStatus

ROOT = Path(__file__).resolve().parents[2]
CURATED = ROOT / "glossary" / "key-terms.tbx"

# Term texts, in the order of the concepts written.
TEXTS = [
    '=HYPERLINK("http://evil.example","click")',
    "+/- tolerance",
    "-ism",
    "@mention",
    "-5",
    "'=already quoted",
    "'plain apostrophe",
    "ordinary term",
]
NOTE = "-2+3+cmd|' /C calc'!A0"


def glossary() -> Glossary:
    concepts = []
    for number, text in enumerate(TEXTS, 1):
        concept = Concept(id=f"c{number}", notes=[NOTE] if number == 1 else [])
        concept.add(Term(text=text, lang="en", status=TermStatus.PREFERRED))
        concept.add(Term(text=f"zh {number}", lang="zh", status=TermStatus.ADMITTED))
        concepts.append(concept)
    return Glossary(concepts=concepts)


def test_no_cell_starts_a_formula_and_import_gives_the_glossary_back(tmp_path: Path) -> None:
    path = tmp_path / "terms.csv"
    save_glossary(glossary(), path, fmt="csv")
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    cells = [cell for row in rows for cell in row]
    # What a spreadsheet would run: a cell beginning with one of OWASP's characters.
    runs = [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert runs == ["-5"]
    english = [row[rows[0].index("en")] for row in rows[1:]]
    assert english == [
        '\'=HYPERLINK("http://evil.example","click")',
        "'+/- tolerance",
        "'-ism",
        "'@mention",
        "-5",
        "''=already quoted",
        "'plain apostrophe",
        "ordinary term",
    ]
    assert rows[1][rows[0].index("note")] == "'" + NOTE
    back = load_glossary(path)
    assert [concept.terms("en")[0].text for concept in back.concepts] == TEXTS
    assert back.concepts[0].notes == [NOTE]
    assert back.concepts == glossary().concepts


def test_the_curated_glossary_round_trips_through_csv_unchanged(tmp_path: Path) -> None:
    (tmp_path / "glossary").mkdir()
    shutil.copy(CURATED, tmp_path / "glossary" / "key-terms.tbx")
    csv_path = tmp_path / "out.csv"
    back = tmp_path / "back.tbx"
    for args in (
        ["glossary", "export", "--format", "csv", "-o", str(csv_path)],
        ["glossary", "import", str(csv_path), "-o", str(back)],
    ):
        result = CliRunner().invoke(cli, ["--project", str(tmp_path), *args])
        assert result.exit_code == 0, result.output
    assert load_glossary(back).concepts == load_glossary(CURATED).concepts
