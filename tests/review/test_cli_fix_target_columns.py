"""``termwise fix --to LANG`` names where in the translation each issue is, as ``check``
does: every issue of a segment shares the source file's place (the segment's start), and
``fix`` printed only that, while ``check`` gave "target, col 205" for the same issue."""

from __future__ import annotations

import re
from pathlib import Path

from .test_fix_report import FORBIDDEN, check_lines, termwise, translated_first_segment


def test_fix_names_the_column_in_the_translation_as_check_does(
    tmp_path: Path, argos_env: Path
) -> None:
    paper, segment = translated_first_segment(
        tmp_path, f"Resumen: la {FORBIDDEN} de China y la zzqwrtx del mundo."
    )

    result = termwise(tmp_path, "fix", str(paper), "--to", "es", "--dry-run", "--everywhere")

    # check: "FILE:LINE:COL: CHECK: SEVERITY: #1 ID: target, col N: message"
    told = {
        (match["place"], match["check"], match["column"])
        for line in check_lines(tmp_path, paper)
        if (
            match := re.match(
                rf"(?P<place>.+?:\d+:\d+): (?P<check>[\w-]+): \w+: #1 {segment}: "
                r"target, col (?P<column>\d+): ",
                line,
            )
        )
    }
    # fix: "FILE:LINE:COL: would fix CHECK CONCEPT: #1 ID: target, col N: …" (or "left")
    named = set()
    for line in result.stdout.splitlines():
        if f" #1 {segment}: " not in line:
            continue  # the other segments, not translated
        match = re.match(
            rf"(?P<place>.+?:\d+:\d+): (?:would fix|left) (?P<check>[\w-]+)(?: T\d+)?: "
            rf"#1 {segment}: target, col (?P<column>\d+): ",
            line,
        )
        assert match, f"no column in the translation: {line}"
        named.add((match["place"], match["check"], match["column"]))
    columns = {column for _, _, column in named}
    # The forbidden term (col 13) and the misspelling after it: two columns, one place.
    assert len(columns) == 2 and "13" in columns, result.stdout
    assert named <= told, (named, told)
