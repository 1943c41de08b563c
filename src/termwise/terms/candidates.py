"""Candidate terms: word n-grams bounded by function words and punctuation.

A term is a run of content words ("wind turbine", "rotor blade"), in French often joined by a
preposition ("angle de calage des pales"). Without a part-of-speech tagger (none installs
from the registries with its model inside; Chinese aside, whose words jieba's dictionary
tags: ``chinese``), function words and punctuation are the boundaries: a candidate never
starts or ends with one, never spans punctuation, and only the linking words of
``LINK_WORDS`` may stand inside it. Every such sub-run up to ``MAX_WORDS``
content words is a candidate, which C-value later sorts out ("blade" inside "rotor blade").

Pass one (``collect``) counts each candidate's occurrences and the cheap context clues the
combiner learns from (capitals away from the start of a sentence, a determiner before it, a
pronoun or "to" before it, which says verb); pass two (``find_occurrences``) gives the spans of
the few candidates that are kept, so that a large corpus never stores every span of every
n-gram.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import NamedTuple

from termwise import languages
from termwise.glossary.matcher import ADDRESS
from termwise.terms.chinese import FUNCTION, noun_phrase, verb_edge, word_class
from termwise.terms.general import (
    PARTICIPLE,
    PAST,
    THIRD_PERSON,
    is_foreign,
    known_share,
    mostly_third_person,
    verb_inflection,
    zipf,
)

MAX_WORDS = 5
# Most tokens in one candidate (content words plus linking words and articles).
MAX_TOKENS = 8

# Word-internal hyphens and apostrophes stay in the token ("aero-elastic", "d'eau" is split
# below); every other non-word character ends it.
_TOKEN = re.compile(r"\w+(?:[-\u2010\u2011\u2013'\u2019]\w+)*")
_DASHES = str.maketrans(dict.fromkeys("\u2010\u2011", "-") | {"\u2019": "'"})
_FRENCH_ELISION = re.compile(r"(?i)^(l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu|presqu)'")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# What ``ADDRESS`` (web and mail addresses, Markdown link destinations) misses: a domain
# written without "www." ("bwea.com", "adonis.osti.gov") and a file name ("calcs.html",
# "0E504.pdf"). A domain's ending in small letters only: "turbines.It" is a missing space.
_DOTTED_NAME = re.compile(
    r"(?<![\w.@/-])[\w-]+(?:\.[\w-]+)*"
    r"\.(?:(?:com|org|net|edu|gov|int|info|io)(?:\.[a-z]{2})?"
    r"|(?i:html?|php|aspx?|pdf|docx?|xlsx?|pptx?|csv|tsv|txt|xml|json|zip|png|jpe?g|gif|svg|tiff?))"
    r"(?![\w-])"
)
# What an address is masked with: no word, no space, so a BREAK token stands in its place.
_ADDRESS_MASK = "/"

# Linking words that may stand inside a candidate, and the articles allowed right after one.
LINK_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset({"of", "per"}),
    "fr": frozenset({"de", "d'", "du", "des", "à", "au", "aux", "en", "par"}),
    "es": frozenset({"de", "del"}),
    "pt": frozenset({"de", "do", "da", "dos", "das"}),
    "it": frozenset({"di", "del", "della", "dei", "delle", "da"}),
}
LINK_ARTICLES: dict[str, frozenset[str]] = {
    "fr": frozenset({"la", "l'", "le", "les"}),
    "es": frozenset({"la", "el", "los", "las"}),
}
# Context clues: a determiner before a candidate says noun; a pronoun, "to" or a modal before
# it, or a determiner right after it, says verb.
_DETERMINERS: dict[str, frozenset[str]] = {
    "en": frozenset(
        [
            "the",
            "a",
            "an",
            "this",
            "that",
            "these",
            "those",
            "its",
            "their",
            "our",
            "his",
            "her",
            "each",
            "every",
            "any",
            "some",
        ]
    ),
    "fr": frozenset(
        [
            "le",
            "la",
            "les",
            "l'",
            "un",
            "une",
            "des",
            "du",
            "ce",
            "cet",
            "cette",
            "ces",
            "son",
            "sa",
            "ses",
            "leur",
            "leurs",
        ]
    ),
}
_VERB_CUES: dict[str, frozenset[str]] = {
    "en": frozenset(
        [
            "to",
            "will",
            "would",
            "can",
            "could",
            "may",
            "might",
            "must",
            "should",
            "shall",
            "we",
            "they",
            "it",
            "he",
            "she",
            "i",
            "you",
            "also",
            "not",
            "which",
            "who",
        ]
    ),
    "fr": frozenset(
        [
            "ne",
            "n'",
            "se",
            "s'",
            "il",
            "ils",
            "elle",
            "elles",
            "on",
            "nous",
            "vous",
            "qui",
            "peut",
            "peuvent",
            "doit",
        ]
    ),
}


# The preposition that introduces a passive's agent: a participle right before it is a
# verb's ("the idea advocated by China"), where a compound adjective ("computer aided
# design") has its noun after it. English only: French "par" links a term's words
# ("production par éolienne").
_AGENT_CUES: dict[str, frozenset[str]] = {"en": frozenset(["by"])}


# Prepositions before a place: a capitalised word after them is mostly a place name ("in
# Germany", "en Norvège"), which a country's high general-language frequency hides.
_PLACE_CUES: dict[str, frozenset[str]] = {
    "en": frozenset(["in", "from", "across", "throughout", "within"]),
    "fr": frozenset(["en", "au", "aux", "à"]),
}


# French auxiliaries: a content word right after one is a participle or a predicate ("est
# converti en courant alternatif", "est appelée MPPT"), which opens no term; French links
# a term's words with prepositions, so without this "converti en courant alternatif" made
# "courant alternatif" look like a fragment of it (``scoring.fragment_shares``).
_AUXILIARY_CUES: dict[str, frozenset[str]] = {
    "fr": frozenset(
        [
            "est",
            "sont",
            "été",
            "était",
            "étaient",
            "sera",
            "seront",
            "serait",
            "seraient",
            "être",
            "étant",
            "soit",
            "soient",
            "fut",
            "furent",
            "a",
            "ont",
            "avait",
            "avaient",
            "aura",
            "auront",
            "aurait",
            "auraient",
            "avoir",
            "ayant",
        ]
    ),
}


class Heading(str):
    """A segment text that the document model marks as a heading: ``collect`` takes a
    document's segments as ``str``, a heading as ``Heading(text)``."""

    __slots__ = ()


