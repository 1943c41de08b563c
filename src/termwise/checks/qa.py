"""Quality-assurance checks on a translation, the kind pofilter, Xbench and CheckMate run.

Each function does one thing. They are written to be cheap on the common case (a plain
sentence with nothing wrong): a quick membership test or one precompiled regular expression
decides that there is nothing to look at before any real work is done.
"""

from __future__ import annotations

import operator
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence

from termwise import languages
from termwise.checks.context import CheckContext, Pair
from termwise.checks.issue import Issue, Severity, Side
from termwise.checks.registry import Scope, register
from termwise.checks.screening import (
    segments_containing,
    segments_containing_either,
)

# --- untranslated / identical ---------------------------------------------------------------


@register(
    "untranslated",
    Severity.WARNING,
    "The segment has no translation, or an empty one.",
    Scope.DOCUMENT,
    across_segments=False,
)
def untranslated(context: CheckContext, pairs: Sequence[Pair]) -> Iterator[Issue]:
    for pair in pairs:
        if pair.target is None or not pair.target.strip():
            what = "not translated" if pair.target is None else "the translation is empty"
            yield context.issue("untranslated", Severity.WARNING, pair, "target", 0, 0, what)


_WORDISH = re.compile(r"[^\W\d_]{2,}")


def _same_screen(context: CheckContext, pairs: Sequence[Pair], side: Side) -> list[int]:
    return [
        index
        for index, pair in enumerate(pairs)
        if pair.target and pair.target.strip() == pair.source.strip()
    ]


@register(
    "same-as-source",
    Severity.WARNING,
    "The target is identical to the source (left untranslated by mistake?).",
    Scope.PAIR,
    screen=_same_screen,
)
def same_as_source(context: CheckContext, pair: Pair) -> Iterable[Issue]:
    target = pair.target or ""
    if target.strip() != pair.source.strip() or not _WORDISH.search(pair.source):
        return ()
    return (
        context.issue(
            "same-as-source",
            Severity.WARNING,
            pair,
            "target",
            0,
            len(target),
            "the target is identical to the source",
        ),
    )


# --- numbers, citations, URLs ---------------------------------------------------------------

_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_DIGIT = re.compile(r"[0-9０-９]")
# A citation marker: [4], [4, 5], [4-6], and the full-width forms Chinese typesetting uses.
_CITATION = re.compile(r"[\[［【]\s*[0-9０-９]+(?:\s*[-–,，、]\s*[0-9０-９]+)*\s*[\]］】]")
# A number with its group and decimal separators, which differ by language (1,000.5 / 1.000,5
# / 1 000,5): they are dropped before comparing, so only the digits must agree.
_NUMBER = re.compile(r"[0-9０-９]+(?:[.,\u00a0\u202f ][0-9０-９]+)*")


def _numbers(text: str) -> list[tuple[str, int, int]]:
    """(digits, start, end) of every number outside citation markers."""
    if not _DIGIT.search(text):
        return []
    masked = _CITATION.sub(lambda m: " " * len(m.group()), text) if "[" in text else text
    found = []
    for match in _NUMBER.finditer(masked):
        digits = re.sub(r"[^0-9０-９]", "", match.group()).translate(_FULLWIDTH_DIGITS)
        found.append((digits, match.start(), match.end()))
    return found


_ROMAN_TOKEN = re.compile(r"\b([IVXLCDM]{2,})(?:e|er|º|\.º)?\b")
_ROMAN = re.compile(r"^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")
_ROMAN_DIGITS = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def _roman_value(token: str) -> str | None:
    """The number a well-formed Roman numeral writes, as digits (``XXI`` → ``21``)."""
    if not _ROMAN.match(token):
        return None
    total = 0
    for char, following in zip(token, token[1:] + " ", strict=True):
        value = _ROMAN_DIGITS[char]
        total += -value if following != " " and _ROMAN_DIGITS[following] > value else value
    return str(total)


