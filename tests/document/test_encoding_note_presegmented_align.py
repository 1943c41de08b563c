"""``align --presegmented`` notes the encoding it guessed, as every command that segments a
file does: a GB18030 target aligned line by line was read without a word of it, or of the
option that names another encoding."""

from __future__ import annotations

from pathlib import Path

from support.command_line import termwise


def _align(tmp_path: Path, *options: str) -> tuple[int, str]:
    (tmp_path / "en.txt").write_text("Let us go.\nIt is late.\n", encoding="utf-8")
    (tmp_path / "zh.txt").write_bytes("我们走吧。\n时间不早了。\n".encode("gbk"))
    aligned = termwise(
        "align",
        "en.txt",
        "zh.txt",
        "--from",
        "en",
        "--to",
        "zh",
        "--no-mt",
        *options,
        cwd=tmp_path,
    )
    return aligned.returncode, aligned.stderr


def test_a_guessed_encoding_is_noted_with_the_option_to_change_it(tmp_path: Path) -> None:
    code, stderr = _align(tmp_path, "--presegmented")
    assert code == 0, stderr
    assert "note: zh.txt: read as GB18030 (guessed; --target-encoding to change)" in stderr
    assert "en.txt" not in stderr
    # As align notes it on documents it segments itself.
    code, segmented = _align(tmp_path, "--format", "beads")
    assert code == 0, segmented
    assert "note: zh.txt: read as GB18030 (guessed; --target-encoding to change)" in segmented


def test_a_named_encoding_is_not_noted(tmp_path: Path) -> None:
    code, stderr = _align(tmp_path, "--presegmented", "--target-encoding", "gbk")
    assert code == 0, stderr
    assert "note:" not in stderr
