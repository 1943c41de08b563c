"""A unit that holds a run of the document's sentences (a CAT tool with other segmentation
rules: Okapi's SRX, Trados Studio's) is shared out over them as a whole paragraph's is; a
unit that differs from its segment only by typographic quotes matches it; and every unit kept
aside is named in the summary, and in the unmatched TMX, with the reason."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result

from termwise.cli import cli
from termwise.project.interchange import read_units
from termwise.project.translation_file import TranslationFile

DOC = (
    "Peace matters. Trade grew by five percent in 2020. The ports were busy. "
    "Ships came daily.\n\n"
    "Cooperation brings win-win results. China's partners agreed.\n"
)

# Okapi Rainbow's XLIFF 1.2, a unit per segment of its own SRX rules: unit 2 holds the
# second and third sentences of the first paragraph.
OKAPI = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2" \
xmlns:okp="okapi-framework:xliff-extensions">
<file original="doc.txt" source-language="en-US" target-language="es-ES" datatype="x-text">
<header><tool tool-id="okapi" tool-name="Okapi Rainbow" tool-version="1.44.0"/></header>
<body>
<trans-unit id="1" xml:space="preserve"><source xml:lang="en-US">Peace matters.</source>\
<target xml:lang="es-ES" state="translated">La paz importa.</target></trans-unit>
<trans-unit id="2" xml:space="preserve"><source xml:lang="en-US">Trade grew by five percent \
in 2020. The ports were busy.</source><target xml:lang="es-ES" state="translated">El comercio \
creció un cinco por ciento en 2020. Los puertos estaban llenos.</target></trans-unit>
<trans-unit id="3" xml:space="preserve"><source xml:lang="en-US">Ships came daily.</source>\
<target xml:lang="es-ES" state="translated">Llegaban barcos a diario.</target></trans-unit>
</body>
</file>
</xliff>
"""

# Trados Studio's SDLXLIFF: one paragraph unit, its segments ``mrk`` marks; segment 2 holds
# two of our sentences.
TRADOS = """<?xml version="1.0" encoding="utf-8"?>
<xliff xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0" \
xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2" sdl:version="1.0">
<file original="doc.txt" datatype="x-sdlfilterframework2" source-language="en-US" \
target-language="es-ES">
<body>
<trans-unit id="a1b2"><source>Peace matters. Trade grew by five percent in 2020. The ports \
were busy. Ships came daily.</source><seg-source><mrk mtype="seg" mid="1">Peace matters.</mrk> \
<mrk mtype="seg" mid="2">Trade grew by five percent in 2020. The ports were busy.</mrk> \
<mrk mtype="seg" mid="3">Ships came daily.</mrk></seg-source><target><mrk mtype="seg" mid="1">\
La paz importa.</mrk> <mrk mtype="seg" mid="2">El comercio creció un cinco por ciento en 2020. \
Los puertos estaban llenos.</mrk> <mrk mtype="seg" mid="3">Llegaban barcos a diario.</mrk>\
</target><sdl:seg-defs><sdl:seg id="1" conf="Translated"/><sdl:seg id="2" conf="Translated"/>\
<sdl:seg id="3" conf="Translated"/></sdl:seg-defs></trans-unit>
</body>
</file>
</xliff>
"""


def _unit(uid: str, source: str, target: str) -> str:
    return (
        f'<trans-unit id="{uid}" xml:space="preserve"><source xml:lang="en-US">{source}</source>'
        f'<target xml:lang="es-ES" state="translated">{target}</target></trans-unit>\n'
    )


def okapi(*units: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
        '<file original="doc.txt" source-language="en-US" target-language="es-ES" '
        'datatype="x-text"><header><tool tool-id="okapi" tool-name="Okapi Rainbow"/></header>'
        "<body>\n" + "".join(units) + "</body></file></xliff>\n"
    )


def project(tmp_path: Path, name: str, xliff: str) -> tuple[Path, Path]:
    root = tmp_path / "proj"
    root.mkdir(exist_ok=True)
    doc = root / "doc.txt"
    doc.write_text(DOC, encoding="utf-8")
    path = tmp_path / name
    path.write_text(xliff, encoding="utf-8")
    return root, path


