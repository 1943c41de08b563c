"""A foreign PO file's plural entries come into the project as the file has them.

A file without Plural-Forms is ruled by its entries' form count, as the project reads its
own files (``po_format.file_plural_forms``); the import read it by its language's rule and
dropped a German entry's third form. An entry ``msgmerge --previous`` marked keeps its
previous plural source (``#| msgid_plural``) beside its previous msgid.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import polib
from click.testing import CliRunner, Result

from termwise.cli import cli
from termwise.project.translation_file import TranslationFile

DOC = "The file could not be read.\n\nThe file was saved.\n\nNothing else happened.\n"
THREE_FORMS = (
    "Die Datei wurde gespeichert.",
    "Die Dateien wurden gespeichert.",
    "Alle Dateien wurden gespeichert.",
)


def run(root: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--project", str(root), *args], catch_exceptions=False)


def project(tmp_path: Path) -> Path:
    root = tmp_path / "proj"
    root.mkdir()
    (root / "doc.txt").write_text(DOC, encoding="utf-8")
    return root


def pot(path: Path, entries: list[polib.POEntry]) -> Path:
    template = polib.POFile()
    template.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    for entry in entries:
        template.append(entry)
    template.save(str(path))
    return path


def msginit(pot_path: Path, po: Path, lang: str) -> Path:
    subprocess.run(
        ["msginit", "--no-translator", "-l", lang, "-i", str(pot_path), "-o", str(po)],
        check=True,
        capture_output=True,
    )
    return po


def import_into(root: Path, path: Path, lang: str) -> TranslationFile:
    result = run(root, "import", str(path), "--doc", str(root / "doc.txt"), "--to", lang)
    assert result.exit_code == 0, result.output
    saved = root / "translations" / f"doc.{lang}.po"
    checked = subprocess.run(
        ["msgfmt", "-c", "-o", "/dev/null", str(saved)], capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stderr
    return TranslationFile.load(saved)


def headerless_three_form_po(tmp_path: Path) -> Path:
    """A German file from msginit whose Plural-Forms line someone removed and whose plural
    entry has three forms, normalised by msgcat (which accepts it so)."""
    template = pot(
        tmp_path / "doc.pot",
        [
            polib.POEntry(
                msgid="The file was saved.",
                msgid_plural="The files were saved.",
                msgstr_plural={0: "", 1: ""},
            ),
            polib.POEntry(msgid="Nothing else happened.", msgstr=""),
        ],
    )
    po = msginit(template, tmp_path / "raw.de.po", "de")
    entries = polib.pofile(str(po))
    del entries.metadata["Plural-Forms"]
    entries[0].msgstr_plural = dict(enumerate(THREE_FORMS))
    entries[1].msgstr = "Sonst ist nichts passiert."
    entries.save(str(po))
    out = tmp_path / "other.de.po"
    subprocess.run(["msgcat", str(po), "-o", str(out)], check=True, capture_output=True)
    text = out.read_text(encoding="utf-8")
    assert "Plural-Forms" not in text and 'msgstr[2] "Alle Dateien' in text
    return out


def test_headerless_file_keeps_every_form_its_entries_have(tmp_path: Path) -> None:
    root = project(tmp_path)
    tfile = import_into(root, headerless_three_form_po(tmp_path), "de")
    saved = next(unit for unit in tfile if unit.source == "The file was saved.")
    assert saved.plural_forms == THREE_FORMS
    assert tfile.plural_rule()[0] == 3
    assert saved.target == THREE_FORMS[0]


def test_previous_plural_source_comes_with_the_previous_source(tmp_path: Path) -> None:
    """msgmerge --previous marks an entry whose source changed with both its old msgid and
    its old msgid_plural; the import kept the first alone."""
    old_pot = pot(
        tmp_path / "old.pot",
        [
            polib.POEntry(
                msgid="The file was stored.",
                msgid_plural="The files were stored.",
                msgstr_plural={0: "", 1: ""},
            )
        ],
    )
    old = polib.pofile(str(msginit(old_pot, tmp_path / "old.es.po", "es")))
    old[0].msgstr_plural = {0: "Se guardó el archivo.", 1: "Se guardaron los archivos."}
    old.save()
    new_pot = pot(
        tmp_path / "new.pot",
        [
            polib.POEntry(
                msgid="The file was saved.",
                msgid_plural="The files were saved.",
                msgstr_plural={0: "", 1: ""},
            )
        ],
    )
    merged = tmp_path / "merged.es.po"
    subprocess.run(
        ["msgmerge", "--previous", "-q", "-o", str(merged), old.fpath, str(new_pot)],
        check=True,
        capture_output=True,
    )
    text = merged.read_text(encoding="utf-8")
    assert '#| msgid_plural "The files were stored."' in text

    root = project(tmp_path)
    tfile = import_into(root, merged, "es")
    saved = next(unit for unit in tfile if unit.source == "The file was saved.")
    assert saved.previous_source == "The file was stored."
    assert saved.previous_plural_source == "The files were stored."
    written = (root / "translations" / "doc.es.po").read_text(encoding="utf-8")
    assert '#| msgid "The file was stored."\n#| msgid_plural "The files were stored."\n' in written
