"""termwise's own XLIFF 1.2 export, imported after its segments were reviewed, leaves the
review alone; another tool's withdrawal (``approved="no"``, ``needs-review-translation``)
still sends the segment back to review.

From the last stop's notes: the export wrote units not reviewed yet as ``approved="no"`` and
``needs-review-translation``, which the import reads as a reviewer's withdrawal, so the
older export undid every review made since. Real Apertium, real files, the real command,
translate-toolkit's real ``xliff2po``.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner, Result

from termwise.cli import cli
from termwise.project.translation_file import TranslationFile
from termwise.project.units import SegmentState

BIN = Path(sys.executable).parent
PAPER = (
    "The river flows through the old city.\n\n"
    "Many people visit the museum every year.\n\n"
    "The bridge was built in 1890.\n"
)
EDITED_TEXT = "El puente se construyó en 1890."


def run(root: Path, *args: str) -> Result:
    result = CliRunner().invoke(cli, ["--project", str(root), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


def count(output: str, label: str) -> int:
    found = re.search(rf"^\s*{re.escape(label)}:\s+(\d+)", output, re.MULTILINE)
    assert found is not None, output
    return int(found.group(1))


def po_path(root: Path) -> Path:
    return root / "translations" / "doc.es.po"


def states(root: Path) -> list[SegmentState]:
    return [unit.state for unit in TranslationFile.load(po_path(root)).units.values()]


@pytest.fixture
def exported(tmp_path: Path) -> tuple[Path, Path]:
    """A project Apertium translated, its last segment edited by a person, exported to
    XLIFF 1.2 before any review; then every segment reviewed in the project."""
    root = tmp_path / "proj"
    root.mkdir()
    (root / "doc.txt").write_text(PAPER, encoding="utf-8")
    run(
        root,
        *("translate", str(root / "doc.txt"), "--from", "en", "--to", "es"),
        *("--engine", "apertium"),
    )
    tfile = TranslationFile.load(po_path(root))
    last = list(tfile.units.values())[-1]
    last.set_translation(EDITED_TEXT)
    tfile.save()
    assert states(root) == [SegmentState.MT, SegmentState.MT, SegmentState.EDITED]
    xlf = tmp_path / "doc.xlf"
    run(
        root,
        *("export", str(root / "doc.txt"), "--to", "es", "--format", "xliff12"),
        *("--include-unreviewed", "-o", str(xlf)),
    )
    tfile = TranslationFile.load(po_path(root))
    for unit in tfile.units.values():
        unit.mark_reviewed()
    tfile.save()
    return root, xlf


def import_into(root: Path, xlf: Path) -> Result:
    return run(root, "import", str(xlf), "--doc", str(root / "doc.txt"), "--to", "es")


def test_the_older_own_export_leaves_the_review(exported: tuple[Path, Path]) -> None:
    root, xlf = exported
    before = po_path(root).read_bytes()
    result = import_into(root, xlf)
    assert count(result.output, "sent back to review") == 0, result.output
    assert count(result.output, "already the same") == 3
    assert states(root) == [SegmentState.REVIEWED] * 3
    assert po_path(root).read_bytes() == before


@pytest.mark.parametrize(
    "withdrawal",
    [
        ("<trans-unit id=", '<trans-unit approved="no" id='),
        ('state="translated"', 'state="needs-review-translation"'),
    ],
    ids=["approved=no", "needs-review-translation"],
)
def test_another_tools_withdrawal_still_reopens(
    exported: tuple[Path, Path], withdrawal: tuple[str, str]
) -> None:
    root, xlf = exported
    text = xlf.read_text(encoding="utf-8")
    # The edited unit (the last): a reviewer in another tool marks it not approved.
    start = text.rindex("<trans-unit ")
    old, new = withdrawal
    assert old in text[start:]
    xlf.write_text(text[:start] + text[start:].replace(old, new, 1), encoding="utf-8")
    result = import_into(root, xlf)
    assert count(result.output, "sent back to review") == 1, result.output
    assert states(root) == [SegmentState.REVIEWED, SegmentState.REVIEWED, SegmentState.EDITED]


def test_other_tools_read_the_unreviewed_units_as_unreviewed(
    exported: tuple[Path, Path], tmp_path: Path
) -> None:
    _, xlf = exported
    po = tmp_path / "tt.po"
    subprocess.run([str(BIN / "xliff2po"), str(xlf), str(po)], check=True, capture_output=True)
    entries = [entry for entry in polib.pofile(str(po)) if entry.msgid]
    assert len(entries) == 3
    assert all("fuzzy" in entry.flags for entry in entries)
    assert entries[-1].msgstr == EDITED_TEXT
    text = xlf.read_text(encoding="utf-8")
    # The MT still says it is one: a CAT tool shows it as a machine suggestion.
    assert text.count('state-qualifier="mt-suggestion"') == 2
