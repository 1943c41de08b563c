"""A locked sentence an older segmenter cut in two ("The report by Dr." | "Smith was read in
May.") that the segmenter now makes one segment of, run end to end through ``termwise
translate`` (``translations._carry_over_resegmented`` and the note ``SyncReport.lines``
prints).

Two defects: parts locked for different reasons (an XLIFF import's translate="no", and
Weblate's lock with its own explanation) were saved with the first reason only, as the
other tool's words have no prefix termwise knows; and a join of parts that held nothing was
told as "2 translations carried over into 1 segment ... (joined, to review)", though no
translation moved, only the lock. The same held for a locked sentence with nothing that the
segmenter now cuts in two.

The files are written by hand as an older termwise left them (gettext's ``msgcat`` drops the
``read-only`` flag, so it cannot write them).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from termwise.document.ids import content_hash
from termwise.project.importing import read_only_reason
from termwise.project.translation_file import TranslationFile

FIRST = "The report by Dr."
SECOND = "Smith was read in May."
FREE = "The rest is free."
XLIFF_REASON = 'Not for translation (translate="no" in doc.xlf): keep the text as it is'
WEBLATE_REASON = "Locked in Weblate: legal text"
MEMOQ_REASON = 'Locked (memoQ mq:locked="locked" in doc.mqxliff): keep the text as it is'
HEADER = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '"Language: es\\n"\n"X-Source-Language: en\\n"\n\n'
)

pytestmark = pytest.mark.skipif(
    not (shutil.which("msgfmt") and shutil.which("apertium")),
    reason="needs gettext's msgfmt and Apertium (README's setup installs both)",
)


def _entry(source: str, target: str = "", *reasons: str) -> str:
    """One PO entry: each reason an extracted comment, the lock Weblate's flag."""
    lines = [f"#. {reason}" for reason in reasons]
    if reasons:
        lines.append("#, read-only")
    lines += [f'msgctxt "{content_hash(source)}"', f'msgid "{source}"', f'msgstr "{target}"']
    return "\n".join(lines) + "\n"


def _project(tmp_path: Path, text: str, *entries: str) -> Path:
    """A document as it reads now and its translation file as an older segmenter left it;
    returns the file."""
    (tmp_path / "d.txt").write_text(text + "\n", encoding="utf-8")
    (tmp_path / "translations").mkdir()
    po = tmp_path / "translations" / "d.es.po"
    po.write_text(HEADER + "\n".join(entries), encoding="utf-8")
    return po


def _translate(tmp_path: Path) -> list[str]:
    """``termwise translate`` as a person runs it; the notes it printed about the file."""
    result = subprocess.run(
        [sys.executable, "-m", "termwise", "translate", "d.txt", "--to", "es"]
        + ["--engine", "apertium", "--no-glossary", "--no-cache"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return [
        line
        for line in (result.stdout + result.stderr).splitlines()
        if line.startswith("note: d.es.po:")
    ]


def test_a_join_keeps_every_reason_of_its_locked_parts_once(
    tmp_path: Path, argos_env: Path
) -> None:
    po = _project(
        tmp_path,
        f"{FIRST} {SECOND} {FREE}",
        _entry(FIRST, "", XLIFF_REASON),
        _entry(SECOND, "", XLIFF_REASON, WEBLATE_REASON),
    )
    _translate(tmp_path)

    saved = po.read_text(encoding="utf-8")
    assert saved.count(f"#. {XLIFF_REASON}\n") == 1
    assert saved.count(f"#. {WEBLATE_REASON}\n") == 1
    tfile = TranslationFile.load(po)
    locked, free = tfile.units.values()
    assert locked.source == f"{FIRST} {SECOND}"
    assert "read-only" in locked.flags and locked.target == "" and locked.mt is None
    assert locked.comments == (XLIFF_REASON, WEBLATE_REASON)
    assert free.target and "read-only" not in free.flags
    # gettext reads the file back as it was written: one entry, both reasons.
    check = subprocess.run(
        ["msgfmt", "--check-format", "-o", "/dev/null", str(po)], capture_output=True, text=True
    )
    assert check.returncode == 0, check.stderr


def test_a_join_of_empty_locked_parts_carries_no_translation(
    tmp_path: Path, argos_env: Path
) -> None:
    _project(
        tmp_path,
        f"{FIRST} {SECOND} {FREE}",
        _entry(FIRST),
        _entry(SECOND, "", XLIFF_REASON),
    )
    notes = _translate(tmp_path)
    assert notes == [
        "note: d.es.po: 1 segment the segmenter now joins from a locked sentence's parts "
        "stays read-only, with the lock's reasons"
    ]


def test_a_join_counts_only_the_translations_it_carried(tmp_path: Path, argos_env: Path) -> None:
    """A person's translation of one part, nothing in the locked other: one carried."""
    _project(
        tmp_path,
        f"{FIRST} {SECOND} {FREE}",
        _entry(FIRST, "El informe de la Dra."),
        _entry(SECOND, "", XLIFF_REASON),
    )
    notes = _translate(tmp_path)
    assert notes == [
        "note: d.es.po: 1 translation carried over into 1 segment the segmenter now makes "
        "of them (joined, to review)",
        "note: d.es.po: 1 segment the segmenter now joins from a locked sentence's parts "
        "stays read-only, with the lock's reasons",
    ]


def test_an_empty_locked_sentence_cut_in_two_carries_no_translation(
    tmp_path: Path, argos_env: Path
) -> None:
    whole = "The committee met in May. The project grew fast across the region."
    po = _project(tmp_path, whole, _entry(whole, "", XLIFF_REASON, WEBLATE_REASON))
    notes = _translate(tmp_path)
    assert notes == [
        "note: d.es.po: 1 locked sentence the segmenter now cuts into 2 segments: every part "
        "stays read-only, with the lock's reasons"
    ]
    for unit in TranslationFile.load(po).units.values():
        assert "read-only" in unit.flags and unit.target == ""
        assert unit.comments == (XLIFF_REASON, WEBLATE_REASON)


def test_a_reason_left_on_an_unlocked_part_does_not_join_the_lock(
    tmp_path: Path, argos_env: Path
) -> None:
    """A person lifted one part's lock (the flag) and left its comment: the joined
    sentence is locked for the other part's reason only, and says that one."""
    po = _project(
        tmp_path,
        f"{FIRST} {SECOND} {FREE}",
        _entry(FIRST, "", XLIFF_REASON).replace("#, read-only\n", ""),
        _entry(SECOND, "", MEMOQ_REASON),
    )
    _translate(tmp_path)
    locked = next(iter(TranslationFile.load(po).units.values()))
    assert "read-only" in locked.flags and locked.comments == (MEMOQ_REASON,)
    assert read_only_reason(locked) == MEMOQ_REASON
