"""A Markdown HTML comment that hides text says so, naming the file and the line.

An HTML comment opened and never closed hid the rest of the document from translation (as
CommonMark reads it: the HTML block runs to the end) and nothing said so; text after a
comment on its line ("<!-- note --> Real sentence.") is raw HTML to CommonMark (the block
runs to the end of the line holding "-->"), which a browser shows and termwise kept as
written, untranslated, silently. An unclosed comment is still read as CommonMark reads it,
now with a warning on stderr; a Markdown edition writes it back as written. Text after a
comment on its line is now translated (tests/document/test_comment_line_text.py), and only
markup there is warned of.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from markdown_it import MarkdownIt

UNCLOSED = """# Title

Intro sentence.

<!-- draft notes
Hidden paragraph.

# Hidden heading
"""

BESIDE = """# Title

<!-- note --> Real sentence here.

<!--
a longer note
--> Another real sentence.

Last sentence.
"""

CLEAN = """<!-- markdownlint-disable MD033 -->
# Title

First sentence.
<!--
  TODO: check the figures
-->
Second sentence.

Text with <!-- an inline comment --> in it.
"""

QUOTED = """> <!-- open in a quote
> quoted words

After the quote.
"""


def segments(path: Path, cache: Path | None = None) -> tuple[list[str], str]:
    """The segments' texts of ``termwise segments``, and what it printed to stderr."""
    env = dict(os.environ)
    if cache is not None:
        env["XDG_CACHE_HOME"] = str(cache)
    result = subprocess.run(
        [sys.executable, "-m", "termwise", "segments", path.name, "--format", "json"],
        cwd=path.parent,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return [row["text"] for row in json.loads(result.stdout)], result.stderr


def warnings(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("termwise: warning: ")]


def test_an_unclosed_comment_is_read_as_commonmark_reads_it_and_warned_of(
    tmp_path: Path,
) -> None:
    path = tmp_path / "paper.md"
    path.write_text(UNCLOSED, encoding="utf-8")
    texts, stderr = segments(path)
    # CommonMark's reading: everything from the comment on is one HTML block.
    rendered = MarkdownIt("commonmark").render(UNCLOSED)
    assert "<!-- draft notes\nHidden paragraph.\n\n# Hidden heading" in rendered
    assert texts == ["Title", "Intro sentence."]
    [warning] = warnings(stderr)
    assert warning.startswith("termwise: warning: paper.md:5: ")
    assert "never closed" in warning and "to the end of the file" in warning


def test_text_beside_a_comment_on_its_line_is_translated_not_warned_of(tmp_path: Path) -> None:
    path = tmp_path / "paper.md"
    path.write_text(BESIDE, encoding="utf-8")
    texts, stderr = segments(path)
    # CommonMark passes the whole line through as raw HTML: a browser shows the text.
    rendered = MarkdownIt("commonmark").render(BESIDE)
    assert "<!-- note --> Real sentence here.\n" in rendered
    assert texts == ["Title", "Real sentence here.", "Another real sentence.", "Last sentence."]
    assert warnings(stderr) == []


def test_markup_beside_a_comment_on_its_line_is_warned_of(tmp_path: Path) -> None:
    path = tmp_path / "paper.md"
    path.write_text(BESIDE.replace("Real sentence", "<em>Real</em> sentence"), encoding="utf-8")
    texts, stderr = segments(path)
    assert texts == ["Title", "Another real sentence.", "Last sentence."]
    [warning] = warnings(stderr)
    assert warning.split(": ")[2] == "paper.md:3"
    assert "not translated" in warning and "line of its own" in warning


def test_an_unclosed_comment_in_a_quote_is_warned_of(tmp_path: Path) -> None:
    path = tmp_path / "paper.md"
    path.write_text(QUOTED, encoding="utf-8")
    texts, stderr = segments(path)
    assert texts == ["After the quote."]
    [warning] = warnings(stderr)
    assert warning.startswith("termwise: warning: paper.md:1: ")
    assert "never closed" in warning and "browser" in warning


def test_closed_comments_give_no_warning(tmp_path: Path) -> None:
    path = tmp_path / "paper.md"
    path.write_text(CLEAN, encoding="utf-8")
    texts, stderr = segments(path)
    assert texts == [
        "Title",
        "First sentence.",
        "Second sentence.",
        "Text with <!-- an inline comment --> in it.",
    ]
    assert warnings(stderr) == []


def test_a_cached_book_warns_again(tmp_path: Path) -> None:
    """A book large enough for the segment cache warns on every read, not only the first."""
    path = tmp_path / "book.md"
    body = "".join(f"Paragraph {n} says something about terms.\n\n" for n in range(6000))
    path.write_text(body + "<!-- never closed\nThe end.\n", encoding="utf-8")
    assert path.stat().st_size > 200_000
    line = body.count("\n") + 1
    for _ in range(2):
        texts, stderr = segments(path, cache=tmp_path / "cache")
        assert texts[-1] == "Paragraph 5999 says something about terms."
        [warning] = warnings(stderr)
        assert warning.startswith(f"termwise: warning: book.md:{line}: ")
    assert any((tmp_path / "cache").rglob("*.json"))
