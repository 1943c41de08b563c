"""What the fuzz tests and the long campaign (``bench/fuzz.py``) throw at every reader.

A *target* is one reader: the real files it starts from (``tests/fuzz/seeds/`` and files
built here with the tools that write them), how to run the reader on a file, and the bytes
that mean something to its format. Inputs are generated three ways:

- byte mutations of a seed (flip, cut, repeat, splice in a token of the format, truncate);
- structural mutations of an XML seed (an element dropped, repeated, moved, an attribute
  or text replaced), which stay well-formed and so reach the code past the XML parser;
- text made from scratch out of the format's tokens and arbitrary characters.

The property is the same everywhere (``run_reader``): the reader returns, or raises
termwise's ``InputError`` naming the file, on one line; never another exception, never
longer than ``TIME_LIMIT_S`` (a hang), never more than ``MEMORY_LIMIT_MB`` of new memory.
"""

from __future__ import annotations

import copy
import io
import json
import resource
import signal
import threading
import time
import warnings
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from hypothesis import strategies as st
from lxml import etree

from termwise.errors import InputError, TermwiseError

SEEDS = Path(__file__).resolve().parent / "seeds"
TIME_LIMIT_S = 5.0
MEMORY_LIMIT_MB = 300


class ReaderHung(AssertionError):
    """The reader ran past ``TIME_LIMIT_S`` on one input."""


class ReaderBloated(AssertionError):
    """The process's peak memory grew by more than ``MEMORY_LIMIT_MB`` on one input."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Interrupt the reader when it runs too long (main thread only; elsewhere, no limit)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def expired(signum: int, frame: object) -> None:
        raise ReaderHung(f"the reader ran longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    # Again every second once expired: Python drops an exception raised while a gc callback
    # runs (Hypothesis installs one), so one alarm alone can be lost.
    signal.setitimer(signal.ITIMER_REAL, seconds, 1.0)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@dataclass
class Outcome:
    """What one input did: parsed, or refused with this error."""

    parsed: bool
    error: InputError | None = None


def run_reader(target: Target, data: bytes, folder: Path) -> Outcome:
    """Write ``data`` as the target's file and read it; assert the fuzzing property."""
    path = folder / f"input{target.suffix}"
    path.write_bytes(data)
    if target.warm is not None:
        target.warm()  # one-time set-up (a glossary to load, a module to import) is no hang
    before = _peak_mb()
    began = time.perf_counter()
    try:
        with time_limit(TIME_LIMIT_S):
            target.read(path)
        if time.perf_counter() - began > TIME_LIMIT_S:
            raise ReaderHung(f"the reader ran longer than {TIME_LIMIT_S} s")
    except InputError as error:
        assert error.path == str(path), f"the error names {error.path!r}, not the file: {error}"
        assert "\n" not in str(error), f"the error is not one line: {error!r}"
        return Outcome(False, error)
    except TermwiseError as error:
        # A package error (disk full and the like) is the only other kind a reader may raise.
        assert str(path) in str(error), f"the error does not name the file: {error}"
        return Outcome(False, None)
    finally:
        grown = _peak_mb() - before
        if grown > MEMORY_LIMIT_MB:
            raise ReaderBloated(f"peak memory grew by {grown:.0f} MB on a {len(data)}-byte input")
    return Outcome(True)


# -- readers ---------------------------------------------------------------------------


def read_interchange(path: Path) -> object:
    from termwise.project.interchange import read_units

    return read_units(path, target_lang="es", source_lang="en")


def read_validated_interchange(path: Path) -> object:
    """What ``termwise import`` does before it reads: the schema and the spec's rules."""
    from termwise.project.validation import validate_interchange

    return validate_interchange(path)


def _glossary_reader(fmt: str) -> Callable[[Path], object]:
    def read(path: Path) -> object:
        from termwise.glossary.formats import ReadOptions, read_file

        return read_file(path, fmt=fmt, options=ReadOptions("en", "zh"))

    return read


def read_tbx_and_validate(path: Path) -> object:
    from termwise.glossary.formats import read_file
    from termwise.glossary.validate import validate_file

    validate_file(path)
    return read_file(path, fmt="tbx")


