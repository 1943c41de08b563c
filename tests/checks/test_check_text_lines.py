"""``termwise check``'s text lines: in file order, each naming its segment.

A translation's issues are printed at their segment's start in the source file; without the
segment's id a translator could not find the entry in the workbench or the PO file, and in
the checks' own order the lines jumped back and forth (``12:75`` before ``12:64``).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from termwise.checks.issue import Fix, Issue, Severity, Side
from termwise.checks.report import Located, render_text
from termwise.document import load_document

from .test_cli import project, termwise

__all__ = ["project"]

LINE = re.compile(r"^paper\.txt:(\d+):(\d+): ([\w-]+): (error|warning|info): #(\d+) (\w+): (.*)$")


def test_lines_name_the_segment_and_go_in_file_order(project: Path) -> None:
    segments = load_document(project / "paper.txt", lang="en").segments
    result = termwise(project, "check", "paper.txt", "--to", "es")

    parsed = [LINE.match(line) for line in result.stdout.splitlines()]
    assert parsed and all(parsed), result.stdout
    places = [(int(found[1]), int(found[2])) for found in parsed if found]
    assert places == sorted(places)
    # Each line's segment is the workbench's #N with its id: the PO entry's msgctxt.
    for found in parsed:
        assert found is not None
        assert segments[int(found[5]) - 1].id == found[6]
    forbidden = next(found for found in parsed if found and found[3] == "term-forbidden")
    assert (forbidden[1], forbidden[2], forbidden[5]) == ("2", "1", "2")
    assert forbidden[7].startswith("target, col 15: “comunidad de destino de la humanidad”")
    # Several issues of one segment's translation say where in it each stands.
    spelling = [found[7] for found in parsed if found and found[3] == "spelling"]
    assert len(spelling) == len(set(spelling))

    # JSON keeps its fields and order; the text form adds the segment, not the JSON.
    issues = json.loads(
        termwise(project, "check", "paper.txt", "--to", "es", "--format", "json").stdout
    )
    assert {(i["line"], i["column"], i["segment"]) for i in issues} == {
        (int(found[1]), int(found[2]), found[6]) for found in parsed if found
    }


def test_at_one_place_the_source_comes_before_the_target() -> None:
    def at(side: Side, check: str) -> Located:
        issue = Issue(check, Severity.WARNING, "abc", side, 0, 1, "x", check)
        return Located(issue, "doc.txt", 4, 1, 7)

    text = render_text([at("target", "untranslated"), at("source", "source-variant")])

    assert text.splitlines() == [
        "doc.txt:4:1: source-variant: warning: #7 abc: source-variant",
        "doc.txt:4:1: untranslated: warning: #7 abc: target, col 1: untranslated",
    ]


def test_a_line_break_in_an_issue_is_shown_and_the_issue_stays_on_one_line() -> None:
    # The line-break check's fix printed "[fix: “" and "” → “ ”]" on two lines.
    fix = Fix("abc", "target", 6, 7, " ")
    issue = Issue(
        "line-break", Severity.WARNING, "abc", "target", 6, 7, "\n", "break\there", fix=fix
    )
    text = render_text([Located(issue, "doc.txt", 4, 1, 7)])
    assert text.splitlines() == [
        "doc.txt:4:1: line-break: warning: #7 abc: target, col 7: break⇥here [fix: “↵” → “ ”]"
    ]
