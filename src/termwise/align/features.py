"""What the aligner sees of a sentence: its length and the marks that must reappear in a translation.

Lengths are characters without spaces: Gale and Church showed that character counts of
translations are proportional; for Chinese and Japanese a character is the natural unit
(a word count would need a segmenter). Anchor marks are things a translator carries over:
numbers, question and exclamation marks, quotes, parentheses, colons, glossary concepts. Each
is counted in a small fixed number of classes (numbers and concepts hashed into buckets), so a
group's marks are a difference of prefix sums and the search can compare them for every
candidate group at once.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

import numpy as np
import numpy.typing as npt

from termwise import languages
from termwise.document.figures import chinese_counts, read_figures

# Read here by the tests and tools that compare the aligner's readings of numbers.
from termwise.document.figures import chinese_numerals as chinese_numerals

# Punctuation classes, each with its ASCII and full-width (CJK) forms.
PUNCTUATION_CLASSES: tuple[tuple[str, str], ...] = (
    ("question", "?？"),
    ("exclamation", "!！"),
    ("quote", '"“”„«»「」『』'),
    ("parenthesis", "(（[［"),
    ("colon", ":："),
    ("semicolon", ";；"),
)
NUMBER_BUCKETS = 8
CONCEPT_BUCKETS = 8
CLASS_NAMES: tuple[str, ...] = (
    *(name for name, _ in PUNCTUATION_CLASSES),
    *(f"number{k}" for k in range(NUMBER_BUCKETS)),
    *(f"concept{k}" for k in range(CONCEPT_BUCKETS)),
)
NUMBER_BASE = len(PUNCTUATION_CLASSES)
CONCEPT_BASE = NUMBER_BASE + NUMBER_BUCKETS
CLASS_COUNT = len(CLASS_NAMES)

# A number with its thousands and decimal separators: "1,000.5", "8839,8", "1 000".
_NUMBER = re.compile(r"\d+(?:[.,'’\u00a0\u202f]\d+)*")
_SPACE = re.compile(r"\s+")
SOFT_ENDS = frozenset(",，、")
# A line that ends with a colon or semicolon: the sentence goes on in the next line.
OPEN_ENDS = frozenset(":;：；")

Array = npt.NDArray[np.float64]


@dataclass
class SideFeatures:
    """Per sentence of one side: length, anchor-mark counts, paragraph starts, headings."""

    lengths: Array
    marks: npt.NDArray[np.int32]
    breaks: npt.NDArray[np.bool_]
    headings: npt.NDArray[np.bool_]
    # Ends with a comma: the text runs on (a verse that continues into the next one).
    soft_ends: npt.NDArray[np.bool_]
    # Hardly any letters ("- _-", "....."): OCR debris and rules, which belong to no group.
    debris: npt.NDArray[np.bool_]
    open_ends: npt.NDArray[np.bool_]
    # Page numbers and running headers of text taken from a PDF ("Die Alpen 1957 — 18"):
    # they belong to the page, and to no group (None: none found).
    furniture: npt.NDArray[np.bool_] | None = None
    # A translator's note ("(N.d.T. : …)", "[Translator's note: …]"): the translator's own
    # text, the translation of no source sentence (None: none found).
    notes: npt.NDArray[np.bool_] | None = None

    def __len__(self) -> int:
        return len(self.lengths)


# Numbers written as words, in English (the King James Bible's "threescore and ten"), in
# Spanish and in Chinese numerals, compared by value with each other and with digits.
# Values below 2 are left out: "one" and 一 are as often "a" as a count.
_EN_UNITS = {
    word: value
    for value, word in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ]
    )
}
_EN_ORDINALS = {
    word: value
    for value, word in enumerate(
        [
            "zeroth",
            "first",
            "second",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
            "eleventh",
            "twelfth",
            "thirteenth",
            "fourteenth",
            "fifteenth",
            "sixteenth",
            "seventeenth",
            "eighteenth",
            "nineteenth",
        ]
    )
}
# Fractions: "two thirds" is 三分之二 (both sides read the denominator and the numerator,
# "a third" and 三分之一 the denominator alone). "seconds" are time, "firsts" no fraction.
_EN_ORDINALS.update({word + "s": value for word, value in _EN_ORDINALS.items() if value >= 3})
_EN_TENS = {
    word: 10 * (k + 2)
    for k, word in enumerate(
        ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    )
}
_EN_TENS.update({word[:-1] + "ieth": value for word, value in _EN_TENS.items()})
_EN_SCALES = {
    "hundred": 100,
    "thousand": 1000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "score": 20,
}
_EN_WORD = re.compile(r"[a-z]+")
# Any word english_number_words reads a value from ("threescore" too): most sentences have
# none, and one regular-expression search is cheaper than walking their words.
_EN_ANY_NUMBER = re.compile(
    r"(?<![a-z])(?:"
    + "|".join(sorted({*_EN_UNITS, *_EN_ORDINALS, *_EN_TENS, *_EN_SCALES}, key=len, reverse=True))
    + r"|[a-z]*score)(?![a-z])"
)


def english_number_words(text: str) -> list[int]:
    """Values of the number words in ``text`` ("two hundred and fifty" is 250)."""
    lowered = text.lower()
    if not _EN_ANY_NUMBER.search(lowered):
        return []
    values: list[int] = []
    current: int | None = None
    total = 0
    # Whether the last number word was a unit or an ordinal: another one after it starts a
    # number of its own ("one tenth" is a tenth, not eleven; "the first three", three).
    after_unit = False
    words = _EN_WORD.findall(lowered)
    for position, word in enumerate(words):
        following = words[position + 1] if position + 1 < len(words) else ""
        if word in ("a", "an") and following in _EN_SCALES and following != "score":
            # "an hundred seventy and two" (the King James Bible), "a thousand": one of them.
            current = current or 0
            continue
        unit = _EN_UNITS.get(word, _EN_ORDINALS.get(word))
        value = _EN_TENS.get(word) if unit is None else unit
        if word.endswith("score") and word[:-5] in _EN_UNITS:
            value = _EN_UNITS[word[:-5]] * 20  # threescore
        if unit is not None and after_unit and current is not None:
            values.append(total + current)
            current, total = None, 0
        if value is not None:
            current = (current or 0) + value
            after_unit = unit is not None
        elif word.endswith("s") and word[:-1] in _EN_SCALES:
            # "ten thousands", "millions": a vague count (the King James Bible's "ten
            # thousands" is 万万, "thousands upon thousands"), not the number before it.
            current, total = None, 0
            after_unit = False
        elif word in _EN_SCALES:
            current = (current or 1) * _EN_SCALES[word]
            after_unit = False
            if _EN_SCALES[word] >= 1000:
                total, current = total + current, 0
        elif word == "and" and current is not None:
            continue
        elif current is not None:
            values.append(total + current)
            current, total = None, 0
    if current is not None:
        values.append(total + current)
    return [value for value in values if value >= 2]


# Spanish cardinals, compared by value with digits and with the other side's words ("a las
# cinco" and "at five"; "once" is eleven). Ordinals are left out: "segundo" is as often a
# second of time. Values below 2 are left out, as in English: "un", "una" are "a".
_ES_VALUES = {
    **{
        word: value
        for value, word in enumerate(
            [
                "cero",
                "uno",
                "dos",
                "tres",
                "cuatro",
                "cinco",
                "seis",
                "siete",
                "ocho",
                "nueve",
                "diez",
                "once",
                "doce",
                "trece",
                "catorce",
                "quince",
                "dieciséis",
                "diecisiete",
                "dieciocho",
                "diecinueve",
                "veinte",
                "veintiuno",
                "veintidós",
                "veintitrés",
                "veinticuatro",
                "veinticinco",
                "veintiséis",
                "veintisiete",
                "veintiocho",
                "veintinueve",
            ]
        )
    },
    **{
        word: 10 * (k + 3)
        for k, word in enumerate(
            ["treinta", "cuarenta", "cincuenta", "sesenta", "setenta", "ochenta", "noventa"]
        )
    },
    "cien": 100,
    "ciento": 100,
    **{
        word + ending: value
        for word, value in (
            ("dos", 200),
            ("tres", 300),
            ("cuatro", 400),
            ("seis", 600),
            ("sete", 700),
            ("ocho", 800),
            ("nove", 900),
        )
        for ending in ("cientos", "cientas")
    },
    "quinientos": 500,
    "quinientas": 500,
}
# The tens that "y" joins to a unit ("treinta y dos"; below thirty a number is one word).
_ES_TENS_JOINED = frozenset(range(30, 100, 10))
_ES_SCALES = {"mil": 1000, "millón": 1_000_000, "millones": 1_000_000}
# A fraction's denominator after its numerator ("dos tercios", "un décimo"), read as English
# reads "two thirds" and Chinese 三分之二: both numbers. ("cuartos" are rooms as often, and
# English "quarters" is not read.)
_ES_DENOMINATORS = {
    form: value
    for stem, value in (
        ("tercio", 3),
        ("quinto", 5),
        ("sexto", 6),
        ("séptimo", 7),
        ("octavo", 8),
        ("noveno", 9),
        ("décimo", 10),
    )
    for form in (stem, stem + "s")
}
# Words, and what lies between them other than spaces: a comma or a figure ends a number
# ("doscientos, cincuenta" are two).
_ES_TOKEN = re.compile(r"[a-zñáéíóúü]+|[^\sa-zñáéíóúü]+")
_ES_ANY_NUMBER = re.compile(
    r"(?<![a-zñáéíóúü])(?:"
    + "|".join(sorted({*_ES_VALUES, *_ES_SCALES}, key=len, reverse=True))
    + r")(?![a-zñáéíóúü])"
)


def spanish_number_words(text: str) -> list[int]:
    """Values of the Spanish number words in ``text`` ("doscientos cincuenta" is 250,
    "treinta y dos" 32, "dos mil" 2000)."""
    lowered = text.lower()
    if not _ES_ANY_NUMBER.search(lowered):
        return []
    values: list[int] = []
    current: int | None = None
    total = 0
    for word in _ES_TOKEN.findall(lowered):
        if word in _ES_VALUES:
            current = (current or 0) + _ES_VALUES[word]
        elif word in _ES_SCALES and current == 0 and total and _ES_SCALES[word] > 1000:
            total *= _ES_SCALES[word]  # "dos mil millones": mil millones is a billion
        elif word in _ES_SCALES:
            total, current = total + (current or 1) * _ES_SCALES[word], 0
        elif word in _ES_DENOMINATORS and current is not None:
            values.extend((total + current, _ES_DENOMINATORS[word]))
            current, total = None, 0
        elif word == "y" and current is not None and current % 100 in _ES_TENS_JOINED:
            # "y" joins tens and units only ("treinta y dos"): "dos y tres horas" are two
            # numbers, not five, and "las once y diez" no 21.
            continue
        elif current is not None:
            values.append(total + current)
            current, total = None, 0
    if current is not None:
        values.append(total + current)
    return [value for value in values if value >= 2]


def _no_numbers(text: str) -> list[int]:
    return []


_NUMBER_WORDS = {
    "en": english_number_words,
    "es": spanish_number_words,
    "zh": chinese_counts,
    # Japanese writes a bare 十 as Chinese does (十ユーロ, ten euros) and reads 十分 ("enough"),
    # 十字 ("cross") as words too.
    "ja": chinese_counts,
}


def bucket(value: str, buckets: int) -> int:
    """A stable bucket for ``value`` (Python's own ``hash`` of a str changes per process)."""
    return zlib.crc32(value.encode("utf-8")) % buckets


def written_numbers(text: str) -> list[str]:
    """The numbers ``text`` writes in digits, with their separators ("8847,60", "1'000")."""
    return _NUMBER.findall(text)


def number_key(text: str) -> str:
    """A number as both languages write it: separators dropped ("1,000.5" and "1.000,5" agree)."""
    digits = re.sub(r"\D", "", text).lstrip("0")
    return digits or "0"


_SEPARATOR = re.compile(r"[.,'’\u00a0\u202f]")


def _figure_value(figure: str, scaled: bool) -> Decimal:
    """A figure as the aligner compares it: its digits alone ("1,000.5" and "1.000,5"
    agree); before a scale, its last separator is a decimal mark but before three digits
    ("1,4 million", "1,400 million"), which every language reads alike there."""
    if not scaled:
        return Decimal(number_key(figure))
    parts = _SEPARATOR.split(figure)
    if len(parts) > 1 and len(parts[-1]) != 3:
        return Decimal(f"{''.join(parts[:-1])}.{parts[-1]}")
    return Decimal("".join(parts))


def figure_keys(text: str, lang: str | None = None) -> tuple[list[str], str]:
    """The ``number_key`` of every figure in ``text``, a figure with its scale read as its
    value ("4.5 million", 450万 and "4,5 millones" are 4500000, 5亿3000万 and "530 Millionen"
    530000000: ``read_figures``), and ``text`` with those scales blanked: the number words
    would read "million" again as a million of its own."""
    figures = read_figures(_NUMBER.finditer(text), _figure_value, lang)
    blanked = text
    for figure in figures:
        for start, end in figure.scales:
            blanked = blanked[:start] + " " * (end - start) + blanked[end:]
    return [str(int(figure.value)) for figure in figures], blanked


def is_debris(text: str) -> bool:
    """Fewer than three letters or digits: no sentence, whatever the language."""
    found = 0
    for char in text:  # stops at the third: most sentences are read no further
        if char.isalnum():
            found += 1
            if found == 3:
                return False
    return True


def sentence_length(text: str) -> int:
    return len(_SPACE.sub("", text))


def side_features(
    texts: Sequence[str],
    *,
    lang: str | None = None,
    paragraph_starts: Sequence[bool] | None = None,
    headings: Sequence[bool] | None = None,
    concepts: Sequence[frozenset[str]] | None = None,
) -> SideFeatures:
    """The features of every sentence of one side."""
    count = len(texts)
    words_of = _NUMBER_WORDS.get(languages.primary(lang) if lang else "", _no_numbers)
    lengths: Array = np.fromiter((sentence_length(t) for t in texts), np.float64, count)
    marks = np.zeros((count, CLASS_COUNT), np.int32)
    for row, text in enumerate(texts):
        for index, (_, chars) in enumerate(PUNCTUATION_CLASSES):
            marks[row, index] = sum(text.count(char) for char in chars)
        keys, words = figure_keys(text, lang)
        for key in keys:
            marks[row, NUMBER_BASE + bucket(key, NUMBER_BUCKETS)] += 1
        for value in words_of(words):
            marks[row, NUMBER_BASE + bucket(str(value), NUMBER_BUCKETS)] += 1
        if concepts is not None:
            for concept in concepts[row]:
                marks[row, CONCEPT_BASE + bucket(concept, CONCEPT_BUCKETS)] += 1
    breaks = np.zeros(count, np.bool_)
    if paragraph_starts is not None:
        breaks[:] = np.asarray(paragraph_starts, np.bool_)
    flags = np.zeros(count, np.bool_)
    if headings is not None:
        flags[:] = np.asarray(headings, np.bool_)
    last = [text.rstrip()[-1:] for text in texts]
    soft = np.fromiter((char in SOFT_ENDS for char in last), np.bool_, count)
    debris = np.fromiter((is_debris(text) for text in texts), np.bool_, count)
    opened = np.fromiter((char in OPEN_ENDS for char in last), np.bool_, count)
    from termwise.document.reading import page_lines

    pages = page_lines(texts)
    if headings is not None:
        # A heading the document marks ("## Chapter 3", Word's Heading 2) is the text's own.
        pages = {index for index in pages if not headings[index]}
    furniture = None
    if pages:
        furniture = np.zeros(count, np.bool_)
        furniture[sorted(pages)] = True
    notes: npt.NDArray[np.bool_] | None = np.fromiter(
        (is_translators_note(text) for text in texts), np.bool_, count
    )
    if notes is not None and not notes.any():
        notes = None
    return SideFeatures(lengths, marks, breaks, flags, soft, debris, opened, furniture, notes)


# What names a translator's note, in the languages a translator is likeliest to write one in:
# "N.d.T." (French, Italian, Spanish, Portuguese), "N. del T.", "N. do T.", "Anm. d. Übers.",
# "N.d.Ü.", "Translator's note", "T.N.:", "Прим. перев.", "译注" / "訳注"; "NdT" without its dots
# only before a colon or a closing bracket ("NDT" is also non-destructive testing).
_NOTE_MARKER = (
    r"n\.\s?d\.\s?[tü]\.?(?!\w)|nd[tü]\s*(?=[:)\]）］])|n\.\s?(?:del|do|da)\s?t\.?(?!\w)"
    r"|anm(?:\.|erkung)\s?(?:d\.|des)\s?(?:übers\.?|übersetzers|ü\.)"
    r"|notes? d[eu] (?:la )?tradu(?:ct|it)(?:eur|rice)|translator'?s'? note|trans\.\s?note|t\.\s?n\.\s*:"
    r"|nota del? tradu(?:ctor|ttore|ttrice)|nota do tradutor|прим(?:\.|ечание)\s?пер(?:ев)?\.?"
    r"|译注|譯註|译者注|訳注|訳者注"
)
# The marker opens the line (after a bracket, or Markdown's emphasis, which the reader keeps
# in the text: "*Nota del traductor: …*"), or closes a line in brackets: "(… — N.d.T.)".
_NOTE_OPENS = re.compile(r"[(\[（［*_]{0,3}\s*(?:" + _NOTE_MARKER + r")", re.IGNORECASE)
_NOTE_CLOSES = re.compile(
    r"[(\[（［].*[\s\-–—,(（](?:" + _NOTE_MARKER + r")\s*[)\]）］]\W*$", re.IGNORECASE
)


def is_translators_note(text: str) -> bool:
    """Whether a line is a translator's note: opens with the note's marker, or is in brackets
    and ends with it. A note translates nothing of the source; aligned as a sentence, it was
    paired with a source sentence the translation leaves out, as a sure group."""
    stripped = text.strip()
    return bool(_NOTE_OPENS.match(stripped) or _NOTE_CLOSES.match(stripped))


def coarsen(features: SideFeatures, block: int) -> SideFeatures:
    """Blocks of ``block`` consecutive sentences as single units (for the first, coarse pass)."""
    count = len(features)
    blocks = -(-count // block)
    index = np.arange(count) // block
    lengths: Array = np.bincount(index, weights=features.lengths, minlength=blocks).astype(
        np.float64
    )
    marks = np.zeros((blocks, CLASS_COUNT), np.int32)
    np.add.at(marks, index, features.marks)
    return SideFeatures(
        lengths=lengths,
        marks=marks,
        breaks=np.zeros(blocks, np.bool_),
        headings=np.zeros(blocks, np.bool_),
        soft_ends=np.zeros(blocks, np.bool_),
        debris=np.zeros(blocks, np.bool_),
        open_ends=np.zeros(blocks, np.bool_),
    )