@register(
    "numbers",
    Severity.ERROR,
    "Numbers differ between source and target (full-width digits count as digits).",
    Scope.PAIR,
    screen=lambda context, pairs, side: segments_containing_either(
        "0123456789０１２３４５６７８９", context, pairs
    ),
)
def numbers(context: CheckContext, pair: Pair) -> list[Issue]:
    target = pair.target or ""
    source_numbers = _numbers(pair.source)
    target_numbers = _numbers(target)
    if not source_numbers and not target_numbers:
        return []
    wanted = Counter(digits for digits, _, _ in source_numbers)
    have = Counter(digits for digits, _, _ in target_numbers)
    if wanted == have:
        return []
    # "21st century" is "siglo XXI" in Spanish and "XXIe siècle" in French: Roman numerals
    # stand for the numbers they write, on either side, when that settles the difference.
    if (wanted - have) and _ROMAN_TOKEN.search(target):
        for match in _ROMAN_TOKEN.finditer(target):
            value = _roman_value(match.group(1))
            if value is not None and (wanted - have)[value] > 0:
                have[value] += 1
                target_numbers.append((value, -1, -1))
    if (have - wanted) and _ROMAN_TOKEN.search(pair.source):
        for match in _ROMAN_TOKEN.finditer(pair.source):
            value = _roman_value(match.group(1))
            if value is not None and (have - wanted)[value] > 0:
                wanted[value] += 1
    if wanted == have:
        return []
    issues = []
    extra = have - wanted
    for digits, start, end in target_numbers:
        if start >= 0 and extra[digits] > 0:
            extra[digits] -= 1
            issues.append(
                context.issue(
                    "numbers",
                    Severity.ERROR,
                    pair,
                    "target",
                    start,
                    end,
                    f"number {target[start:end]} is not in the source",
                )
            )
    for digits, count in (wanted - have).items():
        shown = next(pair.source[s:e] for d, s, e in source_numbers if d == digits)
        times = f" ({count}×)" if count > 1 else ""
        issues.append(
            context.issue(
                "numbers",
                Severity.ERROR,
                pair,
                "target",
                0,
                0,
                f"number {shown} of the source is missing from the target{times}",
            )
        )
    return issues


def _citation_key(marker: str) -> str:
    return re.sub(r"[^0-9,]", "", marker.translate(_FULLWIDTH_DIGITS).replace("，", ","))


@register(
    "citations",
    Severity.ERROR,
    "Citation markers such as [4] are lost, added or changed in the target.",
    Scope.PAIR,
    screen=lambda context, pairs, side: segments_containing_either("[［【", context, pairs),
)
def citations(context: CheckContext, pair: Pair) -> list[Issue]:
    target = pair.target or ""
    if not _has_bracket(pair.source) and not _has_bracket(target):
        return []
    source_markers = [_citation_key(m.group()) for m in _CITATION.finditer(pair.source)]
    target_matches = list(_CITATION.finditer(target))
    target_markers = [_citation_key(m.group()) for m in target_matches]
    if source_markers == target_markers:
        return []
    issues = []
    missing = Counter(source_markers) - Counter(target_markers)
    extra = Counter(target_markers) - Counter(source_markers)
    for match, key in zip(target_matches, target_markers, strict=True):
        if extra[key] > 0:
            extra[key] -= 1
            expected = next(iter(missing), None)
            message = f"citation {match.group()} is not in the source"
            suggestion = None
            if expected is not None:
                source_form = next(
                    m.group()
                    for m in _CITATION.finditer(pair.source)
                    if _citation_key(m.group()) == expected
                )
                message = f"citation {match.group()} differs from the source's {source_form}"
                suggestion = source_form
                missing[expected] -= 1
                missing = +missing
            issues.append(
                context.issue(
                    "citations",
                    Severity.ERROR,
                    pair,
                    "target",
                    match.start(),
                    match.end(),
                    message,
                    suggestion=suggestion,
                    fixable=suggestion is not None,
                )
            )
    for key in missing.elements():
        source_form = next(
            m.group() for m in _CITATION.finditer(pair.source) if _citation_key(m.group()) == key
        )
        issues.append(
            context.issue(
                "citations",
                Severity.ERROR,
                pair,
                "target",
                0,
                0,
                f"citation {source_form} of the source is missing from the target",
            )
        )
    if not issues:
        issues.append(
            context.issue(
                "citations",
                Severity.ERROR,
                pair,
                "target",
                0,
                0,
                "citation markers are in a different order than in the source: "
                + " ".join(m.group() for m in _CITATION.finditer(pair.source)),
            )
        )
    return issues


