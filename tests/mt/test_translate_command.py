"""``termwise translate``: output formats, cached reruns, progress on a terminal, saving."""

from __future__ import annotations

import json
import os
import pty
import shutil
import subprocess
import sys
from pathlib import Path

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_204c7e650900ae41.txt"


def seed_in(folder: Path) -> Path:
    """The seed paper copied into ``folder``: named where it lies, in the repository, it
    belongs to the repository's project, whose files a test must not touch."""
    paper = folder / SEED.name
    shutil.copy(SEED, paper)
    return paper


def termwise(
    *args: str, cwd: Path, stderr: int | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-c", "from termwise.cli import main; main()", *args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=stderr if stderr is not None else subprocess.PIPE,
        timeout=300,
    )


def test_cached_rerun_prints_the_same_bytes_without_a_model_call(
    installed_argos_package: Path, tmp_path: Path
) -> None:
    paper = seed_in(tmp_path)
    first = termwise(
        "translate", str(paper), "--to", "es", "--format", "json", "--no-save", cwd=tmp_path
    )
    assert first.returncode == 0, first.stderr.decode()
    rows = json.loads(first.stdout)
    assert len(rows) > 100
    assert set(rows[0]) == {"id", "source", "target", "engine", "model"}
    assert {(r["engine"], r["model"]) for r in rows} == {("argos", "translate-en_es@1.0")}
    assert all(r["target"] for r in rows if r["source"].strip())
    assert rows[0]["source"].startswith("Abstract")

    # Spoil the model but keep its size and time stamp (the cache fingerprint): any model
    # call would now fail, so an identical second output can only come from the cache.
    model_bin = installed_argos_package / "model" / "model.bin"
    info = model_bin.stat()
    model_bin.write_bytes(b"\0" * info.st_size)
    os.utime(model_bin, ns=(info.st_atime_ns, info.st_mtime_ns))
    second = termwise(
        "translate", str(paper), "--to", "es", "--format", "json", "--no-save", cwd=tmp_path
    )
    assert second.returncode == 0, second.stderr.decode()
    assert second.stdout == first.stdout
    # Not a terminal: no progress bar; only the note that no glossary forces anything.
    assert second.stderr.decode().startswith("termwise: no glossary in ")
    assert second.stderr.count(b"\n") == 1
    assert not (tmp_path / "translations").exists()

    uncached = termwise(
        "translate", str(paper), "--to", "es", "--no-cache", "--no-save", cwd=tmp_path
    )
    assert uncached.returncode != 0  # proves the spoiled model is really unusable


def test_text_output_and_saving_to_the_project(
    installed_argos_package: Path, tmp_path: Path
) -> None:
    document = tmp_path / "short.txt"
    document.write_text("A short title\n\nThe first sentence is here. The second one follows.\n")
    result = termwise("translate", str(document), "--to", "es", "--beam-size", "1", cwd=tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    blocks = result.stdout.decode().strip().split("\n\n")
    assert len(blocks) == 3
    segment_id, source, target = blocks[1].splitlines()
    assert source == "  en: The first sentence is here."
    assert target.startswith("  es: ") and len(target) > 8
    saved = tmp_path / "translations" / "short.es.po"
    assert saved.is_file()
    assert "Saved 3 machine translations" in result.stderr.decode()
    po = saved.read_text()
    assert target[len("  es: ") :].replace('"', '\\"') in po


def test_progress_bar_goes_to_a_terminal_on_stderr(
    installed_argos_package: Path, tmp_path: Path
) -> None:
    paper = seed_in(tmp_path)
    leader, follower = pty.openpty()
    try:
        result = termwise(
            "translate",
            str(paper),
            "--to",
            "es",
            "--no-save",
            "--no-cache",
            "--format",
            "json",
            cwd=tmp_path,
            stderr=follower,
        )
        os.close(follower)
        shown = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(leader)
    assert result.returncode == 0
    assert b"Translating en" in shown and b"100%" in shown
    assert b"Translating" not in result.stdout
    json.loads(result.stdout)


def test_apertium_engine_from_the_command_line(argos_env: Path, tmp_path: Path) -> None:
    document = tmp_path / "cat.txt"
    document.write_text("The cat is blue. The xyzzy is here.\n")
    result = termwise(
        "translate",
        str(document),
        "--to",
        "es",
        "--engine",
        "apertium",
        "--format",
        "json",
        "--no-save",
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr.decode()
    rows = json.loads(result.stdout)
    assert [(r["target"], r["engine"], r["model"]) for r in rows] == [
        ("El gato es azul.", "apertium", "eng-spa"),
        ("El xyzzy es aquí.", "apertium", "eng-spa"),
    ]


def test_missing_model_is_an_actionable_error(argos_env: Path, tmp_path: Path) -> None:
    document = tmp_path / "doc.txt"
    document.write_text("Hello there.\n")
    result = termwise("translate", str(document), "--to", "de", "--engine", "argos", cwd=tmp_path)
    assert result.returncode == 2
    assert b"termwise models install en de" in result.stderr


def test_a_damaged_translation_file_is_reported_before_translating(
    argos_env: Path, tmp_path: Path
) -> None:
    # It was reported after the whole MT run, which printed every segment first.
    (tmp_path / "cat.txt").write_text("The cat is blue. The dog is red.\n")
    po = tmp_path / "translations" / "cat.es.po"
    po.parent.mkdir()
    po.write_text('msgid "The cat is blue."\nmsgstr "El gato\n', encoding="utf-8")
    result = termwise("translate", "cat.txt", "--to", "es", "--engine", "apertium", cwd=tmp_path)
    assert result.returncode == 2
    assert b"cat.es.po:2" in result.stderr
    assert result.stdout == b"" and b"Translating" not in result.stderr
    assert po.read_text(encoding="utf-8") == 'msgid "The cat is blue."\nmsgstr "El gato\n'
