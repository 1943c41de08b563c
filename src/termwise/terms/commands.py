"""``termwise terms``: extract a corpus's terms and report a translation's target terms."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

import click

from termwise.command_line import LANGUAGE, TEXT_ENCODING, glossary_option, output_format
from termwise.glossary.commands import InProjectFoundHere
from termwise.project.layout import ProjectLayout

# What `terms extract` writes (``terms.formats``): a listing, JSON, CSV, a TBX termbase.
EXTRACT_FORMATS = ("text", "json", "csv", "tbx")

if TYPE_CHECKING:
    from termwise.document.model import Document
    from termwise.glossary.model import Glossary
    from termwise.terms.extract import Candidate


class _ExtractFindsTheProject(InProjectFoundHere):
    """``terms extract`` reads the project's glossary (and its rejected candidates) as the
    glossary commands do, from the current folder up: in a project's subfolder it read none,
    and ``--new-only`` took every term for new. ``terms targets``, about one document,
    finds the document's project (``cli.DOCUMENT_COMMANDS``)."""

    found_here = frozenset({"extract"})


@click.group(cls=_ExtractFindsTheProject)
def terms() -> None:
    """Discover a document's terms and their variants; compare them with the glossary."""


def _documents(layout: ProjectLayout, files: tuple[Path, ...], lang: str | None) -> list[Document]:
    from termwise.project.translations import load_source

    # As every other command reads them, so segment ids match the project's files.
    return [load_source(layout, file, lang=lang) for file in files]


def _glossary(layout: ProjectLayout, path: Path | None) -> Glossary | None:
    from termwise.errors import TermwiseError
    from termwise.glossary import load_glossary

    if path is not None:
        if not path.exists():
            raise TermwiseError(f"{path}: no such glossary file or folder")
        return load_glossary(path)
    default = layout.glossary_dir
    if default.is_dir() and any(p.is_file() for p in default.iterdir()):
        return load_glossary(default)
    return None


@terms.command("extract")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--lang",
    # --from as well: the documents' language, as align, check and translate name it.
    "--from",
    "lang",
    type=LANGUAGE,
    default=None,
    help="Language of the documents (--from is the same; default: detected).",
)
@glossary_option(
    help="Glossary file or folder (default: the project's glossary/, when there is one)."
)
@click.option(
    "--new-only", is_flag=True, help="Leave out candidates whose forms the glossary all knows."
)
@click.option(
    "--above-cut-off",
    is_flag=True,
    help=(
        "Only the candidates whose score reaches the cut-off (a short text keeps more, and "
        "the glossary's concepts are kept whatever their score)."
    ),
)
@click.option(
    "--no-names",
    is_flag=True,
    help=(
        "Leave out named entities (people, places, firms: what the text capitalises inside "
        "sentences), unless the glossary has them."
    ),
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(EXTRACT_FORMATS),
    default=None,
    help="Output format (default: from the suffix of -o, else text).",
)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None)
@click.option(
    "--encoding",
    # As `glossary export` offers it: Excel reads a CSV without a BOM in the system's code page.
    type=TEXT_ENCODING,
    default=None,
    help="Encoding of CSV output (default utf-8; utf-8-sig for Excel, utf-16).",
)
@click.pass_obj
def extract(
    layout: ProjectLayout,
    files: tuple[Path, ...],
    lang: str | None,
    glossary_path: Path | None,
    new_only: bool,
    above_cut_off: bool,
    no_names: bool,
    fmt: str | None,
    output: Path | None,
    encoding: str | None,
) -> None:
    """Extract the candidate terms of FILE... (one corpus), ranked, with their variants.

    The extractor decides its own cut-off. A short text, whose scores seldom reach it, also
    keeps its best candidates down to about as many as a text of its length holds terms,
    and the glossary's concepts are kept whatever their score: the text output lists each
    kind apart, under a line saying why (``--above-cut-off`` leaves them out). Each
    candidate is a variant group: ``known`` when the glossary has all its forms,
    ``unrecorded-variant`` when it is linked to a glossary concept but uses forms the
    glossary lacks, ``new`` otherwise. The listing shows a linked term's status in the
    glossary ("T01 deprecated"), JSON gives it as ``glossary_status``: "known" is no
    approval. Named entities (what the text capitalises inside sentences: people, places,
    firms) are marked "name" and listed after the terms of each part (a candidate
    termbase notes them); ``--no-names`` leaves out those the glossary does not have.
    """
    fmt = output_format(fmt, output, EXTRACT_FORMATS)
    if encoding is not None and fmt != "csv":
        # JSON is UTF-8 by its standard, TBX by its XML declaration; the listing is for a
        # terminal. Ignored, --encoding told the user a file was written in it.
        raise click.UsageError(f"--encoding applies to CSV output, not {fmt}")
    from termwise.terms import formats
    from termwise.terms.extract import CUT_OFF, KNOWN, extract_terms

    documents = _documents(layout, files, lang)
    glossary = _glossary(layout, glossary_path)
    extraction = extract_terms(documents, lang or documents[0].lang, glossary=glossary)
    from termwise.terms.rejections import Rejections

    # Candidates the translator rejected in the workbench are not offered again.
    rejected = Rejections(layout.root)
    found: list[Candidate] = []
    # Each candidate not written, counted under the first rule that leaves it out.
    left_out: Counter[str] = Counter()
    for c in extraction.candidates:
        if (extraction.lang, c.forms[0]) in rejected:
            left_out["rejected in the workbench"] += 1
        elif new_only and c.status == KNOWN:
            left_out["the glossary has in every form, by --new-only"] += 1
        elif above_cut_off and c.kept != CUT_OFF:
            left_out["below the cut-off, by --above-cut-off"] += 1
        elif no_names and c.name and c.concept is None:
            left_out["names, by --no-names"] += 1
        elif fmt == "tbx" and c.status == KNOWN:
            # The glossary's own forms stay out of a termbase meant to be merged into it.
            left_out["the glossary has in every form, kept out of a termbase to merge into it"] += 1
        else:
            found.append(c)
    data: str | bytes
    if fmt == "json":
        data = formats.to_json(found, extraction) + "\n"
    elif fmt == "csv":
        data = formats.to_csv(found, extraction.threshold)
        if encoding is not None:
            data = formats.encoded(data, encoding, output)
    elif fmt == "tbx":
        taken = [concept.id for concept in glossary.concepts] if glossary is not None else []
        data = formats.to_tbx(found, extraction.lang, extraction.documents, taken)
    else:
        data = formats.to_text(found, extraction)
    if output is None:
        # A CSV in the encoding asked for goes out as its bytes, to be redirected to a file.
        click.echo(
            data.decode("utf-8") if fmt == "tbx" and isinstance(data, bytes) else data, nl=False
        )
        return
    from termwise.atomic import write_atomic

    write_atomic(output, data)
    reasons = "; ".join(f"{count} {reason}" for reason, count in left_out.items())
    click.echo(
        f"wrote {len(found)} candidates to {output}"
        + (f" (left out: {reasons})" if reasons else ""),
        err=True,
    )