def _has_bracket(text: str) -> bool:
    return "[" in text or "［" in text or "【" in text


_URL = re.compile(
    r"(?:https?://|ftp://|www\.)[^\s<>\"'“”«»]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.IGNORECASE
)
_TRAILING = ".,;:!?)]}'\"。，；：！？）"


def _urls(text: str) -> list[tuple[str, int, int]]:
    if "@" not in text and "://" not in text and "www." not in text.lower():
        return []
    found = []
    for match in _URL.finditer(text):
        value = match.group().rstrip(_TRAILING)
        found.append((value, match.start(), match.start() + len(value)))
    return found


@register(
    "urls",
    Severity.ERROR,
    "URLs and e-mail addresses of the source are missing or changed in the target.",
    Scope.PAIR,
    screen=lambda context, pairs, side: segments_containing_either(
        ("@", "://", "www."), context, pairs, ignore_case=True
    ),
)
def urls(context: CheckContext, pair: Pair) -> list[Issue]:
    target = pair.target or ""
    source_urls = _urls(pair.source)
    target_urls = _urls(target)
    if not source_urls and not target_urls:
        return []
    wanted = Counter(value for value, _, _ in source_urls)
    have = Counter(value for value, _, _ in target_urls)
    issues = []
    for value, start, end in target_urls:
        if value not in wanted:
            issues.append(
                context.issue(
                    "urls",
                    Severity.ERROR,
                    pair,
                    "target",
                    start,
                    end,
                    f"{value} is not in the source",
                )
            )
    for value in wanted - have:
        issues.append(
            context.issue(
                "urls",
                Severity.ERROR,
                pair,
                "target",
                0,
                0,
                f"{value} of the source is missing from the target",
            )
        )
    return issues


# --- brackets and quotes --------------------------------------------------------------------

_OPENERS = {"(": ")", "[": "]", "{": "}", "（": "）", "［": "］", "【": "】", "「": "」"}
_OPENERS.update({"『": "』", "《": "》", "«": "»", "“": "”", "„": "“", "‹": "›"})
_CLOSERS = {close: open_ for open_, close in _OPENERS.items() if open_ != "„"}
_BRACKET_CHARS = frozenset(_OPENERS) | frozenset(_CLOSERS) | {'"'}
_BRACKET_RE = re.compile("[" + re.escape("".join(sorted(_BRACKET_CHARS))) + "]")


def _unpaired(text: str, lang: str) -> list[int]:
    """Offsets of brackets and quotes without a partner."""
    if not _BRACKET_RE.search(text):
        return []
    german = lang == "de"
    stack: list[tuple[str, int]] = []
    bad: list[int] = []
    straight: list[int] = []
    for match in _BRACKET_RE.finditer(text):
        char, position = match.group(), match.start()
        if char == '"':
            straight.append(position)
            continue
        # German opens with „ and closes with “, which elsewhere opens: decide by the stack.
        if char == "“" and german and stack and stack[-1][0] == "„":
            stack.pop()
            continue
        if char in _OPENERS and not (char == "“" and stack and stack[-1][0] == "“"):
            stack.append((char, position))
            continue
        opener = _CLOSERS.get(char)
        if stack and stack[-1][0] == opener:
            stack.pop()
        elif any(open_ == opener for open_, _ in stack):
            # Close the nearest matching opener; what lies between was left open.
            while stack and stack[-1][0] != opener:
                bad.append(stack.pop()[1])
            stack.pop()
        else:
            bad.append(position)
    bad.extend(position for _, position in stack)
    if len(straight) % 2:
        bad.append(straight[-1])
    return sorted(bad)


