"""``termwise align`` (two texts into an aligned translation) and ``termwise align-score``."""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import click

from termwise import languages
from termwise.command_line import LANGUAGE, TEXT_ENCODING
from termwise.errors import InputError
from termwise.input_files import read_input
from termwise.mt import ENGINES
from termwise.project.layout import ProjectLayout

if TYPE_CHECKING:
    from termwise.align.aligner import Alignment
    from termwise.align.beads import Bead
    from termwise.document.model import Document

# Runs of at least this many sentences left without counterpart are named after aligning:
# shorter ones are a translator's usual liberties, longer ones a passage one side lacks.
UNMATCHED_RUN = 5


@dataclass
class Side:
    """One text to align: its sentences and where its paragraphs and headings are."""

    path: Path
    texts: list[str]
    paragraph_starts: list[bool]
    headings: list[bool]
    document: object | None = None  # the termwise Document, when read as a document
    # For the project: the segmentation the source was read with (``AlignmentStart.record``).
    record: object | None = None
    # For the project, where ``document`` keeps joins (the translator's F3, one another
    # language holds): the segment of ``document`` each sentence of ``texts`` is part of.
    # The sentences are aligned without those joins, as the first alignment aligned them.
    segment_of: list[int] | None = None


def read_presegmented(path: Path, encoding: str | None, option: str = "--encoding") -> Side:
    """One sentence per line, as given (line k is sentence k of the bead notation); an
    encoding error names ``option``, the one that names this file's encoding."""
    lines = _file_lines(path, encoding, what="sentences to align", encoding_option=option)
    return Side(path, lines, [False] * len(lines), [False] * len(lines))


def _file_lines(
    path: Path, encoding: str | None, *, what: str, encoding_option: bool | str = True
) -> list[str]:
    """The lines of a one-item-per-line file; one with none but blank lines is refused as
    holding no ``what``."""
    from termwise.document.encoding import read_text
    from termwise.document.reading import note_encoding

    # read_text refuses binary files (NUL and other control characters) with their offset.
    text, used = read_text(path, encoding, encoding_option=encoding_option)
    # As every command that segments a file does: a GB18030 file aligned line by line was
    # read on a guess without a word of it, or of the option that names another encoding.
    note_encoding(path, encoding, used, encoding_option)
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    lines = [line.rstrip("\r") for line in lines]
    if not any(line.strip() for line in lines):
        state = "is empty" if not text else "holds only blank lines"
        raise InputError(f"no {what}: the file {state}", path, line=1)
    return lines


def read_document_side(
    layout: ProjectLayout,
    path: Path,
    lang: str | None,
    encoding: str | None,
    *,
    project: bool,
    option: str = "--encoding",
    target_lang: str | None = None,
) -> Side:
    """A document segmented as every other command segments it; an error reading it names
    ``option``, the one that names this file's encoding (``--encoding`` names both). The
    source of a project's translation into ``target_lang`` is read without the joins an
    earlier alignment made (``align.output.alignment_source``)."""
    from termwise.document import load_document
    from termwise.document.model import SegmentKind
    from termwise.project.translations import load_source

    record = None
    aligned = None
    segment_of = None
    if project and target_lang is not None:
        from termwise.align.output import alignment_source

        start = alignment_source(
            layout, path, target_lang, lang=lang, encoding=encoding, encoding_option=option
        )
        document, record = start.document, start.record
        if record.joins:
            aligned, segment_of = _without_joins(layout, path, document, option)
    elif project:
        document = load_source(layout, path, lang=lang, encoding=encoding, encoding_option=option)
    else:
        document = load_document(path, lang=lang, encoding=encoding, encoding_option=option)
    segments = (aligned or document).segments
    if not segments:
        raise InputError("no sentences to align: the document is empty", path, line=1)
    starts = [
        k == 0 or segments[k].paragraph != segments[k - 1].paragraph for k in range(len(segments))
    ]
    return Side(
        path,
        [segment.text for segment in segments],
        starts,
        [segment.kind is SegmentKind.HEADING for segment in segments],
        document,
        record,
        segment_of,
    )


def _without_joins(
    layout: ProjectLayout, path: Path, document: Document, option: str
) -> tuple[Document, list[int]]:
    """The source without any join (its splits kept), and the segment of ``document`` each
    of its sentences is part of.

    Aligned over a join the translator made, the text was one sentence short of the one the
    first alignment aligned, and the model the aligner learns from the whole text (length
    ratio and variance, how often each kind of group occurs, its word table) came out
    otherwise: every group's confidence moved, by up to 0.12, and unsure flags came and went
    far from the join. Aligned as before and folded onto the joins afterwards
    (``fold_beads``), only the groups over a join change."""
    from termwise.document.resegmentation import Resegmentation
    from termwise.project.translations import open_source

    source = open_source(layout, path, lang=document.lang, encoding_option=option)
    plain = Resegmentation(source.resegmentation.path, splits=source.resegmentation.splits)
    aligned = plain.apply(source.base)
    position = {segment.id: number for number, segment in enumerate(document.segments)}
    segment_of: list[int] = []
    for segment in aligned.segments:
        # A join keeps its first part's id; its other parts are no segment of their own.
        segment_of.append(position.get(segment.id, segment_of[-1] if segment_of else 0))
    return aligned, segment_of


def held_elsewhere(
    layout: ProjectLayout, source_path: Path, document: Document, target_lang: str
) -> dict[int, Path]:
    """The segments (by number in ``document``) that a translation into another language
    has work in, and that translation's file."""
    from termwise.project.translations import work_in_other_languages

    work = work_in_other_languages(layout, source_path, target_lang, document)
    return {
        number: work[segment.id][1]
        for number, segment in enumerate(document.segments)
        if segment.id in work
    }


def keep_apart(
    beads: Sequence[Bead], held: Mapping[int, Path], lengths: Sequence[int]
) -> tuple[list[Bead], dict[Path, list[int]]]:
    """The beads with every group of several source segments that another language's
    translation has work in (``held``) cut into one group per segment, and, per such
    translation, the segments kept apart.

    The joins are the document's segmentation, shared by every language: joined for this
    alignment, the second segment's id went away and the first's source changed under the
    other translator's feet (their translation obsolete and fuzzy). Refusing the alignment
    instead would leave a language that the aligner groups n-to-1 anywhere near translated
    text unalignable. Each part takes the target sentences its share of the source's length
    points to, and is flagged unsure (below ``LOW_CONFIDENCE``): the aligner did not group
    them so."""
    from dataclasses import replace

    from termwise.align.output import LOW_CONFIDENCE

    kept: list[Bead] = []
    apart: dict[Path, list[int]] = {}
    for bead in beads:
        owners = [held[k] for k in bead.src if k in held]
        if len(bead.src) < 2 or not owners:
            kept.append(bead)
            continue
        for k in bead.src:
            apart.setdefault(held.get(k, owners[0]), []).append(k)
        total = sum(lengths[k] for k in bead.src) or 1
        bounds: list[float] = []
        running = 0
        for k in bead.src:
            running += lengths[k]
            bounds.append(running / total)
        shares: list[list[int]] = [[] for _ in bead.src]
        for number, line in enumerate(bead.tgt):
            middle = (number + 0.5) / len(bead.tgt)
            shares[
                next(i for i, bound in enumerate(bounds) if middle <= bound or i == len(bounds) - 1)
            ].append(line)
        unsure = min(bead.confidence, LOW_CONFIDENCE - 0.01)
        # How many sentences each segment holds is not known here: labelled by segments.
        kept.extend(
            replace(bead, src=(k,), tgt=tuple(lines), confidence=unsure, source_sentences=None)
            for k, lines in zip(bead.src, shares, strict=True)
        )
    return kept, apart


def fold_beads(beads: Sequence[Bead], segment_of: Sequence[int]) -> list[Bead]:
    """Beads over sentences renumbered as the segments they are part of (``segment_of``):
    the groups a joined segment's sentences fell into become one group (its confidence the
    lowest of theirs), taking in the target-only groups between them; every other group is
    as the aligner made it. Each keeps how many source sentences it holds, which its PO
    comment gives: a joined segment's 2-1 group, labelled by segments, read "group 1-1"."""
    from dataclasses import replace

    ends: dict[int, int] = {}
    for sentence, segment in enumerate(segment_of):
        ends[segment] = sentence
    folded: list[Bead] = []
    # Whether the last group ends inside a segment (the rest of it is still to come).
    open_segment = False
    for bead in beads:
        src = tuple(dict.fromkeys(segment_of[k] for k in bead.src))
        continues = bool(folded) and open_segment and (not src or src[0] == folded[-1].src[-1])
        if continues:
            last = folded[-1]
            folded[-1] = replace(
                last,
                src=tuple(dict.fromkeys((*last.src, *src))),
                tgt=(*last.tgt, *bead.tgt),
                confidence=min(last.confidence, bead.confidence),
                disputed=last.disputed or bead.disputed,
                mt_splits=last.mt_splits or bead.mt_splits,
                source_sentences=(last.source_sentences or 0) + len(bead.src),
            )
        else:
            folded.append(replace(bead, src=src, source_sentences=len(bead.src)))
        if bead.src:
            open_segment = ends[segment_of[bead.src[-1]]] != bead.src[-1]
    return folded


def refuse_utf8_misread(path: Path, encoding: str | None, option: str) -> None:
    """``document.encoding.refuse_utf8_misread`` for one of align's files, whose advice
    names the per-file options where ``--encoding`` named the encoding of both."""
    from termwise.document.encoding import refuse_utf8_misread as refuse

    if encoding is None or _is_docx(path):
        return
    advice = (
        "--encoding names the encoding of every file: name one file's alone with "
        "--source-encoding or --target-encoding"
        if option == "--encoding"
        else None
    )
    refuse(read_input(path), path, encoding, option, advice=advice)


def _is_docx(path: Path) -> bool:
    """A Word file holds its own encoding: the options do not apply to it."""
    from termwise.document.reading import FORMATS

    return FORMATS.get(path.suffix.lower()) == "docx"


def require_project_reading(path: Path, encoding: str, option: str) -> None:
    """Refuse a source that the project's other commands would read otherwise than as
    ``encoding``, or not at all: ``check``, ``review``, ``stats``, ``translate`` and
    ``export`` take no encoding and tell it from the bytes, so a translation file keyed by
    another reading of the source would be of no use to them."""
    if _is_docx(path):
        return
    from termwise.document.encoding import decode_bytes, detect_encoding

    data = read_input(path)
    # An error reading it names the source's own option, as every read of it does here.
    named = decode_bytes(data, path, encoding, encoding_option="--source-encoding")
    try:
        detected = detect_encoding(data, path)
        text = decode_bytes(data, path, detected)
    except InputError as error:
        line = error.line or data.count(b"\n", 0, error.offset or 0) + 1
        reading = "cannot read it (they read UTF-8, UTF-16 with a byte-order mark or GB18030)"
    else:
        if text == named:
            return
        line = named.count("\n", 0, len(os.path.commonprefix([named, text]))) + 1
        reading = f"read it as {detected}"
    raise InputError(
        f"{option} {encoding} reads this source, but the project's other commands (check, "
        f"review, stats, export) take no encoding and {reading}; save it as UTF-8 "
        f"(iconv -f {encoding} -t utf-8), or align it with --format tmx or beads",
        path,
        line=line,
    )


def source_language(source: Side) -> str:
    """The source's language where ``--from`` leaves it out: the document's, as every
    command reading it detects it; that of its lines, read with ``--presegmented``."""
    from termwise.document.model import Document

    if isinstance(source.document, Document):
        return source.document.lang
    from termwise.document.reading import detect_language

    return detect_language("\n".join(source.texts))


def read_verse_labels(path: Path) -> list[str]:
    """``align-score --verse-src/--verse-tgt``: the verse label of every line, in order."""
    return _file_lines(path, None, what="verse labels", encoding_option=False)


def read_mt_lines(
    path: Path, expected: int, encoding: str | None, *, presegmented: bool = False
) -> list[str]:
    """``--source-mt``: one machine-translated line per source sentence; a wrong count says
    where the sentences to translate come from (after a join the project's segments are
    fewer than the sentences align aligns)."""
    side = read_presegmented(path, encoding)
    if len(side.texts) != expected:
        raise InputError(
            f"has {len(side.texts)} lines but the source has {expected} sentences "
            + (
                "(one MT line per line of SOURCE is needed)"
                if presegmented
                else "(one MT line per source sentence is needed, in the order of "
                "`termwise segments SOURCE --no-joins --format lines`)"
            ),
            path,
        )
    return side.texts


