"""Numbers and citations: figures, years, Roman numerals and citation markers of the
source must all be in the translation, unchanged. A heading's or list item's label is the
one exception: a translation labels it its own way (一、 for "1.") or drops a heading's."""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal

from termwise.checks.context import CheckContext, Pair
from termwise.checks.issue import Issue, Severity
from termwise.checks.registry import Scope, register
from termwise.checks.screening import either_side, segments_containing_either
from termwise.document.figures import chinese_counts, leading_label, read_figures
from termwise.document.months import month_numbers

_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_DIGIT = re.compile(r"[0-9０-９]")
# A citation marker: [4], [4, 5], [4-6], and the full-width forms Chinese typesetting uses.
_CITATION = re.compile(r"[\[［【]\s*[0-9０-９]+(?:\s*[-–,，、]\s*[0-9０-９]+)*\s*[\]］】]")
# A number with its group and decimal separators, which differ by language (1,000.5 / 1.000,5
# / 1 000,5): each figure is read as its language writes numbers, and values are compared.
# Groups a space separates have three digits ("12 400"): "In 2015 20 countries" holds two
# numbers, not 201520. A minus sign counts where it stands alone before the figure.
_NUMBER = re.compile(
    r"(?:(?<![\w.,-])[-−])?"
    r"(?:[0-9０-９]{1,3}(?:[\u00a0\u202f ][0-9０-９]{3})+(?![0-9０-９])|[0-9０-９]+)"
    r"(?:[.,][0-9０-９]+)*"
)


def _numbers(text: str, lang: str | None = None) -> list[tuple[str, int, int]]:
    """(value, start, end) of every number outside citation markers, each figure read as
    ``lang`` writes numbers (``_value``)."""
    if not _DIGIT.search(text):
        return _roman_labels(text)
    masked = _CITATION.sub(lambda m: " " * len(m.group()), text) if "[" in text else text
    if "{" in masked or "%" in masked:
        # A placeholder's width and precision ("{size:.2f}", "%5d") are no numbers of the
        # text: the placeholders check compares placeholders. (Imported here: at the top it
        # would register that check before these, out of the listed order.)
        from termwise.checks.qa.placeholders import placeholder_spans

        for start, end in placeholder_spans(masked):
            masked = masked[:start] + " " * (end - start) + masked[end:]
    found = []
    if ":" in masked or "h" in masked:
        # A time, "9:30" or "9h30", is one number, keyed "9:30" (see ``_settle_times``).
        for match in _TIME.finditer(masked):
            found.append((f"{int(match.group(1))}:{match.group(2)}", match.start(), match.end()))
        masked = _TIME.sub(lambda m: " " * len(m.group()), masked)
    decimal = _decimal_mark(lang)

    def value(figure: str, scaled: bool) -> Decimal:
        return _value(figure.translate(_FULLWIDTH_DIGITS), decimal)

    # A scaled figure stands for its value ("1.5 million" is 150万, not 15), and a Chinese
    # figure in parts for the whole (5亿3000万 is "530 million"), as the aligner reads them.
    for figure in read_figures(_NUMBER.finditer(masked), value, lang):
        found.append((_canonical(figure.value), figure.start, figure.end))
    return found + _roman_labels(text)