# A one-word candidate found only in headings is a section's name ("Introduction",
# "Conclusion", "Purpose"), not a term of the text, when the heading is that word alone or
# general language knows it well (Zipf frequency at least this).
HEADING_GENERAL_ZIPF = 4.0

# Labels: a word written with a capital inside a sentence and followed by a number at least
# half the times it occurs ("Figure 3", "Table 2", "Version 4") is a caption or a
# cross-reference, not a term, when general language knows it well; these abbreviations are
# labels whatever their frequency ("Eqn 5", "Fig. 2").
LABEL_GENERAL_ZIPF = 4.0
_LABEL_ABBREVIATIONS: dict[str, frozenset[str]] = {
    "en": frozenset(
        ["fig", "figs", "eqn", "eqns", "eq", "eqs", "tab", "sec", "chap", "ref", "refs", "vol"]
    ),
    "fr": frozenset(["fig", "éq", "eq", "éqn", "tab", "réf", "chap", "vol", "annexe"]),
}
_BEFORE_NUMBER = re.compile(r"\.?\s*[(\[]?\d")
# A line of at least this many content words and at most ``TITLE_CASE_WORDS``, this share
# of them capitalised, is written in title case: a running header ("Wind Turbine Design
# Handbook"), a keyword line ("Keywords: Wind Energy, Aerodynamics, Airfoil"), a caption.
# Longer lines with as many capitals are reference lists, whose authors are names.
TITLE_CASE_SHARE = 0.75
TITLE_CASE_MIN_WORDS = 3
TITLE_CASE_WORDS = 12
# Punctuation that ends a sentence or a heading's number: a capital after it is no name's.
_CLAUSE_END = re.compile(r"[.:;!?]")

# A variable with a subscript: two or three capitals and one small letter ("EGy", "EFy",
# "CTr", "BEy"); a plural ("HAWTs") and the units "MWh", "GHz" are not.
_VARIABLE = re.compile(r"[A-Z]{2,3}[a-gi-ry]")
# A citation key: a word in capitals alone in square brackets, with at most a year or a
# short tag after it ("[KUN 97]", "[SAB 07_4]", "[MUL TI]", "[DOH]"), or in parentheses
# with a year ("(SMITH 2005)", "(SMITH, 2005)"): an author's name cut short, or a
# publisher's, that the text cites (``CandidateIndex.word_citation``).
_CITATION_KEY = re.compile(
    r"\[\s*([A-Z][A-Z'-]*[A-Z])(?:,?\s+\w{1,6})?\s*\]"
    r"|\(\s*([A-Z][A-Z'-]*[A-Z]),?\s+\d{4}[a-z]?\s*\)"
)


class Token(NamedTuple):
    """A word of a segment: its folded form, its kind and its span in the segment text.

    A named tuple: a long corpus has hundreds of thousands of them, and a frozen dataclass
    costs several times as much to create.
    """

    norm: str
    kind: int  # CONTENT, LINK, ARTICLE, NUMBER or BREAK
    start: int
    end: int
    capital: bool
    upper: bool = False


CONTENT, LINK, ARTICLE, BREAK, NUMBER = 0, 1, 2, 3, 4
# A number names part of a term right after a noun and before another word ("type 2
# diabetes", "class 3 recommendation"); after a preposition or with more digits it measures
# or counts ("capacity of 14 MW", "angle de 35 degrés"), at a candidate's start it counts
# ("3 blades"), at its end it numbers ("figure 3"). One number per candidate; the termhood
# features look through it (``FormStats.words`` holds words only).
MAX_DIGITS = 2


@dataclass(slots=True)
class FormStats:
    """What pass one learned about one candidate form (lower-cased, words space-joined)."""

    words: tuple[str, ...]  # its content words, folded
    count: int = 0
    docs: int = 0
    last_doc: int = -1
    # Occurrences not at the start of a segment, and how many of those begin with a capital,
    # have every content word capitalised, or are written in capitals.
    inside: int = 0
    capital: int = 0
    all_capital: int = 0
    upper: int = 0
    after_determiner: int = 0
    after_verb_cue: int = 0
    before_determiner: int = 0
    # Occurrences right after a content word: a phrase that opens with a past always there
    # follows its subject ("China upheld multilateralism"; ``scoring.inflected_verbs``).
    after_content: int = 0
    # Summed over occurrences: the share of the segment's words that wordfreq knows (prose
    # near 1; formulas, variable names and tables far lower).
    prose: float = 0.0
    surface: str = ""
    # Occurrences in a heading segment (``Heading``), and occurrences that begin with a
    # small letter and end with a capital ("enhancing China", "airfoil NACA").
    headings: int = 0
    small_to_capital: int = 0
    # Capitalised occurrences inside (not at a segment's start) of a one-word form that
    # stand next to another capitalised word ("War" of "the Cold War mentality", "Road" of
    # "Belt and Road"): the capital is the longer name's, not the word's (``name_part``).
    in_name: int = 0
    # Capitalised occurrences inside that start a sentence or heading all the same, after a
    # full stop, colon or number ("3.1. Advocating win-win cooperation"): the capital is
    # the sentence's, not a name's.
    clause_capital: int = 0
    # Of those, the ones whose full stop ends a title or an initial ("Dr. Kahraman
    # Albayrak", "O. Cahit Eralp"): the capital is the name's after all (``names``).
    titled: int = 0
    # Occurrences in a short line written in title case (``TITLE_CASE_SHARE``: a running
    # header, a keyword line, a caption): the capitals are the line's, not a name's.
    title_case: int = 0