def glossary_concepts(
    layout: ProjectLayout, source: Side, target: Side, src: str, tgt: str
) -> tuple[list[frozenset[str]], list[frozenset[str]]] | None:
    """Concepts of the project glossary found in each sentence, kept where both sides have them."""
    folder = layout.glossary_dir
    if not folder.exists():
        return None
    from termwise.glossary.formats import load_glossary
    from termwise.glossary.matcher import TermMatcher

    glossary = load_glossary(folder)
    if not glossary.concepts:
        return None
    found = []
    for side, lang in ((source, src), (target, tgt)):
        matcher = TermMatcher(glossary, lang)
        found.append([frozenset(m.concept_id for m in matcher.find(text)) for text in side.texts])
    shared = set().union(*found[0]) & set().union(*found[1])
    return (
        [concepts & shared for concepts in found[0]],
        [concepts & shared for concepts in found[1]],
    )


def machine_translation(
    engine_name: str | None, texts: Sequence[str], src: str, tgt: str
) -> list[str]:
    from termwise.mt import select_engine
    from termwise.mt.cache import CachedEngine, TranslationCache

    engine = CachedEngine(select_engine(engine_name, src, tgt), TranslationCache())
    return [result.target for result in engine.translate(list(texts), src, tgt)]


def _why_mt_unused(result: Alignment) -> str:
    """What showed that the MT given is not a translation of the source, line by line."""
    if result.mt_out_of_step:
        return (
            "the MT of the source is out of step with it: its sentence lengths match the "
            "source's better one line off than in line"
        )
    if result.mt_unfollowed:
        return (
            "the MT of the source does not follow it line by line: its sentence lengths "
            f"hardly match the source's (correlation {result.mt_length_correlation:.2f})"
        )
    return (
        "the MT of the source does not resemble the target: it picks the right target "
        f"sentence over its neighbours for {result.mt_rank:.0%} of the pairs, about as often "
        "as chance"
    )


