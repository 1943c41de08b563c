"""How a text writes its numbers: Chinese numerals, the scale after a figure, and a Chinese
figure written in parts.

The aligner compares numbers across a translation to anchor it, and the ``numbers`` check
compares them to report one lost: both must read "530 million", 5亿3000万 and 5.3亿 as one
number, or a correct translation is an error to the one and no anchor to the other. Each
keeps its own reading of a figure's digits (the check reads a decimal mark by the language,
the aligner drops separators), so this module reads what lies around them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from decimal import Decimal

from termwise import languages

_ZH_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "兩": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
# Traditional Chinese and Japanese write 万 and 亿 as 萬 and 億: "140億米ドル" is 14 billion.
_ZH_UNITS = {
    "十": 10,
    "百": 100,
    "千": 1000,
    "万": 10000,
    "萬": 10000,
    "亿": 100_000_000,
    "億": 100_000_000,
}
_ZH_NUMERAL = "零〇一二两兩三四五六七八九十百千万萬亿億"
_ZH_RUN = re.compile(f"[{_ZH_NUMERAL}]+")


def chinese_numerals(text: str) -> list[int]:
    """Values of the Chinese numerals in ``text`` (二百五十 is 250, 十四亿 1,400,000,000,
    一万五 15,000); a bare 百 or 千 is a word."""
    values: list[int] = []
    for run in _ZH_RUN.findall(text):
        if len(run) == 1 and run in _ZH_UNITS:
            continue
        if run[0] in _ZH_UNITS and _ZH_UNITS.get(run[1:2]) == _ZH_UNITS[run[0]]:
            # 千千, 万万, 千千万万: "thousands upon thousands", no count (四万万 is one).
            continue
        value = _numeral_value(run)
        if value >= 2:
            values.append(value)
    return values


def _numeral_value(run: str) -> int:
    """The value of one run of Chinese numerals, one included (一 of 一、 is a label's)."""
    # Below 亿, 万 groups as 亿 groups above it: 四亿三千万 is 4 亿 and 3000 万.
    hundred_millions = total = section = 0
    digit: int | None = None
    for position, char in enumerate(run):
        if char in _ZH_DIGITS:
            digit = _ZH_DIGITS[char]
            continue
        unit = _ZH_UNITS[char]
        if unit == 10000 and position and _ZH_UNITS.get(run[position - 1]) == 10000:
            # 万万 is 亿: 四万万 is 400 million, not 40,000.
            total *= unit
        elif unit == 10000:
            total += (section + (digit or 0)) * unit
            section = 0
        elif unit == 100_000_000:
            hundred_millions += (total + section + (digit or 0)) * unit
            total = section = 0
        else:
            section += (1 if digit is None else digit) * unit
        digit = None
    last = digit or 0
    if last and len(run) > 2 and run[-2] in _ZH_UNITS:
        # A digit straight after a counted scale is the next place down, as everyone
        # says it: 一万五 is 15,000 and 三千五 3,500 (一万零五, with 零, is 10,005; after
        # 十 the next place is the units). A scale that counts nothing before it is a
        # word: 万一 is "in case".
        last *= _ZH_UNITS[run[-2]] // 10
    return hundred_millions + total + section + last


# A bare 十 is ten ("门票十欧元", ten euros) but for the words it starts: 十分 ("very", though
# 十分之一 is a tenth, read as ten as English reads "a tenth"), 十足 ("full"), 十字
# ("cross"), 十全 ("perfect"). Japanese writes the tenth 十分の一 (十分の注意 is "enough
# care"). Left unread, "Tickets cost ten euros." weighed as much against 门票十欧元 as
# against any line, and the sentence the Chinese leaves out beside it was taken for the
# ticket's; the numbers check reported 百分之十 for "10%".
_ZH_BARE_TEN = re.compile(
    f"(?<![{_ZH_NUMERAL}])十(?![{_ZH_NUMERAL}])"
    r"(?!分(?!之|の[一二三四五六七八九])|足|字|全)"
)


def chinese_counts(text: str) -> list[int]:
    """``chinese_numerals`` and each bare 十 that counts ten: the numbers Chinese (and
    Japanese) text writes in characters, as the aligner and the numbers check read them."""
    return chinese_numerals(text) + [10] * len(_ZH_BARE_TEN.findall(text))


# The label that numbers a heading or a list item at a segment's start. As a Western text
# writes it: "1. Introduction", "2.3 Methods", "2.3.1. Data", "(1) Scope", "1) Scope", before
# the first word; as Chinese writes it: 一、, （一）, 第一章, 1、. A label is no figure of the
# text: a translation writes "1." as 一、 or drops a heading's number, as it may a Roman one.
_LABEL = re.compile(
    r"\s*(?:"
    r"(\d{1,2}(?:\.\d{1,2}){0,4})\.[ \t\u00a0]*(?=[^\W\d_])"
    r"|(\d{1,2}(?:\.\d{1,2}){1,4})[ \t\u00a0]+(?=[^\W\d_])"
    r"|[(（]?(\d{1,2})[)）][ \t\u00a0]*(?=[^\W\d_])"
    f"|第([{_ZH_NUMERAL}]+|\\d{{1,3}})[章节節部篇编編条條款卷]"
    r"|([一二三四五六七八九十]+|\d{1,2})[、．]"
    r"|[(（]([一二三四五六七八九十]+)[)）]"
    r")"
)


@dataclass(frozen=True)
class Label:
    """A heading's or list item's label at a segment's start, and its own number."""

    # The item's own number, which a translation keeps however it writes the label: 3 in
    # "2.3" (Chinese numbers sections 一、 and their parts （一）, the section's number gone).
    number: int
    # Where its number is written ("2.3", 一).
    start: int
    end: int


def leading_label(text: str) -> Label | None:
    """The label ``text`` starts with ("1.", "2.3", "(1)", 一、, （三）, 第一章), or None."""
    match = _LABEL.match(text)
    if match is None:
        return None
    group = next(index for index, found in enumerate(match.groups(), 1) if found)
    if scale_after(text, match.end(group)) is not None:
        # "2.5 million jobs": a figure, scaled, that begins the text.
        return None
    written = match.group(group)
    own = written.rsplit(".", 1)[-1]
    number = int(own) if own.isdecimal() else _numeral_value(own)
    return Label(number, match.start(group), match.end(group))


# A figure's scale, in the languages whose number words are read and in German and French:
# a language that writes a figure with its scale ("4.5 million") and one that writes it
# whole ("4 500 000") or with another scale (Chinese 450万, 14亿 for "1.4 billion") then
# agree. Every language reads it alike, so that "4,5 Millionen" and "4,5 millions" still do.
_FIGURE_SCALES = {
    "thousand": 10**3,
    "million": 10**6,
    "billion": 10**9,
    "billions": 10**9,
    "trillion": 10**12,
    "mil millones": 10**9,
    "billón": 10**12,
    "billones": 10**12,
    "billionen": 10**12,
    "mil": 10**3,
    "millón": 10**6,
    "millones": 10**6,
    "millions": 10**6,
    "milliard": 10**9,
    "milliards": 10**9,
    "millionen": 10**6,
    "milliarde": 10**9,
    "milliarden": 10**9,
    "mio": 10**6,
    "mrd": 10**9,
}
# The languages whose "billion" is a million millions (the long scale: French "1 billion" is
# the English "1 trillion"; their thousand millions is "milliard").
_LONG_SCALE = frozenset({"de", "fr", "it", "nl", "pl"})
# A Chinese scale (万, 千万, 亿) is read as a numeral and runs on into the next character,
# but for the units 千 and 百 make (千克 kg, 千米 km, 千瓦 kW, 百帕 hPa: "50千克" is 50 kg,
# not 50,000; "140億米ドル" is 14 billion US dollars) and the percent 百 starts (百分点,
# 百分之: "0.5百分点" is half a point, not 50); a word must end ("mil" is no scale in "milla").
_SCALE_AFTER = re.compile(
    r"(\s?)(?:([百千万萬亿億]+)(?!(?<=[百千])[克米瓦焦帕赫卡伏]|(?<=百)分)|("
    + "|".join(sorted(_FIGURE_SCALES, key=len, reverse=True))
    + r")(?!\w)\.?)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Scale:
    """The scale word or characters after a figure, from the space before it."""

    factor: int
    start: int
    end: int
    chinese: bool
    # Written apart from its figure ("5 亿"): the text spaces digits from Chinese characters.
    spaced: bool


def scale_after(text: str, position: int, lang: str | None = None) -> Scale | None:
    """The scale ``text`` writes at ``position``, right after a figure ("1.5 million",
    "450万", "2 Billionen": "billion" in ``lang``'s scale), or None."""
    match = _SCALE_AFTER.match(text, position)
    if match is None:
        return None
    spaced = bool(match.group(1))
    if match.group(2):
        [factor] = chinese_numerals("一" + match.group(2)) or [1]
        return Scale(factor, match.start(), match.end(), True, spaced)
    word = match.group(3).lower()
    factor = _FIGURE_SCALES[word]
    if word.startswith("billion") and lang and languages.primary(lang) in _LONG_SCALE:
        factor = 10**12
    return Scale(factor, match.start(), match.end(), False, spaced)


@dataclass(frozen=True)
class Figure:
    """A number written in digits, with its scale and the parts Chinese writes it in."""

    value: Decimal
    start: int
    # Where the number as written ends: its digits, or for a number in parts its last part
    # with that part's scale (5亿3000万), so that a report shows the whole number.
    end: int
    # The scales read, which a reader of number words must not read again.
    scales: tuple[tuple[int, int], ...]


def read_figures(
    numbers: Iterable[re.Match[str]],
    value: Callable[[str, bool], Decimal],
    lang: str | None = None,
) -> list[Figure]:
    """Every figure among ``numbers`` (matches of the caller's number pattern, in order),
    valued by ``value(figure, scaled)`` times its scale, a Chinese figure in parts summed.

    Chinese writes 530,000,000 as 5亿3000万 and 15,000 as 1万5000: a figure goes on from a
    Chinese scale when a smaller one follows it (by scale, or in digits filling the places the
    scale leaves: 万's four), or one digit straight after it, the next place down (1万5 is
    15,000, as 一万五). Text that spaces digits from Chinese characters ("5 亿 3000 万", as
    many writers and PDFs do) goes on across that space; where only the next figure is
    spaced ("10万 5000"), the two are a list, and a lone digit after a space is its own."""
    figures: list[Figure] = []
    last: Scale | None = None
    for match in numbers:
        text, written = match.string, match.group()
        scale = scale_after(text, match.end(), lang)
        adjacent = last is not None and match.start() == last.end
        goes_on = adjacent or (
            last is not None
            and last.spaced
            and match.start() == last.end + 1
            and text[last.end].isspace()
        )
        if scale is None:
            number = value(written, False)
            places = len(re.sub(r"\D", "", written))
            if last is not None and goes_on and 10**places == last.factor:
                figures[-1] = _joined(figures[-1], number, match.end(), None)
            elif last is not None and adjacent and places == 1:
                figures[-1] = _joined(figures[-1], number * (last.factor // 10), match.end(), None)
            else:
                figures.append(Figure(number, match.start(), match.end(), ()))
            last = None
            continue
        number = value(written, True) * scale.factor
        if last is not None and goes_on and number < last.factor:
            figures[-1] = _joined(figures[-1], number, scale.end, scale)
        else:
            figures.append(Figure(number, match.start(), match.end(), ((scale.start, scale.end),)))
        last = scale if scale.chinese else None
    return figures


def _joined(figure: Figure, part: Decimal, end: int, scale: Scale | None) -> Figure:
    scales = figure.scales if scale is None else (*figure.scales, (scale.start, scale.end))
    return replace(figure, value=figure.value + part, end=end, scales=scales)
