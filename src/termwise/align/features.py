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

import numpy as np
import numpy.typing as npt

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

_PUNCTUATION_OF = {
    char: index for index, (_, chars) in enumerate(PUNCTUATION_CLASSES) for char in chars
}
# A number with its thousands and decimal separators: "1,000.5", "8839,8", "1 000".
_NUMBER = re.compile(r"\d+(?:[.,'’\u00a0\u202f]\d+)*")
_SPACE = re.compile(r"\s+")

Array = npt.NDArray[np.float64]


@dataclass
class SideFeatures:
    """Per sentence of one side: length, anchor-mark counts, paragraph starts, headings."""

    lengths: Array
    marks: npt.NDArray[np.int32]
    breaks: npt.NDArray[np.bool_]
    headings: npt.NDArray[np.bool_]

    def __len__(self) -> int:
        return len(self.lengths)


def bucket(value: str, buckets: int) -> int:
    """A stable bucket for ``value`` (Python's own ``hash`` of a str changes per process)."""
    return zlib.crc32(value.encode("utf-8")) % buckets


def number_key(text: str) -> str:
    """A number as both languages write it: separators dropped ("1,000.5" and "1.000,5" agree)."""
    digits = re.sub(r"\D", "", text).lstrip("0")
    return digits or "0"


def sentence_length(text: str) -> int:
    return len(_SPACE.sub("", text))


def side_features(
    texts: Sequence[str],
    *,
    paragraph_starts: Sequence[bool] | None = None,
    headings: Sequence[bool] | None = None,
    concepts: Sequence[frozenset[str]] | None = None,
) -> SideFeatures:
    """The features of every sentence of one side."""
    count = len(texts)
    lengths: Array = np.fromiter((sentence_length(t) for t in texts), np.float64, count)
    marks = np.zeros((count, CLASS_COUNT), np.int32)
    for row, text in enumerate(texts):
        for char in text:
            found = _PUNCTUATION_OF.get(char)
            if found is not None:
                marks[row, found] += 1
        for number in _NUMBER.findall(text):
            marks[row, NUMBER_BASE + bucket(number_key(number), NUMBER_BUCKETS)] += 1
        if concepts is not None:
            for concept in concepts[row]:
                marks[row, CONCEPT_BASE + bucket(concept, CONCEPT_BUCKETS)] += 1
    breaks = np.zeros(count, np.bool_)
    if paragraph_starts is not None:
        breaks[:] = np.asarray(paragraph_starts, np.bool_)
    flags = np.zeros(count, np.bool_)
    if headings is not None:
        flags[:] = np.asarray(headings, np.bool_)
    return SideFeatures(lengths, marks, breaks, flags)


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
    )
