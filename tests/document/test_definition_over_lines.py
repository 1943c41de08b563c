"""Link reference definitions over several lines: a label or a title that goes on onto the
next line, and lines that go on with a definition lazily (quoted less than it, or indented
less than its list item's text).

CommonMark (4.7) reads ``[foo\\nbar]: /url``, ``[foo]: /url 'title\\nline two'`` and
``> [foo]:`` then ``/url`` as definitions. termwise read them as sentences: offered for
translation, and escaped by the Markdown edition, so that every ``[foo bar]`` link in the
document printed as literal brackets. Each case is checked against markdown-it-py.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from support.markdown_definitions import (
    COMMONMARK,
    commonmark_defined,
    defined,
    read,
    target_edition,
    texts,
)

CASES = [
    # (written, its label, destination, title)
    ("[foo\nbar]: /url", "FOO BAR", "/url", None),
    ("[foo]: /url 'title\nline two'", "FOO", "/url", "title\nline two"),
    ('[foo]: /url\n"title\nline two"', "FOO", "/url", "title\nline two"),
    ("[foo]:\n/url\n(title\nover\nthree)", "FOO", "/url", "title\nover\nthree"),
    ("[foo\nbar]:\n/url 'title'", "FOO BAR", "/url", "title"),
    ("> [foo]:\n/url", "FOO", "/url", None),
    ("> [foo]: /url\n'title'", "FOO", "/url", "title"),
    ("> [foo\nbar]: /url", "FOO BAR", "/url", None),
    ("> > [foo]: /url\n> 'title\nline two'", "FOO", "/url", "title\nline two"),
]


@pytest.mark.parametrize(("written", "label", "destination", "title"), CASES)
def test_a_definition_over_lines_is_no_sentence(
    written: str, label: str, destination: str, title: str | None
) -> None:
    text = f"Text.\n\n{written}\n\nSee [foo] and [foo bar].\n"
    document = read(text)
    assert texts(document) == ["Text.", "See [foo] and [foo bar]."]
    assert defined(document) == {label: (destination, title)}
    assert commonmark_defined(text) == {label: (destination, title)}
    # The definition keeps its lines as written (their quote markers and indentation left
    # out), for the editions to print.
    [definition] = document.link_definitions
    assert definition.text == "\n".join(line.lstrip("> ").strip() for line in written.split("\n"))


def test_a_lazy_title_under_a_list_item() -> None:
    text = "- one\n\n  [foo]: /url\n'lazy title'\n- two\n\nSee [foo].\n"
    document = read(text)
    assert texts(document) == ["one", "two", "See [foo]."]
    assert defined(document) == commonmark_defined(text) == {"FOO": ("/url", "lazy title")}


@pytest.mark.parametrize(
    ("written", "paragraph"),
    [
        # A title that is no title on its own line is the paragraph after the definition,
        # over as many lines as it was read for.
        ("[foo]:\n/url\n'title\nline two' junk", "'title line two' junk"),
        ("[foo]: /url\n'never closed\nat all", "'never closed at all"),
    ],
)
def test_what_is_no_title_is_the_paragraph_after(written: str, paragraph: str) -> None:
    text = f"{written}\n\nSee [foo].\n"
    document = read(text)
    assert texts(document) == [paragraph, "See [foo]."]
    assert defined(document) == commonmark_defined(text) == {"FOO": ("/url", None)}


@pytest.mark.parametrize(
    "written",
    [
        # A title on the destination's line that does not end it, and one a blank line cuts.
        "[foo]: /url 'title\nline two' junk",
        "[foo]: /url 'title\n\nline two'",
        # A label a blank line cuts.
        "[foo\n\nbar]: /url",
    ],
)
def test_what_commonmark_reads_as_text_stays_text(written: str) -> None:
    text = f"{written}\n\nSee [foo].\n"
    assert read(text).link_definitions == []
    assert commonmark_defined(text) == {}


def test_a_backslash_escapes_punctuation_only_in_a_destination() -> None:
    # "\\ " is a backslash, and the space ends the destination: "junk" is no title.
    text = "[foo]: /u\\ junk\n\nSee [foo].\n"
    assert read(text).link_definitions == []
    assert commonmark_defined(text) == {}


# Pieces of definitions and of text, for random documents. (Left out: tabs, and a
# backslash before a space or an empty title followed by text, where markdown-it departs
# from CommonMark.)
PIECES = [
    "[foo", "bar]:", "[a]:", "[b c]:", "/url", "<http://x y>", "'t1", "t2'", '"title"',
    "(par", "en)", "text", "junk", "[a]", ":", "[", "]", "'", "(", ")", "  ", "- x", "# h",
]  # fmt: skip
PREFIXES = ["", "", "", "> ", "> > ", "  ", "   "]


def test_random_documents_define_what_commonmark_defines() -> None:
    chance = random.Random(24)
    for _ in range(1500):
        lines = [
            chance.choice(PREFIXES)
            + "".join(
                chance.choice(PIECES) + chance.choice(["", " "])
                for _ in range(chance.randint(0, 4))
            )
            for _ in range(chance.randint(1, 6))
        ]
        text = "\n".join(lines) + "\n\nEnd.\n"
        ours = {label: title for label, (_, title) in defined(read(text)).items()}
        theirs = {label: title for label, (_, title) in commonmark_defined(text).items()}
        assert ours == theirs, text


@pytest.mark.parametrize(("written", "label", "destination", "title"), CASES)
def test_the_markdown_edition_keeps_it_and_its_links_resolve(
    tmp_path: Path, written: str, label: str, destination: str, title: str | None
) -> None:
    text = f"Read [the guide][{label.lower()}].\n\n{written}\n"
    edition = target_edition(tmp_path, text)
    assert commonmark_defined(edition) == {label: (destination, title)}
    html = COMMONMARK.render(edition)
    assert html.count(f'<a href="{destination}"') == 1
    assert "[THE GUIDE]" not in html