@register(
    "brackets",
    Severity.WARNING,
    "Brackets or quotation marks are not paired.",
    Scope.TEXT,
    screen=lambda context, pairs, side: segments_containing(_BRACKET_CHARS, context, pairs, side),
)
def brackets(context: CheckContext, pair: Pair, side: Side, text: str) -> list[Issue]:
    lang = context.source_base if side == "source" else (context.target_base or "")
    bad = _unpaired(text, lang)
    if not bad:
        return []
    if side == "target" and len(_unpaired(pair.source, context.source_base)) == len(bad):
        # The translation faithfully keeps the source's own unpaired mark: report it once,
        # on the source, not twice.
        return []
    return [
        context.issue(
            "brackets",
            Severity.WARNING,
            pair,
            side,
            position,
            position + 1,
            f"unpaired {text[position]}",
        )
        for position in bad
    ]


# --- end punctuation and typography ---------------------------------------------------------

_CLOSING_TRAIL = "\"'”’»」』）)]】"
_LATIN_END = {".": "period", "!": "exclamation", "?": "question", ":": "colon", "…": "ellipsis"}
_CJK_END = {"。": "period", "！": "exclamation", "？": "question", "：": "colon", "…": "ellipsis"}
_CJK_FOR = {"period": "。", "exclamation": "！", "question": "？", "colon": "：", "ellipsis": "…"}
_LATIN_FOR = {"period": ".", "exclamation": "!", "question": "?", "colon": ":", "ellipsis": "…"}
_CITATION_TAIL = re.compile(r"(?:\s*[\[［【][^\]］】]*[\]］】])+$")


def _end_mark(text: str) -> tuple[str | None, int]:
    """The kind of the final punctuation mark (or None) and its offset."""
    stripped = text.rstrip()
    # "... development [5]." and "... development. [5]" both end in a period.
    if stripped.endswith(("]", "］", "】")):
        tail = _CITATION_TAIL.search(stripped)
        if tail is not None:
            stripped = stripped[: tail.start()]
    end = len(stripped)
    while end and stripped[end - 1] in _CLOSING_TRAIL:
        end -= 1
    if not end:
        return None, 0
    char = stripped[end - 1]
    if char == "." and stripped[max(0, end - 3) : end] == "...":
        return "ellipsis", end - 1
    kind = _LATIN_END.get(char) or _CJK_END.get(char)
    return kind, end - 1


def _end_screen(context: CheckContext, pairs: Sequence[Pair], side: Side) -> Iterable[int]:
    if context.target_is_cjk:
        return range(len(pairs))
    # Both ending in "." is a period or an ellipsis on each side, which always agree in a
    # Latin-script target: the common case needs no closer look.
    return [
        index
        for index, pair in enumerate(pairs)
        if not (pair.source[-1:] == "." and (pair.target or "")[-1:] == ".")
    ]