def _same_words(target: str, mt: str | None) -> bool:
    """Whether ``target`` says the MT's words, changed at most in its quotes, spaces and
    punctuation: a typography fix made the draft "edited", and its MT wording then counted
    as what a person chose ("interconexión" proposed from segments only «» had changed)."""
    import re

    if not mt:
        return False
    words = re.compile(r"\w+")
    return words.findall(target.casefold()) == words.findall(mt.casefold())


@terms.command("targets")
@click.argument("file", type=click.Path(path_type=Path))
@click.option(
    "--to", "target_lang", type=LANGUAGE, required=True, help="Target language of the translation."
)
@click.option(
    "--from",
    "source_lang",
    type=LANGUAGE,
    default=None,
    help="Source language (default: detected).",
)
@click.option(
    "--target",
    "target_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="Translation to read (PO) instead of the project's translations/<doc>.<lang>.po.",
)
@glossary_option()
@click.option(
    "--include-mt",
    is_flag=True,
    help="Propose target terms also from machine translations no one has edited.",
)
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.pass_obj
def targets(
    layout: ProjectLayout,
    file: Path,
    target_lang: str,
    source_lang: str | None,
    target_file: Path | None,
    glossary_path: Path | None,
    include_mt: bool,
    fmt: str,
) -> None:
    """How the translation of FILE renders each glossary concept: every rendering used, with
    counts and segments, and a proposed target term where the glossary has none."""
    import json

    from termwise.errors import TermwiseError
    from termwise.project.translation_file import TranslationFile
    from termwise.terms.targets import target_report

    document = _documents(layout, (file,), source_lang)[0]
    glossary = _glossary(layout, glossary_path)
    if glossary is None:
        raise TermwiseError("no glossary: give --glossary or add one to the project's glossary/")
    path = target_file or layout.translation_file(file, target_lang)
    if not path.exists():
        from termwise.project.discovery import missing_translation

        raise TermwiseError(
            f"{missing_translation(layout, file, target_lang)}; or give --target FILE"
        )
    units = TranslationFile.load(path).units
    pairs = [
        (s.id, s.text, units[s.id].target if s.id in units and units[s.id].target else None)
        for s in document.segments
    ]
    from termwise.project.units import SegmentState

    # A machine's draft is what the engine says, not what the translation chose.
    drafts = (
        frozenset()
        if include_mt
        else frozenset(
            segment_id
            for segment_id, unit in units.items()
            if unit.target
            and (
                unit.state is SegmentState.MT
                or (unit.state is SegmentState.EDITED and _same_words(unit.target, unit.mt))
            )
        )
    )
    from termwise.project.settings import MTSettings

    chosen = MTSettings.from_settings(layout.settings()).terms
    report = target_report(pairs, glossary, document.lang, target_lang, drafts, chosen)
    if drafts and any(entry.official is None and entry.proposal is None for entry in report):
        click.echo(
            f"note: no target term is proposed from the {len(drafts)} segments whose "
            "translation is a machine's draft no one has edited (--include-mt counts them)",
            err=True,
        )
    if fmt == "json":
        click.echo(json.dumps([e.as_dict() for e in report], ensure_ascii=False, indent=2))
        return
    for entry in report:
        official = f"official: {entry.official}" if entry.official else "no target term"
        click.echo(f"{entry.concept} ({entry.source_count}× in the source; {official})")
        for r in entry.renderings:
            status = r.status or "not in the glossary"
            beyond = len(r.segments) - 6
            shown = " ".join(r.segments[:6]) + (f" and {beyond} more" if beyond > 0 else "")
            click.echo(f"  {r.count:4d}  {r.text}  ({status}) {shown}")
        if entry.missing:
            # Counted as the renderings are, so the lines add up to the source's count.
            more = " …" if len(entry.missing) > 10 else ""
            click.echo(
                f"  {entry.missing_count:4d}  no rendering found in: "
                f"{' '.join(entry.missing[:10])}{more}"
            )
        if entry.proposal:
            click.echo(f"  proposed target term: {entry.proposal}")
