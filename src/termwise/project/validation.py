"""Checking a TMX or XLIFF file before its units are imported: every deviation, with its line.

Two layers. The published schemas (shipped in ``schemas/``): the XLIFF 2.0 core schema (XLIFF
2.1 keeps its core namespace), the XLIFF 1.2 strict schema and the TMX 1.4 DTD. Then what the
XLIFF 2 specification requires but no schema can say: ids unique where the spec wants them
unique, every ``<ec>`` after the ``<sc>`` it closes and every ``<sc>`` closed, references to
``<originalData>`` that exist, ``trgLang`` present when there are targets. A PO file is
checked by its reader (quoting and syntax, with line numbers), so it has no layer here.

``termwise import`` refuses a file with deviations, naming the first with file, line and rule;
``--lenient`` imports it and lists them all.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from lxml import etree

from termwise.errors import InputError, location
from termwise.project.interchange import (
    XLIFF2_NS,
    XLIFF12_NS,
    XLIFF22_NS,
    XML_NS,
    InterchangeUnit,
    parse_xml,
)

SCHEMAS = Path(__file__).resolve().parent / "schemas"

XLIFF2_SCHEMA = "XLIFF 2.0 core schema"
XLIFF12_SCHEMA = "XLIFF 1.2 strict schema"
TMX_DTD = "TMX 1.4 DTD"
UNIQUE_ID = "XLIFF 2: unique ids"
CODE_ORDER = "XLIFF 2: inline code pairing and order"
DATA_REF = "XLIFF 2: references to originalData"
TRG_LANG = "XLIFF 2: trgLang"


@dataclass(frozen=True)
class Deviation:
    """One way a file departs from its format: where, which rule, and what is wrong."""

    path: str
    line: int | None
    rule: str
    message: str

    def __str__(self) -> str:
        return f"{location(self.path, self.line)}: {self.message} [{self.rule}]"


def refuse(deviations: list[Deviation]) -> InputError:
    """The error ``termwise import`` stops with: the first deviation and how many there are."""
    first = deviations[0]
    more = len(deviations) - 1
    tail = f" ({more} more deviation{'s' if more != 1 else ''})" if more else ""
    return InputError(
        f"{first.message} [{first.rule}]{tail}; nothing imported "
        "(--lenient imports it anyway and lists every deviation)",
        first.path,
        line=first.line,
    )


def validate_interchange(path: str | Path) -> list[Deviation]:
    """Every deviation in a TMX or XLIFF file; ``[]`` for PO files and valid files.

    Raises ``InputError`` for what no import can get past (unreadable, not well-formed XML).
    """
    file_path = Path(path)
    try:
        data = file_path.read_bytes()
    except OSError as error:
        raise InputError(f"cannot read file: {error.strerror}", file_path) from error
    head = data[:2048].lstrip(b"\xef\xbb\xbf").lstrip()
    if not head.startswith((b"<", b"\xff\xfe", b"\xfe\xff")) or file_path.suffix.lower() in (
        ".po",
        ".pot",
    ):
        return []
    root = parse_xml(data, file_path)
    name = _local(root.tag)
    where = str(file_path)
    if name == "tmx":
        return _check_tmx(root, where)
    if name != "xliff":
        return []
    namespace = _namespace(root.tag)
    if namespace in (XLIFF2_NS, XLIFF22_NS) or root.get("version", "").startswith("2"):
        # XLIFF 2.2 has a namespace of its own and its schema is not shipped: only the
        # processing requirements are checked there.
        found = []
        if namespace != XLIFF22_NS:
            found = _schema_deviations(root, _xliff2_schema(), XLIFF2_SCHEMA, where)
        return found + list(_Xliff2Rules(where).check(root))
    found = []
    # XLIFF 1.0/1.1 (translate-toolkit's po2xliff writes 1.1): no schema is shipped.
    if namespace == XLIFF12_NS:
        found = _schema_deviations(root, _xliff12_schema(), XLIFF12_SCHEMA, where)
    return found + list(_xliff12_segments(root, where))


def _xliff12_segments(root: etree._Element, path: str) -> Iterable[Deviation]:
    """Segmented units: each ``mid`` once in ``<seg-source>``, and the target's marks among them."""
    rule = "XLIFF 1.2: segment marks (mrk mtype=seg)"
    for unit in root.iter():
        if not _is(unit, "trans-unit"):
            continue
        seg_source = next((el for el in unit if _is(el, "seg-source")), None)
        if seg_source is None:
            continue
        mids: set[str | None] = set()
        for mark in _segment_marks(seg_source):
            mid = mark.get("mid")
            if mid in mids:
                yield _deviation(path, mark, rule, f"mid {mid!r} is used twice in <seg-source>")
            mids.add(mid)
        target = next((el for el in unit if _is(el, "target")), None)
        for mark in _segment_marks(target) if target is not None else []:
            if mark.get("mid") not in mids:
                yield _deviation(
                    path,
                    mark,
                    rule,
                    f"<target> has a segment mid={mark.get('mid')!r} that <seg-source> lacks; "
                    "its translation would be lost",
                )