@register(
    "end-punctuation",
    Severity.WARNING,
    "The target's final punctuation does not match the source or the target language (。 vs .).",
    Scope.PAIR,
    fixable=True,
    screen=_end_screen,
)
def end_punctuation(context: CheckContext, pair: Pair) -> list[Issue]:
    target = pair.target or ""
    source_kind, _ = _end_mark(pair.source)
    target_kind, position = _end_mark(target)
    cjk = context.target_is_cjk
    marks = _CJK_FOR if cjk else _LATIN_FOR
    if target_kind is not None:
        char = target[position]
        native = _CJK_END if cjk else _LATIN_END
        if char not in native and char != "…":
            wanted = marks[target_kind]
            return [
                context.issue(
                    "end-punctuation",
                    Severity.WARNING,
                    pair,
                    "target",
                    position,
                    position + 1,
                    f"{char} is not the {target_kind} of the target language; use {wanted}",
                    suggestion=wanted,
                    fixable=True,
                )
            ]
    if source_kind == target_kind:
        return []
    if target_kind is None:
        assert source_kind is not None
        wanted = marks[source_kind]
        end = len(target.rstrip())
        return [
            context.issue(
                "end-punctuation",
                Severity.WARNING,
                pair,
                "target",
                end,
                end,
                f"the source ends with a {source_kind}, the target with none",
                suggestion=wanted,
                fixable=True,
            )
        ]
    if source_kind is None:
        if pair.is_heading:
            return []
        return [
            context.issue(
                "end-punctuation",
                Severity.WARNING,
                pair,
                "target",
                position,
                position + 1,
                f"the target ends with a {target_kind}, the source with none",
            )
        ]
    if {source_kind, target_kind} <= {"period", "ellipsis"}:
        return []
    return [
        context.issue(
            "end-punctuation",
            Severity.WARNING,
            pair,
            "target",
            position,
            position + 1,
            f"the source ends with a {source_kind}, the target with a {target_kind}",
            suggestion=marks[source_kind],
            fixable=True,
        )
    ]


_NBSP = "\u00a0"
_NNBSP = "\u202f"
# French: a (narrow) no-break space before ; ! ? and a no-break space before : and inside « ».
_FRENCH_SPACE_BEFORE = re.compile(r"(?:(?<=\S) ([;:!?»])|(«) )")
_FRENCH_NO_SPACE = re.compile(
    r"(?<=[^\W\d_»])([;!?])(?=\s|$)|(?<=[^\W\d_»])(:)(?=\s)|(«)(?=\w)|(?<=\w)(»)"
)
_STRAIGHT_QUOTED = re.compile(r'"([^"\n]+)"')
_CJK_CHAR = "\u3400-\u9fff\uf900-\ufaff"
# Half-width , ; : ? ! ( ) next to a Chinese character, and a half-width full stop after one.
_CJK_ASCII_PUNCT = re.compile(
    rf"(?<=[{_CJK_CHAR}])([,;:?!()])|([,;:?!()])(?=[{_CJK_CHAR}])"
    rf"|(?<=[{_CJK_CHAR}])(\.)(?=\s*$|[{_CJK_CHAR}])"
)
_FULLWIDTH = {
    ",": "，",
    ";": "；",
    ":": "：",
    "?": "？",
    "!": "！",
    "(": "（",
    ")": "）",
    ".": "。",
}
_QUOTES_FOR = {
    "fr": ("«" + _NBSP, _NBSP + "»"),
    "es": ("«", "»"),
    "ru": ("«", "»"),
    "de": ("„", "“"),
    "zh": ("“", "”"),
    "ja": ("「", "」"),
}
_SPANISH_QUESTION = re.compile(r"[^¿¡.!?]*[?!]")
# What each language's typography rules look at; a target without any of it has no issue.
_TYPOGRAPHY_HINT = {"fr": ';:!?«»"', "es": '?!"', "zh": ',;:?!()."', "ja": ',;:?!()."'}


