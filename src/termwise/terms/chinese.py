"""Parts of speech of Chinese words, from the tags of jieba's dictionary (``jieba.posseg``).

Chinese writes no boundary between a verb and its object, so the candidates of
``candidates.spans`` took verb phrases for terms ("符合中国", "提炼出", "努力争取") and a
word jieba's HMM guessed across a verb for a name ("倘起行" of "从以倘起行"). A term is a
noun phrase: its head is a noun (n, nr, ns, nt, nz, vn...) and what stands before the head
modifies it (a noun, an adjective, a distinguishing word: "公共外交", "新理念"). A verb is
no part of one: before a noun it is mostly a predicate with its object ("构建人类命运共同体"),
after one mostly the predicate of its subject ("社会关系联结"); the nominalised verbs of
terms ("全球治理": "治理" v) are the glossary's to find, and jieba tags most of them vn
("管理", "设计"). Adverbs, time words, pronouns, numerals with their classifiers
("二十三岁") and the like are no part of a term at all (``FUNCTION``).

jieba's tags are a word's in its dictionary, not in its sentence; tagging each sentence
with ``jieba.posseg.cut`` costs fifteen times jieba's cutting alone (20 s against 1.4 s
for the Chinese Bible) and gives the same tags to the dictionary's words. A word the
dictionary lacks (a name jieba's HMM guessed) counts as a noun.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

NOUN, MODIFIER, VERB, FUNCTION = "noun", "modifier", "verb", "function"

# ICTCLAS tags, as jieba's dictionary uses them, by their first letters: the longest
# prefix decides ("vn", a verb used as a noun, is a noun; "ad", an adjective used as an
# adverb, an adverb). "zg" and "g" mark characters jieba knows only inside words, which
# a transliterated name is made of ("书珥", "哈希录").
_CLASSES = {
    "n": NOUN,
    "vn": NOUN,
    "an": NOUN,
    "j": NOUN,
    "eng": NOUN,
    "zg": NOUN,
    "g": NOUN,
    "a": MODIFIER,
    "b": MODIFIER,
    "s": MODIFIER,
    "z": MODIFIER,
    "v": VERB,
    "ad": FUNCTION,
    "d": FUNCTION,
    "t": FUNCTION,
    "m": FUNCTION,
    "q": FUNCTION,
    "r": FUNCTION,
    "p": FUNCTION,
    "c": FUNCTION,
    "u": FUNCTION,
    "f": FUNCTION,
    "y": FUNCTION,
    "e": FUNCTION,
    "o": FUNCTION,
    "h": FUNCTION,
    "k": FUNCTION,
    "x": FUNCTION,
}
# Fixed expressions ("l": "社会关系", "必然选择") and idioms ("i": "提炼出", "心高气傲") are
# whatever their parts make of them; so are long words the dictionary tags as names
# ("符合中国" ns, "努力争取" nr: a verb or an adverb with what follows it).
_COMPOUND_TAGS = frozenset({"l", "i"})
_NAME_TAGS = frozenset({"nr", "ns", "nt", "nz", "nrt", "nrfg"})


def _tags() -> dict[str, str]:
    import jieba.posseg  # type: ignore[import-untyped]

    table: dict[str, str] = jieba.posseg.dt.word_tag_tab
    return table


@cache
def word_class(word: str) -> str:
    """What ``word`` is in a noun phrase: ``NOUN``, ``MODIFIER``, ``VERB`` or ``FUNCTION``
    (no part of a term)."""
    tag = _tags().get(word)
    if tag is None:
        return NOUN
    if tag in _COMPOUND_TAGS:
        parts = _halves(word)
        if parts is None:
            # An idiom jieba cannot part is a saying, no term ("心高气傲").
            return FUNCTION if tag == "i" else NOUN
        first, last = (word_class(part) for part in parts)
        # The head decides, and a verb before it makes a predicate with its object; an
        # adverb's tag is less sure ("互动关系": "互动" d).
        return NOUN if last == NOUN and first != VERB else VERB
    if tag in _NAME_TAGS and len(word) >= 4:
        parts = _halves(word)
        if parts is not None and word_class(parts[0]) in (VERB, FUNCTION):
            return VERB
    for size in (3, 2, 1):
        found = _CLASSES.get(tag[:size])
        if found is not None:
            return found
    return NOUN


def _halves(word: str) -> tuple[str, str] | None:
    """The two dictionary words ``word`` is most likely made of (a name's halves of two
    characters each or more), or None."""
    import jieba  # type: ignore[import-untyped]

    freq = jieba.dt.FREQ
    tags = _tags()
    best: tuple[int, tuple[str, str]] | None = None
    for cut in range(1, len(word)):
        first, last = word[:cut], word[cut:]
        if first not in tags or last not in tags:
            continue
        if tags[word] in _NAME_TAGS and min(len(first), len(last)) < 2:
            continue
        weight = min(freq.get(first, 0), freq.get(last, 0))
        if best is None or weight > best[0]:
            best = (weight, (first, last))
    return None if best is None else best[1]


def verb_edge(word: str) -> int:
    """Where a word jieba's HMM guessed (none of its dictionary's) parts from a verb of two
    characters or more that ends or opens it ("倘起行": 1, "倘" and "起行"), 0 where none
    does: the HMM glues a name to the verb after it."""
    tags = _tags()
    for cut in range(1, len(word) - 1):
        if tags.get(word[cut:]) is not None and word_class(word[cut:]) == VERB:
            return cut
    for cut in range(len(word) - 1, 1, -1):
        if tags.get(word[:cut]) is not None and word_class(word[:cut]) == VERB:
            return cut
    return 0


def noun_phrase(words: Sequence[str]) -> bool:
    """Whether the words of a candidate make a noun phrase: a noun at the end, nouns and
    modifiers before it."""
    *modifiers, head = (word_class(word) for word in words)
    return head == NOUN and all(c in (NOUN, MODIFIER) for c in modifiers)
