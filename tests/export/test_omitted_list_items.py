"""A list item the translation leaves out whole is no item of the translation's list.

Printed empty, it was a bare "-" in the Markdown edition, which CommonMark reads under the
parent item's text as a setext underline (the parent became an <h2>), and an empty item in
the other editions; an ordered list that lost its first item counted from 2.
"""

from __future__ import annotations

import re
from pathlib import Path

import docx
from markdown_it import MarkdownIt

from termwise.document import load_document
from termwise.project.layout import ProjectLayout
from termwise.project.omissions import IN_NEIGHBOUR_NOTE
from termwise.project.translations import open_translation

from .sample_project import Project

PAPER = """# Plan

- The first part is about water.
  - Rivers carry silt to the sea.
  - Lakes keep water for the dry months.
- The second part is about soil.

1. Plant the seeds in spring.
2. Water them every morning.
3. Harvest them in autumn.

- Tools are listed below.
  - Spades dig the beds.
- Old tools are kept.
  - Rakes are kept too.
- Seeds come from the cooperative.
"""

TRANSLATIONS = {
    "Plan": "Plan",
    "The first part is about water.": "La primera parte trata del agua.",
    "Lakes keep water for the dry months.": "Los lagos guardan agua para los meses secos.",
    "The second part is about soil.": "La segunda parte trata del suelo.",
    "Water them every morning.": "Riéguelas cada mañana.",
    "Harvest them in autumn.": "Coséchelas en otoño.",
    "Spades dig the beds.": "Las palas cavan los bancales.",
    "Seeds come from the cooperative.": "Las semillas vienen de la cooperativa.",
}
# What the aligner writes on a source sentence the translation lacks, once the translator
# confirmed it (``review.alignment.confirm``).
CONFIRMED = (
    "align: confidence 1.00, group 1-0, no counterpart in the translation, confirmed in review"
)
CONFIRMED_OMISSIONS = {
    "Rivers carry silt to the sea.",
    "Tools are listed below.",
    "Old tools are kept.",
    "Rakes are kept too.",
}

# The translation's lists as CommonMark reads the target-only Markdown edition: the first
# nested item gone (its parent no heading), the ordered list counting from 1 again, an item
# whose nested item has a translation kept to hold it, one whose nested items have none gone
# with them.
TARGET_LISTS = """<ul>
<li>La primera parte trata del agua.
<ul>
<li>Los lagos guardan agua para los meses secos.</li>
</ul>
</li>
<li>La segunda parte trata del suelo.</li>
</ul>
<ol>
<li>Riéguelas cada mañana.</li>
<li>Coséchelas en otoño.</li>
</ol>
<ul>
<li>
<ul>
<li>Las palas cavan los bancales.</li>
</ul>
</li>
<li>Las semillas vienen de la cooperativa.</li>
</ul>
"""


def make_omitting_project(tmp_path: Path) -> Project:
    root = tmp_path / "proj"
    root.mkdir()
    paper = root / "paper.md"
    paper.write_text(PAPER, encoding="utf-8")
    layout = ProjectLayout.at(root)
    document = load_document(paper)
    tfile = open_translation(layout, document, "es")
    ids = {unit.source: segment_id for segment_id, unit in tfile.units.items()}
    for unit in tfile.units.values():
        if unit.source in TRANSLATIONS:
            unit.set_translation(TRANSLATIONS[unit.source], reviewed=True)
        elif unit.source in CONFIRMED_OMISSIONS:
            unit.comments = (CONFIRMED,)
        elif unit.source == "Plant the seeds in spring.":
            # Its translation waits in the segment before it (a cut sentence's later part).
            unit.notes = f"{IN_NEIGHBOUR_NOTE}{ids['Plan']}, carried over whole"
    tfile.save()
    return Project(root=root, layout=layout, paper=paper, document=document)


def export(project: Project, name: str, *extra: str) -> str:
    out = project.root / name
    result = project.run("export", str(project.paper), "--to", "es", "-o", str(out), *extra)
    assert result.exit_code == 0, result.output
    return str(out)


def rendered(path: str) -> str:
    return MarkdownIt("commonmark").render(Path(path).read_text(encoding="utf-8"))