def _typography_french(context: CheckContext, pair: Pair, target: str) -> Iterator[Issue]:
    if not any(char in target for char in ";:!?«»"):
        return
    for match in _FRENCH_SPACE_BEFORE.finditer(target):
        mark = match.group(1) or match.group(2)
        space = _NNBSP if mark in ";!?" else _NBSP
        start = match.start() if match.group(1) else match.start() + 1
        where = "before" if match.group(1) else "after"
        yield context.issue(
            "typography",
            Severity.WARNING,
            pair,
            "target",
            start,
            start + 1,
            f"French typography: a no-break space belongs {where} {mark}",
            suggestion=space,
            fixable=True,
        )
    for match in _FRENCH_NO_SPACE.finditer(target):
        mark = match.group()
        space = _NNBSP if mark in ";!?" else _NBSP
        if mark == "»":
            yield context.issue(
                "typography",
                Severity.WARNING,
                pair,
                "target",
                match.start(),
                match.end(),
                "French typography: a no-break space belongs before »",
                suggestion=_NBSP + "»",
                fixable=True,
            )
        elif mark == "«":
            yield context.issue(
                "typography",
                Severity.WARNING,
                pair,
                "target",
                match.start(),
                match.end(),
                "French typography: a no-break space belongs after «",
                suggestion="«" + _NBSP,
                fixable=True,
            )
        else:
            yield context.issue(
                "typography",
                Severity.WARNING,
                pair,
                "target",
                match.start(),
                match.end(),
                f"French typography: a no-break space belongs before {mark}",
                suggestion=space + mark,
                fixable=True,
            )


def _typography_cjk(context: CheckContext, pair: Pair, target: str) -> Iterator[Issue]:
    for match in _CJK_ASCII_PUNCT.finditer(target):
        char = match.group()
        wide = _FULLWIDTH[char]
        yield context.issue(
            "typography",
            Severity.WARNING,
            pair,
            "target",
            match.start(),
            match.end(),
            f"half-width {char} in Chinese text; use the full-width {wide}",
            suggestion=wide,
            fixable=True,
        )


def _typography_screen(context: CheckContext, pairs: Sequence[Pair], side: Side) -> list[int]:
    lang = context.target_base or "en"
    hint = _TYPOGRAPHY_HINT.get(lang)
    if hint is None:
        if lang not in _QUOTES_FOR:
            return []
        hint = '"'
    return segments_containing(hint, context, pairs, "target")


@register(
    "typography",
    Severity.WARNING,
    "Typography of the target language: French no-break spaces, « » and „ “ quotes, "
    "full-width punctuation in Chinese, ¿ in Spanish.",
    Scope.PAIR,
    fixable=True,
    screen=_typography_screen,
)
def typography(context: CheckContext, pair: Pair) -> list[Issue]:
    target = pair.target or ""
    lang = context.target_base or "en"
    issues: list[Issue] = []
    if lang == "fr":
        issues.extend(_typography_french(context, pair, target))
    elif lang in ("zh", "ja"):
        issues.extend(_typography_cjk(context, pair, target))
    elif lang == "es" and ("?" in target or "!" in target):
        for match in _SPANISH_QUESTION.finditer(target):
            mark = match.group()[-1]
            opener = "¿" if mark == "?" else "¡"
            if opener not in match.group():
                start = match.start() + len(match.group()) - len(match.group().lstrip())
                question = target[start : match.end()]
                issues.append(
                    context.issue(
                        "typography",
                        Severity.WARNING,
                        pair,
                        "target",
                        start,
                        match.end(),
                        f"Spanish opens with {opener} what ends with {mark}",
                        suggestion=opener + question,
                        fixable=True,
                    )
                )
    quotes = _QUOTES_FOR.get(lang)
    if quotes is not None and '"' in target:
        for match in _STRAIGHT_QUOTED.finditer(target):
            inner = match.group(1)
            if lang == "fr":
                inner = inner.strip()
            issues.append(
                context.issue(
                    "typography",
                    Severity.WARNING,
                    pair,
                    "target",
                    match.start(),
                    match.end(),
                    f'straight quotes "…" in {languages.display_name(lang)}; '
                    f"use {quotes[0].strip()}…{quotes[1].strip()}",
                    suggestion=quotes[0] + inner + quotes[1],
                    fixable=True,
                )
            )
    return issues


# --- whitespace and repetition --------------------------------------------------------------

_DOUBLE_SPACE = re.compile(r"(?<=\S)[ \u00a0\u3000]{2,}(?=\S)")


