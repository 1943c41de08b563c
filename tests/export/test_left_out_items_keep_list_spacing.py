"""The translation's list is spaced as the source's, also where the translation leaves out
the only item that made the source's list loose; and a list where a definition opens an
item ("- [a]: /url") is one list in the Markdown edition, spaced as the source's.

A list is loose in CommonMark where an item holds a paragraph after its first: every
item's text is a paragraph then, set apart. The translation's list lost that spacing when
the item that held the paragraph was left out (printed tight, it looked unlike the source
beside it), while a kept item whose later paragraph is left out kept it. Both are rendered
with markdown-it-py and compared with the source's rendering.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from .audit_projects import export
from .test_left_out_items_quotes_and_definitions import left_out_project
from .test_moved_definitions_and_tight_lists import tightness

COMMONMARK = MarkdownIt("commonmark")

LEFT_OUT_PARAGRAPH = """# Steps

- Cut the bread.
- Leave it out.

  More text.
- Serve it.
"""
NESTED = """# Steps

1. Mix the flour.
   - Sift it.
   - Leave it out.

     More text.
   - Stir it.
2. Bake it.
"""
LEFT_OUT_DEFINITION = """# Steps

Use [the flour][ref].

- Cut the bread.
- Leave it out.

  [ref]: http://example.org/flour
- Serve it.
"""
LEFT_OUT = {"Leave it out.", "More text."}


def _items(markdown: str) -> list[str]:
    """The text of each list item's first line of inline content, in order."""
    tokens = COMMONMARK.parse(markdown)
    shown: list[str] = []
    for index, token in enumerate(tokens):
        if token.type == "list_item_open":
            inline = next(t for t in tokens[index:] if t.type == "inline")
            shown.append(inline.content)
    return shown


@pytest.mark.parametrize("text", [LEFT_OUT_PARAGRAPH, NESTED, LEFT_OUT_DEFINITION])
def test_the_translation_alone_keeps_the_source_lists_spacing(tmp_path: Path, text: str) -> None:
    source = left_out_project(tmp_path, text, LEFT_OUT)
    edition = export(source, "steps.es.md", "--target-only").read_text(encoding="utf-8")
    # A loose list stays loose, a tight one tight, each at its depth.
    assert False in tightness(text)
    assert tightness(edition) == tightness(text)
    assert "LEAVE IT OUT." not in edition and "MORE TEXT." not in edition
    kept = [item.upper() for item in _items(text) if item not in LEFT_OUT]
    assert _items(edition) == kept


def test_the_definition_of_a_left_out_item_still_resolves(tmp_path: Path) -> None:
    source = left_out_project(tmp_path, LEFT_OUT_DEFINITION, {"Leave it out."})
    edition = export(source, "steps.es.md", "--target-only").read_text(encoding="utf-8")
    html = COMMONMARK.render(edition)
    assert html.count('<a href="http://example.org/flour"') == 1
    assert "<li>\n<p>CUT THE BREAD.</p>\n</li>" in html


def test_the_bilingual_edition_spaces_both_lists_alike(tmp_path: Path) -> None:
    source = left_out_project(tmp_path, LEFT_OUT_PARAGRAPH, LEFT_OUT)
    edition = export(source, "steps.es.md").read_text(encoding="utf-8")
    # The source's list and then the translation's, both loose.
    assert tightness(edition) == [False, False]
    assert _items(edition)[-2:] == ["CUT THE BREAD.", "SERVE IT."]


def test_the_html_and_text_editions_space_the_translation_as_the_source(
    tmp_path: Path,
) -> None:
    source = left_out_project(tmp_path, LEFT_OUT_PARAGRAPH, LEFT_OUT)
    html = export(source, "steps.es.html", "--target-only").read_text(encoding="utf-8")
    assert html.count("<li><p>") == 2
    text = export(source, "steps.es.txt", "--target-only").read_text(encoding="utf-8")
    assert "- CUT THE BREAD.\n\n- SERVE IT." in text


def test_a_tight_source_list_stays_tight(tmp_path: Path) -> None:
    text = "# Steps\n\n- Cut the bread.\n- Leave it out.\n  - Nested too.\n- Serve it.\n"
    source = left_out_project(tmp_path, text, {"Leave it out.", "Nested too."})
    edition = export(source, "steps.es.md", "--target-only").read_text(encoding="utf-8")
    # (The guard beside the fix: it passes on the code before it too.)
    assert tightness(text) == [True, True] and tightness(edition) == [True]
    assert "- CUT THE BREAD.\n- SERVE IT.\n" in edition


# What the reader tells the editions: which definitions a list item's marker line holds
# ("- [a]: /url", ``LinkDefinition.opens_item``), so that a Markdown edition tells "- [a]:
# /url" then "  Text." (tight) from "- Text." then a blank line and "  [a]: /url" (loose),
# and an item holding only definitions ("2. [b]: /url") from a definition between two lists.
ITEM_LINE_DEFINITION = """# Steps

Use [the flour][a].

- Mix the flour.
- [a]: http://example.org/flour
  Weigh the salt.
- Bake it.
"""
DEFINITION_ONLY_ITEM = """# Steps

Use [the salt][b].

1. First step.
2. [b]: http://example.org/salt
3. Third step.
"""


@pytest.mark.parametrize("text", [ITEM_LINE_DEFINITION, DEFINITION_ONLY_ITEM])
def test_a_definition_on_an_item_marker_line_keeps_the_list(tmp_path: Path, text: str) -> None:
    source = left_out_project(tmp_path, text, set())
    edition = export(source, "steps.es.md", "--target-only").read_text(encoding="utf-8")
    source_html = COMMONMARK.render(text)
    edition_html = COMMONMARK.render(edition)
    # One list, as tight as the source's, its numbers and its links as the source's.
    assert tightness(edition) == tightness(text) == [True]
    assert edition_html.count("<li") == source_html.count("<li")
    assert edition_html.count("<a href=") == source_html.count("<a href=") == 1
