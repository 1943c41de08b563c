"""XLIFF 1.2 files from memoQ, Trados Studio and Okapi import without ``--lenient``.

XLIFF 1.2 lets a tool add attributes and elements of its own namespace; the published strict
schema demanded a schema for each (``processContents="strict"``), so that every such file was
refused: "Element 'file', attribute 'document-guid': No matching global attribute declaration
available, but demanded by the strict wildcard". The shipped schema processes other
namespaces lax; errors in the XLIFF namespace are still found.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from termwise.cli import cli
from termwise.errors import InputError
from termwise.project.interchange import read_units
from termwise.project.translation_file import TranslationFile
from termwise.project.units import SegmentState
from termwise.project.validation import XLIFF12_SCHEMA, validate_interchange

DOC = "The file could not be read.\n\nThe file was saved.\n\nNothing else happened.\n"

# memoQ's bilingual export (.mqxliff): its mq: attributes on <file> and on every unit.
MEMOQ = """<?xml version="1.0" encoding="utf-8"?>
<xliff xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:mq="MQXliff" \
version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="doc.txt" source-language="en-US" datatype="plaintext" \
target-language="es-ES" mq:document-guid="0b5b3f6e-2c1d-4e6a-9d2f-7a1c5e8b9f00" \
mq:documentversion-guid="5f1c2a7e-8b3d-4c9a-a1e2-3d4f5a6b7c8d">
    <header>
      <tool tool-id="MQ" tool-name="memoQ" tool-version="9.14.9" tool-company="memoQ Ltd." />
    </header>
    <body>
      <trans-unit id="1" mq:status="ManuallyConfirmed" mq:translatorcommitusername="ana" \
mq:translatorcommittimestamp="2024-03-04T12:31:00Z" mq:lastchangedtimestamp="2024-03-04T12:31:00Z" \
mq:segmentguid="7d6c5b4a-3f2e-4d1c-8b9a-0a1b2c3d4e5f" mq:percent="0" xml:space="preserve">
        <source xml:space="preserve">The file could not be read.</source>
        <target xml:space="preserve">No se pudo leer el archivo.</target>
      </trans-unit>
      <trans-unit id="2" mq:status="PartiallyEdited" mq:percent="0" xml:space="preserve">
        <source xml:space="preserve">The file was saved.</source>
        <target xml:space="preserve">Se guardó el archivo.</target>
      </trans-unit>
    </body>
  </file>
