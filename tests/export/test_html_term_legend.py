"""The HTML edition ends with what its glossary marks mean, as the Word edition does.

It marked terms (a dotted blue underline, a wavy orange one for a deprecated term) and said
nothing of them. The legend names only the marks the page shows, each description marked
as those terms are; on paper, where a preferred term prints unmarked and a deprecated one
dotted in no colour, it says that instead.
"""

from __future__ import annotations

import shutil
from html.parser import HTMLParser

from termwise.glossary import save_glossary
from termwise.glossary.model import Concept, Glossary, Term, TermStatus

from .sample_project import Project

VOID = {"meta", "col", "br", "link"}
# The style that shows each medium its own legend: only a page with the legend has it.
LEGEND_STYLE = "footer .print { display: none; }"


class Footer(HTMLParser):
    """The footer's text as a medium shows it: elements of the ``hidden`` class left out;
    and the term marks in it (their classes)."""

    def __init__(self, hidden: str) -> None:
        super().__init__()
        self.hidden = hidden
        self.stack: list[bool] = []  # per open element: whether it hides what it holds
        self.in_footer = False
        self.text: list[str] = []
        self.marks: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "footer":
            self.in_footer = True
        if tag == "br" and self.in_footer:
            self.text.append("\n")
        if tag in VOID:
            return
        classes = (dict(attrs).get("class") or "").split()
        self.stack.append(self.hidden in classes)
        if self.in_footer and "term" in classes:
            self.marks.append(" ".join(classes))

    def handle_endtag(self, tag: str) -> None:
        if tag == "footer":
            self.in_footer = False
        if tag not in VOID:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.in_footer and not any(self.stack):
            self.text.append(data)


def footer(html: str, hidden: str) -> tuple[str, list[str]]:
    """The footer's text with the ``hidden`` class's elements left out, and its marks."""
    parser = Footer(hidden)
    parser.feed(html)
    return " ".join("".join(parser.text).split()), parser.marks


def on_screen(html: str) -> str:
    return footer(html, "print")[0]


def on_paper(html: str) -> str:
    return footer(html, "screen")[0]


def export(project: Project, name: str, *options: str) -> str:
    out = project.root / name
    result = project.run("export", str(project.paper), "--to", "es", "-o", str(out), *options)
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


def test_the_html_edition_says_what_its_term_marks_mean(project: Project) -> None:
    html = export(project, "paper.html", "--include-unreviewed")
    # The page marks both kinds: the source's deprecated "community of human destiny", and
    # the preferred terms of both columns.
    assert 'class="term deprecated" data-concept="T01"' in html
    assert 'class="term preferred" data-concept="T08"' in html
    screen = on_screen(html)
    assert "Glossary terms, underlined: dotted blue, a preferred term; " in screen
    assert "wavy orange, a deprecated term." in screen
    assert "Pointing at a term shows its concept" in screen
    # Each description looks as the terms it describes do.
    assert footer(html, "print")[1] == ["term preferred", "term deprecated"]
    # On paper only the deprecated term is marked, dotted: the legend says so.
    assert on_paper(html) == (
        "† machine translation or draft, not yet reviewed "
        "Glossary terms, underlined: dotted, a deprecated term."
    )
    assert LEGEND_STYLE in html
    # termwise's own words, in English whatever the page's language.
    assert '<footer lang="en">' in html


def test_the_reviewed_edition_explains_its_marks_too(project: Project) -> None:
    html = export(project, "paper.html")
    screen = on_screen(html)
    assert screen.startswith("[untranslated]: no reviewed translation yet")
    assert "dotted blue, a preferred term; wavy orange, a deprecated term." in screen


def test_the_legend_names_only_the_marks_the_edition_shows(project: Project) -> None:
    # The translation alone uses the preferred terms only: no word of deprecated ones.
    html = export(project, "paper.es.html", "--target-only", "--term-marks")
    assert 'class="term preferred"' in html and 'class="term deprecated"' not in html
    screen = on_screen(html)
    assert "Glossary terms, underlined: dotted blue, a preferred term." in screen
    assert "deprecated" not in screen and "wavy" not in screen
    # On paper no term is marked, and no legend explains a mark that is not there.
    assert "Glossary terms" not in on_paper(html)


def test_a_term_shown_unmarked_needs_no_legend(project: Project) -> None:
    # The only term stands in an image's description, which the edition prints as text.
    project.paper.write_text(
        "# Maps\n\nSee ![the community of human destiny](map.png) here.\n", encoding="utf-8"
    )
    html = export(project, "paper.html", "--include-unreviewed")
    assert "the community of human destiny" in html
    assert 'class="term' not in html
    assert "Glossary terms" not in html and LEGEND_STYLE not in html


def test_an_edition_without_a_glossary_has_no_term_legend(project: Project) -> None:
    shutil.rmtree(project.root / "glossary")
    html = export(project, "paper.html", "--include-unreviewed")
    assert "Glossary terms" not in html and LEGEND_STYLE not in html
    assert on_screen(html) == "† machine translation or draft, not yet reviewed"


def test_the_legend_stays_out_of_the_edition_table(project: Project) -> None:
    # Its marks are no terms of the text: they name no concept, and the footer comes after
    # the table.
    html = export(project, "paper.html", "--include-unreviewed")
    assert html.index("</table>") < html.index("<footer")
    assert html.count('data-concept="') == html.count('class="term ') - 2


def test_the_legend_names_each_status_the_page_marks(project: Project) -> None:
    # An English term with no status, Spanish ones admitted and superseded, in the
    # translation of the paper's second paragraph.
    glossary = Glossary(
        [
            Concept(
                "T08",
                all_terms=[
                    Term("Belt and Road Initiative", "en", TermStatus.UNSPECIFIED),
                    Term("Iniciativa de la Franja y la Ruta", "es", TermStatus.ADMITTED),
                ],
            ),
            Concept(
                "T20",
                all_terms=[
                    Term("countries", "en", TermStatus.UNSPECIFIED),
                    Term("países", "es", TermStatus.SUPERSEDED),
                    Term("estados", "es"),
                ],
            ),
        ]
    )
    path = project.root.parent / "other.tbx"
    save_glossary(glossary, path)
    html = export(project, "paper.html", "--glossary", str(path))
    screen = on_screen(html)
    assert (
        "Glossary terms, underlined: dotted blue, an admitted term or one with no status; "
        "wavy orange, a superseded term." in screen
    ), screen
    assert footer(html, "print")[1] == ["term admitted", "term superseded"]
    assert on_paper(html) == (
        "[untranslated]: no reviewed translation yet "
        "Glossary terms, underlined: dotted, a superseded term."
    )
