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
# 兆 is 10**12 (a million millions) where ``_zhao_is_trillion`` says so.
_ZH_UNITS = {
    "十": 10,
    "百": 100,
    "千": 1000,
    "万": 10000,
    "萬": 10000,
    "亿": 100_000_000,
    "億": 100_000_000,
    "兆": 10**12,
}
_ZH_NUMERAL = "零〇一二两兩三四五六七八九十百千万萬亿億兆"
_ZH_RUN = re.compile(f"[{_ZH_NUMERAL}]+")
# The units an SI prefix written 千, 百 or 兆 makes, where that character is no scale: 千克
# (kg), 千米 (km), 千瓦 (kW), 百帕 (hPa), 兆瓦 (MW), 兆赫 (MHz), 兆字节 (MB), 兆位 and 兆比特
# (Mbit), 兆欧 (MΩ), 兆吨 (megatonne).
_SI_UNITS = {
    "百": "克米瓦焦帕赫卡伏",
    "千": "克米瓦焦帕赫卡伏",
    "兆": "瓦焦帕赫伏字位比欧歐吨噸",
}
_SI_UNIT = "|".join(f"(?<={prefix})[{units}]" for prefix, units in _SI_UNITS.items())
_SI_UNIT_AT = re.compile(_SI_UNIT)
# What makes 兆 a trillion in mainland Chinese, where it is as often "mega" with its unit
# left out (100兆宽带 is 100 Mbps broadband, 500兆流量 500 MB of data, 文件大小为20兆 a 20 MB
# file): money after it (3兆美元, "3 trillion dollars"; 多 or 余, "over", between) or a
# smaller scale further on (1兆2000亿, 三兆二千亿), as financial writing uses it.
_ZH_CURRENCY = (
    "[美日欧歐港韩韓澳加台新]{0,2}[元圆圓円币幣]|人民[币幣]|美金|英[镑鎊]|卢布|法郎|[块塊]"
)
_ZH_TRILLION_AFTER = re.compile(
    f"[多余餘]?(?:{_ZH_CURRENCY})|[0-9０-９.,{_ZH_NUMERAL}]*?[万萬亿億]"
)


def _zhao_is_trillion(text: str, after: int, lang: str | None) -> bool:
    """Whether the 兆 just before ``after`` in ``text`` (of ``lang``) is 10**12. Japanese
    (1兆円) and traditional Chinese (Taiwan, Hong Kong) read it so but before a unit; the
    mainland's SI prefix "mega" made a 100 Mbps line a hundred trillion."""
    if _SI_UNIT_AT.match(text, after):
        # Before a unit it is the SI prefix everywhere: 兆瓦 is never a trillion watts.
        return False
    if lang and (languages.primary(lang) == "ja" or languages.same_language(lang, "zh-Hant")):
        return True
    return _ZH_TRILLION_AFTER.match(text, after) is not None


# Two digits side by side with no place between them, the second one more (两三, 三四, 十五六,
# 七八万) or 三五 ("three to five"), say "two or three", "fifteen or sixteen": a range, read
# as both its ends, as English "two or three days" is read. Three or more digits in a row
# are no range (一九八九 has 八九 in it).
_ZH_DIGIT_CHARS = "".join(_ZH_DIGITS)
_ZH_RANGE = re.compile(
    f"(?<![{_ZH_DIGIT_CHARS}])([一二两兩三四五六七八])([二两兩三四五六七八九])(?![{_ZH_DIGIT_CHARS}])"
)
# Three or more digits with no place between them write a number digit by digit, as formal
# Chinese writes a year (一九八九年, 二〇二〇年, 二零二零年: 零 and 〇 are its zero); so does
# a digit before 〇, which no place-value numeral ends with (九〇年代, the nineties). Read
# place by place they were their last digit: 一九八九 was 9, and 二〇二〇 nothing.
# 两 counts things ("two of"), never a digit written for its own sake: 三三两两 ("in twos and
# threes") is no 3322.
_ZH_WRITTEN_DIGITS = _ZH_DIGIT_CHARS.replace("两", "").replace("兩", "")
_ZH_DIGIT_BY_DIGIT = re.compile(f"[{_ZH_WRITTEN_DIGITS}]{{3,}}|[{_ZH_WRITTEN_DIGITS}]〇")
# Two digits each said twice, with no place: the idioms 三三两两 ("in twos and threes") and
# 七七八八 ("more or less") count nothing; read, they were their last digit. One pair is a
# number: 七七日 and 七七节 are "seven weeks" (the Bible's Deuteronomy 16), 七七事变 the 7 July.
_ZH_DOUBLED_DIGITS = re.compile(f"(?:([{_ZH_DIGIT_CHARS}])\\1){{2,}}")
# 一 is "a" as often as "one" (一个, 一种) and counts nothing alone, but in a date: 十月一日
# is 1 October and 一九五〇年一月 January 1950, as 十月二日 and 二月 are 2.
_ZH_DATE_ONE = re.compile("(?<=月)一(?=[日号號])|(?<=年)一(?=月)")


