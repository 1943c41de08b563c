"""A Markdown source whose HTML comment hides text: its Markdown edition keeps it as written.

Reading such a source now warns (an unclosed comment hides the rest of the file, text beside
a comment on its line is raw HTML, see tests/document/test_html_comment_warnings.py); the
warning changes nothing in what the edition writes: the comment and everything it holds come
back byte for byte, where they stood, so the edition hides (and shows) what the source does.
"""

from __future__ import annotations

from pathlib import Path

from markdown_it import MarkdownIt

from .audit_projects import export, make

SOURCE = """# Title

<!-- note --> Real sentence here.

Intro sentence.

<!-- draft notes
Hidden paragraph.

# Hidden heading
"""


def translated(source: str) -> tuple[str, bool]:
    return f"ES {source}", True


def test_the_markdown_edition_writes_the_hidden_text_back_as_written(tmp_path: Path) -> None:
    source = make(tmp_path, "paper.md", SOURCE, translated)
    text = export(source, "es.md", "--target-only").read_text(encoding="utf-8")
    assert "\n<!-- note --> Real sentence here.\n" in text
    assert text.endswith("\n<!-- draft notes\nHidden paragraph.\n\n# Hidden heading\n")
    assert text.index("ES Title") < text.index("<!-- note") < text.index("ES Intro sentence.")
    # CommonMark reads the same HTML blocks in the edition as in the source.
    tokens = [MarkdownIt("commonmark").parse(markdown) for markdown in (SOURCE, text)]
    blocks = [[token.content for token in found if token.type == "html_block"] for found in tokens]
    assert blocks[0] == blocks[1] and len(blocks[0]) == 2
