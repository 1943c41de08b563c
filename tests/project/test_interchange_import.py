"""Importing TMX, XLIFF and PO files that real tools wrote: translate-toolkit, gettext, OmegaT."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner, Result

from termwise.cli import cli
from termwise.errors import InputError
from termwise.project.interchange import read_units
from termwise.project.layout import ProjectLayout
from termwise.project.translation_file import TranslationFile
from termwise.project.units import SegmentState

DATA = Path(__file__).resolve().parents[1] / "data" / "project"
BIN = Path(sys.executable).parent

PAPER = (
    "China proposed the community of human destiny. It is a concept of life.\n\n"
    "The Belt and Road Initiative connects many countries.\n\n"
    "Trade grew by five percent in 2020.\n"
)
SPANISH = {
    "China proposed the community of human destiny.": "China propuso la comunidad de destino.",
    "It is a concept of life.": "Es un concepto de vida.",
    "The Belt and Road Initiative connects many countries.": "La Franja y la Ruta conecta muchos países.",
    "A sentence that is not in the paper.": "Una frase que no está en el artículo.",
}


def run(root: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--project", str(root), *args], catch_exceptions=False)


@pytest.fixture
def paper(tmp_path: Path) -> Path:
    root = tmp_path / "proj"
    root.mkdir()
    path = root / "paper.txt"
    path.write_text(PAPER, encoding="utf-8")
    return path


def gettext_po(tmp_path: Path) -> Path:
    """A PO file made by gettext's msginit from a template, translated with polib."""
    pot = tmp_path / "paper.pot"
    entries = polib.POFile()
    entries.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    for source in SPANISH:
        entries.append(polib.POEntry(msgid=source, msgstr=""))
    entries.save(str(pot))
    po = tmp_path / "es.po"
    subprocess.run(
        ["msginit", "--no-translator", "-l", "es", "-i", str(pot), "-o", str(po)],
        check=True,
        capture_output=True,
    )
    translated = polib.pofile(str(po))
    for entry in translated:
        entry.msgstr = SPANISH[entry.msgid]
        if entry.msgid.startswith("It is"):
            entry.flags.append("fuzzy")
    translated.save(str(po))
    # Let msgcat (gettext) write the final file, as a translator's tool chain would.
    out = tmp_path / "gettext.po"
    subprocess.run(["msgcat", "-o", str(out), str(po)], check=True, capture_output=True)
    return out


def tool(name: str) -> str:
    path = BIN / name
    assert path.exists(), f"translate-toolkit's {name} is not installed in {BIN}"
    return str(path)


def test_po_from_gettext_imports_with_fuzzy_as_edited(tmp_path: Path, paper: Path) -> None:
    po = gettext_po(tmp_path)
    result = run(paper.parent, "import", str(po), "--doc", str(paper), "--to", "es")
    assert result.exit_code == 0, result.output
    assert "segments filled:        3" in result.output
    assert "unmatched (kept aside): 1" in result.output
    tfile = TranslationFile.load(paper.parent / "translations" / "paper.es.po")
    by_source = {unit.source: unit for unit in tfile.units.values()}
    assert (
        by_source["China proposed the community of human destiny."].state is SegmentState.REVIEWED
    )
    assert by_source["It is a concept of life."].state is SegmentState.EDITED
    assert by_source["Trade grew by five percent in 2020."].state is SegmentState.NEW
    unmatched = read_units(paper.parent / "translations" / "paper.es.unmatched.tmx")
    assert [(u.source, u.target) for u in unmatched] == [
        ("A sentence that is not in the paper.", "Una frase que no está en el artículo.")
    ]


def test_tmx_from_po2tmx_and_xliff_from_po2xliff(tmp_path: Path, paper: Path) -> None:
    po = gettext_po(tmp_path)
    tmx = tmp_path / "paper.tmx"
    subprocess.run([tool("po2tmx"), "-l", "es", str(po), str(tmx)], check=True, capture_output=True)
    units = read_units(tmx, target_lang="es")
    # po2tmx leaves fuzzy entries out: three of four.
    assert {u.source for u in units} == set(SPANISH) - {"It is a concept of life."}
    result = run(paper.parent, "import", str(tmx), "--doc", str(paper), "--to", "es")
    assert "segments filled:        2" in result.output, result.output

    xlf = tmp_path / "paper.xlf"
    subprocess.run([tool("po2xliff"), str(po), str(xlf)], check=True, capture_output=True)
    xliff_units = read_units(xlf)
    assert {u.source for u in xliff_units} == set(SPANISH)  # the PO header unit is skipped
    fuzzy = next(u for u in xliff_units if u.source.startswith("It is"))
    assert fuzzy.reviewed is False
    result = run(paper.parent, "import", str(xlf), "--doc", str(paper), "--to", "es")
    assert result.exit_code == 0, result.output
    assert "segments filled:        1" in result.output  # only the fuzzy one was missing
    assert "already the same:       2" in result.output


