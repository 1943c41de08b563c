"""A file that no encoding reads as text is told it looks binary, NUL byte or not; a text in
another encoding is still told to name it.

Random bytes without a NUL were "not UTF-8 text: byte 0xC7 ("Ç" in Windows-1252); if it is
another encoding, name it with --encoding", advice that no encoding could make good."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from support.command_line import termwise

ADVICE = "if it is another encoding, name it with --encoding"
# Real texts as translators are sent them, in the encodings UTF-8 fails on.
TEXTS = {
    "cp1252": "Le café « déjà vu » coûte 3 € — c’est cher.\nL’été dernier, on l’a payé 2 €.\n",
    "latin-1": "Die Größe der Hütte überrascht. Für Bergsteiger ist sie ein Glücksfall.\n",
    "shift_jis": "日本語のテキストです。東京は大きな都市で、山の上から海が見えます。\n",
    "gb18030": "河水的质量在大多数站点有所改善，硝酸盐水平平均下降了百分之十二。\n",
}


def random_bytes(size: int) -> bytes:
    """Bytes as a compressed or encrypted file holds them, without a NUL (which tells a
    binary file already)."""
    rng = random.Random(7)
    return bytes(rng.randrange(1, 256) for _ in range(size))


@pytest.mark.parametrize("encoding", [None, "shift_jis"])
def test_random_bytes_without_nul_are_told_binary(tmp_path: Path, encoding: str | None) -> None:
    (tmp_path / "noise.txt").write_bytes(random_bytes(2000))
    args = ["--encoding", encoding] if encoding else []
    result = termwise("segments", "noise.txt", *args, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("termwise: error: noise.txt: byte "), result.stderr
    assert "binary file (control character " in result.stderr
    assert "--encoding" not in result.stderr


@pytest.mark.parametrize("encoding", sorted(TEXTS))
def test_texts_in_other_encodings_are_still_read_or_told_to_name_it(
    tmp_path: Path, encoding: str
) -> None:
    text = TEXTS[encoding]
    (tmp_path / "text.txt").write_bytes(text.encode(encoding))
    detected = termwise("segments", "text.txt", "--format", "lines", cwd=tmp_path)
    if detected.returncode != 0:
        assert detected.returncode == 2
        assert ADVICE in detected.stderr
        assert "binary" not in detected.stderr
    named = termwise(
        "segments", "text.txt", "--encoding", encoding, "--format", "lines", cwd=tmp_path
    )
    assert named.returncode == 0, named.stderr
    assert "".join(named.stdout.split()) == "".join(text.split())


def test_a_truncated_utf16_file_is_told_its_encoding_error(tmp_path: Path) -> None:
    # UTF-16 writes ASCII with a NUL byte beside each letter: no share of them says binary.
    (tmp_path / "cut.txt").write_bytes("Hola, mundo.\n".encode("utf-16-le") + b"H")
    result = termwise("segments", "cut.txt", "--encoding", "utf-16-le", cwd=tmp_path)
    assert result.returncode == 2
    assert "not valid utf-16-le text" in result.stderr, result.stderr
