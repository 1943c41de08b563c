"""MT reads link destinations and autolinks as the segmenter does: whole, never as comments."""

from __future__ import annotations

import shutil

from termwise.mt import open_engine
from termwise.mt.markup import keep_source_markup


def test_a_comment_after_a_link_whose_destination_holds_a_comment_opener_is_kept() -> None:
    # "See [the docs](<!--x-->) and <https://example.org/<!--a-->> now." came out "Ve [el
    # docs](<!--x-->) Y <https://example.org/<!--Un-->> ahora.": the "<!--x-->" of the
    # destination was counted as a comment in the source but not in the output, the counts
    # differed, and the real comment's words stayed translated.
    assert shutil.which("apertium"), "README command (b) installs apertium-eng-spa"
    engine = open_engine("apertium", "en", "es", cache=False)
    after_link, alone, plain = engine.translate(
        [
            "See [the docs](<!--x-->) and <https://example.org/<!--a-->> now.",
            "See <https://example.org/<!--a-->> now.",
            "See [the docs](<!--see the notes-->) and <!--check the date--> now.",
        ],
        "en",
        "es",
    )
    assert "<https://example.org/<!--a-->>" in after_link.target, after_link.target
    assert "](<!--x-->)" in after_link.target, after_link.target
    assert "<https://example.org/<!--a-->>" in alone.target, alone.target
    assert "](<!--see the notes-->)" in plain.target, plain.target
    assert "<!--check the date-->" in plain.target, plain.target


def test_destinations_and_autolinks_are_read_whole() -> None:
    from termwise.mt.markup import markup_spans  # new with this reading

    source = 'A [b](<!--c--> "t") <https://d.org/e> `<!--f-->` <!--g--> [h][i] <br/>.'
    kinds = [(kind, source[start:end]) for kind, start, end in markup_spans(source)]
    assert kinds == [
        ("destination", '](<!--c--> "t")'),
        ("autolink", "<https://d.org/e>"),
        ("code", "`<!--f-->`"),
        ("html", "<!--g-->"),
        ("label", "][i]"),
        ("html", "<br/>"),
    ]
    # A "](" with no link text before it, or after a backslash, is text: the comment in it
    # is a comment, as the segmenter reads it.
    assert [kind for kind, _, _ in markup_spans("a ](<!--b-->) c")] == ["html"]
    assert [kind for kind, _, _ in markup_spans(r"\[a](<!--b-->)")] == ["html"]
    # Each kind comes back from the source, an autolink's translated words too.
    target = 'Un [b](<!--C--> "T") <https://d.org/E> `<!--F-->` <!--G--> [h][I] <br/>.'
    assert keep_source_markup(source, target)[0] == (
        'Un [b](<!--c--> "t") <https://d.org/e> `<!--f-->` <!--g--> [h][i] <br/>.'
    )
