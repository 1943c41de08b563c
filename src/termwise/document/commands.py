"""``termwise segments``: the document as termwise sees it, one heading or sentence a line.

A heading is marked as Markdown marks its level (``##`` for Word's Heading 2, "2.1"), and a
bulleted list item's numbering in JSON is ``bullet``: the model's numbering says how an
ordered list writes its numbers, and read as it stands a bullet was "decimal".
"""

from __future__ import annotations

from pathlib import Path

import click

from termwise.command_line import LANGUAGE, TEXT_ENCODING


@click.command("segments")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--lang",
    # --from as well: the document's language, as align, check and translate name it.
    "--from",
    "lang",
    type=LANGUAGE,
    default=None,
    help="The document's language (BCP 47; --from is the same); detected when not given.",
)
@click.option(
    "--encoding",
    type=TEXT_ENCODING,
    default=None,
    help="Text encoding, such as latin-1 (default: UTF-8, UTF-16 with a BOM or GB18030, "
    "told apart from the bytes).",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "lines"]),
    default="text",
    show_default=True,
    help="text: readable, one segment a line; json: an array of segment objects; lines: "
    "each segment's text alone, one a line (what align's --source-mt translates).",
)
@click.option(
    "--no-joins",
    is_flag=True,
    help="The segments before the project's joins: the sentences align aligns.",
)
@click.pass_obj
def segments(
    layout: object,
    file: Path,
    lang: str | None,
    encoding: str | None,
    output_format: str,
    no_joins: bool,
) -> None:
    """Show FILE's headings and sentences with their ids and positions."""
    import json
    import sys

    from termwise.document.reading import load_document
    from termwise.project.layout import ProjectLayout
    from termwise.project.translations import load_source

    if isinstance(layout, ProjectLayout) and no_joins:
        from termwise.document.resegmentation import Resegmentation
        from termwise.project.translations import open_source

        source = open_source(layout, file, lang=lang, encoding=encoding, encoding_option=True)
        splits = source.resegmentation.splits
        document = Resegmentation(source.resegmentation.path, splits=splits).apply(source.base)
    elif isinstance(layout, ProjectLayout):
        # The ids and segments the project's translation files are keyed by.
        document = load_source(layout, file, lang=lang, encoding=encoding, encoding_option=True)
    else:
        document = load_document(file, lang=lang, encoding=encoding, encoding_option=True)
    if output_format == "json":
        # One object a line, streamed: a 50 MB book has 300,000 segments, and building the
        # whole array first would double the memory the document itself needs.
        out = sys.stdout
        out.write("[")
        for index, segment in enumerate(document.segments):
            row: dict[str, object] = {
                "id": segment.id,
                "kind": segment.kind.value,
                "text": segment.text,
                "line": segment.line,
                "column": segment.column,
                "paragraph": segment.paragraph,
                "start": segment.start,
                "end": segment.end,
            }
            if segment.level:
                row["level"] = segment.level
            # Only where there is one, so that a document without tables or lists prints
            # what it always did.
            if segment.cell is not None:
                row["cell"] = {
                    "table": segment.cell.table,
                    "row": segment.cell.row,
                    "column": segment.cell.column,
                }
            if segment.list_item is not None:
                item = segment.list_item
                row["list_item"] = {
                    "ordered": item.ordered,
                    "number": item.number,
                    "depth": item.depth,
                    "numbering": item.numbering if item.ordered else "bullet",
                }
            if segment.quote_depth:
                row["quote_depth"] = segment.quote_depth
            if segment.item_depth:
                row["item_depth"] = segment.item_depth
            out.write(("\n" if index == 0 else ",\n") + json.dumps(row, ensure_ascii=False))
        out.write("\n]\n")
        out.flush()
        return
    if output_format == "lines":
        # A segment's line breaks (a heading or verse kept whole) would make it two lines.
        for segment in document.segments:
            click.echo(" ".join(segment.text.split()))
        return
    width = len(str(document.segments[-1].line)) + 4
    for segment in document.segments:
        position = f"{segment.line}:{segment.column}".rjust(width)
        marker = "#" * max(segment.level, 1) if segment.kind.value == "heading" else " "
        click.echo(f"{position}  {segment.id:<15} {marker} {segment.text}")
