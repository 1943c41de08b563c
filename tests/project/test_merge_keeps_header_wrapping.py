"""A merge keeps the header's lines as the other program wrapped them.

``msgcat -w 40`` wraps the header's long fields (POT-Creation-Date, Content-Type,
Plural-Forms) too. A merge that took no header field kept the header's lines as termwise
had read them, one field a line, so the next save wrote those fields unwrapped among the
entries wrapped at 40; the Language changes and a Last-Translator edited by hand that came
later did not bring them back. Now the header is written as the file on disk has it: the
file stays as ``msgcat -w 40`` writes it, through every step.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from termwise.errors import TermwiseError
from termwise.project.translation_file import TranslationFile

pytestmark = pytest.mark.skipif(
    not shutil.which("msgcat"), reason="needs gettext's msgcat (README's setup installs it)"
)

HEADER = (
    'msgid ""\nmsgstr ""\n'
    '"Project-Id-Version: guide.md\\n"\n'
    '"POT-Creation-Date: 2026-12-07 01:41+0000\\n"\n'
    '"PO-Revision-Date: 2026-12-07 01:41+0000\\n"\n'
    '"Last-Translator: termwise\\n"\n'
    '"Language-Team: Spanish\\n"\n'
    '"Language: es\\n"\n'
    '"MIME-Version: 1.0\\n"\n'
    '"Content-Type: text/plain; charset=utf-8\\n"\n'
    '"Content-Transfer-Encoding: 8bit\\n"\n'
    '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n'
    '"X-Source-Language: en\\n"\n'
)
ENTRY = (
    '\nmsgctxt "aaaa"\n'
    'msgid "The committee met in May to discuss the report on the regional project."\n'
    'msgstr "El comité se reunió en mayo para discutir el informe sobre el proyecto."\n'
)


def _as_msgcat_wraps(po: Path) -> str:
    done = subprocess.run(
        ["msgcat", "-w", "40", str(po)], check=True, capture_output=True, text=True
    )
    return done.stdout


def _replace(po: Path, old: str, new: str) -> None:
    text = po.read_text(encoding="utf-8")
    assert old in text
    po.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_header_stays_wrapped_as_the_other_program_wrapped_it(tmp_path: Path) -> None:
    po = tmp_path / "guide.es.po"
    po.write_text(HEADER + ENTRY, encoding="utf-8")
    tfile = TranslationFile.load(po)
    subprocess.run(["msgcat", "-w", "40", "-o", str(po), str(po)], check=True)
    assert '"Content-Type: text/plain; "\n"charset=utf-8\\n"' in po.read_text(encoding="utf-8")

    def merge_and_save(word: str) -> None:
        tfile.merge_from_disk()
        tfile.units["aaaa"].target += f" {word}"
        tfile.save()
        text = po.read_text(encoding="utf-8")
        # Every field as msgcat -w 40 wraps it, the changed entry too.
        assert text == _as_msgcat_wraps(po), word
        assert f"{word}" in text

    merge_and_save("uno")
    _replace(po, '"Language: es\\n"', '"Language: es_MX\\n"')
    merge_and_save("dos")
    _replace(po, '"Language: es_MX\\n"', '"Language: fr\\n"')
    with pytest.raises(TermwiseError):
        tfile.merge_from_disk()
    _replace(po, '"Language: fr\\n"', '"Language: es\\n"')
    merge_and_save("tres")
    _replace(po, '"Last-Translator: termwise\\n"', '"Last-Translator: Ana\\n"')
    merge_and_save("cuatro")
    text = po.read_text(encoding="utf-8")
    for wrapped in ("POT-Creation-Date: 2026-12-07 ", "Content-Type: text/plain; "):
        assert f'"{wrapped}"\n' in text
    assert '"Plural-Forms: nplurals=2; plural=(n !"\n"= 1);\\n"' in text
