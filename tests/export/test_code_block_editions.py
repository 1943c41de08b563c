"""Every edition prints a Markdown source's code blocks, as written, where they stand.

A bilingual edition of a software manual dropped every code sample: the fenced ones were
skipped by the reader, and an indented one came out as a translated paragraph.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from markdown_it import MarkdownIt

from .audit_projects import export, make
from .test_structure_editions import Node, html_tree

MANUAL = """```text
termwise 1.0
```

# Setup

Run the installer first.

```sh
pip install "termwise<2" && echo '<ok>'
```

1. Open the paper.

   ~~~
   termwise review paper.md
   ~~~
2. Check the terms.

| Step | Command |
|---|---|
| Export | Write it. |

````markdown
```
nested & <b>
```
````

Then export it.

    termwise export paper.md --to es
"""

# (info string, text) of each code block, in order: one before the first segment, one after
# the last.
CODES = [
    ("text", "termwise 1.0"),
    ("sh", "pip install \"termwise<2\" && echo '<ok>'"),
    ("", "termwise review paper.md"),
    ("markdown", "```\nnested & <b>\n```"),
    ("", "termwise export paper.md --to es"),
]
TEXTS = [text for _, text in CODES]
# The code written in the list's first item: printed in that item, and so in each side's
# list where a bilingual edition prints the source's list and the translation's.
ITEM_CODE = 2
APART = [code for index, code in enumerate(CODES) if index != ITEM_CODE]


def translated(source: str) -> tuple[str, bool]:
    return f"ES {source}", True


@pytest.fixture
def manual(tmp_path: Path) -> Path:
    return make(tmp_path, "manual.md", MANUAL, translated)


def raw_text(node: Node) -> str:
    """A node's text as written, whitespace and line breaks kept (as ``<pre>`` shows it)."""
    return "".join(child if isinstance(child, str) else raw_text(child) for child in node.children)


def code_of(pre: Node) -> tuple[str, str]:
    """The (language, text) of a ``<pre><code>``."""
    [code] = pre.elements()
    assert code.tag == "code"
    language = code.attributes.get("class") or ""
    return language.removeprefix("language-"), raw_text(code)


# --- HTML -------------------------------------------------------------------------------------


def test_html_bilingual_gives_each_code_block_a_row_across_both_columns(manual: Path) -> None:
    out = export(manual, "manual.html")
    page = html_tree(out)
    [edition] = page.find_all("table", "edition")
    tbody = next(node for node in edition.elements() if node.tag == "tbody")
    rows = tbody.elements()
    assert [row.attributes.get("class") for row in rows] == [
        "code",
        "heading first",
        None,
        "code",
        "list",
        "table",
        "code",
        None,
        "code",
    ]
    codes = []
    for row in rows:
        if row.attributes.get("class") == "code":
            [cell] = row.elements()
            assert (cell.tag, cell.attributes.get("colspan")) == ("td", "2")
            [pre] = cell.elements()
            codes.append(code_of(pre))
    assert codes == APART
    # The item's code in its item, on either side; the list one list.
    [row] = [row for row in rows if row.attributes.get("class") == "list"]
    for side in row.elements():
        [listing] = side.find_all("ol")
        first, _ = listing.elements()
        assert [code_of(pre) for pre in first.find_all("pre")] == [CODES[ITEM_CODE]]
    html = out.read_text(encoding="utf-8")
    assert "&lt;ok&gt;" in html and "nested &amp; &lt;b&gt;" in html and "<b>" not in html
    # The title is still the first heading's row, code before it or not.
    assert [h1.text() for h1 in page.find_all("h1")] == ["Setup", "ES Setup"]


def test_html_target_only_prints_the_code_between_the_paragraphs(manual: Path) -> None:
    page = html_tree(export(manual, "es.html", "--target-only"))
    [main] = page.find_all("main")
    assert [node.tag for node in main.elements()] == [
        "pre",
        "p",
        "pre",
        "ol",
        "table",
        "pre",
        "p",
        "pre",
    ]
    assert [code_of(pre) for pre in main.find_all("pre")] == CODES
    assert [h1.text() for h1 in page.find_all("h1")] == ["ES Setup"]
    # The code written in the first item stands in it, and the list goes on: "2." is its
    # second item, not a list of its own.
    [listing] = main.find_all("ol")
    first, second = listing.elements()
    assert [code_of(pre) for pre in first.find_all("pre")] == [CODES[ITEM_CODE]]
    assert second.text() == "ES Check the terms."


# --- Markdown ---------------------------------------------------------------------------------


