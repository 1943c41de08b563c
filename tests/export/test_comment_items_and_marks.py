"""A Markdown source's HTML comments in a Markdown edition: a list item that holds a
comment alone keeps it (a bare "- " under an item's text is a heading's underline to
CommonMark), and the "†" of an unreviewed sentence that a comment closes stands after the
sentence's own text, where the other editions put it. Read back with markdown-it-py, as a
renderer reads the edition."""

from __future__ import annotations

from pathlib import Path

from markdown_it import MarkdownIt

from termwise.export.edition import UNREVIEWED_MARK

from .audit_projects import export, make

NESTED = """# Title

- Fruit to buy
  - <!-- later -->
  - Apples.
- <!-- only a comment -->
"""

ENDING = """# Title

It began. <!-- check --> Then it went on.
"""


def drafts(source: str) -> tuple[str, bool] | None:
    """Each sentence machine-translated, not reviewed; the comments have no translation."""
    return None if source.startswith("<!--") else (f"ES {source}", False)


def rendered(path: Path) -> str:
    return MarkdownIt("commonmark").render(path.read_text(encoding="utf-8"))


def test_an_item_holding_a_comment_alone_keeps_it(tmp_path: Path) -> None:
    source = make(tmp_path, "paper.md", NESTED, drafts)
    out = export(source, "es.md", "--include-unreviewed")
    lines = out.read_text(encoding="utf-8").split("\n")
    assert not [line for line in lines if line.strip() in ("-", "*")], lines
    # In the source's list and in the translation's, each with the source's markers.
    assert lines.count("  - <!-- later -->") == 2, lines
    html = rendered(out)
    # Two lists (not one that the translation's goes on), each of two items, one holding a
    # list of two.
    assert html.count("<ul>") == 4 and html.count("<li>") == 8, html
    # Neither "Fruit to buy" nor its translation turned into a heading.
    assert "<h2>" not in html and "Fruit to buy" in html and "ES Fruit to buy" in html


def test_the_mark_follows_the_text_a_comment_closes(tmp_path: Path) -> None:
    source = make(tmp_path, "paper.md", ENDING, drafts)
    text = export(source, "es.md", "--include-unreviewed").read_text(encoding="utf-8")
    assert f"ES It began.{UNREVIEWED_MARK} <!-- check -->" in text, text
    assert f"<!-- check -->{UNREVIEWED_MARK}" not in text
    plain = export(source, "es.txt", "--include-unreviewed").read_text(encoding="utf-8")
    assert f"ES It began.{UNREVIEWED_MARK} ES Then it went on.{UNREVIEWED_MARK}" in plain


def test_a_plain_text_item_showing_nothing_is_its_marker(tmp_path: Path) -> None:
    source = make(tmp_path, "paper.md", NESTED, drafts)
    text = export(source, "es.txt", "--include-unreviewed").read_text(encoding="utf-8")
    assert "  -\n" in text and not [line for line in text.split("\n") if line.endswith(" ")]