def chinese_numerals(text: str, lang: str | None = None) -> list[int]:
    """Values of the Chinese numerals in ``text`` (二百五十 is 250, 十四亿 1,400,000,000,
    一万五 15,000, 一兆円 10**12; 两三百 is 200 and 300; 一九八九 1989, written digit by
    digit); a bare 百 or 千 is a word, 兆 a scale only where ``_zhao_is_trillion`` says so
    in ``lang`` (五十兆瓦 is 50 MW; None: as the mainland reads it), and a lone 一 counts
    only as a date's day or month (十月一日)."""
    values: list[int] = []
    for match in _ZH_RUN.finditer(text):
        run = match.group()
        zhao = run.find("兆")
        if zhao >= 0 and not _zhao_is_trillion(text, match.start() + zhao + 1, lang):
            # Only 兆: written in characters, 千 and 百 before a unit count as often as not
            # (五百米 is 500 metres).
            run = run[:zhao]
        if (
            run.endswith(("百", "千"))
            and _SI_UNIT_AT.match(text, match.start() + len(run))
            and _prefix_ends(run)
        ):
            run = run[:-1]
            if run == "十":
                # 十千克 is ten kilograms: a bare ten, which ``_ZH_BARE_TEN`` passes over
                # before the 千 it reads as a numeral's.
                values.append(10)
                continue
        if not run or (len(run) == 1 and run in _ZH_UNITS):
            continue
        if _ZH_DOUBLED_DIGITS.fullmatch(run):
            continue
        if run[0] in _ZH_UNITS and _ZH_UNITS.get(run[1:2]) == _ZH_UNITS[run[0]]:
            # 千千, 万万, 千千万万: "thousands upon thousands", no count (四万万 is one).
            continue
        if _ZH_DATE_ONE.match(text, match.start()):
            values.append(1)
            continue
        values.extend(value for value in _range_values(run) if value >= 2)
    return values


def _prefix_ends(run: str) -> bool:
    """Whether the 百 or 千 that ends ``run``, before a unit, is that unit's SI prefix: a
    numeral's places fall (千, 百, 十), so after a place no greater the count is over and
    五十千克 is 50 kg, not 1050 (五千克 stays 5000 of a gram, as 五千米 is 5000 metres)."""
    prefix = _ZH_UNITS[run[-1]]
    for char in reversed(run[:-1]):
        if char in _ZH_DIGITS:
            continue
        return _ZH_UNITS[char] <= prefix
    return False


def _range_values(run: str) -> list[int]:
    """The value of a run of numerals, or both ends of the range it writes (三四十: 30, 40)."""
    pair = _ZH_RANGE.search(run)
    if pair is not None:
        low, high = _ZH_DIGITS[pair.group(1)], _ZH_DIGITS[pair.group(2)]
        if high == low + 1 or (low, high) == (3, 5):
            return [
                _numeral_value(run[: pair.start(2)] + run[pair.end(2) :]),
                _numeral_value(run[: pair.start(1)] + run[pair.end(1) :]),
            ]
    return [_numeral_value(run)]


def _numeral_value(run: str) -> int:
    """The value of one run of Chinese numerals, one included (一 of 一、 is a label's)."""
    if _ZH_DIGIT_BY_DIGIT.fullmatch(run):
        return int("".join(str(_ZH_DIGITS[char]) for char in run))
    # Below 亿, 万 groups as 亿 groups above it: 四亿三千万 is 4 亿 and 3000 万.
    trillions = hundred_millions = total = section = 0
    digit: int | None = None
    for position, char in enumerate(run):
        if char in _ZH_DIGITS:
            # 零 holds an empty place and multiplies nothing: 零十 in 三个月零十天 ("three
            # months and ten days") is ten, as 一千零十 is 1010.
            digit = _ZH_DIGITS[char] or None
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
        elif unit == 10**12:
            trillions += (hundred_millions + total + section + (digit or 0)) * unit
            hundred_millions = total = section = 0
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
    return trillions + hundred_millions + total + section + last


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


def chinese_counts(text: str, lang: str | None = None) -> list[int]:
    """``chinese_numerals`` and each bare 十 that counts ten: the numbers Chinese (and
    Japanese) text writes in characters, as the aligner and the numbers check read them."""
    return chinese_numerals(text, lang) + [10] * len(_ZH_BARE_TEN.findall(text))


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
# A Chinese scale (万, 千万, 亿, 兆) is read as a numeral and runs on into the next character,
# but for the units an SI prefix makes (``_SI_UNITS``: "50千克" is 50 kg, not 50,000, and
# "50兆瓦" 50 MW; "140億米ドル" is 14 billion US dollars) and the percent 百 starts (百分点,
# 百分之: "0.5百分点" is half a point, not 50); a word must end ("mil" is no scale in "milla").
_SCALE_AFTER = re.compile(
    rf"(\s?)(?:([百千万萬亿億兆]+)(?!{_SI_UNIT}|(?<=百)分)|("
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
        written, end = match.group(2), match.end()
        zhao = written.find("兆")
        if zhao >= 0 and not _zhao_is_trillion(text, match.start(2) + zhao + 1, lang):
            written, end = written[:zhao], match.start(2) + zhao
            if not written:
                return None
        return Scale(_numeral_value("一" + written), match.start(), end, True, spaced)
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