@dataclass
class CandidateIndex:
    """Every candidate of a corpus with its counts, plus the corpus's word counts."""

    lang: str
    forms: dict[str, FormStats] = field(default_factory=dict)
    word_counts: dict[str, int] = field(default_factory=dict)
    # How often each word is written in capitals ("HAWT"): acronyms, not variable names.
    upper_counts: dict[str, int] = field(default_factory=dict)
    # Each word's neighbours over all its occurrences, a part-of-speech clue that does not
    # depend on the candidate it stands in: a determiner before it (noun), a pronoun, modal
    # or "to" before it (verb), a content word after or before it (a modifier: "upper" in
    # "upper body", "court" in "stockage court terme").
    word_after_determiner: dict[str, int] = field(default_factory=dict)
    word_after_verb_cue: dict[str, int] = field(default_factory=dict)
    word_before_content: dict[str, int] = field(default_factory=dict)
    word_after_content: dict[str, int] = field(default_factory=dict)
    word_after_place_cue: dict[str, int] = field(default_factory=dict)
    # Per word: occurrences right after a name, a word capitalised inside a sentence: the
    # name is a subject ("China upheld"), where a common noun before a participle may make
    # a compound adjective of it ("computer aided design"). A capital that starts a sentence
    # says nothing, so there the word before counts as a name only where the text never
    # writes it in small letters ("China upheld multilateralism." opening a text).
    word_after_name: dict[str, int] = field(default_factory=dict)
    # Per word: occurrences right after a content word that are a verb's all the same,
    # whatever that word is: before a passive's agent ("community advocated by China"), or
    # after a noun with a determiner before it, a whole noun phrase and so its subject
    # ("The country strengthened"), where a compound adjective's noun stands bare
    # ("computer aided design"). Never counted twice with ``word_after_name``.
    word_verb_after_content: dict[str, int] = field(default_factory=dict)
    # Per word: occurrences right before an adverb made from an adjective ("interacts
    # benignly"; English only, see ``_is_adverb``): a verb's, not a noun's.
    word_before_adverb: dict[str, int] = field(default_factory=dict)
    # Per word: occurrences right after a plural noun ("turbines convert", "farms produce"),
    # where a verb's base form agrees with its subject and a noun would seldom stand, and
    # those of them with a content word after, its object ("convert wind"). A plural does
    # modify a noun often enough ("earnings report", "systems design"), so a pair the text
    # writes more than once, a unit, counts not at all: a verb's subject varies. And
    # occurrences right before a name ("consolidate China's"): English puts a name before
    # the word it modifies, so a word before one is a verb's.
    word_after_plural: dict[str, int] = field(default_factory=dict)
    word_after_plural_before_content: dict[str, int] = field(default_factory=dict)
    word_before_name: dict[str, int] = field(default_factory=dict)
    # Per word: occurrences right before a finite verb, an auxiliary ("discharges were",
    # "shifts are") or a past with no content word after it ("discharges increased during",
    # where "affects treated patients" has its object after): a subject, so a noun, where a
    # verb is seldom followed by another (English only).
    word_before_finite: dict[str, int] = field(default_factory=dict)
    # Per word: occurrences written as a label before a number ("Figure 3"), and written as
    # a subscripted variable ("EGy").
    word_label: dict[str, int] = field(default_factory=dict)
    word_variable: dict[str, int] = field(default_factory=dict)
    # Per word: occurrences written as a citation key ("[KUN 97]", ``_CITATION_KEY``).
    word_citation: dict[str, int] = field(default_factory=dict)
    # Per word: occurrences right after an auxiliary (``_AUXILIARY_CUES``; French only).
    word_after_auxiliary: dict[str, int] = field(default_factory=dict)
    # Per word: how often the text writes it in small letters. A capital elsewhere is then
    # mostly a title's or a line's, no name's (``names``).
    small_counts: dict[str, int] = field(default_factory=dict)
    words: int = 0
    documents: int = 0


@cache
def stop_words(lang: str) -> frozenset[str]:
    """The function words of ``lang``: a shipped list, else wordfreq's most frequent words."""
    base = languages.primary(lang)
    try:
        text = (
            resources.files("termwise.terms")
            .joinpath(f"data/stopwords-{base}.txt")
            .read_text(encoding="utf-8")
        )
    except FileNotFoundError:
        from wordfreq import top_n_list

        try:
            return frozenset(top_n_list(base, 150))
        except LookupError:
            return frozenset()
    return frozenset(
        word for line in text.splitlines() if not line.startswith("#") for word in line.split()
    )


def fold(text: str) -> str:
    """The comparison form of a token: lower case, one kind of hyphen and apostrophe."""
    return text.translate(_DASHES).lower()