def read_document(path: Path) -> object:
    from termwise.document.reading import load_document

    return load_document(path)


def read_argos_package(path: Path) -> object:
    """Verify the archive, then install it (into a folder beside it) when it verifies."""
    from termwise.mt.packages import ArgosPaths, install_archive, verify_archive

    verify_archive(path)
    root = path.parent / "argos"
    paths = ArgosPaths(
        root, root / "config", root / "cache", root / "packages", "http://127.0.0.1:9/"
    )
    return install_archive(path, paths)


def read_project_po(path: Path) -> object:
    """The reader of termwise's own ``translations/*.po`` (a file Poedit or Weblate edited)."""
    from termwise.project.translation_file import TranslationFile

    return TranslationFile.from_bytes(path.read_bytes(), path)


def read_alignment(path: Path) -> object:
    """``align-score``'s reader of ``[i, j]:[k]`` files; what it reads writes back the same."""
    from termwise.align.beads import beads_text, read_beads

    beads = read_beads(path)
    again = path.with_name("again.align")
    again.write_text(beads_text(beads), encoding="utf-8")
    assert read_beads(again) == beads
    return beads


def align_sentence_lines(path: Path) -> object:
    """A one-sentence-per-line file (``--presegmented``, ``--source-mt``) read, then aligned
    with the seed paper's sentences: by its length and marks, by shared strings, and with the
    file standing in for an MT of the source. Every line lands in exactly one group."""
    from termwise.align.aligner import align
    from termwise.align.commands import read_presegmented
    from termwise.align.features import side_features

    lines = read_presegmented(path, None).texts
    other = _paper_sentences()
    for mt in (None, other):
        beads = align(
            side_features(lines, lang="en"),
            side_features(other, lang="en"),
            source_mt=None if mt is None else lines,
            target_texts=other,
            source_texts=None if mt is None else lines,
        ).beads
        if mt is None:
            beads = align(side_features(lines), side_features(other)).beads
        assert [i for bead in beads for i in bead.src] == list(range(len(lines)))
        assert [j for bead in beads for j in bead.tgt] == list(range(len(other)))
    return None


@cache
def _paper_sentences() -> list[str]:
    from termwise.document.segmentation import split_sentences

    text = " ".join(_seed_files("paper-excerpt.txt")[0].decode("utf-8").split())
    return [text[start:end] for start, end in split_sentences(text, "en")]


def sentence_lines_seeds() -> tuple[bytes, ...]:
    """The paper excerpt one sentence per line, and Chinese lines split at 。 (as Bertalign's
    inputs are)."""
    chinese = [part + "。" for part in _CHINESE.split("。") if part]
    return (
        "\n".join(_paper_sentences()).encode() + b"\n",
        "\n".join(chinese).encode() + b"\n",
    )


def _project_json_reader(kind: str) -> Callable[[Path], object]:
    """The reader of one of the project's own JSON files (edited by hand, damaged by a
    merge): segmentation overrides, segment id aliases, ignored issues, rejected terms."""

    def read(path: Path) -> object:
        from termwise.checks.ignores import IgnoreStore
        from termwise.document.editing import load_id_aliases
        from termwise.document.resegmentation import Resegmentation
        from termwise.terms.rejections import read_rejections

        readers: dict[str, Callable[[Path], object]] = {
            "segmentation": Resegmentation.load,
            "ids": load_id_aliases,
            "ignores": IgnoreStore.load,
            "rejected-terms": read_rejections,
        }
        return readers[kind](path)

    return read


def read_settings(path: Path) -> object:
    """``termwise.toml``: parsed and checked against the settings schema, then the check
    configuration built from it (regex patterns compiled)."""
    from termwise.checks.config import CheckConfig
    from termwise.project.settings import load_settings

    return CheckConfig.from_settings(load_settings(path), path=path)


SEGMENTER_LANGS = ("en", "zh", "es", "fr", "de", "ru", "ja")


