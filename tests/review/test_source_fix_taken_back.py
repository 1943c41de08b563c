"""``termwise fix`` on the source, refused by a translation that changed while it ran,
leaves every file as it was.

A fix of the source rewrites the source file (keeping ``FILE~``, ``FILE.orig`` and the id
aliases), then brings the project's translations up to date. Where another program saved
the translation meanwhile, that save was refused ("termwise did not write it") but the
source stayed rewritten: the command said to run it again, which then found nothing to
fix, and the translation's reviewed text of the rewritten sentence stayed "reviewed" on
disk. Now the source fix is taken back, byte for byte, and the same command run again
makes it on top of the other program's version. Real files, the real command, another
process writing the file at the store's hook (``swap.BEFORE_SWAP``).
"""

from __future__ import annotations

from pathlib import Path

from support.command_line import termwise, termwise_raced
from support.review_project import write_test_glossary
from termwise.document import load_document
from termwise.project.translation_file import TranslationFile
from termwise.project.units import SegmentState, TranslationUnit

DOC = (
    "China is a responsible big country in the world today.\n\n"
    "The mayor signed the budget of the city.\n"
)
TEXTS = ("China es un gran país responsable hoy.", "El alcalde firmó el presupuesto.")
THEIRS = "El alcalde firmó el presupuesto de la ciudad."
FIX = ("fix", "paper.txt", "--concept", "T25", "--everywhere")


def _project(root: Path) -> tuple[Path, list[str]]:
    """A paper whose first sentence uses T25's deprecated term, and its Spanish translation,
    reviewed; the translation file and the segment ids."""
    write_test_glossary(root / "glossary")
    (root / "paper.txt").write_text(DOC, encoding="utf-8")
    document = load_document(root / "paper.txt", lang="en")
    tfile = TranslationFile(lang="es", source_lang="en")
    for segment, target in zip(document.segments, TEXTS, strict=True):
        tfile.units[segment.id] = TranslationUnit(
            segment_id=segment.id, source=segment.text, target=target, state=SegmentState.REVIEWED
        )
    (root / "translations").mkdir()
    po = root / "translations" / "paper.es.po"
    tfile.save(po)
    return po, [segment.id for segment in document.segments]


def _files(root: Path) -> dict[str, bytes]:
    """Every file of the project but the glossary, by path, with its bytes."""
    return {
        str(path.relative_to(root)): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and "glossary" not in path.parts
    }


def test_a_translation_changed_while_fix_ran_takes_the_source_fix_back(tmp_path: Path) -> None:
    po, (first, second) = _project(tmp_path)
    before = _files(tmp_path)

    refused = termwise_raced(TEXTS[1], THEIRS, *FIX, cwd=tmp_path)

    assert refused.returncode == 2, refused.stdout + refused.stderr
    assert "The fix of paper.txt was taken back: it is as it was." in refused.stderr
    assert str(po) in refused.stderr
    # Everything as it was (no FILE~, FILE.orig or id aliases either), but the other
    # program's version of the translation.
    theirs = po.read_bytes()
    assert _files(tmp_path) == {**before, "translations/paper.es.po": theirs}
    assert TranslationFile.load(po).units[second].target == THEIRS

    again = termwise(*FIX, cwd=tmp_path)

    assert again.returncode == 0, again.stdout + again.stderr
    assert "responsible major country" in (tmp_path / "paper.txt").read_text(encoding="utf-8")
    assert (tmp_path / "paper.txt~").read_bytes() == before["paper.txt"]
    units = TranslationFile.load(po).units
    # On top of the other program's version: its text stays, and the translation of the
    # sentence the fix rewrote goes back to review.
    assert units[second].target == THEIRS
    assert units[first].state is SegmentState.EDITED
    assert units[first].target == TEXTS[0]
