"""``export --title-lang``: a title written in another language than the edition marks it with.

A bilingual edition is a page in the source's language, so a ``--title`` written in the
target language was marked as the source's (a screen reader read "Una comunidad" with an
English voice, Word proofed it as English). A short title tells too little to guess its
language from, so the user says it; without the option nothing changes.
"""

from __future__ import annotations

import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import docx
from docx.oxml.ns import qn

from .sample_project import Project

TITLE = "Una comunidad de futuro compartido"


class _Langs(HTMLParser):
    """The ``lang`` of the page and of its ``<title>`` and ``<h1>`` elements, as a browser
    reads them (an element without one has its parent's)."""

    def __init__(self) -> None:
        super().__init__()
        self.found: dict[str, list[str | None]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("html", "title", "h1"):
            self.found.setdefault(tag, []).append(dict(attrs).get("lang"))


def langs(html: str) -> dict[str, list[str | None]]:
    parser = _Langs()
    parser.feed(html)
    return parser.found


def export(project: Project, name: str, *extra: str) -> Path:
    out = project.root / name
    result = project.run("export", str(project.paper), "--to", "es", "-o", str(out), *extra)
    assert result.exit_code == 0, result.output
    return out


def test_a_bilingual_edition_marks_a_title_in_the_target_language(project: Project) -> None:
    html = export(project, "paper.html", "--title", TITLE, "--title-lang", "es").read_text(
        encoding="utf-8"
    )
    found = langs(html)
    # The page stays the source's: its rows' left column and termwise's own words are.
    assert found["html"] == ["en"]
    assert found["title"] == ["es"]
    # The header's title, the page's first <h1>.
    assert found["h1"][0] == "es"
    assert f'<h1 lang="es">{TITLE}</h1>' in html


def test_a_translated_edition_marks_a_title_in_the_source_language(project: Project) -> None:
    html = export(
        project,
        "paper.target.html",
        "--target-only",
        "--title",
        "Community of Destiny",
        "--title-lang",
        "en-GB",
    ).read_text(encoding="utf-8")
    found = langs(html)
    assert found["html"] == ["es"]
    assert found["title"] == ["en-GB"] and found["h1"] == ["en-GB"]


def test_without_the_option_the_title_is_marked_as_before(project: Project) -> None:
    html = export(project, "paper.html", "--title", TITLE).read_text(encoding="utf-8")
    assert f"<title>{TITLE}</title>" in html and f"<h1>{TITLE}</h1>" in html


def test_the_word_edition_proofs_the_title_in_its_language(project: Project) -> None:
    out = export(project, "paper.docx", "--title", TITLE, "--title-lang", "es")
    heading = docx.Document(str(out)).paragraphs[0]
    assert heading.text == TITLE
    tags = [run._r.find(qn("w:rPr")).find(qn("w:lang")).get(qn("w:val")) for run in heading.runs]
    assert tags and set(tags) == {"es"}


def _termwise(project: Project, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "termwise.cli", "--project", str(project.root), *args],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_a_title_language_is_a_language_tag_and_needs_a_title(project: Project) -> None:
    out = project.root / "paper.html"
    base = ["export", str(project.paper), "--to", "es", "-o", str(out)]
    bad = _termwise(project, *base, "--title", TITLE, "--title-lang", "spanish-ish")
    assert bad.returncode != 0
    assert "--title-lang" in bad.stderr and "spanish-ish" in bad.stderr
    alone = _termwise(project, *base, "--title-lang", "es")
    assert alone.returncode != 0 and "--title" in alone.stderr
    assert not out.exists()


def test_a_markdown_or_text_edition_says_the_title_language_has_no_effect(
    project: Project,
) -> None:
    # Accepted silently, it left the user believing the title was marked.
    for name in ("edition.md", "edition.txt"):
        out = project.root / name
        base = ["export", str(project.paper), "--to", "es", "-o", str(out), "--title", TITLE]
        marked = _termwise(project, *base, "--title-lang", "es")
        assert marked.returncode == 0, marked.stderr
        [note] = [line for line in marked.stderr.splitlines() if "--title-lang" in line]
        assert note.startswith("note: ") and "mark no language" in note
        assert TITLE in out.read_text(encoding="utf-8")
        plain = _termwise(project, *base)
        assert plain.returncode == 0 and "--title-lang" not in plain.stderr
    html = _termwise(
        project,
        *["export", str(project.paper), "--to", "es", "-o", str(project.root / "paper.html")],
        *["--title", TITLE, "--title-lang", "es"],
    )
    assert html.returncode == 0 and "--title-lang" not in html.stderr
