"""``termwise import`` of a PO file ``msgmerge --previous`` updated keeps an entry's
previous context (``#| msgctxt``) with its previous source (``#| msgid``): the match was
found under another context, and the reviewer sees which."""

from __future__ import annotations

import subprocess
from pathlib import Path

from click.testing import CliRunner

from termwise.cli import cli
from termwise.project.translation_file import TranslationFile

TEMPLATE = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

msgctxt "{context}"
msgid "{source}"
msgstr ""
"""
OLD_SOURCE = "Open the file and read it."
NEW_SOURCE = "Open the file and read it now."


def merged_po(tmp_path: Path) -> Path:
    """Spanish translated under the old template, then merged with the new one, whose
    sentence changed and moved from the menu to the toolbar."""
    old = tmp_path / "old.pot"
    old.write_text(TEMPLATE.format(context="menu", source=OLD_SOURCE), encoding="utf-8")
    new = tmp_path / "new.pot"
    new.write_text(TEMPLATE.format(context="toolbar", source=NEW_SOURCE), encoding="utf-8")
    translated = tmp_path / "es.po"
    subprocess.run(
        ["msginit", "--no-translator", "-l", "es", "-i", str(old), "-o", str(translated)],
        check=True,
        capture_output=True,
    )
    text = translated.read_text(encoding="utf-8").replace(
        f'msgid "{OLD_SOURCE}"\nmsgstr ""',
        f'msgid "{OLD_SOURCE}"\nmsgstr "Abre el archivo y léelo."',
    )
    translated.write_text(text, encoding="utf-8")
    merged = tmp_path / "merged.es.po"
    subprocess.run(
        ["msgmerge", "--previous", "-q", "-o", str(merged), str(translated), str(new)], check=True
    )
    assert '#| msgctxt "menu"\n#| msgid "Open the file and read it."\n' in merged.read_text(
        encoding="utf-8"
    )
    return merged


def test_import_keeps_the_previous_context_with_the_previous_source(tmp_path: Path) -> None:
    root = tmp_path / "proj"
    root.mkdir()
    (root / "doc.txt").write_text(NEW_SOURCE + "\n", encoding="utf-8")
    result = CliRunner().invoke(
        cli,
        ["--project", str(root), "import", str(merged_po(tmp_path))]
        + ["--doc", str(root / "doc.txt"), "--to", "es"],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    saved = root / "translations" / "doc.es.po"
    text = saved.read_text(encoding="utf-8")
    assert '#| msgctxt "menu"\n#| msgid "Open the file and read it."\nmsgctxt "' in text
    (unit,) = TranslationFile.load(saved).units.values()
    assert unit.previous_source == OLD_SOURCE
    assert unit.previous_context == "menu"
    assert unit.target == "Abre el archivo y léelo."
    assert unit.fuzzy
    checked = subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(saved)], capture_output=True)
    assert checked.returncode == 0, checked.stderr