def test_xliff2_written_by_translate_toolkit(tmp_path: Path, paper: Path) -> None:
    from translate.storage.xliff2 import Xliff2File

    store = Xliff2File()
    store.setsourcelanguage("en")
    store.settargetlanguage("es")
    for source, target in SPANISH.items():
        unit = store.addsourceunit(source)
        unit.target = target
    path = tmp_path / "paper.xlf"
    store.savefile(str(path))
    assert "urn:oasis:names:tc:xliff:document:2.0" in path.read_text(encoding="utf-8")
    units = read_units(path)
    assert {(u.source, u.target) for u in units} == set(SPANISH.items())
    # translate-toolkit's XLIFF 2 breaks the core schema (no unit id, xml:space on <segment>):
    # refused with the first deviation, imported with --lenient, which lists both.
    with pytest.raises(InputError) as refused:
        run(paper.parent, "import", str(path), "--doc", str(paper), "--to", "es")
    assert "paper.xlf:4: Element 'unit': The attribute 'id' is required" in str(refused.value)
    assert "[XLIFF 2.0 core schema]" in str(refused.value)
    assert not (paper.parent / "translations").exists()
    result = run(paper.parent, "import", str(path), "--doc", str(paper), "--to", "es", "--lenient")
    assert "segments filled:        3" in result.output, result.output
    assert result.output.count("deviation (imported with --lenient)") == 2 * len(SPANISH)


