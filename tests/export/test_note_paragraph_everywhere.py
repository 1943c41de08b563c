"""A translator's note the aligned translation sets on a line of its own before a group's
sentence is a paragraph of its own wherever that group's paragraph stands: beside its
source in the bilingual Markdown and text editions (a line of its own under the source, a
"<br>" in the Markdown table's cell), in a list item of every edition (the item's next
paragraph), and in a table's cell (HTML, Word: a paragraph of the cell; Markdown: a line
break). It was glued to the sentence after it there, as if the translation ran on."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
from markdown_it import MarkdownIt

from support.wind_report import FIRST, NOTE, SOURCE_FIRST, aligned, exported

OTHER_ITEM = "El segundo reto es la propia red."


def _listed_source(text: str) -> str:
    """The first and second challenges as items of a list."""
    return text.replace(SOURCE_FIRST, f"- {SOURCE_FIRST}").replace(
        "The second challenge", "- The second challenge"
    )


def _listed_target(text: str) -> str:
    return text.replace(f"*{NOTE}*\n\n{FIRST}", f"- *{NOTE}*\n\n  {FIRST}").replace(
        OTHER_ITEM, f"- {OTHER_ITEM}"
    )


def _tabled_source(text: str) -> str:
    """The first challenge's paragraph in the cell of a one-column table."""
    first = next(line for line in text.splitlines() if line.startswith(SOURCE_FIRST))
    return text.replace(first, f"| Reto |\n| --- |\n| {first} |")


def _text(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html).strip()


def test_beside_its_source_the_note_is_a_paragraph_of_its_own(tmp_path: Path) -> None:
    aligned(tmp_path)
    markdown = exported(tmp_path, "md").read_text("utf-8")
    row = next(line for line in markdown.splitlines() if line.startswith(f"| {SOURCE_FIRST}"))
    target = row.split(" | ")[1]
    assert target.startswith(f"*{NOTE}*†<br>{FIRST}†"), row
    lines = exported(tmp_path, "txt").read_text("utf-8").splitlines()
    source = next(at for at, line in enumerate(lines) if line.startswith(SOURCE_FIRST))
    # Under its source, one paragraph a line, as the group's source is one.
    assert lines[source + 1] == f"{NOTE}†"
    assert lines[source + 2].startswith(f"{FIRST}†")


def test_beside_its_quoted_source_the_note_is_a_paragraph_of_its_own(tmp_path: Path) -> None:
    def quoted_source(text: str) -> str:
        return text.replace(SOURCE_FIRST, f"> {SOURCE_FIRST}")

    def quoted_target(text: str) -> str:
        return text.replace(f"*{NOTE}*\n\n{FIRST}", f"> *{NOTE}*\n>\n> {FIRST}")

    aligned(tmp_path, quoted_source, quoted_target)
    # Markdown prints the translation's quote whole after the source's: two paragraphs.
    html = MarkdownIt("commonmark").render(exported(tmp_path, "md").read_text("utf-8"))
    quote = next(q for q in re.findall(r"<blockquote>(.*?)</blockquote>", html, re.S) if NOTE in q)
    inside = [_text(p) for p in re.findall(r"<p>(.*?)</p>", quote, re.S)]
    assert inside[0] == f"{NOTE}†" and inside[1].startswith(f"{FIRST}†"), quote
    # Plain text sets each quoted paragraph beside its translation: a line under it.
    lines = exported(tmp_path, "txt").read_text("utf-8").splitlines()
    note = lines.index(f"> {NOTE}†")
    assert lines[note - 1].startswith(f"> {SOURCE_FIRST}")
    assert lines[note + 1].startswith(f"> {FIRST}†")


