"""``termwise import OTHER.po`` carries the imported file's header comment (Poedit's
"# Translators:" credits, a copyright and licence line) into the project file, below
termwise's own lines: the translators' credit and the terms their work comes under stay
with that work. xgettext's unfilled template comment is no credit and is not carried; an
import of the same file again adds nothing."""

from __future__ import annotations

import subprocess
from pathlib import Path

from click.testing import CliRunner, Result

from termwise.cli import cli
from termwise.project.translation_file import TranslationFile

DOC = "The file could not be read.\n\nThe file was saved.\n\nNothing else happened.\n"

CREDITS = """\
# Spanish translation of doc.
# Copyright (C) 2024 Doc Authors
# This file is distributed under the same license as the doc package.
#
# Translators:
# Ana García <ana@example.org>, 2024
# José Núñez <jose@example.org>, 2025
#
"""

ENTRIES = """\
msgid ""
msgstr ""
"Project-Id-Version: doc 1.0\\n"
"PO-Revision-Date: 2025-01-04 12:31+0100\\n"
"Last-Translator: José Núñez <jose@example.org>\\n"
"Language-Team: Spanish (https://app.transifex.com/doc/teams/1/es/)\\n"
"Language: es\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"
"X-Generator: Poedit 3.4.2\\n"

msgid "The file could not be read."
msgstr "No se pudo leer el archivo."

msgid "Nothing else happened."
msgstr "No pasó nada más."
"""

TEMPLATE_COMMENT = """\
# SOME DESCRIPTIVE TITLE.
# Copyright (C) YEAR THE PACKAGE'S COPYRIGHT HOLDER
# This file is distributed under the same license as the PACKAGE package.
# FIRST AUTHOR <EMAIL@ADDRESS>, YEAR.
#
"""


def run(root: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--project", str(root), *args], catch_exceptions=False)


def import_po(tmp_path: Path, text: str) -> str:
    """Import ``text`` as es.po into a fresh project (twice); the project file's text."""
    po = tmp_path / "es.po"
    po.write_text(text, encoding="utf-8")
    subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(po)], check=True)
    root = tmp_path / "proj"
    root.mkdir(exist_ok=True)
    (root / "doc.txt").write_text(DOC, encoding="utf-8")
    for _ in range(2):
        result = run(root, "import", str(po), "--doc", str(root / "doc.txt"), "--to", "es")
        assert result.exit_code == 0, result.output
    path = root / "translations" / "doc.es.po"
    subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], check=True)
    return path.read_text(encoding="utf-8")


def test_the_credits_and_licence_come_along(tmp_path: Path) -> None:
    saved = import_po(tmp_path, CREDITS + ENTRIES)
    comment = saved[: saved.index('msgid ""\n')]
    assert comment.startswith("# Translation of doc.txt into Spanish.\n")
    assert comment.endswith("#\n" + CREDITS)
    assert comment.count("# Translators:") == 1  # imported twice, carried once
    assert 'msgstr "No se pudo leer el archivo."' in saved


def test_the_unfilled_template_comment_does_not(tmp_path: Path) -> None:
    saved = import_po(tmp_path, TEMPLATE_COMMENT + ENTRIES)
    assert "SOME DESCRIPTIVE TITLE" not in saved and "FIRST AUTHOR" not in saved
    assert saved.startswith("# Translation of doc.txt into Spanish.\n")


def test_another_projects_own_lines_are_not_carried(tmp_path: Path) -> None:
    """An export of another project opens with termwise's lines for its document: the
    project file has its own, and keeps the credits below them."""
    from termwise.project.importing import carry_header_comment

    theirs = (
        "# Translation of notes.txt into Spanish.\n"
        "# Written by termwise: msgctxt is the segment id; '#. mt:' is the machine\n"
        "# translation; fuzzy means not yet reviewed.\n"
    )
    tfile = TranslationFile(lang="es", source_lang="en", document_name="doc.txt")
    carry_header_comment(tfile, theirs)
    assert tfile.header_comment is None
    carry_header_comment(tfile, theirs + "# Ana García <ana@example.org>, 2024\n")
    assert tfile.header_comment == (
        "# Translation of doc.txt into Spanish.\n"
        "# Written by termwise: msgctxt is the segment id; '#. mt:' is the machine\n"
        "# translation; fuzzy means not yet reviewed.\n"
        "#\n"
        "# Ana García <ana@example.org>, 2024\n"
    )
