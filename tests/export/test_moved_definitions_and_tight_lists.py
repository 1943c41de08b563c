"""A left-out nested item's link definitions, moved by the target-only Markdown edition,
leave its parent's list as tight as the source's.

The definitions of an item the translation leaves out went after its list, at the list's
level: for a nested list, inside the parent item after a blank line, which made the parent
list loose (CommonMark wraps each item's text in a paragraph then). They now leave every
list and stand after the outermost one. Checked by rendering with markdown-it-py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from .audit_projects import export
from .test_left_out_items_quotes_and_definitions import left_out_project

COMMONMARK = MarkdownIt("commonmark")
FLOUR = "http://example.org/flour"


def tightness(markdown: str) -> list[bool]:
    """Whether each list with an item holding a paragraph of text is tight (its items'
    paragraphs hidden), outermost first."""
    tokens = COMMONMARK.parse(markdown)
    found: list[bool] = []
    for index, token in enumerate(tokens):
        if token.type not in ("bullet_list_open", "ordered_list_open"):
            continue
        for inner in tokens[index + 1 :]:
            if inner.type in ("bullet_list_close", "ordered_list_close") and (
                inner.level == token.level
            ):
                break
            if inner.type == "paragraph_open" and inner.level == token.level + 2:
                found.append(inner.hidden)
                break
    return found


NESTED = f"""# Steps

Use [the flour][ref].

- Mix the flour.
  - Sift it.

    [ref]: {FLOUR}
  - Stir it.
- Bake it.
"""
DEEPER = f"""# Steps

1. Mix the flour.
   - Sift it.
     - Twice.

       [ref]: {FLOUR}
     - Slowly.
   - Stir [it][ref].
2. Bake it.
"""


@pytest.mark.parametrize(("text", "left_out"), [(NESTED, "Sift it."), (DEEPER, "Twice.")])
def test_the_parent_list_stays_tight(tmp_path: Path, text: str, left_out: str) -> None:
    source = left_out_project(tmp_path, text, {left_out})
    edition = export(source, "steps.es.md", "--target-only").read_text(encoding="utf-8")
    # The outermost list is tight in the source, and stays so.
    assert tightness(text)[0] is True
    assert tightness(edition)[0] is True
    # Every list in the edition is tight, as the source's are but for the nested one its
    # definition loosened.
    assert all(tightness(edition))
    # The link resolves; the definition stands after the outermost list.
    html = COMMONMARK.render(edition)
    assert html.count(f'<a href="{FLOUR}"') == 1 and "[REF]" not in html
    assert edition.endswith(f"\n\n[ref]: {FLOUR}\n")


def test_a_later_definition_of_the_label_in_the_list_keeps_coming_second(
    tmp_path: Path,
) -> None:
    text = (
        "See [the flour][ref].\n\n- Mix.\n  - Sift it.\n\n    [ref]: http://example.org/first\n"
        "  - Stir.\n- Bake.\n\n  [ref]: http://example.org/second\n"
    )
    source = left_out_project(tmp_path, text, {"Sift it."})
    edition = export(source, "steps.es.md", "--target-only").read_text(encoding="utf-8")
    html = COMMONMARK.render(edition)
    assert '<a href="http://example.org/first"' in html
    # Before the list, out of it: the first list stays as tight as its source (loose: its
    # last item holds a definition after a blank line).
    assert edition.index("[ref]: http://example.org/first") < edition.index("- MIX.")
    assert tightness(edition) == [False, True] and tightness(text)[0] is False