def tokenize(text: str, lang: str) -> list[Token]:
    """The tokens of one segment; punctuation between two words becomes a BREAK token, and
    so does a web or mail address or a file name (``without_addresses``)."""
    base = languages.primary(lang)
    text = without_addresses(text)
    if base in ("zh", "ja") or (base not in ("en", "fr") and _CJK.search(text)):
        return _tokenize_cjk(text, base)
    classify = _classifier(base)
    tokens: list[Token] = []
    previous_end = 0
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        gap = text[previous_end:start]
        if tokens and gap and not gap.isspace():
            tokens.append(Token("", BREAK, previous_end, start, False))
        previous_end = end
        raw = match.group()
        if base == "fr":
            elided = _FRENCH_ELISION.match(raw)
            if elided and elided.end() < len(raw):
                cut = start + elided.end()
                k = classify(text[start:cut])
                tokens.append(Token(k.norm, k.kind, start, cut, k.capital, k.upper))
                start = cut
        elif base == "en" and raw[-2:].lower() in ("'s", "\u2019s"):
            # A possessive ends the candidate: "China's foreign policy" names no term.
            k = classify(text[start : end - 2])
            tokens.append(Token(k.norm, k.kind, start, end - 2, k.capital, k.upper))
            tokens.append(Token("'s", BREAK, end - 2, end, False))
            continue
        k = classify(text[start:end] if start != match.start() else raw)
        tokens.append(Token(k.norm, k.kind, start, end, k.capital, k.upper))
    return tokens


def without_addresses(text: str) -> str:
    """``text`` with its web and mail addresses and file names masked, each character by
    ``_ADDRESS_MASK``: "www", "com", "html" and "nationalgrid" (grouped under "National
    Grid") were candidates. Masked in place, every offset after them stays the text's."""
    spans = [match.span() for match in _DOTTED_NAME.finditer(text)]
    if "://" in text or "www." in text or "@" in text or "](" in text:
        spans += [match.span() for match in ADDRESS.finditer(text)]
    if not spans:
        return text
    masked = list(text)
    for start, end in spans:
        masked[start:end] = _ADDRESS_MASK * (end - start)
    return "".join(masked)


class _Kind(NamedTuple):
    norm: str
    kind: int
    capital: bool
    upper: bool


@cache
def _classifier(base: str) -> Callable[[str], _Kind]:
    """A function from a token's text to its folded form and kind, remembering each word
    (a corpus repeats its words: each is classified once)."""
    stops = stop_words(base)
    links = LINK_WORDS.get(base, frozenset())
    articles = LINK_ARTICLES.get(base, frozenset())
    seen: dict[str, _Kind] = {}

    def classify(raw: str) -> _Kind:
        found = seen.get(raw)
        if found is None:
            norm = fold(raw)
            if norm in links:
                kind = LINK
            elif norm in articles:
                kind = ARTICLE
            elif norm.isdigit() and len(norm) <= MAX_DIGITS:
                kind = NUMBER
            elif norm in stops or not _is_word(norm):
                kind = BREAK
            else:
                kind = CONTENT
            found = _Kind(norm, kind, raw[:1].isupper(), _acronym(raw))
            if len(seen) < 1_000_000:
                seen[raw] = found
        return found

    return classify


def _acronym(raw: str) -> bool:
    """Written as an acronym: in capitals ("HAWT") or with two capitals or more ("HFrEF",
    "eGFR"), where a variable name has one at most ("Pref", "qres")."""
    return len(raw) > 1 and (raw.isupper() or sum(ch.isupper() for ch in raw) >= 2)


def _is_word(norm: str) -> bool:
    """A word can be part of a term: letters, not a lone letter, and no symbol letters
    (``has_symbol_letters``)."""
    if len(norm) < 2 or "_" in norm or not any(ch.isalpha() for ch in norm):
        return False
    return not has_symbol_letters(norm)


def has_symbol_letters(text: str) -> bool:
    """Letters from outside Latin-1 and Latin Extended-A, which in Latin-script text are
    formula symbols ("λr", "cos ϕ") or what PDF extraction made of them ("ǻf"); but a Greek
    letter joined by a hyphen to a Latin word names a thing in medicine and chemistry
    ("β-blocker", "TNF-α")."""
    for word in text.split():
        odd = [ch for ch in word if ord(ch) > 0x17F and ch.isalpha()]
        if not odd:
            continue
        latin = sum(1 for ch in word if ch.isalpha() and ord(ch) <= 0x17F)
        if "-" in word and latin >= 3 and all("\u0370" <= ch <= "\u03ff" for ch in odd):
            continue
        return True
    return False


def _tokenize_cjk(text: str, base: str) -> list[Token]:
    from termwise.glossary.chinese_words import loaded_jieba

    loaded_jieba()
    stops = stop_words(base)
    chinese = base == "zh"
    tokens: list[Token] = []
    for word, start, end in _cjk_words(text, stops, chinese):
        norm = fold(word)
        if not norm.strip() or not any(ch.isalnum() for ch in norm):
            if tokens and tokens[-1].kind != BREAK and norm.strip():
                tokens.append(Token("", BREAK, start, end, False))
            continue
        if norm in stops or norm.isdigit():
            kind = BREAK
        elif all(ch in _CJK_NUMERALS for ch in norm):
            # A numeral counts or numbers, as digits do: inside a term at most ("零和游戏").
            kind = NUMBER
        elif chinese and word_class(norm) == FUNCTION:
            # An adverb, a time word, an age ("二十三岁"): no part of a term.
            kind = BREAK
        else:
            kind = CONTENT
        tokens.append(Token(norm, kind, start, end, False))
    return tokens


