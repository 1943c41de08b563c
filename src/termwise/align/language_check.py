"""Whether the two texts to align are in the languages ``--from`` and ``--to`` name.

Swapped files (``align report.es.md report.md --from en --to es``) or swapped languages were
aligned without a word: the project's translation file was named for the wrong language, with
the translation as its source. ``detect_language`` guesses well enough to pick segmentation
rules but says nothing of how sure it is, and a short text or a list of names fools it, so a
text is judged here in pieces: it is taken for a language only where it is long enough to
hold several pieces and nearly every piece is guessed as that language.

A text too short for that (a page, a news item: a few hundred words) is judged by its function
words instead: ``align wind.txt wind.es.txt --to fr`` on a 130-word Spanish text full of
"los", "del", "que" wrote Spanish into ``wind.fr.po`` without a word. It is taken for a
language only where that language's own function words (those no other language here
shares) outnumber every other language's many times over; where they do not, it is not
judged at all.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from termwise import languages
from termwise.errors import InputError

# Letters in a piece: enough for a Latin-script piece to hold a dozen of its language's
# commonest words, the ones detect_language counts (a CJK piece is a few sentences).
PIECE_LETTERS = 400
# A text of fewer pieces is too short to tell.
MIN_PIECES = 3
# Pieces judged at most, spread over the text: a book is told by a sample.
MAX_PIECES = 60
# The share of pieces that must be guessed alike.
AGREEMENT = 0.8
# What detect_language can name. A text in another language is guessed as one of these
# (Italian as Spanish or French, Ukrainian as Russian), so a language outside them is not
# judged, but for a text written in Chinese or Japanese characters, which no other
# language's text is taken for.
DETECTABLE = frozenset({"en", "es", "fr", "de", "ru", "zh", "ja"})
# The option that overrides the check, named in its errors.
OVERRIDE = "--no-language-check"
# The commonest function words of each language a short text is weighed for (from wordfreq's
# lists, whose loading would cost seconds). A word counts for a language only against one
# that does not list it ("de" and "la" tell Spanish from neither French nor Italian), so
# each list names every such word its language writes often, shared or not. Italian and
# Portuguese, which the detection cannot name, are here so that a text in them is never
# taken for Spanish or French.
FUNCTION_WORDS = {
    lang: frozenset(words.split())
    for lang, words in {
        "en": "the to and of a in is for that it on with this was be as are have at he not by "
        "but from or we an his they which were has had been their there would",
        "es": "de la que el en y a los no un se por es del las con una para lo su al como más "
        "pero sus le este esta ha son fue",
        "fr": "de la le et l à les est en des d un que a pas une du il pour dans qui au ce sur "
        "qu par on ne plus avec mais se son sont",
        "de": "die der und in das ist nicht zu den von mit es ein auf für im sie eine sich auch "
        "dem des als er an dass bei wie aber aus hat sind nach so was wird",
        "it": "di e che il la a in non un per è del l i una le si con della da sono ma al ha "
        "come più dei se nel alla anche lo gli delle",
        "pt": "de a o que e do em da é para não um uma com no se na por os como as mais dos mas "
        "foi ao seu sua são das ou à",
        "ru": "в и на не с что по а как из это за для о к но то у его он от все так же",
    }.items()
}
# A short text is taken for a language where, against every other language above, at least
# this many of its words are function words of that language alone...
MIN_TELLING_WORDS = 8
# ...and they are this many times those of the other language alone. Of some 10,000 short
# real texts (15 to 250 words of English, French, German, Spanish, Italian and Portuguese,
# Text+Berg's, ACTER's and the Bible's among them), none was taken for another language at
# 6 and 3; at 4 and 2, one German list of names was taken for Italian.
TELLING_RATIO = 4
# Against the language the user named, the ratio is this many times higher: an English
# bibliography of 39 words with German titles and names ("Haus der Kunst", "für") held 15
# German function words to 3 English ones, and was refused as German.
OVERRULE_FACTOR = 2


def confident_language(texts: Sequence[str]) -> str | None:
    """The language ``texts`` (sentences in order) are in, where detect_language guesses it
    for nearly every piece of them; None where they are too short or the pieces disagree."""
    pieces = _pieces(texts)
    return _agreed(pieces) if len(pieces) >= MIN_PIECES else None


def judged_language(texts: Sequence[str], named: str | None = None) -> str | None:
    """The language ``texts`` are in, where it can be told: by ``confident_language`` where
    they are long enough, else by their function words (``telling_language``), against the
    language the user ``named`` for them, if any."""
    pieces = _pieces(texts)
    if len(pieces) >= MIN_PIECES:
        return _agreed(pieces)
    return telling_language("\n".join(texts), named)


def telling_language(text: str, named: str | None = None) -> str | None:
    """The language the detection names (``DETECTABLE``) whose own function words
    outnumber, in ``text``, those of every other language of ``FUNCTION_WORDS``
    (``MIN_TELLING_WORDS``, ``TELLING_RATIO``; against the ``named`` one, OVERRULE_FACTOR
    times more); None where none does."""
    counts: dict[str, int] = {}
    for word in re.findall(r"[^\W\d_]+", unicodedata.normalize("NFC", text).lower()):
        counts[word] = counts.get(word, 0) + 1
    overruled = languages.primary(named) if named else None
    for lang, own in FUNCTION_WORDS.items():
        if lang in DETECTABLE and all(
            _tells(counts, own, other, OVERRULE_FACTOR if name == overruled else 1)
            for name, other in FUNCTION_WORDS.items()
            if name != lang
        ):
            return lang
    return None


def _tells(counts: dict[str, int], own: frozenset[str], other: frozenset[str], factor: int) -> bool:
    """Whether the words of ``own`` not in ``other`` outnumber those of ``other`` not in
    ``own`` enough (``factor`` times more) to tell the two languages apart."""
    ours = sum(counts.get(word, 0) for word in own - other)
    theirs = sum(counts.get(word, 0) for word in other - own)
    return ours >= MIN_TELLING_WORDS and ours >= factor * TELLING_RATIO * theirs


def _pieces(texts: Sequence[str]) -> list[str]:
    """``texts`` in consecutive pieces of at least ``PIECE_LETTERS`` letters (the rest,
    shorter, left out)."""
    pieces: list[str] = []
    piece: list[str] = []
    letters = 0
    for text in texts:
        piece.append(text)
        letters += sum(1 for char in text if char.isalpha())
        if letters >= PIECE_LETTERS:
            pieces.append("\n".join(piece))
            piece, letters = [], 0
    return pieces


def _agreed(pieces: Sequence[str]) -> str | None:
    """The language detect_language guesses for nearly every one of ``pieces`` (a sample of
    them), or None."""
    from termwise.document.reading import detect_language

    step = max(1, len(pieces) // MAX_PIECES)
    guesses = [detect_language(text) for text in pieces[::step]]
    best = max(set(guesses), key=guesses.count)
    return best if guesses.count(best) >= AGREEMENT * len(guesses) else None


def _judged(declared: str, found: str) -> bool:
    """Whether a text found to be in ``found`` can be said not to be in ``declared``."""
    if languages.primary(declared) in DETECTABLE:
        return True
    return languages.is_cjk(found) and not languages.is_cjk(declared)


def _same(a: str, b: str) -> bool:
    """One language for the check: zh and zh-Hant, es and es-MX are told apart by nothing
    it counts."""
    return languages.primary(a) == languages.primary(b)


def refuse_other_languages(
    source: tuple[Path, Sequence[str]],
    target: tuple[Path, Sequence[str]],
    source_lang: str,
    target_lang: str,
    *,
    source_lang_given: bool,
) -> None:
    """Refuse to align where the source or the target is confidently in another language
    than the one named for it (or, with ``--from`` left out, the source is in the target's),
    saying what was found and what the likely mistake is: swapped files, swapped options,
    or a wrong file."""
    (source_path, source_texts), (target_path, target_texts) = source, target
    found_source = judged_language(source_texts, source_lang if source_lang_given else None)
    found_target = judged_language(target_texts, target_lang)
    source_wrong = found_source is not None and (
        not _same(found_source, source_lang) and _judged(source_lang, found_source)
        if source_lang_given
        # Detected from the source itself: wrong only where it is the target's language.
        else _same(found_source, target_lang)
    )
    target_wrong = (
        found_target is not None
        and not _same(found_target, target_lang)
        and _judged(target_lang, found_target)
    )
    if not source_wrong and not target_wrong:
        return
    name = languages.display_name
    to_option = f"(--to {target_lang})"
    said = []
    if found_source is not None and source_wrong:
        said.append(
            f"looks {name(found_source)}, not {name(source_lang)} (--from {source_lang})"
            if source_lang_given
            else f"looks {name(found_source)}, the language of the translation {to_option}"
        )
    if found_target is not None and target_wrong:
        about = f"{target_path.name} " if source_wrong else ""
        said.append(f"{about}looks {name(found_target)}, not {name(target_lang)} {to_option}")
    crossed_source = source_wrong and found_source is not None and _same(found_source, target_lang)
    crossed_target = target_wrong and found_target is not None and _same(found_target, source_lang)
    if crossed_source and (crossed_target or not source_lang_given):
        question = "are SOURCE and TARGET swapped" + (
            " (or --from and --to)?" if source_lang_given else "?"
        )
    elif source_wrong and target_wrong:
        question = "name their languages with --from and --to"
    elif source_wrong:
        question = "name its language with --from, or leave --from out to detect it"
    elif crossed_target:
        question = "is TARGET the translation of SOURCE?"
    else:
        question = "name its language with --to"
    raise InputError(
        f"{', and '.join(said)}: {question} ({OVERRIDE} if the detection is wrong)",
        source_path if source_wrong else target_path,
    )