def segment_text(path: Path) -> object:
    """Sentence spans in every language: ordered, inside the text, stripped, covering it."""
    from termwise.document.segmentation import _SPACE, split_sentences

    text = path.read_bytes().decode("utf-8", "replace")
    for lang in SEGMENTER_LANGS:
        spans = split_sentences(text, lang)
        position = 0
        for start, end in spans:
            assert position <= start < end <= len(text), (lang, spans)
            assert text[start] not in _SPACE and text[end - 1] not in _SPACE, (lang, start, end)
            assert not text[position:start].strip(_SPACE), f"{lang}: text lost before {start}"
            position = end
        assert not text[position:].strip(_SPACE), f"{lang}: text lost at the end"
    return None


@cache
def _matchers() -> tuple[Any, ...]:
    from termwise.glossary.formats import load_glossary
    from termwise.glossary.matcher import TermMatcher

    curated = load_glossary(Path(__file__).resolve().parents[2] / "glossary" / "key-terms.tbx")
    return (
        TermMatcher(curated, "en"),
        TermMatcher(curated, "zh"),
        TermMatcher(curated, "es", accent_insensitive=True),
    )


def match_terms(path: Path) -> object:
    """Every match of the curated glossary lies inside the text and reports its own text."""
    text = path.read_bytes().decode("utf-8", "replace")
    for matcher in _matchers():
        for match in matcher.find(text):
            assert 0 <= match.start < match.end <= len(text), match
            assert text[match.start : match.end] == match.text, match
    return None


# -- seeds -----------------------------------------------------------------------------


def _seed_files(*names: str) -> list[bytes]:
    return [(SEEDS / name).read_bytes() for name in names]


@cache
def tbx_min_seeds() -> tuple[bytes, ...]:
    """The mini glossary written as TBX-Min in both styles by termwise's writer."""
    from termwise.glossary.tbx import TbxStyle, read_tbx, write_tbx

    basic = (SEEDS / "tbx-basic.tbx").read_bytes()
    glossary = read_tbx(basic, SEEDS / "tbx-basic.tbx")
    return tuple(write_tbx(glossary, TbxStyle("TBX-Min", style))[0] for style in ("dca", "dct"))


@cache
def docx_seeds() -> tuple[bytes, ...]:
    """Word files written by python-docx: headings, paragraphs, a table, a line break."""
    import docx

    document = docx.Document()
    document.add_heading("Community of Human Destiny", level=1)
    document.add_paragraph("China proposed the community of human destiny. It is a concept.")
    paragraph = document.add_paragraph("Trade grew ")
    paragraph.add_run("by five percent").bold = True
    paragraph.add_run().add_break()
    paragraph.add_run("in 2020.")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Belt and Road"
    table.rows[0].cells[1].text = "一带一路"
    buffer = io.BytesIO()
    document.save(buffer)
    return (buffer.getvalue(),)


@cache
def argos_seeds() -> tuple[bytes, ...]:
    """One small real en → es package built by tests/support (a CTranslate2 model, SentencePiece)."""
    import tempfile

    from support.argos_packages import build_argos_package

    with tempfile.TemporaryDirectory() as folder:
        built = build_argos_package(Path(folder), "en", "es", vocab_size=120, width=16, ffn=32)
        return (built.read_bytes(),)


# -- mutations -------------------------------------------------------------------------

