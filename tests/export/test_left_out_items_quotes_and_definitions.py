"""List items the translation leaves out whole: a quote they hold that opens with a list,
a table or code, and the link definitions they hold.

A Word edition wrote an empty numbered paragraph for an emptied item whose quote opens
with anything but a paragraph (a Markdown edition writes "2. > - quoted item"). A
target-only Markdown edition dropped a left-out item's link definitions with it, so that
"[the flour][ref]" before the list or in another item printed as literal brackets.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from markdown_it import MarkdownIt

from termwise.document import load_document
from termwise.project.layout import ProjectLayout
from termwise.project.translations import open_translation

from .audit_projects import export, make
from .test_omitted_list_items import CONFIRMED


def left_out_project(tmp_path: Path, text: str, left_out: set[str]) -> Path:
    """A project whose translation confirms ``left_out`` as omissions and translates the
    rest in capitals, reviewed."""
    source = make(tmp_path, "steps.md", text, lambda _: None)
    tfile = open_translation(ProjectLayout.at(source.parent), load_document(source), "es")
    for unit in tfile.units.values():
        if unit.source in left_out:
            unit.comments = (CONFIRMED,)
        else:
            unit.set_translation(unit.source.upper(), reviewed=True)
    tfile.save()
    return source


def quote_project(tmp_path: Path, quote: str) -> Path:
    """Step 2 left out, holding ``quote`` (its lines, without "> ")."""
    quoted = "\n".join(f"   > {line}".rstrip() for line in quote.split("\n"))
    text = f"# Steps\n\n1. Mix the flour.\n2. Weigh the salt.\n\n{quoted}\n3. Bake it.\n"
    return left_out_project(tmp_path, text, {"Weigh the salt."})


def _start(document: docx.document.Document, paragraph: Paragraph) -> tuple[int, int] | None:
    """The numbering instance of ``paragraph`` and the number it starts at."""
    properties = paragraph._p.pPr
    if properties is None or properties.numPr is None:
        return None
    num_id = properties.numPr.numId.val
    instance = document.part.numbering_part.element.num_having_numId(num_id)
    override = instance.find(qn("w:lvlOverride")).find(qn("w:startOverride"))
    return num_id, int(override.get(qn("w:val")))


def _shown(document: docx.document.Document, container: object) -> list[str | tuple[str, str]]:
    """What ``container`` (the body, a cell) holds: each paragraph's style and text, or
    "table"."""
    shown: list[str | tuple[str, str]] = []
    for element in container.iterchildren():  # type: ignore[attr-defined]
        if element.tag == qn("w:tbl"):
            shown.append("table")
        elif element.tag == qn("w:p"):
            paragraph = Paragraph(element, document)
            if paragraph.text or paragraph.style.name.startswith("List"):
                shown.append((paragraph.style.name, paragraph.text))
    return shown


BULLETS = "- Salt matters.\n- Use less.\n\nReally."


def test_a_quote_opening_with_bullets_starts_on_the_numbered_paragraph(tmp_path: Path) -> None:
    source = quote_project(tmp_path, BULLETS)
    markdown = export(source, "steps.es.md", "--target-only").read_text(encoding="utf-8")
    assert "2. > - SALT MATTERS.\n   > - USE LESS." in markdown
    word = docx.Document(str(export(source, "steps.es.docx", "--target-only")))
    shown = _shown(word, word.element.body)
    assert shown[1:] == [
        ("List Number", "MIX THE FLOUR."),
        # The quote's first item on step 2's paragraph, its marker written out, as the
        # Markdown edition writes it on the item's marker line.
        ("List Number", "\u2022 SALT MATTERS."),
        ("List Bullet", "USE LESS."),
        ("Quote", "REALLY."),
        ("List Number", "BAKE IT."),
    ]
    numbered = [p for p in word.paragraphs if p.style.name == "List Number"]
    # One numbering: the steps count 1, 2, 3.
    assert len({_start(word, p) for p in numbered}) == 1


def test_the_bilingual_word_edition_writes_no_empty_numbered_paragraph(tmp_path: Path) -> None:
    source = quote_project(tmp_path, BULLETS)
    word = docx.Document(str(export(source, "steps.docx")))
    translated = [
        item
        # (Below the languages' and the heading's rows.)
        for row in word.tables[0].rows[2:]
        for item in _shown(word, row.cells[1]._tc)
    ]
    assert translated == [
        ("List Number", "MIX THE FLOUR."),
        ("List Number", "\u2022 SALT MATTERS."),
        ("List Bullet", "USE LESS."),
        ("Quote", "REALLY."),
        ("List Number", "BAKE IT."),
    ]


def test_a_quote_in_a_quote_opening_with_bullets_does_too(tmp_path: Path) -> None:
    source = quote_project(tmp_path, "> - Salt matters.\n> - Use less.")
    word = docx.Document(str(export(source, "steps.es.docx", "--target-only")))
    assert _shown(word, word.element.body)[1:] == [
        ("List Number", "MIX THE FLOUR."),
        ("List Number", "\u2022 SALT MATTERS."),
        ("List Bullet", "USE LESS."),
        ("List Number", "BAKE IT."),
    ]


def test_a_quote_opening_with_code_has_it_on_the_numbered_paragraph(tmp_path: Path) -> None:
    source = quote_project(tmp_path, "```\nscale --grams\n```\n\nUse less.")
    word = docx.Document(str(export(source, "steps.es.docx", "--target-only")))
    assert _shown(word, word.element.body)[1:] == [
        ("List Number", "MIX THE FLOUR."),
        ("List Number", "scale --grams"),
        ("Quote", "USE LESS."),
        ("List Number", "BAKE IT."),
    ]


def test_a_quote_opening_with_a_table_stands_in_the_step_s_place(tmp_path: Path) -> None:
    source = quote_project(tmp_path, "| Heat | Time |\n| --- | --- |\n| High | Long |")
    word = docx.Document(str(export(source, "steps.es.docx", "--target-only")))
    assert _shown(word, word.element.body)[1:] == [
        ("List Number", "MIX THE FLOUR."),
        "table",
        ("List Number", "BAKE IT."),
    ]
    mix, bake = (p for p in word.paragraphs if p.style.name == "List Number")
    # Step 3 is numbered 3, as in the Markdown edition ("2. > | HEAT |", "3. BAKE IT.").
    mix_start, bake_start = _start(word, mix), _start(word, bake)
    assert mix_start is not None and mix_start[1] == 1
    assert bake_start is not None and bake_start[1] == 3


def test_a_quote_opening_with_a_numbered_list_stands_in_the_step_s_place(tmp_path: Path) -> None:
    source = quote_project(tmp_path, "1. Salt matters.\n2. Use less.")
    word = docx.Document(str(export(source, "steps.es.docx", "--target-only")))
    shown = _shown(word, word.element.body)[1:]
    assert shown == [
        ("List Number", "MIX THE FLOUR."),
        ("List Number", "SALT MATTERS."),
        ("List Number", "USE LESS."),
        ("List Number", "BAKE IT."),
    ]
    mix, salt, less, bake = (
        _start(word, p) for p in word.paragraphs if p.style.name == "List Number"
    )
    # The quoted list counts on its own from 1, Word's numbers; step 3 stays 3.
    assert salt is not None and salt == less and salt[1] == 1 and salt != mix
    assert bake is not None and bake[1] == 3


FLOUR = "http://example.org/flour"
BEFORE_THE_LIST = f"""# Steps

