"""``termwise import --from``, the file's own source language, and units in another language."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import polib
from click.testing import CliRunner, Result

from termwise.cli import cli
from termwise.project.import_languages import declared_source_language
from termwise.project.interchange import read_units
from termwise.project.translation_file import TranslationFile
from termwise.project.units import SegmentState

BIN = Path(sys.executable).parent
GERMAN = "Die Initiative verbindet viele Länder.\n\nDer Handel wuchs 2020.\n"
SPANISH = {
    "Die Initiative verbindet viele Länder.": "La Iniciativa conecta muchos países.",
    "Der Handel wuchs 2020.": "El comercio creció en 2020.",
}


def run(root: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--project", str(root), *args])


def german_project(tmp_path: Path) -> Path:
    root = tmp_path / "proj"
    root.mkdir()
    (root / "kurz.txt").write_text(GERMAN, encoding="utf-8")
    return root


def gettext_po(tmp_path: Path) -> Path:
    """German → Spanish, written by msgcat; gettext's PO names no source language."""
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "es"}
    for source, target in SPANISH.items():
        po.append(polib.POEntry(msgid=source, msgstr=target))
    raw = tmp_path / "raw.po"
    po.save(str(raw))
    out = tmp_path / "kurz.es.po"
    subprocess.run(["msgcat", "-o", str(out), str(raw)], check=True, capture_output=True)
    return out


def translations(root: Path) -> dict[str, tuple[str, SegmentState]]:
    tfile = TranslationFile.load(root / "translations" / "kurz.es.po")
    return {unit.source: (unit.target, unit.state) for unit in tfile.units.values()}


def test_from_imports_a_short_german_document(tmp_path: Path) -> None:
    root = german_project(tmp_path)
    po = gettext_po(tmp_path)
    doc = str(root / "kurz.txt")
    result = run(root, "import", str(po), "--doc", doc, "--to", "es", "--from", "de")
    assert result.exit_code == 0, result.output
    assert "document language:      de (--from)" in result.output
    assert "segments filled:        2" in result.output
    assert translations(root) == {
        source: (target, SegmentState.REVIEWED) for source, target in SPANISH.items()
    }


def test_the_files_own_source_language_is_used_without_from(tmp_path: Path) -> None:
    from translate.storage.xliff2 import Xliff2File

    store = Xliff2File()
    store.setsourcelanguage("de")
    store.settargetlanguage("es")
    for source, target in SPANISH.items():
        unit = store.addsourceunit(source)
        unit.target = target
        unit.markapproved(True)
    path = tmp_path / "kurz.xlf"
    store.savefile(str(path))
    assert declared_source_language(read_units(path)) == "de"
    root = german_project(tmp_path)
    # translate-toolkit's XLIFF 2 breaks the core schema (no unit id, xml:space on
    # <segment>), so it takes --lenient, which lists the deviations.
    strict = run(root, "import", str(path), "--doc", str(root / "kurz.txt"), "--to", "es")
    assert strict.exit_code != 0 and "--lenient" in str(strict.exception)
    result = run(
        root, "import", str(path), "--doc", str(root / "kurz.txt"), "--to", "es", "--lenient"
    )
    assert result.exit_code == 0, result.output
    assert "document language:      de (declared in kurz.xlf)" in result.output
    assert "segments filled:        2" in result.output


def test_declared_languages_of_each_format(tmp_path: Path) -> None:
    po = gettext_po(tmp_path)
    assert declared_source_language(read_units(po)) is None
    tmx = tmp_path / "t.tmx"
    subprocess.run(
        [str(BIN / "po2tmx"), "-l", "es", "--source-language", "de", str(po), str(tmx)],
        check=True,
        capture_output=True,
    )
    # po2tmx's header says srclang="en" whatever it is told; each <tu> says de.
    assert 'srclang="en"' in tmx.read_text(encoding="utf-8")
    assert declared_source_language(read_units(tmx, target_lang="es")) == "de"
    root = german_project(tmp_path)
    result = run(root, "import", str(tmx), "--doc", str(root / "kurz.txt"), "--to", "es")
    assert result.exit_code == 0, result.output
    assert "document language:      de (declared in t.tmx)" in result.output
    assert "segments filled:        2" in result.output
    xlf = tmp_path / "t.xlf"
    subprocess.run([str(BIN / "po2xliff"), str(po), str(xlf)], check=True, capture_output=True)
    assert declared_source_language(read_units(xlf)) == "en-US"  # po2xliff always says en-US
    tagged = tmp_path / "tagged.po"
    tagged.write_text(
        po.read_text(encoding="utf-8").replace(
            '"Language: es\\n"', '"Language: es\\n"\n"X-Source-Language: de\\n"'
        ),
        encoding="utf-8",
    )
    assert declared_source_language(read_units(tagged)) == "de"


