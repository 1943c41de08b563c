"""``termwise segments`` run as a user runs it: a subprocess, its output and exit status."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

PAPER = Path(__file__).resolve().parents[2] / "seeds" / "000_204c7e650900ae41.txt"


def termwise(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "termwise.cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=60,
    )


def test_json_output_shape_on_the_seed_paper() -> None:
    result = termwise("segments", str(PAPER), "--lang", "en", "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert isinstance(rows, list) and len(rows) > 90
    for row in rows:
        assert {"id", "kind", "text", "line", "column", "paragraph"} <= set(row)
        assert row["kind"] in ("heading", "sentence")
        assert row["line"] >= 1 and row["column"] >= 1
        # A heading says how deep it is ("1. Introduction" 1, "3.1. …" 2).
        assert ("level" in row) == (row["kind"] == "heading")
    levels = {row["text"].split()[0]: row.get("level") for row in rows if row["kind"] == "heading"}
    assert levels["1."] == 1 and levels["3.1."] == 2
    assert rows[0]["text"].startswith("Abstract: ") and (rows[0]["line"], rows[0]["column"]) == (
        1,
        2,
    )
    headings = [row["text"] for row in rows if row["kind"] == "heading"]
    assert (
        "3. The Concept of Human Destiny Community and the Innovative Development of "
        "Contemporary Chinese Diplomatic Strategic Thought" in headings
    )
    assert len({row["id"] for row in rows}) == len(rows)
    # No line-wrap artefacts anywhere.
    assert not any("\n" in row["text"] or "  " in row["text"] for row in rows)


def test_text_output_is_one_segment_a_line_with_position_and_id() -> None:
    result = termwise("segments", str(PAPER))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    as_json = json.loads(termwise("segments", str(PAPER), "--format", "json").stdout)
    assert len(lines) == len(as_json)
    for line, row in zip(lines, as_json, strict=True):
        assert line.split()[0] == f"{row['line']}:{row['column']}"
        assert line.split()[1] == row["id"]
        assert line.endswith(row["text"])
        # Headings are marked with one "#" a level between the id and the text.
        assert (line.split()[2] == "#" * row.get("level", 0)) == (row["kind"] == "heading")


def test_bad_inputs_exit_non_zero_with_one_line(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"GIF89a\x01\x00\x01\x00\x00\xff")
    for path, message in (
        (empty, "empty document"),
        (binary, "byte 7: binary file"),
        (tmp_path / "missing.txt", "no such file"),
    ):
        result = termwise("segments", str(path))
        assert result.returncode == 2
        assert result.stdout == ""
        assert result.stderr.startswith(f"termwise: error: {path}")
        assert message in result.stderr
        assert "Traceback" not in result.stderr
    result = termwise("segments", str(PAPER), "--lang", "not a language")
    assert result.returncode == 2 and "BCP 47" in result.stderr
    result = termwise("segments", str(PAPER), "--format", "xml")
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_encoding_option_and_gbk_detection(tmp_path: Path) -> None:
    path = tmp_path / "zh.txt"
    path.write_bytes("第一句。第二句！\n第三句？".encode("gbk"))
    detected = json.loads(termwise("segments", str(path), "--format", "json").stdout)
    given = json.loads(
        termwise("segments", str(path), "--encoding", "gbk", "--format", "json").stdout
    )
    assert [row["text"] for row in detected] == ["第一句。", "第二句！", "第三句？"]
    assert detected == given
    result = termwise("segments", str(path), "--encoding", "utf-16")
    assert result.returncode == 2 and "zh.txt" in result.stderr


def test_project_id_aliases_are_applied(tmp_path: Path) -> None:
    document = tmp_path / "doc.txt"
    document.write_text("One sentence. Another one.\n", encoding="utf-8")
    rows = json.loads(termwise("segments", str(document), "--format", "json").stdout)
    aliases = tmp_path / "translations" / "doc.ids.json"
    aliases.parent.mkdir()
    aliases.write_text(json.dumps({rows[0]["id"]: "kept-id"}), encoding="utf-8")
    result = termwise("--project", str(tmp_path), "segments", str(document), "--format", "json")
    assert [row["id"] for row in json.loads(result.stdout)] == ["kept-id", rows[1]["id"]]


def test_utf16_file_through_the_cli(tmp_path: Path) -> None:
    path = tmp_path / "u16.txt"
    path.write_bytes("Dr. Smith left.\nShe said “bye” [2]. Done.\n".encode("utf-16"))
    result = termwise("segments", str(path), "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [(r["text"], r["line"], r["column"]) for r in rows] == [
        ("Dr. Smith left.", 1, 1),
        ("She said “bye” [2].", 2, 1),
        ("Done.", 2, 21),
    ]
