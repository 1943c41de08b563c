"""MT in the workbench (on opening, and F2's fill of empty segments: ``needs_mt`` and
``record_mt``) leaves alone a segment another program locked in the translation file after
the workbench opened it: the units' flags do not say so until a merge, and MT filled the
segment whose text the lock keeps. The lock is put there as a translator's tools do: an
import of a client's XLIFF with translate="no"."""

from __future__ import annotations

from pathlib import Path

from support.command_line import termwise
from termwise.mt import open_engine
from termwise.project.importing import read_only_reason
from termwise.project.layout import ProjectLayout
from termwise.project.translation_file import TranslationFile
from termwise.review.session import ReviewSession

SOURCE = "The committee met in May.\n\nThe project grew fast across the region.\n"
XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file original="doc.txt" source-language="en" target-language="es" datatype="plaintext">
<body>
<trans-unit id="2" translate="no">
<source>The project grew fast across the region.</source>
</trans-unit>
</body>
</file>
</xliff>
"""


def _open_then_locked(tmp_path: Path) -> tuple[ReviewSession, str, str]:
    """A session on a saved, untranslated document; then #2 locked in its file by an
    import, while the session is open."""
    document = tmp_path / "doc.txt"
    document.write_text(SOURCE, encoding="utf-8")
    layout = ProjectLayout.at(tmp_path)
    first_session = ReviewSession(layout, document, "es")
    first_session.save()
    session = ReviewSession(layout, document, "es")
    first, second = (row.segment_id for row in session.rows)
    assert session.needs_mt() == [first, second]
    (tmp_path / "client.xlf").write_text(XLIFF, encoding="utf-8")
    imported = termwise("import", "client.xlf", "--doc", "doc.txt", "--to", "es", cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr
    assert "#, read-only" in session.translation_path.read_text(encoding="utf-8")
    return session, first, second


def test_mt_is_not_asked_for_a_segment_locked_on_disk(tmp_path: Path) -> None:
    session, first, _second = _open_then_locked(tmp_path)
    assert session.needs_mt() == [first]


def test_mt_asked_before_the_lock_does_not_fill_the_segment(tmp_path: Path) -> None:
    session, first, second = _open_then_locked(tmp_path)
    # MT asked for both before the lock came (F2 runs in a worker while the file changes).
    engine = open_engine("apertium", "en", "es")
    ids = [first, second]
    results = engine.translate([session.source_text(i) for i in ids], "en", "es")
    filled = session.record_mt(dict(zip(ids, results, strict=True)))
    assert filled == 1
    assert session.unit(first).target and session.unit(first).state.value == "mt"
    assert session.unit(second).target == "" and session.unit(second).mt is None
    assert session.row(second).target == "" and session.row(second).locked

    # Saved, the merge keeps the lock and the import's text there, and no MT.
    locked = TranslationFile.load(session.translation_path).units[second]
    session.save()
    units = TranslationFile.load(session.translation_path).units
    assert read_only_reason(units[second]) is not None
    assert units[second].target == locked.target and units[second].mt is None
    assert units[first].target == session.unit(first).target
