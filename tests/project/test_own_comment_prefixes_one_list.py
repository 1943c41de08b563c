"""termwise's own comment lines are told by one list (``po_format.own_comments``): the XLIFF
export leaves out of its notes exactly the lines a read-only segment's reason leaves out.

From the last stop's notes: ``export.xliff`` and ``importing`` kept near-copies of the
prefixes, which differed from each other and from ``po_format.own_comments`` (neither knew
the MT's lines; the export's held two that begin no comment, parts of an ``align:`` one).
"""

from __future__ import annotations

import pytest

from termwise.document.model import Document
from termwise.export.xliff import source_comments, xliff2_bytes, xliff12_bytes
from termwise.project import po_format
from termwise.project.importing import read_only_reason
from termwise.project.layout import ProjectLayout
from termwise.project.translations import open_translation
from termwise.project.units import (
    NOT_FOR_TRANSLATION_COMMENT,
    READ_ONLY_COMMENTS,
    READ_ONLY_FLAG,
    SegmentState,
    TranslationUnit,
)

THEIRS = "Locked in Weblate: legal text"
MACHINE_KEYS = [key for key in po_format.own_comments()[0] if key not in READ_ONLY_COMMENTS]


@pytest.mark.parametrize("key", MACHINE_KEYS)
def test_each_machine_line_is_left_out_alike(key: str) -> None:
    line = f"{key}something termwise wrote"
    unit = TranslationUnit(
        "s1",
        "One.",
        "Uno.",
        SegmentState.EDITED,
        flags=frozenset({READ_ONLY_FLAG}),
        comments=(line, THEIRS),
    )
    assert source_comments(unit) == [THEIRS]
    reason = read_only_reason(unit)
    assert reason is not None
    assert THEIRS in reason and line not in reason


def test_the_read_only_reason_still_goes_out_to_other_tools(
    layout: ProjectLayout, paper: Document
) -> None:
    why = NOT_FOR_TRANSLATION_COMMENT.format(origin="client.xlf")
    segment = paper.segments[1]
    tfile = open_translation(layout, paper, "es")
    tfile.units[segment.id] = TranslationUnit(
        segment.id,
        segment.text,
        "Uno.",
        SegmentState.EDITED,
        flags=frozenset({READ_ONLY_FLAG}),
        comments=(why, "mt-engine: apertium", "glossary: T01 applied"),
    )
    for payload in (xliff12_bytes(paper, tfile), xliff2_bytes(paper, tfile)):
        text = payload.decode("utf-8")
        assert "client.xlf" in text
        assert "mt-engine" not in text and "glossary:" not in text