def fences(markdown: str) -> list[tuple[str, str]]:
    """The code blocks CommonMark (with GFM tables) reads in ``markdown``, each at the top
    level but the one written in a list item, which stands in its item: none is swallowed
    by a table or a list."""
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    found = []
    items = 0
    for token in tokens:
        items += {"list_item_open": 1, "list_item_close": -1}.get(token.type, 0)
        if token.type in ("fence", "code_block"):
            code = (token.info.strip(), token.content.removesuffix("\n"))
            assert token.level == (2 if code == CODES[ITEM_CODE] and items else 0), token
            found.append(code)
    return found


def test_markdown_bilingual_fences_the_code_between_closed_tables(manual: Path) -> None:
    text = export(manual, "manual.es.md").read_text(encoding="utf-8")
    # The source's list and the translation's, each with the code of its first item.
    assert fences(text) == [*CODES[:ITEM_CODE], *[CODES[ITEM_CODE]] * 2, *CODES[ITEM_CODE + 1 :]]
    lines = text.splitlines()
    assert lines[0] == "```text"
    # The pipe table before a fence is closed, as before a heading: it ran on otherwise.
    sh = lines.index("```sh")
    assert lines[sh - 2 : sh] == ["| Run the installer first. | ES Run the installer first. |", ""]
    nested = lines.index("````markdown")
    assert lines[nested - 2 : nested] == ["| ES Export | ES Write it. |", ""]
    # A fence longer than the backtick run in the code.
    assert "````markdown\n```\nnested & <b>\n```\n````\n" in text
    assert text.count("| English | Spanish |") == 2
    assert text.count("termwise review paper.md") == 2


def test_markdown_target_only_fences_the_code(manual: Path) -> None:
    text = export(manual, "es.md", "--target-only").read_text(encoding="utf-8")
    assert fences(text) == CODES
    assert text.startswith(
        "# ES Setup\n\n```text\ntermwise 1.0\n```\n\nES Run the installer first."
    )
    assert "2. ES Check the terms." in text


# --- plain text -------------------------------------------------------------------------------


def indented(code: str) -> str:
    return "\n".join(f"    {line}" for line in code.split("\n")) + "\n"


@pytest.mark.parametrize("target_only", [False, True], ids=["bilingual", "target-only"])
def test_text_edition_indents_the_code_where_it_stands(manual: Path, target_only: bool) -> None:
    extra = ["--target-only"] if target_only else []
    text = export(manual, "manual.es.txt", *extra).read_text(encoding="utf-8")
    places = [text.index(indented(code)) for code in TEXTS]
    assert places == sorted(places) and places[0] == 0
    assert text.endswith(indented(TEXTS[-1]))
    # The item's code under its item's text (four spaces further in), once in each list.
    item_code = f"   {indented(TEXTS[ITEM_CODE])}"
    assert text.count(item_code) == (1 if target_only else 2)
    assert all(text.count(indented(code)) == 1 for code in TEXTS if code != TEXTS[ITEM_CODE])
    installer = text.index("ES Run the installer first.")
    assert places[0] < installer < places[1] < text.index("1. ES Open the paper.")
    assert "1. ES Open the paper.\n" + item_code + "2. ES Check the terms." in text
    assert ("Run the installer first.\nES Run" in text) is not target_only


# --- Word -------------------------------------------------------------------------------------


def test_word_bilingual_gives_code_a_row_of_merged_cells(manual: Path) -> None:
    word = docx.Document(str(export(manual, "manual.docx")))
    edition = word.tables[0]
    codes = []
    kinds = []
    for row in edition.rows[1:]:
        first, second = row.cells
        merged = first._tc is second._tc
        kinds.append("code" if merged else first.paragraphs[0].style.name)
        if merged:
            assert first._tc.grid_span == 2
            [paragraph] = first.paragraphs
            assert paragraph.style.name == "Code"
            codes.append(paragraph.text)
    assert codes == [code for _, code in APART]
    assert kinds == [
        "code",
        "Heading 1",  # the title's row: the title in the outline (no heading above the table)
        "Normal",
        "code",
        "List Number",  # the item's code in the item, in either cell
        "Normal",  # the row of the source's table and the translation's
        "code",
        "Normal",
        "code",
    ]
    code_style = word.styles["Code"]
    assert code_style.font.name in ("Consolas", "Courier New")


def test_word_target_only_prints_code_paragraphs(manual: Path) -> None:
    word = docx.Document(str(export(manual, "es.docx", "--target-only")))
    shown = [(p.style.name if p.style else "", p.text) for p in word.paragraphs]
    assert shown == [
        ("Heading 1", "ES Setup"),
        ("Code", TEXTS[0]),
        ("Normal", "ES Run the installer first."),
        ("Code", TEXTS[1]),
        ("List Number", "ES Open the paper."),
        ("Code", TEXTS[2]),
        ("List Number", "ES Check the terms."),
        ("Code", TEXTS[3]),
        ("Normal", "ES Then export it."),
        ("Code", TEXTS[4]),
    ]
    # One style, added once, whatever the number of code blocks.
    assert [style.name for style in word.styles].count("Code") == 1
