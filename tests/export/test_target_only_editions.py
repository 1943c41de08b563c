"""An edition of the translation alone says what it is and prints its title once."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest

from termwise.project.translations import open_translation

from .sample_project import Project


def export(project: Project, fmt: str, *extra: str) -> tuple[Path, str]:
    out = project.root / f"edition.{fmt}"
    result = project.run(
        "export", str(project.paper), "--to", "es", "--format", fmt, "-o", str(out), *extra
    )
    assert result.exit_code == 0, result.output
    return out, result.stdout


@pytest.mark.parametrize(
    ("fmt", "bilingual", "target_only"),
    [
        ("html", "standalone HTML edition, side by side", "standalone HTML edition of the translation"),
        ("docx", "Word edition (two-column table)", "Word edition of the translation"),
        ("md", "Markdown edition", "Markdown edition of the translation"),
        ("txt", "plain-text edition", "plain-text edition of the translation"),
    ],
)  # fmt: skip
def test_the_message_names_the_edition_written(
    project: Project, fmt: str, bilingual: str, target_only: str
) -> None:
    out, said = export(project, fmt)
    assert said == f"Wrote {bilingual} to {out}\n"
    out, said = export(project, fmt, "--target-only")
    assert said == f"Wrote {target_only} to {out}\n"


def headings(path: Path) -> list[tuple[str, str]]:
    return [
        (tag, re.sub(r"<[^>]+>", "", inner))
        for tag, inner in re.findall(r"<(h[12])>(.*?)</\1>", path.read_text(encoding="utf-8"))
    ]


def test_html_prints_the_title_once(project: Project) -> None:
    out, _ = export(project, "html", "--target-only")
    assert headings(out) == [("h1", "Comunidad de destino"), ("h2", "Conclusión")]
    assert "<title>Comunidad de destino</title>" in out.read_text(encoding="utf-8")


def test_docx_prints_the_title_once(project: Project) -> None:
    out, _ = export(project, "docx", "--target-only")
    word = docx.Document(str(out))
    styled = [(p.style.name, p.text) for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert styled == [("Heading 1", "Comunidad de destino"), ("Heading 2", "Conclusión")]


def test_markdown_prints_the_title_once(project: Project) -> None:
    out, _ = export(project, "md", "--target-only")
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [line for line in lines if line.startswith("#")] == [
        "# Comunidad de destino",
        "## Conclusión",
    ]


def test_an_unreviewed_title_keeps_its_mark_in_the_heading(project: Project) -> None:
    tfile = open_translation(project.layout, project.document, "es")
    title = tfile.units[project.document.segments[0].id]
    title.set_translation("Comunidad de destino")  # edited, not reviewed
    tfile.save()
    out, _ = export(project, "html", "--target-only", "--include-unreviewed")
    assert headings(out) == [("h1", "Comunidad de destino†"), ("h2", "Conclusión")]
    word = docx.Document(str(export(project, "docx", "--target-only", "--include-unreviewed")[0]))
    assert word.paragraphs[0].text == "Comunidad de destino†"
    # Left out, the title says so, once; the source's title would pass for the translation's
    # (the subtitle names the original).
    out, _ = export(project, "html", "--target-only")
    assert headings(out) == [("h1", "[untranslated]"), ("h2", "Conclusión")]


def test_a_given_title_leaves_the_translated_heading_in_place(project: Project) -> None:
    out, _ = export(project, "html", "--target-only", "--title", "Un futuro compartido")
    assert headings(out) == [
        ("h1", "Un futuro compartido"),
        ("h2", "Comunidad de destino"),
        ("h2", "Conclusión"),
    ]
    out, _ = export(project, "md", "--target-only", "--title", "Un futuro compartido")
    assert out.read_text(encoding="utf-8").startswith(
        "# Un futuro compartido\n\n## Comunidad de destino\n"
    )