def _segment_marks(element: etree._Element) -> list[etree._Element]:
    return [el for el in element.iter() if _is(el, "mrk") and el.get("mtype") == "seg"]


def _deviation(path: str, element: etree._Element, rule: str, message: str) -> Deviation:
    line = element.sourceline
    return Deviation(path, line if isinstance(line, int) else None, rule, message)


# -- schemas ---------------------------------------------------------------------------


class _LocalSchemas(etree.Resolver):
    """The W3C ``xml.xsd`` both XLIFF schemas import, from the package, never the network."""

    # lxml-stubs give resolve() one argument too few and lack resolve_filename().
    def resolve(self, system_url: str, public_id: str, context: object) -> object:  # type: ignore[override]
        if system_url.endswith("xml.xsd"):
            return self.resolve_filename(str(SCHEMAS / "xml.xsd"), context)  # type: ignore[attr-defined]
        return None


def _load_schema(name: str, *, lax_extensions: bool = False) -> etree.XMLSchema:
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    parser.resolvers.add(_LocalSchemas())
    tree = etree.parse(str(SCHEMAS / name), parser)
    if lax_extensions:
        # XLIFF 1.2 allows attributes and elements of other namespaces wherever its schema
        # has a wildcard, and memoQ (mq:), Trados Studio (sdl:) and Okapi (okp:, its:) write
        # them in every file; the published strict schema checks them "strict", valid only
        # where a schema for their namespace is loaded, so every such file failed. As the
        # XLIFF 2.0 core schema does, they are checked "lax" (only where their schema is
        # known: xml:lang, xml:space); the file on disk stays the OASIS original.
        for wildcard in tree.iter(f"{{{_XSD}}}any", f"{{{_XSD}}}anyAttribute"):
            if wildcard.get("namespace") == "##other":
                wildcard.set("processContents", "lax")
    return etree.XMLSchema(tree)


_XSD = "http://www.w3.org/2001/XMLSchema"


@cache
def _xliff2_schema() -> etree.XMLSchema:
    return _load_schema("xliff-core-2.0.xsd")


@cache
def _xliff12_schema() -> etree.XMLSchema:
    return _load_schema("xliff-core-1.2-strict.xsd", lax_extensions=True)


@cache
def _tmx_dtd() -> etree.DTD:
    return etree.DTD(str(SCHEMAS / "tmx14.dtd"))


_NAMESPACED = re.compile(r"\{[^}]*\}")


def _schema_deviations(
    root: etree._Element, schema: etree.XMLSchema | etree.DTD, rule: str, path: str
) -> list[Deviation]:
    if schema.validate(root):
        return []
    found = []
    for entry in schema.error_log:  # type: ignore[attr-defined]
        # "Element '{urn:oasis:...}unit': ..." reads better as "Element 'unit': ...".
        message = _NAMESPACED.sub("", entry.message).rstrip(".")
        found.append(Deviation(path, entry.line or None, rule, message))
    return found


