"""Whether the two texts to align are in the languages ``--from`` and ``--to`` name.

Swapped files (``align report.es.md report.md --from en --to es``) or swapped languages were
aligned without a word: the project's translation file was named for the wrong language, with
the translation as its source. ``detect_language`` guesses well enough to pick segmentation
rules but says nothing of how sure it is, and a short text or a list of names fools it, so a
text is judged here in pieces: it is taken for a language only where it is long enough to
hold several pieces and nearly every piece is guessed as that language.
"""

from __future__ import annotations

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


def confident_language(texts: Sequence[str]) -> str | None:
    """The language ``texts`` (sentences in order) are in, where detect_language guesses it
    for nearly every piece of them; None where they are too short or the pieces disagree."""
    from termwise.document.reading import detect_language

    pieces: list[str] = []
    piece: list[str] = []
    letters = 0
    for text in texts:
        piece.append(text)
        letters += sum(1 for char in text if char.isalpha())
        if letters >= PIECE_LETTERS:
            pieces.append("\n".join(piece))
            piece, letters = [], 0
    if len(pieces) < MIN_PIECES:
        return None
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
    found_source = confident_language(source_texts)
    found_target = confident_language(target_texts)
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