</xliff>
"""

# Trados Studio's .sdlxliff: sdl: header blocks, context groups, segmented units with their
# confirmation in sdl:seg-defs, and structure units marked translate="no".
SDLXLIFF = (
    '<?xml version="1.0" encoding="utf-8"?><xliff xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0"'
    ' xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2" sdl:version="1.0">'
    '<file original="C:\\Users\\ana\\Documents\\Studio 2022\\Projects\\doc\\en-US\\doc.txt" '
    'datatype="x-sdlfilterframework2" source-language="en-US" target-language="es-ES">'
    '<header><file-info xmlns="http://sdl.com/FileTypes/SdlXliff/1.0">'
    '<value key="SDL:FileId">4d1c5e2a-6b7f-4c3d-9e8a-1f2b3c4d5e6f</value>'
    '<value key="SDL:CreationDate">03/04/2024 12:31:00</value>'
    '<value key="SDL:OriginalEncoding">utf-8</value>'
    '<value key="SDL:AutoClonedFlagSupported">True</value>'
    '<sniff-info><detected-encoding detection-level="Certain" encoding="utf-8"/>'
    '<detected-source-lang detection-level="Guess" lang="en-US"/>'
    '<props><value key="HasUtf8Bom">False</value></props></sniff-info></file-info>'
    "<sdl:filetype-info><sdl:filetype-id>Plain Text v 1.0.0.0</sdl:filetype-id>"
    '</sdl:filetype-info><fmt-defs xmlns="http://sdl.com/FileTypes/SdlXliff/1.0"/>'
    '<cxt-defs xmlns="http://sdl.com/FileTypes/SdlXliff/1.0"><cxt-def id="1" '
    'type="x-tm-length-info" purpose="Information"><props><value key="length">0</value>'
    "</props></cxt-def></cxt-defs></header><body>"
    '<trans-unit translate="no" id="0f3c2b1a-1111-4a5b-8c9d-0e1f2a3b4c5d">'
    '<source><x id="0"/></source></trans-unit>'
    '<group><sdl:cxts><sdl:cxt id="1"/></sdl:cxts>'
    '<trans-unit id="9a8b7c6d-2222-4e5f-8a9b-0c1d2e3f4a5b">'
    "<source>The file could not be read.</source>"
    '<seg-source><mrk mtype="seg" mid="1">The file could not be read.</mrk></seg-source>'
    '<target><mrk mtype="seg" mid="1">No se pudo leer el archivo.</mrk></target>'
    '<sdl:seg-defs><sdl:seg id="1" conf="Translated" origin="interactive"/></sdl:seg-defs>'
    "</trans-unit></group>"
    '<trans-unit translate="no" id="1a2b3c4d-3333-4e5f-8a9b-0c1d2e3f4a5b">'
    '<source><x id="1"/></source></trans-unit>'
    '<group><sdl:cxts><sdl:cxt id="1"/></sdl:cxts>'
    '<trans-unit id="5e6f7a8b-4444-4c5d-8e9f-0a1b2c3d4e5f">'
    "<source>The file was saved.</source>"
    '<seg-source><mrk mtype="seg" mid="2">The file was saved.</mrk></seg-source>'
    '<target><mrk mtype="seg" mid="2">Se guardó el archivo.</mrk></target>'
    '<sdl:seg-defs><sdl:seg id="2" conf="ApprovedTranslation" origin="interactive"/>'
    "</sdl:seg-defs></trans-unit></group>"
    "</body></file></xliff>"
)

# Okapi's XLIFF filter output (Rainbow's "Prepare for translation"): okp: and ITS attributes.
OKAPI = """<?xml version="1.0" encoding="UTF-8"?>
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
<trans-unit id="1" xml:space="preserve" its:locNote="Shown in the status bar" \
its:locNoteType="description">
<source xml:lang="en">Nothing else happened.</source>
<target xml:lang="es" state="translated">No pasó nada más.</target>
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


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("name", "text"),
    [("doc.mqxliff", MEMOQ), ("doc.sdlxliff", SDLXLIFF), ("doc.xlf", OKAPI)],
    ids=["memoq", "trados", "okapi"],
)
def test_tool_extensions_are_valid_xliff(tmp_path: Path, name: str, text: str) -> None:
    assert validate_interchange(write(tmp_path, name, text)) == []


def test_memoq_file_imports_without_lenient(tmp_path: Path) -> None:
    root = project(tmp_path)
    path = write(tmp_path, "doc.mqxliff", MEMOQ)
    result = run(root, "import", str(path), "--doc", str(root / "doc.txt"), "--to", "es")
    assert result.exit_code == 0, result.output
    assert "deviation" not in result.output
    assert "segments filled:        2" in result.output
    tfile = TranslationFile.load(root / "translations" / "doc.es.po")
    assert {unit.source: unit.target for unit in tfile if unit.target} == {
        "The file could not be read.": "No se pudo leer el archivo.",
        "The file was saved.": "Se guardó el archivo.",
    }


def test_sdlxliff_imports_and_counts_its_structure_units(tmp_path: Path) -> None:
    root = project(tmp_path)
    path = write(tmp_path, "doc.sdlxliff", SDLXLIFF)
    result = run(root, "import", str(path), "--doc", str(root / "doc.txt"), "--to", "es")
    assert result.exit_code == 0, result.output
    assert "segments filled:        2" in result.output
    # Four units: two to translate, two structure units Trados marks translate="no".
    assert "units read:             4" in result.output
    assert 'not for translation:    2 (translate="no"; skipped)' in result.output
    tfile = TranslationFile.load(root / "translations" / "doc.es.po")
    assert all(unit.state is not SegmentState.NEW for unit in tfile if unit.target)


def deviations(tmp_path: Path, text: str) -> list[str]:
    found = validate_interchange(write(tmp_path, "broken.xlf", text))
    assert {deviation.rule for deviation in found} == {XLIFF12_SCHEMA}
    return [deviation.message for deviation in found]


