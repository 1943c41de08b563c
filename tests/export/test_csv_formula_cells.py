"""A translation's CSV export opens in a spreadsheet without running any cell as a formula.

A source sentence or translation beginning with ``=``, ``+``, ``-`` or ``@`` was written as
it is, and Excel or LibreOffice ran it as a formula (CSV injection); now it is written with
a ``'`` before it (OWASP), and a plain number is left as it is.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from .audit_projects import export, make

SOURCE = """=HYPERLINK("http://evil.example") is what the attacker wrote.

-2+3 is a sum.

An ordinary sentence.
"""

TARGETS = {
    '=HYPERLINK("http://evil.example") is what the attacker wrote.': "@SUM(A1:A9) escrito.",
    "-2+3 is a sum.": "-2+3 es una suma.",
    "An ordinary sentence.": "-5",
}


def test_csv_cells_never_start_a_formula(tmp_path: Path) -> None:
    source = make(tmp_path, "paper.txt", SOURCE, lambda text: (TARGETS[text], True))
    raw = export(source, "paper.csv").read_bytes()
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [row["source"] for row in rows] == [
        '\'=HYPERLINK("http://evil.example") is what the attacker wrote.',
        "'-2+3 is a sum.",
        "An ordinary sentence.",
    ]
    assert [row["target"] for row in rows] == ["'@SUM(A1:A9) escrito.", "'-2+3 es una suma.", "-5"]
