"""A translation file an older termwise (before c585aaf) saved after the segmenter cut a
sentence: the whole translation went onto the first part, with the carry-over's note on the
later part, and ``translate`` then filled that part with MT. Every edition printed the
sentence's end twice. The file below is byte for byte what that termwise wrote
(``git archive c585aaf~1 src`` on PYTHONPATH: ``translate --engine apertium`` of the text
with the sentence whole, the translation taken as edited, the sentence cut, ``translate``
again)."""

from __future__ import annotations

from pathlib import Path

from support.cut_sentence_project import MT_ES, WHOLE_ES, edition, project, run
from termwise.project.layout import ProjectLayout
from termwise.project.translation_file import TranslationFile
from termwise.project.translations import load_source, open_translation
from termwise.project.units import SegmentState

LATER = "c3f3769e69cf"

OLD_FILE = """\
# Translation of d.txt into Spanish.
# Written by termwise: msgctxt is the segment id; '#. mt:' is the machine
# translation; fuzzy means not yet reviewed.
msgid ""
msgstr ""
"Project-Id-Version: d.txt\\n"
"POT-Creation-Date: 2026-12-06 19:27+0000\\n"
"PO-Revision-Date: 2026-12-06 19:27+0000\\n"
"Last-Translator: termwise\\n"
"Language-Team: Spanish\\n"
"Language: es\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=utf-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"
"Generated-By: Babel 2.19.0\\n"
"X-Source-Language: en\\n"

msgctxt "7c6b6bbfd265"
msgid "The committee met in May."
msgstr "El comité cumplido en mayo."

#, fuzzy
#| msgid "The project grew fast across the region."
msgctxt "f1c0dc48a8ad"
msgid "The project grew"
msgstr "El proyecto creció rápidamente a través de la región."

# termwise: this sentence's translation is still in segment f1c0dc48a8ad, carried over whole from before the segmenter cut its sentence here
#. mt: Rápido a través de la región.
#. mt-engine: apertium
#. mt-model: eng-spa
#, fuzzy
msgctxt "c3f3769e69cf"
msgid "fast across the region."
msgstr "Rápido a través de la región."
"""


def test_an_older_files_mt_on_a_held_part_is_printed_once(tmp_path: Path) -> None:
    document, path = project(tmp_path, OLD_FILE)
    printed, err = edition(tmp_path, document)
    assert printed.count("través de la región") == 1
    assert WHOLE_ES in printed and "[untranslated]" not in printed
    assert "1 machine translation of a cut sentence's later part kept as a suggestion" in err
    code, out, err = run(tmp_path, "check", str(document), "--to", "es")
    assert code == 0, err
    assert "untranslated" not in out and "not translated" not in out

    # Once saved, the MT is a suggestion and the part waits, and nothing is said again.
    layout = ProjectLayout.at(tmp_path)
    open_translation(layout, load_source(layout, document), "es").save(path)
    unit = TranslationFile.load(path).units[LATER]
    assert unit.target == "" and unit.state is SegmentState.NEW
    assert unit.mt == MT_ES and unit.mt_engine == "apertium"
    assert "still in segment f1c0dc48a8ad" in unit.notes
    _, err = edition(tmp_path, document)
    assert "machine translation" not in err


def test_a_first_part_already_cut_to_its_share_keeps_the_later_parts_mt(tmp_path: Path) -> None:
    # The translator shared the translation out in the older workbench and left the MT:
    # each part prints its own share, and the MT stays the later part's text.
    po = OLD_FILE.replace(f'msgstr "{WHOLE_ES}"', 'msgstr "El proyecto creció"')
    document, _ = project(tmp_path, po)
    printed, err = edition(tmp_path, document)
    assert "El proyecto creció†" in printed and f"{MT_ES}†" in printed
    assert "suggestion" not in err


def test_a_later_part_a_person_translated_keeps_its_translation(tmp_path: Path) -> None:
    po = OLD_FILE.replace(f'#, fuzzy\nmsgctxt "{LATER}"', f'msgctxt "{LATER}"')
    document, path = project(tmp_path, po)
    assert TranslationFile.load(path).units[LATER].state is SegmentState.REVIEWED
    printed, err = edition(tmp_path, document)
    assert printed.count("través de la región") == 2  # the translator's own choice
    assert "suggestion" not in err
