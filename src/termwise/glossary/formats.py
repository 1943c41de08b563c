"""The glossary formats termwise reads and writes, and how a file's format is recognised.

A small registry (as Babel does for its plug-ins): each format names its suffixes, how to
recognise its first bytes, a reader and a writer. ``load_glossary`` accepts a file or a
folder of files, so every command that takes a glossary PATH works on ``glossary/``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from termwise.atomic import write_atomic
from termwise.errors import InputError, TermwiseError
from termwise.glossary.model import Glossary, Problem
from termwise.input_files import read_input


@dataclass(frozen=True)
class ReadOptions:
    """What a reader may need beyond the bytes: languages for formats that do not name them,
    and what to put before the concept ids it makes up (``read_folder_files``)."""

    source_lang: str | None = None
    target_lang: str | None = None
    id_prefix: str = ""


@dataclass(frozen=True)
class WriteOptions:
    """Writer choices: TBX dialect and style, and the languages of two-column formats."""

    dialect: str = "TBX-Basic"
    style: str = "dca"
    source_lang: str | None = None
    target_lang: str | None = None
    encoding: str = "utf-8"


@dataclass
class ConceptsNotWritten(Problem):
    """Whole concepts a writer left out (OmegaT's, those without an official term in both
    languages), counted: "wrote 46 concepts" said of a file that held 23, the warning
    after it naming the other 23."""

    count: int = 0


def concepts_written(glossary: Glossary, problems: list[Problem]) -> int:
    """How many of ``glossary``'s concepts a writer that reported ``problems`` wrote."""
    left_out = sum(p.count for p in problems if isinstance(p, ConceptsNotWritten))
    return len(glossary.concepts) - left_out


Reader = Callable[[bytes, Path, ReadOptions], Glossary]
Writer = Callable[[Glossary, WriteOptions], tuple[bytes, list[Problem]]]


@dataclass(frozen=True)
class GlossaryFormat:
    name: str
    suffixes: tuple[str, ...]
    detect: Callable[[bytes, Path], bool]
    read: Reader
    write: Writer
    description: str = ""
    aliases: tuple[str, ...] = field(default_factory=tuple)


_REGISTRY: dict[str, GlossaryFormat] = {}


def register(fmt: GlossaryFormat) -> None:
    _REGISTRY[fmt.name] = fmt


def formats() -> dict[str, GlossaryFormat]:
    """Every registered format by name (``tbx``, ``csv``, ``termsuite``, ``omegat``)."""
    _ensure_builtins()
    return dict(_REGISTRY)


def get_format(name: str) -> GlossaryFormat:
    _ensure_builtins()
    lowered = name.lower()
    for fmt in _REGISTRY.values():
        if lowered == fmt.name or lowered in fmt.aliases:
            return fmt
    raise InputError(f"unknown glossary format {name!r}; known: {', '.join(_REGISTRY)}")


def detect_format(path: Path, data: bytes) -> GlossaryFormat:
    """The format of a file: its content first (TBX is XML whatever its name), then its suffix."""
    _ensure_builtins()
    for fmt in _REGISTRY.values():
        if fmt.detect(data, path):
            return fmt
    suffix = path.suffix.lower()
    for fmt in _REGISTRY.values():
        if suffix in fmt.suffixes:
            return fmt
    raise InputError(
        "cannot tell the glossary format; name it with --format (tbx, csv or omegat)", path
    )


