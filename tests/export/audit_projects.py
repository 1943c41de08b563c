"""Small projects for the edition tests: a source of any format, its translation given."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner

from termwise.cli import cli
from termwise.document import load_document
from termwise.project.layout import ProjectLayout
from termwise.project.translations import open_translation

from .sample_project import DATA

# A translation for a source text: its text and whether it is reviewed; None leaves it out.
Translate = Callable[[str], tuple[str, bool] | None]


def reviewed_as_is(source: str) -> tuple[str, bool]:
    """The source's own text as its reviewed translation: an edition then shows what it is
    given, and what it shows can be compared with the text."""
    return source, True


def make(
    tmp_path: Path, name: str, content: str | bytes, translate: Translate, lang: str = "es"
) -> Path:
    """A project holding ``name`` and its translation into ``lang``; returns the source's
    path."""
    root = tmp_path / "proj"
    root.mkdir(exist_ok=True)
    source = root / name
    if isinstance(content, bytes):
        source.write_bytes(content)
    else:
        source.write_text(content, encoding="utf-8")
    layout = ProjectLayout.at(root)
    tfile = open_translation(layout, load_document(source), lang)
    for unit in tfile.units.values():
        found = translate(unit.source)
        if found is not None:
            unit.set_translation(found[0], reviewed=found[1])
    tfile.save()
    glossary = root / "glossary"
    glossary.mkdir(exist_ok=True)
    (glossary / "mini.tbx").write_bytes((DATA / "mini-glossary.tbx").read_bytes())
    return source


def export(source: Path, name: str, *extra: str, lang: str = "es") -> Path:
    out = source.parent / name
    result = CliRunner().invoke(
        cli,
        ["--project", str(source.parent), "export", str(source), "--to", lang, "-o", str(out)]
        + list(extra),
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    return out
