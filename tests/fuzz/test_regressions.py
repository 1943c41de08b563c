"""Inputs the fuzzing found that broke a reader or a writer, kept as plain tests.

Each failed on the code before its fix (the commit that added it says which).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from termwise.errors import InputError

from .targets import SEEDS, TARGETS, argos_seeds, run_reader


def test_libxml2_messages_with_a_newline_become_one_line(tmp_path: Path) -> None:
    # A NUL as the second byte: libxml2 says "...out of allowed range\n, line 1, column 2".
    data = b"<\x00" + (SEEDS / "omegat-seed.tmx").read_bytes()[2:]
    outcome = run_reader(TARGETS["tmx"], data, tmp_path)
    assert outcome.error is not None
    assert str(outcome.error).endswith(
        "input.tmx:1:2: not well-formed XML: Invalid character: Char 0x0 out of allowed range"
    )
    # And without the newline: the position is said once, before the message.
    outcome = run_reader(TARGETS["tbx-basic"], b"<tbx><text>", tmp_path)
    assert outcome.error is not None
    assert str(outcome.error).endswith(
        "input.tbx:1:12: malformed XML: Premature end of data in tag text line 1"
    )


def test_a_package_whose_offsets_are_shifted_is_a_corrupt_archive(tmp_path: Path) -> None:
    # The first byte cut off: every offset in the zip directory points one byte too far, and
    # zipfile seeks before the start of the file (OSError EINVAL) while checking entries.
    data = argos_seeds()[0][1:]
    outcome = run_reader(TARGETS["argosmodel"], data, tmp_path)
    assert outcome.error is not None and "corrupt archive" in outcome.error.message


def test_xml_writers_escape_noncharacters() -> None:
    # U+FFFE in a translation made lxml raise ValueError in every TMX/XLIFF export.
    from termwise.project.interchange import InterchangeUnit, read_units
    from termwise.project.tmx import tmx_bytes

    unit = InterchangeUnit("1", "a\ufffeb\uffff", "c\x01", "en", "es")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.tmx"
        path.write_bytes(tmx_bytes([unit], "en"))
        [read] = read_units(path, target_lang="es")
    assert (read.source, read.target) == ("a\\ufffeb\\uffff", "c\\u0001")


def test_omegat_terms_starting_with_a_hash_are_reported_not_lost() -> None:
    from termwise.glossary.formats import WriteOptions
    from termwise.glossary.model import Concept, Glossary, Term
    from termwise.glossary.omegat import write_omegat

    glossary = Glossary(concepts=[Concept("c", all_terms=[Term("#tag", "en"), Term("标签", "zh")])])
    data, problems = write_omegat(glossary, WriteOptions(source_lang="en", target_lang="zh"))
    assert b"#tag\t" not in data
    assert any("'#tag'" in problem.message for problem in problems)


@pytest.mark.parametrize(
    ("name", "suffix"),
    [("tmx", ".tmx"), ("markdown", ".md"), ("alignment", ".align"), ("sentence-lines", ".txt")],
)
def test_empty_files_are_refused_at_line_one(tmp_path: Path, name: str, suffix: str) -> None:
    outcome = run_reader(TARGETS[name], b"  \n", tmp_path)
    assert isinstance(outcome.error, InputError) and outcome.error.line == 1
    assert str(outcome.error).startswith(str(tmp_path / f"input{suffix}") + ":1: ")


def _bomb(path: Path, name: str, size: int, keep: dict[str, bytes]) -> None:
    """A zip whose entry ``name`` inflates to ``size`` bytes of spaces, written in chunks."""
    import zipfile

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for entry, content in keep.items():
            archive.writestr(entry, content)
        with archive.open(name, "w", force_zip64=True) as sink:
            chunk = b" " * (1 << 20)
            for _ in range(size >> 20):
                sink.write(chunk)


def test_a_docx_zip_bomb_is_refused_before_it_is_inflated(tmp_path: Path) -> None:
    # 130 MiB of spaces in word/document.xml: python-docx inflated it whole (an 800 MB one
    # took 1.6 GB and 18 s before libxml2 gave up on the text node).
    from termwise.document.docx_reader import MAX_PART_BYTES, read_docx

    path = tmp_path / "bomb.docx"
    _bomb(path, "word/document.xml", MAX_PART_BYTES + (2 << 20), {})
    with pytest.raises(InputError, match="inflates to 136 MB from 0.1 MB"):
        read_docx(path)


def test_an_argos_package_with_a_huge_metadata_file_is_refused(tmp_path: Path) -> None:
    from termwise.mt.packages import MAX_METADATA_BYTES, verify_archive

    path = tmp_path / "bomb.argosmodel"
    _bomb(path, "p/metadata.json", MAX_METADATA_BYTES + (1 << 20), {"p/model/model.bin": b"x"})
    with pytest.raises(InputError, match="metadata.json is too large"):
        verify_archive(path)


@pytest.mark.parametrize("name", ["po", "po-project"])
def test_a_po_header_whose_line_end_is_broken_names_the_content_type_line(
    tmp_path: Path, name: str
) -> None:
    # Found by bench/fuzz.py: "charset=UTF-8\x01n" (a backslash turned into \x01) runs the
    # next header into the charset; Babel raised LookupError "unknown encoding: utf-8ncontent-
    # transfer-encoding: 8bit" from deep inside its parser.
    data = (Path(__file__).parent / "regressions" / "po-charset-runs-on.po").read_bytes()
    outcome = run_reader(TARGETS[name], data, tmp_path)
    assert outcome.error is not None and outcome.error.line == 8
    assert "Content-Type names an unknown charset" in outcome.error.message


@pytest.mark.parametrize("kind", ["segmentation", "ids", "ignores", "rejected-terms"])
def test_project_json_nested_too_deeply_is_refused(tmp_path: Path, kind: str) -> None:
    # json.loads raised RecursionError, a traceback from every command that opened the project.
    outcome = run_reader(TARGETS[f"{kind}-json"], b"[" * 200_000 + b"]" * 200_000, tmp_path)
    assert outcome.error is not None and "nested too deeply" in outcome.error.message


def test_a_split_offset_that_is_not_a_whole_number_is_refused(tmp_path: Path) -> None:
    # 1e400 parses as infinity, and int(inf) raised OverflowError.
    data = b'{"splits": {"a1b2c3d4e5f6": [1e400]}, "joins": []}'
    outcome = run_reader(TARGETS["segmentation-json"], data, tmp_path)
    assert outcome.error is not None and "not a segmentation override file" in outcome.error.message


@pytest.mark.parametrize("kind", ["segmentation", "ids", "ignores", "rejected-terms"])
def test_project_json_saved_with_a_byte_order_mark_is_read(tmp_path: Path, kind: str) -> None:
    seed = TARGETS[f"{kind}-json"].seeds()[0]
    assert run_reader(TARGETS[f"{kind}-json"], b"\xef\xbb\xbf" + seed, tmp_path).parsed


def test_settings_nested_too_deeply_are_refused(tmp_path: Path) -> None:
    # tomllib parses nested arrays by recursion: a RecursionError from every command.
    outcome = run_reader(TARGETS["settings-toml"], b"a = " + b"[" * 100_000, tmp_path)
    assert outcome.error is not None and "nested too deeply" in outcome.error.message


def test_settings_cut_off_at_the_end_are_refused_with_the_place(tmp_path: Path) -> None:
    # tomllib says "(at end of document)" instead of a line and column.
    outcome = run_reader(TARGETS["settings-toml"], b'[mt]\nengine = "apert', tmp_path)
    assert outcome.error is not None
    assert (outcome.error.line, outcome.error.column) == (2, 16)
    assert outcome.error.message.endswith("at the end of the file")


def test_a_package_whose_metadata_is_nested_too_deeply_is_refused(tmp_path: Path) -> None:
    # json.loads raised RecursionError on it: a traceback from `models install --file`.
    import io
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(argos_seeds()[0]))
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as rebuilt:
        for info in source.infolist():
            deep = b"[" * 100_000 + b"]" * 100_000
            is_metadata = info.filename.endswith("/metadata.json")
            rebuilt.writestr(info.filename, deep if is_metadata else source.read(info))
    outcome = run_reader(TARGETS["argosmodel"], data.getvalue(), tmp_path)
    assert outcome.error is not None and "nested too deeply" in outcome.error.message


@pytest.mark.parametrize("name", ["po", "po-project"])
@pytest.mark.parametrize(
    "count", [b"1000000000", b"9" * 5000, b"0"], ids=["a-billion", "5000-digits", "zero"]
)
def test_a_plural_count_no_language_has_is_refused_at_its_header(
    tmp_path: Path, name: str, count: bytes
) -> None:
    # Babel made a list of nplurals forms for every plural entry: 10**9 took 17 GB and
    # minutes; 5,000 digits were past int()'s limit (an error without a line).
    data = (
        b'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: es\\n"\n'
        b'"Plural-Forms: nplurals=' + count + b'; plural=(n != 1);\\n"\n\n'
        b'msgctxt "s-1"\nmsgid "one country"\nmsgid_plural "countries"\n'
        b'msgstr[0] "un pa\xc3\xads"\nmsgstr[1] "pa\xc3\xadses"\n'
    )
    outcome = run_reader(TARGETS[name], data, tmp_path)
    assert outcome.error is not None and outcome.error.line == 5
    assert "Plural-Forms" in outcome.error.message


@pytest.mark.parametrize("name", ["po", "po-project"])
def test_a_po_charset_that_decodes_nothing_is_refused_at_the_header(
    tmp_path: Path, name: str
) -> None:
    # bytes.decode("undefined") raised UnicodeError, which is no UnicodeDecodeError.
    data = (SEEDS / "sample.po").read_bytes().replace(b"charset=UTF-8", b"charset=undefined")
    outcome = run_reader(TARGETS[name], data, tmp_path)
    assert outcome.error is not None and outcome.error.line == 1
    assert "undefined" in outcome.error.message


@pytest.mark.parametrize("hex_value", ["00A00A00A00A0", "110000", "+A0", "0_A0", ""])
def test_a_code_point_that_names_no_character_stays_an_inline_code(
    tmp_path: Path, hex_value: str
) -> None:
    # chr(int("00A00A00A00A0", 16)) raised OverflowError (only ValueError was caught), and
    # int() took "+A0" and "0_A0" as numbers.
    seed = (SEEDS / "xliff2.xlf").read_bytes()
    data = seed.replace(b'<cp hex="00A0"/>', f'<cp hex="{hex_value}"/>'.encode(), 1)
    assert data != seed
    outcome = run_reader(TARGETS["xliff2"], data, tmp_path)
    assert outcome.parsed
    from termwise.project.interchange import read_units

    units = read_units(tmp_path / "input.xlf", target_lang="es", source_lang="en")
    assert any(code.kind == "cp" for unit in units for code in unit.inline_codes)