def _ensure_builtins() -> None:
    if _REGISTRY:
        return
    from termwise.glossary import csv_glossary, omegat, tbx

    def read_tbx(data: bytes, path: Path, options: ReadOptions) -> Glossary:
        return tbx.read_tbx(data, path, options.id_prefix)

    def write_tbx(glossary: Glossary, options: WriteOptions) -> tuple[bytes, list[Problem]]:
        return tbx.write_tbx(glossary, tbx.TbxStyle(options.dialect, options.style))

    def detect_tbx(data: bytes, path: Path) -> bool:
        return path.suffix.lower() == ".tbx" or tbx.looks_like_tbx(data)

    register(
        GlossaryFormat(
            "tbx",
            (".tbx", ".xml"),
            detect_tbx,
            read_tbx,
            write_tbx,
            "TBX v3 (TBX-Basic, TBX-Min; dca/dct) and TBX 2008 (martif)",
        )
    )
    register(
        GlossaryFormat(
            "csv",
            (".csv",),
            # A tab-separated table with a header of languages is no OmegaT file, whatever
            # its suffix: OmegaT's format has no header.
            lambda data, path: path.suffix.lower() == ".csv" or csv_glossary.looks_like_table(data),
            csv_glossary.read_csv_glossary,
            csv_glossary.write_csv_glossary,
            "CSV with a header (a column per language; tab-separated too) or source,target,comment",
        )
    )

    def write_termsuite(glossary: Glossary, options: WriteOptions) -> tuple[bytes, list[Problem]]:
        raise InputError("termwise reads TermSuite's term lists but does not write them")

    register(
        GlossaryFormat(
            "termsuite",
            (),
            lambda data, path: csv_glossary.looks_like_termsuite(data),
            csv_glossary.read_termsuite,
            write_termsuite,
            "TermSuite's TSV term list (#, type, pilot/key, statistics), read as a term list",
        )
    )

    def read_omegat(data: bytes, path: Path, options: ReadOptions) -> Glossary:
        # Read as OmegaT, its rank became the source term and its row type the target.
        if csv_glossary.looks_like_termsuite(data):
            raise InputError(
                "a TermSuite term list (#, type, pilot/key, statistics), not an OmegaT "
                "glossary: import it without --format, with --from LANG",
                path,
                line=1,
            )
        if csv_glossary.looks_like_table(data):
            # Read as OmegaT, its header row became a concept and its status a comment.
            raise InputError(
                "a table with a header row naming its columns, not an OmegaT glossary: "
                "import it without --format, or with --format csv",
                path,
                line=1,
            )
        glossary = omegat.read_omegat(data, path, options)
        # OmegaT has no ids: each is one made up from the line of its source term.
        for concept in glossary.concepts:
            concept.id = options.id_prefix + concept.id
        return glossary

    register(
        GlossaryFormat(
            "omegat",
            (".txt", ".tab", ".utf8", ".tsv"),
            lambda data, path: path.suffix.lower() in (".tab", ".utf8", ".tsv"),
            read_omegat,
            omegat.write_omegat,
            "OmegaT glossary (tab-separated source, target, comment)",
            aliases=("tsv", "tab"),
        )
    )


GLOSSARY_SUFFIXES = (".tbx", ".csv", ".txt", ".tab", ".utf8", ".tsv")


def glossary_files(folder: Path) -> list[Path]:
    """The glossary files in a folder (not hidden files, not ``name~`` backups), sorted."""
    return sorted(
        path
        for path in folder.iterdir()
        if path.is_file()
        and not path.name.startswith(".")
        and not path.name.endswith("~")
        and path.suffix.lower() in GLOSSARY_SUFFIXES
    )


def read_file(
    path: Path, *, fmt: str | None = None, options: ReadOptions | None = None
) -> Glossary:
    data = read_input(path)
    chosen = get_format(fmt) if fmt else detect_format(path, data)
    return chosen.read(data, path, options or ReadOptions())


# What ``read_folder_files`` has readers put before the ids they make up, to tell those from
# ids the files give: no text a reader decodes holds a NUL.
_MADE_UP = "\x00"