_GENERIC_TOKENS = (
    b"\x00",
    b"\xff\xfe",
    b"\xef\xbb\xbf",
    b"\xc3\x28",  # invalid UTF-8
    b"\xe4\xb8",  # a CJK character cut in half
    b"\r\n",
    b"\n",
    b"\t",
    b'"',
    b"'",
    b"\\",
    b"#",
    b"\xe2\x80\xa8",  # LINE SEPARATOR
    b"\xf0\x9f\x98\x80",
    b"9" * 30,
)
XML_TOKENS = (
    b"<",
    b">",
    b"</",
    b"/>",
    b"&",
    b"&amp;",
    b"&#0;",
    b"&#x110000;",
    b"&lt;",
    b"<![CDATA[x]]>",
    b"<!-- c -->",
    b"<?pi x?>",
    b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>',
    b"&a;",
    b'<!DOCTYPE x SYSTEM "file:///etc/passwd">',
    b' xml:lang=""',
    b' xml:lang="zz-@@"',
    b' id="1"',
    b'xmlns="urn:x"',
    b"<seg>",
    b"</seg>",
    b"<tuv>",
    b"<tu>",
    b"<body>",
    b"<source>",
    b"<target>",
    b"<segment>",
    b"<unit id='u'>",
    b'<sc id="9"/>',
    b'<ec startRef="9"/>',
    b"<mrk mtype='seg' mid='1'>",
    b"<term>",
    b"<termSec>",
    b"<langSec>",
    b"<conceptEntry>",
    b"<cp hex='0'/>",
    b"<cp hex='D800'/>",
    b"<cp hex='FFFFFFFFFF'/>",
)
PO_TOKENS = (
    b"msgid ",
    b"msgstr ",
    b"msgctxt ",
    b"msgid_plural ",
    b"msgstr[0] ",
    b"msgstr[9] ",
    b'""',
    b'"\\',
    b"\\n",
    b"\\x",
    b"#, fuzzy",
    b"#~ ",
    b"#| msgid ",
    b'"Content-Type: text/plain; charset=latin-1\\n"',
    b'"Content-Type: text/plain; charset=nonsense\\n"',
    b'"Plural-Forms: nplurals=x;\\n"',
    b'"Plural-Forms: nplurals=1000000000; plural=(n != 1);\\n"',
    b"nplurals=",
    b'"Language: \\n"',
)
TABLE_TOKENS = (
    b",",
    b";",
    b"\t",
    b'"',
    b'""',
    b"\n",
    b"en",
    b"zh",
    b"xx-yy",
    b"# source: en, target: zh",
)
TEXT_TOKENS = (
    b"# ",
    b"## ",
    b"```",
    b"> ",
    b"- ",
    b"1. ",
    b"2.1. ",
    b"-\n",
    b". ",
    b"? ",
    b"\xe3\x80\x82",  # 。
    b"Dr. ",
    b"e.g. ",
    b"\x0c",
    b"\n\n",
    b"  ",
    b"[",
    b"](",
    b"*",
    b"|",
)
JSON_TOKENS = (
    b"{",
    b"}",
    b"[",
    b"]",
    b'"',
    b":",
    b",",
    b"[" * 3000,
    b"1e400",
    b"-1",
    b"NaN",
    b"Infinity",
    b"true",
    b"null",
    b'"\\ud800"',
)


# Each of the project's JSON files as termwise writes it.
PROJECT_JSON_SEEDS: dict[str, Any] = {
    "segmentation": {
        "splits": {"a1b2c3d4e5f6": [42, 97]},
        "joins": [["0f1e2d3c4b5a", "9a8b7c6d5e4f"]],
    },
    "ids": {"0123456789ab": "ba9876543210"},
    "ignores": {
        "ignored": [
            {
                "check": "term-variant",
                "segment": "a1b2c3d4e5f6",
                "side": "source",
                "text": "destiny community",
                "reason": "quoted from a title",
                "lang": None,
                "added": "2026-12-04",
            }
        ]
    },
    "rejected-terms": {"en": ["international community", "world pattern"], "zh": ["国际社会"]},
}


def _project_json_seed(kind: str) -> Callable[[], tuple[bytes, ...]]:
    data = PROJECT_JSON_SEEDS[kind]
    return lambda: (json.dumps(data, ensure_ascii=False, indent=1).encode() + b"\n",)


TOML_TOKENS = (
    b"[",
    b"]",
    b"[[",
    b"]]",
    b"=",
    b'"',
    b"'" * 3,
    b"{",
    b"}",
    b"a = " + b"[" * 3000,
    b"inf",
    b"nan",
    b"1e400",
    b"-0",
    b"0x7f",
    b"1979-05-27T07:32:00Z",
    b"true",
    b"(",
    b"\\",
)
ALIGNMENT_TOKENS = (
    b"[",
    b"]",
    b":",
    b", ",
    b"[]",
    b"[0]:[0]\n",
    b"[]:[]\n",
    b"123456789",
    b"1234567890",
    b"-1",
    b"\xd9\xa3",  # an Arabic-Indic digit
    b"\xef\xbc\x91",  # a full-width 1
    b"__import__('os')",
)
ZIP_TOKENS = (b"PK\x03\x04", b"PK\x01\x02", b"PK\x05\x06", b"../", b"/", b"\\", b"{", b"}")