def omegat_project(tmp_path: Path) -> Path:
    """Run OmegaT headless on a tiny project; it writes TMX 1.1 and 1.4b exports."""
    omegat = shutil.which("omegat")
    assert omegat, "OmegaT is not installed (Debian package omegat)"
    project = tmp_path / "omegat-project"
    shutil.copytree(DATA / "omegat-project", project)
    for folder in ("omegat", "target", "glossary", "dictionary"):  # git keeps no empty folders
        (project / folder).mkdir(exist_ok=True)
    result = subprocess.run(
        [
            omegat,
            "--mode=console-translate",
            f"--config-dir={tmp_path / 'omegat-config'}",
            "--disable-project-locking",
            "--no-team",
            "--quiet",
            str(project),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return project


def test_tmx_written_by_omegat(tmp_path: Path, paper: Path) -> None:
    project = omegat_project(tmp_path)
    level2 = project / "omegat-project-level2.tmx"
    tmx11 = project / "omegat-project-omegat.tmx"
    assert 'version="1.4"' in level2.read_text(encoding="utf-8")
    assert 'version="1.1"' in tmx11.read_text(encoding="utf-8")

    units11 = read_units(tmx11, target_lang="es", source_lang="en")
    assert {u.source for u in units11} >= {"China proposed the community of human destiny."}
    assert all(u.source_lang == "en-US" and u.target_lang == "es" for u in units11)

    units = read_units(level2, target_lang="es", source_lang="en")
    bold = next(u for u in units if u.source.startswith("Trade grew"))
    assert bold.source == "Trade grew by five percent in 2020."
    assert bold.target == "El comercio creció un cinco por ciento en 2020."
    assert [(c.side, c.kind, c.native) for c in bold.inline_codes] == [
        ("source", "bpt", "<b0>"),
        ("source", "ept", "</b0>"),
        ("target", "bpt", "<b0>"),
        ("target", "ept", "</b0>"),
    ]
    assert bold.inline_codes[0].offset == len("Trade grew by ")

    result = run(paper.parent, "import", str(level2), "--doc", str(paper), "--to", "es")
    assert result.exit_code == 0, result.output
    assert "segments filled:        3" in result.output
    assert "inline codes not kept in" in result.output and "<b0>" in result.output
    tfile = TranslationFile.load(paper.parent / "translations" / "paper.es.po")
    trade = next(u for u in tfile.units.values() if u.source.startswith("Trade"))
    assert trade.target == "El comercio creció un cinco por ciento en 2020."
    assert "<b0> </b0>" in trade.notes  # reported on the unit, not silently dropped
    # Units of the other source file (page.html's title) match no segment and are kept aside.
    unmatched_path = paper.parent / "translations" / "paper.es.unmatched.tmx"
    kept = read_units(unmatched_path, target_lang="es")
    assert kept and all(u.source not in PAPER for u in kept)
    assert f"unmatched (kept aside): {len(kept)}" in result.output


def test_unmatched_tmx_keeps_inline_codes(tmp_path: Path, paper: Path) -> None:
    tmx = tmp_path / "codes.tmx"
    tmx.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="x" '
        'creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="en" '
        'datatype="plaintext"/><body><tu><tuv xml:lang="en"><seg>Press <ph x="1">&lt;kbd&gt;'
        '</ph> now.</seg></tuv><tuv xml:lang="es"><seg>Pulse <ph x="1">&lt;kbd&gt;</ph> ya.</seg>'
        '</tuv></tu><tu><tuv xml:lang="en"><seg>Trade grew by five percent in 2020.</seg></tuv>'
        '<tuv xml:lang="es"><seg>El comercio creció un cinco por ciento en 2020.</seg></tuv></tu>'
        "</body></tmx>",
        encoding="utf-8",
    )
    result = run(paper.parent, "import", str(tmx), "--doc", str(paper), "--to", "es")
    assert "unmatched (kept aside): 1" in result.output
    kept = read_units(paper.parent / "translations" / "paper.es.unmatched.tmx")
    assert kept[0].source == "Press  now." and kept[0].target == "Pulse  ya."
    assert [(c.side, c.native, c.offset) for c in kept[0].inline_codes] == [
        ("source", "<kbd>", 6),
        ("target", "<kbd>", 6),
    ]


def test_import_keeps_reviewed_work_unless_overwrite(tmp_path: Path, paper: Path) -> None:
    po = gettext_po(tmp_path)
    run(paper.parent, "import", str(po), "--doc", str(paper), "--to", "es")
    path = paper.parent / "translations" / "paper.es.po"
    tfile = TranslationFile.load(path)
    unit = next(u for u in tfile.units.values() if u.source.startswith("China"))
    unit.set_translation("China propuso la comunidad de futuro compartido.", reviewed=True)
    tfile.save()
    result = run(paper.parent, "import", str(po), "--doc", str(paper), "--to", "es")
    assert "kept existing work:     1" in result.output
    kept = next(
        u for u in TranslationFile.load(path).units.values() if u.source.startswith("China")
    )
    assert kept.target == "China propuso la comunidad de futuro compartido."
    assert (
        "Alternative translation (gettext.po): China propuso la comunidad de destino." in kept.notes
    )
    assert kept.state is SegmentState.REVIEWED  # the file calls its own text reviewed too
    run(paper.parent, "import", str(po), "--doc", str(paper), "--to", "es", "--overwrite")
    replaced = next(
        u for u in TranslationFile.load(path).units.values() if u.source.startswith("China")
    )
    assert replaced.target == "China propuso la comunidad de destino."


def test_a_reviewed_unit_the_file_rejects_goes_back_to_review(tmp_path: Path, paper: Path) -> None:
    # A reviewer elsewhere gave it another text and marked it not reviewed (fuzzy): kept as
    # "reviewed", the rejection was lost, and the editions went on printing it.
    po = gettext_po(tmp_path)
    run(paper.parent, "import", str(po), "--doc", str(paper), "--to", "es")
    path = paper.parent / "translations" / "paper.es.po"
    tfile = TranslationFile.load(path)
    unit = next(u for u in tfile.units.values() if u.source.startswith("It is"))
    unit.set_translation("Es un concepto de vida, revisado aquí.", reviewed=True)
    tfile.save()
    result = run(paper.parent, "import", str(po), "--doc", str(paper), "--to", "es")
    assert "kept existing work:     1 (the file's text added as a note)" in result.output
    assert "  sent back to review:  1" in result.output
    assert "repeats as notes:       0" in result.output
    kept = TranslationFile.load(path).units[unit.segment_id]
    assert kept.target == "Es un concepto de vida, revisado aquí."
    assert kept.state is SegmentState.EDITED
    assert f"Alternative translation (gettext.po): {SPANISH[unit.source]}" in kept.notes


def test_wrong_target_language_is_refused(tmp_path: Path, paper: Path) -> None:
    po = gettext_po(tmp_path)
    result = CliRunner().invoke(
        cli, ["--project", str(paper.parent), "import", str(po), "--doc", str(paper), "--to", "fr"]
    )
    assert result.exit_code != 0
    assert isinstance(result.exception, InputError)
    assert "translates into es, not fr" in str(result.exception)
    assert not (paper.parent / "translations" / "paper.fr.po").exists()


@pytest.mark.parametrize(
    ("name", "content", "line", "needle"),
    [
        ("cut.tmx", b'<?xml version="1.0"?>\n<tmx version="1.4">\n<body><tu>\n', 4, "well-formed"),
        (
            "nobody.tmx",
            b'<?xml version="1.0"?>\n<tmx version="1.4"><header/></tmx>',
            2,
            "no <body>",
        ),
        (
            "nosource.xlf",
            b'<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n<file>\n'
            b"<body>\n<trans-unit id='1'><target>x</target></trans-unit></body></file></xliff>",
            4,
            "without <source>",
        ),
        ("binary.tmx", b"<\x00t\x00m\x00x\x00\x00\x01", None, "XML"),
        ("html.xml", b"<html><body/></html>", 1, "neither TMX nor XLIFF"),
        ("broken.po", b'msgid ""\nmsgstr ""\n\nmsgid "a\nmsgstr "b"\n', 4, "not closed"),
        (
            "latin1.tmx",
            '<?xml version="1.0" encoding="UTF-8"?>\n<tmx><body>é</body></tmx>'.encode("latin-1"),
            2,
            "XML",
        ),
    ],
)
def test_broken_files_give_clear_errors(
    tmp_path: Path, name: str, content: bytes, line: int | None, needle: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError) as caught:
        read_units(path)
    assert caught.value.path == str(path)
    assert needle in caught.value.message
    if line is not None:
        assert caught.value.line == line


def test_broken_import_writes_nothing(tmp_path: Path, paper: Path) -> None:
    bad = tmp_path / "bad.xlf"
    bad.write_bytes(b"<xliff version='1.2'><file><body><trans-unit>")
    result = CliRunner().invoke(
        cli, ["--project", str(paper.parent), "import", str(bad), "--doc", str(paper), "--to", "es"]
    )
    assert isinstance(result.exception, InputError)
    assert not (paper.parent / "translations").exists()


def test_layout_helper_paths(tmp_path: Path) -> None:
    from termwise.project.importing import unmatched_path

    layout = ProjectLayout.at(tmp_path)
    assert (
        unmatched_path(layout.translation_file("paper.txt", "zh-CN")).name
        == "paper.zh.unmatched.tmx"
    )


def test_utf16_tmx_with_bom_as_trados_writes_it(tmp_path: Path, paper: Path) -> None:
    text = (
        '<?xml version="1.0" encoding="UTF-16"?>\n<tmx version="1.4"><header creationtool="SDL" '
        'creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en-US" srclang="en-US" '
        'datatype="xml"/><body><tu><tuv xml:lang="en-US"><seg>It is a concept of life.</seg></tuv>'
        '<tuv xml:lang="es-ES"><seg>Es un concepto de vida.</seg></tuv></tu></body></tmx>'
    )
    path = tmp_path / "trados.tmx"
    path.write_bytes(text.encode("utf-16"))
    units = read_units(path, target_lang="es")
    assert [(u.source, u.target, u.target_lang) for u in units] == [
        ("It is a concept of life.", "Es un concepto de vida.", "es-ES")
    ]
    result = run(paper.parent, "import", str(path), "--doc", str(paper), "--to", "es")
    assert "segments filled:        1" in result.output


def test_paragraph_level_units_are_split_over_sentences(tmp_path: Path, paper: Path) -> None:
    """Tools that segment by paragraph: the unit spans two of our sentences."""
    from translate.storage.xliff2 import Xliff2File

    store = Xliff2File()
    store.setsourcelanguage("en")
    store.settargetlanguage("es")
    whole = store.addsourceunit(
        "China proposed the community of human destiny. It is a concept of life."
    )
    whole.target = "China propuso la comunidad de destino. Es un concepto de vida."
    store.savefile(str(tmp_path / "paragraphs.xlf"))
    result = run(
        paper.parent,
        "import",
        str(tmp_path / "paragraphs.xlf"),
        "--doc",
        str(paper),
        "--to",
        "es",
        "--lenient",  # translate-toolkit's XLIFF 2 has no unit ids
    )
    assert "paragraph units split:  1" in result.output, result.output
    tfile = TranslationFile.load(paper.parent / "translations" / "paper.es.po")
    targets = [unit.target for unit in tfile.units.values()]
    assert targets[:2] == ["China propuso la comunidad de destino.", "Es un concepto de vida."]

    # A translation that does not split into the same number of sentences is kept aside.
    store = Xliff2File()
    store.setsourcelanguage("en")
    store.settargetlanguage("es")
    odd = store.addsourceunit(
        "China proposed the community of human destiny. It is a concept of life."
    )
    odd.target = "China propuso la comunidad de destino, un concepto de vida."
    store.savefile(str(tmp_path / "odd.xlf"))
    result = run(
        paper.parent,
        "import",
        str(tmp_path / "odd.xlf"),
        "--doc",
        str(paper),
        "--to",
        "es",
        "--lenient",
    )
    assert "paragraphs not split:   1 (kept aside)" in result.output
    kept = read_units(paper.parent / "translations" / "paper.es.unmatched.tmx")
    assert [u.target for u in kept] == [
        "China propuso la comunidad de destino, un concepto de vida."
    ]


def test_xliff2_codes_are_reported_with_their_original_data(tmp_path: Path) -> None:
    path = tmp_path / "okapi-style.xlf"
    path.write_text(
        '<?xml version="1.0"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0"'
        ' srcLang="en" trgLang="es"><file id="f1"><unit id="u1"><originalData>'
        '<data id="d1">&lt;b&gt;</data><data id="d2">&lt;/b&gt;</data><data id="d3">&lt;br/&gt;'
        "</data></originalData><segment><source>Trade grew by "
        '<pc id="1" dataRefStart="d1" dataRefEnd="d2">five</pc> percent<ph id="2" dataRef="d3"/>'
        "</source><target>El comercio creció un "
        '<pc id="1" dataRefStart="d1" dataRefEnd="d2">cinco</pc> por ciento<ph id="2" dataRef="d3"/>'
        "</target></segment><ignorable><source> </source></ignorable></unit></file></xliff>",
        encoding="utf-8",
    )
    (unit,) = read_units(path)
    assert unit.source == "Trade grew by five percent"
    assert unit.target == "El comercio creció un cinco por ciento"
    assert [(c.side, c.native, c.offset) for c in unit.inline_codes] == [
        ("source", "<b>", 14),
        ("source", "</b>", 18),
        ("source", "<br/>", 26),
        ("target", "<b>", 22),
        ("target", "</b>", 27),
        ("target", "<br/>", 38),
    ]


@pytest.mark.parametrize("fmt", ["xliff", "xliff12", "tmx"])
def test_a_round_trip_keeps_the_mt_beside_the_translation(
    tmp_path: Path, paper: Path, fmt: str
) -> None:
    # termwise's own MT note came back as a translator's note ("MT (apertium, eng-spa): …"),
    # one more on every round trip, and the MT's engine and model were lost.
    from termwise.project.translations import load_source, open_translation

    root = paper.parent
    layout = ProjectLayout.at(root)
    tfile = open_translation(layout, load_source(layout, paper), "es")
    units = list(tfile.units.values())
    for unit in units:
        unit.mt, unit.mt_engine, unit.mt_model = f"MT {unit.source}", "apertium", "eng-spa"
        unit.target, unit.state = unit.mt, SegmentState.MT
    units[0].set_translation("Traducción revisada.", reviewed=True)
    tfile.save()
    out = tmp_path / f"out.{fmt}"
    assert (
        run(
            root,
            "export",
            str(paper),
            "--to",
            "es",
            "--format",
            fmt,
            "-o",
            str(out),
            "--include-unreviewed",
        ).exit_code
        == 0
    )
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(paper, other / paper.name)
    for _ in range(2):
        assert (
            run(other, "import", str(out), "--doc", str(other / paper.name), "--to", "es").exit_code
            == 0
        )
    back = TranslationFile.load(other / "translations" / f"{paper.stem}.es.po")
    for before, after in zip(units, back.units.values(), strict=True):
        assert (after.mt, after.mt_engine, after.mt_model) == (before.mt, "apertium", "eng-spa")
        assert after.state is before.state and after.target == before.target
        assert "MT" not in after.notes
