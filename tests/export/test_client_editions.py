"""The translation alone is the client's deliverable: no term marks unless asked, the Word
source's page headers and footers kept, and its bold and italic kept or said to be lost."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from click.testing import CliRunner, Result
from docx.enum.text import WD_UNDERLINE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from termwise.cli import cli
from termwise.document import load_document
from termwise.project.layout import ProjectLayout
from termwise.project.translations import open_translation

from .sample_project import DATA

TRANSLATIONS = {
    "Global governance": "Gobernanza mundial",
    "China proposed the community of human destiny.": (
        "China propuso la comunidad de futuro compartido de la humanidad."
    ),
    "Global governance needs reform.": "La gobernanza mundial necesita reformas.",
    "Every reader must see this.": "Todo lector debe ver esto.",
}
LEGEND = "Glossary terms, underlined"


def make_report(root: Path) -> Path:
    """A report as Word writes one: a heading, a sentence with a bold phrase beside one
    bold throughout, a header on every page and a page number in the footer."""
    word = docx.Document()
    word.add_heading("Global governance", level=1)
    paragraph = word.add_paragraph("China proposed the community of human destiny. ")
    paragraph.add_run("Global governance").bold = True
    paragraph.add_run(" needs reform.")
    word.add_paragraph().add_run("Every reader must see this.").bold = True
    section = word.sections[0]
    section.header.paragraphs[0].text = "CONFIDENTIAL draft header"
    footer = section.footer.paragraphs[0]
    footer.add_run("Page ")
    page = OxmlElement("w:fldSimple")
    page.set(qn("w:instr"), "PAGE")
    number = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    number.append(text)
    page.append(number)
    footer._p.append(page)
    path = root / "client" / "report.docx"
    path.parent.mkdir(parents=True)
    word.save(str(path))
    return path


@pytest.fixture
def report(tmp_path: Path) -> Path:
    root = tmp_path / "proj"
    root.mkdir()
    source = make_report(root)
    (root / "glossary").mkdir()
    (root / "glossary" / "mini.tbx").write_bytes((DATA / "mini-glossary.tbx").read_bytes())
    document = load_document(source)
    tfile = open_translation(ProjectLayout.at(root), document, "es")
    for unit in tfile.units.values():
        unit.set_translation(TRANSLATIONS[unit.source], reviewed=True)
    tfile.save()
    return source


def export(source: Path, name: str, *extra: str) -> tuple[Path, Result]:
    root = source.parents[1]
    out = root / name
    result = CliRunner().invoke(
        cli,
        ["--project", str(root), "export", str(source), "--to", "es", "-o", str(out)] + list(extra),
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    return out, result


def underlined(path: Path) -> list[str]:
    return [
        run.text
        for paragraph in docx.Document(str(path)).paragraphs
        for run in paragraph.runs
        if run.underline == WD_UNDERLINE.DOTTED
    ]


def test_the_word_translation_alone_marks_no_terms_unless_asked(report: Path) -> None:
    out, _ = export(report, "report.es.docx", "--target-only")
    texts = [paragraph.text for paragraph in docx.Document(str(out)).paragraphs]
    assert underlined(out) == []
    assert not any(LEGEND in text for text in texts), texts
    assert texts[-1] == "Todo lector debe ver esto."
    out, _ = export(report, "review.es.docx", "--target-only", "--term-marks")
    assert "comunidad de futuro compartido de la humanidad" in underlined(out)
    assert LEGEND in docx.Document(str(out)).paragraphs[-1].text


def test_the_html_translation_alone_marks_no_terms_unless_asked(report: Path) -> None:
    out, _ = export(report, "report.es.html", "--target-only")
    html = out.read_text(encoding="utf-8")
    assert 'class="term' not in html and LEGEND not in html
    out, _ = export(report, "review.es.html", "--target-only", "--term-marks")
    html = out.read_text(encoding="utf-8")
    assert 'class="term preferred"' in html and LEGEND in html


def test_a_bilingual_edition_marks_terms_as_before_and_on_request_not(report: Path) -> None:
    out, _ = export(report, "report.docx")
    word = docx.Document(str(out))
    assert LEGEND in word.paragraphs[-1].text
    out, _ = export(report, "plain.docx", "--no-term-marks")
    assert not any(LEGEND in p.text for p in docx.Document(str(out)).paragraphs)


def test_the_word_edition_keeps_the_sources_headers_and_footers(report: Path) -> None:
    for extra in (("--target-only",), ()):
        out, _ = export(report, "report.es.docx", *extra)
        section = docx.Document(str(out)).sections[0]
        header = section.header.paragraphs[0]
        assert header.text == "CONFIDENTIAL draft header"
        # Untranslated: Word proofs it as the source's English, not as Spanish.
        assert header.runs[0]._r.rPr.find(qn("w:lang")).get(qn("w:val")) == "en"
        fields = section.footer._element.iter(qn("w:fldSimple"))
        assert [field.get(qn("w:instr")) for field in fields] == ["PAGE"]


def test_bold_throughout_is_kept_and_bold_in_part_is_said_lost(report: Path) -> None:
    out, result = export(report, "report.es.docx", "--target-only")
    paragraphs = docx.Document(str(out)).paragraphs
    last = next(p for p in paragraphs if p.text.startswith("Todo"))
    assert [(run.text, run.bold) for run in last.runs] == [("Todo lector debe ver esto.", True)]
    # Where "Global governance" goes in the translation, nothing says: it is said, once.
    assert not any(run.bold for run in paragraphs[1].runs)
    assert result.stderr.count("bold or italic") == 1
    assert "note: 1 segment had bold or italic in the source that the edition cannot place" in (
        result.stderr
    )


def test_the_bilingual_source_column_keeps_its_bold_where_it_is(report: Path) -> None:
    out, _ = export(report, "report.docx")
    source = docx.Document(str(out)).tables[0].rows[2].cells[0].paragraphs[0]
    assert "".join(run.text for run in source.runs if run.bold) == "Global governance"
    assert source.text == (
        "China proposed the community of human destiny. Global governance needs reform."
    )


def test_an_html_edition_of_a_word_source_says_its_emphasis_is_lost(report: Path) -> None:
    _, result = export(report, "report.es.html", "--target-only")
    # No edition but Word's sets even a sentence bold throughout.
    assert "note: 2 segments had bold or italic in the source" in result.stderr


def test_a_character_style_is_emphasis_and_a_run_may_turn_it_off(tmp_path: Path) -> None:
    from termwise.export.docx_source import ITALIC, source_emphasis

    word = docx.Document()
    paragraph = word.add_paragraph("Read the ")
    paragraph.add_run("note", style="Emphasis")
    upright = paragraph.add_run(" here", style="Emphasis")
    upright.italic = False  # Word writes <w:i w:val="0"/>
    paragraph.add_run(".")
    path = tmp_path / "styled.docx"
    word.save(str(path))
    document = load_document(path)
    (segment,) = document.segments
    emphasis = source_emphasis(document)[segment.id]
    italic = "".join(
        char for char, flag in zip(segment.text, emphasis.flags, strict=True) if flag & ITALIC
    )
    assert italic == "note"
    assert emphasis.partial