def _mutate_bytes(draw: st.DrawFn, seed: bytes, tokens: tuple[bytes, ...]) -> bytes:
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.integers(0, 6))
        size = len(data)
        at = draw(st.integers(0, size)) if size else 0
        if kind == 0 and size:  # flip a byte
            at = min(at, size - 1)
            data[at] = draw(st.integers(0, 255))
        elif kind == 1 and size:  # cut a range
            end = min(size, at + draw(st.integers(1, 64)))
            del data[at:end]
        elif kind == 2:  # splice in a token of the format
            data[at:at] = draw(st.sampled_from(tokens + _GENERIC_TOKENS))
        elif kind == 3 and size:  # repeat a range
            end = min(size, at + draw(st.integers(1, 200)))
            data[at:at] = data[at:end] * draw(st.integers(1, 8))
        elif kind == 4:  # truncate
            del data[at:]
        elif kind == 5:  # random bytes
            data[at:at] = draw(st.binary(min_size=1, max_size=16))
        elif kind == 6 and size:  # swap two ranges' order
            cut = draw(st.integers(0, size))
            data = data[cut:] + data[:cut]
    return bytes(data)


def _mutate_xml(draw: st.DrawFn, seed: bytes) -> bytes:
    """A well-formed variation: the parser accepts it, so the reader's own logic is tested."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    root = etree.fromstring(seed, parser)
    for _ in range(draw(st.integers(1, 5))):
        elements = [el for el in root.iter() if isinstance(el.tag, str)]
        element = draw(st.sampled_from(elements))
        kind = draw(st.integers(0, 6))
        parent = element.getparent()
        if kind == 0 and parent is not None:
            parent.remove(element)
        elif kind == 1 and parent is not None:
            parent.insert(parent.index(element), copy.deepcopy(element))
        elif kind == 2 and parent is not None:
            # Move it somewhere else in the tree (not into itself).
            others = [
                el for el in elements if el is not element and element not in el.iterancestors()
            ]
            destination = draw(st.sampled_from(others)) if others else root
            if element not in destination.iterancestors() and destination is not element:
                destination.append(element)
        elif kind == 3:
            names = list(element.attrib) or ["id"]
            name = draw(
                st.sampled_from(
                    names + ["id", "state", "{http://www.w3.org/XML/1998/namespace}lang"]
                )
            )
            element.set(name, draw(_xml_text(12)))
        elif kind == 4:
            element.text = draw(_xml_text(40))
        elif kind == 5 and element.attrib:
            del element.attrib[draw(st.sampled_from(list(element.attrib)))]
        elif kind == 6:
            tag = element.tag if draw(st.booleans()) else draw(st.sampled_from(_XML_NAMES))
            if isinstance(tag, str) and "}" in tag and draw(st.booleans()):
                tag = tag.rsplit("}", 1)[1]
            namespace_uri = element.tag.rpartition("}")[0].lstrip("{") if "}" in element.tag else ""
            child = etree.SubElement(
                element, f"{{{namespace_uri}}}{tag}" if namespace_uri and "}" not in tag else tag
            )
            child.text = draw(_xml_text(10))
    return etree.tostring(
        root, xml_declaration=True, encoding=draw(st.sampled_from(["UTF-8", "UTF-16"]))
    )


_XML_NAMES = (
    "seg", "tuv", "tu", "note", "prop", "source", "target", "segment", "unit", "file", "pc", "sc",
    "ec", "ph", "mrk", "g", "x", "bpt", "ept", "it", "cp", "originalData", "data", "trans-unit",
    "seg-source", "term", "termSec", "langSec", "conceptEntry", "termNote", "descrip", "admin",
    "langSet", "tig", "ntig", "termGrp", "termEntry", "ignorable", "notes",
)  # fmt: skip


def _xml_text(max_size: int) -> st.SearchStrategy[str]:
    # Characters XML 1.0 can hold; the byte mutations cover the ones it cannot.
    return st.text(
        st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00").filter(
            lambda c: c in "\t\n\r" or 0x20 <= ord(c) < 0xFFFE
        ),
        max_size=max_size,
    )


@dataclass(frozen=True)
class Target:
    """One reader under test."""

    name: str
    suffix: str
    read: Callable[[Path], object]
    seeds: Callable[[], tuple[bytes, ...]]
    tokens: tuple[bytes, ...]
    xml: bool = False
    zip: bool = False
    warm: Callable[[], object] | None = None

    def inputs(self) -> st.SearchStrategy[bytes]:
        """Mutated seeds (bytes and, for XML, structure) and text built from the tokens."""
        choices = [_mutated(self)]
        if self.xml:
            choices.append(_xml_mutated(self))
        if self.zip:
            choices.append(_zip_mutated(self))
        choices.append(_generated(self))
        return st.one_of(*choices)


def _mutated(target: Target) -> st.SearchStrategy[bytes]:
    @st.composite
    def build(draw: st.DrawFn) -> bytes:
        seed = draw(st.sampled_from(target.seeds()))
        return _mutate_bytes(draw, seed, target.tokens)

    return build()


def _xml_mutated(target: Target) -> st.SearchStrategy[bytes]:
    @st.composite
    def build(draw: st.DrawFn) -> bytes:
        return _mutate_xml(draw, draw(st.sampled_from(target.seeds())))

    return build()


def _zip_mutated(target: Target) -> st.SearchStrategy[bytes]:
    """The archive rebuilt with entries dropped, renamed, replaced or added."""

    @st.composite
    def build(draw: st.DrawFn) -> bytes:
        seed = draw(st.sampled_from(target.seeds()))
        with zipfile.ZipFile(io.BytesIO(seed)) as source:
            entries = [(info.filename, source.read(info)) for info in source.infolist()]
        for _ in range(draw(st.integers(1, 3))):
            kind = draw(st.integers(0, 4))
            index = draw(st.integers(0, max(0, len(entries) - 1)))
            if kind == 0 and entries:
                del entries[index]
            elif kind == 1 and entries:
                name, content = entries[index]
                entries[index] = (draw(_entry_name(name)), content)
            elif kind == 2 and entries:
                name, content = entries[index]
                if name.endswith("metadata.json"):
                    entries[index] = (name, draw(_metadata()))
                else:
                    entries[index] = (name, _mutate_bytes(draw, content[:4096], ()))
            elif kind == 3:
                entries.append((draw(_entry_name("x/extra")), draw(st.binary(max_size=64))))
            elif kind == 4 and entries:
                name, content = entries[index]
                entries[index] = (name, draw(_metadata()) if draw(st.booleans()) else b"")
        buffer = io.BytesIO()
        with warnings.catch_warnings(), zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
            warnings.simplefilter("ignore")  # duplicate names are one of the mutations
            for name, content in entries:
                archive.writestr(name or "_", content)
        return buffer.getvalue()

    return build()


def _entry_name(name: str) -> st.SearchStrategy[str]:
    top, _, rest = name.partition("/")
    return st.sampled_from(
        [
            name,
            f"../{name}",
            f"/{name}",
            f"{top}\\{rest}",
            f"other/{rest}",
            rest or "loose",
            f"{top}/../../{rest}",
            f"C:{name}",
            f".{top}/{rest}",
            f"{top}/{rest}/",
        ]
    )


def _metadata() -> st.SearchStrategy[bytes]:
    values = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.text(max_size=8),
        st.lists(st.integers(), max_size=2),
    )
    objects = st.dictionaries(
        st.sampled_from(
            ["from_code", "to_code", "type", "package_version", "argos_version", "name", "links"]
        ),
        values,
        max_size=6,
    )
    return st.one_of(
        objects.map(lambda value: __import__("json").dumps(value).encode()),
        st.sampled_from(
            [
                b"",
                b"{",
                b"[]",
                b"null",
                b'"x"',
                b"\xff\xfe{}",
                b'{"from_code": "en", "to_code": "es"}',
            ]
        ),
    )


def _generated(target: Target) -> st.SearchStrategy[bytes]:
    pieces = st.one_of(
        st.sampled_from(target.tokens + _GENERIC_TOKENS),
        st.text(max_size=12).map(lambda text: text.encode("utf-8", "surrogatepass")),
    )
    return st.lists(pieces, max_size=40).map(b"".join)


_CHINESE = "构建人类命运共同体是中国外交的核心理念。“一带一路”倡议促进合作共赢！负责任大国？"

TARGETS: dict[str, Target] = {
    target.name: target
    for target in (
        Target("po", ".po", read_interchange, lambda: tuple(_seed_files("sample.po")), PO_TOKENS),
        Target(
            "tmx",
            ".tmx",
            read_interchange,
            lambda: tuple(_seed_files("omegat-seed.tmx")),
            XML_TOKENS,
            xml=True,
        ),
        Target(
            "xliff12",
            ".xlf",
            read_interchange,
            lambda: tuple(_seed_files("xliff12.xlf")),
            XML_TOKENS,
            xml=True,
        ),
        Target(
            "xliff2",
            ".xlf",
            read_interchange,
            lambda: tuple(_seed_files("xliff2.xlf")),
            XML_TOKENS,
            xml=True,
        ),
        Target(
            "tbx-basic",
            ".tbx",
            read_tbx_and_validate,
            lambda: tuple(_seed_files("tbx-basic.tbx")),
            XML_TOKENS,
            xml=True,
        ),
        Target("tbx-min", ".tbx", read_tbx_and_validate, tbx_min_seeds, XML_TOKENS, xml=True),
        Target(
            "tbx-2008",
            ".tbx",
            read_tbx_and_validate,
            lambda: tuple(_seed_files("tbx2008.tbx")),
            XML_TOKENS,
            xml=True,
        ),
        Target(
            "csv",
            ".csv",
            _glossary_reader("csv"),
            lambda: tuple(_seed_files("glossary.csv")),
            TABLE_TOKENS,
        ),
        Target(
            "omegat",
            ".txt",
            _glossary_reader("omegat"),
            lambda: tuple(_seed_files("glossary-omegat.txt")),
            TABLE_TOKENS,
        ),
        Target(
            "docx",
            ".docx",
            read_document,
            docx_seeds,
            ZIP_TOKENS + XML_TOKENS,
            zip=True,
            warm=docx_seeds,
        ),
        Target(
            "markdown", ".md", read_document, lambda: tuple(_seed_files("sample.md")), TEXT_TOKENS
        ),
        Target(
            "text",
            ".txt",
            read_document,
            lambda: tuple(_seed_files("paper-excerpt.txt")),
            TEXT_TOKENS,
        ),
        Target("argosmodel", ".argosmodel", read_argos_package, argos_seeds, ZIP_TOKENS, zip=True),
        Target(
            "po-project", ".po", read_project_po, lambda: tuple(_seed_files("sample.po")), PO_TOKENS
        ),
        Target(
            "import-validation",
            ".xlf",
            read_validated_interchange,
            lambda: tuple(_seed_files("xliff2.xlf", "xliff12.xlf", "omegat-seed.tmx")),
            XML_TOKENS,
            xml=True,
        ),
        Target(
            "segmenter",
            ".txt",
            segment_text,
            lambda: tuple(_seed_files("paper-excerpt.txt", "sample.md")) + (_CHINESE.encode(),),
            TEXT_TOKENS,
        ),
        *(
            Target(
                f"{kind}-json",
                ".json",
                _project_json_reader(kind),
                _project_json_seed(kind),
                JSON_TOKENS,
            )
            for kind in PROJECT_JSON_SEEDS
        ),
        Target(
            "settings-toml",
            ".toml",
            read_settings,
            lambda: tuple(_seed_files("termwise.toml")),
            TOML_TOKENS,
        ),
        Target(
            "alignment",
            ".align",
            read_alignment,
            lambda: tuple(_seed_files("sample.align")),
            ALIGNMENT_TOKENS,
        ),
        Target(
            "sentence-lines",
            ".txt",
            align_sentence_lines,
            sentence_lines_seeds,
            TEXT_TOKENS,
            warm=_paper_sentences,
        ),
        Target(
            "term-matcher",
            ".txt",
            match_terms,
            lambda: tuple(_seed_files("paper-excerpt.txt")) + (_CHINESE.encode(),),
            TEXT_TOKENS
            + (b"community of human destiny", b"\xe5\x91\xbd\xe8\xbf\x90", b"-", b"\xcc\x81"),
            warm=_matchers,
        ),
    )
}


def describe(value: Any) -> str:
    """A short repr for failure reports."""
    text = repr(value)
    return text if len(text) < 300 else text[:300] + "…"
