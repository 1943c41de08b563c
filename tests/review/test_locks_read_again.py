"""The source alone under review (``termwise fix`` without ``--to``, the workbench without
a target) keeps the source of a segment that one of the project's translations locks. The
locks were read once per session: one another program took since was not seen (a source fix
rewrote the sentence under it), and one it released kept refusing. They are read again when
a translation file changes on disk, as the other languages' work is."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from termwise.cli import cli
from termwise.project.layout import ProjectLayout
from termwise.review.session import ReadOnlySegment, ReviewSession

FIRST = "The committee met in May."
SECOND = "The file was saved."

PO = f"""\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=utf-8\\n"
"Language: es\\n"
"X-Source-Language: en\\n"

msgctxt "{{first}}"
msgid "{FIRST}"
msgstr "El comité se reunió en mayo."
"""

# Another tool's file: the second sentence is not for translation (translate="no").
XLIFF = f"""<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file original="d.txt" source-language="en" target-language="es" datatype="plaintext">
<body>
<trans-unit id="2" translate="no"><source>{SECOND}</source></trans-unit>
</body>
</file>
</xliff>
"""


def test_a_lock_taken_or_released_on_disk_is_seen_at_once(tmp_path: Path) -> None:
    document = tmp_path / "d.txt"
    document.write_text(f"{FIRST}\n\n{SECOND}\n", encoding="utf-8")
    layout = ProjectLayout.at(tmp_path)
    session = ReviewSession(layout, document, None)
    first, second = (row.segment_id for row in session.rows)
    po = layout.translation_file(document, "es")
    po.parent.mkdir()
    po.write_text(PO.format(first=first), encoding="utf-8")
    assert session.read_only_reason(second) is None
    session.refuse_read_only([first, second], "fixing its source")

    # Another program locks the second sentence: an import of a file that marks it.
    xliff = tmp_path / "in.xlf"
    xliff.write_text(XLIFF, encoding="utf-8")
    imported = CliRunner().invoke(
        cli,
        ["--project", str(tmp_path), "import", str(xliff), "--doc", str(document), "--to", "es"],
    )
    assert imported.exit_code == 0, imported.output
    assert "#, read-only" in po.read_text(encoding="utf-8")
    reason = session.read_only_reason(second)
    assert reason is not None and reason.endswith("(es)")
    with pytest.raises(ReadOnlySegment, match="#2 is read-only, so fixing its source is refused"):
        session.refuse_read_only([second], "fixing its source")
    assert session.read_only_reason(first) is None

    # And releases it (Weblate's flag taken off the entry).
    po.write_text(po.read_text(encoding="utf-8").replace("#, read-only\n", ""), encoding="utf-8")
    assert session.read_only_reason(second) is None
    session.refuse_read_only([second], "fixing its source")
