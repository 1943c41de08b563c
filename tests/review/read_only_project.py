"""A small project with read-only segments, made as a user makes one: an XLIFF file from
another tool, imported with ``termwise import``, in which two units are marked
``translate="no"`` (one keeps a translation of its own, one the source) beside one to
translate. The glossary is the review tests' (``support.review_project``): its superseded
Spanish rendering of T01 gives a translation issue with an automatic fix."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from support.review_project import write_test_glossary
from termwise.cli import cli
from termwise.project.layout import ProjectLayout

DOC = (
    "We build a community with a shared future for mankind.\n\n"
    "A community with a shared future for mankind is the goal. Nothing else happened.\n\n"
    "The file was saved.\n"
)

XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file original="doc.txt" source-language="en" target-language="es" datatype="plaintext">
<body>
<trans-unit id="1"><source>We build a community with a shared future for mankind.</source>
<target state="translated">Construimos una comunidad de destino de la humanidad.</target>
</trans-unit>
<group id="quoted" translate="no">
<trans-unit id="2"><source>A community with a shared future for mankind is the goal.</source>
<target state="final">La comunidad de destino de la humanidad es la meta.</target>
<note from="developer">Quoted from the 2017 report</note>
</trans-unit>
</group>
<trans-unit id="3" translate="no"><source>The file was saved.</source></trans-unit>
</body>
</file>
</xliff>
"""

# Segments (rows): #1 to translate; #2 read-only, with a translation of its own; #3, in the
# same paragraph, to translate; #4 read-only, the source kept as its text.
QUOTED = "A community with a shared future for mankind is the goal."
SAVED = "The file was saved."


def make_read_only_project(tmp_path: Path) -> tuple[ProjectLayout, Path]:
    """The project and its document, after the import."""
    root = tmp_path / "proj"
    root.mkdir()
    write_test_glossary(root / "glossary")
    document = root / "doc.txt"
    document.write_text(DOC, encoding="utf-8")
    xliff = tmp_path / "in.xlf"
    xliff.write_text(XLIFF, encoding="utf-8")
    result = CliRunner().invoke(
        cli,
        ["--project", str(root), "import", str(xliff), "--doc", str(document), "--to", "es"],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    assert "2 segments marked read-only" in result.output, result.output
    return ProjectLayout.at(root), document
