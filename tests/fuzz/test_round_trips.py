"""Write, read back, get the same units: for every format termwise both writes and reads.

Text is drawn from all of Unicode but surrogates. What a format cannot carry is said by the
writer's own contract and asserted as such: XML 1.0 has no control characters, so the
writers show them as ``\\uXXXX`` (``xml_safe``); glossary terms are whitespace-collapsed.
"""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

from hypothesis import example, given
from hypothesis import strategies as st

from termwise.document.reading import parse_document
from termwise.glossary.model import Concept, Glossary, Term, TermStatus
from termwise.project.interchange import InterchangeUnit, read_units
from termwise.project.translation_file import TranslationFile
from termwise.project.units import SegmentState, TranslationUnit
from termwise.xml_text import xml_safe

TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
# PO strings are C strings: gettext has no escape for NUL, so no PO tool can hold one.
PO_TEXT = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40
)
# One-line text for the segmenter-fed formats: a unit is one sentence of a paragraph.
WORDS = st.lists(
    st.text(st.characters(blacklist_categories=("Cs", "Z", "Cc", "Cf")), min_size=1, max_size=8),
    min_size=1,
    max_size=6,
).map(" ".join)
TERM = WORDS.map(lambda text: " ".join(text.split())).filter(bool)
LANGS = st.sampled_from(["en", "zh", "es", "de", "fr", "zh-Hant", "pt-BR"])


def _xml_expected(text: str) -> str:
    # XML turns a lone CR and CR LF into LF unless they are escaped; lxml escapes them.
    return xml_safe(text)


@given(st.lists(st.tuples(TEXT, TEXT), min_size=1, max_size=5))
@example([("a\rb\r\nc", "\x00\x1f\ufffe")])
@example([("<b>&amp;</b>", "]]>")])
def test_tmx_round_trip(pairs: list[tuple[str, str]]) -> None:
    from termwise.project.tmx import tmx_bytes

    units = [
        InterchangeUnit(str(n), source, target, "en", "es")
        for n, (source, target) in enumerate(pairs)
    ]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "round.tmx"
        path.write_bytes(tmx_bytes(units, "en"))
        read = read_units(path, target_lang="es", source_lang="en")
    assert [(u.source, u.target) for u in read] == [
        (_xml_expected(s), _xml_expected(t)) for s, t in pairs
    ]


_STATES = st.sampled_from([SegmentState.MT, SegmentState.EDITED, SegmentState.REVIEWED])


@given(
    st.lists(
        st.tuples(
            PO_TEXT.filter(lambda s: s.strip()),
            PO_TEXT.filter(lambda s: s.strip()),
            _STATES,
            PO_TEXT,
        ),
        min_size=1,
        max_size=5,
        unique_by=lambda item: item[0],
    )
)
@example([('line one\nline two\\n "quoted"', "tab\there", SegmentState.REVIEWED, "a\nnote")])
def test_project_po_round_trip(rows: list[tuple[str, str, SegmentState, str]]) -> None:
    tfile = TranslationFile(lang="es", source_lang="en", document_name="paper.txt")
    for n, (source, target, state, notes) in enumerate(rows):
        unit = TranslationUnit(f"{n:012x}", source, notes=notes.strip())
        if state is SegmentState.MT:
            unit.mt = target
            unit.target = target
            unit.state = SegmentState.MT
        else:
            unit.set_translation(target, reviewed=state is SegmentState.REVIEWED)
        tfile.units[unit.segment_id] = unit
    again = TranslationFile.from_bytes(tfile.to_bytes(), "round.po")
    assert [(u.segment_id, u.source, u.target, u.state) for u in again.units.values()] == [
        (u.segment_id, u.source, u.target, u.state) for u in tfile.units.values()
    ]


def _glossary(draw: st.DrawFn) -> Glossary:
    concepts = []
    for n in range(draw(st.integers(1, 4))):
        terms = [
            Term(draw(TERM), draw(LANGS), draw(st.sampled_from(list(TermStatus))))
            for _ in range(draw(st.integers(1, 4)))
        ]
        concepts.append(Concept(f"c{n}", all_terms=terms))
    return Glossary(concepts=concepts, lang="en")


glossaries = st.composite(_glossary)


def _terms(glossary: Glossary) -> list[tuple[str, set[tuple[str, str, TermStatus]]]]:
    return [
        (concept.id, {(term.text, term.lang, term.status) for term in concept.all_terms})
        for concept in glossary.concepts
    ]


