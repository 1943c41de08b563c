"""A Markdown source's code blocks are kept verbatim beside the segments, never segments.

A fenced block was skipped, so no edition printed it; an indented one was read as a
paragraph, and machine translation translated the shell commands of a software manual.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from markdown_it import MarkdownIt

from termwise.cli import cli
from termwise.document import cache, load_document, parse_document
from termwise.document.editing import SourceEdit, apply_source_edits
from termwise.document.model import CodeBlock, Document, ListItem
from termwise.document.resegmentation import Resegmentation

SETUP = """# Setup

Run the installer first.

    pip install termwise
    termwise --help

Then open the paper.
"""


def read(text: str) -> Document:
    return parse_document(text, lang="en", fmt="markdown")


def texts(document: Document) -> list[str]:
    return [segment.text for segment in document.segments]


# --- indented code ----------------------------------------------------------------------------


def test_indented_code_after_a_blank_line_is_no_segment() -> None:
    document = read(SETUP)
    assert texts(document) == ["Setup", "Run the installer first.", "Then open the paper."]
    # After the heading and the first paragraph: between paragraphs 2 and 3.
    assert document.code_blocks == [
        CodeBlock(after_paragraph=2, text="pip install termwise\ntermwise --help", info="")
    ]


def test_termwise_segments_lists_no_code(tmp_path: Path) -> None:
    path = tmp_path / "setup.md"
    path.write_text(SETUP, encoding="utf-8")
    for extra in ([], ["--format", "json"]):
        result = CliRunner().invoke(cli, ["segments", str(path), *extra], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        assert "pip install" not in result.output
        assert "Then open the paper." in result.output
    rows = json.loads(CliRunner().invoke(cli, ["segments", str(path), "--format", "json"]).output)
    assert [row["paragraph"] for row in rows] == [1, 2, 3]


def test_indented_code_keeps_inner_blank_lines_but_not_trailing_ones() -> None:
    document = read("Intro.\n\n\tif x:\n\t    run()\n\n        done\n\n\nAfter.\n")
    assert texts(document) == ["Intro.", "After."]
    # A tab is four columns; what goes beyond the four is the code's own indentation.
    assert [code.text for code in document.code_blocks] == ["if x:\n    run()\n\n    done"]


def test_a_line_indented_four_inside_a_paragraph_goes_on_with_it() -> None:
    document = read("A paragraph that wraps\n    onto an indented line.\n\n    real code\n")
    assert texts(document) == ["A paragraph that wraps onto an indented line."]
    assert document.code_blocks == [CodeBlock(1, "real code", "")]


def test_an_indented_paragraph_inside_a_list_item_is_the_items_text() -> None:
    document = read(
        "- First item.\n\n    Its second paragraph.\n- Second item.\n\n"
        "The list is over.\n\n    code\n"
    )
    assert texts(document) == [
        "First item.",
        "Its second paragraph.",
        "Second item.",
        "The list is over.",
    ]
    assert document.segments[2].list_item == ListItem(False, None, 1, marker="-")
    assert document.code_blocks == [CodeBlock(4, "code", "")]


def test_an_indented_line_right_after_a_table_is_no_code() -> None:
    document = read("| A | B |\n|---|---|\n| 1 | 2 |\n    tail text.\n\n    code\n")
    assert texts(document) == ["A", "B", "1", "2", "tail text."]
    assert document.code_blocks == [CodeBlock(5, "code", "")]


# --- fenced code ------------------------------------------------------------------------------


def test_fenced_code_with_backticks_and_tildes_keeps_its_info_string() -> None:
    document = read(
        "Intro.\n\n"
        '```python title="demo"\nprint("hi")\n\n  x = 1\n```\n'
        "Middle.\n\n"
        "~~~\n````\nnot a fence end\n~~~~\n"
        "````\n```\nnested\n```\n````\n"
        "End.\n"
    )
    assert texts(document) == ["Intro.", "Middle.", "End."]
    assert document.code_blocks == [
        CodeBlock(1, 'print("hi")\n\n  x = 1', 'python title="demo"'),
        # A fence closes only on its own marker, at least as long: "````" in a tilde block
        # and "```" in a four-backtick one are code.
        CodeBlock(2, "````\nnot a fence end", ""),
        CodeBlock(2, "```\nnested\n```", ""),
    ]


def test_an_unclosed_fence_runs_to_the_end() -> None:
    document = read("# Title\n\nText.\n\n```sh\nmake\n\n# not a heading\n")
    assert texts(document) == ["Title", "Text."]
    assert document.code_blocks == [CodeBlock(2, "make\n\n# not a heading", "sh")]


def test_a_backtick_line_with_a_backtick_after_it_is_no_fence() -> None:
    document = read("```a`b``` is code in a paragraph.\n")
    assert document.code_blocks == []
    assert texts(document) == ["```a`b``` is code in a paragraph."]


def test_a_fence_inside_a_list_item_loses_the_items_indentation() -> None:
    document = read(
        "1. Install it:\n\n   ```sh\n   pip install termwise\n     --user\n   ```\n"
        "2. Run it.\n\n"
        "- Outer.\n  - Inner:\n\n    ```\n    make\n    ```\n  - Inner again.\n"
    )
    assert texts(document) == ["Install it:", "Run it.", "Outer.", "Inner:", "Inner again."]
    items = [segment.list_item for segment in document.segments]
    assert items[:2] == [ListItem(True, 1, 1, marker="."), ListItem(True, 2, 1, marker=".")]
    assert [item.depth if item else 0 for item in items[2:]] == [1, 2, 2]
    # The nested item's fence stands four columns in: still a fence, not its text. Each
    # fence is its item's.
    assert document.code_blocks == [
        CodeBlock(1, "pip install termwise\n  --user", "sh", item_depth=1),
        CodeBlock(4, "make", "", item_depth=2),
    ]


def test_code_before_the_first_paragraph_and_after_the_last() -> None:
    document = read("    $ termwise --version\n\n# Title\n\nText.\n\n```\nbye\n```\n")
    assert texts(document) == ["Title", "Text."]
    assert [(code.after_paragraph, code.text) for code in document.code_blocks] == [
        (0, "$ termwise --version"),
        (2, "bye"),
    ]


def test_the_code_blocks_are_those_commonmark_reads() -> None:
    text = (
        "# Manual\n\n    indented\n\nText\n    more text\n\n"
        "```js\nlet a = 1;\n```\n\n- item\n\n  ```\n  in item\n  ```\n\n"
        "~~~~ text\n~~~\n~~~~\n\n\tTabbed\n"
    )
    tokens = MarkdownIt("commonmark").parse(text)
    expected = [
        (token.info.strip(), token.content.rstrip("\n"))
        for token in tokens
        if token.type in ("fence", "code_block")
    ]
    assert [(code.info, code.text) for code in read(text).code_blocks] == expected


def test_other_paragraphs_keep_their_ids_and_text() -> None:
    with_code = read(
        "# Setup\n\nRun it.\n\n```sh\nrun\n```\n\n- Item one.\n\n"
        "      indented in the item\n\nLast words.\n\n    code at the end\n"
    )
    without = read("# Setup\n\nRun it.\n\n- Item one.\n\n  indented in the item\n\nLast words.\n")
    assert [(s.id, s.text, s.kind, s.list_item) for s in with_code.segments] == [
        (s.id, s.text, s.kind, s.list_item) for s in without.segments
    ]
    assert [code.text for code in with_code.code_blocks] == ["run", "code at the end"]


def test_plain_text_has_no_code_blocks() -> None:
    text = "Intro line.\n\n    indented like a quotation.\n"
    # PDF text indents quotations and first lines: there it is text, in Markdown code.
    plain = parse_document(text, lang="en")
    assert texts(plain) == ["Intro line.", "indented like a quotation."]
    assert plain.code_blocks == []
    assert read(text).code_blocks == [CodeBlock(1, "indented like a quotation.", "")]


# --- kept through the cache, joins and splits, and source edits -------------------------------


def test_the_cache_keeps_the_code_blocks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(cache, "MIN_BYTES", 0)
    path = tmp_path / "setup.md"
    path.write_text(SETUP + "\n```sh\nmake\n```\n", encoding="utf-8")
    first = load_document(path)
    assert [code.info for code in first.code_blocks] == ["", "sh"]
    key = cache.cache_key(
        path.read_bytes(), lang=None, encoding=None, fmt="markdown", id_aliases=None
    )
    stored = cache.read(key)
    assert stored is not None
    assert stored[2] == first.segments and stored[3] == first.code_blocks
    again = load_document(path)
    assert again.code_blocks == first.code_blocks and again.segments == first.segments
    # An entry of the version before code blocks were kept gave the indented one as a
    # segment: it is not trusted, nor is one of this version without code blocks.
    payload = json.loads(cache.cache_path(key).read_text(encoding="utf-8"))
    assert payload["version"] == cache.VERSION >= 8
    del payload["code_blocks"]
    cache.cache_path(key).write_text(json.dumps(payload), encoding="utf-8")
    assert cache.read(key) is None
    payload["code_blocks"] = [[2, "pip", None]]
    cache.cache_path(key).write_text(json.dumps(payload), encoding="utf-8")
    assert cache.read(key) is None
    assert load_document(path).code_blocks == first.code_blocks


def test_joins_and_splits_keep_the_code_blocks(tmp_path: Path) -> None:
    document = read("Run it. Then wait.\n\n```\nmake\n```\n\nDone.\n")
    run, wait, done = (segment.id for segment in document.segments)
    overrides = Resegmentation(tmp_path / "s.json", splits={done: [2]}, joins=[(run, wait)])
    changed = overrides.apply(document)
    assert texts(changed) == ["Run it. Then wait.", "Do", "ne."]
    assert changed.code_blocks == document.code_blocks == [CodeBlock(1, "make", "")]


def test_a_source_edit_leaves_the_code_as_written() -> None:
    document = read("Use the tool.\n\n    tool --run\n\nThe tool works.\n")
    segment = document.segments[1]
    start = segment.text.index("tool")
    edit = SourceEdit(segment.id, start, start + len("tool"), "program")
    new_text, _ = apply_source_edits(document, [edit])
    edited = read(new_text)
    assert texts(edited) == ["Use the tool.", "The program works."]
    assert edited.code_blocks == document.code_blocks == [CodeBlock(1, "tool --run", "")]