_CJK_NUMERALS = frozenset("零〇一二三四五六七八九十百千万亿两")
# What joins words, and no word of jieba's HMM holds: a numeral, "的" and "之".
_CJK_JOINERS = _CJK_NUMERALS | {"的", "之"}


def _cjk_words(text: str, stops: frozenset[str], chinese: bool) -> Iterator[tuple[str, int, int]]:
    """jieba's words with their spans; a word jieba's dictionary lacks (its HMM guessed
    it) that begins or ends with a function word, or holds a numeral or the particle that
    joins a modifier to its noun ("的", "之"), is cut by the dictionary alone: "体是" of
    "人类命运体是" is "体" and "是", "人的禧" of "以色列人的禧年" "人", "的" and "禧", "宽四肘"
    "宽", "四" and "肘"; in Chinese, one that a verb ends or
    opens is cut there ("倘起行" of "从以倘起行": "倘" and "起行", ``chinese.verb_edge``)."""
    import jieba

    freq = jieba.dt.FREQ
    for word, start, end in jieba.tokenize(text):
        if len(word) > 1 and not freq.get(word):
            if word[0] in stops or word[-1] in stops or not _CJK_JOINERS.isdisjoint(word):
                position = start
                for piece in jieba.cut(word, HMM=False):
                    yield piece, position, position + len(piece)
                    position += len(piece)
                continue
            cut = verb_edge(word) if chinese else 0
            if cut:
                yield word[:cut], start, start + cut
                yield word[cut:], start + cut, end
                continue
        yield word, start, end


def joiner(lang: str) -> str:
    """What stands between two words of a form: nothing in Chinese and Japanese."""
    return "" if languages.primary(lang) in ("zh", "ja") else " "


def form_of(tokens: Sequence[Token], sep: str) -> str:
    """The folded form of a run of tokens; a French elision ("d'") takes no space after it."""
    if sep == "":
        return "".join(token.norm for token in tokens)
    parts: list[str] = []
    for token in tokens:
        parts.append(token.norm)
        if not token.norm.endswith("'"):
            parts.append(" ")
    return "".join(parts).rstrip()


def spans(tokens: Sequence[Token], sep: str = " ") -> Iterator[tuple[int, int, str]]:
    """Every candidate ``(i, j, form)``: ``tokens[i:j]`` starts and ends with a content word,
    spans no BREAK, holds at most ``MAX_WORDS`` content words, and any article follows a link.
    The form grows one token at a time, so each candidate costs one concatenation."""
    count = len(tokens)
    for i in range(count):
        if tokens[i].kind != CONTENT:
            continue
        words = 0
        numbers = 0
        form = tokens[i].norm
        for j in range(i, min(count, i + MAX_TOKENS)):
            token = tokens[j]
            kind = token.kind
            if j > i:
                if kind == BREAK:
                    break
                previous = tokens[j - 1]
                if kind == ARTICLE and previous.kind != LINK:
                    break
                if kind == LINK and previous.kind != CONTENT:
                    break
                if kind == NUMBER:
                    numbers += 1
                    if numbers > 1 or previous.kind != CONTENT:
                        break
                glue = "" if not sep or previous.norm.endswith("'") else sep
                form = form + glue + token.norm
            if kind in (CONTENT, NUMBER):
                words += 1
                if words > MAX_WORDS:
                    break
                if kind == CONTENT:
                    yield i, j + 1, form


