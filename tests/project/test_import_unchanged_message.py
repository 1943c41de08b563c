"""``termwise import`` says so when the translation file already held everything the imported
file has and was left as it was (since 1385f56 such a save writes nothing), instead of
"Imported X into Y", which sends a translator looking for changes that are not there.
"""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result

from termwise.cli import cli

DOC = "The file could not be read.\n\nThe file was saved.\n\nNothing else happened.\n"

# A PO file as msginit and a translator's editor leave it.
HEADER = r"""msgid ""
msgstr ""
"Project-Id-Version: doc 1.0\n"
"Language: es\n"
"MIME-Version: 1.0\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Content-Transfer-Encoding: 8bit\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\n"

msgid "The file could not be read."
msgstr "No se pudo leer el archivo."

msgid "The file was saved."
msgstr "Se guardó el archivo."
"""

THIRD = """
msgid "Nothing else happened."
msgstr "No pasó nada más."
"""


def run(root: Path, *args: str) -> Result:
    result = CliRunner().invoke(cli, ["--project", str(root), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


def test_a_second_import_of_the_same_file_says_the_file_was_left(tmp_path: Path) -> None:
    root = tmp_path / "proj"
    root.mkdir()
    (root / "doc.txt").write_text(DOC, encoding="utf-8")
    po = tmp_path / "es.po"
    po.write_text(HEADER, encoding="utf-8")
    args = ("import", str(po), "--doc", str(root / "doc.txt"), "--to", "es")

    first = run(root, *args)
    saved = root / "translations" / "doc.es.po"
    assert first.output.startswith(f"Imported {po} into ")
    stat = saved.stat()
    content = saved.read_bytes()

    again = run(root, *args)
    first_line = again.output.splitlines()[0]
    assert first_line.endswith(f"doc.es.po already holds everything {po} has: left as it was")
    assert "Imported" not in again.output
    assert saved.read_bytes() == content
    assert saved.stat().st_mtime_ns == stat.st_mtime_ns

    # A file that brings something new is imported, and said so, as before.
    po.write_text(HEADER + THIRD, encoding="utf-8")
    changed = run(root, *args)
    assert changed.output.startswith(f"Imported {po} into ")
    assert "No pasó nada más." in saved.read_text(encoding="utf-8")
