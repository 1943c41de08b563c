"""Review states of XLIFF 1.2, XLIFF 2.x, TMX and PO, each named, both directions.

The mapping itself is ``project.states``; these tests read files the way real tools write
them (translate-toolkit, gettext) and hand-written units for the states no tool here writes.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner

from termwise.cli import cli
from termwise.project import states
from termwise.project.interchange import read_units
from termwise.project.translation_file import TranslationFile
from termwise.project.units import SegmentState

BIN = Path(sys.executable).parent
NEW, MT, EDITED, REVIEWED = (
    SegmentState.NEW,
    SegmentState.MT,
    SegmentState.EDITED,
    SegmentState.REVIEWED,
)
PAPER = "One sentence here.\n\nTwo sentences here.\n\nThree sentences here.\n"


def xliff12(units: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
        '<file original="p" source-language="en" target-language="es" datatype="plaintext">'
        f"<body>\n{units}\n</body></file></xliff>\n"
    )


def unit12(target_attrs: str, unit_attrs: str = "", target: str = "Uno.") -> str:
    return (
        f'<trans-unit id="1" {unit_attrs}><source>One.</source>'
        f"<target {target_attrs}>{target}</target></trans-unit>"
    )


@pytest.mark.parametrize(
    ("target_attrs", "unit_attrs", "expected"),
    [
        ('state="new"', "", EDITED),
        ('state="needs-translation"', "", EDITED),  # a draft (translate-toolkit's fuzzy)
        ('state="needs-l10n"', "", EDITED),
        ('state="needs-adaptation"', "", EDITED),
        ('state="needs-review-translation"', "", EDITED),
        ('state="needs-review-l10n"', "", EDITED),
        ('state="needs-review-adaptation"', "", EDITED),
        ('state="needs-review-translation" state-qualifier="mt-suggestion"', "", MT),
        ('state="translated" state-qualifier="leveraged-mt"', "", MT),
        ('state="translated"', "", EDITED),
        ('state="translated"', 'approved="yes"', REVIEWED),
        ('state="signed-off"', "", REVIEWED),
        ('state="final"', "", REVIEWED),
        ('state="x-custom"', "", EDITED),
        ("", 'approved="yes"', REVIEWED),
        ("", "", EDITED),
        ("", 'approved="no"', EDITED),
    ],
)
def test_xliff12_each_state(tmp_path: Path, target_attrs: str, unit_attrs: str, expected) -> None:
    path = tmp_path / "s.xlf"
    path.write_text(xliff12(unit12(target_attrs, unit_attrs)), encoding="utf-8")
    (unit,) = read_units(path)
    assert unit.state is expected
    assert unit.state_conflict is None
    assert unit.reviewed is (expected is REVIEWED)


@pytest.mark.parametrize(
    ("target_attrs", "unit_attrs", "why"),
    [
        ('state="needs-review-translation"', 'approved="yes"', "approved yet unfinished"),
        ('state="needs-translation"', 'approved="yes"', "approved yet unfinished"),
        ('state="new"', 'approved="yes"', "approved yet unfinished"),
        ('state="needs-review-l10n"', 'approved="yes"', "approved yet unfinished"),
        ('state="final"', 'approved="no"', "final yet not approved"),
        ('state="signed-off"', 'approved="no"', "final yet not approved"),
        ('state="final" state-qualifier="rejected-inaccurate"', "", "rejected yet final"),
        ('state="translated" state-qualifier="rejected-grammar"', 'approved="yes"', "rejected"),
    ],
)
def test_xliff12_contradictions_read_cautiously(
    tmp_path: Path, target_attrs: str, unit_attrs: str, why: str
) -> None:
    path = tmp_path / "c.xlf"
    path.write_text(xliff12(unit12(target_attrs, unit_attrs)), encoding="utf-8")
    (unit,) = read_units(path)
    assert unit.state is EDITED
    assert unit.state_conflict and why in unit.state_conflict


def test_xliff12_placeholder_and_empty_targets(tmp_path: Path) -> None:
    path = tmp_path / "p.xlf"
    path.write_text(
        xliff12(
            unit12('state="needs-translation"', target="One.")  # a copy of the source
            + unit12('state="needs-translation"', target="")
            + unit12('state="final"', 'approved="yes"', target="")
        ),
        encoding="utf-8",
    )
    copy, empty, final_empty = read_units(path)
    assert (copy.state, copy.placeholder) == (NEW, True)
    assert (empty.state, empty.placeholder) == (NEW, False)
    assert final_empty.state is NEW and "no target text" in (final_empty.state_conflict or "")


def xliff2(segments: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" '
        f'trgLang="es"><file id="f1">{segments}</file></xliff>\n'
    )


@pytest.mark.parametrize(
    ("attrs", "expected"),
    [
        ("", EDITED),  # no state: the specification's default, initial
        ('state="initial"', EDITED),
        ('state="translated"', EDITED),
        ('state="translated" subState="termwise:mt"', MT),
        ('state="initial" subState="termwise:mt"', MT),
        ('state="translated" subState="termwise:edited"', EDITED),
        ('state="translated" subState="acme:done"', EDITED),
        ('state="reviewed"', REVIEWED),
        ('state="final"', REVIEWED),
        ('state="reviewed" subState="acme:checked"', REVIEWED),
    ],
)
def test_xliff2_each_state(tmp_path: Path, attrs: str, expected) -> None:
    path = tmp_path / "s.xlf"
    path.write_text(
        xliff2(
            f'<unit id="u1"><segment {attrs}><source>One.</source><target>Uno.</target>'
            "</segment></unit>"
        ),
        encoding="utf-8",
    )
    (unit,) = read_units(path)
    assert unit.state is expected
    assert unit.state_conflict is None


def test_xliff2_contradictions_read_cautiously(tmp_path: Path) -> None:
    path = tmp_path / "c.xlf"
    path.write_text(
        xliff2(
            '<unit id="u1"><segment state="reviewed" subState="termwise:mt"><source>One.</source>'
            '<target>Uno.</target></segment></unit><unit id="u2"><segment state="final">'
            '<source>Two.</source></segment></unit><unit id="u3"><segment state="done">'
            "<source>Three.</source><target>Tres.</target></segment></unit>"
        ),
        encoding="utf-8",
    )
    leftover, no_target, unknown = read_units(path)
    assert leftover.state is EDITED and "reviewed yet marked unreviewed" in str(
        leftover.state_conflict
    )
    assert no_target.state is NEW and "no target text" in str(no_target.state_conflict)
    assert unknown.state is EDITED and "unknown state 'done'" in str(unknown.state_conflict)


@pytest.mark.parametrize(
    ("props", "expected", "conflict"),
    [
        ("", REVIEWED, False),  # a memory keeps what a translator confirmed
        ('<prop type="x-state">reviewed</prop>', REVIEWED, False),
        ('<prop type="x-state">edited</prop>', EDITED, False),
        ('<prop type="x-state">mt</prop>', MT, False),
        ('<prop type="x-state">new</prop>', EDITED, True),
        ('<prop type="x-state">approved</prop>', EDITED, True),
    ],
)
def test_tmx_each_state(tmp_path: Path, props: str, expected, conflict: bool) -> None:
    path = tmp_path / "s.tmx"
    path.write_text(
        '<?xml version="1.0"?><tmx version="1.4"><header srclang="en" creationtool="x" '
        'creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" '
        f'datatype="plaintext"/><body><tu>{props}<tuv xml:lang="en"><seg>One.</seg></tuv>'
        '<tuv xml:lang="es"><seg>Uno.</seg></tuv></tu></body></tmx>',
        encoding="utf-8",
    )
    (unit,) = read_units(path, target_lang="es")
    assert unit.state is expected
    assert (unit.state_conflict is not None) is conflict


def test_po_each_state_from_msgfmt_checked_file(tmp_path: Path) -> None:
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "es"}
    po.append(polib.POEntry(msgid="One.", msgstr="Uno."))  # reviewed
    po.append(polib.POEntry(msgid="Two.", msgstr="Dos.", flags=["fuzzy"]))  # edited
    po.append(
        polib.POEntry(msgid="Three.", msgstr="Tres.", flags=["fuzzy"], comment="mt: Tres.")
    )  # mt: termwise writes the MT as an extracted comment, "#. mt: "
    po.append(polib.POEntry(msgid="Four.", msgstr=""))  # new
    path = tmp_path / "es.po"
    po.save(str(path))
    subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], check=True)
    assert [u.state for u in read_units(path)] == [REVIEWED, EDITED, MT, NEW]


@pytest.mark.parametrize("state", [NEW, MT, EDITED, REVIEWED])
def test_each_termwise_state_is_written_and_read_back_the_same(state: SegmentState) -> None:
    target = "" if state is NEW else "Uno."
    xml_state, qualifier, approved = states.to_xliff12(state)
    assert (
        states.from_xliff12(
            source="One.", target=target, state=xml_state, qualifier=qualifier, approved=approved
        ).state
        is state
    )
    state2, sub_state = states.to_xliff2(state)
    assert states.from_xliff2(target=target, state=state2, sub_state=sub_state).state is state
    if state is not NEW:  # TMX holds units with a target only
        assert states.from_tmx(target=target, properties=states.to_tmx(state)).state is state
    mt = target if state is MT else None
    assert states.from_po(target=target, fuzzy=states.to_po(state), mt=mt).state is state


def project_with_paper(tmp_path: Path, name: str) -> Path:
    root = tmp_path / name
    root.mkdir()
    (root / "paper.txt").write_text(PAPER, encoding="utf-8")
    return root


def run(root: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--project", str(root), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def states_of(root: Path) -> dict[str, SegmentState]:
    tfile = TranslationFile.load(root / "translations" / "paper.es.po")
    return {unit.source: unit.state for unit in tfile.units.values()}


def test_po2xliff_states_survive_import(tmp_path: Path) -> None:
    """translate-toolkit's po2xliff: approved="yes" state="translated" for finished entries,
    needs-translation for fuzzy ones, an empty target for untranslated ones."""
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "es"}
    po.append(polib.POEntry(msgid="One sentence here.", msgstr="Una frase aquí."))
    po.append(polib.POEntry(msgid="Two sentences here.", msgstr="Dos frases.", flags=["fuzzy"]))
    po.append(polib.POEntry(msgid="Three sentences here.", msgstr=""))
    po_path = tmp_path / "es.po"
    po.save(str(po_path))
    xlf = tmp_path / "es.xlf"
    subprocess.run([str(BIN / "po2xliff"), str(po_path), str(xlf)], check=True, capture_output=True)
    root = project_with_paper(tmp_path, "p")
    output = run(root, "import", str(xlf), "--doc", str(root / "paper.txt"), "--to", "es")
    assert "states read cautiously: 0" in output
    assert states_of(root) == {
        "One sentence here.": REVIEWED,
        "Two sentences here.": EDITED,
        "Three sentences here.": NEW,
    }


def test_translate_toolkit_xliff2_states(tmp_path: Path) -> None:
    from translate.storage.xliff2 import Xliff2File

    store = Xliff2File()
    store.setsourcelanguage("en")
    store.settargetlanguage("es")
    plain = store.addsourceunit("One sentence here.")
    plain.target = "Una frase aquí."  # written without a state: initial
    fuzzy = store.addsourceunit("Two sentences here.")
    fuzzy.target = "Dos frases."
    fuzzy.markfuzzy(True)
    approved = store.addsourceunit("Three sentences here.")
    approved.target = "Tres frases."
    approved.markapproved(True)
    path = tmp_path / "es.xlf"
    store.savefile(str(path))
    root = project_with_paper(tmp_path, "p")
    # translate-toolkit's XLIFF 2 has no unit ids and xml:space on <segment> (schema
    # deviations), so it needs --lenient.
    run(root, "import", str(path), "--doc", str(root / "paper.txt"), "--to", "es", "--lenient")
    assert states_of(root) == {
        "One sentence here.": EDITED,  # was imported as reviewed
        "Two sentences here.": EDITED,
        "Three sentences here.": REVIEWED,
    }


def test_contradictions_are_reported_by_import(tmp_path: Path) -> None:
    path = tmp_path / "c.xlf"
    path.write_text(
        xliff12(
            '<trans-unit id="a" approved="yes"><source>One sentence here.</source>'
            '<target state="needs-review-translation">Una frase aquí.</target></trans-unit>\n'
            '<trans-unit id="b"><source>Two sentences here.</source>'
            '<target state="needs-translation">Two sentences here.</target></trans-unit>'
        ),
        encoding="utf-8",
    )
    root = project_with_paper(tmp_path, "p")
    output = run(root, "import", str(path), "--doc", str(root / "paper.txt"), "--to", "es")
    assert "states read cautiously: 1" in output
    assert (
        'state read cautiously at line 4: state="needs-review-translation" approved="yes": '
        "approved yet unfinished; read as edited" in output
    )
    assert "placeholder targets:    1" in output
    assert states_of(root) == {
        "One sentence here.": EDITED,
        "Two sentences here.": NEW,  # the copied source was not taken for a translation
        "Three sentences here.": NEW,
    }
