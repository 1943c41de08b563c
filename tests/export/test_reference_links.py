"""Reference links of a Markdown source (``[text][label]``, ``[label][]``, ``[label]``) in
the editions.

Their definitions were sentences, and the links literal brackets: HTML and Word showed
"[report][1]" and printed "[1]: https://…" as a paragraph. Now HTML, Word and plain text
show the links as they show inline ones and print no definition; a Markdown edition prints
the definitions as written, once, so that the links of both languages still lead there.
"""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml.ns import qn
from markdown_it import MarkdownIt

from termwise.document.model import LinkDefinition
from termwise.export import markdown_inline
from termwise.export.markdown_inline import Span, Text

from .audit_projects import export, make

# --- the inline parser ------------------------------------------------------------------------

REFERENCES = markdown_inline.references(
    [
        LinkDefinition(0, "", "1", "https://example.org/report.pdf"),
        LinkDefinition(0, "", "CCP  Docs", "https://example.org/a b"),
        LinkDefinition(0, "", "ẞ", "https://example.org/sharp-s"),
        LinkDefinition(0, "", "local", "report.pdf"),
        LinkDefinition(0, "", "trick", "javascript:alert(1)"),
        # A second definition of a label is no definition.
        LinkDefinition(0, "", "ccp docs", "https://example.org/second"),
    ]
)


def links(text: str) -> list[tuple[str, str | None]]:
    """The (text, href) of each link ``text`` makes."""
    return [
        (markdown_inline.plain(node.children), node.href)
        for node in markdown_inline.parse(text, REFERENCES)
        if isinstance(node, Span) and node.kind == "link"
    ]


def test_full_collapsed_and_shortcut_references_are_links() -> None:
    report = "https://example.org/report.pdf"
    assert links("See the [annual report][1].") == [("annual report", report)]
    assert links("See [1][] and [1].") == [("1", report), ("1", report)]
    # Only the link text is shown: the label is markup, as an inline link's URL is.
    nodes = markdown_inline.parse("See [the *report*][1] now.", REFERENCES)
    assert markdown_inline.plain(nodes) == "See the report now."


def test_labels_match_without_case_or_extra_spaces() -> None:
    # Spaces in the URL are encoded, as CommonMark renders them (Word needs it so).
    docs = "https://example.org/a%20b"
    assert links("[ccp docs][] [CCP DOCS] [x][ccp\n  docs]") == [
        ("ccp docs", docs),
        ("CCP DOCS", docs),
        ("x", docs),
    ]
    # Unicode case folding: "ẞ" and "SS" are one label.
    assert links("[SS]") == [("SS", "https://example.org/sharp-s")]


def test_an_undefined_label_stays_text() -> None:
    for text in ("[text][nope]", "[nope][]", "[nope]", "[text][ ]"):
        assert links(text) == [], text
        assert markdown_inline.plain_text(text, REFERENCES) == text
    # As in CommonMark: "[a]" followed by an undefined label is text, and the label is
    # then read as a link text of its own.
    assert links("[a][nope][1] [b][nope] [1]") == [
        ("nope", "https://example.org/report.pdf"),
        ("1", "https://example.org/report.pdf"),
    ]
    # Without definitions nothing changes (the checks read texts so).
    assert markdown_inline.plain_text("[text][1]") == "[text][1]"


def test_an_unsafe_target_shows_as_text() -> None:
    assert links("[the file][local] and [trick]") == [("the file", None), ("trick", None)]
    nodes = markdown_inline.parse("[the file][local] and [trick]", REFERENCES)
    assert markdown_inline.reading_text(nodes) == "the file and trick"


def test_an_inline_link_comes_before_a_reference() -> None:
    assert links("[1](https://example.org/inline)") == [("1", "https://example.org/inline")]
    # An image by reference is its text, as an inline one is.
    nodes = markdown_inline.parse("![chart][1]", REFERENCES)
    assert [node.kind for node in nodes if isinstance(node, Span)] == ["image"]
    assert not [node for node in nodes if isinstance(node, Text) and "[" in node.text]


# --- the editions -----------------------------------------------------------------------------

REPORT = """# Yearly review

See the [report][1], the [CCP docs][] and the [ccp DOCS].

[1]: https://example.org/report.pdf "Annual report"
[ccp docs]: <https://example.org/a b>
  'CCP documentation'

An [unknown][nope] label stays as written, a [local] file is text.

[local]: report.pdf

> As the [charter] says.
>
> [Charter]: https://example.org/charter

The end.
"""

DEFINITION_LINES = [
    '[1]: https://example.org/report.pdf "Annual report"',
    "[ccp docs]: <https://example.org/a b>",
    "'CCP documentation'",
    "[local]: report.pdf",
]
HREFS = {
    "https://example.org/report.pdf": "report",
    "https://example.org/a%20b": "CCP docs",
    "https://example.org/charter": "charter",
}


def spanish(source: str) -> tuple[str, bool]:
    """A translation that keeps the source's labels, as a translator keeps a link's URL."""
    return "ES " + source.replace("See the", "Vea el"), True


@pytest.fixture
def report(tmp_path: Path) -> Path:
    return make(tmp_path, "report.md", REPORT, spanish)


def anchors(html: str) -> list[tuple[str, str]]:
    """(href, text) of each link in ``html``."""
    return [
        (href, re.sub(r"<[^>]+>", "", inner))
        for href, inner in re.findall(r'<a href="([^"]*)"[^>]*>(.*?)</a>', html, re.S)
    ]


