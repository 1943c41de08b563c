"""``termwise export``: a bilingual edition or an interchange file from a project."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from termwise.command_line import (
    LANGUAGE,
    RegistryChoice,
    glossary_option,
    output_format,
    progress_bar,
)
from termwise.export.formats import FORMATS, edition_names
from termwise.project.layout import ProjectLayout

if TYPE_CHECKING:
    from termwise.export.docx_source import WordSource
    from termwise.glossary.model import Glossary

# The editions that mark glossary terms: for any other export, reading a glossary is waste.
GLOSSARY_FORMATS = ("html", "docx")
# The editions whose format can say which language a piece of text is in (``--title-lang``).
LANGUAGE_MARKING_FORMATS = ("html", "docx")


@click.command("export")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--to", "target_lang", required=True, type=LANGUAGE, help="Target language (BCP 47).")
@click.option(
    "--format",
    "format_name",
    type=RegistryChoice(lambda: FORMATS),
    default=None,
    help="Output format (default: from the suffix of -o).",
)
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="File to write.",
)
@click.option(
    "--target-only",
    is_flag=True,
    help=f"The translated edition alone ({', '.join(edition_names())}).",
)
@click.option(
    "--include-unreviewed",
    is_flag=True,
    help="Print machine translations and drafts not yet reviewed (marked †).",
)
@click.option(
    "--term-marks/--no-term-marks",
    "term_marks",
    default=None,
    help="Mark glossary terms, with a legend, in the HTML and Word editions (default: in a "
    "bilingual edition, not in the translation alone, which goes to the reader).",
)
@glossary_option(
    help="Glossary whose terms the HTML and Word editions mark (default: the project's glossary/).",
    exists=True,
)
@click.option(
    "--title",
    default=None,
    help="The edition's title (default: the document's first line if it is a title, else "
    "the file name).",
)
@click.option(
    "--title-lang",
    "title_lang",
    type=LANGUAGE,
    default=None,
    help="The language --title is written in (BCP 47), where it is not the one the edition "
    "marks its title with (a bilingual edition's source language, a translated edition's "
    "target language): the HTML and Word editions mark the title with it.",
)
@click.pass_obj
def export(
    layout: ProjectLayout,
    file: Path,
    target_lang: str,
    format_name: str | None,
    output: Path,
    target_only: bool,
    include_unreviewed: bool,
    term_marks: bool | None,
    glossary_path: Path | None,
    title: str | None,
    title_lang: str | None,
) -> None:
    """Export FILE's translation into LANG as an edition or an interchange file."""
    from termwise import languages
    from termwise.atomic import write_atomic
    from termwise.errors import TermwiseError
    from termwise.export.formats import ExportOptions, format_for_suffix, marks_terms
    from termwise.project.translations import load_source, open_translation

    layout = layout if isinstance(layout, ProjectLayout) else ProjectLayout.at()
    if format_name is not None:
        chosen = FORMATS[format_name]
    else:
        # A suffix no format goes by is refused in one line, as every command refuses it
        # (click's usage error printed three); a format's own name ("x.xliff12") names it.
        chosen = format_for_suffix(output.suffix) or FORMATS[output_format(None, output, FORMATS)]
    if target_only and not chosen.edition:
        raise click.UsageError(f"--target-only applies to editions: {', '.join(edition_names())}")
    # The document's own title is in its language; only a title the user wrote may be another.
    if title_lang is not None and not (title and title.strip()):
        raise click.UsageError("--title-lang says which language --title is in; give --title")
    if title_lang is not None and chosen.edition and chosen.name not in LANGUAGE_MARKING_FORMATS:
        # Accepted, as the title is, but said: nothing in the file shows it was read.
        click.echo(
            f"note: --title-lang has no effect on a {chosen.name} edition: Markdown and plain "
            "text mark no language (the HTML and Word editions mark the title with it)",
            err=True,
        )
    given = [name for name, value in (("--title", title), ("--title-lang", title_lang)) if value]
    if given and not chosen.edition:
        # An interchange file has no title to write: accepted, as for any export, but said.
        click.echo(
            f"note: {' and '.join(given)} {'has' if len(given) == 1 else 'have'} no effect on "
            f"a {chosen.name} export: it holds the segments, not an edition with a title",
            err=True,
        )
    marking = marks_terms(target_only, term_marks)
    if chosen.edition and chosen.name not in GLOSSARY_FORMATS and term_marks:
        click.echo(
            f"note: --term-marks has no effect on a {chosen.name} edition: only the HTML and "
            "Word editions mark glossary terms",
            err=True,
        )
    elif glossary_path is not None and chosen.name in GLOSSARY_FORMATS and not marking:
        # The glossary is read for its marks alone: naming one and getting none needs a word.
        click.echo(
            "note: --glossary has no effect: the translation alone marks no terms; "
            "--term-marks marks them",
            err=True,
        )
    document = load_source(layout, file)
    lang = languages.normalize(target_lang)
    tfile = open_translation(layout, document, lang)
    if tfile.path is None or not tfile.path.exists():
        from termwise.project.discovery import missing_translation

        raise TermwiseError(missing_translation(layout, file, lang, document.lang))
    glossary = None
    chosen_terms: dict[str, str] = {}
    if chosen.name in GLOSSARY_FORMATS and marking:
        from termwise.project.settings import MTSettings

        glossary = _load_glossary(layout, glossary_path)
        chosen_terms = dict(MTSettings.from_settings(layout.settings()).terms)
    word_source = None
    if chosen.edition and document.fmt == "docx":
        from termwise.export.docx_source import read_word_source

        # Read once: the edition's emphasis, notes and headers, and the notes said below.
        word_source = read_word_source(document)
    options = ExportOptions(
        target_only=target_only,
        include_unreviewed=include_unreviewed,
        glossary=glossary,
        title=title.strip() if title else None,
        title_lang=languages.normalize(title_lang) if title_lang else None,
        chosen_terms=chosen_terms,
        term_marks=term_marks,
        word_source=word_source,
    )
    if chosen.name == "docx":
        from termwise.export.docx_edition import reporting_progress

        # A book's Word edition takes a while: the bar ``translate`` draws, on a terminal.
        with progress_bar("Writing the Word edition") as bar, reporting_progress(bar):
            payload = chosen.write(document, tfile, options)
    else:
        payload = chosen.write(document, tfile, options)
    write_atomic(output, payload)
    click.echo(f"Wrote {chosen.describe(options)} to {output}")
    # Editions and a translation memory hold reviewed translations only.
    if (chosen.edition or chosen.name == "tmx") and not include_unreviewed:
        from termwise.export.edition import shows_nothing_ids
        from termwise.project.units import SegmentState

        # An edition waits for no translation of a sentence that shows nothing (a comment).
        hidden = shows_nothing_ids(document) if chosen.edition else set()
        waiting = sum(
            1
            for unit in tfile.units.values()
            if unit.target
            and unit.state is not SegmentState.REVIEWED
            and unit.segment_id not in hidden
        )
        if waiting:
            # An aligned or imported translation is all "edited": without this, its edition
            # came out as "[untranslated]" throughout and nothing said why.
            one = waiting == 1
            how = (
                f"{'stands' if one else 'stand'} as [untranslated]; --include-unreviewed "
                f"prints {'it' if one else 'them'}, marked †"
                if chosen.edition
                else f"{'is' if one else 'are'} left out; --include-unreviewed writes "
                f"{'it' if one else 'them'} with {'its' if one else 'their'} state"
            )
            click.echo(
                f"note: {waiting} translated {'segment is' if one else 'segments are'}"
                f" not reviewed yet and {how}",
                err=True,
            )
    if word_source is not None:
        from termwise.export.docx_source import unplaced_emphasis

        # The Word edition sets a translation bold or italic where its whole source is.
        unplaced = unplaced_emphasis(word_source.emphasis, whole_placed=chosen.name == "docx")
        if unplaced:
            click.echo(
                f"note: {unplaced} {'segment' if unplaced == 1 else 'segments'} had bold or "
                "italic in the source that the edition cannot place: a translation is plain "
                "text, which does not say where it goes, so it is printed without it",
                err=True,
            )
        unreferred = sum(1 for note in word_source.notes if note.reference is None)
        if unreferred:
            click.echo(
                f"note: {unreferred} {'note' if unreferred == 1 else 'notes'} of the source "
                f"{'has' if unreferred == 1 else 'have'} no reference mark in its text: "
                "printed after the others, unmarked",
                err=True,
            )
        if chosen.name == "docx":
            note = _headers_note(word_source)
            if note is not None:
                click.echo(note, err=True)
    plurals = sum(1 for unit in tfile.units.values() if unit.is_plural)
    if plurals and chosen.name not in ("po", "xliff12"):
        # PO and XLIFF 1.2 (a group per entry) hold plural entries; the others one text each.
        click.echo(
            f"warning: {plurals} plural {'entry' if plurals == 1 else 'entries'}: "
            f"{chosen.describe(options)} holds one translation per segment, so only the form for "
            "n=1 was written; the project file and a PO export keep every form",
            err=True,
        )


def _headers_note(source: WordSource) -> str | None:
    """What the Word edition leaves out of a Word source's page headers and footers, in one
    note: it took their text silently without the logo beside it, or a later section's."""
    from termwise.export.docx_source import headers_left_out

    left_out = headers_left_out(source.original)
    said: list[str] = []
    if left_out.objects:
        things = "picture or object" if left_out.objects == 1 else "pictures or objects"
        said.append(
            f"the source's page headers and footers held {left_out.objects} {things} that "
            "the edition leaves out (their text is kept)"
        )
    if left_out.other_sections:
        which = "has" if left_out.other_sections == 1 else "have"
        said.append(
            "the edition has the first section's headers and footers only, and "
            f"{left_out.other_sections} of the source's {left_out.sections} sections {which} "
            "others"
        )
    return f"note: {'; '.join(said)}" if said else None


def _load_glossary(layout: ProjectLayout, explicit: Path | None) -> Glossary | None:
    from termwise.glossary import load_glossary
    from termwise.glossary.formats import glossary_files

    if explicit is not None:
        return load_glossary(explicit)
    folder = layout.glossary_dir
    if folder.is_dir() and glossary_files(folder):
        return load_glossary(folder)
    return None
