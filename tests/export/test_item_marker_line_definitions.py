"""A definition on a list item's marker line ("- [a]: /url"), through to the editions.

The reader reads it as a definition, the item's next paragraph its first. The editions
printed it after that paragraph: the Markdown edition's "- Text", a blank line and
"  [a]: /url" made a tight list loose. An item holding only definitions ("2. [b]: /url")
was no item to them: the Markdown edition cut the list in two around the definition
("<ol>" and "<ol start=\"3\">"), the HTML, text and Word editions printed a list of two
items numbering "Third" 2 where the source shows 3. Markdown is rendered with
markdown-it-py, as CommonMark reads it.
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml.ns import qn
from markdown_it import MarkdownIt

from termwise.document import load_document
from termwise.project.layout import ProjectLayout
from termwise.project.translations import open_translation

from .audit_projects import export, make
from .test_left_out_items_quotes_and_definitions import left_out_project
from .test_moved_definitions_and_tight_lists import tightness

COMMONMARK = MarkdownIt("commonmark")

OPENS = """# Steps

Use [the flour][a].

- Mix the flour.
- [a]: http://example.org/flour
  Weigh the salt.
- Bake it.
"""
ONLY_DEFINITIONS = """# Steps

Use [the salt][b].

1. First step.
2. [b]: http://example.org/salt
3. Third step.
"""
ONE_LIST = "<ol>\n<li>FIRST STEP.</li>\n<li></li>\n<li>THIRD STEP.</li>\n</ol>"


def test_the_markdown_edition_prints_the_definition_on_the_marker_line(tmp_path: Path) -> None:
    source = left_out_project(tmp_path, OPENS, set())
    edition = export(source, "steps.es.md", "--target-only").read_text(encoding="utf-8")
    assert "- [a]: http://example.org/flour\n  WEIGH THE SALT.\n- BAKE IT.\n" in edition
    assert tightness(edition) == [True]
    html = COMMONMARK.render(edition)
    assert "<li>WEIGH THE SALT.</li>" in html
    assert html.count('<a href="http://example.org/flour">') == 1


def test_an_item_holding_only_definitions_stays_an_item_in_markdown(tmp_path: Path) -> None:
    source = left_out_project(tmp_path, ONLY_DEFINITIONS, set())
    edition = export(source, "steps.es.md", "--target-only").read_text(encoding="utf-8")
    assert "1. FIRST STEP.\n2. [b]: http://example.org/salt\n3. THIRD STEP.\n" in edition
    html = COMMONMARK.render(edition)
    assert ONE_LIST in html
    assert html.count('<a href="http://example.org/salt">') == 1


def test_the_bilingual_markdown_edition_prints_the_definition_once(tmp_path: Path) -> None:
    source = left_out_project(tmp_path, ONLY_DEFINITIONS, set())
    edition = export(source, "steps.es.md").read_text(encoding="utf-8")
    # The source's list as written, the translation's with the item in its place.
    assert (
        "2. [b]: http://example.org/salt\n3. Third step.\n\n<!-- -->\n\n"
        "1. FIRST STEP.\n2.\n3. THIRD STEP.\n"
    ) in edition
    assert edition.count("[b]: http://example.org/salt") == 1
    html = COMMONMARK.render(edition)
    assert ONE_LIST in html
    # The source's list and the translation's, each of three items.
    assert html.count("<ol>") == 2 and html.count("<li") == 6


def test_the_html_edition_keeps_the_empty_item_and_the_numbers(tmp_path: Path) -> None:
    source = left_out_project(tmp_path, ONLY_DEFINITIONS, set())
    html = export(source, "steps.es.html", "--target-only").read_text(encoding="utf-8")
    assert html.count("<ol") == 1 and "start=" not in html
    assert html.count("<li") == 3 and "<li></li>" in html
    bilingual = export(source, "steps.html").read_text(encoding="utf-8")
    # The source's list and the translation's, each of three items.
    assert bilingual.count("<ol") == 2 and bilingual.count("<li></li>") == 2


def test_the_text_edition_keeps_the_numbers(tmp_path: Path) -> None:
    source = left_out_project(tmp_path, ONLY_DEFINITIONS, set())
    text = export(source, "steps.es.txt", "--target-only").read_text(encoding="utf-8")
    assert "1. FIRST STEP.\n2.\n3. THIRD STEP.\n" in text


def test_the_word_edition_numbers_third_three(tmp_path: Path) -> None:
    source = left_out_project(tmp_path, ONLY_DEFINITIONS, set())
    document = docx.Document(str(export(source, "steps.es.docx", "--target-only")))
    numbered = [
        paragraph
        for paragraph in document.paragraphs
        if paragraph.style.name.startswith("List Number")
    ]
    # Three numbered paragraphs of one numbering, the second empty: Word counts it.
    assert [paragraph.text for paragraph in numbered] == ["FIRST STEP.", "", "THIRD STEP."]
    ids = {paragraph._p.pPr.numPr.numId.val for paragraph in numbered}
    assert len(ids) == 1
    instance = document.part.numbering_part.element.num_having_numId(ids.pop())
    start = instance.find(qn("w:lvlOverride")).find(qn("w:startOverride"))
    assert start.get(qn("w:val")) == "1"


def test_a_left_out_item_takes_its_definition_out_of_the_list(tmp_path: Path) -> None:
    source = left_out_project(tmp_path, OPENS, {"Weigh the salt."})
    edition = export(source, "steps.es.md", "--target-only").read_text(encoding="utf-8")
    assert "- MIX THE FLOUR.\n- BAKE IT.\n\n[a]: http://example.org/flour\n" in edition
    html = COMMONMARK.render(edition)
    assert html.count('<a href="http://example.org/flour">') == 1


def test_a_translation_that_reads_as_a_title_is_escaped(tmp_path: Path) -> None:
    text = "# Steps\n\nUse [the flour][a].\n\n- Mix.\n- [a]: /flour\n  Weigh the salt.\n"
    source = make(tmp_path, "steps.md", text, lambda _: None)
    tfile = open_translation(ProjectLayout.at(source.parent), load_document(source), "es")
    for unit in tfile.units.values():
        quoted = unit.source == "Weigh the salt."
        unit.set_translation('"Pesa la sal."' if quoted else unit.source, reviewed=True)
    tfile.save()
    edition = export(source, "steps.es.md", "--target-only").read_text(encoding="utf-8")
    # On the line under the definition, a quotation alone would be its title.
    assert '- [a]: /flour\n  \\"Pesa la sal."\n' in edition
    html = COMMONMARK.render(edition)
    assert "<li>&quot;Pesa la sal.&quot;</li>" in html
    assert '<a href="/flour">the flour</a>' in html
