"""Whitespace and repetition: double spaces, leading or trailing space, line breaks the
source does not have, a word twice."""

from __future__ import annotations

import operator
import re
from collections.abc import Iterator, Sequence

from termwise.checks.context import CheckContext, Pair
from termwise.checks.issue import Issue, Severity, Side
from termwise.checks.registry import Scope, register
from termwise.checks.screening import segments_containing, segments_containing_either

_DOUBLE_SPACE = re.compile(r"(?<=\S)[ \u00a0\u3000]{2,}(?=\S)")


@register(
    "double-space",
    Severity.WARNING,
    "Two or more spaces in a row inside the text.",
    Scope.TEXT,
    fixable=True,
    screen=lambda context, pairs, side: segments_containing(
        ("  ", "\u00a0 ", " \u00a0", "\u00a0\u00a0"), context, pairs, side
    ),
)
def double_space(context: CheckContext, pair: Pair, side: Side, text: str) -> Iterator[Issue]:
    # A generator: the runner stops reading after the first issues of a segment (a 50 MB
    # line of them must cost neither minutes nor gigabytes; see checks/folding.py).
    if not any(pair_ in text for pair_ in ("  ", "\u00a0 ", " \u00a0", "\u00a0\u00a0")):
        return
    yield from (
        context.issue(
            pair,
            side,
            match.start(),
            match.end(),
            "double space",
            # A no-break space stays ("Il dit\u00a0 : oui."): the typography checks want it.
            suggestion="\u00a0" if "\u00a0" in match.group() else " ",
            fixable=True,
        )
        for match in _DOUBLE_SPACE.finditer(text)
    )


@register(
    "whitespace",
    Severity.WARNING,
    "The target starts or ends with whitespace that the source does not have.",
    Scope.PAIR,
    fixable=True,
    screen=lambda context, pairs, side: [
        index
        for index, pair in enumerate(pairs)
        if pair.target and (pair.target[:1].isspace() or pair.target[-1:].isspace())
    ],
)
def whitespace(context: CheckContext, pair: Pair) -> list[Issue]:
    target = pair.target or ""
    issues = []
    if target[:1].isspace() and not pair.source[:1].isspace():
        end = len(target) - len(target.lstrip())
        issues.append(
            context.issue(
                pair,
                "target",
                0,
                end,
                "leading whitespace",
                suggestion="",
                fixable=True,
            )
        )
    if target[-1:].isspace() and not pair.source[-1:].isspace():
        start = len(target.rstrip())
        issues.append(
            context.issue(
                pair,
                "target",
                start,
                len(target),
                "trailing whitespace",
                suggestion="",
                fixable=True,
            )
        )
    return issues


_LINE_BREAK = re.compile(r"[ \t\u00a0\u3000]*\n[ \t\u00a0\u3000\n]*")
# Scripts written without spaces between words: a break between two of their characters
# goes without a space ("亚洲基础设施\n投资银行" is "亚洲基础设施投资银行").
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")


@register(
    "line-break",
    Severity.WARNING,
    "The target has line breaks where the source has none, or not as many.",
    Scope.PAIR,
    fixable=True,
    screen=lambda context, pairs, side: segments_containing_either(("\n",), context, pairs),
)
def line_break(context: CheckContext, pair: Pair) -> Iterator[Issue]:
    # A break pasted into a translation splits a term for the checks and the edition prints
    # it on two lines (Xbench and pofilter's "newlines" report it).
    target = pair.target or ""
    wanted, found = pair.source.count("\n"), target.count("\n")
    if wanted == found:
        return
    if wanted:
        # Which of the breaks is wrong is for a person to say (a hard break of a poem).
        yield context.issue(
            pair,
            "target",
            0,
            len(target),
            f"{found} line break{'s' if found != 1 else ''}, the source has {wanted}",
        )
        return
    for match in _LINE_BREAK.finditer(target):
        start, end = match.span()
        joined = bool(
            start
            and end < len(target)
            and _UNSPACED.match(target, start - 1)
            and _UNSPACED.match(target, end)
        )
        yield context.issue(
            pair,
            "target",
            start,
            end,
            "line break inside the translation; the source has none",
            suggestion="" if joined or not start or end == len(target) else " ",
            fixable=True,
        )