def test_a_unit_in_another_language_is_skipped_and_reported(tmp_path: Path) -> None:
    po = gettext_po(tmp_path)
    xlf = tmp_path / "kurz.xlf"
    subprocess.run([str(BIN / "po2xliff"), str(po), str(xlf)], check=True, capture_output=True)
    # po2xliff says en-US whatever the source; a translator fixes the header ...
    text = xlf.read_text(encoding="utf-8").replace(
        'source-language="en-US"', 'source-language="de"'
    )
    # ... and one target comes back from a French reviewer's tool, tagged as French.
    text = text.replace(
        '<target state="translated">El comercio creció en 2020.</target>',
        '<target state="translated" xml:lang="fr">Le commerce a crû en 2020.</target>',
    )
    xlf.write_text(text, encoding="utf-8")
    root = german_project(tmp_path)
    result = run(
        root, "import", str(xlf), "--doc", str(root / "kurz.txt"), "--to", "es", "--from", "de"
    )
    assert result.exit_code == 0, result.output
    assert "other language:         1 (skipped)" in result.output
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "Der Handel" in row) - 1
    assert f"skipped line {line}: translates into fr, not es" in result.output
    assert "units read:             2" in result.output
    assert translations(root) == {
        "Die Initiative verbindet viele Länder.": (
            "La Iniciativa conecta muchos países.",
            SegmentState.REVIEWED,
        ),
        "Der Handel wuchs 2020.": ("", SegmentState.NEW),
    }


def test_a_file_all_in_another_language_is_refused_and_names_from(tmp_path: Path) -> None:
    root = german_project(tmp_path)
    po = gettext_po(tmp_path)
    tagged = tmp_path / "tagged.po"
    tagged.write_text(
        po.read_text(encoding="utf-8").replace(
            '"Language: es\\n"', '"Language: es\\n"\n"X-Source-Language: de\\n"'
        ),
        encoding="utf-8",
    )
    result = run(
        root, "import", str(tagged), "--doc", str(root / "kurz.txt"), "--to", "es", "--from", "fr"
    )
    assert result.exit_code != 0
    assert "source language is de, but the document is in fr (give --from" in str(result.exception)


def test_code_only_units_are_counted_and_kept_aside(tmp_path: Path) -> None:
    tmx = tmp_path / "codes.tmx"
    tmx.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="x" '
        'creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="de" '
        'datatype="plaintext"/><body>'
        '<tu><tuv xml:lang="de"><seg><ph x="1">&lt;br/&gt;</ph></seg></tuv>'
        '<tuv xml:lang="es"><seg><ph x="1">&lt;br/&gt;</ph></seg></tuv></tu>'
        '<tu><tuv xml:lang="de"><seg>Der Handel wuchs 2020.</seg></tuv>'
        '<tuv xml:lang="es"><seg>El comercio creció en 2020.</seg></tuv></tu>'
        "</body></tmx>",
        encoding="utf-8",
    )
    root = german_project(tmp_path)
    result = run(root, "import", str(tmx), "--doc", str(root / "kurz.txt"), "--to", "es")
    assert result.exit_code == 0, result.output
    assert "units read:             2" in result.output
    assert "matched to segments:    1" in result.output
    assert "unmatched (kept aside): 1" in result.output
    assert "only inline codes:      1 (of the unmatched)" in result.output
    kept = read_units(root / "translations" / "kurz.es.unmatched.tmx", target_lang="es")
    assert [(u.source, [c.native for c in u.inline_codes]) for u in kept] == [
        ("", ["<br/>", "<br/>"])
    ]
