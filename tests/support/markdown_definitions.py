"""What the Markdown tests of link reference definitions share: reading a document, its
definitions as markdown-it keys them, and the target-only Markdown edition of a text."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from markdown_it import MarkdownIt

from termwise.cli import cli
from termwise.document import load_document, parse_document
from termwise.document.markdown_comments import normalize_label
from termwise.document.model import Document
from termwise.project.layout import ProjectLayout
from termwise.project.translations import open_translation

COMMONMARK = MarkdownIt("commonmark")


def read(text: str) -> Document:
    return parse_document(text, lang="en", fmt="markdown")


def texts(document: Document) -> list[str]:
    return [segment.text for segment in document.segments]


def defined(document: Document) -> dict[str, tuple[str, str | None]]:
    """The document's definitions by label as markdown-it keys them (the first counts)."""
    found: dict[str, tuple[str, str | None]] = {}
    for definition in document.link_definitions:
        label = normalize_label(definition.label).upper()
        found.setdefault(label, (definition.destination, definition.title))
    return found


def commonmark_defined(text: str) -> dict[str, tuple[str, str | None]]:
    env: dict[str, dict[str, dict[str, str]]] = {}
    COMMONMARK.parse(text, env)
    return {
        label: (found["href"], found["title"] or None)
        for label, found in env.get("references", {}).items()
    }


def target_edition(tmp_path: Path, text: str) -> str:
    """The target-only Markdown edition of ``text``, each segment translated in capitals
    and reviewed."""
    root = tmp_path / "proj"
    root.mkdir()
    source = root / "links.md"
    source.write_text(text, encoding="utf-8")
    tfile = open_translation(ProjectLayout.at(root), load_document(source), "es")
    for unit in tfile.units.values():
        unit.set_translation(unit.source.upper(), reviewed=True)
    tfile.save()
    out = root / "links.es.md"
    result = CliRunner().invoke(
        cli,
        ["--project", str(root), "export", str(source), "--to", "es", "-o", str(out)]
        + ["--target-only"],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")