def _check_tmx(root: etree._Element, path: str) -> list[Deviation]:
    found = []
    # TMX 1.1 and 1.2 (OmegaT's own files) predate the 1.4 DTD; their structure is checked
    # by the reader.
    if root.get("version", "").startswith("1.4"):
        found = _schema_deviations(root, _tmx_dtd(), TMX_DTD, path)
    return found + list(_tmx_source_variants(root, path))


def _tmx_source_variants(root: etree._Element, path: str) -> Iterable[Deviation]:
    """The spec: the ``<tuv>`` holding the source has the header's srclang (unless *all*)."""
    header = next((el for el in root if _is(el, "header")), None)
    srclang = (header.get("srclang") or "") if header is not None else ""
    for tu in root.iter():
        if not _is(tu, "tu"):
            continue
        wanted = (tu.get("srclang") or srclang).lower()
        if not wanted or wanted == "*all*":
            continue
        langs = [
            (tuv.get(f"{{{XML_NS}}}lang") or tuv.get("lang") or "").lower()
            for tuv in tu
            if _is(tuv, "tuv")
        ]
        # "en" and "en-US" are taken as the same source: tools differ on regions.
        if langs and not any(_same_primary(lang, wanted) for lang in langs):
            line = tu.sourceline
            yield Deviation(
                path,
                line if isinstance(line, int) else None,
                "TMX: source variant",
                f"<tu> has no variant in the source language {wanted} (it has "
                f"{', '.join(lang or '?' for lang in langs)})",
            )


# -- XLIFF 2 processing requirements ---------------------------------------------------

_CODES_WITH_IDS = {"ph", "pc", "sc", "mrk", "sm", "cp"}