def collect(documents: Iterable[Iterable[str]], lang: str) -> CandidateIndex:
    """Pass one over a corpus: ``documents`` yields each document's segment texts."""
    index = CandidateIndex(languages.normalize(lang))
    forms = index.forms
    word_counts = index.word_counts
    upper_counts = index.upper_counts
    after_determiner = index.word_after_determiner
    after_verb_cue = index.word_after_verb_cue
    before_content = index.word_before_content
    after_content = index.word_after_content
    after_place_cue = index.word_after_place_cue
    after_name = index.word_after_name
    verb_after_content = index.word_verb_after_content
    before_adverb = index.word_before_adverb
    after_plural = index.word_after_plural
    after_plural_before_content = index.word_after_plural_before_content
    before_name = index.word_before_name
    before_finite = index.word_before_finite
    # (plural, word after it): [occurrences, those with a content word after]; a pair
    # counts in ``word_after_plural`` only once the corpus shows it is no unit.
    plural_pairs: dict[tuple[str, str], list[int]] = {}
    sep = joiner(lang)
    base = languages.primary(lang)
    determiners = _DETERMINERS.get(base, frozenset())
    verb_cues = _VERB_CUES.get(base, frozenset())
    place_cues = _PLACE_CUES.get(base, frozenset())
    auxiliaries = _AUXILIARY_CUES.get(base, frozenset())
    after_auxiliary = index.word_after_auxiliary
    agent_cues = _AGENT_CUES.get(base, frozenset())
    titles = _TITLES.get(base, frozenset())
    adverbs = base == "en"
    labels = index.word_label
    variables = index.word_variable
    citations = index.word_citation
    lone_headings: set[str] = set()
    # Words written in small letters somewhere, and (word, the capitalised word that opens
    # its sentence right before it) counts: whether that opener is a name is known only
    # once the whole corpus is read.
    small = index.small_counts
    after_opener: dict[tuple[str, str], int] = {}
    for doc_number, segments in enumerate(documents):
        index.documents += 1
        for text in segments:
            tokens = tokenize(text, lang)
            running = [t.norm for t in tokens if t.kind != BREAK]
            if is_foreign(running, base):
                continue
            heading = isinstance(text, Heading)
            if heading:
                content = [t.norm for t in tokens if t.kind == CONTENT]
                if len(content) == 1:
                    lone_headings.add(content[0])
            prose = known_share(running, base)
            title_line = _title_case(text, tokens)
            keys = _citation_keys(text)
            previous = ""
            previous_kind = BREAK
            for position, token in enumerate(tokens):
                norm = token.norm
                if token.kind == CONTENT:
                    word_counts[norm] = word_counts.get(norm, 0) + 1
                    index.words += 1
                    if token.upper:
                        upper_counts[norm] = upper_counts.get(norm, 0) + 1
                        if _VARIABLE.fullmatch(text, token.start, token.end):
                            variables[norm] = variables.get(norm, 0) + 1
                        if token.start in keys:
                            citations[norm] = citations.get(norm, 0) + 1
                    if (
                        token.capital
                        and position > 0
                        and _BEFORE_NUMBER.match(text, token.end, token.end + 4)
                    ):
                        labels[norm] = labels.get(norm, 0) + 1
                    if not token.capital:
                        small[norm] = small.get(norm, 0) + 1
                    if (
                        adverbs
                        and position + 1 < len(tokens)
                        and tokens[position + 1].kind == CONTENT
                        and tokens[position + 1].norm.endswith("ly")
                        and _is_adverb(tokens[position + 1].norm)
                    ):
                        before_adverb[norm] = before_adverb.get(norm, 0) + 1
                    if adverbs and _before_finite(tokens, position):
                        before_finite[norm] = before_finite.get(norm, 0) + 1
                    if previous_kind == CONTENT:
                        after_content[norm] = after_content.get(norm, 0) + 1
                        before_content[previous] = before_content.get(previous, 0) + 1
                        if adverbs and token.capital and not tokens[position - 1].capital:
                            before_name[previous] = before_name.get(previous, 0) + 1
                        if adverbs and not tokens[position - 1].capital and _plural(previous):
                            pair = plural_pairs.setdefault((previous, norm), [0, 0])
                            pair[0] += 1
                            if position + 1 < len(tokens) and tokens[position + 1].kind == CONTENT:
                                pair[1] += 1
                        if (
                            position + 1 < len(tokens) and tokens[position + 1].norm in agent_cues
                        ) or (position > 1 and tokens[position - 2].norm in determiners):
                            verb_after_content[norm] = verb_after_content.get(norm, 0) + 1
                        elif tokens[position - 1].capital:
                            if position > 1 and not _starts_clause(text, tokens[position - 2]):
                                after_name[norm] = after_name.get(norm, 0) + 1
                            else:
                                key = (norm, previous)
                                after_opener[key] = after_opener.get(key, 0) + 1
                    elif previous in determiners:
                        after_determiner[norm] = after_determiner.get(norm, 0) + 1
                    elif previous in verb_cues:
                        after_verb_cue[norm] = after_verb_cue.get(norm, 0) + 1
                    elif previous in auxiliaries:
                        after_auxiliary[norm] = after_auxiliary.get(norm, 0) + 1
                    if token.capital and previous in place_cues:
                        after_place_cue[norm] = after_place_cue.get(norm, 0) + 1
                elif token.kind != BREAK:
                    index.words += 1
                previous, previous_kind = norm, token.kind
            for i, j, form in spans(tokens, sep):
                stats = forms.get(form)
                if stats is None:
                    words = tuple(t.norm for t in tokens[i:j] if t.kind == CONTENT)
                    stats = forms[form] = FormStats(
                        words, surface=text[tokens[i].start : tokens[j - 1].end]
                    )
                stats.count += 1
                stats.prose += prose
                if heading:
                    stats.headings += 1
                if title_line:
                    stats.title_case += 1
                if j - i > 1 and tokens[j - 1].capital and not tokens[i].capital:
                    stats.small_to_capital += 1
                if stats.last_doc != doc_number:
                    stats.last_doc = doc_number
                    stats.docs += 1
                if i > 0:
                    stats.inside += 1
                    before = tokens[i - 1].norm
                    if before in determiners:
                        stats.after_determiner += 1
                    elif before in verb_cues:
                        stats.after_verb_cue += 1
                    if tokens[i - 1].kind == CONTENT:
                        stats.after_content += 1
                    if tokens[i].capital:
                        stats.capital += 1
                        if _starts_clause(text, tokens[i - 1]):
                            stats.clause_capital += 1
                            if _after_title(text, tokens, i, titles):
                                stats.titled += 1
                        if j - i == 1 and name_part(tokens, i):
                            stats.in_name += 1
                        if all(t.capital for t in tokens[i:j] if t.kind == CONTENT):
                            stats.all_capital += 1
                        surface = text[tokens[i].start : tokens[j - 1].end]
                        if surface.isupper():
                            stats.upper += 1
                        elif not stats.surface[:1].isupper() or stats.surface.isupper():
                            # A form written in capitals first ("UNESCO") shows how the text
                            # writes it where a later occurrence does not ("Unesco").
                            stats.surface = surface
                # French "des", "du" after a noun link it to its complement ("durée de vie
                # des panneaux"): a preposition there, not an object's determiner.
                if j < len(tokens) and tokens[j].norm in determiners and tokens[j].kind != LINK:
                    stats.before_determiner += 1
    for (norm, opener), count in after_opener.items():
        if opener not in small:
            after_name[norm] = after_name.get(norm, 0) + count
    for (_, norm), (count, before_object) in plural_pairs.items():
        if count == 1:
            after_plural[norm] = after_plural.get(norm, 0) + 1
            if before_object:
                after_plural_before_content[norm] = after_plural_before_content.get(norm, 0) + 1
    _drop_variable_names(index, base)
    _drop_headings_and_labels(index, base, lone_headings)
    _drop_predicates(index)
    if base == "zh":
        _drop_non_noun_phrases(index)
    return index