_REPEATED = re.compile(r"\b([^\W\d_]+)(\s+)\1\b", re.IGNORECASE)


# Doubled words that grammar allows ("had had", "vous vous", "die die").
_ALLOWED_REPEATS = {
    "en": {"had", "that", "is"},
    "fr": {"nous", "vous", "sur"},
    "de": {"die", "der", "das", "sie"},
    "es": {"que"},
}


# Past this length the word-list screen would cost more memory than it saves time (a 50 MB
# line is millions of word objects): such a segment goes straight to the pattern.
_SCREEN_MAX_CHARS = 100_000


def _has_equal_neighbours(text: str) -> bool:
    if len(text) > _SCREEN_MAX_CHARS:
        return True
    words = text.lower().replace(",", " ").replace(".", " ").split()
    return any(map(operator.eq, words, words[1:]))


# A space before a mark that closes a clause: Apertium writes "la mentalidad de la Guerra
# Fría ." after "is" and "was". French puts a (no-break) space before ; : ! ? and » by rule;
# a mark that starts something (".5", ".NET", "...") is not one.
_SPACE_BEFORE = re.compile(r"(?<=[^\s.])[ \u00a0\u202f]+([.,;:!?])(?=$|[\s\"”»)\]])")
_SPACED_IN = {"fr": ";:!?"}


@register(
    "space-before-punctuation",
    Severity.WARNING,
    'A space before a full stop, comma, colon, semicolon, "?" or "!" of the target.',
    Scope.PAIR,
    fixable=True,
    screen=lambda context, pairs, side: segments_containing(
        (" .", " ,", " ;", " :", " ?", " !"), context, pairs, "target"
    ),
)
def space_before_punctuation(context: CheckContext, pair: Pair) -> Iterator[Issue]:
    target = pair.target or ""
    spaced = _SPACED_IN.get(context.target_base or "", "")
    for match in _SPACE_BEFORE.finditer(target):
        mark = match.group(1)
        if mark in spaced or match.group() in pair.source:
            continue  # the language's rule, or as the source writes it ("word :" in code)
        yield context.issue(
            pair,
            "target",
            match.start(),
            match.end(),
            f"space before “{mark}”",
            suggestion=mark,
            fixable=True,
        )


def _repeat_screen(context: CheckContext, pairs: Sequence[Pair], side: Side) -> list[int]:
    """The segments where two equal words follow each other (what ``repeated_word`` screens).

    A comprehension over the texts rather than a call of the check per segment; one split of
    all texts joined together was tried and is slower (millions of word objects at once).
    """
    if (context.source_base if side == "source" else context.target_base) in ("zh", "ja"):
        return []
    found = []
    for index, pair in enumerate(pairs):
        text = pair.source if side == "source" else pair.target
        if text and _has_equal_neighbours(text):
            found.append(index)
    return found


@register(
    "repeated-word",
    Severity.WARNING,
    'The same word twice in a row ("the the").',
    Scope.TEXT,
    fixable=True,
    screen=_repeat_screen,
)
def repeated_word(context: CheckContext, pair: Pair, side: Side, text: str) -> Iterator[Issue]:
    # A generator, as ``double_space``: the runner reads only the first issues of a segment.
    lang = context.source_base if side == "source" else (context.target_base or "")
    if lang in ("zh", "ja"):
        return
    # Cheap screen first, all in C: the back-referencing pattern is slow on every sentence.
    if not _has_equal_neighbours(text):
        return
    allowed = _ALLOWED_REPEATS.get(lang, set())
    for match in _REPEATED.finditer(text):
        word = match.group(1)
        if word.lower() in allowed:
            continue
        second = text[match.end() - len(word) : match.end()]
        if second[:1].isupper():
            # Both words in capitals: a name ("Bora Bora", "Sing Sing"), not "Es es".
            continue
        yield (
            context.issue(
                pair,
                side,
                match.start(),
                match.end(),
                f"“{word}” is repeated",
                suggestion=word,
                fixable=True,
            )
        )