class _Xliff2Rules:
    """What the XLIFF 2 core specification requires beyond its schema."""

    def __init__(self, path: str) -> None:
        self.path = path

    def deviation(self, element: etree._Element, rule: str, message: str) -> Deviation:
        line = element.sourceline
        return Deviation(self.path, line if isinstance(line, int) else None, rule, message)

    def check(self, root: etree._Element) -> Iterable[Deviation]:
        yield from self.unique(_children(root, "file"), "<file>", "the document")
        has_target = False
        for file_el in _children(root, "file"):
            file_id = file_el.get("id", "")
            # Units and groups share one id space within their file.
            containers = [
                el
                for el in file_el.iter()
                if _is(el, "unit") or (_is(el, "group") and el is not file_el)
            ]
            yield from self.unique(containers, "<unit> or <group>", f"file {file_id!r}")
            for unit in (el for el in containers if _is(el, "unit")):
                has_target = has_target or any(_is(el, "target") for el in unit.iter())
                yield from self.unit(unit)
        if has_target and not root.get("trgLang"):
            yield self.deviation(
                root, TRG_LANG, "the file has <target> elements but <xliff> has no trgLang"
            )
        yield from self.languages(root)

    def unique(
        self, elements: Iterable[etree._Element], what: str, scope: str, rule: str = UNIQUE_ID
    ) -> Iterable[Deviation]:
        seen: dict[str, int | None] = {}
        for element in elements:
            value = element.get("id")
            if value is None:
                continue
            if value in seen:
                first = seen[value]
                where = f" (first on line {first})" if first else ""
                yield self.deviation(
                    element, rule, f"{what} id {value!r} is used twice in {scope}{where}"
                )
            else:
                line = element.sourceline
                seen[value] = line if isinstance(line, int) else None

    def unit(self, unit: etree._Element) -> Iterable[Deviation]:
        unit_id = unit.get("id", "")
        scope = f"unit {unit_id!r}"
        parts = [el for el in unit if _is(el, "segment") or _is(el, "ignorable")]
        yield from self.unique(parts, "<segment> or <ignorable>", scope)
        data_el = next((el for el in unit if _is(el, "originalData")), None)
        data = _children(data_el, "data") if data_el is not None else []
        yield from self.unique(data, "<data>", scope)
        notes_el = next((el for el in unit if _is(el, "notes")), None)
        if notes_el is not None:
            yield from self.unique(_children(notes_el, "note"), "<note>", scope)
        yield from self.sub_state(unit, scope)
        data_ids = {item.get("id") for item in data}
        for side in ("source", "target"):
            contents = [child for part in parts for child in part if _is(child, side)]
            codes = [
                el
                for content in contents
                for el in content.iter()
                if isinstance(el.tag, str) and el is not content
            ]
            yield from self.unique(
                [el for el in codes if _local(el.tag) in _CODES_WITH_IDS],
                f"inline code in <{side}>:",
                scope,
            )
            yield from self.pairing(codes, side, scope, "sc", "ec", "startRef")
            yield from self.pairing(codes, side, scope, "sm", "em", "startRef")
            yield from self.references(codes, data_ids, scope)

    def sub_state(self, unit: etree._Element, scope: str) -> Iterable[Deviation]:
        for segment in _children(unit, "segment"):
            if segment.get("subState") is not None and segment.get("state") is None:
                yield self.deviation(
                    segment,
                    "XLIFF 2: subState needs state",
                    f"<segment> in {scope} has a subState but no state",
                )

    def pairing(
        self,
        codes: list[etree._Element],
        side: str,
        scope: str,
        start: str,
        end: str,
        ref: str,
    ) -> Iterable[Deviation]:
        """Each ``<ec startRef>`` after its ``<sc>``, each ``<sc>`` closed (unless isolated)."""
        open_codes: dict[str, etree._Element] = {}
        closed: set[str] = set()
        isolated: set[str] = set()
        for element in codes:
            name = _local(element.tag)
            if name == start:
                code_id = element.get("id", "")
                if element.get("isolated") == "yes":
                    isolated.add(code_id)
                else:
                    open_codes[code_id] = element
            elif name == end:
                if element.get("isolated") == "yes":
                    if not element.get("id") or element.get(ref) is not None:
                        yield self.deviation(
                            element,
                            CODE_ORDER,
                            f"an isolated <{end}> in <{side}> of {scope} has an id and no {ref}",
                        )
                    continue
                if element.get(ref) in isolated:
                    yield self.deviation(
                        element,
                        CODE_ORDER,
                        f"<{end} {ref}={element.get(ref)!r}> in <{side}> of {scope} closes an "
                        f"<{start}> marked isolated; an isolated code has no partner in its unit",
                    )
                    continue
                target = element.get(ref)
                if target is None:
                    yield self.deviation(
                        element,
                        CODE_ORDER,
                        f"<{end}> in <{side}> of {scope} has no {ref} and is not isolated",
                    )
                elif target in open_codes:
                    del open_codes[target]
                    closed.add(target)
                else:
                    state = "already closed" if target in closed else "not opened before it"
                    yield self.deviation(
                        element,
                        CODE_ORDER,
                        f"<{end} {ref}={target!r}> in <{side}> of {scope}: its <{start} "
                        f"id={target!r}> is {state}",
                    )
        for code_id, element in open_codes.items():
            yield self.deviation(
                element,
                CODE_ORDER,
                f"<{start} id={code_id!r}> in <{side}> of {scope} is never closed by an <{end}> "
                "(and is not isolated)",
            )

    def references(
        self, codes: list[etree._Element], data_ids: set[str | None], scope: str
    ) -> Iterable[Deviation]:
        for element in codes:
            for attribute in ("dataRef", "dataRefStart", "dataRefEnd"):
                value = element.get(attribute)
                if value is not None and value not in data_ids:
                    yield self.deviation(
                        element,
                        DATA_REF,
                        f"<{_local(element.tag)} {attribute}={value!r}> in {scope} points to "
                        "no <data> in the unit's <originalData>",
                    )

    def languages(self, root: etree._Element) -> Iterable[Deviation]:
        wanted = {"source": root.get("srcLang"), "target": root.get("trgLang")}
        for element in root.iter():
            if not isinstance(element.tag, str):
                continue
            side = _local(element.tag)
            declared = element.get(f"{{{XML_NS}}}lang")
            if side in wanted and declared and wanted[side] and declared != wanted[side]:
                attribute = "srcLang" if side == "source" else "trgLang"
                yield self.deviation(
                    element,
                    "XLIFF 2: xml:lang of source and target",
                    f"<{side} xml:lang={declared!r}> differs from the file's {attribute} "
                    f"{wanted[side]!r}",
                )


