"""A link definition written in a list item, and list items the translation empties, in
the editions.

A definition under an item's text ("1. Step" then "   [ref]: http://x") was the item's
sentence; now a definition, the Markdown edition prints it as written in that item, and
the list goes on after it. In the Word edition, an item the translation leaves out that
holds a table or a quote first was an empty numbered paragraph, and one that holds a
numbered list first wrote that list's first number as text ("1. Fold it.").
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from markdown_it import MarkdownIt

from termwise.document import load_document
from termwise.project.layout import ProjectLayout
from termwise.project.translations import open_translation

from .audit_projects import export, make
from .test_omitted_list_items import CONFIRMED

STEPS = """# Steps

1. Mix the flour [here][ref].

   [ref]: http://example.org/flour "Flour"
2. Bake it.
"""


def upper(source: str) -> tuple[str, bool]:
    return source.upper(), True


def test_the_markdown_edition_keeps_an_item_s_definition_in_the_item(tmp_path: Path) -> None:
    source = make(tmp_path, "steps.md", STEPS, upper)
    edition = export(source, "steps.es.md", "--target-only").read_text(encoding="utf-8")
    assert edition == (
        "# STEPS\n\n"
        "1. MIX THE FLOUR [HERE][REF].\n\n"
        '   [ref]: http://example.org/flour "Flour"\n\n'
        "2. BAKE IT.\n"
    )
    # One list of two items, and the link resolves: CommonMark reads the definition.
    html = MarkdownIt("commonmark").render(edition)
    assert html.count("<li>") == 2 and html.count("<ol>") == 1
    assert '<a href="http://example.org/flour" title="Flour">' in html


def test_the_bilingual_markdown_edition_prints_it_once(tmp_path: Path) -> None:
    source = make(tmp_path, "steps.md", STEPS, upper)
    edition = export(source, "steps.md.es.md").read_text(encoding="utf-8")
    assert edition.count("[ref]: http://example.org/flour") == 1
    # The translation's list has no blank line where the definition was left to the other.
    assert "2. Bake it.\n\n<!-- -->\n\n1. MIX THE FLOUR [HERE][REF].\n\n2. BAKE IT." in edition
    html = MarkdownIt("commonmark").render(edition)
    # Two lists of two items, not one of four.
    assert html.count("<ol>") == 2 and html.count("<li>") == 4
    assert html.count('<a href="http://example.org/flour" title="Flour">') == 2


EMPTIED = """# Steps

1. Mix the flour.
2. Weigh the salt.

   > Salt matters.
   >
   > Use less.
3. Heat the oven.

   | Heat | Time |
   | --- | --- |
   | High | Long |
4. Knead the dough.
   1. Fold it.
   2. Turn it.
5. Bake it.
"""
LEFT_OUT = {"Weigh the salt.", "Heat the oven.", "Knead the dough."}


def emptied_project(tmp_path: Path) -> Path:
    source = make(tmp_path, "steps.md", EMPTIED, lambda text: None)
    tfile = open_translation(ProjectLayout.at(source.parent), load_document(source), "es")
    for unit in tfile.units.values():
        if unit.source in LEFT_OUT:
            unit.comments = (CONFIRMED,)
        else:
            unit.set_translation(unit.source.upper(), reviewed=True)
    tfile.save()
    return source


def _numbering(paragraph: Paragraph) -> tuple[int, int] | None:
    properties = paragraph._p.pPr
    if properties is None or properties.numPr is None:
        return None
    return properties.numPr.numId.val, properties.numPr.ilvl.val


def _start(document: docx.document.Document, num_id: int) -> int:
    """The number Word starts numbering instance ``num_id`` at (its first level's)."""
    numbering = document.part.numbering_part.element
    instance = numbering.num_having_numId(num_id)
    override = instance.find(qn("w:lvlOverride")).find(qn("w:startOverride"))
    return int(override.get(qn("w:val")))


def _body(document: docx.document.Document) -> list[Paragraph | str]:
    return [
        Paragraph(element, document) if element.tag == qn("w:p") else "table"
        for element in document.element.body.iterchildren()
        if element.tag in (qn("w:p"), qn("w:tbl"))
    ]


def test_the_word_edition_writes_no_empty_numbered_paragraph(tmp_path: Path) -> None:
    source = emptied_project(tmp_path)
    word = docx.Document(str(export(source, "steps.es.docx", "--target-only")))
    body = _body(word)
    shown = [part if isinstance(part, str) else (part.style.name, part.text) for part in body[1:]]
    assert shown == [
        ("List Number", "MIX THE FLOUR."),
        # The emptied step's quote begins on its numbered paragraph.
        ("List Number", "SALT MATTERS."),
        ("Quote", "USE LESS."),
        # The table and the nested list stand where their steps did, no number of theirs.
        "table",
        ("List Number 2", "FOLD IT."),
        ("List Number 2", "TURN IT."),
        ("List Number", "BAKE IT."),
    ]
    paragraphs = [part for part in body if isinstance(part, Paragraph)]
    numbered = [part for part in paragraphs if part.style.name.startswith("List")]
    assert all(part.text for part in numbered)
    mix, salt, fold, turn, bake = (_numbering(part) for part in numbered)
    assert mix is not None and salt == mix and _start(word, mix[0]) == 1
    # The nested list's numbers are Word's, from 1: none is written as text.
    assert fold is not None and turn == fold and _start(word, fold[0]) == 1
    # The last step is numbered 5 as in the other editions: Word counts on from there.
    assert bake is not None and bake != mix and _start(word, bake[0]) == 5


def test_the_bilingual_word_edition_writes_none_either(tmp_path: Path) -> None:
    source = emptied_project(tmp_path)
    word = docx.Document(str(export(source, "steps.docx")))
    rows = word.tables[0].rows
    translated = [
        paragraph
        for row in rows[1:]
        for paragraph in row.cells[1].paragraphs
        if paragraph.style.name.startswith("List")
    ]
    assert [paragraph.text for paragraph in translated] == [
        "MIX THE FLOUR.",
        "SALT MATTERS.",
        "FOLD IT.",
        "TURN IT.",
        "BAKE IT.",
    ]