See [the flour][ref] first.

1. Mix the flour.
2. Weigh the salt.

   [ref]: {FLOUR} "Flour"
3. Bake it.
"""
IN_ANOTHER_ITEM = f"""# Steps

1. Mix [the flour][ref].
2. Weigh the salt.

   [ref]: {FLOUR}
3. Bake it.
"""
IN_A_NESTED_ITEM = f"""# Steps

Use [the flour][ref].

- Mix the flour.
  - Sift it.

    [ref]: {FLOUR}
- Bake it.
"""


def _links(markdown: str) -> tuple[int, int]:
    """How many links to the flour CommonMark finds, and how many "[…][REF]" it prints."""
    html = MarkdownIt("commonmark").render(markdown)
    return html.count(f'<a href="{FLOUR}"'), html.count("][REF]")


def test_a_left_out_item_s_definition_still_resolves_a_link_before_the_list(
    tmp_path: Path,
) -> None:
    source = left_out_project(tmp_path, BEFORE_THE_LIST, {"Weigh the salt."})
    edition = export(source, "steps.es.md", "--target-only").read_text(encoding="utf-8")
    assert _links(edition) == (1, 0)
    # The list stays one of two steps; the definition follows it, at its level.
    html = MarkdownIt("commonmark").render(edition)
    assert html.count("<li>") == 2 and html.count("<ol>") == 1
    assert edition.endswith(f'2. BAKE IT.\n\n[ref]: {FLOUR} "Flour"\n')


def test_and_a_link_in_another_item(tmp_path: Path) -> None:
    source = left_out_project(tmp_path, IN_ANOTHER_ITEM, {"Weigh the salt."})
    edition = export(source, "steps.es.md", "--target-only").read_text(encoding="utf-8")
    assert _links(edition) == (1, 0)
    assert MarkdownIt("commonmark").render(edition).count("<li>") == 2


def test_and_one_in_a_left_out_nested_item(tmp_path: Path) -> None:
    source = left_out_project(tmp_path, IN_A_NESTED_ITEM, {"Sift it."})
    edition = export(source, "steps.es.md", "--target-only").read_text(encoding="utf-8")
    assert _links(edition) == (1, 0)
    html = MarkdownIt("commonmark").render(edition)
    assert html.count("<li>") == 2 and html.count("<ul>") == 1


@pytest.mark.parametrize(
    ("text", "left_out"),
    [
        (BEFORE_THE_LIST, "Weigh the salt."),
        (IN_ANOTHER_ITEM, "Weigh the salt."),
        (IN_A_NESTED_ITEM, "Sift it."),
    ],
)
def test_the_bilingual_markdown_edition_resolves_both_sides(
    tmp_path: Path, text: str, left_out: str
) -> None:
    source = left_out_project(tmp_path, text, {left_out})
    edition = export(source, "steps.md.es.md").read_text(encoding="utf-8")
    # The source's link and the translation's; the definition printed once.
    assert _links(edition) == (2, 0)
    assert edition.count(f"[ref]: {FLOUR}") == 1


def test_the_first_definition_of_a_label_stays_the_one_that_counts(tmp_path: Path) -> None:
    text = (
        "# Steps\n\nSee [the flour][ref].\n\n"
        "1. Mix the flour.\n2. Weigh the salt.\n\n   [ref]: http://example.org/first\n"
        "3. Bake it.\n\n   [ref]: http://example.org/second\n"
    )
    source = left_out_project(tmp_path, text, {"Weigh the salt."})
    edition = export(source, "steps.es.md", "--target-only").read_text(encoding="utf-8")
    html = MarkdownIt("commonmark").render(edition)
    assert '<a href="http://example.org/first"' in html
    assert edition.count("[ref]:") == 2
