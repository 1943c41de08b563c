"""TMX and XLIFF that declare XML entities are refused with the glossary reader's message.

An internal entity's text would vanish from the imported translation (entities are not
expanded) and an external one would be neither read nor refused: both must stop the import
with one line, through the installed ``termwise``, and write nothing.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

TERMWISE = Path(sys.executable).parent / "termwise"

DOCTYPE = "<!DOCTYPE {root} [\n<!ENTITY {name} {value}>\n]>\n"
TMX = (
    '<?xml version="1.0" encoding="UTF-8"?>\n{doctype}'
    '<tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="sentence" '
    'adminlang="en" creationtool="t" creationtoolversion="1" o-tmf="t"/>\n'
    '<body><tu><tuv xml:lang="en"><seg>The cat is blue.</seg></tuv>'
    '<tuv xml:lang="es"><seg>El gato es &e;.</seg></tuv></tu></body></tmx>\n'
)
XLIFF12 = (
    '<?xml version="1.0" encoding="UTF-8"?>\n{doctype}'
    '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
    '<file source-language="en" target-language="es" datatype="plaintext" original="doc.txt">'
    '<body><trans-unit id="1"><source>The cat is blue.</source>'
    "<target>El gato es &e;.</target></trans-unit></body></file></xliff>\n"
)
XLIFF20 = (
    '<?xml version="1.0" encoding="UTF-8"?>\n{doctype}'
    '<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en" '
    'trgLang="es"><file id="f1"><unit id="u1"><segment><source>The cat is blue.</source>'
    "<target>El gato es &e;.</target></segment></unit></file></xliff>\n"
)
TBX = (
    '<?xml version="1.0" encoding="UTF-8"?>\n{doctype}'
    '<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">'
    "<tbxHeader><fileDesc><sourceDesc><p>&e;</p></sourceDesc></fileDesc></tbxHeader>"
    "<text><body/></text></tbx>\n"
)
ENTITIES = {
    "internal": '"azul"',
    "external": 'SYSTEM "file:///etc/hostname"',
}


def termwise(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(TERMWISE), *args], cwd=cwd, capture_output=True, text=True, timeout=60, check=False
    )


def message_of(result: subprocess.CompletedProcess[str], path: Path) -> str:
    """The refusal without its ``termwise: error: FILE:LINE:`` prefix."""
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    # ``check`` may say first that the project has no glossary; one line is the error.
    lines = [line for line in result.stderr.splitlines() if line.startswith("termwise: error")]
    assert len(lines) == 1, result.stderr
    prefix = f"termwise: error: {path.name}:3: "
    assert lines[0].startswith(prefix), lines[0]
    return lines[0][len(prefix) :]


@pytest.mark.parametrize("kind", sorted(ENTITIES))
@pytest.mark.parametrize(
    ("template", "root", "suffix", "encoding"),
    [
        (TMX, "tmx", ".tmx", "utf-8"),
        (XLIFF12, "xliff", ".xlf", "utf-8"),
        (XLIFF20, "xliff", ".xlf", "utf-8"),
        (TMX, "tmx", ".tmx", "utf-16"),
    ],
    ids=["tmx", "xliff-1.2", "xliff-2.0", "tmx-utf16"],
)
def test_entities_in_tmx_and_xliff_are_refused_like_the_glossary_reader_does(
    tmp_path: Path, template: str, root: str, suffix: str, encoding: str, kind: str
) -> None:
    (tmp_path / "doc.txt").write_text("The cat is blue.\n")
    doctype = DOCTYPE.format(root=root, name="e", value=ENTITIES[kind])
    memory = tmp_path / f"memory{suffix}"
    text = template.format(doctype=doctype)
    if encoding != "utf-8":
        text = text.replace('encoding="UTF-8"', 'encoding="UTF-16"')
    memory.write_bytes(text.encode(encoding))
    glossary = tmp_path / "terms.tbx"
    glossary.write_text(TBX.format(doctype=DOCTYPE.format(root="tbx", name="e", value='"x"')))

    expected = message_of(termwise("glossary", "import", glossary.name, cwd=tmp_path), glossary)
    assert "declares XML entities" in expected
    imported = termwise("import", memory.name, "--doc", "doc.txt", "--to", "es", cwd=tmp_path)
    assert message_of(imported, memory) == expected
    checked = termwise("check", "doc.txt", "--to", "es", "--target", memory.name, cwd=tmp_path)
    assert message_of(checked, memory) == expected
    assert not (tmp_path / "translations").exists()
    assert not (tmp_path / "glossary").exists()