@click.command("align")
@click.argument("source_path", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("target_path", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--from",
    "source_lang",
    default=None,
    type=LANGUAGE,
    help="Source language (BCP 47; default: detected).",
)
@click.option("--to", "target_lang", required=True, type=LANGUAGE, help="Target language (BCP 47).")
@click.option("--presegmented", is_flag=True, help="Both files hold one sentence per line.")
@click.option(
    "--source-mt",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="A machine translation of the source, one line per source sentence.",
)
@click.option(
    "--engine",
    type=click.Choice(list(ENGINES)),
    default=None,
    help="MT engine for the MT similarity (default: any installed for the pair).",
)
@click.option("--no-mt", is_flag=True, help="Align on lengths and anchors only.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["po", "beads", "tmx"]),
    default=None,
    help="po: the project's translation file (default for documents); beads: [i, j]:[k] "
    "lines (default with --presegmented); tmx: TMX 1.4b (needs -o).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write beads or TMX to this file (beads go to standard output otherwise).",
)
@click.option(
    "--encoding",
    type=TEXT_ENCODING,
    default=None,
    help="Encoding of both files (default: UTF-8, UTF-16 with a BOM or GB18030, told apart "
    "from the bytes; name any other).",
)
@click.option(
    "--source-encoding",
    type=TEXT_ENCODING,
    default=None,
    help="Encoding of SOURCE alone (instead of --encoding).",
)
@click.option(
    "--target-encoding",
    type=TEXT_ENCODING,
    default=None,
    help="Encoding of TARGET alone (instead of --encoding).",
)
@click.option(
    "--no-language-check",
    is_flag=True,
    help="Align even where SOURCE or TARGET looks like another language than --from or --to "
    "names (for a text that fools the detection).",
)
@click.pass_obj
def align(
    layout: ProjectLayout,
    source_path: Path,
    target_path: Path,
    source_lang: str | None,
    target_lang: str,
    presegmented: bool,
    source_mt: Path | None,
    engine: str | None,
    no_mt: bool,
    fmt: str | None,
    output: Path | None,
    encoding: str | None,
    source_encoding: str | None,
    target_encoding: str | None,
    no_language_check: bool,
) -> None:
    """Align SOURCE with its translation TARGET sentence by sentence."""
    from termwise.align.aligner import align as run_alignment
    from termwise.align.features import side_features

    layout = layout if isinstance(layout, ProjectLayout) else ProjectLayout.at()
    src = languages.normalize(source_lang) if source_lang else None
    tgt = languages.normalize(target_lang)
    chosen = fmt or ("beads" if presegmented else "po")
    if chosen == "po" and presegmented:
        raise click.UsageError(
            "a project file needs the source read as a document; drop --presegmented "
            "or choose --format beads or tmx"
        )
    if chosen == "tmx" and output is None:
        raise click.UsageError("--format tmx needs -o FILE")
    if chosen == "po" and output is not None:
        raise click.UsageError(
            "the alignment goes to the project's translations/ folder; -o is for "
            "--format beads or tmx"
        )
    if source_mt is not None and (engine or no_mt):
        raise click.UsageError("--source-mt is the MT; do not combine it with --engine or --no-mt")
    for path in (source_path, target_path):
        if not path.exists():
            raise InputError("no such file", path)
    if source_path.resolve() == target_path.resolve():
        # Aligned with itself, a text makes a "translation" of every sentence into itself.
        raise click.UsageError(
            f"SOURCE and TARGET are the same file ({source_path}): give the translation as TARGET"
        )
    # Each file's own option overrides --encoding; an error blames the option that named it.
    source_option = "--encoding" if source_encoding is None else "--source-encoding"
    target_option = "--encoding" if target_encoding is None else "--target-encoding"
    source_encoding = source_encoding or encoding
    target_encoding = target_encoding or encoding
    refuse_utf8_misread(source_path, source_encoding, source_option)
    refuse_utf8_misread(target_path, target_encoding, target_option)
    if source_mt is not None:
        refuse_utf8_misread(source_mt, encoding, "--encoding")
    # An error reading one file names its own option: --encoding would change both.
    if presegmented:
        source = read_presegmented(source_path, source_encoding, "--source-encoding")
        target = read_presegmented(target_path, target_encoding, "--target-encoding")
    else:
        # Beads and TMX number the file's own sentences; only the project's translation file
        # is keyed by the segments as the project sees them (with the translator's joins),
        # read as check, review and stats read them: without an encoding.
        if chosen == "po" and source_encoding is not None:
            require_project_reading(source_path, source_encoding, source_option)
            source_encoding = None
        source = read_document_side(
            layout,
            source_path,
            src,
            source_encoding,
            project=chosen == "po",
            option="--source-encoding",
            target_lang=tgt,
        )
        target = read_document_side(
            layout, target_path, tgt, target_encoding, project=False, option="--target-encoding"
        )
    src_given = src is not None
    if src is None:
        # Detected from the source as review, check and translate detect it.
        src = source_language(source)
    if not no_language_check:
        from termwise.align.language_check import refuse_other_languages

        refuse_other_languages(
            (source_path, source.texts),
            (target_path, target.texts),
            src,
            tgt,
            source_lang_given=src_given,
        )
    if not src_given:
        # Said once the texts are taken (a refusal is one line): with --no-mt a wrong guess
        # shows nowhere else, the project's file being named for --to alone.
        name = languages.display_name(src)
        click.echo(
            f"Source language: {name} ({src}, detected; if it is not, name it with --from)",
            err=True,
        )

    mt: list[str] | None = None
    if source_mt is not None:
        mt = read_mt_lines(source_mt, len(source.texts), encoding, presegmented=presegmented)
    # Every other file is read before the MT, which takes minutes on a book: a broken
    # translation file or glossary refused after it cost them for nothing.
    concepts = glossary_concepts(layout, source, target, src, tgt)
    held: dict[int, Path] = {}
    if chosen == "po":
        from termwise.document.model import Document
        from termwise.project.translations import open_translation

        assert isinstance(source.document, Document)
        held = held_elsewhere(layout, source_path, source.document, tgt)
        # Read again to be written (write_project): what it holds may change meanwhile.
        open_translation(layout, source.document, tgt)
    if source_mt is None and not no_mt:
        from termwise.mt import available_engines

        if engine is not None or available_engines(src, tgt):
            click.echo(f"Machine-translating the source ({src} → {tgt}) for alignment…", err=True)
            mt = machine_translation(engine, source.texts, src, tgt)

    result = run_alignment(
        side_features(
            source.texts,
            lang=src,
            paragraph_starts=source.paragraph_starts,
            headings=source.headings,
            concepts=concepts[0] if concepts else None,
        ),
        side_features(
            target.texts,
            lang=tgt,
            paragraph_starts=target.paragraph_starts,
            headings=target.headings,
            concepts=concepts[1] if concepts else None,
        ),
        source_mt=mt,
        target_texts=target.texts,
        source_texts=source.texts,
        mt_in_step=source_mt is None,
    )
    beads = result.beads
    if source.segment_of is not None:
        beads = fold_beads(beads, source.segment_of)
    from termwise.align.output import CHECK_FLAG, LOW_CONFIDENCE

    low = sum(1 for bead in beads if bead.confidence < LOW_CONFIDENCE)
    disputed = sum(1 for bead in beads if bead.disputed)
    kept = sum(1 for bead in beads if bead.mt_splits)

    def aligned_line(flagged: int | None = None) -> str:
        """The alignment's summary; where the project's translation was written, its low
        confidence groups said to be among the ``flagged`` of the line after it (it read
        as 7 more than the 33 flagged)."""
        line = (
            f"Aligned {len(source.texts)} source and "
            f"{_counted(len(target.texts), 'target sentence')} in "
            f"{_counted(len(beads), 'group')} ({low} of low confidence"
            + (f", {disputed} of them grouped otherwise without MT" if disputed else "")
            + (
                f", {'all ' if disputed else ''}among the {flagged} flagged below"
                if flagged and low
                else ""
            )
            + (f"; {kept} kept whole by their lengths where the MT splits them" if kept else "")
            + f"); {'with' if mt is not None and not result.mt_ignored else 'without'} "
            "MT similarity"
        )
        if result.mt_rank is not None and not result.mt_ignored:
            line += (
                f" (the MT picks the right target sentence over its neighbours for "
                f"{result.mt_rank:.0%} of the pairs)"
            )
        return line

    summary = aligned_line()
    if chosen != "po":
        _name_gaps(beads, with_mt=mt is not None and not result.mt_ignored)
    if result.mt_ignored:
        # Only a file given can be another text's MT; one made here shows the target is not.
        question = (
            f"Is {target_path.name} a translation of {source_path.name} into {tgt}?"
            if source_mt is None
            else f"Is it a translation of {source_path.name} into {tgt}, one line per source "
            "sentence, in order?"
        )
        click.echo(f"warning: {_why_mt_unused(result)}, so it was not used. {question}", err=True)
    if chosen == "beads":
        from termwise.align.beads import beads_text

        text = beads_text(beads)
        if output is None:
            click.echo(text, nl=False)
        else:
            from termwise.atomic import write_atomic

            write_atomic(output, text)
            summary += f"\nWrote {_counted(len(beads), 'group')} to {output}"
        click.echo(summary, err=True)
        return
    if chosen == "tmx":
        from termwise.align.output import tmx_units
        from termwise.atomic import write_atomic
        from termwise.project.tmx import tmx_bytes

        assert output is not None
        units = tmx_units(source.texts, target.texts, beads, src, tgt)
        write_atomic(output, tmx_bytes(units, src))
        one_sided = sum(1 for bead in beads if not bead.src or not bead.tgt)
        click.echo(
            f"{summary}\nWrote {_counted(len(units), 'translation unit')} to {output}"
            + (
                f" ({_counted(one_sided, 'group')} with one side only left out: TMX pairs "
                "a source with a target)"
                if one_sided
                else ""
            ),
            err=True,
        )
        return
    from termwise.align.output import write_project
    from termwise.document.model import Document
    from termwise.document.resegmentation import Resegmentation

    assert isinstance(source.document, Document)
    assert source.record is None or isinstance(source.record, Resegmentation)
    beads, apart = keep_apart(beads, held, [len(s.text) for s in source.document.segments])
    report = write_project(
        layout,
        source_path,
        source.document,
        target.texts,
        beads,
        tgt,
        target.paragraph_starts,
        start=source.record,
        open_source=result.model.open_sides[0],
    )
    # Numbered as the workbench numbers the segments (the joins made shift them).
    _name_gaps(
        beads,
        report.segment_of,
        report.appended_to,
        with_mt=mt is not None and not result.mt_ignored,
    )
    click.echo(aligned_line(report.flagged), err=True)
    for path, numbers in apart.items():
        named = ", ".join(f"#{report.segment_of[k] + 1}" for k in numbers)
        click.echo(
            f"note: segments {named} are not joined into one group, as the groups of this "
            f"alignment would have them: {path} has a translation of them, which a join "
            "would change; each has a share of its group's translation, flagged unsure",
            err=True,
        )
    # Each flagged group counted once: unsure, or else sure but for what it holds.
    unsure = (
        report.flagged
        - report.flagged_for_appended
        - report.flagged_for_omitted
        - report.not_applied
        - report.flagged_for_held
        - report.flagged_for_numbers
        - report.published_changed
    )
    why = [
        f"{unsure} unsure" if unsure else "",
        f"{report.flagged_for_appended} with target sentences without a source added"
        if report.flagged_for_appended
        else "",
        f"{report.flagged_for_omitted} left out by the translation"
        if report.flagged_for_omitted
        else "",
        f"{report.not_applied} not applied because a segment of it was kept"
        if report.not_applied
        else "",
        f"{report.held_groups} without {_counted(report.held_elsewhere, 'target sentence')}"
        " a kept translation nearby holds"
        if report.held_elsewhere
        else "",
        f"{report.flagged_for_numbers} whose two sides share no number"
        if report.flagged_for_numbers
        else "",
        f"{report.published_changed} kept whose published text changed (back to review)"
        if report.published_changed
        else "",
    ]
    reasons = ", ".join(part for part in why if part)
    click.echo(
        f"Saved {_counted(report.filled, 'aligned translation')} to {report.path} "
        # The workbench counts segments, the lines above sentences and groups: said how
        # they meet ("42 sentences in 41 groups", "39 translations", "0/40 reviewed").
        + (f"for the document's {_counted(report.segments, 'segment')} " if report.segments else "")
        + f"({report.flagged} flagged {report.flagged and CHECK_FLAG or ''}".rstrip()
        + (f": {reasons};" if reasons else ",")
        + f" {_counted(report.unmatched_source, 'source segment')} without a counterpart"
        + (f", {_counted(report.kept, 'earlier translation')} kept" if report.kept else "")
        + (f", {_counted(report.joins, 'sentence join')} recorded" if report.joins else "")
        + ")"
    )
    for count, where in (
        (report.untranslated_before, "before"),
        (report.untranslated_after, "after"),
    ):
        if count:
            click.echo(
                f"{_counted(count, 'source segment')} {where} the translated part "
                f"{'is' if count == 1 else 'are'} left untranslated (not flagged: "
                "translate them, or `termwise translate` fills them with MT)"
            )
    if report.kept:
        from termwise.project.layout import segmentation_overrides_file

        click.echo(
            "note: a segment a person edited or reviewed keeps its translation, so a second "
            "alignment changes only the rest"
            + (
                f" (the other segments of a group that holds one keep theirs too, flagged "
                f"{CHECK_FLAG}, the group's published text in their align: comment)"
                if report.not_applied
                else ""
            )
            + f"; to align afresh, move {report.path} aside "
            f"(and {segmentation_overrides_file(layout, source_path)}, which holds the joins)",
            err=True,
        )


def _name_gaps(
    beads: Sequence[Bead],
    segment_of: Sequence[int] | None = None,
    appended_to: Mapping[int, int] | None = None,
    *,
    with_mt: bool = True,
) -> None:
    """A note for every run of UNMATCHED_RUN or more sentences without counterpart, 1-based;
    source sentences as the project numbers its segments where ``segment_of`` says, and
    target ones with the segment whose translation took them in (``appended_to``). Without
    MT the note says that where the passage lies is a guess: placed by the sentences'
    lengths, a German passage the French lacked was put 20 sentences off, and the groups
    between were paired wrong, most of them sure."""
    from termwise.align.beads import unmatched_runs

    runs = unmatched_runs(beads, UNMATCHED_RUN)
    # Each side's last sentence: a run that reaches it (or the first) is at the side's end.
    last_line = {
        side: max((line for bead in beads for line in bead.side(number)), default=-1)
        for number, side in enumerate(("source", "target"))
    }
    for run in runs:
        other = "target" if run.side == "source" else "source"
        first, last = run.first, run.last
        if segment_of is not None and run.side == "source":
            first, last = segment_of[first], segment_of[last]
        where = f"a passage the {other} lacks?"
        edge = "start" if run.first == 0 else "end" if run.last == last_line[run.side] else ""
        if edge:
            # A translation of part of a text (a chapter, a partial edition), or its source.
            where = f"the {other} lacks the {run.side}'s {edge}: is one a part of the other?"
        if not with_mt:
            # A run that opens the text has no groups before it.
            beside = "after" if run.first == 0 else "before"
            where += (
                " Without MT its place is a guess from the sentence lengths: check the groups "
                f"{beside} it (--source-mt, or an MT engine for the pair, places it by content)"
            )
        owner = (appended_to or {}).get(run.first)
        if run.side == "target" and owner is not None:
            # Most often a long source sentence the translation cut finer than the aligner's
            # groups go (a genealogy of nine sentences): "a passage the source lacks" misled.
            where = (
                f"added to the translation of segment #{owner + 1}, flagged: more of that "
                "sentence, or a passage the source lacks?"
            )
        click.echo(
            f"note: {run.side} sentences {first + 1}–{last + 1} ({run.count}) have no "
            f"counterpart in the {other}: {where}",
            err=True,
        )
    # The shorter runs go unnamed, but not unsaid where runs were named: the notes above
    # would read as all that has no counterpart.
    for side in ("source", "target"):
        named = sum(run.count for run in runs if run.side == side)
        number = int(side == "target")
        alone = sum(len(bead.side(number)) for bead in beads if not bead.side(1 - number))
        if named and alone > named:
            other = "target" if side == "source" else "source"
            click.echo(
                f"note: {_counted(alone - named, f'more {side} sentence')} without "
                f"counterpart in the {other}, in runs of fewer than {UNMATCHED_RUN}",
                err=True,
            )


def _counted(number: int, noun: str) -> str:
    """``number`` with ``noun``, which takes an "s" unless the number is one."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


@click.command("align-score")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--verse-src",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Verse label of every source line (verse mode; one GOLD TEST pair).",
)
@click.option(
    "--verse-tgt",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Verse label of every target line (verse mode).",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def align_score(
    files: tuple[Path, ...], verse_src: Path | None, verse_tgt: Path | None, as_json: bool
) -> None:
    """Score alignments: GOLD TEST [GOLD TEST ...], strict and lax P/R/F1 pooled over pairs."""
    from termwise.align.beads import read_beads
    from termwise.align.scoring import Pair, merge_within_verses, score_files

    if len(files) % 2:
        raise click.UsageError("give GOLD TEST pairs")
    if (verse_src is None) != (verse_tgt is None):
        raise click.UsageError("verse mode needs both --verse-src and --verse-tgt")
    if verse_src is not None and len(files) != 2:
        raise click.UsageError("verse mode scores one GOLD TEST pair")
    pairs = []
    for gold_path, test_path in zip(files[::2], files[1::2], strict=True):
        gold = read_beads(gold_path)
        beads = read_beads(test_path)
        test: Sequence[Bead | Pair] = beads
        if verse_src is not None and verse_tgt is not None:
            src_verses = read_verse_labels(verse_src)
            tgt_verses = read_verse_labels(verse_tgt)
            for path, labels, side in ((verse_src, src_verses, 0), (verse_tgt, tgt_verses, 1)):
                for named, file in ((gold, gold_path), (beads, test_path)):
                    highest = max((max(b.side(side), default=-1) for b in named), default=-1)
                    if highest >= len(labels):
                        raise InputError(
                            f"has {_counted(len(labels), 'verse label')}, but {file} names "
                            f"line {highest} (0-based) of that side",
                            path,
                        )
            test = merge_within_verses(beads, src_verses, tgt_verses)
        pairs.append((gold, test))
    values = score_files(pairs).values()
    if as_json:
        click.echo(json.dumps(values, indent=2))
        return
    click.echo(f"{'':8}{'precision':>10}{'recall':>10}{'F1':>10}")
    for mode in ("strict", "lax"):
        click.echo(
            f"{mode:8}{values['precision_' + mode]:>10.4f}{values['recall_' + mode]:>10.4f}"
            f"{values['f1_' + mode]:>10.4f}"
        )
