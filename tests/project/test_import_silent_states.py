"""An imported file that says nothing of review leaves a reviewed project alone.

From an audit: XLIFF units with no ``state`` and no ``approved`` (and XLIFF 2 segments
with no ``state``) carrying the project's own, reviewed texts were read as withdrawn
approvals, and "sent back to review: 3" undid the whole review. Only a file that says a
unit is not reviewed (``approved="no"``, a ``needs-…`` state, XLIFF 2 ``initial``, a PO
``fuzzy``) reopens one; ``translated`` says who did the work, not that a review refused it,
and a TMX ``x-state`` is termwise's own snapshot of a moment before the review. Real
Apertium, real files, the real command.
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from click.testing import CliRunner, Result

from termwise.cli import cli
from termwise.project.translation_file import TranslationFile
from termwise.project.units import SegmentState

PAPER = (
    "The river flows through the old city.\n\n"
    "Many people visit the museum every year.\n\n"
    "The bridge was built in 1890.\n"
)


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


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project whose three segments Apertium translated and a reviewer then approved."""
    root = tmp_path_factory.mktemp("silent") / "proj"
    root.mkdir()
    (root / "doc.txt").write_text(PAPER, encoding="utf-8")
    run(
        root,
        *("translate", str(root / "doc.txt"), "--from", "en", "--to", "es"),
        *("--engine", "apertium"),
    )
    tfile = TranslationFile.load(po_path(root))
    for unit in tfile.units.values():
        assert unit.target
        unit.mark_reviewed()
    tfile.save()
    return root


@pytest.fixture
def project(reviewed: Path, tmp_path: Path) -> tuple[Path, list[tuple[str, str]]]:
    """A fresh copy of ``reviewed``, and its (source, target) pairs."""
    root = tmp_path / "proj"
    root.mkdir()
    for path in reviewed.rglob("*"):
        if path.is_file():
            copy = root / path.relative_to(reviewed)
            copy.parent.mkdir(parents=True, exist_ok=True)
            copy.write_bytes(path.read_bytes())
    units = TranslationFile.load(po_path(root)).units.values()
    return root, [(unit.source, unit.target) for unit in units]


def states(root: Path) -> list[SegmentState]:
    return [unit.state for unit in TranslationFile.load(po_path(root)).units.values()]


def xliff12(pairs: list[tuple[str, str]], target_attrs: str, unit_attrs: str) -> str:
    units = "".join(
        f'<trans-unit id="{n}" {unit_attrs}><source>{escape(s)}</source>'
        f"<target {target_attrs}>{escape(t)}</target></trans-unit>"
        for n, (s, t) in enumerate(pairs, 1)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
        '<file original="doc.txt" source-language="en" target-language="es" '
        f'datatype="plaintext"><body>{units}</body></file></xliff>\n'
    )


def xliff2(pairs: list[tuple[str, str]], attrs: str) -> str:
    units = "".join(
        f'<unit id="u{n}"><segment {attrs}><source>{escape(s)}</source>'
        f"<target>{escape(t)}</target></segment></unit>"
        for n, (s, t) in enumerate(pairs, 1)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" '
        f'trgLang="es"><file id="f1">{units}</file></xliff>\n'
    )


def tmx(pairs: list[tuple[str, str]], props: str) -> str:
    units = "".join(
        f'<tu>{props}<tuv xml:lang="en"><seg>{escape(s)}</seg></tuv>'
        f'<tuv xml:lang="es"><seg>{escape(t)}</seg></tuv></tu>'
        for s, t in pairs
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header srclang="en" '
        'adminlang="en" segtype="sentence" datatype="plaintext" o-tmf="x" creationtool="x" '
        f'creationtoolversion="1"/><body>{units}</body></tmx>\n'
    )


def po(pairs: list[tuple[str, str]], fuzzy: bool) -> str:
    flag = "#, fuzzy\n" if fuzzy else ""
    entries = "".join(f'\n{flag}msgid "{s}"\nmsgstr "{t}"\n' for s, t in pairs if '"' not in s + t)
    return (
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        f'"Language: es\\n"\n"X-Source-Language: en\\n"\n{entries}'
    )


SILENT = {
    "xliff12 no state": ("f.xlf", lambda p: xliff12(p, "", "")),
    "xliff12 translated": ("f.xlf", lambda p: xliff12(p, 'state="translated"', "")),
    "xliff12 x-state": ("f.xlf", lambda p: xliff12(p, 'state="x-done"', "")),
    "xliff2 no state": ("f.xlf", lambda p: xliff2(p, "")),
    "xliff2 translated": ("f.xlf", lambda p: xliff2(p, 'state="translated"')),
    "xliff2 termwise's own edited": (
        "f.xlf",
        lambda p: xliff2(p, 'state="translated" subState="termwise:edited"'),
    ),
    "tmx no x-state": ("f.tmx", lambda p: tmx(p, "")),
    # termwise's own export, written before the review: a snapshot, not a withdrawal.
    "tmx x-state edited": ("f.tmx", lambda p: tmx(p, '<prop type="x-state">edited</prop>')),
    "tmx x-state mt": ("f.tmx", lambda p: tmx(p, '<prop type="x-state">mt</prop>')),
    "po not fuzzy": ("f.po", lambda p: po(p, fuzzy=False)),
}
SAYS_UNREVIEWED = {
    "xliff12 approved=no": ("f.xlf", lambda p: xliff12(p, "", 'approved="no"')),
    "xliff12 translated approved=no": (
        "f.xlf",
        lambda p: xliff12(p, 'state="translated"', 'approved="no"'),
    ),
    "xliff12 needs-review": ("f.xlf", lambda p: xliff12(p, 'state="needs-review-l10n"', "")),
    "xliff12 new": ("f.xlf", lambda p: xliff12(p, 'state="new"', "")),
    "xliff2 initial": ("f.xlf", lambda p: xliff2(p, 'state="initial"')),
    "po fuzzy": ("f.po", lambda p: po(p, fuzzy=True)),
}


@pytest.mark.parametrize("case", list(SILENT))
def test_a_file_silent_on_review_leaves_the_review(
    project: tuple[Path, list[tuple[str, str]]], case: str
) -> None:
    root, pairs = project
    name, write = SILENT[case]
    path = root.parent / name
    path.write_text(write(pairs), encoding="utf-8")
    before = po_path(root).read_bytes()
    result = run(root, "import", str(path), "--doc", str(root / "doc.txt"), "--to", "es")
    assert count(result.output, "sent back to review") == 0
    assert count(result.output, "already the same") == len(pairs)
    assert states(root) == [SegmentState.REVIEWED] * len(pairs)
    assert po_path(root).read_bytes() == before


@pytest.mark.parametrize("case", list(SAYS_UNREVIEWED))
def test_a_file_saying_not_reviewed_reopens_the_review(
    project: tuple[Path, list[tuple[str, str]]], case: str
) -> None:
    root, pairs = project
    name, write = SAYS_UNREVIEWED[case]
    path = root.parent / name
    path.write_text(write(pairs), encoding="utf-8")
    result = run(root, "import", str(path), "--doc", str(root / "doc.txt"), "--to", "es")
    assert count(result.output, "sent back to review") == len(pairs)
    assert count(result.output, "already the same") == 0
    # Back to review: the untouched Apertium texts read as MT again, to be reviewed.
    assert SegmentState.REVIEWED not in states(root)