_SENTENCE_ENDS = (".", "!", "?", "…", "。", "！", "？")
_CLOSING_QUOTES = "\"'”’»)"


def _title_case(text: str, tokens: Sequence[Token]) -> bool:
    """Whether a segment is a short line written in title case (``TITLE_CASE_SHARE``): a
    heading or a running header, never a sentence, whose capitals are its names' ("The
    United States and China signed the Paris Agreement.")."""
    if text.rstrip().rstrip(_CLOSING_QUOTES).endswith(_SENTENCE_ENDS):
        return False
    capitals = [token.capital for token in tokens if token.kind == CONTENT]
    return TITLE_CASE_MIN_WORDS <= len(capitals) <= TITLE_CASE_WORDS and sum(
        capitals
    ) >= TITLE_CASE_SHARE * len(capitals)


def _drop_non_noun_phrases(index: CandidateIndex) -> None:
    """Remove the Chinese candidates that are no noun phrase (``chinese.noun_phrase``): a
    verb alone ("倡导", "夯实") or with its object ("符合中国", "构建人类"), an adjective
    alone ("内在"); their features would have to tell them from terms by frequency alone.
    A numeral inside one measures ("宽四肘": four cubits wide), as a number after a
    preposition does in English."""
    doomed = [
        form
        for form, stats in index.forms.items()
        if not noun_phrase(stats.words) or len("".join(stats.words)) != len(form)
    ]
    for form in doomed:
        del index.forms[form]


def _drop_predicates(index: CandidateIndex) -> None:
    """Remove candidates whose first word stands right after an auxiliary wherever the text
    uses it (``_AUXILIARY_CUES``): a participle or a predicate with what follows it
    ("converti en courant alternatif", "vendu au tarif d'achat"), no term."""
    after = index.word_after_auxiliary
    if not after:
        return
    counts = index.word_counts
    doomed = [
        form
        for form, stats in index.forms.items()
        if after.get(stats.words[0], 0) >= counts.get(stats.words[0], 1)
    ]
    for form in doomed:
        del index.forms[form]


def _starts_clause(text: str, previous: Token) -> bool:
    """Whether the token after ``previous`` starts a sentence or a heading's title."""
    return previous.kind == NUMBER or (
        previous.kind == BREAK
        and not previous.norm
        and _CLAUSE_END.search(text, previous.start, previous.end) is not None
    )


# Titles written with a full stop before a person's name: the stop ends no sentence.
_TITLES = {
    "en": frozenset({"dr", "prof", "mr", "mrs", "ms", "messrs", "st", "rev", "sen", "gen"}),
    "fr": frozenset({"m", "mm", "mme", "mmes", "mlle", "dr", "pr", "me", "st", "ste"}),
}


def is_title(word: str, lang: str) -> bool:
    """Whether the folded ``word`` is a title written before a person's name ("prof",
    "dr"): part of no name of its own."""
    return word in _TITLES.get(languages.primary(lang), frozenset())


def is_label(index: CandidateIndex, word: str, general_zipf: float) -> bool:
    """Whether the folded ``word`` is a label's abbreviation ("Eqn", "Fig") or a word of
    general language (Zipf ``general_zipf`` or more) that the text writes as a label before
    a number at least half the times it uses it ("Figure 3", "Annex 1"); a name before a
    year or a reference ("Baucher (1842)") is none."""
    lang = languages.primary(index.lang)
    if word in _LABEL_ABBREVIATIONS.get(lang, frozenset()):
        return True
    return _labelled(index, word) and zipf(word, lang) >= general_zipf


def _labelled(index: CandidateIndex, word: str) -> bool:
    """Whether the text writes ``word`` as a label before a number at least half the times
    it uses it."""
    return index.word_label.get(word, 0) * 2 >= index.word_counts.get(word, 1)


def _after_title(text: str, tokens: Sequence[Token], i: int, titles: frozenset[str]) -> bool:
    """Whether ``tokens[i]`` follows a title or an initial and its full stop ("Dr.
    Kahraman", "O. Cahit"), which ``_starts_clause`` reads as a sentence's end."""
    if i < 2 or text[tokens[i - 1].start : tokens[i - 1].end].strip() != ".":
        return False
    word = tokens[i - 2]
    raw = text[word.start : word.end]
    return word.norm in titles or (len(raw) == 1 and raw.isupper())


def name_part(tokens: Sequence[Token], i: int) -> bool:
    """Whether the capitalised word ``tokens[i]`` is part of a longer capitalised name: a
    capitalised content word stands right before or after it, or across a linking word
    ("Cold War", "Belt and Road Initiative", "Bank of China", "Banque de France").
    Punctuation is a BREAK token, so a sentence end parts two names; "and" is no linking
    word, so "China and Russia" are two names, not one."""

    def capital_word(k: int) -> bool:
        return 0 <= k < len(tokens) and tokens[k].kind == CONTENT and tokens[k].capital

    def linking(k: int) -> bool:
        return 0 <= k < len(tokens) and tokens[k].kind in (LINK, ARTICLE)

    return (
        capital_word(i - 1)
        or capital_word(i + 1)
        or (linking(i + 1) and capital_word(i + 2))
        or (linking(i - 1) and capital_word(i - 2))
    )


