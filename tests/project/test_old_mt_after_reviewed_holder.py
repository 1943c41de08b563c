"""A translation file an older termwise (before c585aaf) saved after the segmenter cut a
sentence, whose first part the translator then REVIEWED while it still held the whole
sentence's translation; the later part holds the MT ``translate`` put there, with the
carry-over's note. Every edition printed the sentence's end twice, and ``check`` said
nothing: the MT was set aside only where the first part was still unreviewed with a
``#| msgid`` spelling out the parts, and reviewing takes that away.

The file below is byte for byte what that termwise wrote (``git archive c585aaf~1 src`` on
PYTHONPATH: ``translate --engine apertium`` of the text with the sentence whole, its
translation taken as the translator's (the MT comment deleted), the sentence cut,
``translate`` again), then reviewed as the older workbench (and Poedit) review: ``#, fuzzy``
and ``#| msgid`` taken off the first part.
"""

from __future__ import annotations

from pathlib import Path

from support.cut_sentence_project import MT_ES, WHOLE_ES, edition, project, run
from termwise.project.layout import ProjectLayout
from termwise.project.translation_file import TranslationFile
from termwise.project.translations import load_source, open_translation
from termwise.project.units import SegmentState

HOLDER, LATER = "f1c0dc48a8ad", "c3f3769e69cf"

REVIEWED_FILE = """\
# Translation of d.txt into Spanish.
# Written by termwise: msgctxt is the segment id; '#. mt:' is the machine
# translation; fuzzy means not yet reviewed.
msgid ""
msgstr ""
"Project-Id-Version: d.txt\\n"
"POT-Creation-Date: 2026-12-06 20:07+0000\\n"
"PO-Revision-Date: 2026-12-06 20:07+0000\\n"
"Last-Translator: termwise\\n"
"Language-Team: Spanish\\n"
"Language: es\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=utf-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"
"Generated-By: Babel 2.19.0\\n"
"X-Source-Language: en\\n"

#. mt: El comité cumplido en mayo.
#. mt-engine: apertium
#. mt-model: eng-spa
#, fuzzy
msgctxt "7c6b6bbfd265"
msgid "The committee met in May."
msgstr "El comité cumplido en mayo."

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


def test_mt_after_a_reviewed_part_holding_the_whole_sentence_is_printed_once(
    tmp_path: Path,
) -> None:
    document, path = project(tmp_path, REVIEWED_FILE)
    assert TranslationFile.load(path).units[HOLDER].state is SegmentState.REVIEWED
    printed, err = edition(tmp_path, document)
    assert printed.count("través de la región") == 1
    assert f"{WHOLE_ES}\n" in printed  # reviewed: no † after it
    assert "1 machine translation of a cut sentence's later part kept as a suggestion" in err
    code, out, err = run(tmp_path, "check", str(document), "--to", "es")
    assert code == 0, err
    assert "untranslated" not in out and "not translated" not in out

    # Saved, the part waits for its share with the MT as its suggestion; the reviewed
    # first part is untouched.
    layout = ProjectLayout.at(tmp_path)
    open_translation(layout, load_source(layout, document), "es").save(path)
    saved = TranslationFile.load(path).units
    assert (saved[LATER].target, saved[LATER].state) == ("", SegmentState.NEW)
    assert saved[LATER].mt == MT_ES and saved[LATER].mt_engine == "apertium"
    assert f"still in segment {HOLDER}" in saved[LATER].notes
    assert (saved[HOLDER].target, saved[HOLDER].state) == (WHOLE_ES, SegmentState.REVIEWED)


def test_a_reviewed_part_already_cut_to_its_share_keeps_the_later_parts_mt(
    tmp_path: Path,
) -> None:
    # The translator shared the translation out and reviewed the first part: each part
    # prints its own share, and the MT stays the later part's text.
    po = REVIEWED_FILE.replace(f'msgstr "{WHOLE_ES}"', 'msgstr "El proyecto creció"')
    document, path = project(tmp_path, po)
    printed, err = edition(tmp_path, document)
    assert "El proyecto creció\n" in printed and f"{MT_ES}†" in printed
    assert "suggestion" not in err
    layout = ProjectLayout.at(tmp_path)
    kept = open_translation(layout, load_source(layout, document), "es").units[LATER]
    assert (kept.target, kept.state) == (MT_ES, SegmentState.MT)
