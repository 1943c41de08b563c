"""``termwise align`` into the project says its low confidence groups are among the groups
it flagged, not on top of them: "in 52 groups (7 of low confidence)" then "(33 flagged
align-check: 6 unsure, ...)" read as 7 + 33 groups to check."""

from __future__ import annotations

import re
from pathlib import Path

from support.command_line import termwise
from termwise.document import load_document

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_204c7e650900ae41.txt"


def test_the_low_confidence_groups_are_said_to_be_among_the_flagged(tmp_path: Path) -> None:
    # Past the paper's first heading; the "translation" is the text itself with two
    # sentences run into one, one left out, a caption added and one rewritten.
    source = [segment.text for segment in load_document(SEED, lang="en").segments][7:40]
    target = list(source)
    target[5] = target[5] + " " + target.pop(6)
    del target[12]
    target.insert(20, "Figura 3: un mapa.")
    target[25] = "Una frase del todo distinta que nada tiene que ver."
    (tmp_path / "paper.txt").write_text(" ".join(source) + "\n", encoding="utf-8")
    (tmp_path / "paper.es.txt").write_text(" ".join(target) + "\n", encoding="utf-8")
    result = termwise(
        *["align", "paper.txt", "paper.es.txt", "--from", "en", "--to", "es", "--no-mt"],
        "--no-language-check",
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    flagged = re.search(r"\((\d+) flagged align-check", result.stdout)
    assert flagged is not None, result.stdout
    low = re.search(r"\((\d+) of low confidence", result.stderr)
    assert low is not None and int(low.group(1)) > 0, result.stderr
    assert (
        f"({low.group(1)} of low confidence, among the {flagged.group(1)} flagged below)"
        in result.stderr
    ), result.stderr