def _drop_headings_and_labels(index: CandidateIndex, lang: str, lone_headings: set[str]) -> None:
    """Remove one-word candidates that name a section (found only in headings, see
    ``HEADING_GENERAL_ZIPF``) or label a figure, table or equation (``LABEL_GENERAL_ZIPF``)."""
    abbreviations = _LABEL_ABBREVIATIONS.get(lang, frozenset())
    adverbs = lang == "en"
    doomed = []
    for form, stats in index.forms.items():
        if len(stats.words) != 1 or form != stats.words[0]:
            # English puts a name before the word it modifies ("NACA airfoil", "China's
            # policy"): a small word before a capitalised one is two units that meet
            # ("enhancing China", "the airfoil NACA 0012").
            if adverbs and stats.small_to_capital == stats.count:
                doomed.append(form)
            continue
        if adverbs and _is_adverb(form):
            doomed.append(form)
            continue
        if stats.headings == stats.count and (
            form in lone_headings or zipf(form, lang) >= HEADING_GENERAL_ZIPF
        ):
            doomed.append(form)
            continue
        if _labelled(index, form) and (
            form in abbreviations or (stats.count >= 3 and zipf(form, lang) >= LABEL_GENERAL_ZIPF)
        ):
            doomed.append(form)
    for form in doomed:
        del index.forms[form]


# English auxiliaries and modals: finite verbs that follow their subject right away.
_AUXILIARIES = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "will",
        "would",
        "can",
        "could",
        "may",
        "might",
        "must",
        "shall",
        "should",
    ]
)


def _before_finite(tokens: Sequence[Token], position: int) -> bool:
    """Whether the content word at ``position`` stands right before a finite verb: an
    auxiliary, or a past with no content word after it, which would make an adjective of
    it ("reported more fatigue" is a verb's; "affects treated patients" an object's)."""
    if position + 1 >= len(tokens):
        return False
    after = tokens[position + 1]
    if after.norm in _AUXILIARIES:
        return True
    # A third person that general language writes mostly as a verb's, with no content word
    # right after it to be its own subject's noun ("The sales report lists all regions"):
    # the word before it is its subject.
    return (
        after.kind == CONTENT
        and not after.capital
        and (position + 2 >= len(tokens) or tokens[position + 2].kind != CONTENT)
        and (_past(after.norm) or _third_person(after.norm))
    )


@cache
def _past(word: str) -> bool:
    """An English past or participle ("increased", "grew", "upheld")."""
    return verb_inflection(word, "en") in (PAST, PARTICIPLE)


@cache
def _third_person(word: str) -> bool:
    """An English "-s" form general language writes mostly as its verb's ("lists",
    "affects"; ``general.mostly_third_person``)."""
    return verb_inflection(word, "en") == THIRD_PERSON and mostly_third_person(word, "en")


@cache
def _plural(word: str) -> bool:
    """An English plural noun: an "-s" form of a noun general language knows well
    ("turbines", "farms", "patients"), that is not mostly a verb's third person
    ("affects", "relies"), nor a singular ending in "s" ("gas", "status", "analysis")."""
    if len(word) < 4 or not word.endswith("s") or word.endswith(("ss", "us", "is")):
        return False
    singulars = [word[:-1]]
    if word.endswith("es"):
        singulars.append(word[:-2])
    if word.endswith("ies"):
        singulars.append(word[:-3] + "y")
    return any(zipf(s, "en") >= 3.0 for s in singulars) and not mostly_third_person(word, "en")


@cache
def _is_adverb(word: str) -> bool:
    """An English adverb made from a word general language knows ("benignly" from
    "benign", "steadily" from "steady", "notably" from "notable"): never a term alone,
    where "assembly", "supply" and "family" come from no such word."""
    if len(word) < 6 or not word.endswith("ly"):
        return False
    stem = word[:-2]
    bases = [stem]
    if stem.endswith("i"):
        bases.append(stem[:-1] + "y")
    if stem.endswith(("ab", "ib")):
        bases.append(stem + "le")
    if stem.endswith("ical"):
        bases.append(stem[:-2])
    return any(len(base) >= 4 and zipf(base, "en") >= 3.0 for base in bases)


def _citation_keys(text: str) -> frozenset[int]:
    """Where the citation keys of ``text`` start (``_CITATION_KEY``)."""
    if "[" not in text and "(" not in text:
        return frozenset()
    return frozenset(
        match.start(1) if match.group(1) else match.start(2)
        for match in _CITATION_KEY.finditer(text)
    )


def _drop_variable_names(index: CandidateIndex, lang: str) -> None:
    """Remove candidates with a short word that general language does not know and the text
    does not write in capitals: variable names and fragments ("pref", "pmax", "qres"), where
    an acronym would be written "HAWT"."""
    if lang in ("zh", "ja"):
        # One character alone is a morpheme, seldom a term ("体", "零").
        for form in [f for f in index.forms if len(f) == 1]:
            del index.forms[form]
        return
    suspects = {
        word
        for word, count in index.word_counts.items()
        if len(word) <= 5
        and index.upper_counts.get(word, 0) * 2 < count
        and zipf(word, lang) == 0.0
    }
    # Written as a subscripted variable ("EGy", "CTr") at least half the time.
    suspects.update(
        word
        for word, count in index.word_variable.items()
        if count * 2 >= index.word_counts.get(word, count)
    )
    if not suspects:
        return
    for form in [f for f, stats in index.forms.items() if suspects.intersection(stats.words)]:
        del index.forms[form]


def find_occurrences(
    segments: Sequence[str], lang: str, wanted: Collection[str]
) -> Iterator[tuple[int, str, int, int]]:
    """Pass two: ``(segment index, form, start, end)`` of every occurrence of a wanted form."""
    sep = joiner(lang)
    for number, text in enumerate(segments):
        tokens = tokenize(text, lang)
        for i, j, form in spans(tokens, sep):
            if form in wanted:
                yield number, form, tokens[i].start, tokens[j - 1].end
