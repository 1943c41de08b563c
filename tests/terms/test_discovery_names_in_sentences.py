"""A sentence full of names is no title-case line: a regression audit found "United States"
and "Paris Agreement" lose their name mark because "The United States and China signed the
Paris Agreement." counted as a line whose capitals are a title's (a heading or a running
header), which takes back the capitals of the words it holds."""

from __future__ import annotations

import json
from pathlib import Path

from support.command_line import termwise

TEXT = """Trade and Cooperation

The report looks at trade between large economies over the last decade.

The United States and China signed the Paris Agreement.
Later the United States left the Paris Agreement again.
The European Union supported the Paris Agreement from the start.
Officials from China met officials from the European Union in Brussels.
The United States and the European Union then discussed tariffs with China.
Brussels hosted the talks on the Paris Agreement.

Many economists studied the effects of the tariffs on small firms and on consumers.
The analysis of trade flows shows that tariffs raise prices for consumers.
"""


def test_names_in_sentences_keep_their_mark(tmp_path: Path) -> None:
    (tmp_path / "names.txt").write_text(TEXT, encoding="utf-8")
    result = termwise(
        *("--project", ".", "terms", "extract", "names.txt", "--format", "json"), cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    kinds = {c["term"]: c["kind"] for c in json.loads(result.stdout)["candidates"]}
    assert kinds.get("United States") == "name", kinds
    assert kinds.get("Paris Agreement") == "name", kinds
