"""A Markdown source's link reference definitions are kept beside the segments, never
segments.

``[1]: https://example.org/report.pdf "Annual report"`` was read as a paragraph: machine
translation rewrote the URL, the checks flagged it, and every edition printed it as a
sentence. A definition is what CommonMark 0.31 calls one (4.7); what is not one stays text.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from termwise.cli import cli
from termwise.document import cache, load_document, parse_document
from termwise.document.model import Document, LinkDefinition

REPORT = """# Yearly review

See the [report][1] and the [CCP docs][].

[1]: https://example.org/report.pdf "Annual report"
[ccp docs]: <https://example.org/a b> 'Title'

The end.
"""


def read(text: str) -> Document:
    return parse_document(text, lang="en", fmt="markdown")


def texts(document: Document) -> list[str]:
    return [segment.text for segment in document.segments]


def test_a_definition_is_no_segment() -> None:
    document = read(REPORT)
    assert texts(document) == [
        "Yearly review",
        "See the [report][1] and the [CCP docs][].",
        "The end.",
    ]
    # After the heading and the first paragraph, as written; the destination in angle
    # brackets without them.
    assert document.link_definitions == [
        LinkDefinition(
            after_paragraph=2,
            text='[1]: https://example.org/report.pdf "Annual report"',
            label="1",
            destination="https://example.org/report.pdf",
            title="Annual report",
        ),
        LinkDefinition(
            after_paragraph=2,
            text="[ccp docs]: <https://example.org/a b> 'Title'",
            label="ccp docs",
            destination="https://example.org/a b",
            title="Title",
        ),
    ]
    # The paragraph after them starts where it is written: its line is still line 8.
    assert document.segments[-1].line == 8


def test_termwise_segments_lists_no_definition(tmp_path: Path) -> None:
    path = tmp_path / "report.md"
    path.write_text(REPORT, encoding="utf-8")
    result = CliRunner().invoke(cli, ["segments", str(path)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "example.org" not in result.output
    assert "The end." in result.output


def test_a_definition_cannot_interrupt_a_paragraph() -> None:
    document = read("See the report.\n[1]: https://example.org/report.pdf\n")
    # One paragraph, its sentences as the segmenter cuts them.
    assert " ".join(texts(document)) == "See the report. [1]: https://example.org/report.pdf"
    assert {segment.paragraph for segment in document.segments} == {1}
    assert document.link_definitions == []
    # After a blank line it is one; indented up to three spaces too.
    document = read("See the report.\n\n   [1]: https://example.org/report.pdf\n")
    assert texts(document) == ["See the report."]
    assert [d.label for d in document.link_definitions] == ["1"]


def test_a_definition_in_a_block_quote() -> None:
    document = read(
        "> As the [charter] says.\n>\n> [Charter]: https://example.org/charter\n\nAfter.\n"
    )
    assert texts(document) == ["As the [charter] says.", "After."]
    [definition] = document.link_definitions
    assert definition.quote_depth == 1
    # Its text without the quote's marker: an edition quotes it again.
    assert definition.text == "[Charter]: https://example.org/charter"
    assert definition.after_paragraph == 1


def test_a_title_on_the_next_line() -> None:
    # (Windows line ends too.)
    document = read("Text.\r\n\r\n[a]: /guide.html\r\n  'The guide'\r\nNext paragraph.\r\n")
    assert texts(document) == ["Text.", "Next paragraph."]
    [definition] = document.link_definitions
    assert (definition.destination, definition.title) == ("/guide.html", "The guide")
    assert definition.text == "[a]: /guide.html\n'The guide'"
    # A next line that is more than a title is the paragraph after a definition without one.
    document = read('[a]: /guide.html\n"The guide" is long.\n')
    assert texts(document) == ['"The guide" is long.']
    assert document.link_definitions[0].title is None


def test_what_is_no_definition_stays_a_paragraph() -> None:
    for text in (
        "[a]: ",  # no destination
        "[a]:",
        "[]: /url",  # an empty label
        "[a[b]: /url",  # a bracket in the label
        "[a]: /url 'title' and more",  # something after the title
        "[a]: /url bare words",  # a title must be quoted
        "[a]: <bad>url",  # nothing may follow the destination directly
        "    [a]: /url",  # indented four: code
    ):
        document = read(f"Before.\n\n{text}\n\nAfter.\n")
        assert document.link_definitions == [], text
        assert len(document.segments) + len(document.code_blocks) == 3, text


def test_the_line_after_a_definition_goes_on_as_a_paragraph() -> None:
    # To CommonMark the definition opened a paragraph: an indented line after it is text
    # that goes on with it, not code.
    document = read("[a]: /url\n    more text.\n")
    assert texts(document) == ["more text."]
    assert document.code_blocks == []


def test_escapes_and_entities_in_a_destination_and_title() -> None:
    [definition] = read('[Foo\\]]: /a\\_b?x=1&amp;y=2 "say \\"hi\\""\n\nText.\n').link_definitions
    # The label as written (links match it as written, case and spaces aside).
    assert definition.label == "Foo\\]"
    assert definition.destination == "/a_b?x=1&y=2"
    assert definition.title == 'say "hi"'


def test_the_cache_keeps_the_definitions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(cache, "MIN_BYTES", 0)
    path = tmp_path / "report.md"
    path.write_text(REPORT + "\n```\nmake\n```\n\n[z]: https://example.org/z\n", encoding="utf-8")
    first = load_document(path)
    assert [d.code_blocks_before for d in first.link_definitions] == [0, 0, 1]
    key = cache.cache_key(
        path.read_bytes(), lang=None, encoding=None, fmt="markdown", id_aliases=None
    )
    stored = cache.read(key)
    assert stored is not None and stored[4] == first.link_definitions
    again = load_document(path)
    assert again.link_definitions == first.link_definitions and again.segments == first.segments
    # An entry of the version before definitions were kept gave them as segments: it is not
    # trusted, nor is one of this version without them.
    payload = json.loads(cache.cache_path(key).read_text(encoding="utf-8"))
    assert payload["version"] == cache.VERSION >= 11
    del payload["link_definitions"]
    cache.cache_path(key).write_text(json.dumps(payload), encoding="utf-8")
    assert cache.read(key) is None
    assert load_document(path).link_definitions == first.link_definitions