# A Roman numeral in its standard form, I to MMMCMXCIX (the lookahead: never empty).
_ROMAN_NUMERAL = r"(?=[IVXLCDM])M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})"
# A Roman numeral after a word that labels a part of a text, in the languages termwise
# translates between: "Chapter IV" is "Capítulo IV" or "Capítulo 4", and "Capítulo V" is
# another chapter. Only after such a word: a capital before it is no label ("World War II"
# is "Segunda Guerra Mundial", and "When I" is no number). A numeral of L, C, D and M alone
# is no label either: "Appendix D", "Annex C", "Part D" are letters (附录D in Chinese, no
# number lost), and "Book CD" or "Section DC" codes, far more often than chapter 50 or 400;
# one with I, V or X is ("Chapter XL", "Article CXXV").
_LABEL_WORDS = (
    "chapter|part|article|section|volume|book|annex|appendix|title|act|scene|canto|"
    "capítulo|parte|artículo|sección|volumen|tomo|libro|anexo|apéndice|título|acto|escena|"
    "chapitre|partie|tome|livre|annexe|titre|scène|"
    "kapitel|teil|artikel|abschnitt|band|buch|anhang|titel|akt|szene|"
    "capitolo|articolo|sezione|allegato|titolo|atto|artigo|seção|secção|livro"
)
_ROMAN_LABEL = re.compile(
    rf"\b((?i:{_LABEL_WORDS}))\.?\s+(?=[LCDM]*[IVX])({_ROMAN_NUMERAL})(?![^\W_])"
)
# Where a number may be: a digit, or a label word's first letter before a Roman numeral.
_NUMBER_HINT = re.compile(rf"[0-9０-９]|\b(?i:{_LABEL_WORDS})\.?\s+[IVXLCDM]")
# Before a label word not written as a name ("this chapter", "THE BOOK"), a capital word
# is English's pronoun or a code as often: "In this section I show", "the book CD".
_DETERMINERS = frozenset(
    [
        "the",
        "this",
        "that",
        "these",
        "those",
        "each",
        "every",
        "which",
        "whose",
        "my",
        "our",
        "your",
        "its",
        "their",
        "his",
        "her",
    ]
)
_WORD = re.compile(r"[^\W\d_]+")


def _roman_labels(text: str) -> list[tuple[str, int, int]]:
    """(value, start, end) of every Roman numeral that labels a chapter, part or article
    ("Chapter XIV", "Article CXXV"; never one of L, C, D and M alone: ``_ROMAN_LABEL``).
    After a determiner and a label word in lowercase or capitals, only a numeral of I, V
    and X of two letters or more is one ("the section II"); a lone I is the pronoun and one
    with L, C, D or M a code ("the book CDX")."""
    if not any(char in text for char in "IVXLCDM"):
        return []
    found = []
    for match in _ROMAN_LABEL.finditer(text):
        word, numeral = match.group(1), match.group(2)
        unsure = numeral == "I" or any(char in numeral for char in "LCDM")
        if unsure and not word.istitle():
            before = _WORD.findall(text[max(0, match.start() - 40) : match.start()])[-2:]
            if any(earlier.lower() in _DETERMINERS for earlier in before):
                continue
        value = _roman_value(numeral)
        if value is not None:
            found.append((value, match.start(2), match.end(2)))
    return found


def _decimal_mark(lang: str | None) -> str | None:
    """The decimal mark ``lang`` writes ("." in English and Chinese, "," in Spanish and
    German; "." in Mexican Spanish), from CLDR; None where the language is not known."""
    if not lang:
        return None
    from babel import UnknownLocaleError
    from babel.numbers import get_decimal_symbol

    try:
        return get_decimal_symbol(lang.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return None


def _value(figure: str, decimal: str | None) -> Decimal:
    """What a figure means. Two different separators: the last is the decimal mark. One
    separator repeated ("1.000.000") groups thousands. One separator once: a decimal mark,
    unless three digits follow and it is no decimal mark in the language ("1,500" is 1500
    in English, 1.5 in Spanish; an unknown language reads three digits as a group)."""
    negative = figure[:1] in "-−"
    figure = re.sub(r"[\s\u00a0\u202f]", "", figure.lstrip("-−"))
    marks = [index for index, char in enumerate(figure) if char in ".,"]
    if not marks:
        number = Decimal(figure)
    else:
        last = marks[-1]
        tail = figure[last + 1 :]
        kinds = {figure[index] for index in marks}
        if len(kinds) == 2:
            is_decimal = True
        elif len(marks) > 1:
            is_decimal = False
        elif len(tail) != 3:
            is_decimal = True
        else:
            is_decimal = decimal is not None and figure[last] == decimal
        whole = re.sub(r"[.,]", "", figure[:last] if is_decimal else figure)
        number = Decimal(f"{whole}.{tail}" if is_decimal else whole)
    return -number if negative else number


def _shown(canonical: str) -> str:
    """A compared value as a reader takes it in: "1500000000" is 1,500,000,000."""
    sign, digits = ("-", canonical[1:]) if canonical.startswith("-") else ("", canonical)
    whole, point, fraction = digits.partition(".")
    return f"{sign}{int(whole):,}{point}{fraction}"


def _canonical(value: Decimal) -> str:
    """A value as the key numbers are compared by: "8847,60" and "8847.6" are one."""
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "0") else text


