"""Every edition keeps a list item of several paragraphs whole, and the list's numbering.

"1. Install the package." then, after a blank line, "   Then restart the terminal." is
one item of two paragraphs in CommonMark, and a code fence indented as far as an item's
text is that item's. Every edition ended the list at the second paragraph (or the code)
and numbered the items after it from 1 again: "2. Open the workbench." came out as "1.",
in Word as a numbering of its own. The structure each edition prints is read back (an HTML
tree, markdown-it-py, python-docx) and compared with what markdown-it-py reads in the
source.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt

from termwise.document import parse_document
from termwise.document.model import CodeBlock, Document, SegmentKind
from termwise.export.docx_edition import LIST_INDENT_PT, QUOTE_INDENT_PT
from termwise.export.edition import EditionBlock, EditionSegment
from termwise.export.layout import ListPart, Part, QuotePart, edition_parts

from .audit_projects import export, make, reviewed_as_is
from .test_code_block_editions import code_of
from .test_quote_structure_editions import numbering, paragraphs, points
from .test_structure_editions import Node, html_tree

STEPS = """1. Install the package.

   Then restart the terminal.

2. Open the workbench.

   ```sh
   termwise review paper.txt --to es
   ```

3. Review the segments.
"""

COMMAND = "termwise review paper.txt --to es"

# Sources whose structure every edition must print as CommonMark reads it.
CASES = {
    "steps": STEPS,
    # A lazy line goes on with the item's second paragraph; a tight list's code.
    "lazy": "- Item.\n\n  Second\nlazy line.\n- Next.\n",
    "tight code": "- Run:\n  ```sh\n  make\n  ```\n- Then test.\n",
    # Not indented as far as the item's text: the list ends, the next one starts at 2.
    "ended": "1. One.\n\n  Not of one.\n\n2. Two.\n",
    "wide marker": "9. Nine.\n\n10. Ten.\n\n    More of ten.\n\n11. Eleven.\n",
    "nested": "- a\n\n  - b\n\n    More of b.\n\n  More of a.\n- c\n",
    "quoted list": "> 1. One.\n>\n>    More of one.\n>\n> 2. Two.\n",
    "quote after": "1. Step.\n\n   Detail.\n\n   > Note.\n\n2. Next.\n",
    "heading": "1. Step.\n\n   ## Detail\n\n2. Next.\n",
    "paragraph then list": "1. Step.\n\n   Choose one:\n\n   - this\n   - that\n\n2. Next.\n",
    "all of them": "1. Step.\n\n   > Quote.\n\n   Para.\n\n   - x\n\n   Para 2.\n2. Next.\n",
    "list in a held quote": "1. Step.\n   > - a\n   > - b\n2. Next.\n",
}

# A block as the structure functions write it: the containers it stands in (a list with
# its start, an item's number, a quote), its kind and its text, whitespace collapsed.
Leaf = tuple[tuple[str, ...], str, str]


def collapsed(text: str) -> str:
    return " ".join(text.split())


def token_structure(markdown: str) -> list[Leaf]:
    """The blocks CommonMark (markdown-it-py) reads in ``markdown``."""
    leaves: list[Leaf] = []
    path: list[str] = []
    counters: list[int] = []
    kind = ""
    for token in MarkdownIt("commonmark").parse(markdown):
        if token.type == "ordered_list_open":
            path.append(f"ol({token.attrGet('start') or 1})")
            counters.append(0)
        elif token.type == "bullet_list_open":
            path.append("ul")
            counters.append(0)
        elif token.type in ("ordered_list_close", "bullet_list_close"):
            path.pop()
            counters.pop()
        elif token.type == "list_item_open":
            counters[-1] += 1
            path.append(f"#{counters[-1]}")
        elif token.type == "blockquote_open":
            path.append("bq")
        elif token.type in ("list_item_close", "blockquote_close"):
            path.pop()
        elif token.type in ("paragraph_open", "heading_open"):
            kind = "p" if token.type == "paragraph_open" else "h"
        elif token.type == "inline":
            leaves.append((tuple(path), kind, collapsed(token.content)))
        elif token.type in ("fence", "code_block"):
            leaves.append((tuple(path), "code", collapsed(token.content)))
    return leaves


def part_structure(parts: Iterable[Part], path: tuple[str, ...] = ()) -> list[Leaf]:
    """The blocks ``edition_parts`` lays out, in the same terms."""
    leaves: list[Leaf] = []
    for part in parts:
        if isinstance(part, EditionBlock):
            kind = "h" if part.kind is SegmentKind.HEADING else "p"
            text = " ".join(item.segment.text for item in part.segments)
            leaves.append((path, kind, text))
        elif isinstance(part, CodeBlock):
            leaves.append((path, "code", collapsed(part.text)))
        elif isinstance(part, QuotePart):
            leaves.extend(part_structure(part.parts, (*path, "bq")))
        elif isinstance(part, ListPart):
            name = f"ol({part.start})" if part.ordered else "ul"
            for number, entry in enumerate(part.entries, 1):
                inside = (*path, name, f"#{number}")
                leaves.extend(part_structure([entry.block, *entry.children], inside))
    return leaves


def html_structure(node: Node, path: tuple[str, ...] = ()) -> list[Leaf]:
    """The blocks of an HTML edition's ``node``, in the same terms; an item's bare text (a
    tight list's) is a paragraph."""
    leaves: list[Leaf] = []
    bare = ""
    number = 0
    for child in node.children:
        if isinstance(child, str) or child.tag == "span":
            bare += child if isinstance(child, str) else child.text()
            continue
        if collapsed(bare):
            leaves.append((path, "p", collapsed(bare)))
        bare = ""
        if child.tag in ("ol", "ul"):
            name = f"ol({child.attributes.get('start') or 1})" if child.tag == "ol" else "ul"
            leaves.extend(html_structure(child, (*path, name)))
        elif child.tag == "li":
            number += 1
            leaves.extend(html_structure(child, (*path, f"#{number}")))
        elif child.tag == "blockquote":
            leaves.extend(html_structure(child, (*path, "bq")))
        elif child.tag == "p":
            leaves.append((path, "p", child.text()))
        elif child.tag in ("h2", "h3", "h4", "h5", "h6", "strong"):
            leaves.append((path, "h", child.text()))
        elif child.tag == "pre":
            leaves.append((path, "code", collapsed(code_of(child)[1])))
    if collapsed(bare):
        leaves.append((path, "p", collapsed(bare)))
    return leaves


def blocks_of(document: Document) -> list[EditionBlock]:
    """The document's paragraphs as an edition groups them, with no translation."""
    blocks: list[EditionBlock] = []
    for segment in document.segments:
        item = EditionSegment(segment=segment, unit=None, target=None)
        if blocks and segment.paragraph == blocks[-1].segments[0].segment.paragraph:
            blocks[-1].segments.append(item)
        else:
            blocks.append(EditionBlock(kind=segment.kind, segments=[item]))
    return blocks


@pytest.mark.parametrize("source", CASES.values(), ids=list(CASES))
def test_the_layout_agrees_with_commonmark(source: str) -> None:
    document = parse_document(source, lang="en", fmt="markdown")
    parts = edition_parts(blocks_of(document), document.code_blocks)
    assert part_structure(parts) == token_structure(source)


@pytest.mark.parametrize("source", CASES.values(), ids=list(CASES))
def test_the_html_and_markdown_editions_agree_with_commonmark(tmp_path: Path, source: str) -> None:
    path = make(tmp_path, "cases.md", source, reviewed_as_is)
    expected = token_structure(source)
    [main] = html_tree(export(path, "cases.es.html", "--target-only")).find_all("main")
    assert html_structure(main) == expected
    markdown = export(path, "cases.es.md", "--target-only").read_text(encoding="utf-8")
    title, *body = token_structure(markdown)
    assert title == ((), "h", "cases")
    assert body == expected


# --- each edition of the steps -----------------------------------------------------------------


def translated(source: str) -> tuple[str, bool]:
    return f"ES {source}", True


@pytest.fixture
def steps(tmp_path: Path) -> Path:
    return make(tmp_path, "steps.md", STEPS, translated)


def list_items(side: Node) -> list[Node]:
    [listing] = side.find_all("ol")
    assert listing.attributes.get("start") is None
    return listing.elements()


def test_html_prints_the_second_paragraph_and_the_code_in_their_items(steps: Path) -> None:
    page = html_tree(export(steps, "steps.es.html", "--target-only"))
    [main] = page.find_all("main")
    first, second, third = list_items(main)
    assert [p.text() for p in first.elements()] == [
        "ES Install the package.",
        "ES Then restart the terminal.",
    ]
    assert all(p.tag == "p" for p in first.elements())
    text, pre = second.elements()
    assert (text.tag, text.text()) == ("p", "ES Open the workbench.")
    assert code_of(pre) == ("sh", COMMAND)
    assert third.text() == "ES Review the segments."
    # The bilingual edition: each side's list whole, in one row.
    page = html_tree(export(steps, "steps.html"))
    [row] = [row for row in page.find_all("tr") if row.attributes.get("class") == "list"]
    for side, prefix in zip(row.elements(), ("", "ES "), strict=True):
        first, second, _ = list_items(side)
        assert first.find_all("p")[1].text() == f"{prefix}Then restart the terminal."
        assert [code_of(pre) for pre in second.find_all("pre")] == [("sh", COMMAND)]


def steps_structure(prefix: str) -> list[Leaf]:
    return [
        (("ol(1)", "#1"), "p", f"{prefix}Install the package."),
        (("ol(1)", "#1"), "p", f"{prefix}Then restart the terminal."),
        (("ol(1)", "#2"), "p", f"{prefix}Open the workbench."),
        (("ol(1)", "#2"), "code", COMMAND),
        (("ol(1)", "#3"), "p", f"{prefix}Review the segments."),
    ]


def test_markdown_indents_the_second_paragraph_and_the_code_under_their_items(
    steps: Path,
) -> None:
    text = export(steps, "steps.es.md", "--target-only").read_text(encoding="utf-8")
    assert text == (
        "# steps\n\n"
        "1. ES Install the package.\n\n"
        "   ES Then restart the terminal.\n\n"
        "2. ES Open the workbench.\n\n"
        f"   ```sh\n   {COMMAND}\n   ```\n\n"
        "3. ES Review the segments.\n"
    )
    assert token_structure(text)[1:] == steps_structure("ES ")
    # Bilingual: the source's list whole, then the translation's, each numbered 1 to 3
    # (a comment between them, or CommonMark would read one list).
    bilingual = export(steps, "steps.both.md").read_text(encoding="utf-8")
    leaves = token_structure(bilingual)[1:]
    assert leaves == steps_structure("") + steps_structure("ES ")
    assert "3. Review the segments.\n\n<!-- -->\n\n1. ES Install the package." in bilingual


def test_plain_text_indents_the_second_paragraph_and_the_code_under_their_items(
    steps: Path,
) -> None:
    text = export(steps, "steps.es.txt", "--target-only").read_text(encoding="utf-8")
    assert text == (
        "steps\n\n"  # the title: the file's name, as the other editions have it
        "1. ES Install the package.\n\n"
        "   ES Then restart the terminal.\n\n"
        "2. ES Open the workbench.\n\n"
        f"       {COMMAND}\n\n"
        "3. ES Review the segments.\n"
    )
    bilingual = export(steps, "steps.txt").read_text(encoding="utf-8")
    assert "1. Install the package.\n\n   Then restart the terminal.\n\n2. Open" in bilingual
    assert "\n3. Review the segments.\n\n1. ES Install the package.\n" in bilingual


def word_steps(found: list[Any], prefix: str) -> None:
    """The steps in Word: three items of one numbering; the second paragraph and the code
    unnumbered, set in as far as the items' text."""
    texts = [p.text for p in found]
    start = texts.index(f"{prefix}Install the package.")
    first, more, second, code, third = found[start : start + 5]
    assert [p.text for p in (more, second, code, third)] == [
        f"{prefix}Then restart the terminal.",
        f"{prefix}Open the workbench.",
        COMMAND,
        f"{prefix}Review the segments.",
    ]
    items = [first, second, third]
    assert all(p.style.name == "List Number" for p in items)
    assert len({numbering(p) for p in items}) == 1 and numbering(first) is not None
    assert more.style.name == "List Continue" and numbering(more) is None
    assert points(more.style.paragraph_format.left_indent) == LIST_INDENT_PT
    assert code.style.name == "Code" and numbering(code) is None
    assert points(code.paragraph_format.left_indent) == LIST_INDENT_PT


def test_word_keeps_one_numbering_across_the_second_paragraph_and_the_code(
    steps: Path,
) -> None:
    word_steps(paragraphs(export(steps, "steps.es.docx", "--target-only")), "ES ")
    bilingual = paragraphs(export(steps, "steps.docx"))
    word_steps(bilingual, "")
    word_steps(bilingual, "ES ")


def test_word_sets_a_quoted_items_second_paragraph_in_as_far_as_its_text(
    tmp_path: Path,
) -> None:
    path = make(tmp_path, "quoted.md", CASES["quoted list"], translated)
    found = paragraphs(export(path, "quoted.es.docx", "--target-only"))
    [one, more, two] = [p for p in found if p.text.startswith("ES ")]
    assert numbering(one) == numbering(two) is not None
    assert numbering(more) is None
    expected = QUOTE_INDENT_PT + LIST_INDENT_PT
    assert points(more.paragraph_format.left_indent) == expected
    assert points(one.paragraph_format.left_indent) == expected


def test_a_tight_lists_code_leaves_it_tight(tmp_path: Path) -> None:
    """Code may follow an item's text directly, as a quote may: no blank line is added,
    which would make the list loose (each item a paragraph) where the source's is not."""
    path = make(tmp_path, "tight.md", CASES["tight code"], reviewed_as_is)
    text = export(path, "tight.es.md", "--target-only").read_text(encoding="utf-8")
    assert text == "# tight\n\n- Run:\n  ```sh\n  make\n  ```\n- Then test.\n"
    [main] = html_tree(export(path, "tight.es.html", "--target-only")).find_all("main")
    assert not main.find_all("p")