def read_folder_files(
    paths: list[Path],
    *,
    fmt: str | None = None,
    options: ReadOptions | None = None,
    skip_unreadable: bool = False,
) -> list[tuple[Path, Glossary]]:
    """The files of one glossary folder, read (``skip_unreadable``: one that cannot be read
    is left out, else its error is raised), with the concept ids their readers made up told
    apart across the folder.

    A CSV row without an id is "r<line>" in every file (a TBX entry "c<n>", an OmegaT line
    "l<line>"), and the folder's glossary merges concepts of one id: two clients' rows 2
    became one concept of both files' terms. So a file that makes up an id another file
    makes up too gets its prefix (``_file_prefixes``) before every id it makes up
    ("client-r2"), stable from run to run; a file whose made-up ids no other file makes up
    keeps them ("r2"). An edit writes a TBX file's made-up ids as the folder shows them
    ("wind-c1"), and that file still makes up the "c1" it was written from
    (``_written_from``): the other file's "solar-c1" stays so, where it became "c1" after
    the edit.

    The ids hold only while the folder's files stay: a second id-less file renames the
    first one's rows, and removing it gives them back their own, so what named the old id
    (``[mt.terms]``, ``check --ignore``, ``--concept``) names no concept then. Each
    glossary keeps in ``Glossary.renamed`` the other ids its made-up ones had or would
    have, so that ``Glossary.no_concept`` names the id to write instead. Renaming only the
    file that sorts later would not keep them: a new file that sorts first would rename the
    old one's all the same.
    """
    marked = replace(options or ReadOptions(), id_prefix=_MADE_UP)
    parts: list[tuple[Path, Glossary]] = []
    for path in paths:
        try:
            parts.append((path, read_file(path, fmt=fmt, options=marked)))
        except TermwiseError:
            if not skip_unreadable:
                raise
    made_up = [
        {
            concept.id.removeprefix(_MADE_UP)
            for concept in glossary.concepts
            if concept.id.startswith(_MADE_UP)
        }
        for _, glossary in parts
    ]
    held = [
        ids | _written_from(glossary, _prefix_forms(path))
        for (path, glossary), ids in zip(parts, made_up, strict=True)
    ]
    counts = Counter(concept_id for ids in held for concept_id in ids)
    clashing = [
        path
        for (path, _), ids in zip(parts, made_up, strict=True)
        if any(counts[concept_id] > 1 for concept_id in ids)
    ]
    prefixes = _file_prefixes(clashing)
    for path, glossary in parts:
        prefix = prefixes.get(path, "")
        for concept in glossary.concepts:
            if concept.id.startswith(_MADE_UP):
                bare = concept.id.removeprefix(_MADE_UP)
                concept.id = prefix + bare
                for other in {bare} | {form + bare for form in _prefix_forms(path)}:
                    if other != concept.id:
                        glossary.renamed[other] = {str(path): concept.id}
        # What the reader said of a made-up id ("concept without an id; called it c1").
        for problem in glossary.problems:
            problem.message = problem.message.replace(_MADE_UP, prefix)
    return parts


def _file_prefixes(paths: list[Path]) -> dict[Path, str]:
    """What goes before the ids that each of ``paths`` (the files whose made-up ids clash)
    makes up: its stem ("client-"), or its name where another of them has that stem
    ("a.csv-" beside "a.tsv-"), whose rows would clash again under one prefix. A file that
    makes up no id is no matter: ``wind.tbx`` holding an import's new terms of
    ``wind.csv``'s "wind-r2" would have renamed that concept "wind.csv-r2"."""
    stems = Counter(path.stem for path in paths)
    return {path: f"{path.stem if stems[path.stem] == 1 else path.name}-" for path in paths}


def _prefix_forms(path: Path) -> set[str]:
    """Every prefix ``path``'s made-up ids may have (``_file_prefixes``): its stem's and its
    name's, as the folder's other files come and go."""
    return {f"{path.stem}-", f"{path.name}-"}


def _written_from(glossary: Glossary, forms: set[str]) -> set[str]:
    """The made-up ids that ids ``glossary``'s file gives itself were written from: an edit
    wrote the "wind-c1" the folder showed, made up as "c1" by the TBX reader, the one file
    an edit writes. An id of the file's own that another file makes up is no clash, nor
    one in another reader's form: a TBX holding an import's new terms of a CSV's concept
    holds them under that concept's id ("r3"), to merge with it, and the import names a
    new concept of its own "new-r2" where "r2" is another file's."""
    own = [concept.id for concept in glossary.concepts if not concept.id.startswith(_MADE_UP)]
    written = {
        concept_id.removeprefix(form)
        for concept_id in own
        for form in forms
        if concept_id.startswith(form)
    }
    if not written:
        return set()
    # Only now: the TBX reader's module brings lxml, which a folder of CSVs does not need.
    from termwise.glossary.tbx import is_made_up_id

    return {concept_id for concept_id in written if is_made_up_id(concept_id)}


# (file, tag) pairs warned about already: a command may load the glossary more than once.
_WARNED: set[tuple[str, str]] = set()


def unknown_languages(glossary: Glossary) -> dict[str, int]:
    """The glossary's language tags that name no language ``--to`` knows ("sp" for
    Spanish), with how many terms each holds."""
    from termwise import languages

    counts: dict[str, int] = {}
    for concept in glossary.concepts:
        for term in concept.all_terms:
            counts[term.lang] = counts.get(term.lang, 0) + 1
    unknown = {}
    for tag, count in counts.items():
        try:
            languages.known(tag)
        except languages.LanguageError:
            unknown[tag] = count
    return unknown


