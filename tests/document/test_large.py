"""Large and pathological inputs finish without a traceback (speed is measured in bench/)."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

from termwise.document import parse_document, split_sentences

PAPER = Path(__file__).resolve().parents[2] / "seeds" / "000_204c7e650900ae41.txt"


def test_a_few_megabytes_through_the_cli(tmp_path: Path) -> None:
    rng = random.Random(7)
    lines = PAPER.read_text(encoding="utf-8").splitlines()
    chunks = []
    size = 0
    while size < 2_000_000:
        start = rng.randrange(len(lines) - 20)
        chunk = "\n".join(lines[start : start + 20]) + "\n\n"
        chunks.append(chunk)
        size += len(chunk)
    path = tmp_path / "big.txt"
    path.write_text("".join(chunks), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "termwise.cli", "segments", str(path), "--format", "json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    rows = json.loads(result.stdout)
    assert len(rows) > 7_000
    assert len({row["id"] for row in rows}) == len(rows)
    assert rows[-1]["line"] > 20_000


def test_pathological_texts() -> None:
    # One huge line of abbreviation-like tokens, one without any punctuation, dots only.
    for text in ("a. B. " * 50_000, "word " * 200_000, "." * 500_000, "。" * 100_000):
        spans = split_sentences(text, "en")
        assert spans and spans[-1][1] == len(text.rstrip())
    document = parse_document("x " * 200_000, lang="en")
    assert len(document.segments) == 1