# A time of day written with a colon or an "h": "9:30", "21h05".
_TIME = re.compile(r"(?<![\d.,:])([01]?\d|2[0-4])[:h]([0-5]\d)(?![\d:])")


def _settle_times(wanted: Counter[str], have: Counter[str]) -> None:
    """Count a time one side writes "9:30" and the other "9.30" (Spanish, German) as the
    same: the dot reads as a decimal point, and both were three errors."""
    for ours, theirs in ((wanted, have), (have, wanted)):
        for key, count in list((ours - theirs).items()):
            if ":" not in key:
                continue
            hour, minute = key.split(":")
            dotted = _canonical(Decimal(f"{hour}.{minute}"))
            taken = min(count, (theirs - ours)[dotted])
            if taken:
                theirs[dotted] -= taken
                theirs[key] += taken


_ROMAN_TOKEN = re.compile(r"\b([IVXLCDM]{2,})(?:e|er|º|\.º)?\b")
_ROMAN = re.compile(_ROMAN_NUMERAL)
_ROMAN_DIGITS = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def _roman_value(token: str) -> str | None:
    """The number a well-formed Roman numeral writes, as digits (``XXI`` → ``21``)."""
    if not _ROMAN.fullmatch(token):
        return None
    total = 0
    for char, following in zip(token, token[1:] + " ", strict=True):
        value = _ROMAN_DIGITS[char]
        total += -value if following != " " and _ROMAN_DIGITS[following] > value else value
    return str(total)


@register(
    "numbers",
    Severity.ERROR,
    "Numbers differ between source and target (full-width digits count as digits, and "
    "a Roman numeral after Chapter, Part or Article counts as its number).",
    Scope.PAIR,
    screen=lambda context, pairs, side: either_side(_NUMBER_HINT, context, pairs),
)
def numbers(context: CheckContext, pair: Pair) -> list[Issue]:
    target = pair.target or ""
    source_numbers = _numbers(pair.source, context.source_lang)
    target_numbers = _numbers(target, context.target_lang)
    if not source_numbers and not target_numbers:
        return []
    lost_percent = _lost_percent(context, pair, target)
    wanted = Counter(digits for digits, _, _ in source_numbers)
    have = Counter(digits for digits, _, _ in target_numbers)
    if wanted == have:
        return lost_percent
    return lost_percent + _differing_numbers(context, pair, target, source_numbers, target_numbers)


# A percentage, as each language may write it: a sign, or words ("por ciento", 百分之).
_PERCENT = re.compile(
    r"[%％]|\bper ?cent\b|\bpor ciento\b|\bpour ?cent\b|\bProzent\b|\bper ?cento\b|"
    r"\bprocent\b|\bпроцент|百分之",
    re.IGNORECASE,
)


def _lost_percent(context: CheckContext, pair: Pair, target: str) -> list[Issue]:
    """The source's percentages the target does not write ("50%" → "el 50,"): the figure
    alone is no error of numbers, and nothing was said."""
    if "%" not in pair.source and "％" not in pair.source:
        return []
    wanted, have = len(_PERCENT.findall(pair.source)), len(_PERCENT.findall(target))
    if have >= wanted:
        return []
    return [
        context.issue(
            pair,
            "target",
            0,
            0,
            f"the source's percent sign is missing from the target ({have} of {wanted})",
        )
    ]


