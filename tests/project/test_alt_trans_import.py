"""XLIFF 1.2 ``<alt-trans>`` is read for what it is: machine translation of the unit's source
becomes its MT; a previous version its previous source; a translation memory's match a
note. Before, every proposal with a target became the unit's MT, so that translate-toolkit's
previous version came in as ``#. mt: …`` from the engine "previous"."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner, Result

from termwise.cli import cli
from termwise.project.interchange import read_units
from termwise.project.translation_file import TranslationFile
from termwise.project.validation import validate_interchange

BIN = Path(sys.executable).parent
DOC = "The file could not be read.\n\nThe file was saved.\n\nNothing else happened.\n"

# A Weblate file: a fuzzy entry with gettext's previous msgid, a plural entry with a comment.
WEBLATE_PO = r"""# Spanish translations for doc.
# Ana García <ana@example.org>, 2024.
msgid ""
msgstr ""
"Project-Id-Version: doc 1.0\n"
"Report-Msgid-Bugs-To: \n"
"POT-Creation-Date: 2024-03-01 10:00+0000\n"
"PO-Revision-Date: 2024-03-04 12:31+0000\n"
"Last-Translator: Ana García <ana@example.org>\n"
"Language-Team: Spanish <https://hosted.weblate.org/projects/doc/app/es/>\n"
"Language: es\n"
"MIME-Version: 1.0\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Content-Transfer-Encoding: 8bit\n"
"Plural-Forms: nplurals=2; plural=n != 1;\n"
"X-Generator: Weblate 5.4\n"

#. Menu item
#: src/main.c:42
#, fuzzy
#| msgid "The file could not be opened."
msgid "The file could not be read."
msgstr "No se pudo abrir el archivo."

#. Shown after saving
#: src/main.c:57
msgid "The file was saved."
msgid_plural "The files were saved."
msgstr[0] "Se guardó el archivo."
msgstr[1] "Se guardaron los archivos."
"""

# As Okapi's XLIFF filter writes a file after leveraging: its own namespaces, a translation
# memory's fuzzy match (another source) and exact match (this source, a TM's, not MT), and a
# machine translation connector's proposal (okp:matchType="MT").
OKAPI_XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2" \
xmlns:okp="okapi-framework:xliff-extensions" xmlns:its="http://www.w3.org/2005/11/its" \
xmlns:itsxlf="http://www.w3.org/ns/its-xliff/" its:version="2.0">
<file original="doc.txt" source-language="en" target-language="es" datatype="x-text" \
okp:inputEncoding="UTF-8" okp:configId="okf_plaintext">
<header>
<tool tool-id="okapi" tool-name="okapi-framework:xliff-filter" tool-version="1.46.0" \
tool-company="okapi-framework"></tool>
</header>
<body>
<trans-unit id="1" xml:space="preserve">
<source xml:lang="en">The file could not be read.</source>
<target xml:lang="es" state="needs-review-translation">No se pudo leer el archivo.</target>
<alt-trans match-quality="85" origin="project-tm" okp:matchType="FUZZY">
<source xml:lang="en">The file could not be opened.</source>
<target xml:lang="es">No se pudo abrir el archivo.</target>
</alt-trans>
</trans-unit>
<trans-unit id="2" xml:space="preserve">
<source xml:lang="en">The file was saved.</source>
<target xml:lang="es" state="translated">El archivo se guardó.</target>
<alt-trans match-quality="95" origin="ApertiumMT" okp:matchType="MT">
<source xml:lang="en">The file was saved.</source>
<target xml:lang="es">Se guardó el archivo.</target>
</alt-trans>
</trans-unit>
<trans-unit id="3" xml:space="preserve">
<source xml:lang="en">Nothing else happened.</source>
<target xml:lang="es" state="translated">No pasó nada más.</target>
<alt-trans match-quality="100" origin="project-tm" okp:matchType="EXACT">
<target xml:lang="es">No ocurrió nada más.</target>
</alt-trans>
</trans-unit>
</body>
</file>
</xliff>
"""


