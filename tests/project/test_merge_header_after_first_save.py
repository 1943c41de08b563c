"""The first merge after a new file's first save takes only what the other program changed.

A new translation's header holds no creation date, Last-Translator nor Language-Team of
its own: the save writes termwise's defaults. Those defaults were held as the header read,
so the next merge took every such field of the file for another program's change
(``header_taken`` named six fields where Poedit changed one), and the workbench said so.
"""

from __future__ import annotations

from pathlib import Path

from termwise.project.translation_file import TranslationFile
from termwise.project.units import TranslationUnit


def test_only_the_field_the_other_program_changed_is_taken(tmp_path: Path) -> None:
    tfile = TranslationFile(lang="es", source_lang="en", document_name="d.txt")
    tfile.units["aaaa"] = TranslationUnit("aaaa", "The cat sleeps.", "El gato duerme.")
    po = tfile.save(tmp_path / "d.es.po")
    created = po.read_text(encoding="utf-8").split("POT-Creation-Date: ")[1].split("\\n")[0]
    text = po.read_text(encoding="utf-8")
    po.write_text(text.replace("Last-Translator: termwise", "Last-Translator: Ana"), "utf-8")

    report = tfile.merge_from_disk()
    assert report.header_taken == ["Last-Translator"]
    assert report.layout_taken == [] and report.language_taken is None
    tfile.units["aaaa"].target = "El gato duerme mucho."
    tfile.save()
    saved = TranslationFile.load(po)
    assert saved.last_translator == "Ana"
    # The creation date written first stays (it was written anew at every save).
    assert f"POT-Creation-Date: {created}\\n" in po.read_text(encoding="utf-8")