@given(glossaries(), st.sampled_from(["TBX-Basic", "TBX-Min"]), st.sampled_from(["dca", "dct"]))
@example(
    Glossary(concepts=[Concept("c0", all_terms=[Term("a\ufffe", "en")])], lang="en"),
    "TBX-Basic",
    "dca",
)
def test_tbx_round_trip(glossary: Glossary, dialect: str, style: str) -> None:
    from termwise.glossary.tbx import TbxStyle, read_tbx, write_tbx

    # A term XML cannot hold whole (U+FFFE, which a CSV glossary carries) made the export
    # stop with lxml's ValueError: it is written as "\ufffe", as the TMX export writes it.
    data, _ = write_tbx(glossary, TbxStyle(dialect, style))
    expected = [
        (concept, {(xml_safe(text), lang, status) for text, lang, status in terms})
        for concept, terms in _terms(glossary)
    ]
    assert _terms(read_tbx(data, "round.tbx")) == expected


@given(glossaries())
def test_csv_glossary_round_trip(glossary: Glossary) -> None:
    from termwise.glossary.csv_glossary import read_csv_glossary, write_csv_glossary
    from termwise.glossary.formats import ReadOptions, WriteOptions

    data, _ = write_csv_glossary(glossary, WriteOptions())
    again = read_csv_glossary(data, Path("round.csv"), ReadOptions())
    assert _terms(again) == _terms(glossary)


@given(st.lists(st.tuples(TERM, TERM), min_size=1, max_size=5, unique=True))
@example([("#hashtag", "标签"), ("win-win", "共赢")])
def test_omegat_round_trip(pairs: list[tuple[str, str]]) -> None:
    from termwise.glossary.formats import ReadOptions, WriteOptions
    from termwise.glossary.omegat import read_omegat, write_omegat

    glossary = Glossary(
        concepts=[
            Concept(f"c{n}", all_terms=[Term(source, "en"), Term(target, "zh")])
            for n, (source, target) in enumerate(pairs)
        ]
    )
    data, problems = write_omegat(glossary, WriteOptions(source_lang="en", target_lang="zh"))
    again = read_omegat(data, Path("round.txt"), ReadOptions())
    written = {
        (source.text, target.text)
        for concept in again.concepts
        for source in concept.terms("en")
        for target in concept.terms("zh")
    }
    # OmegaT reads a line starting with "#" as a comment: such terms are reported, not written.
    assert written == {(s, t) for s, t in pairs if not s.startswith("#")}
    commented = [s for s, _ in pairs if s.startswith("#")]
    assert any("'#'" in p.message for p in problems) == bool(commented)


@given(st.lists(WORDS, min_size=1, max_size=6))
def test_docx_round_trip(paragraphs: list[str]) -> None:
    import docx

    from termwise.document.docx_reader import read_docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(xml_safe(text))
    buffer = io.BytesIO()
    document.save(buffer)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "round.docx"
        path.write_bytes(buffer.getvalue())
        text, headings = read_docx(path)
    assert text.split("\n") == [xml_safe(p) for p in paragraphs] and not headings


_SENTENCE = st.lists(
    st.text(st.characters(whitelist_categories=("Ll", "Lu", "Lo", "Nd")), min_size=1, max_size=8),
    min_size=1,
    max_size=5,
).map(lambda words: " ".join(words).capitalize() + ".")


@given(
    st.lists(_SENTENCE, min_size=1, max_size=5, unique=True), st.lists(TEXT, min_size=5, max_size=5)
)
def test_xliff_exports_read_back_and_validate(sentences: list[str], targets: list[str]) -> None:
    from termwise.export.xliff import xliff2_bytes, xliff12_bytes
    from termwise.project.validation import validate_interchange

    document = parse_document("\n\n".join(sentences), lang="en", path=Path("paper.txt"))
    tfile = TranslationFile(lang="es", source_lang="en", document_name="paper.txt")
    expected = {}
    for segment, target in zip(document.segments, targets, strict=False):
        unit = TranslationUnit(segment.id, segment.text)
        if target.strip():
            unit.set_translation(target, reviewed=True)
        tfile.units[segment.id] = unit
        expected[segment.text] = xml_safe(target) if target.strip() else ""
    for write, name in ((xliff2_bytes, "round.xlf"), (xliff12_bytes, "round12.xlf")):
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / name
            path.write_bytes(write(document, tfile))
            assert validate_interchange(path) == [], name
            read = read_units(path)
        assert {u.source: u.target for u in read} == {
            segment.text: expected.get(segment.text, "") for segment in document.segments
        }
