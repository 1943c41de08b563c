"""A Markdown source's markup in the editions: emphasis over two sentences, links in Word,
and the plain-text edition, which shows what the markup means and not its markers."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml.ns import qn

from .audit_projects import export, make

PAPER = """# Water

Plain comes first. **This is the first sentence. The Belt and Road Initiative is the second.**

See [our site](https://example.org), [a trick](javascript:alert(1)) and `wq-check` a \\| b.
"""

SPANISH = {
    "Water": "Agua",
    "Plain comes first.": "Primero, texto llano.",
    "**This is the first sentence.": "**Esta es la primera frase.",
    "The Belt and Road Initiative is the second.**": (
        "La Iniciativa de la Franja y la Ruta es la segunda.**"
    ),
    "See [our site](https://example.org), [a trick](javascript:alert(1)) and `wq-check` a \\| b.": (
        "Vea [nuestro sitio](https://example.org), [un truco](javascript:alert(1)) y "
        "`wq-check` a \\| b."
    ),
}


def project(tmp_path: Path, reviewed: bool = True) -> Path:
    return make(tmp_path, "paper.md", PAPER, lambda source: (SPANISH[source], reviewed))


def test_the_paper_is_split_as_the_tests_expect(tmp_path: Path) -> None:
    from termwise.document import load_document

    texts = [segment.text for segment in load_document(project(tmp_path)).segments]
    assert texts == list(SPANISH)


def test_html_bold_over_two_sentences_is_bold_in_both(tmp_path: Path) -> None:
    html = export(project(tmp_path), "paper.html").read_text(encoding="utf-8")
    assert "**" not in html
    assert "<strong>This is the first sentence.</strong></span>" in html
    assert "<strong>Esta es la primera frase.</strong></span>" in html
    # The term in the second sentence is still marked, inside the bold.
    assert '<strong>The <span class="term preferred" data-concept="T08"' in html
    assert "Initiative</span> is the second.</strong></span>" in html


def runs_of(path: Path) -> list[tuple[str, bool, bool]]:
    document = docx.Document(str(path))
    paragraphs = list(document.paragraphs)
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                paragraphs.extend(cell.paragraphs)
    return [
        (run.text, bool(run.bold), bool(run.italic))
        for paragraph in paragraphs
        for run in paragraph.runs
        if run.text.strip()
    ]


def test_word_bold_over_two_sentences_is_bold_in_both(tmp_path: Path) -> None:
    for extra in ((), ("--target-only", "--term-marks")):
        runs = runs_of(export(project(tmp_path), "paper.docx", *extra))
        assert not any("**" in text for text, _, _ in runs)
        assert ("Esta es la primera frase.", True, False) in runs
        assert ("Iniciativa de la Franja y la Ruta", True, False) in runs
        assert (" es la segunda.", True, False) in runs
        assert ("Primero, texto llano.", False, False) in runs


def test_word_links_are_hyperlinks(tmp_path: Path) -> None:
    document = docx.Document(str(export(project(tmp_path), "paper.docx", "--target-only")))
    body = document.element.body
    links = body.findall(".//" + qn("w:hyperlink"))
    assert ["".join(t.text for t in link.iter(qn("w:t"))) for link in links] == ["nuestro sitio"]
    relationship = document.part.rels[links[0].get(qn("r:id"))]
    assert relationship.reltype == RELATIONSHIP_TYPE.HYPERLINK
    assert relationship.target_ref == "https://example.org"
    assert relationship.is_external
    # A target the HTML edition will not follow is no link in Word either: its text.
    text = "".join(t.text for t in body.iter(qn("w:t")))
    assert "un truco" in text and "javascript" not in text


def test_plain_text_shows_no_markers(tmp_path: Path) -> None:
    for extra in ((), ("--target-only",)):
        text = export(project(tmp_path), "paper.txt", *extra).read_text(encoding="utf-8")
        assert "**" not in text and "`" not in text and "\\|" not in text and "](" not in text
        assert "Esta es la primera frase. La Iniciativa" in text
        assert "Vea nuestro sitio (https://example.org), un truco y wq-check a | b." in text
    text = export(project(tmp_path), "paper.txt").read_text(encoding="utf-8")
    assert "See our site (https://example.org), a trick and wq-check a | b." in text


def test_plain_text_keeps_the_dagger_of_a_draft(tmp_path: Path) -> None:
    source = project(tmp_path, reviewed=False)
    text = export(source, "paper.txt", "--target-only", "--include-unreviewed").read_text(
        encoding="utf-8"
    )
    assert "Esta es la primera frase.† La Iniciativa de la Franja y la Ruta es la segunda.†" in text
