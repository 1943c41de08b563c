"""Text after a Markdown comment on its line is translated, the comment kept as written.

CommonMark reads a line that starts with "<!--" as an HTML block that runs to the end of
the line holding "-->", so "<!-- x --> New eras begin." was kept as raw HTML, no segment:
a browser shows the text after the comment, and it stayed English in every edition (a file
of that one line was even "empty"). The text after "-->" is now a paragraph of its own, and
the block keeps the comment alone; the warning stays for markup after a comment (a tag, a
comment left open), which a paragraph would show as text.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner
from markdown_it import MarkdownIt

from termwise.cli import cli
from termwise.document import load_document, parse_document
from termwise.document.model import Document
from termwise.project.layout import ProjectLayout
from termwise.project.translations import open_translation

SENTENCE = "New eras begin with the Belt and Road Initiative."


def read(text: str) -> Document:
    return parse_document(text, lang="en", fmt="markdown")


def texts(document: Document) -> list[str]:
    return [segment.text for segment in document.segments]


def termwise_segments(path: Path) -> tuple[list[dict[str, object]], str]:
    result = subprocess.run(
        [sys.executable, "-m", "termwise", "segments", path.name, "--format", "json"],
        cwd=path.parent,
        capture_output=True,
        text=True,
        env={**os.environ, "XDG_CACHE_HOME": str(path.parent / "cache")},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout), result.stderr


def test_a_file_of_one_line_after_a_comment_is_translated(tmp_path: Path) -> None:
    path = tmp_path / "m.md"
    path.write_text(f"<!-- x --> {SENTENCE}\n", encoding="utf-8")
    rows, stderr = termwise_segments(path)
    assert [(row["text"], row["line"], row["column"]) for row in rows] == [(SENTENCE, 1, 12)]
    assert "warning" not in stderr
    # A browser shows it: CommonMark passes the line through as raw HTML.
    assert SENTENCE in MarkdownIt("commonmark").render(path.read_text(encoding="utf-8"))


def test_the_comment_block_keeps_the_comment_alone() -> None:
    source = f"# Title\n\n<!-- x -->   {SENTENCE}  \n\nLast one.\n"
    document = read(source)
    assert texts(document) == ["Title", SENTENCE, "Last one."]
    [code] = document.code_blocks
    assert (code.text, code.html, code.after_paragraph) == ("<!-- x -->", "comment", 1)
    segment = document.segments[1]
    assert source[segment.start : segment.end] == SENTENCE
    assert segment.paragraph == 2


def test_a_multi_line_comment_closed_before_text() -> None:
    document = read(f"Intro.\n\n<!--\na longer note\n--> {SENTENCE} Second one.\n\nEnd.\n")
    assert texts(document) == ["Intro.", SENTENCE, "Second one.", "End."]
    [code] = document.code_blocks
    assert code.text == "<!--\na longer note\n-->"
    assert code.html == "comment"
    # The two sentences after it are one paragraph; "End." another.
    assert [segment.paragraph for segment in document.segments] == [1, 2, 2, 3]


def test_comments_after_the_text_stay_in_its_sentence() -> None:
    document = read(f"<!-- a --> {SENTENCE} <!-- b -->\n")
    assert texts(document) == [f"{SENTENCE} <!-- b -->"]
    assert document.code_blocks[0].text == "<!-- a -->"


def test_comments_alone_on_the_line_stay_one_block() -> None:
    document = read("<!-- one --> <!-- two -->\n\nText.\n")
    assert texts(document) == ["Text."]
    assert [code.text for code in document.code_blocks] == ["<!-- one --> <!-- two -->"]


def test_empty_comments_and_crlf_lines() -> None:
    document = read(f"<!--> {SENTENCE}\r\n\r\n<!---> Done.\r\n")
    assert texts(document) == [SENTENCE, "Done."]
    assert [code.text for code in document.code_blocks] == ["<!-->", "<!--->"]


def test_in_a_quote_and_in_a_list_item() -> None:
    document = read(f"> <!-- x --> {SENTENCE}\n\n1. Install it.\n\n   <!-- y --> Then run it.\n")
    assert texts(document) == [SENTENCE, "Install it.", "Then run it."]
    quoted, _, held = document.segments
    assert quoted.quote_depth == 1 and quoted.quotes == document.code_blocks[0].quotes
    assert held.item_depth == 1 and held.list_item is None
    assert [code.text for code in document.code_blocks] == ["<!-- x -->", "<!-- y -->"]


def test_the_next_line_is_a_paragraph_of_its_own() -> None:
    # As CommonMark reads it: the HTML block ends with the line holding "-->".
    document = read("<!-- x --> First line\nsecond line.\n")
    assert texts(document) == ["First line", "second line."]
    assert [segment.paragraph for segment in document.segments] == [1, 2]


def test_markup_after_a_comment_stays_raw_html_and_is_warned_of(tmp_path: Path) -> None:
    path = tmp_path / "paper.md"
    path.write_text(
        "# Title\n\n<!-- note --> <b>shown</b> text.\n\n<!-- a --> more <!-- open\n\nEnd.\n",
        encoding="utf-8",
    )
    rows, stderr = termwise_segments(path)
    # ("End." after the block, which CommonMark ends with its line, as a browser does not.)
    assert [row["text"] for row in rows] == ["Title", "End."]
    warned = [line for line in stderr.splitlines() if "kept as written" in line]
    assert [line.split(": ")[2] for line in warned] == ["paper.md:3", "paper.md:5"]


def test_every_comment_before_the_text_stays_out_of_the_segment(tmp_path: Path) -> None:
    # The engine is never given a comment: each one before the text is the block's.
    path = tmp_path / "c.md"
    path.write_text("<!-- a --> <!-- b -->\t<!---> Two comments. Fine.\n", encoding="utf-8")
    rows, stderr = termwise_segments(path)
    assert [(row["text"], row["column"]) for row in rows] == [
        ("Two comments.", 30),
        ("Fine.", 44),
    ]
    assert "warning" not in stderr
    [code] = read(path.read_text(encoding="utf-8")).code_blocks
    assert (code.text, code.html) == ("<!-- a --> <!-- b -->\t<!--->", "comment")


def test_comments_after_and_between_sentences_stay_as_in_a_paragraph() -> None:
    # As in a paragraph of its own: a comment goes with the sentence before it.
    line = "<!-- a --> One. <!-- b --> Two. <!-- c --> Three.\n"
    document = read(line)
    assert texts(document) == ["One. <!-- b -->", "Two. <!-- c -->", "Three."]
    assert texts(document) == texts(read(line.removeprefix("<!-- a --> ")))
    assert [code.text for code in document.code_blocks] == ["<!-- a -->"]
    document = read("<!-- a --> <!-- b --> Text. <!-- c -->\n")
    assert texts(document) == ["Text. <!-- c -->"]
    assert [code.text for code in document.code_blocks] == ["<!-- a --> <!-- b -->"]


def test_the_edition_writes_every_comment(tmp_path: Path) -> None:
    root = tmp_path / "proj"
    root.mkdir()
    paper = root / "c.md"
    paper.write_text(
        "<!-- a --> <!-- b --> Two comments. Fine.\n\n> <!-- q --><!-- r -->Quoted.\n",
        encoding="utf-8",
    )
    layout = ProjectLayout.at(root)
    tfile = open_translation(layout, load_document(paper), "es")
    spanish = {"Two comments.": "Dos comentarios.", "Fine.": "Bien.", "Quoted.": "Citado."}
    assert sorted(unit.source for unit in tfile.units.values()) == sorted(spanish)
    for unit in tfile.units.values():
        unit.set_translation(spanish[unit.source], reviewed=True)
    tfile.save()
    out = tmp_path / "x.md"
    result = CliRunner().invoke(
        cli,
        ["--project", str(root), "export", str(paper), "--to", "es", "--target-only"]
        + ["-o", str(out)],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    edition = out.read_text(encoding="utf-8")
    html = MarkdownIt("commonmark").render(edition)
    assert "<!-- a --> <!-- b -->\n<p>Dos comentarios. Bien.</p>" in html
    assert "<!-- q --><!-- r -->\n<p>Citado.</p>" in html
    assert "<!-- b --> Dos" not in edition
