"""A Markdown paragraph's inline HTML comment is never cut by a sentence boundary.

``First sentence here <!-- TODO: check. Ask Ana! Then --> continues.`` was three segments
(``termwise segments``): no segment held a closed comment, so the machine translation and
the checks read its pieces as text. A sentence end inside a comment does not count (no
reader sees it), and a comment between two sentences ends the one before it, as a note
follows what it is about: ``It ends today. <!-- note -->`` | ``Next one.``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from markdown_it import MarkdownIt

from termwise.document import parse_document, split_sentences

PAPER = """# Notes

First sentence here <!-- TODO: check. Ask Ana! Then --> continues.

It ends today. <!-- note --> Next one.

A comment over two lines <!-- check this. And
That one. --> stays whole. The last sentence.

<!-- A block comment. It is no paragraph! -->

Ends here.<!-- glued. --> Next sentence. Then one more <!-- trailing. -->
"""


def texts(source: str, fmt: str = "markdown") -> list[str]:
    return [segment.text for segment in parse_document(source, lang="en", fmt=fmt).segments]


def test_no_sentence_ends_inside_a_comment(tmp_path: Path) -> None:
    path = tmp_path / "X.md"
    path.write_text(PAPER, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "termwise", "segments", path.name, "--format", "json"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert [row["text"] for row in json.loads(result.stdout)] == [
        "Notes",
        "First sentence here <!-- TODO: check. Ask Ana! Then --> continues.",
        "It ends today. <!-- note -->",
        "Next one.",
        # The line break inside the comment is the paragraph's, joined as any other.
        "A comment over two lines <!-- check this. And That one. --> stays whole.",
        "The last sentence.",
        "Ends here.<!-- glued. -->",
        "Next sentence.",
        "Then one more <!-- trailing. -->",
    ]


def test_each_comment_stands_whole_in_one_segment() -> None:
    document = parse_document(PAPER, lang="en", fmt="markdown")
    rendered = MarkdownIt("commonmark").render(PAPER)
    inline = [
        "<!-- TODO: check. Ask Ana! Then -->",
        "<!-- note -->",
        "<!-- check this. And\nThat one. -->",
        "<!-- glued. -->",
        "<!-- trailing. -->",
    ]
    for comment in inline:
        # CommonMark reads each as an inline comment of its paragraph, passed through.
        assert f"{comment}" in rendered
        [segment] = [s for s in document.segments if s.start <= PAPER.index(comment) < s.end]
        assert segment.end >= PAPER.index(comment) + len(comment)
        assert segment.text.count("<!--") == segment.text.count("-->") == 1


def test_a_block_comment_stays_a_code_block() -> None:
    document = parse_document(PAPER, lang="en", fmt="markdown")
    assert [code.text for code in document.code_blocks] == [
        "<!-- A block comment. It is no paragraph! -->"
    ]
    assert all("A block comment" not in segment.text for segment in document.segments)


def test_the_paragraph_reads_back_whole_from_its_segments() -> None:
    """The segments of a paragraph, joined as the editions join them, are its text: the
    comment is written back where it stood, nothing dropped or doubled."""
    source = "It ends today. <!-- note --> Next one. <!-- a. B! --> Last one."
    assert " ".join(texts(source)) == source


def test_sentences_are_those_a_reader_sees() -> None:
    """A reader sees "here.Next" where a comment stands between them with no space: no end,
    as for "here.Next" itself."""
    assert texts("It ends here.<!-- x -->Next one.") == ["It ends here.<!-- x -->Next one."]
    assert texts("It ends here.<!-- x --> next one.") == ["It ends here.<!-- x --> next one."]


def test_a_plain_text_source_has_no_comments() -> None:
    """Only Markdown hides ``<!-- -->``: in a text file a reader sees it, sentences and all."""
    source = "Before <!-- TODO: check. Ask Ana! Then --> after."
    assert texts(source, fmt="text") == [
        "Before <!-- TODO: check.",
        "Ask Ana!",
        "Then --> after.",
    ]


def test_a_comment_in_a_code_span_or_escaped_is_text() -> None:
    """As CommonMark reads it: a reader sees "<!--" in a code span or after a backslash."""
    from termwise.document.markdown_comments import inline_comment_spans

    assert inline_comment_spans("A `<!-- x. Y -->` span.") == []
    assert inline_comment_spans("Escaped \\<!-- x. Y --> here.") == []
    assert inline_comment_spans("A `code` then <!-- x `y` -->.") == [(14, 28)]
    assert inline_comment_spans("Unclosed <!-- x. Y") == []
    assert inline_comment_spans("Empty <!--> and <!---> ones.") == [(6, 11), (16, 22)]
    assert texts("Escaped \\<!-- no. Cut --> here.") == [
        "Escaped \\<!-- no.",
        "Cut --> here.",
    ]


def test_split_sentences_keeps_hidden_spans_whole() -> None:
    from termwise.document.markdown_comments import inline_comment_spans

    text = "<!-- lead. -->  First one. Second <!-- x. Y! --> one. <!-- tail. -->"
    hidden = inline_comment_spans(text)
    assert [text[a:b] for a, b in split_sentences(text, "en", hidden)] == [
        "<!-- lead. -->  First one.",
        "Second <!-- x. Y! --> one. <!-- tail. -->",
    ]
    only = "<!-- only a comment. Really. -->"
    assert split_sentences(only, "en", inline_comment_spans(only)) == [(0, len(only))]