def _same_primary(a: str, b: str) -> bool:
    return a.split("-")[0] == b.split("-")[0]


def _is(element: etree._Element, name: str) -> bool:
    return isinstance(element.tag, str) and _local(element.tag) == name


def _children(element: etree._Element, name: str) -> list[etree._Element]:
    return [child for child in element if _is(child, name)]


def _local(tag: object) -> str:
    return str(tag).rpartition("}")[2]


def _namespace(tag: object) -> str:
    text = str(tag)
    return text[1:].partition("}")[0] if text.startswith("{") else ""


# -- nothing usable --------------------------------------------------------------------


def check_usable(units: list[InterchangeUnit], path: Path, target_lang: str) -> None:
    """Refuse a file that gives nothing to import, saying what it does hold."""
    if not units:
        raise InputError("the file holds no translation units; nothing imported", path)
    if any(unit.target.strip() for unit in units):
        return
    count = f"{len(units):,} unit{'s' if len(units) != 1 else ''}"
    found = file_languages(path)
    if found.variants:
        held = ", ".join(f"{lang} ({n:,})" for lang, n in found.variants.items())
        raise InputError(
            f"no unit has a {target_lang} variant: the file's {count} have variants in "
            f"{held}; nothing imported (name one of them with --to)",
            path,
        )
    pair = f"{found.source or '?'} → {found.target or '?'}"
    raise InputError(
        f"none of the file's {count} has a translation into {target_lang} (the file is "
        f"{pair}, with no target text); nothing imported",
        path,
    )


def check_matched(
    units: list[InterchangeUnit], matched: int, path: Path, document_path: Path | None
) -> None:
    """Refuse an import where no unit belongs to the document."""
    if matched or not units:
        return
    name = document_path.name if document_path is not None else "the document"
    first = next((unit for unit in units if unit.source.strip()), units[0])
    shown = first.source if len(first.source) <= 60 else first.source[:57] + "..."
    raise InputError(
        f"none of the file's {len(units):,} units matches a sentence of {name} (the first "
        f"reads {shown!r}); nothing imported",
        path,
        line=first.line,
    )


@dataclass
class FileLanguages:
    """The languages a file says it holds: TMX variants by count, else its declared pair."""

    source: str | None = None
    target: str | None = None
    variants: dict[str, int] | None = None


def file_languages(path: Path) -> FileLanguages:
    from termwise.project.interchange import read_units

    data = path.read_bytes()
    head = data[:2048].lstrip(b"\xef\xbb\xbf").lstrip()
    if head.startswith((b"<", b"\xff\xfe", b"\xfe\xff")) and path.suffix.lower() not in (
        ".po",
        ".pot",
    ):
        root = parse_xml(data, path)
        if _local(root.tag) == "tmx":
            counts: dict[str, int] = {}
            for tuv in root.iter():
                if _is(tuv, "tuv"):
                    lang = tuv.get(f"{{{XML_NS}}}lang") or tuv.get("lang") or "?"
                    counts[lang] = counts.get(lang, 0) + 1
            return FileLanguages(variants=counts)
        file_el = next((el for el in root.iter() if _is(el, "file")), None)
        if root.get("srcLang") or root.get("trgLang"):
            return FileLanguages(root.get("srcLang"), root.get("trgLang"))
        if file_el is not None:
            return FileLanguages(file_el.get("source-language"), file_el.get("target-language"))
        return FileLanguages()
    units = read_units(path)
    return FileLanguages(
        next((u.source_lang for u in units if u.source_lang), None),
        next((u.target_lang for u in units if u.target_lang), None),
    )
