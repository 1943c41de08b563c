"""A PO file's line wrapping, found and followed: changed entries are written as the file's
other entries are.

termwise writes long strings on one line (``msgcat --no-wrap``). A file that msgcat, msgmerge
or Poedit wrote has its strings wrapped at 79 columns (``msgcat -w N`` at N); if termwise
wrote each entry it changed on one line while the others stayed wrapped, every save would
churn the file in version control. So :func:`detect_width` finds the width a file is
wrapped at, and :func:`rewrap` breaks the strings of the entries termwise writes where
gettext's ``wrap()`` (write-po.c) would: a line, quotes and prefix included, fills up to the
width; it breaks only where Unicode's line breaking (UAX #14, which gettext takes from
libunistring) allows, inside the escaped string, never inside an escape; and a string that
does not fit on its keyword line, or that holds a newline before its end, starts with ``""``.
Comments are never wrapped, as gettext leaves them.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from functools import lru_cache

# gettext's page width: ``msgcat`` and ``msgmerge`` wrap at it unless told -w or --no-wrap.
GETTEXT_WIDTH = 79
# Babel's ``write_po`` (and so pybabel) wraps at 76 by default.
BABEL_WIDTH = 76
# How much of a file is looked at to tell its wrapping: a book's file is 27 MB, and its
# first megabyte has hundreds of long strings.
_SAMPLE = 1 << 20

# A string's first line: optional obsolete / previous prefix, keyword, quoted text.
_KEYWORD = re.compile(
    r"^(?P<prefix>#~\| |#~ |#\| |)(?P<keyword>msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?) "
    r'"(?P<text>.*)"$'
)
_CONTINUATION = re.compile(r'^(?P<prefix>#~\| |#~ |#\| |)"(?P<text>.*)"$')
# One unit of an escaped PO string: an escape (never broken inside) or a character.
_UNIT = re.compile(r"\\.|.", re.DOTALL)


# -- finding the file's width -------------------------------------------------------------


def detect_width(data: bytes) -> int | None:
    """The width the file's strings are wrapped at, or None where they are not wrapped (no
    string broken anywhere but after a newline: termwise's own way, and ``--no-wrap``'s).

    Each string line tells something about the width W gettext wrapped at: a line with a
    break opportunity inside must fit (W at least its width), and a line gettext broke
    before the next word must not have had room for that word (W below the line's width
    plus the word's). ``msgcat -w 77`` or ``-w 100`` is told apart from 79 that way. A
    line edited by hand (typed past the width, or broken early) contradicts the others, so
    the width taken is the one the fewest lines contradict, "not wrapped" (every broken
    line contradicting it) among the candidates: one such line does not switch wrapping
    off. Where several widths fit as well, gettext's 79 (or Babel's 76, for a file whose
    lines are all that short) is taken when it is one of them, being the width nearly
    every file is written at, else the smallest.
    """
    lines = data[:_SAMPLE].decode("utf-8", errors="replace").split("\n")
    lower: list[int] = []  # W is at least each: a line that could have been broken
    upper: list[int] = []  # W is at most each: a broken line had no room for more
    longest = 0
    previous: tuple[str, int] | None = None  # the string line before: its text and width
    for line in lines:
        line = line.rstrip("\r")
        found = _KEYWORD.match(line) or _CONTINUATION.match(line)
        if found is None:
            previous = None
            continue
        text = found.group("text")
        width = display_width(line)
        broken = previous is not None and previous[0] and not _ends_with_newline(previous[0])
        if found.re is _CONTINUATION and previous is not None and broken:
            upper.append(previous[1] + _first_piece_width(previous[0], text) - 1)
        if _breakable(text):
            lower.append(width)
        longest = max(longest, width)
        previous = (text, width)
    if not upper:
        return None
    return _likeliest_width(sorted(lower), sorted(upper), longest)


def _likeliest_width(lower: list[int], upper: list[int], longest: int) -> int | None:
    """The width (None: not wrapped) that the fewest of the sorted bounds contradict (see
    :func:`detect_width`); a tie with "not wrapped" keeps the file unwrapped."""

    def contradicting(width: int) -> int:
        return len(lower) - bisect.bisect_left(lower, width + 1) + bisect.bisect_left(upper, width)

    preferred = (BABEL_WIDTH, GETTEXT_WIDTH) if longest <= BABEL_WIDTH else (GETTEXT_WIDTH,)
    # The count changes only at a bound: the fewest is reached at one of them.
    candidates = sorted({*lower, *upper, *preferred})
    fewest = min(contradicting(width) for width in candidates)
    if fewest >= len(upper):
        return None  # no width fits better than no wrapping at all
    best = [width for width in candidates if contradicting(width) == fewest]
    return next((width for width in preferred if width in best), best[0])


def _first_piece_width(line: str, following: str) -> int:
    """The columns of ``following``'s text up to its first break opportunity (all of it if
    it has none): what gettext would have had to fit on ``line`` to break later."""
    before = _UNIT.findall(line)
    units = before + _UNIT.findall(following)
    end = next(
        (index for index in range(len(before) + 1, len(units)) if _break_before(units, index)),
        len(units),
    )
    return display_width("".join(units[len(before) : end]))


def _ends_with_newline(escaped: str) -> bool:
    # "\n" at the end, not "\\n" (an escaped backslash before an "n").
    if not escaped.endswith("n"):
        return False
    body = escaped[:-1]
    return (len(body) - len(body.rstrip("\\"))) % 2 == 1


def _breakable(escaped: str) -> bool:
    units = _UNIT.findall(escaped)
    return any(_break_before(units, index) for index in range(1, len(units)))


# -- writing --------------------------------------------------------------------------------


def rewrap(text: str, width: int) -> str:
    """PO text (entries Babel wrote unwrapped) with every string wrapped as gettext wraps
    it at ``width``; comment lines and blank lines are left as they are."""
    out: list[str] = []
    lines = text.split("\n")
    index = 0
    while index < len(lines):
        found = _KEYWORD.match(lines[index])
        index += 1
        if found is None:
            out.append(lines[index - 1])
            continue
        prefix = found.group("prefix")
        parts = [found.group("text")]
        while index < len(lines):
            more = _CONTINUATION.match(lines[index])
            if more is None or more.group("prefix") != prefix:
                break
            parts.append(more.group("text"))
            index += 1
        out.extend(format_string(prefix, found.group("keyword"), "".join(parts), width))
    return "\n".join(out)


def format_string(prefix: str, keyword: str, escaped: str, width: int) -> list[str]:
    """The lines gettext writes for one string (already escaped) at ``width``."""
    units = _UNIT.findall(escaped)
    portions: list[list[str]] = [[]]
    for unit in units:
        portions[-1].append(unit)
        if unit == "\\n":
            portions.append([])
    if not portions[-1] and len(portions) > 1:
        portions.pop()
    head = f"{prefix}{keyword} "
    if len(portions) == 1:
        first = _break_lines(portions[0], display_width(head) + 1, width)
        if len(first) == 1:
            return [f'{head}"{escaped}"']
    lines = [f'{head}""']
    start = display_width(prefix) + 1
    for portion in portions:
        lines.extend(f'{prefix}"{"".join(part)}"' for part in _break_lines(portion, start, width))
    return lines


def _break_lines(units: list[str], start: int, width: int) -> list[list[str]]:
    """``units`` cut into lines greedily: a line (from column ``start``, closing quote
    included) holds as much as fits in ``width``; a piece no break opportunity splits
    stays whole, too long or not."""
    lines: list[list[str]] = []
    line_start = 0
    column = start
    last_break: int | None = None
    index = 0
    while index < len(units):
        if index > line_start and _break_before(units, index):
            last_break = index
        column += display_width(units[index])
        if column + 1 > width and last_break is not None:
            lines.append(units[line_start:last_break])
            line_start, last_break = last_break, None
            index = line_start
            column = start
            continue
        index += 1
    lines.append(units[line_start:])
    return lines


@lru_cache(maxsize=4096)
def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: East Asian wide characters take two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


# -- UAX #14 line breaking, as libunistring does it for gettext ----------------------------

# The pair table of UAX #14 (before × after): "_" a break is allowed, "%" only with spaces
# between, "^" never. Classes: OP CL CP QU GL NS EX SY IS PR PO NU AL ID IN HY BA BB B2.
_CLASSES = [
    "OP",
    "CL",
    "CP",
    "QU",
    "GL",
    "NS",
    "EX",
    "SY",
    "IS",
    "PR",
    "PO",
    "NU",
    "AL",
    "ID",
    "IN",
    "HY",
    "BA",
    "BB",
    "B2",
]
_TABLE_ROWS = {
    "OP": "^^^^^^^^^^^^^^^^^^^",
    "CL": "_^^%%^^^^%%___%%%__",
    "CP": "_^^%%%^^^%%%%_%%%__",
    "QU": "^^^%%%^^^%%%%%%%%%%",
    "GL": "%^^%%%^^^%%%%%%%%%%",
    "NS": "_^^%%%^^^_____%%%__",
    "EX": "_^^%%%^^^_____%%%__",
    "SY": "_^^%%%^^^__%__%%%__",
    "IS": "_^^%%%^^^__%__%%%__",
    "PR": "%^^%%%^^^__%%%%%%__",
    "PO": "%^^%%%^^^__%%_%%%__",
    "NU": "%^^%%%^^^%%%%_%%%__",
    "AL": "%^^%%%^^^%%%%_%%%__",
    "ID": "_^^%%%^^^_%___%%%__",
    "IN": "_^^%%%^^^_____%%%__",
    "HY": "_^^%_%^^^__%__%%%__",
    "BA": "_^^%_%^^^_____%%%__",
    "BB": "%^^%%%^^^%%%%%%%%%%",
    "B2": "_^^%%%^^^_____%%%_^",
}


_COLUMN = {name: index for index, name in enumerate(_CLASSES)}


def _pair(before: str, after: str) -> str:
    return _TABLE_ROWS[before][_COLUMN[after]]


_ASCII = {
    "!": "EX",
    '"': "QU",
    "$": "PR",
    "%": "PO",
    "'": "QU",
    "(": "OP",
    ")": "CP",
    "+": "PR",
    ",": "IS",
    "-": "HY",
    ".": "IS",
    "/": "SY",
    ":": "IS",
    ";": "IS",
    "?": "EX",
    "[": "OP",
    "\\": "PR",
    "]": "CP",
    "{": "OP",
    "|": "BA",
    "}": "CL",
}
_OTHER = {
    "\u00a0": "GL",
    "\u202f": "GL",
    "\u2007": "GL",
    "\u2011": "GL",
    "\u00a1": "OP",
    "\u00bf": "OP",
    "\u00ab": "QU",
    "\u00bb": "QU",
    "\u2018": "QU",
    "\u2019": "QU",
    "\u201c": "QU",
    "\u201d": "QU",
    "\u2039": "QU",
    "\u203a": "QU",
    "\u201a": "OP",
    "\u201e": "OP",
    "\u00b0": "PO",
    "\u2030": "PO",
    "\u2032": "PO",
    "\u2033": "PO",
    "\u00a2": "PO",
    "\u00a3": "PR",
    "\u00a5": "PR",
    "\u20ac": "PR",
    "\u00b1": "PR",
    "\u00ad": "BA",
    "\u2010": "BA",
    "\u2012": "BA",
    "\u2013": "BA",
    "\u2014": "B2",
    "\u2026": "IN",
    "\u2024": "IN",
    "\u2025": "IN",
    "\u3000": "BA",
    "\u3001": "CL",
    "\u3002": "CL",
    "\uff0c": "CL",
    "\uff0e": "CL",
    "\uff09": "CL",
    "\uff08": "OP",
    "\uff1a": "NS",
    "\uff1b": "NS",
    "\uff01": "EX",
    "\uff1f": "EX",
    "\u30fb": "NS",
    "\u30fc": "NS",
    "\u3005": "NS",
}
_CJK_OPEN = "\u3008\u300a\u300c\u300e\u3010\u3014\u3016\u3018\u301a"
# Small kana: a line does not start with one (class NS).
_SMALL_KANA = "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ"
_CJK_CLOSE = "\u3009\u300b\u300d\u300f\u3011\u3015\u3017\u3019\u301b"


@lru_cache(maxsize=8192)
def _class(char: str) -> str:
    """A character's UAX #14 class, as far as the pair table above tells them apart."""
    if char in _ASCII:
        return _ASCII[char]
    if char.isascii():
        return "NU" if char.isdigit() else "AL"
    found = _OTHER.get(char)
    if found is not None:
        return found
    if char in _CJK_OPEN:
        return "OP"
    if char in _CJK_CLOSE:
        return "CL"
    if char in _SMALL_KANA:
        return "NS"
    if unicodedata.category(char) == "Nd":
        return "NU"
    if unicodedata.east_asian_width(char) in "WF":
        return "ID"
    return "AL"


def _first_class(unit: str) -> str:
    return _class(unit[0])


def _last_class(unit: str) -> str:
    return _class(unit[-1])


def _is_space(unit: str) -> bool:
    return unit == " "


def _break_before(units: list[str], index: int) -> bool:
    """Whether a line may break between ``units[index - 1]`` and ``units[index]``."""
    after = units[index]
    if _is_space(after) or after == "\\n":
        return False  # spaces, and a newline, stay at the end of the line before the break
    if unicodedata.combining(after[0]):
        return False
    before_index = index - 1
    spaces = False
    while before_index >= 0 and _is_space(units[before_index]):
        spaces = True
        before_index -= 1
    if before_index < 0:
        return spaces  # after leading spaces only
    before_class, after_class = _last_class(units[before_index]), _first_class(after)
    if after_class == "OP" and before_class in ("AL", "NU") and display_width(after[0]) == 2:
        return True  # "x「": the rule that keeps "f(" together is for narrow brackets only
    pair = _pair(before_class, after_class)
    return pair == "_" or (pair == "%" and spaces)