def run_import(root: Path, path: Path, *extra: str) -> Result:
    args = ["--project", str(root), "import", str(path), "--doc", str(root / "doc.txt")]
    result = CliRunner().invoke(cli, [*args, "--to", "es", *extra], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


def targets(root: Path) -> dict[str, str]:
    tfile = TranslationFile.load(root / "translations" / "doc.es.po")
    return {unit.source: unit.target for unit in tfile.units.values()}


def test_okapi_unit_of_two_sentences_is_shared_out(tmp_path: Path) -> None:
    root, path = project(tmp_path, "okapi.xlf", OKAPI)
    result = run_import(root, path)
    assert "paragraph units split:  1" in result.output, result.output
    assert "unmatched (kept aside): 0" in result.output, result.output
    got = targets(root)
    assert (
        got["Trade grew by five percent in 2020."]
        == "El comercio creció un cinco por ciento en 2020."
    )
    assert got["The ports were busy."] == "Los puertos estaban llenos."
    assert got["Ships came daily."] == "Llegaban barcos a diario."
    assert not (root / "translations" / "doc.es.unmatched.tmx").exists()


def test_trados_segment_of_two_sentences_is_shared_out(tmp_path: Path) -> None:
    root, path = project(tmp_path, "doc.sdlxliff", TRADOS)
    result = run_import(root, path)
    assert "paragraph units split:  1" in result.output, result.output
    got = targets(root)
    assert (
        got["Trade grew by five percent in 2020."]
        == "El comercio creció un cinco por ciento en 2020."
    )
    assert got["The ports were busy."] == "Los puertos estaban llenos."
    assert got["Peace matters."] == "La paz importa."


def test_typographic_quotes_and_apostrophes_still_match(tmp_path: Path) -> None:
    """The document writes straight quotes; the CAT tool's copy curled them."""
    xliff = okapi(
        _unit("1", "China\u2019s partners agreed.", "Los socios de China estuvieron de acuerdo.")
    )
    root, path = project(tmp_path, "curly.xlf", xliff)
    result = run_import(root, path)
    assert "matched to segments:    1" in result.output, result.output
    assert targets(root)["China's partners agreed."] == "Los socios de China estuvieron de acuerdo."


def test_units_kept_aside_are_named_with_their_reason(tmp_path: Path) -> None:
    xliff = okapi(
        _unit("7", "This sentence is not in the document at all.", "Esta frase no está."),
        _unit(
            "8",
            "Ships came daily. Cooperation brings win-win results.",
            "Llegaban barcos a diario. La cooperación trae beneficios para todos.",
        ),
        _unit(
            "9",
            "Cooperation brings win-win results. China's partners agreed.",
            "La cooperación, que aceptaron los socios de China, trae beneficios para todos.",
        ),
        _unit("10", "Peace matters.", "La paz importa."),
    )
    root, path = project(tmp_path, "aside.xlf", xliff)
    result = run_import(root, path)
    lines = result.output.splitlines()
    assert (
        "  kept aside unit 7, line 4 (This sentence is not in the document at …): its source "
        "is not in the document"
    ) in lines, result.output
    assert any(
        line.startswith("  kept aside unit 8, line 5 (Ships came daily. Cooperation brings")
        and line.endswith("it spans 2 paragraphs of the document")
        for line in lines
    ), result.output
    assert any(
        line.startswith("  kept aside unit 9, line 6 (Cooperation brings win-win results.")
        and "the target could not be split: it reads as 1 sentence(s), its source is 2 "
        "segments of the document"
        in line
        for line in lines
    ), result.output
    assert "paragraphs not split:   1 (kept aside)" in result.output

    kept = read_units(root / "translations" / "doc.es.unmatched.tmx", target_lang="es")
    notes = {unit.id: unit.notes for unit in kept}
    assert notes == {
        "7": "termwise kept this unit aside (aside.xlf): its source is not in the document",
        "8": "termwise kept this unit aside (aside.xlf): it spans 2 paragraphs of the document",
        "9": "termwise kept this unit aside (aside.xlf): the target could not be split: it "
        "reads as 1 sentence(s), its source is 2 segments of the document",
    }

    # The document gets the sentence; the unmatched file imported then brings its
    # translation, not the note on why it was once kept aside.
    (root / "doc.txt").write_text(
        DOC + "\nThis sentence is not in the document at all.\n", encoding="utf-8"
    )
    run_import(root, root / "translations" / "doc.es.unmatched.tmx")
    tfile = TranslationFile.load(root / "translations" / "doc.es.po")
    unit = next(u for u in tfile.units.values() if u.source.startswith("This sentence"))
    assert unit.target == "Esta frase no está."
    assert "kept this unit aside" not in unit.notes


def test_many_units_kept_aside_are_named_ten_then_counted(tmp_path: Path) -> None:
    units = [_unit(str(n), f"Missing sentence number {n}.", f"Frase {n}.") for n in range(13)]
    root, path = project(tmp_path, "many.xlf", okapi(_unit("p", "Peace matters.", "Paz."), *units))
    result = run_import(root, path)
    named = [line for line in result.output.splitlines() if line.startswith("  kept aside unit")]
    assert len(named) == 10, result.output
    assert "  and 3 more kept aside" in result.output.splitlines(), result.output


def test_inline_codes_are_said_once_each_with_a_count(tmp_path: Path) -> None:
    xliff = okapi(
        _unit(
            "5",
            'Trade grew by <g id="1">five</g> percent in 2020.',
            'El comercio creció un <g id="1">cinco</g> por ciento en 2020.',
        ),
    )
    root, path = project(tmp_path, "codes.xlf", xliff)
    result = run_import(root, path)
    line = next(line for line in result.output.splitlines() if "inline codes not kept" in line)
    assert line.endswith("{g id=1} ×1, {/g} ×1 (in the source and the target alike)"), line


def test_chinese_sentences_run_together_without_a_space(tmp_path: Path) -> None:
    """Chinese writes no space between sentences: a unit of two is the two joined as written."""
    root = tmp_path / "zh"
    root.mkdir()
    doc = root / "doc.txt"
    doc.write_text(
        "中国提出了人类命运共同体。它是一个生活理念。\n\n和平发展很重要。\n", encoding="utf-8"
    )
    path = tmp_path / "zh.xlf"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
        '<file original="doc.txt" source-language="zh-CN" target-language="en-US" '
        'datatype="x-text"><body>\n'
        '<trans-unit id="1"><source>中国提出了人类命运共同体。它是一个生活理念。</source>'
        '<target state="translated">China proposed the community of human destiny. '
        "It is a concept of life.</target></trans-unit>\n"
        "</body></file></xliff>\n",
        encoding="utf-8",
    )
    args = ["--project", str(root), "import", str(path), "--doc", str(doc), "--to", "en"]
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert "paragraph units split:  1" in result.output, result.output
    tfile = TranslationFile.load(root / "translations" / "doc.en.po")
    got = {unit.source: unit.target for unit in tfile.units.values()}
    assert got["它是一个生活理念。"] == "It is a concept of life.", got