def test_the_translated_markdown_edition_leaves_the_items_out(tmp_path: Path) -> None:
    project = make_omitting_project(tmp_path)
    html = rendered(export(project, "paper.es.md", "--target-only"))
    assert "<h2>" not in html
    assert html == "<h1>Plan</h1>\n" + TARGET_LISTS


def test_the_bilingual_markdown_edition_keeps_them_on_the_source_side(tmp_path: Path) -> None:
    project = make_omitting_project(tmp_path)
    html = rendered(export(project, "paper.bilingual.md"))
    assert "<h2>" not in html
    assert "<li>Rivers carry silt to the sea.</li>" in html
    assert "<li>Plant the seeds in spring.</li>" in html
    # The translation's lists, each after the source's, as the translated edition has them.
    for translated in re.split(r"(?<=</ul>\n|</ol>\n)(?=<ul>|<ol>)", TARGET_LISTS):
        assert translated in html
    assert "<li></li>" not in html


def test_the_html_edition_prints_no_empty_item(tmp_path: Path) -> None:
    project = make_omitting_project(tmp_path)
    page = Path(export(project, "paper.es.html", "--target-only")).read_text(encoding="utf-8")
    page = re.sub(r"</?span[^>]*>", "", page)
    items = re.findall(r"<li>(.*?)(?:</li>|\n|<ul>)", page)
    assert "" in items  # the item that holds a translated nested item
    assert items.count("") == 1
    assert "Rakes" not in page
    ordered = re.search(r"<ol[^>]*>(.*?)</ol>", page, re.DOTALL)
    assert ordered is not None
    assert ordered.group(0).startswith("<ol>")  # from 1, as the source's
    assert re.findall(r"<li>(.*?)</li>", ordered.group(1)) == [
        "Riéguelas cada mañana.",
        "Coséchelas en otoño.",
    ]


def test_the_text_edition_prints_no_bare_marker_for_a_left_out_item(tmp_path: Path) -> None:
    project = make_omitting_project(tmp_path)
    text = Path(export(project, "paper.es.txt", "--target-only")).read_text(encoding="utf-8")
    lines = text.splitlines()
    assert "    - Los lagos guardan agua para los meses secos." not in lines
    assert "  - Los lagos guardan agua para los meses secos." in lines
    assert lines.count("  -") == 0
    assert "1. Riéguelas cada mañana." in lines
    assert "2. Coséchelas en otoño." in lines


def test_the_word_edition_numbers_the_translation_s_list_from_its_start(tmp_path: Path) -> None:
    project = make_omitting_project(tmp_path)
    word = docx.Document(export(project, "paper.es.docx", "--target-only"))
    listed = [
        paragraph.text for paragraph in word.paragraphs if paragraph.style.name.startswith("List")
    ]
    assert listed == [
        "La primera parte trata del agua.",
        "Los lagos guardan agua para los meses secos.",
        "La segunda parte trata del suelo.",
        "Riéguelas cada mañana.",
        "Coséchelas en otoño.",
        # The item kept to hold the translated nested item has it on its paragraph.
        "\u2022 Las palas cavan los bancales.",
        "Las semillas vienen de la cooperativa.",
    ]


def test_the_bilingual_html_edition_leaves_them_out_of_the_translation_s_column(
    tmp_path: Path,
) -> None:
    project = make_omitting_project(tmp_path)
    page = Path(export(project, "paper.html")).read_text(encoding="utf-8")
    page = re.sub(r"</?span[^>]*>", "", page)
    rows = re.findall(
        r'<tr class="list"><td lang="en">(.*?)</td><td lang="es">(.*?)</td></tr>', page, re.DOTALL
    )
    assert len(rows) == 3
    source, target = rows[1]
    assert re.findall(r"<li>(.*?)</li>", source) == [
        "Plant the seeds in spring.",
        "Water them every morning.",
        "Harvest them in autumn.",
    ]
    assert target.startswith("<ol>")
    assert re.findall(r"<li>(.*?)</li>", target) == [
        "Riéguelas cada mañana.",
        "Coséchelas en otoño.",
    ]
    assert "<li></li>" not in rows[0][1]
