"""A table cell or list item of a Markdown source that holds an HTML comment alone shows
the reader nothing: its segment needs no translation, so no edition marks it
"[untranslated]" or "†", and the export's note counts no draft of it among those it leaves
out."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
import pytest
from click.testing import CliRunner, Result

from termwise.cli import cli
from termwise.export.edition import MISSING, UNREVIEWED_MARK

from .audit_projects import make

SOURCE = """# Title

Some text here.

| Name | Note |
| ---- | ---- |
| Alpha | <!-- note --> |

- First item.
- <!-- only a comment -->

Left for later.
"""

COMMENTS = ("<!-- note -->", "<!-- only a comment -->")
FORMATS = ["html", "md", "txt", "docx"]


def untranslated_comments(source: str) -> tuple[str, bool] | None:
    """Every sentence reviewed but the comments, which nobody translates."""
    return None if source in COMMENTS else (f"ES {source}", True)


def drafts(source: str) -> tuple[str, bool]:
    """The comments and the last sentence machine-translated, not yet reviewed."""
    if source in COMMENTS:
        return source.replace("note", "nota"), False
    return f"ES {source}", source != "Left for later."


def export(source: Path, name: str, *extra: str) -> tuple[str, Result]:
    """The edition as a reader sees its text, and the command's result."""
    out = source.parent / name
    result = CliRunner().invoke(
        cli,
        ["--project", str(source.parent), "export", str(source), "--to", "es", "-o", str(out)]
        + list(extra),
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    if out.suffix == ".docx":
        return "\n".join(docx_texts(docx.Document(str(out)))), result
    return out.read_text(encoding="utf-8"), result


def docx_texts(container: Any) -> list[str]:
    """Every paragraph's text, those of tables in table cells among them (a bilingual
    edition's Markdown table stands in a cell of its two-column table)."""
    texts = [paragraph.text for paragraph in container.paragraphs]
    for table in container.tables:
        for row in table.rows:
            for cell in row.cells:
                texts.extend(docx_texts(cell))
    return texts


@pytest.mark.parametrize("suffix", FORMATS)
@pytest.mark.parametrize("extra", [[], ["--target-only"], ["--include-unreviewed"]])
def test_a_comment_alone_is_never_untranslated(
    tmp_path: Path, suffix: str, extra: list[str]
) -> None:
    source = make(tmp_path, "paper.md", SOURCE, untranslated_comments)
    shown, result = export(source, f"es.{suffix}", *extra)
    assert "ES Alpha" in shown and "ES First item." in shown
    # Neither a mark in the cell or item nor the legend that explains the mark.
    assert MISSING not in shown
    assert "not reviewed" not in result.output


@pytest.mark.parametrize("suffix", FORMATS)
def test_a_draft_of_a_comment_is_no_draft_left_out(tmp_path: Path, suffix: str) -> None:
    source = make(tmp_path, "paper.md", SOURCE, drafts)
    shown, result = export(source, f"es.{suffix}")
    # "Left for later." is the one draft the edition waits for: its mark and the legend.
    assert shown.count(MISSING) == 2
    assert "note: 1 translated segment is not reviewed yet" in result.output


@pytest.mark.parametrize("suffix", FORMATS)
def test_a_draft_of_a_comment_takes_no_mark(tmp_path: Path, suffix: str) -> None:
    source = make(tmp_path, "paper.md", SOURCE, drafts)
    shown, _ = export(source, f"es.{suffix}", "--include-unreviewed")
    # The mark beside "ES Left for later." and the legend's.
    assert shown.count(UNREVIEWED_MARK) == 2
    assert "ES Left for later." in shown and MISSING not in shown