@register(
    "double-space",
    Severity.WARNING,
    "Two or more spaces in a row inside the text.",
    Scope.TEXT,
    fixable=True,
    screen=lambda context, pairs, side: segments_containing(
        ("  ", "\u00a0 ", " \u00a0"), context, pairs, side
    ),
)
def double_space(context: CheckContext, pair: Pair, side: Side, text: str) -> Iterator[Issue]:
    # A generator: the runner stops reading after the first issues of a segment (a 50 MB
    # line of them must cost neither minutes nor gigabytes).
    if "  " not in text and "\u00a0 " not in text and " \u00a0" not in text:
        return
    yield from (
        context.issue(
            "double-space",
            Severity.WARNING,
            pair,
            side,
            match.start(),
            match.end(),
            "double space",
            suggestion=" ",
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
                "whitespace",
                Severity.WARNING,
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
                "whitespace",
                Severity.WARNING,
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
        yield (
            context.issue(
                "repeated-word",
                Severity.WARNING,
                pair,
                side,
                match.start(),
                match.end(),
                f"“{word}” is repeated",
                suggestion=word,
                fixable=True,
            )
        )


# --- length ----------------------------------------------------------------------------------

# Typical length of a translation relative to English, in characters.
_RELATIVE_LENGTH = {
    "en": 1.0,
    "es": 1.18,
    "fr": 1.2,
    "de": 1.22,
    "ru": 1.1,
    "it": 1.15,
    "pt": 1.15,
    "nl": 1.15,
    "zh": 0.32,
    "ja": 0.45,
    "ko": 0.5,
}
_MIN_LENGTH = 20


@register(
    "length-ratio",
    Severity.INFO,
    "The target is far longer or shorter than usual for the language pair.",
    Scope.PAIR,
)
def length_ratio(context: CheckContext, pair: Pair) -> list[Issue]:
    target = pair.target or ""
    source_length = len(pair.source)
    if source_length < _MIN_LENGTH or not target:
        return []
    source_factor = _RELATIVE_LENGTH.get(context.source_base, 1.0)
    target_factor = _RELATIVE_LENGTH.get(context.target_base or "en", 1.0)
    expected = target_factor / source_factor
    ratio = len(target) / source_length / expected
    tolerance = context.config.length_tolerance
    if 1 / tolerance <= ratio <= tolerance:
        return []
    what = "longer" if ratio > 1 else "shorter"
    return [
        context.issue(
            "length-ratio",
            Severity.INFO,
            pair,
            "target",
            0,
            0,
            f"the target is {len(target)} characters for {source_length} in the source, "
            f"{ratio:.1f}× the usual length ({what} than expected)",
        )
    ]


# --- user-defined patterns ------------------------------------------------------------------


def regex_issues(context: CheckContext, pairs: Sequence[Pair]) -> Iterator[Issue]:
    """Run the ``[[checks.regex]]`` checks of the project configuration."""
    for rule in context.config.regex_checks:
        if not context.config.is_enabled(rule.id):
            continue
        sides: list[Side] = []
        if rule.side in ("source", "both") and (
            rule.lang is None or languages.same_language(rule.lang, context.source_lang)
        ):
            sides.append("source")
        if (
            rule.side in ("target", "both")
            and context.target_lang is not None
            and (rule.lang is None or languages.same_language(rule.lang, context.target_lang))
        ):
            sides.append("target")
        search = rule.pattern.search
        for pair in pairs:
            for side in sides:
                text = pair.source if side == "source" else pair.target
                if not text or search(text) is None:
                    continue
                for match in rule.pattern.finditer(text):
                    suggestion = match.expand(rule.replacement) if rule.replacement else None
                    yield (
                        context.issue(
                            rule.id,
                            rule.severity,
                            pair,
                            side,
                            match.start(),
                            match.end(),
                            rule.message,
                            suggestion=suggestion,
                            fixable=suggestion is not None,
                        )
                    )