def _warn_unknown_languages(glossary: Glossary, path: Path) -> None:
    """One line on standard error for each tag of ``path`` that names no language: its terms
    serve no translation, so a typo ("sp") left a language without its glossary (no check,
    no forced MT) without a word. Printed here, as the document readers print theirs,
    because a dozen commands load glossaries and none would otherwise say it."""
    import sys

    for tag, count in unknown_languages(glossary).items():
        if (str(path), tag) in _WARNED:
            continue
        _WARNED.add((str(path), tag))
        terms = f"{count} term{'' if count == 1 else 's'}"
        print(
            f"termwise: warning: {path}: language tag {tag!r} ({terms}) is not a known "
            "language; no translation uses those terms (termwise glossary validate lists "
            "where)",
            file=sys.stderr,
        )


def load_glossary(
    path: str | Path,
    *,
    fmt: str | None = None,
    source_lang: str | None = None,
    target_lang: str | None = None,
    origins: dict[str, Path] | None = None,
) -> Glossary:
    """Read a glossary file, or every glossary file in a folder merged in name order.

    ``origins``, when given, is filled with the file each concept was first read from.
    """
    target = Path(path)
    options = ReadOptions(source_lang, target_lang)
    if target.is_dir():
        files = glossary_files(target)
        if not files:
            raise InputError(
                "the folder holds no glossary (no "
                + ", ".join(GLOSSARY_SUFFIXES)
                + " file); give a glossary file, or a folder with one",
                target,
            )
        merged = Glossary()
        for file, part in read_folder_files(files, fmt=fmt, options=options):
            _warn_unknown_languages(part, file)
            if origins is not None:
                for concept in part.concepts:
                    origins.setdefault(concept.id, file)
            merged.lang = merged.lang or part.lang
            merged.title = merged.title or part.title
            merged.source_desc.extend(p for p in part.source_desc if p not in merged.source_desc)
            merged.extend(part, str(file))
        return merged
    if not target.exists():
        raise InputError("no such glossary file or folder", target)
    glossary = read_file(target, fmt=fmt, options=options)
    _warn_unknown_languages(glossary, target)
    if origins is not None:
        origins.update(dict.fromkeys((concept.id for concept in glossary.concepts), target))
    return glossary


def save_glossary(
    glossary: Glossary,
    path: str | Path,
    *,
    fmt: str = "tbx",
    options: WriteOptions | None = None,
) -> list[Problem]:
    """Write ``glossary`` atomically (TBX-Basic v3 by default); returns what could not be kept.

    A folder as ``path`` means ``glossary.<suffix>`` inside it.
    """
    chosen = get_format(fmt)
    target = Path(path)
    if target.is_dir():
        target = target / f"glossary{chosen.suffixes[0]}"
    data, problems = glossary_bytes(glossary, target, fmt=fmt, options=options)
    write_atomic(target, data)
    return problems


def glossary_bytes(
    glossary: Glossary,
    target: Path,
    *,
    fmt: str = "tbx",
    options: WriteOptions | None = None,
) -> tuple[bytes, list[Problem]]:
    """``glossary`` as ``save_glossary`` writes it to the file ``target``, and what could not
    be kept: for a caller that leaves a file alone whose bytes these are already."""
    chosen = get_format(fmt)
    options = options or WriteOptions()
    try:
        data, problems = chosen.write(glossary, options)
    except UnicodeEncodeError as error:
        raise cannot_hold(error, options.encoding, target) from None
    for problem in problems:
        if problem.path is None:
            problem.path = str(target)
    return data, problems


def cannot_hold(
    error: UnicodeEncodeError,
    encoding: str,
    where: Path | None,
    advice: str = "export as utf-8 or utf-16",
) -> InputError:
    """The refusal of an export (a glossary, a candidate list) in ``encoding``, which cannot
    hold what ``error`` met: raised before anything is written, since a file without those
    terms would look complete. ``advice``: the encodings the caller can write."""
    missing = error.object[error.start : error.end]
    return InputError(
        f"the encoding {encoding} cannot hold {missing!r} (and maybe more); {advice}", where
    )