def run(root: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--project", str(root), *args], catch_exceptions=False)


def project(tmp_path: Path) -> Path:
    root = tmp_path / "proj"
    root.mkdir()
    (root / "doc.txt").write_text(DOC, encoding="utf-8")
    return root


def po2xliff(tmp_path: Path) -> Path:
    po = tmp_path / "es.po"
    po.write_text(WEBLATE_PO, encoding="utf-8")
    xlf = tmp_path / "es.xlf"
    subprocess.run([str(BIN / "po2xliff"), str(po), str(xlf)], check=True, capture_output=True)
    text = xlf.read_text(encoding="utf-8")
    assert '<alt-trans xml:space="preserve" origin="previous"><source>' in text
    return xlf


def test_po2xliff_previous_version_is_the_previous_source_not_mt(tmp_path: Path) -> None:
    xlf = po2xliff(tmp_path)
    fuzzy = next(unit for unit in read_units(xlf) if unit.source.startswith("The file could"))
    assert fuzzy.mt is None and fuzzy.mt_engine is None
    assert fuzzy.previous_source == "The file could not be opened."
    # Its translation is the one in use (msgmerge carried it over): no note repeats it.
    assert "No se pudo abrir" not in fuzzy.notes

    root = project(tmp_path)
    result = run(root, "import", str(xlf), "--doc", str(root / "doc.txt"), "--to", "es")
    assert result.exit_code == 0, result.output
    path = root / "translations" / "doc.es.po"
    unit = next(u for u in TranslationFile.load(path) if u.source.startswith("The file could"))
    assert unit.mt is None and unit.previous_source == "The file could not be opened."
    text = path.read_text(encoding="utf-8")
    assert re.search(r"(?m)^#\. mt", text) is None  # no "#. mt-engine: previous"
    assert '#| msgid "The file could not be opened."' in text


def test_po2xliff_plural_group_keeps_its_note(tmp_path: Path) -> None:
    """A direct PO import keeps the entry's comment; through po2xliff it sat on the group,
    as a developer's note (``from="developer"``): an extracted comment again, not a note."""
    xlf = po2xliff(tmp_path)
    plural = next(unit for unit in read_units(xlf) if unit.plural is not None)
    # On the group and a form's unit: once.
    assert plural.comments == ("Shown after saving",) and plural.notes == ""
    root = project(tmp_path)
    result = run(root, "import", str(xlf), "--doc", str(root / "doc.txt"), "--to", "es")
    assert result.exit_code == 0, result.output
    tfile = TranslationFile.load(root / "translations" / "doc.es.po")
    unit = next(u for u in tfile if u.source == "The file was saved.")
    assert unit.is_plural and unit.comments == ("Shown after saving",)


def test_translation_memory_matches_are_notes_and_mt_is_mt(tmp_path: Path) -> None:
    xlf = tmp_path / "okapi.xlf"
    xlf.write_text(OKAPI_XLIFF, encoding="utf-8")
    assert validate_interchange(xlf) == []
    fuzzy_match, machine, exact_match = read_units(xlf)
    assert fuzzy_match.mt is None
    assert fuzzy_match.previous_source is None  # a fuzzy match is no earlier version
    assert fuzzy_match.notes == (
        "Alternative translation (alt-trans, origin project-tm, match 85): No se pudo abrir "
        "el archivo. [of the source: The file could not be opened.]"
    )
    assert (machine.mt, machine.mt_engine, machine.mt_model) == (
        "Se guardó el archivo.",
        "ApertiumMT",
        None,
    )
    assert machine.notes == ""
    assert exact_match.mt is None
    assert exact_match.notes == (
        "Alternative translation (alt-trans, origin project-tm, match 100): No ocurrió nada más."
    )

    root = project(tmp_path)
    result = run(root, "import", str(xlf), "--doc", str(root / "doc.txt"), "--to", "es")
    assert result.exit_code == 0, result.output
    by_source = {u.source: u for u in TranslationFile.load(root / "translations" / "doc.es.po")}
    assert by_source["The file could not be read."].mt is None
    assert "origin project-tm, match 85" in by_source["The file could not be read."].notes
    assert by_source["The file was saved."].mt == "Se guardó el archivo."
    assert by_source["The file was saved."].mt_engine == "ApertiumMT"


def test_an_mt_proposal_is_known_by_its_qualifier_or_engine(tmp_path: Path) -> None:
    units = iter(range(1, 5))

    def unit_with(alt_trans: str) -> str:
        return (
            f'<trans-unit id="{next(units)}"><source>The file was saved.</source>'
            f'<target state="translated">El archivo se guardó.</target>{alt_trans}</trans-unit>'
        )

    xlf = tmp_path / "mt.xlf"
    xlf.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" '
        'xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="doc.txt" '
        'source-language="en" target-language="es" datatype="plaintext"><header>'
        '<tool tool-id="dl" tool-name="DeepL API"/></header><body>'
        + unit_with(
            '<alt-trans><target state-qualifier="mt-suggestion">Se guardó.</target></alt-trans>'
        )
        + unit_with('<alt-trans tool-id="dl"><target>Se ha guardado.</target></alt-trans>')
        + unit_with('<alt-trans origin="Google Translate"><target>Guardado.</target></alt-trans>')
        + unit_with("<alt-trans><target>Lo guardé.</target></alt-trans>")
        + "</body></file></xliff>",
        encoding="utf-8",
    )
    assert validate_interchange(xlf) == []
    qualified, by_tool, by_origin, unknown = read_units(xlf)
    assert (qualified.mt, qualified.mt_engine) == ("Se guardó.", None)
    assert (by_tool.mt, by_tool.mt_engine) == ("Se ha guardado.", "DeepL API")
    assert (by_origin.mt, by_origin.mt_engine) == ("Guardado.", "Google Translate")
    # Nothing says an engine made it: a proposal from a memory or a person, kept as a note.
    assert unknown.mt is None
    assert unknown.notes == "Alternative translation (alt-trans): Lo guardé."