def test_errors_in_the_xliff_namespace_are_still_found(tmp_path: Path) -> None:
    # memoQ's status without its prefix is an attribute XLIFF does not have.
    unprefixed = MEMOQ.replace('id="2" mq:status=', 'id="2" status=')
    assert deviations(tmp_path, unprefixed) == [
        "Element 'trans-unit', attribute 'status': The attribute 'status' is not allowed"
    ]
    bad_state = MEMOQ.replace(
        '<target xml:space="preserve">Se', '<target state="confirmed" xml:space="preserve">Se'
    )
    assert any("'confirmed' is not" in message for message in deviations(tmp_path, bad_state))
    # An element of another namespace where XLIFF allows none: inside <source>.
    inside = MEMOQ.replace("The file was saved.", 'The file was <mq:tag id="1"/>saved.')
    assert any("mq:tag" in message or "tag" in message for message in deviations(tmp_path, inside))
    # An element of the XLIFF namespace that XLIFF does not define.
    unknown = MEMOQ.replace(
        "</trans-unit>\n    </body>", "<comment>x</comment></trans-unit></body>"
    )
    assert any("comment" in message for message in deviations(tmp_path, unknown))


def test_other_namespaces_with_a_known_schema_are_still_checked(tmp_path: Path) -> None:
    """Lax, not skip: ``<source>`` takes ``xml:space`` through its wildcard for other
    namespaces, and ``xml:space`` has a schema (the W3C ``xml.xsd``), so a wrong value is
    still a deviation."""
    bad_space = MEMOQ.replace(
        '<source xml:space="preserve">The file was', '<source xml:space="keep">The file was'
    )
    [message] = deviations(tmp_path, bad_space)
    assert message.startswith("Element 'source', attribute 'space'") and "'keep'" in message


def test_schema_locations_in_the_file_are_not_followed(tmp_path: Path) -> None:
    """The file's xsi:schemaLocation names schemas; none is loaded, from disk or network."""
    garbage = write(tmp_path, "garbage.xsd", "this is no schema")
    located = MEMOQ.replace(
        'xmlns:mq="MQXliff"',
        'xmlns:mq="MQXliff" xsi:schemaLocation="MQXliff '
        f"{garbage.as_uri()} urn:oasis:names:tc:xliff:document:1.2 "
        'http://127.0.0.1:9/xliff-core-1.2-strict.xsd"',
    )
    assert validate_interchange(write(tmp_path, "located.xlf", located)) == []


def test_entities_are_still_refused(tmp_path: Path) -> None:
    declared = MEMOQ.replace(
        "<xliff ", '<!DOCTYPE xliff [<!ENTITY big "No se pudo leer el archivo.">]>\n<xliff ', 1
    ).replace(
        '<target xml:space="preserve">No se pudo leer el archivo.',
        '<target xml:space="preserve">&big;',
    )
    path = write(tmp_path, "entities.xlf", declared)
    with pytest.raises(InputError):
        validate_interchange(path)
    with pytest.raises(InputError):
        read_units(path)


def test_memoq_and_trados_statuses_are_read_where_no_xliff_state_is_written(
    tmp_path: Path,
) -> None:
    # A segment a reviewer confirmed in memoQ, or approved in Trados Studio, imported as
    # merely edited: both tools write their own status, and no XLIFF state.
    reviewed = MEMOQ.replace('mq:status="PartiallyEdited"', 'mq:status="Reviewer1Confirmed"')
    memoq = read_units(write(tmp_path, "doc.mqxliff", reviewed))
    assert [unit.state for unit in memoq] == [SegmentState.EDITED, SegmentState.REVIEWED]
    machine = MEMOQ.replace('mq:status="PartiallyEdited"', 'mq:status="MachineTranslated"')
    assert read_units(write(tmp_path, "mt.mqxliff", machine))[1].state is SegmentState.MT
    trados = read_units(write(tmp_path, "doc.sdlxliff", SDLXLIFF))
    assert [unit.state for unit in trados] == [SegmentState.EDITED, SegmentState.REVIEWED]
    draft_mt = SDLXLIFF.replace(
        'conf="Translated" origin="interactive"', 'conf="Draft" origin="mt"'
    )
    assert read_units(write(tmp_path, "mt.sdlxliff", draft_mt))[0].state is SegmentState.MT