@pytest.mark.parametrize("target_only", [True, False], ids=["translated", "bilingual"])
def test_in_a_list_item_the_note_is_the_items_first_paragraph(
    tmp_path: Path, target_only: bool
) -> None:
    aligned(tmp_path, _listed_source, _listed_target)
    extra = ("--target-only",) if target_only else ()
    html = MarkdownIt("commonmark").render(exported(tmp_path, "md", *extra).read_text("utf-8"))
    items = [item for item in re.findall(r"<li>(.*?)</li>", html, re.S) if NOTE in item]
    assert len(items) == 1, html
    paragraphs = [_text(p) for p in re.findall(r"<p>(.*?)</p>", items[0], re.S)]
    assert paragraphs[0] == f"{NOTE}†" and paragraphs[1].startswith(f"{FIRST}†"), items[0]
    # The next item is an item of the same list, not a paragraph after it.
    assert any(
        _text(item).startswith(OTHER_ITEM) for item in re.findall(r"<li>(.*?)</li>", html, re.S)
    )
    lines = exported(tmp_path, "txt", *extra).read_text("utf-8").splitlines()
    note = lines.index(f"- {NOTE}†")
    assert lines[note + 1] == "" and lines[note + 2].startswith(f"  {FIRST}†")
    assert lines[note + 3] == "" and lines[note + 4].startswith(f"- {OTHER_ITEM}")
    page = exported(tmp_path, "html", *extra).read_text("utf-8")
    item = next(item for item in re.findall(r"<li>(.*?)</li>", page, re.S) if NOTE in item)
    cut = [_text(p) for p in re.findall(r"<p[^>]*>(.*?)</p>", item, re.S)]
    assert cut[0] == f"{NOTE}†" and cut[1].startswith(f"{FIRST}†"), item
    word = docx.Document(str(exported(tmp_path, "docx", *extra)))
    body = word.paragraphs if target_only else word.tables[0].rows[-1].cells[0].paragraphs
    if not target_only:
        row = next(r for r in word.tables[0].rows if NOTE in r.cells[1].text)
        body = row.cells[1].paragraphs
    texts = [(p.text, p.style.name) for p in body]
    at = texts.index((f"{NOTE}†", "List Bullet"))
    following, style = texts[at + 1]
    # The item's next paragraph: set in with it, no bullet of its own.
    assert following.startswith(f"{FIRST}†") and style == "List Continue", texts
    assert body[at + 1]._p.pPr.numPr is None
    assert texts[at + 2] == (texts[at + 2][0], "List Bullet")
    assert texts[at + 2][0].startswith(OTHER_ITEM)


@pytest.mark.parametrize("target_only", [True, False], ids=["translated", "bilingual"])
def test_in_a_table_cell_the_note_is_set_apart(tmp_path: Path, target_only: bool) -> None:
    aligned(tmp_path, _tabled_source)
    extra = ("--target-only",) if target_only else ()
    markdown = exported(tmp_path, "md", *extra).read_text("utf-8").splitlines()
    cell = next(line for line in markdown if NOTE in line).split(" | ")[-1]
    # (Where the aligner put the note, the heading's cell or the paragraph's, it stands
    # apart from the sentences beside it.)
    assert f"*{NOTE}*†" in cell.removesuffix(" |").strip("| ").split("<br>"), cell
    page = exported(tmp_path, "html", *extra).read_text("utf-8")
    cells = re.findall(r"<t[hd]>(.*?)</t[hd]>", page, re.S)
    cell = next(cell for cell in cells if NOTE in cell)
    cut = [_text(p) for p in re.findall(r"<p[^>]*>(.*?)</p>", cell, re.S)]
    assert f"{NOTE}†" in cut and len(cut) == 2, cell
    word = docx.Document(str(exported(tmp_path, "docx", *extra)))
    tables = [t for table in word.tables for t in [table, *_nested(table)]]
    found = next(
        cell
        for table in tables[0 if target_only else 1 :]
        for row in table.rows
        for cell in row.cells
        if NOTE in cell.text
    )
    texts = [p.text for p in found.paragraphs]
    assert f"{NOTE}†" in texts and len(texts) == 2, texts


def _nested(table: docx.table.Table) -> list[docx.table.Table]:
    """The tables in ``table``'s cells, at any depth."""
    found: list[docx.table.Table] = []
    for row in table.rows:
        for cell in row.cells:
            for inner in cell.tables:
                found.extend([inner, *_nested(inner)])
    return found
