"""Every edition prints a quote's code inside the quotation, keeps two quotes two, and keeps
a list going past a quote written in one of its items.

A guide's quoted "pip install" command was a sentence the editions printed (translated);
"> a", a blank line, "> b" came out as one quotation; and a note quoted under a list's
first step ended the list, the next steps renumbered from 1. Plain text indented a quote
as it indents code, so a reader could not tell them apart. Each format is read back by
what reads it (an HTML tree, markdown-it-py, python-docx).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from termwise.export.docx_edition import LIST_INDENT_PT, QUOTE_INDENT_PT

from .audit_projects import export, make
from .test_code_block_editions import code_of
from .test_structure_editions import Node, html_tree

GUIDE = """# Guide

> Run this:
>
> ```sh
> pip install termwise --upgrade
> ```
>
>     indented code here

> First quote.

> Second quote.

> One quote,
>
> two paragraphs.

1. First step.

   > Note: be careful.

1. Second step.

1. Third step.
"""

CODES = [("sh", "pip install termwise --upgrade"), ("", "indented code here")]
STEPS = ["ES First step.", "ES Second step.", "ES Third step."]


def translated(source: str) -> tuple[str, bool]:
    return f"ES {source}", True


@pytest.fixture
def guide(tmp_path: Path) -> Path:
    return make(tmp_path, "guide.md", GUIDE, translated)


# --- HTML -------------------------------------------------------------------------------------


def quote_texts(main: Node) -> list[str]:
    """The text of each outermost ``<blockquote>`` of ``main``, in order."""
    return [node.text() for node in main.elements() if node.tag == "blockquote"]


def test_html_translation_alone(guide: Path) -> None:
    page = html_tree(export(guide, "guide.es.html", "--target-only"))
    [main] = page.find_all("main")
    quoted_code, first, second, one = (n for n in main.elements() if n.tag == "blockquote")
    # The code stands in the quotation, as written and not translated.
    assert [code_of(pre) for pre in quoted_code.find_all("pre")] == CODES
    assert "ES pip" not in quoted_code.text() and "ES ```" not in quoted_code.text()
    assert [code_of(pre) for pre in main.find_all("pre")] == CODES
    # Two quotes stay two; one quote of two paragraphs stays one.
    assert quote_texts(main)[1:] == [
        "ES First quote.",
        "ES Second quote.",
        "ES One quote, ES two paragraphs.",
    ]
    assert [p.text() for p in one.find_all("p")] == ["ES One quote,", "ES two paragraphs."]
    # One list of three steps, the note in the first.
    [steps] = main.find_all("ol")
    assert steps.attributes.get("start") is None
    items = steps.elements()
    assert len(items) == 3
    [note] = items[0].find_all("blockquote")
    assert note.text() == "ES Note: be careful."
    assert [item.text() for item in items[1:]] == STEPS[1:]


def test_html_bilingual(guide: Path) -> None:
    page = html_tree(export(guide, "guide.html"))
    rows = [row for row in page.find_all("tr") if row.attributes.get("class") == "code"]
    codes = []
    for row in rows:
        [cell] = row.elements()
        assert cell.attributes.get("colspan") == "2"
        [quote] = cell.elements()
        assert quote.tag == "blockquote"
        [pre] = quote.elements()
        codes.append(code_of(pre))
    assert codes == CODES
    # Each side's list whole, its note inside its first item.
    [row] = [row for row in page.find_all("tr") if row.attributes.get("class") == "list"]
    source, target = row.elements()
    for side, note in ((source, "Note: be careful."), (target, "ES Note: be careful.")):
        [steps] = side.find_all("ol")
        assert len(steps.elements()) == 3
        assert [quote.text() for quote in steps.elements()[0].find_all("blockquote")] == [note]


# --- Markdown ---------------------------------------------------------------------------------


def parse(path: Path) -> list[Token]:
    return MarkdownIt("commonmark").parse(path.read_text(encoding="utf-8"))


def quotations(tokens: list[Token]) -> list[str]:
    """The inline texts and code of each block quote at the top level (none in a list),
    joined by " | "."""
    found: list[list[str]] = []
    depth = 0
    for token in tokens:
        if token.type == "blockquote_open" and (depth or token.level == 0):
            depth += 1
            if depth == 1:
                found.append([])
        elif token.type == "blockquote_close" and depth:
            depth -= 1
        elif depth and token.type in ("inline", "fence", "code_block"):
            found[-1].append(token.content.strip())
    return [" | ".join(texts) for texts in found]


def steps(tokens: list[Token]) -> list[tuple[str, list[str]]]:
    """Each top-level ordered list: its first number and its items' texts (a quote's
    held in its item, after " > ")."""
    found: list[tuple[str, list[str]]] = []
    items: list[str] = []
    quoted = False
    for token in tokens:
        if token.type == "ordered_list_open" and token.level == 0:
            items = []
            found.append((str(token.attrGet("start") or 1), items))
        elif token.type == "list_item_open":
            items.append("")
        elif token.type == "blockquote_open" and items:
            quoted = True
        elif token.type == "blockquote_close":
            quoted = False
        elif token.type == "inline" and items and token.level > 0:
            items[-1] += f" > {token.content}" if quoted else token.content
    return found


def test_markdown_translation_alone(guide: Path) -> None:
    tokens = parse(export(guide, "guide.es.md", "--target-only"))
    assert quotations(tokens) == [
        "ES Run this: | pip install termwise --upgrade | indented code here",
        "ES First quote.",
        "ES Second quote.",
        "ES One quote, | ES two paragraphs.",
    ]
    fences = [(t.info.strip(), t.content.rstrip("\n")) for t in tokens if t.type == "fence"]
    assert fences == CODES
    # One list: "2." and "3." follow the first step and its note.
    assert steps(tokens) == [
        ("1", ["ES First step. > ES Note: be careful.", "ES Second step.", "ES Third step."])
    ]


def test_markdown_bilingual(guide: Path) -> None:
    path = export(guide, "guide.es.md")
    tokens = parse(path)
    assert quotations(tokens) == [
        "Run this: | pip install termwise --upgrade | indented code here",
        # (The translation's quotation whole too, its code with it.)
        "ES Run this: | pip install termwise --upgrade | indented code here",
        "First quote.",
        "ES First quote.",
        "Second quote.",
        "ES Second quote.",
        "One quote, | two paragraphs.",
        "ES One quote, | ES two paragraphs.",
    ]
    assert steps(tokens) == [
        ("1", ["First step. > Note: be careful.", "Second step.", "Third step."]),
        ("1", ["ES First step. > ES Note: be careful.", "ES Second step.", "ES Third step."]),
    ]
    assert "ES pip" not in path.read_text(encoding="utf-8")


# --- plain text -------------------------------------------------------------------------------


def test_text_translation_alone_tells_quotes_from_code(guide: Path) -> None:
    text = export(guide, "guide.es.txt", "--target-only").read_text(encoding="utf-8")
    assert text == (
        "ES Guide\n\n"
        "> ES Run this:\n>\n>     pip install termwise --upgrade\n>\n>     indented code here\n\n"
        "> ES First quote.\n\n"
        "> ES Second quote.\n\n"
        "> ES One quote,\n>\n> ES two paragraphs.\n\n"
        "1. ES First step.\n   > ES Note: be careful.\n2. ES Second step.\n3. ES Third step.\n"
    )


def test_text_bilingual(guide: Path) -> None:
    text = export(guide, "guide.es.txt").read_text(encoding="utf-8")
    assert (
        "> Run this:\n> ES Run this:\n>\n>     pip install termwise --upgrade\n>\n"
        ">     indented code here\n\n> First quote.\n> ES First quote.\n\n"
        "> Second quote.\n> ES Second quote.\n\n"
        "> One quote,\n> ES One quote,\n>\n> two paragraphs.\n> ES two paragraphs.\n\n"
        "1. First step.\n   > Note: be careful.\n2. Second step.\n3. Third step.\n\n"
        "1. ES First step.\n   > ES Note: be careful.\n2. ES Second step.\n3. ES Third step.\n"
    ) in text
    assert text.count("pip install") == 1


# --- Word -------------------------------------------------------------------------------------


def paragraphs(path: Path) -> list[Any]:
    """The edition's paragraphs in order, those in its table's cells (each cell once)."""
    word = docx.Document(str(path))
    found = list(word.paragraphs)
    for table in word.tables:
        for row in table.rows:
            seen: set[int] = set()
            for cell in row.cells:
                if id(cell._tc) not in seen:
                    seen.add(id(cell._tc))
                    found.extend(cell.paragraphs)
    return found


def numbering(paragraph: Any) -> int | None:
    properties = paragraph._p.pPr
    if properties is None or properties.numPr is None:
        return None
    return int(properties.numPr.numId.val)


def points(length: Any) -> float:
    return 0.0 if length is None else float(length.pt)


@pytest.mark.parametrize("target_only", [True, False], ids=["target-only", "bilingual"])
def test_word_sets_the_code_in_the_quote(guide: Path, target_only: bool) -> None:
    extra = ("--target-only",) if target_only else ()
    found = paragraphs(export(guide, "guide.docx", *extra))
    for _, code in CODES:
        [paragraph] = [p for p in found if p.text == code]
        assert paragraph.style.name == "Code"
        assert points(paragraph.paragraph_format.left_indent) == QUOTE_INDENT_PT


def test_word_translation_alone_keeps_quotes_apart_and_the_list_whole(guide: Path) -> None:
    found = paragraphs(export(guide, "guide.docx", "--target-only"))
    texts = [p.text for p in found]
    first = texts.index("ES First quote.")
    assert texts[first : first + 3] == ["ES First quote.", "", "ES Second quote."]
    one = texts.index("ES One quote,")
    assert texts[one : one + 2] == ["ES One quote,", "ES two paragraphs."]
    step = texts.index(STEPS[0])
    assert texts[step : step + 4] == [STEPS[0], "ES Note: be careful.", *STEPS[1:]]
    items = [found[step], *found[step + 2 : step + 4]]
    # One numbering: Word counts 1, 2, 3 across the note, which it does not number.
    assert len({numbering(p) for p in items}) == 1 and numbering(items[0]) is not None
    note = found[step + 1]
    assert note.style.name == "Quote" and numbering(note) is None
    assert points(note.paragraph_format.left_indent) == LIST_INDENT_PT + QUOTE_INDENT_PT
