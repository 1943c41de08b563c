"""What a list item the translation leaves out holds, in every edition of the translation.

Code in a left-out step stayed in the translation's list as an item of its own ("1. torque
250" before the two steps the translator wrote); an item kept empty to hold a translated
nested item or paragraph was a bare "1." line in the text edition and an empty numbered
paragraph in the Word edition.
"""

from __future__ import annotations

import re
from pathlib import Path

import docx
from markdown_it import MarkdownIt

from termwise.document import load_document
from termwise.project.layout import ProjectLayout
from termwise.project.translations import open_translation

from .sample_project import Project
from .test_omitted_list_items import CONFIRMED

# A step whose code goes with it, and one whose code stays: it holds a translated item.
PAPER = """# Checklist

1. Bring the torque wrench.

   ```
   torque 250
   ```
2. Bring the multimeter.
3. Bring the radio.

- Tools are listed below.
  - Spades dig the beds.
- Seeds come from the cooperative.

1. Check the pump.
2. Replace the filter.

   ```
   filter 7
   ```

   - Keep the old one.
3. Close the valve.
"""

TRANSLATIONS = {
    "Checklist": "Lista",
    "Bring the multimeter.": "Traiga el multímetro.",
    "Bring the radio.": "Traiga la radio.",
    "Spades dig the beds.": "Las palas cavan los bancales.",
    "Seeds come from the cooperative.": "Las semillas vienen de la cooperativa.",
    "Check the pump.": "Revise la bomba.",
    "Keep the old one.": "Guarde el viejo.",
    "Close the valve.": "Cierre la válvula.",
}
CONFIRMED_OMISSIONS = {
    "Bring the torque wrench.",
    "Tools are listed below.",
    "Replace the filter.",
}


def make_project(tmp_path: Path) -> Project:
    root = tmp_path / "proj"
    root.mkdir()
    paper = root / "checklist.md"
    paper.write_text(PAPER, encoding="utf-8")
    layout = ProjectLayout.at(root)
    document = load_document(paper)
    tfile = open_translation(layout, document, "es")
    assert {unit.source for unit in tfile.units.values()} == {
        *TRANSLATIONS,
        *CONFIRMED_OMISSIONS,
    }
    for unit in tfile.units.values():
        if unit.source in TRANSLATIONS:
            unit.set_translation(TRANSLATIONS[unit.source], reviewed=True)
        else:
            unit.comments = (CONFIRMED,)
    tfile.save()
    return Project(root=root, layout=layout, paper=paper, document=document)


def export(project: Project, name: str, *extra: str) -> Path:
    out = project.root / name
    result = project.run("export", str(project.paper), "--to", "es", "-o", str(out), *extra)
    assert result.exit_code == 0, result.output
    return out


def test_code_in_a_left_out_step_goes_with_it(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    markdown = export(project, "checklist.es.md", "--target-only").read_text(encoding="utf-8")
    html = MarkdownIt("commonmark").render(markdown)
    assert "torque 250" not in html
    assert html.startswith(
        "<h1>Lista</h1>\n<ol>\n<li>Traiga el multímetro.</li>\n<li>Traiga la radio.</li>\n</ol>\n"
    )
    # Code in a left-out step that holds a translated item stays, with that item, in the
    # step's place: the list counts on to 3.
    assert (
        "<ol>\n<li>Revise la bomba.</li>\n"
        "<li>\n<pre><code>filter 7\n</code></pre>\n<ul>\n<li>Guarde el viejo.</li>\n</ul>\n</li>\n"
        "<li>Cierre la válvula.</li>\n</ol>\n"
    ) in html


def test_the_other_editions_leave_the_code_out_too(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    text = export(project, "checklist.es.txt", "--target-only").read_text(encoding="utf-8")
    assert "torque" not in text
    assert "1. Traiga el multímetro.\n2. Traiga la radio.\n" in text
    page = export(project, "checklist.es.html", "--target-only").read_text(encoding="utf-8")
    assert "torque" not in page
    bilingual = export(project, "checklist.html").read_text(encoding="utf-8")
    # The source's column keeps the step and its code; the translation's has neither.
    assert bilingual.count("torque 250") == 1
    word = docx.Document(str(export(project, "checklist.es.docx", "--target-only")))
    texts = [paragraph.text for paragraph in word.paragraphs]
    assert "torque 250" not in texts
    assert texts[1:3] == ["Traiga el multímetro.", "Traiga la radio."]


def test_the_text_edition_writes_what_an_empty_item_holds_on_its_marker_line(
    tmp_path: Path,
) -> None:
    project = make_project(tmp_path)
    text = export(project, "checklist.es.txt", "--target-only").read_text(encoding="utf-8")
    lines = text.splitlines()
    assert not [line for line in lines if re.fullmatch(r"\s*(?:-|\d+\.)", line)]
    assert "- - Las palas cavan los bancales." in lines
    start = lines.index("1. Revise la bomba.")
    assert lines[start : start + 4] == [
        "1. Revise la bomba.",
        "2.     filter 7",
        "   - Guarde el viejo.",
        "3. Cierre la válvula.",
    ]


def _numbering(paragraph: docx.text.paragraph.Paragraph) -> str | None:
    properties = paragraph._p.pPr
    if properties is None or properties.numPr is None:
        return None
    return str(properties.numPr.numId.val)


def test_the_word_edition_writes_no_empty_list_paragraph(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    word = docx.Document(str(export(project, "checklist.es.docx", "--target-only")))
    listed = [paragraph for paragraph in word.paragraphs if paragraph.style.name.startswith("List")]
    assert [paragraph.text for paragraph in listed] == [
        "Traiga el multímetro.",
        "Traiga la radio.",
        # The left-out item's paragraph holds its translated nested item, marker and all.
        "\u2022 Las palas cavan los bancales.",
        "Las semillas vienen de la cooperativa.",
        "Revise la bomba.",
        "filter 7",
        "Guarde el viejo.",
        "Cierre la válvula.",
    ]
    # The kept step is counted: one numbering for the three, so Word numbers them 1-3.
    steps = [listed[4], listed[5], listed[7]]
    assert all(paragraph.style.name == "List Number" for paragraph in steps)
    assert len({_numbering(paragraph) for paragraph in steps}) == 1
    assert _numbering(steps[0]) is not None
    assert listed[6].style.name == "List Bullet 2"
    assert listed[5].runs[0].font.name == "Consolas"


def test_the_bilingual_word_edition_writes_no_empty_list_paragraph(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    word = docx.Document(str(export(project, "checklist.docx")))
    table = word.tables[0]
    translated = [
        paragraph.text
        for row in table.rows[1:]
        for paragraph in row.cells[1].paragraphs
        if paragraph.style.name.startswith("List")
    ]
    assert "" not in translated
    assert "\u2022 Las palas cavan los bancales." in translated
    assert "torque 250" not in translated