def test_html_links_references_and_prints_no_definition(report: Path) -> None:
    html = export(report, "report.html").read_text(encoding="utf-8")
    body = html.split("<tbody>")[1]
    found = anchors(body)
    # Each in the source's column and in the translation's.
    for href, text in HREFS.items():
        assert found.count((href, text)) == 2, (href, found)
    assert ("https://example.org/a%20b", "ccp DOCS") in found
    assert len(found) == 8
    assert "[unknown][nope]" in body and "a local file is text" in body
    for line in DEFINITION_LINES:
        assert line not in body
    assert "report.pdf&quot;" not in body and "CCP documentation" not in body
    target_only = export(report, "report.es.html", "--target-only").read_text(encoding="utf-8")
    assert ("https://example.org/report.pdf", "report") in anchors(target_only)
    assert "[1]:" not in target_only


def rendered_anchors(markdown: str) -> list[tuple[str, str]]:
    """The links a CommonMark renderer (with GFM's tables) makes of ``markdown``."""
    return anchors(MarkdownIt("commonmark").enable("table").render(markdown))


def test_markdown_prints_the_definitions_once_as_written(report: Path) -> None:
    edition = export(report, "report.es.md").read_text(encoding="utf-8")
    lines = edition.split("\n")
    for line in DEFINITION_LINES:
        assert lines.count(line) == 1, line
    # The quote's definition in the source's quotation, once.
    assert lines.count("> [Charter]: https://example.org/charter") == 1
    assert not [line for line in lines if line.startswith("[Charter]")]
    # The links of both columns lead where the source's do.
    found = rendered_anchors(edition)
    for href, text in HREFS.items():
        assert found.count((href, text)) == 2, (href, found)
    # The definitions wait for the table of paragraphs to end: it is not cut in two,
    # its header printed again, for them.
    assert lines.count("| English | Spanish |") == 2
    table_end = lines.index("", lines.index("| English | Spanish |"))
    assert lines[table_end + 1 : table_end + 5] == DEFINITION_LINES


def test_target_only_markdown_prints_them_where_they_stood(report: Path) -> None:
    edition = export(report, "report.es.md", "--target-only").read_text(encoding="utf-8")
    paragraphs = edition.split("\n\n")
    assert paragraphs[1:5] == [
        "ES Vea el [report][1], the [CCP docs][] and the [ccp DOCS].",
        "\n".join(DEFINITION_LINES[:3]),
        "ES An [unknown][nope] label stays as written, a [local] file is text.",
        DEFINITION_LINES[3],
    ]
    assert (
        paragraphs[5] == "> ES As the [charter] says.\n>\n> [Charter]: https://example.org/charter"
    )
    # (A Markdown edition keeps the source's markup: its relative link too.)
    assert [href for href, _ in rendered_anchors(edition)] == [
        "https://example.org/report.pdf",
        "https://example.org/a%20b",
        "https://example.org/a%20b",
        "report.pdf",
        "https://example.org/charter",
    ]


def test_word_links_references_and_prints_no_definition(report: Path) -> None:
    document = docx.Document(str(export(report, "report.docx")))
    targets = {
        relationship.rId: relationship.target_ref
        for relationship in document.part.rels.values()
        if relationship.reltype == RELATIONSHIP_TYPE.HYPERLINK
    }
    shown = [
        (targets[link.get(qn("r:id"))], "".join(t.text or "" for t in link.iter(qn("w:t"))))
        for link in document.element.body.iter(qn("w:hyperlink"))
    ]
    for href, text in HREFS.items():
        assert shown.count((href, text)) == 2, (href, shown)
    assert len(shown) == 8
    cells = [cell.text for row in document.tables[0].rows for cell in row.cells]
    assert not [text for text in cells if "[1]:" in text or "CCP documentation" in text]
    assert "ES An [unknown][nope] label stays as written, a local file is text." in cells


def test_plain_text_shows_references_as_inline_links(report: Path) -> None:
    edition = export(report, "report.es.txt").read_text(encoding="utf-8")
    assert (
        "See the report (https://example.org/report.pdf), the CCP docs "
        "(https://example.org/a%20b) and the ccp DOCS (https://example.org/a%20b)."
    ) in edition
    assert "ES Vea el report (https://example.org/report.pdf)," in edition
    assert "An [unknown][nope] label stays as written, a local file is text." in edition
    # (Behind the quote's marker: plain text indents code, not quotes.)
    assert "\n> As the charter (https://example.org/charter) says.\n" in edition
    assert "[1]:" not in edition and "CCP documentation" not in edition


def test_a_definition_between_code_blocks_keeps_its_place(tmp_path: Path) -> None:
    source = make(
        tmp_path,
        "setup.md",
        "Run [make][m].\n\n```\nmake\n```\n\n[m]: https://example.org/make\n\n"
        "```\nmake install\n```\n\nDone.\n",
        spanish,
    )
    edition = export(source, "setup.es.md", "--target-only").read_text(encoding="utf-8")
    definition = "\n[m]: https://example.org/make\n"
    order = [edition.index(text) for text in ("\nmake\n", definition, "make install")]
    assert order == sorted(order)
    assert rendered_anchors(edition) == [("https://example.org/make", "make")]


def test_a_translation_that_reads_as_a_definition_stays_a_paragraph(tmp_path: Path) -> None:
    # Its colon escaped: "[1]" reads as in any other paragraph, a link where the source
    # defines it (as the HTML edition shows it), where "\\[1]" made it text.
    source = make(
        tmp_path,
        "notes.md",
        "# Notes\n\n[1]: see the report.\n\n[1]: https://example.org/report.pdf\n",
        lambda text: (text, True),
    )
    edition = export(source, "notes.es.md", "--target-only").read_text(encoding="utf-8")
    assert "\n[1]\\: see the report.\n" in edition
    html = MarkdownIt("commonmark").render(edition)
    assert '<p><a href="https://example.org/report.pdf">1</a>: see the report.</p>' in html
