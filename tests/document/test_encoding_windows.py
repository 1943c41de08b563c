"""A Windows-1252 file is told its encoding, and never read as Latin-1 with letters lost.

Read with ``--encoding latin-1``, "l'œuvre" (byte 0x9C) became "l'\\x9cuvre", a C1 control
character a terminal and every check show as "l'uvre": segmented and translated without a
word. Without ``--encoding``, its refusal named no encoding, where a Shift-JIS or Big5 file's
names the very option that reads it."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.command_line import termwise
from termwise.document import load_document
from termwise.document.encoding import read_text
from termwise.errors import InputError

FRENCH = "Le système était prêt.\nIl se mit à l'œuvre. « Bien sûr », dit-il.\n"
SENTENCES = ["Le système était prêt.", "Il se mit à l'œuvre.", "« Bien sûr », dit-il."]


def _write(tmp_path: Path, text: str = FRENCH, encoding: str = "cp1252") -> Path:
    path = tmp_path / "fr.txt"
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize("named", ["latin-1", "ISO-8859-1", "iso8859_15"])
def test_a_windows_file_named_latin1_is_refused_at_its_lost_letter(
    tmp_path: Path, named: str
) -> None:
    path = _write(tmp_path)
    with pytest.raises(InputError) as raised:
        load_document(path, encoding=named, encoding_option=True, lang="fr")
    message = str(raised.value)
    # Line 2, column 15: the "œ" of "l'œuvre" (one byte a character).
    assert message.startswith(f"{path}:2:15: not {named} text: byte 0x9C "), message
    assert '"œ" in cp1252 ("l\'œuvre.");' in message, message
    assert message.endswith("name it with --encoding cp1252"), message


def test_the_cli_refuses_it_and_reads_it_named_cp1252(tmp_path: Path) -> None:
    _write(tmp_path)
    args = ["segments", "fr.txt", "--lang", "fr", "--format", "lines"]
    refused = termwise(*args, "--encoding", "latin-1", cwd=tmp_path)
    assert refused.returncode == 2, refused.stdout
    assert refused.stdout == ""
    assert refused.stderr.startswith("termwise: error: fr.txt:2:15: not latin-1 text: ")
    assert refused.stderr.endswith("name it with --encoding cp1252\n")
    named = termwise(*args, "--encoding", "cp1252", cwd=tmp_path)
    assert named.returncode == 0, named.stderr
    assert named.stdout.splitlines() == SENTENCES


def test_a_real_latin1_file_is_still_read(tmp_path: Path) -> None:
    # No byte 0x80-0x9F: the Latin-1 reading is the text, and is taken as named.
    path = _write(tmp_path, FRENCH.replace("œ", "oe"), "latin-1")
    text, encoding = read_text(path, "latin-1", encoding_option=True)
    assert (text, encoding) == (FRENCH.replace("œ", "oe"), "latin-1")


def test_a_byte_no_windows_encoding_reads_is_advised_no_encoding(tmp_path: Path) -> None:
    # 0x81 is no character in cp1252 either: "name it cp1252" would fail in turn.
    path = tmp_path / "fr.txt"
    path.write_bytes(FRENCH.encode("cp1252") + b"\x81\n")
    with pytest.raises(InputError) as raised:
        read_text(path, "latin-1", encoding_option="--target-encoding")
    message = str(raised.value)
    assert message.startswith(f"{path}:2:15: not latin-1 text: byte 0x9C "), message
    assert message.endswith("; name the right encoding with --target-encoding"), message


def test_an_undetected_windows_file_is_told_cp1252(tmp_path: Path) -> None:
    path = _write(tmp_path)
    with pytest.raises(InputError) as raised:
        read_text(path, encoding_option=True)
    message = str(raised.value)
    assert message.startswith(f"{path}:1:8: not UTF-8 text: byte 0xE8 "), message
    assert message.endswith(
        "name it with --encoding: it reads as Western European text with --encoding cp1252 "
        '("Le système était prê")'
    ), message
    # A command without --encoding says what it is in, with its advice to save it as UTF-8.
    with pytest.raises(InputError) as raised:
        read_text(path)
    assert "save it as UTF-8: it reads as Western European text in cp1252 (" in str(raised.value)
    # align's option for that one file is named, not --encoding (which names both).
    with pytest.raises(InputError) as raised:
        read_text(path, encoding_option="--target-encoding")
    assert "text with --target-encoding cp1252 (" in str(raised.value)


def test_chinese_read_one_byte_a_character_is_not_told_cp1252(tmp_path: Path) -> None:
    # Shift-JIS of rare kanji and no kana is no Japanese, GB18030 or Big5 reading: cp1252
    # reads it too, as runs of accented letters with no ASCII letter beside them.
    path = tmp_path / "kanji.txt"
    path.write_bytes("鬱鬱鬱 薔薇 鬱\n".encode("shift_jis"))
    with pytest.raises(InputError) as raised:
        read_text(path, encoding_option=True)
    assert "cp1252" not in str(raised.value)


def test_a_byte_undefined_in_windows_1252_is_shown_alone(tmp_path: Path) -> None:
    path = tmp_path / "data.txt"
    path.write_bytes(b"Total: \x81 units\n")
    with pytest.raises(InputError) as raised:
        read_text(path, encoding_option=True)
    message = str(raised.value)
    assert f"{path}:1:8: not UTF-8 text: byte 0x81; if it is another encoding" in message
    assert "\ufffd" not in message and "Windows-1252" not in message
