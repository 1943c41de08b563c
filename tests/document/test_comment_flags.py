"""A PO entry's format flags come from the text a reader sees, not from HTML comments.

``termwise translate X.md --to es --engine apertium --no-cache`` gave the entry of
``Text <!-- see {name} --> more.``, whose only braces are inside a comment, the flag
``python-brace-format`` (Babel's guess from the msgid), which makes the placeholders check
strict for text no reader sees.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.catalog import Message

from termwise.project.translation_file import TranslationFile
from termwise.project.units import SegmentState, TranslationUnit

pytestmark = pytest.mark.skipif(
    not hasattr(Message, "python_brace_format"),
    reason="this Babel guesses no python-brace-format at all",
)

COMMENTED = "Text <!-- see {name} --> more."
SHOWN = "Hello {name} <!-- a note -->."
PLAIN = "Hello {name}."


def flags_by_msgid(po: str) -> dict[str, set[str]]:
    """Each entry's ``#,`` flags, by its one-line msgid."""
    found: dict[str, set[str]] = {}
    flags: set[str] = set()
    for line in po.splitlines():
        if line.startswith("#,"):
            flags = {flag.strip() for flag in line[2:].split(",")}
        elif line.startswith('msgid "') and line != 'msgid ""':
            found[line[len('msgid "') : -1]] = flags
            flags = set()
    return found


def test_written_flags_ignore_braces_inside_comments() -> None:
    tfile = TranslationFile(lang="es", source_lang="en", document_name="X.md")
    for number, source in enumerate((COMMENTED, SHOWN, PLAIN)):
        tfile.units[f"s{number}"] = TranslationUnit(f"s{number}", source, source, SegmentState.MT)
    flags = flags_by_msgid(tfile.to_bytes().decode("utf-8"))
    assert "python-brace-format" not in flags[COMMENTED]
    assert "python-brace-format" in flags[SHOWN]
    assert "python-brace-format" in flags[PLAIN]


def test_read_flags_ignore_braces_inside_comments() -> None:
    """A file written before the fix (or by Poedit, which keeps what it read) says
    ``python-brace-format`` on the commented entry: read, the entry is no brace format."""
    entries = "".join(
        f'#, fuzzy, python-brace-format\nmsgctxt "s{n}"\nmsgid "{s}"\nmsgstr "{s}"\n\n'
        for n, s in enumerate((COMMENTED, SHOWN))
    )
    data = (
        'msgid ""\nmsgstr ""\n"Language: es\\n"\n'
        '"Content-Type: text/plain; charset=UTF-8\\n"\n"X-Source-Language: en\\n"\n\n' + entries
    ).encode("utf-8")
    tfile = TranslationFile.from_bytes(data, "X.es.po")
    assert "python-brace-format" not in tfile.units["s0"].flags
    assert "python-brace-format" in tfile.units["s1"].flags
    assert "fuzzy" not in tfile.units["s0"].flags


@pytest.mark.skipif(shutil.which("apertium") is None, reason="Apertium is not installed")
def test_translate_gives_no_brace_flag_for_a_commented_brace(tmp_path: Path) -> None:
    (tmp_path / "X.md").write_text(f"{COMMENTED}\n\n{PLAIN}\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "termwise", "translate", "X.md", "--to", "es"]
        + ["--engine", "apertium", "--no-cache"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0 and "eng-spa" in result.stderr:
        pytest.skip("Apertium has no English-Spanish pair here")
    assert result.returncode == 0, result.stderr
    po = (tmp_path / "translations" / "X.es.po").read_text(encoding="utf-8")
    flags = flags_by_msgid(po)
    assert "python-brace-format" not in flags[COMMENTED]
    assert "python-brace-format" in flags[PLAIN]
