"""A one-byte encoding named for a UTF-8 file is refused: it reads every file, wrongly."""

from __future__ import annotations

from pathlib import Path

import pytest

from termwise.document.encoding import read_text
from termwise.errors import InputError


def test_latin1_named_for_utf8_text_is_refused_with_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("First line.\nIt cost €850,000.\n", encoding="utf-8")
    with pytest.raises(InputError, match="would misread") as caught:
        read_text(path, "latin-1")
    assert "notes.txt:2:" in str(caught.value)
    # Latin-1 reads "€" as "â" and two C1 controls: named, not printed as Python escapes.
    assert '("€850,000." as "â<U+0082>¬850,000.")' in str(caught.value)
    # A real Latin-1 file reads as Latin-1.
    path.write_bytes("Un café.\n".encode("latin-1"))
    assert read_text(path, "latin-1") == ("Un café.\n", "latin-1")
