"""A segment another tool locked in the translation file with its own words (Weblate's
``#, read-only`` beside ``#. Locked in Weblate: legal text``) is refused with those words,
in the workbench's session and in ``termwise fix``'s list of issues left: the reason was
said as the bare flag, as only termwise's own comments were read as one. termwise's own
machine lines (the glossary's) are no reason, and a segment termwise's import locked keeps
the import's reason alone, not the imported file's note on its source."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from termwise.cli import cli
from termwise.errors import TermwiseError
from termwise.project.layout import ProjectLayout
from termwise.project.translation_file import TranslationFile
from termwise.review.session import ReviewSession

from .read_only_project import QUOTED, make_read_only_project

FIRST = "We build a community with a shared future for mankind."
FIRST_ES = "Construimos una comunidad de destino de la humanidad."
WEBLATE = "Locked in Weblate: legal text"
SAID = f"flagged 'read-only' in the translation file (#, read-only): {WEBLATE}"
IMPORT_REASON = 'Not for translation (translate="no" in in.xlf): keep the text as it is'


@pytest.fixture
def project(tmp_path: Path, argos_env: Path) -> tuple[ProjectLayout, Path]:
    """The read-only project, its first segment then locked in Weblate (the file edited as
    Weblate's commit leaves it: its comment and flag above the entry), beside a glossary
    line termwise's constrained MT wrote."""
    layout, document = make_read_only_project(tmp_path)
    po = layout.translation_file(document, "es")
    text = po.read_text(encoding="utf-8")
    entry = '#, fuzzy\nmsgctxt "'
    at = text.index(entry)
    assert text.index(FIRST) > at
    locked = f'#. {WEBLATE}\n#. glossary: T01 humanidad\n#, fuzzy, read-only\nmsgctxt "'
    po.write_text(text[:at] + locked + text[at + len(entry) :], encoding="utf-8")
    return layout, document


def test_the_session_says_the_other_tools_reason(project: tuple[ProjectLayout, Path]) -> None:
    session = ReviewSession(*project, "es")
    first, quoted, _other, _saved = (row.segment_id for row in session.rows)
    assert session.read_only_reason(first) == SAID
    with pytest.raises(TermwiseError) as refused:
        session.set_target(first, "Otra cosa.")
    assert str(refused.value) == f"#1 is read-only, so editing is refused: {SAID}."
    # The import's own lock: its reason, not the XLIFF's developer note on the source.
    assert session.unit(quoted).source == QUOTED
    assert session.read_only_reason(quoted) == IMPORT_REASON


def test_fix_lists_the_other_tools_reason(project: tuple[ProjectLayout, Path]) -> None:
    layout, document = project
    run = CliRunner().invoke(
        cli,
        ["--project", str(layout.root), "fix", str(document), "--to", "es", "--everywhere"]
        + ["--check", "term-forbidden"],
        catch_exceptions=False,
    )
    assert run.exit_code == 0, run.output
    assert f"“comunidad de destino de la humanidad”: read-only: {SAID}" in run.output
    units = {u.source: u for u in TranslationFile.load(layout.translation_file(document, "es"))}
    assert units[FIRST].target == FIRST_ES
