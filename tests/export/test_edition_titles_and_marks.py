"""Titles printed once, the marks explained in every format, and the Word edition's
languages, repeated header row and drafts that keep their emphasis."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml.ns import qn

from termwise.project.translations import open_translation

from .audit_projects import export, make
from .sample_project import Project


def unreview_title(project: Project) -> None:
    tfile = open_translation(project.layout, project.document, "es")
    tfile.units[project.document.segments[0].id].set_translation("Comunidad de destino")
    tfile.save()


def run(project: Project, name: str, *extra: str) -> Path:
    return export(project.paper, name, *extra)


def test_markdown_without_the_titles_translation_has_one_title(project: Project) -> None:
    unreview_title(project)
    lines = run(project, "t.md", "--target-only").read_text(encoding="utf-8").splitlines()
    assert [line for line in lines if line.startswith("#")] == [
        "# [untranslated]",
        "## Conclusión",
    ]
    assert "Community of Destiny" not in "\n".join(lines)


def test_word_without_the_titles_translation_has_one_title(project: Project) -> None:
    unreview_title(project)
    document = docx.Document(str(run(project, "t.docx", "--target-only")))
    headings = [
        (p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")
    ]
    assert headings == [("Heading 1", "[untranslated]"), ("Heading 2", "Conclusión")]


def test_bilingual_markdown_prints_the_title_once(project: Project) -> None:
    lines = run(project, "b.md").read_text(encoding="utf-8").splitlines()
    assert lines[:3] == ["# Community of Destiny", "# Comunidad de destino", ""]
    assert [line for line in lines if line.startswith("#")] == [
        "# Community of Destiny",
        "# Comunidad de destino",
        "## Conclusion",
        "## Conclusión",
    ]


def test_bilingual_markdown_with_a_given_title_keeps_the_title_row(project: Project) -> None:
    lines = run(project, "b.md", "--title", "A shared future").read_text(encoding="utf-8")
    assert lines.startswith("# A shared future\n\n## Community of Destiny\n")


def test_markdown_and_word_say_what_untranslated_means(project: Project) -> None:
    # The translation alone, for its reader, says it in a few words, with no word on review.
    notes: list[tuple[tuple[str, ...], str]] = [
        ((), "[untranslated]: no reviewed translation yet"),
        (("--target-only",), "[untranslated]: translation to follow"),
    ]
    for extra, note in notes:
        text = run(project, "t.md", *extra).read_text(encoding="utf-8")
        assert text.endswith(f"*{note}*\n")
        document = docx.Document(str(run(project, "t.docx", *extra)))
        legend = [p for p in document.paragraphs if p.text == note]
        assert len(legend) == 1 and legend[0].runs[0].italic
    # With the drafts printed, "[untranslated]" is what it says: no note, as in HTML.
    text = run(project, "t.md", "--target-only", "--include-unreviewed").read_text("utf-8")
    assert "[untranslated]:" not in text


def test_word_header_row_repeats_on_every_page(project: Project) -> None:
    document = docx.Document(str(run(project, "b.docx")))
    header = document.tables[0].rows[0]._tr
    assert header.trPr is not None and header.trPr.find(qn("w:tblHeader")) is not None
    assert document.tables[0].rows[1]._tr.trPr is None


def languages_of(paragraph: docx.text.paragraph.Paragraph) -> set[str | None]:
    found = set()
    for run in paragraph.runs:
        if not run.text.strip():
            continue
        rpr = run._r.rPr
        lang = None if rpr is None else rpr.find(qn("w:lang"))
        found.add(None if lang is None else lang.get(qn("w:val")))
    return found


def test_word_columns_carry_their_languages(project: Project) -> None:
    document = docx.Document(str(run(project, "b.docx", "--include-unreviewed")))
    for row in document.tables[0].rows[1:]:
        source, target = row.cells
        assert languages_of(source.paragraphs[0]) == {"en"}
        assert languages_of(target.paragraphs[0]) <= {"es"}


def test_word_translation_alone_is_in_its_language(project: Project) -> None:
    document = docx.Document(str(run(project, "t.docx", "--target-only", "--include-unreviewed")))
    defaults = document.styles.element.find(qn("w:docDefaults"))
    lang = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:lang"))
    assert lang.get(qn("w:val")) == "es"
    # The edition's own words are English.
    assert languages_of(document.paragraphs[-1]) == {"en"}


def test_word_chinese_is_proofed_as_east_asian_text(tmp_path: Path) -> None:
    source = make(tmp_path, "p.txt", "One sentence here.\n", lambda s: ("一句话。", True), "zh")
    document = docx.Document(str(export(source, "p.docx", lang="zh")))
    run_element = document.tables[0].rows[1].cells[1].paragraphs[0].runs[0]._r
    lang = run_element.rPr.find(qn("w:lang"))
    assert lang.get(qn("w:val")) == "zh" and lang.get(qn("w:eastAsia")) == "zh"


def test_word_drafts_keep_their_emphasis(tmp_path: Path) -> None:
    source = make(
        tmp_path, "d.md", "# T\n\nA *word* here.\n", lambda s: ("Una *palabra* aquí.", False)
    )
    document = docx.Document(str(export(source, "d.docx", "--target-only", "--include-unreviewed")))
    runs = [
        (run.text, bool(run.italic), str(run.font.color.rgb)) for run in document.paragraphs[1].runs
    ]
    assert runs == [
        ("Una ", False, "B45F06"),
        ("palabra", True, "B45F06"),
        (" aquí.", False, "B45F06"),
        ("†", False, "B45F06"),
    ]
    legend = "† machine translation or draft, not yet reviewed, in orange"
    assert legend in [p.text for p in document.paragraphs]
