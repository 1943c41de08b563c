"""Whether a Chinese glossary term ends inside a word, by jieba's segmentation.

The matcher finds Chinese terms character by character, blind to words, and so took T14
中国梦 ("Chinese Dream") in 中国梦想 (中国 + 梦想, a non-official wording), and the checks let
it pass. A term is therefore not found where its end falls inside a word: where jieba's
best segmentation of the text runs a word across the term's end (梦想), and is far likelier
(``_LIKELIER``) than the best one with a word boundary there (中国 梦 | 想).

The rule is kept narrow. Chinese builds words on terms, and jieba, which does not know a
text's own names, readily glues a term's last character to the next: 以色列人 | 行割礼 read
as 以色列 人行 割礼 ("sidewalk"), 法老家 as 法 老家 ("hometown"), 黑暗中 as 黑 暗中
("secretly"). Such readings are barely likelier than a boundary after the term (at most 60
times on the Bible's Chinese lines), 中国梦想 300 times. Nor does a word count that starts
where the term does (律法书, 平安无事: a compound on the term, which holds it), or after a
single character of it (山 羊羔 for 山羊羔, 燔 祭坛 for 燔祭坛: jieba reads the characters as
another compound, no more), so a term of two characters is always found. Also:

- only jieba's dictionary words count, never its guesses at unknown words (no HMM);
- only between two Han characters: a Latin word or punctuation after a term is a boundary;
- a term followed by another word (人类命运共同体 + 意识) or a particle (的, 是, 和) ends at
  a boundary and stays found.

jieba is the segmenter term extraction uses too (``terms.candidates``, which may import
this layer but not the other way round); ``loaded_jieba`` starts it for both.
"""

from __future__ import annotations

import logging
import math
from bisect import bisect_left, bisect_right
from functools import lru_cache
from itertools import pairwise
from typing import Any

from termwise import languages

# How many times likelier (a natural log: a hundred times) jieba's segmentation with a word
# across a term's end must be than the best with a boundary there.
_LIKELIER = math.log(100)


def ends_inside_word(text: str, start: int, end: int) -> bool:
    """Whether the term at ``text[start:end]`` ends inside a word: one that starts within
    the term, after its first character, and goes on past its end."""
    # A word of two characters at least, then one that crosses the end: three at least.
    if not start + 3 <= end < len(text) or not (_han(text[end - 1]) and _han(text[end])):
        return False
    if not _word_across(text, start + 2, end):
        return False
    # jieba segments each run of Han characters (and the Latin letters and digits among
    # them) apart: the run around the term's end is all there is to segment.
    block = next(
        (found for found in loaded_jieba().re_han_default.finditer(text) if found.end() > end), None
    )
    if block is None or block.start() > start:
        return False
    piece, start, end = block.group(), start - block.start(), end - block.start()
    starts = _word_starts(piece)
    # The word holding the term's last character, and where it ends.
    index = bisect_right(starts, end - 1) - 1
    word_end = starts[index + 1] if index + 1 < len(starts) else len(piece)
    if not (start < starts[index] and word_end > end):
        return False
    # The term's own words before that one, one of two characters at least (中国 of 中国梦想):
    # one character before it (山 羊羔 of 山羊羔) says only that jieba reads the characters
    # as another compound.
    first = bisect_left(starts, start)
    leading = starts[first : index + 1]
    if leading[0] != start or all(b - a < 2 for a, b in pairwise(leading)):
        return False
    margin = _score(piece) - _score(piece[:end]) - _score(piece[end:])
    return margin >= _LIKELIER


def _word_across(text: str, first: int, end: int) -> bool:
    """Whether a word of jieba's dictionary starts at ``first`` or after, before ``end``,
    and goes on past ``end``: as jieba finds the words it chooses from, through the
    prefixes its dictionary holds of them. Most terms have none, and need no segmenting."""
    frequencies = loaded_jieba().dt.FREQ
    for word_start in range(first, end):
        word_end = end + 1
        while word_end <= len(text) and text[word_start:word_end] in frequencies:
            if frequencies[text[word_start:word_end]]:
                return True
            word_end += 1
    return False


def _han(char: str) -> bool:
    return languages.cjk_character(char, kana=False)


@lru_cache(maxsize=4096)
def _word_starts(block: str) -> tuple[int, ...]:
    """Where each word of jieba's segmentation of ``block`` starts, in order."""
    return tuple(start for _, start, _ in loaded_jieba().tokenize(block, HMM=False))


@lru_cache(maxsize=4096)
def _score(text: str) -> float:
    """The log-probability of jieba's best segmentation of ``text`` by its dictionary, as
    jieba's own route weighs it (a character it does not know as if seen once)."""
    jieba = loaded_jieba()
    frequencies, total = jieba.dt.FREQ, math.log(jieba.dt.total)
    return sum(math.log(frequencies.get(word) or 1) - total for word in jieba.cut(text, HMM=False))


@lru_cache(maxsize=1)
def loaded_jieba() -> Any:
    """jieba with its dictionary loaded, quietly: the one place termwise starts it."""
    import jieba  # type: ignore[import-untyped]

    # jieba announces loading its dictionary on stderr; a command's output is not the place.
    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba
