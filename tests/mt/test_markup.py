"""Machine translation keeps the source's link destinations, code spans and autolinks."""

from __future__ import annotations

import shutil
from pathlib import Path

from termwise.glossary import load_glossary
from termwise.mt import open_engine
from termwise.mt.constrained.plan import GlossaryConstraints
from termwise.mt.engine import MTResult
from termwise.mt.markup import keep_source_markup, kept_markup, leading_markup, with_lead

ROOT = Path(__file__).resolve().parents[2]


def test_destinations_code_and_autolinks_come_back_from_the_source() -> None:
    source = 'See [the chart](chart.png "Chart"), run `make test` or write <mailto:a@b.org>.'
    target = 'Ver [el mapa](mapa.png "Mapa"), corre `hacer prueba` o escribe <mailto:a@b.org>.'
    kept, edits = keep_source_markup(source, target)
    assert kept == (
        'Ver [el mapa](chart.png "Chart"), corre `make test` o escribe <mailto:a@b.org>.'
    )
    assert len(edits) == 2
    # Where the output has another number of them, nothing is guessed.
    assert keep_source_markup(source, "Ver el mapa.") == ("Ver el mapa.", [])
    # A "](x)" inside a code span is code: it is not counted as a link.
    code = "Type `[a](b)` here."
    assert keep_source_markup(code, "Escribe `[a](c)` aquí.")[0] == "Escribe `[a](b)` aquí."


def test_unknown_word_spans_follow_the_edits() -> None:
    result = MTResult(
        "Use `grep` on Foo.", "Usa `grep aquí` en Foo.", "apertium", "eng-spa", unknown=((19, 22),)
    )
    kept = kept_markup(result)
    assert kept.target == "Usa `grep` en Foo."
    assert kept.target[kept.unknown[0][0] : kept.unknown[0][1]] == "Foo"


def test_apertium_output_keeps_the_links_of_a_markdown_segment() -> None:
    # Apertium turned "](chart.png)" into "](mapa.png)" and translated code spans.
    assert shutil.which("apertium"), "README command (b) installs apertium-eng-spa"
    engine = open_engine("apertium", "en", "es", cache=False)
    [result] = engine.translate(["Our [map](chart.png) and `code here` are new."], "en", "es")
    assert "](chart.png)" in result.target and "`code here`" in result.target


def test_a_reference_links_label_comes_back_from_the_source() -> None:
    # "[installation notes][notes]" came out "[notas de instalación][notas]", a label the
    # document does not define: the link was lost in every edition.
    engine = open_engine("apertium", "en", "es", cache=False)
    [result] = engine.translate(["Read the [installation notes][notes] first."], "en", "es")
    assert "][notes]" in result.target, result.target
    target, _ = keep_source_markup("See [a][b] and [c](d).", "Vea [x][y] y [z](w).")
    assert target == "Vea [x][b] y [z](d)."


def test_inline_html_comes_back_from_the_source() -> None:
    # Apertium gave "<abarca>inline html</abarca>" for "<span>inline html</span>" and
    # translated an inline comment's words.
    engine = open_engine("apertium", "en", "es", cache=False)
    [tags, comment] = engine.translate(
        [
            'Second item with <span class="note">inline html</span> text.',
            "Text after <!-- inline comment --> the break.",
        ],
        "en",
        "es",
    )
    assert '<span class="note">' in tags.target and "</span>" in tags.target, tags.target
    assert "<!-- inline comment -->" in comment.target, comment.target
    # An autolink is no tag, and a "<" of the text is no markup.
    target, _ = keep_source_markup("See <https://a.org> if a < b.", "Ver <https://a.org> si a < b.")
    assert target == "Ver <https://a.org> si a < b."


def test_a_sentence_after_an_opening_comment_keeps_its_capital() -> None:
    # Apertium read the comment as the sentence's first words: "<!-- check the date -->
    # It began in 2013." came out "<!-- check the date --> empezó en 2013.", with and
    # without the glossary.
    glossary = load_glossary(ROOT / "glossary")
    plain = open_engine("apertium", "en", "es", cache=False)
    constrained = open_engine(
        "apertium", "en", "es", cache=False, constraints=GlossaryConstraints(glossary, "en", "es")
    )
    texts = [
        "<!-- check the date --> It began in 2013.",
        "<!-- a --> <!-- b -->  The community of human destiny began in 2013.",
        "<span>It began in 2013.</span>",
    ]
    for engine in (plain, constrained):
        first, second, tagged = engine.translate(texts, "en", "es")
        assert first.source == texts[0]
        assert first.target == "<!-- check the date --> Empezó en 2013.", first.target
        assert second.target.startswith("<!-- a --> <!-- b -->  La comunidad "), second.target
        # A tag whose name the engine translated ("<Giró>") comes back too.
        assert tagged.target == "<span>Empezó en 2013.</span>", tagged.target
    # The opening comment is no word of the sentence for the glossary either.
    (result,) = constrained.translate([texts[1]], "en", "es")
    assert [d.mechanism for d in result.terms] == ["apertium-lexical"]


def test_only_the_markup_that_opens_a_segment_is_kept_from_the_engine() -> None:
    assert leading_markup("<!-- x --> It began.") == len("<!-- x --> ")
    assert leading_markup("<!-- x --><em>It</em> began.") == len("<!-- x --><em>")
    assert leading_markup("It began. <!-- x -->") == 0
    assert leading_markup("<!-- only a comment -->  ") == 0
    # An unclosed comment is text.
    assert leading_markup("<!-- It began.") == 0
    source = "<!-- x --> It began."
    result = with_lead(
        MTResult("It began.", "Empezó.", "e", "m", [("Empezó.", 0.0)], ((0, 6),)),
        source,
        "<!-- x --> ",
    )
    assert result.source == source and result.target == "<!-- x --> Empezó."
    assert result.nbest == [("<!-- x --> Empezó.", 0.0)]
    assert result.unknown_words() == ["Empezó"]
