"""A small project on disk: a Markdown paper and its Spanish translation in every state."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner, Result

from termwise.cli import cli
from termwise.document import load_document
from termwise.document.model import Document
from termwise.project.layout import ProjectLayout
from termwise.project.translations import open_translation
from termwise.project.units import SegmentState

DATA = Path(__file__).resolve().parents[1] / "data" / "project"
SCHEMAS = Path(__file__).resolve().parents[1] / "schemas"

PAPER = """# Community of Destiny

China proposed the community of human destiny. It is a concept of life.

The Belt and Road Initiative connects many countries. Trade grew by 5% & more in 2020.

# Conclusion

Cooperation brings <win-win> results.
"""

TRANSLATIONS = {
    "Community of Destiny": ("Comunidad de destino", SegmentState.REVIEWED),
    "China proposed the community of human destiny.": (
        "China propuso la comunidad de futuro compartido de la humanidad.",
        SegmentState.REVIEWED,
    ),
    "It is a concept of life.": ("Es un concepto de vida.", SegmentState.MT),
    "The Belt and Road Initiative connects many countries.": (
        "La Iniciativa de la Franja y la Ruta conecta muchos países.",
        SegmentState.REVIEWED,
    ),
    "Trade grew by 5% & more in 2020.": (
        "El comercio creció un 5 % y más en 2020.",
        SegmentState.EDITED,
    ),
    "Conclusion": ("Conclusión", SegmentState.REVIEWED),
}


@dataclass
class Project:
    root: Path
    layout: ProjectLayout
    paper: Path
    document: Document

    def run(self, *args: str) -> Result:
        return CliRunner().invoke(cli, ["--project", str(self.root), *args], catch_exceptions=False)


def make_project(tmp_path: Path) -> Project:
    root = tmp_path / "proj"
    root.mkdir()
    paper = root / "paper.md"
    paper.write_text(PAPER, encoding="utf-8")
    layout = ProjectLayout.at(root)
    document = load_document(paper)
    tfile = open_translation(layout, document, "es")
    for unit in tfile.units.values():
        found = TRANSLATIONS.get(unit.source)
        if found is None:
            continue
        text, state = found
        if state is SegmentState.MT:
            unit.mt, unit.mt_engine, unit.mt_model = text, "apertium", "apertium-eng-spa"
            unit.set_translation(text)
        else:
            unit.set_translation(text, reviewed=state is SegmentState.REVIEWED)
        if unit.source.startswith("The Belt"):
            unit.notes = "Official name, CK-es 2017."
    tfile.save()
    (root / "glossary").mkdir()
    (root / "glossary" / "mini.tbx").write_bytes((DATA / "mini-glossary.tbx").read_bytes())
    return Project(root=root, layout=layout, paper=paper, document=document)
