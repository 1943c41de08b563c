"""What an import does to review states, and what its summary says about them.

From a walk-through: a reviewer's withdrawn approval (XLIFF ``approved="no"``, or a PO
entry made fuzzy again in translate-toolkit) on an unchanged text was ignored, even with
``--overwrite``, and counted "already the same"; approvals taken in were counted so too;
``po2xliff``'s ``en-US`` became the project's ``X-Source-Language``; and the same TMX
imported twice said "kept existing work: 1 (the file's text added as a note)" where
nothing had changed. Real files, translate-toolkit's real converters, the real command.
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
    "China proposed the community of human destiny.\n\n"
    "The Belt and Road Initiative connects many countries.\n\n"
    "Trade grew by five percent in 2020.\n"
)
SPANISH = (
    "China propuso la comunidad de destino.",
    "La Franja y la Ruta conecta muchos países.",
    "El comercio creció un cinco por ciento en 2020.",
)
TU = '<tu><tuv xml:lang="en"><seg>{}</seg></tuv><tuv xml:lang="es"><seg>{}</seg></tuv></tu>'


def run(root: Path, *args: str) -> Result:
    result = CliRunner().invoke(cli, ["--project", str(root), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


def count(output: str, label: str) -> int:
    found = re.search(rf"^\s*{re.escape(label)}:\s+(\d+)", output, re.MULTILINE)
    assert found is not None, output
    return int(found.group(1))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """``paper.txt`` translated (from a TMX, whose units without a state are reviewed;
    the third sent back to editing)."""
    root = tmp_path / "proj"
    root.mkdir()
    (root / "paper.txt").write_text(PAPER, encoding="utf-8")
    sources = [line for line in PAPER.splitlines() if line]
    body = "".join(TU.format(s, t) for s, t in zip(sources, SPANISH, strict=True))
    tmx = tmp_path / "seed.tmx"
    tmx.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header srclang="en" '
        'adminlang="en" segtype="sentence" datatype="plaintext" o-tmf="x" creationtool="x" '
        f'creationtoolversion="1"/><body>{body}</body></tmx>',
        encoding="utf-8",
    )
    run(root, "import", str(tmx), "--doc", str(root / "paper.txt"), "--to", "es")
    path = root / "translations" / "paper.es.po"
    tfile = TranslationFile.load(path)
    units = list(tfile.units.values())
    assert [u.state for u in units] == [SegmentState.REVIEWED] * 3
    units[2].set_translation(units[2].target)  # back to edited: one not reviewed
    tfile.save()
    return root


def export(root: Path, tmp_path: Path) -> Path:
    out = tmp_path / "pc.xlf"
    run(
        root,
        *("export", str(root / "paper.txt"), "--to", "es", "--format", "xliff12"),
        *("--include-unreviewed", "-o", str(out)),
    )
    return out


def states(root: Path) -> list[SegmentState]:
    path = root / "translations" / "paper.es.po"
    return [unit.state for unit in TranslationFile.load(path).units.values()]


@pytest.mark.parametrize("overwrite", [False, True])
def test_a_withdrawn_approval_sends_the_segment_back_to_review(
    project: Path, tmp_path: Path, overwrite: bool
) -> None:
    xlf = export(project, tmp_path)
    text = xlf.read_text(encoding="utf-8")
    first = text.index('approved="yes"')
    unit_end = text.index("</trans-unit>", first)
    withdrawn = (
        text[first:unit_end]
        .replace('approved="yes"', 'approved="no"')
        .replace('state="final"', 'state="needs-review-translation"')
    )
    xlf.write_text(text[:first] + withdrawn + text[unit_end:], encoding="utf-8")
    flags = ["--overwrite"] if overwrite else []
    result = run(
        project, "import", str(xlf), "--doc", str(project / "paper.txt"), "--to", "es", *flags
    )
    assert count(result.output, "sent back to review") == 1
    assert count(result.output, "already the same") == 2
    assert states(project) == [SegmentState.EDITED, SegmentState.REVIEWED, SegmentState.EDITED]
    po = (project / "translations" / "paper.es.po").read_text(encoding="utf-8")
    assert po.count("#, fuzzy") == 2


def test_translate_toolkit_round_trip_takes_approvals_both_ways(
    project: Path, tmp_path: Path
) -> None:
    xlf = export(project, tmp_path)
    po = tmp_path / "tt.po"
    subprocess.run([BIN / "xliff2po", xlf, po], check=True, capture_output=True)
    entries = polib.pofile(str(po))
    by_source = {entry.msgid: entry for entry in entries}
    china, trade = by_source[PAPER.splitlines()[0]], by_source[PAPER.splitlines()[-1]]
    assert "fuzzy" not in china.flags and "fuzzy" in trade.flags
    china.flags.append("fuzzy")  # the reviewer withdraws one approval
    trade.flags.remove("fuzzy")  # and approves another
    entries.save(str(po))
    back = tmp_path / "tt.xlf"
    subprocess.run([BIN / "po2xliff", po, back], check=True, capture_output=True)
    assert 'source-language="en-US"' in back.read_text(encoding="utf-8")
    result = run(project, "import", str(back), "--doc", str(project / "paper.txt"), "--to", "es")
    assert count(result.output, "sent back to review") == 1
    assert count(result.output, "approved in the file") == 1
    assert count(result.output, "already the same") == 1
    assert states(project) == [SegmentState.EDITED, SegmentState.REVIEWED, SegmentState.REVIEWED]


def test_the_same_tmx_twice_changes_nothing_and_says_so(project: Path, tmp_path: Path) -> None:
    source = PAPER.splitlines()[0]
    tmx = tmp_path / "two.tmx"
    tmx.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header srclang="en" '
        'adminlang="en" segtype="sentence" datatype="plaintext" o-tmf="x" creationtool="x" '
        f'creationtoolversion="1"/><body>{TU.format(source, "China propuso otra cosa.")}'
        "</body></tmx>",
        encoding="utf-8",
    )
    doc = str(project / "paper.txt")
    first = run(project, "import", str(tmx), "--doc", doc, "--to", "es")
    assert count(first.output, "kept existing work") == 1
    path = project / "translations" / "paper.es.po"
    before = path.read_bytes()
    second = run(project, "import", str(tmx), "--doc", doc, "--to", "es")
    assert path.read_bytes() == before
    assert "already holds everything" in second.output
    assert count(second.output, "kept existing work") == 0
    assert count(second.output, "unchanged") == 1


def test_a_files_region_variant_leaves_the_projects_language_tag(
    project: Path, tmp_path: Path
) -> None:
    po = tmp_path / "tt.po"
    subprocess.run(
        [BIN / "xliff2po", export(project, tmp_path), po], check=True, capture_output=True
    )
    back = tmp_path / "tt.xlf"
    subprocess.run([BIN / "po2xliff", po, back], check=True, capture_output=True)
    assert 'source-language="en-US"' in back.read_text(encoding="utf-8")
    result = run(project, "import", str(back), "--doc", str(project / "paper.txt"), "--to", "es")
    assert "document language:      en (declared in tt.xlf)" in result.output
    header = (project / "translations" / "paper.es.po").read_text(encoding="utf-8")
    assert '"X-Source-Language: en\\n"' in header  # the project's tag, not po2xliff's en-US