def _differing_numbers(
    context: CheckContext,
    pair: Pair,
    target: str,
    source_numbers: list[tuple[str, int, int]],
    target_numbers: list[tuple[str, int, int]],
) -> list[Issue]:
    """The issues of the numbers one side has and the other lacks, after what settles a
    difference (times, Roman numerals, written-out numbers)."""
    wanted = Counter(digits for digits, _, _ in source_numbers)
    have = Counter(digits for digits, _, _ in target_numbers)
    _settle_times(wanted, have)
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
    if wanted != have:
        _settle_label(pair, target, source_numbers, target_numbers, wanted, have)
    if wanted != have:
        _settle_written_out(context, pair.source, target, wanted, have)
    if wanted == have:
        return []
    issues = []
    extra = have - wanted
    missing = wanted - have
    for digits, start, end in target_numbers:
        if start >= 0 and extra[digits] > 0:
            extra[digits] -= 1
            written = target[start:end]
            # The same figure read two ways: a decimal mark or a scale word differs. One
            # issue that says so, not "missing" and "not in the source" for one number. (A
            # Roman numeral has no digits to compare.)
            bare = _bare_digits(written)
            twin = next(
                (
                    (d, pair.source[s:e])
                    for d, s, e in source_numbers
                    if missing[d] > 0 and bare and _bare_digits(pair.source[s:e]) == bare
                ),
                None,
            )
            if twin is not None:
                missing[twin[0]] -= 1
                issues.append(
                    context.issue(
                        pair,
                        "target",
                        start,
                        end,
                        f"“{written}” reads as {_shown(digits)} here, but the source's "
                        f"“{twin[1]}” as {_shown(twin[0])}: a decimal mark or a scale word "
                        "differs",
                    )
                )
                continue
            issues.append(
                context.issue(
                    pair,
                    "target",
                    start,
                    end,
                    f"number {written} is not in the source",
                )
            )
    for digits, count in (+missing).items():
        shown = next(pair.source[s:e] for d, s, e in source_numbers if d == digits)
        times = f" ({count}×)" if count > 1 else ""
        issues.append(
            context.issue(
                pair,
                "target",
                0,
                0,
                f"number {shown} of the source is missing from the target{times}",
            )
        )
    return issues


def _settle_label(
    pair: Pair,
    target: str,
    source_numbers: list[tuple[str, int, int]],
    target_numbers: list[tuple[str, int, int]],
    wanted: Counter[str],
    have: Counter[str],
) -> None:
    """Count the source's heading or list label ("1. Introduction", "2.3 Methods") as kept
    where the target writes its own number in a label of its own (一、引言, （三）方法,
    "3. Métodos"), or drops it from a heading ("Introducción", 引言), as it may a Roman
    numeral's. A label with another number is still reported."""
    label = leading_label(pair.source)
    if label is None:
        return
    ours = next(
        (d for d, s, e in source_numbers if (s, e) == (label.start, label.end)),
        None,
    )
    if ours is None or (wanted - have)[ours] == 0:
        return
    theirs = leading_label(target)
    if theirs is None:
        if pair.is_heading:
            have[ours] += 1
        return
    if theirs.number != label.number:
        return
    have[ours] += 1
    written = next((d for d, s, _ in target_numbers if s == theirs.start), None)
    if written is not None and (have - wanted)[written] > 0:
        wanted[written] += 1


def _bare_digits(figure: str) -> str:
    """A figure's digits alone, its sign and marks dropped: "1.5" and "1,5" are alike."""
    return re.sub(r"[^0-9]", "", figure.translate(_FULLWIDTH_DIGITS))


def _settle_written_out(
    context: CheckContext, source: str, target: str, wanted: Counter[str], have: Counter[str]
) -> None:
    """Count the numbers one side writes out that settle a difference: words and Chinese
    numerals (十二 for 12, "twelve" for 12, 百分之五十 for 50%, 一九八九年 for 1989), a
    month's name for its number (5月 for "May", "mai" or "mayo": ``month_numbers``), and a
    figure with its scale (150万 for 1.5 million). A published Chinese translation writes
    numbers so, and each was an error."""
    from termwise.align.features import english_number_words

    def written(text: str, lang: str | None) -> list[str]:
        base = (lang or "").split("-")[0]
        values = month_numbers(text, lang)
        if base in ("zh", "ja"):
            values += chinese_counts(text, lang)
        elif base == "en":
            values += english_number_words(text)
        elif base == "es":
            # "mil millones" alone is a billion ("3 mil millones" is read with its figure).
            values += [10**9] * len(_ES_BILLION.findall(text))
        return [str(value) for value in values]

    for value in written(target, context.target_lang):
        if (wanted - have)[value] > 0:
            have[value] += 1
    for value in written(source, context.source_lang):
        if (have - wanted)[value] > 0:
            wanted[value] += 1


_ES_BILLION = re.compile(r"(?<![0-9])(?<![0-9]\s)\b[Mm]il millones\b")


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
