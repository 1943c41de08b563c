"""Finding every glossary term in real text, fast, with spans into the original string.

Real text is not the glossary's clean form: terms are inflected ("destiny communities"),
possessive ("country's"), hyphenated or not ("win-win", "win win"), broken across hard
line wraps, quoted with straight or curly marks, capitalised in headings. The matcher
therefore compares *keys*, not strings:

1. Dashes become spaces (one for one, so offsets do not move), the text is lower-cased, and
   ``str.split`` cuts it into whitespace-delimited tokens, all in C.
2. Each distinct token is keyed once (quotes, possessive, accents on request, Snowball stem
   via PyStemmer) and cached, so a token seen before costs one dict lookup. A token with no
   glossary word in it keys to a single separator.
3. One Aho–Corasick pass (pyahocorasick) over the joined keys finds all terms at once,
   whatever the size of the glossary. Every glossary word's code starts with one marker
   character, so the automaton's root has a single child and the many unknown tokens cost
   almost nothing; a text without the marker is not scanned at all.
4. Character offsets are worked out only for hits (about one per segment): the token index is
   a count of separators in the key, the token's offset follows from the token lengths.
5. Hits are checked for the per-term options (case-sensitive, exact), a short acronym's
   capitals ("US" is no "us") and the words' forms (number, gender, a noun's own forms),
   and of two terms of one concept under one key ("yaw", "yawing") the one whose words the
   text holds is taken; then the longest non-overlapping ones are kept ("human destiny
   community" over "destiny community").

Chinese and Japanese are matched character by character with whitespace ignored, because
they are written without spaces and hard line wraps fall anywhere; a Chinese term that ends
inside a longer word (中国梦 in 中国梦想) is not found (``chinese_words``).
"""

from __future__ import annotations

import math
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import ahocorasick

from termwise import languages
from termwise.glossary.chinese_words import ends_inside_word
from termwise.glossary.gender import head_index
from termwise.glossary.inflection import (
    agrees,
    article_plurals,
    either_number,
    gender_forms,
    has_number_agreement,
    head_size,
    is_function_word,
    is_negation,
    looks_infinitive,
    negates_noun,
    noun_positions,
    plural_forms,
    singular_forms,
    strip_accents,
)
from termwise.glossary.model import Glossary, Term, TermStatus
from termwise.glossary.tbx_basic import basic_value

_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d\u2043"
_APOSTROPHES = "'\u2019\u2018\u02bc\uff07\u0060\u00b4\u201b"
_QUOTE_MAP = str.maketrans(
    {
        **{ch: "'" for ch in _APOSTROPHES},
        **{ch: '"' for ch in "\u201c\u201d\u201e\u201f\u00ab\u00bb\u301d\u301e\uff02\u2033"},
        **{ch: "-" for ch in _DASHES},
    }
)
_OTHER_DASHES = _DASHES[1:]


def same_form(a: str, b: str) -> bool:
    """Whether two texts are the same words, case, spacing, line breaks, dashes and quote
    marks aside: not an inflected form of one another ("communities" is not "community")."""
    return _form(a) == _form(b)


# A web or mail address (the run of non-space characters around its mark) and a Markdown
# link's destination: no words to spell, no question to open, no term to replace ("una-
# franja-y-una-ruta" in a URL was a superseded rendering, and the fix broke the link).
ADDRESS = re.compile(
    r"\b[A-Za-z][A-Za-z0-9+.-]*://[^\s)\]>]*|\bwww\.[^\s)\]>]*"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\]\([^)\s]*"
)
# Code between backticks (a Markdown code span, or a name quoted so in plain text): the
# words are a program's, and constrained MT put a rendering after "`destiny community`"
# in place of the next word.
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)")
_TERM_FREE_MARKS = ("`", "://", "www.", "@", "](")


def term_free_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` holds no term: addresses, link destinations and code spans."""
    spans = [match.span() for match in ADDRESS.finditer(text)]
    if "`" in text:
        spans += [match.span() for match in _CODE_SPAN.finditer(text)]
    return spans


def words_said_already(text: str, start: int, end: int, replacement: str) -> tuple[str, ...]:
    """The phrases ``replacement`` adds to ``text[start:end]`` that the rest of ``text``
    says already, where it says each of them; empty where the replacement repeats nothing.

    "the Chinese nation, which is heading for a great rejuvenation": the official "great
    rejuvenation of the Chinese nation" in place of the variant names the nation twice. A
    phrase is a run of two words or more, without the short words at its ends ("of the"),
    within a few words of the term (``_NEAR_WORDS``): one word said elsewhere ("Chinese" for
    "of the Chinese nation"), or the phrase a clause or two away, is no repetition.
    """
    found = {word.lower() for word in _WORD_HEAD.findall(text[start:end])}
    runs: list[list[str]] = [[]]
    for word in _WORD_HEAD.findall(replacement):
        if word.lower() in found:
            runs.append([])
        else:
            runs[-1].append(word)
    phrases = []
    for run in runs:
        while run and len(run[0]) <= 3:
            run.pop(0)
        while run and len(run[-1]) <= 3:
            run.pop()
        if run:
            phrases.append(run)
    if not phrases or any(len(run) < 2 for run in phrases):
        return ()
    for run in phrases:
        # Near the term only: "The Chinese nation has stood up, grown rich and become strong,
        # and the national great rejuvenation…" takes the official form well.
        reach = _NEAR_WORDS + len(run)
        before = " ".join(_WORD_HEAD.findall(text[:start])[-reach:])
        after = " ".join(_WORD_HEAD.findall(text[end:])[:reach])
        pattern = r"(?<!\w)" + r"\W+".join(re.escape(word) for word in run) + r"(?!\w)"
        if not re.search(pattern, f"{before} | {after}", re.IGNORECASE):
            return ()
    return tuple(" ".join(run) for run in phrases)


# How many words from the term a phrase the official form would repeat may stand:
# "the Chinese nation, which is heading for a great rejuvenation" has five between.
_NEAR_WORDS = 6


def _form(text: str) -> list[str]:
    folded = unicodedata.normalize("NFKC", text).translate(_QUOTE_MAP).casefold()
    return folded.replace("-", " ").split()


_DASH_TO_SPACE = str.maketrans(dict.fromkeys(_DASHES, " "))
# Within a token (no whitespace, no dashes left): a word or a run of other characters; a
# possessive ("country's") becomes "country", "'", "s", so a term ending in "country" matches
# before the clitic and a fix keeps the clitic.
# An underscore is punctuation here, as Markdown's emphasis: "_Belt and Road Initiative_"
# holds the term (\w counts "_" as a letter, and the term was not found).
_PARTS = re.compile(r"[^\W_]+|[\W_]+")
_WORD_HEAD = re.compile(r"[^\W_]+")
_TOKEN = re.compile(r"\S+")
# Quotes, brackets and other marks around a glossary entry ("\u201cglobal village\u201d").
_EDGE_PUNCTUATION = re.compile(r"^\W+|\W+$")

_STEMMERS = {
    "en": "english",
    "es": "spanish",
    "fr": "french",
    "de": "german",
    "ru": "russian",
    "it": "italian",
    "pt": "portuguese",
    "nl": "dutch",
    "sv": "swedish",
    "da": "danish",
    "nb": "norwegian",
    "no": "norwegian",
    "fi": "finnish",
    "ro": "romanian",
    "hu": "hungarian",
    "tr": "turkish",
    "ca": "catalan",
    "el": "greek",
    "ar": "arabic",
    "pl": "polish",
    "cs": "czech",
}

# Key characters. Every token's key ends with one SEP; a token without a glossary word is
# SEP alone, so two SEPs in a row break a term. A glossary word is MARK and two characters
# from two disjoint alphabets of about sqrt(vocabulary) letters; punctuation that occurs in
# glossary terms has a character of its own, any other word or punctuation inside a token
# with a glossary word is ALIEN.
SEP = " "
MARK = "\x01"
ALIEN = "\x02"
_GAP_BASE = 0x03
_VOCAB_BASE = 0x1000
_CACHE_LIMIT = 500_000
# Starts a function word's vocabulary key, which is the word, apart from every stem.
_FUNCTION_WORD = "\x00"

# Common adverbs whose stem is a noun's: keyed as written, like function words, so that the
# adverb matches no noun term ("está bien" held the term "bienes", "c'est bien" "biens")
# and only a term that is the word itself matches it.
_ADVERBS = {
    "es": frozenset(
        (
            *("bien", "muy", "más", "tan", "tanto", "poco", "mucho", "casi", "ya", "aún"),
            *("todavía", "también", "tampoco", "siempre", "nunca", "jamás", "así", "aquí"),
            *("allí", "ahí", "allá", "acá", "hoy", "ayer", "luego", "pronto", "entonces"),
            *("quizás", "quizá", "además", "apenas", "bastante", "demasiado", "no", "sí"),
        )
    ),
    "fr": frozenset(
        (
            *("bien", "très", "plus", "moins", "peu", "trop", "assez", "beaucoup", "aussi"),
            *("encore", "déjà", "toujours", "jamais", "souvent", "ici", "là", "ainsi"),
            *("alors", "puis", "ensuite", "enfin", "tant", "mieux", "vite", "tôt", "bientôt"),
            *("partout", "ailleurs", "environ", "presque", "plutôt", "surtout", "pas", "non"),
            *("oui", "hier", "parfois", "désormais", "longtemps", "certes"),
        )
    ),
}


# Words written before a term, apart from it, that negate it as a prefix would: French
# "non gouvernemental", English "non zero-sum" (a hyphenated prefix is ``_GLUE``'s).
_NEGATING_WORDS = {"en": frozenset(("non",)), "fr": frozenset(("non",))}
# Hyphens that glue a word to the next into one compound ("non-zero-sum", "anti-corruption",
# "post-Cold War"): a term right after one is the compound's second half, which names
# another thing, often the opposite. Not the en and em dashes, which set words apart
# ("cooperation—win-win cooperation").
_GLUE = "-\u2010\u2011"


class _Derivation(NamedTuple):
    """A noun- or adjective-forming suffix that Snowball strips, so that the derived word
    and the word it is made from share a stem: its endings (accent-free, every inflected
    form) and ``reach``, how many of an ending's letters the stem may keep and the word
    still count as derived (None: every word with the ending, where no other word's
    inflection ends so). ``stressed_reach``, where set, is the reach for a word written with
    an accent before the ending: the stress mark of a Spanish -ico/-ica word (always
    proparoxytone: "técnica", "física"), which a verb in -icar never has ("aplica").
    ``gendered``: the endings are an adjective's two genders, which a term's head keeps
    (``TermMatcher._check_words``)."""

    endings: tuple[str, ...]
    tag: str
    reach: int | None
    stressed_reach: int | None = None
    gendered: bool = False


# Derivations keyed apart from their stem ("traitement" and "il traite", "organisation"
# and "organiser", "conocimiento" and "conoce", "government" and "govern" share a Snowball
# stem): a word with one keys as its stem plus the suffix's tag, so that a derived term
# never matches the word it is made from, and its plural keeps its tag. The
# first family whose ending a word has and whose reach it is within decides. A reach
# keeps a plain inflection apart from the suffix it looks like: "limité" and "limitée"
# (not "-ité": the stem keeps "it"), "mismo" and "misma" (no "-ismo").
_DERIVATIONS = {
    "fr": (
        # Snowball strips "-ment" from nouns and adverbs ("enseignement" and "enseigne",
        # "paiement" and "paie", "vraiment" and "vrai").
        _Derivation(("ments", "ment"), "ment", 3),
        _Derivation(("ations", "ation"), "ation", 0),
        # Every "-ion": "fonction" and "il fonctionne", "formation" and "format" (step 4
        # strips "-ion" after s or t), though "nous fonctionnions" stays with the noun.
        _Derivation(("ions", "ion"), "ion", None),
        _Derivation(("ateurs", "ateur", "atrices", "atrice"), "ateur", None),
        _Derivation(("ites", "ite"), "ite", 0),  # "activité" and "activer"
        _Derivation(("ances", "ance"), "ance", 0),
        _Derivation(("ences", "ence"), "ence", 2),  # "différence" → "différent"
        # Adjectives: "économique" and "économie", "directive" and "direct", "productif"
        # and "produit".
        _Derivation(("iques", "ique"), "ique", 0),
        _Derivation(("ifs", "if", "ives", "ive"), "if", 0, gendered=True),
        # A doctrine and its follower: "capitalisme" and "capitaliste" (and "capital").
        _Derivation(("ismes", "isme"), "isme", 0),
        _Derivation(("istes", "iste"), "iste", 0),
    ),
    "es": (
        _Derivation(("aciones", "acion"), "acion", None),
        # "función" and "funciona", "gestión" and "gestiona": the same stem.
        _Derivation(("iones", "ion"), "ion", None),
        _Derivation(("imientos", "imiento", "amientos", "amiento"), "miento", None),
        _Derivation(("adores", "ador", "adoras", "adora"), "ador", 0),
        _Derivation(("idades", "idad"), "idad", None),  # "actividad" and "activo"
        _Derivation(("ancias", "ancia"), "ancia", 0),  # "importancia" and "importa"
        _Derivation(("encias", "encia"), "encia", 2),  # "diferencia" → "diferent"
        _Derivation(("anzas", "anza"), "anza", 0),  # "enseñanza" and "enseña"
        # Adjectives: "económico" and "economía", "productivo" and "producto", "objetivo"
        # and "objeto".
        _Derivation(("icos", "ico", "icas", "ica"), "ic", 0, stressed_reach=2, gendered=True),
        _Derivation(("ivos", "ivo", "ivas", "iva"), "iv", 0, gendered=True),
        # A doctrine and its follower: "capitalismo" and "capitalista", "economista" and
        # "economía". Reach 0 keeps "mismo", "lista" and "revista" plain words.
        _Derivation(("ismos", "ismo"), "ismo", 0),
        _Derivation(("istas", "ista"), "ista", 0),
    ),
    "en": (
        _Derivation(("ments", "ment"), "ment", 3),  # "government" and "govern"
        _Derivation(("ators", "ator"), "ator", None),  # "generator" and "generated"
        _Derivation(("ations", "ation"), "ation", 0),  # "information" and "inform"
        _Derivation(("ions", "ion"), "ion", None),  # "production" and "product"
        _Derivation(("ances", "ance"), "ance", 0),  # "performance" and "perform"
        _Derivation(("ences", "ence"), "ence", 0),  # "difference" and "differ"
        _Derivation(("ities", "ity"), "ity", 0),  # "activity" and "active"
        _Derivation(("ives", "ive"), "ive", 0),  # "directive" and "direct"
        _Derivation(("isms", "ism"), "ism", 0),  # "socialism" and "social"
        _Derivation(("ists", "ist"), "ist", 0),
    ),
}
_DERIVED_ENDINGS = {
    base: tuple(ending for family in families for ending in family.endings)
    for base, families in _DERIVATIONS.items()
}
# The feminine of such an adjective is so often a noun of its own that a feminine head of a
# term keeps its gender: "la política" (policy) is not "el político", "la técnica" not "el
# técnico", "la directiva" not "directivo", "la directive" (an EU directive) not
# "directif". A masculine head is a person ("médico", "la médica" too) or the adjective
# itself ("estratégico", "una visión estratégica") as often: it matches both genders, as
# before these suffixes were keyed apart. An adjective after the head may take the other
# gender: it may modify another noun ("una ruta de desarrollo pacífica").
_GENDERED_TAGS = tuple(
    "\x00" + family.tag
    for families in _DERIVATIONS.values()
    for family in families
    if family.gendered
)
# Spanish keeps a word ending in a consonant apart from the same stem plus a vowel, which
# Snowball strips as an ending ("salud" and "saludo", "valor" and "valora", "control" and
# "controla"): its plural ("saludes"), stemmed to the bare stem, is found through the
# plural forms (``TermMatcher._add_plurals``). An apocope is its whole form's word ("buen"
# and "bueno").
_SPANISH_CONSONANT = "\x00c"
_SPANISH_APOCOPES = frozenset(("buen", "mal", "gran", "san", "algun", "ningun", "cualquier"))
_VOWELS = frozenset("aeiouy")
# The last letters of a ``_GENDERED_TAGS`` adjective's feminine (``_gender_letter``).
_FEMININE_LETTERS = frozenset("ae")
# A written stress mark (``_Derivation.stressed_reach``).
_STRESS_MARKS = frozenset("áéíóú")


class TermMatch(NamedTuple):
    """One occurrence of a term: which concept and term, and exactly where it is in the text.

    A named tuple rather than a frozen dataclass: a frozen dataclass costs ten times as much
    to create, and a long document has a match in almost every segment.
    """

    concept_id: str
    term: Term
    status: TermStatus
    start: int
    end: int
    text: str
    # Other concepts that have a term with the same key (a rendering shared by two concepts).
    also: tuple[str, ...] = ()

    @property
    def concepts(self) -> tuple[str, ...]:
        """Every concept the text may name: a target term two concepts share ("seguridad"
        for security and safety) is either's, and a check that read only ``concept_id``
        took a translation of "safety" as missing its term."""
        return (self.concept_id, *self.also) if self.also else (self.concept_id,)


@dataclass(frozen=True)
class _Entry:
    concept_id: str
    term: Term
    tokens: tuple[str, ...]  # the term's tokens, normalised but not stemmed (for exact/case checks)
    # The term's words case-folded with their accents, which the number rules read even
    # where matching ignores accents ("interés" is no invariable "interes").
    words: tuple[str, ...]
    ascii: bool  # no accents to compare
    plain: bool  # nothing to check after the key matched (no case, exact, accent or number check)
    # Indexes of the words of a hyphenated compound, which need not agree in number.
    compound: frozenset[int] = frozenset()
    # The index of the head word whose gender must be kept (``_GENDERED_TAGS``), if any.
    gendered: int | None = None
    # Indexes of nouns with an adjective's ending (``inflection.gender_forms``), which the
    # other gender's form is not: "un étranger" is no "étrangère" (a foreign woman).
    fixed_genders: tuple[int, ...] = ()
    # Indexes of nouns found only as their own number's forms (``TermMatcher._own_number``):
    # "communauté de destin" is no "communauté de destinée".
    own_number: tuple[int, ...] = ()
    # Indexes of words found only written in capitals (``acronyms_of``).
    capitals: tuple[int, ...] = ()

    # The first three fields of a ``TermMatch`` of this entry, ready to splice in.
    head: tuple[str, Term, TermStatus] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "head", (self.concept_id, self.term, self.term.status))


# (start, end, entry, other concepts): a hit before the longest-match selection.
_Candidate = tuple[int, int, _Entry, tuple[str, ...]]
# ``TermMatch(...)`` goes through a Python-level ``__new__``; this is the C constructor.
_new_match = tuple.__new__


class TermMatcher:
    """All terms of one language in a glossary, ready to be found in any text of that language."""

    def __init__(
        self,
        glossary: Glossary,
        lang: str,
        *,
        accent_insensitive: bool = False,
        statuses: Iterable[TermStatus] | None = None,
    ) -> None:
        self.lang = languages.normalize(lang)
        self.accent_insensitive = accent_insensitive
        self.cjk = languages.is_cjk(self.lang)
        base = languages.primary(self.lang)
        # Chinese terms are found only where a word ends (``chinese_words``).
        self._chinese = base == "zh"

        self._stem_word = _stemmer(base)
        self._base = base
        # A glossary word's plural whose stem is not the word's ("luces" for "luz"), folded
        # as ``surface`` folds it → the word's code (see ``inflection.plural_forms``).
        self._plurals: dict[str, str] = {}
        # Stems that share a code with another gender's (``_gender_joins``).
        self._gender_joined: frozenset[str] = frozenset()
        wanted = set(statuses) if statuses is not None else None
        self._vocab: dict[str, str] = {}
        self._gaps: dict[str, str] = {}
        self._cache: dict[str, str] = {}
        self._layouts: dict[str, dict[int, tuple[int, int]]] = {}
        self._checked: dict[tuple[object, ...], bool] = {}
        self._automaton: Any = ahocorasick.Automaton()
        self._size = 0
        chosen = [
            (concept.id, term)
            for concept, term in glossary.terms(self.lang)
            if wanted is None or term.status in wanted
        ]
        if not self.cjk:
            self._assign_codes(term for _, term in chosen)
        # A glossary written in capitals ("TAX", "FEE", "VALUE ADDED TAX") writes every term
        # so: its short words are no acronyms, and "tax" in a text is its TAX. Told by its
        # terms of several words or long words, which acronyms are not.
        long = [
            term.text
            for _, term in chosen
            if (" " in term.text.strip() or len(term.text) > 6)
            and term.text.upper() != term.text.lower()
        ]
        set_in_capitals = 2 * sum(text.isupper() for text in long) > len(long)
        patterns: dict[str, list[_Entry]] = {}
        for concept_id, term in chosen:
            entry_key = self._term_key(term)
            if entry_key is None:
                continue
            key, tokens = entry_key
            ascii = all(t.isascii() for t in tokens)
            words = tuple(
                _folded(word) for word in _WORD_HEAD.findall(_EDGE_PUNCTUATION.sub("", term.text))
            )
            gendered = self._gendered_head(words)
            part_of_speech = _part_of_speech(term)
            nouns = self._nouns(words, part_of_speech in _HEADLESS)
            fixed_genders = tuple(i for i in nouns if gender_forms(words[i], base))
            own_number = self._own_number(words, nouns, part_of_speech)
            capitals = () if self.cjk or set_in_capitals else _in_capitals(tokens)
            # A term of several words in a language with number agreement has its words'
            # numbers to check: the stems match "la nueva épocas".
            plain = (
                not (term.case_sensitive or term.exact)
                and (ascii or self.accent_insensitive or self.cjk)
                and not (len(tokens) > 1 and has_number_agreement(base))
                and gendered is None
                and not fixed_genders
                and not own_number
                and not capitals
            )
            compound = _compound_words(term.text)
            patterns.setdefault(key, []).append(
                _Entry(
                    concept_id,
                    term,
                    tokens,
                    words,
                    ascii,
                    plain,
                    compound,
                    gendered,
                    fixed_genders,
                    own_number,
                    capitals,
                )
            )
        for key, entries in patterns.items():
            # The value carries what the hot loop needs: whether any entry needs a check, and
            # the other concepts sharing this key when none does. Two terms of one concept
            # under one key ("yaw" and "yawing") need the words to choose (``_closest``).
            concepts = [entry.concept_id for entry in entries]
            all_plain = all(entry.plain for entry in entries) and len(set(concepts)) == len(
                concepts
            )
            all_others = tuple(
                dict.fromkeys(
                    e.concept_id for e in entries if e.concept_id != entries[0].concept_id
                )
            )
            self._automaton.add_word(key, (len(key), tuple(entries), all_plain, all_others))
            self._size += len(entries)
        if patterns:
            self._automaton.make_automaton()

    def _assign_codes(self, terms: Iterable[Term]) -> None:
        """Give every stem in the glossary a code, and every punctuation mark in a term one.

        pyahocorasick scans a node's children linearly: one character per stem would give a
        node thousands of children, two characters of about sqrt(vocabulary) letters each
        keep every fan-out small, and the disjoint alphabets keep hits aligned on words.
        """
        stems: dict[str, None] = {}
        words: dict[str, None] = {}
        for term in terms:
            for token in _tokens_of(_EDGE_PUNCTUATION.sub("", term.text)):
                for part in _PARTS.findall(token):
                    if part[0].isalnum():
                        stems.setdefault(self._word_key(part), None)
                        words.setdefault(part, None)
                    else:
                        code = self._gap_code(part)
                        if code and code not in self._gaps:
                            count = len(self._gaps)
                            # 0x03..0x1F, then from 0x80: never SEP, MARK, ALIEN or a stem letter.
                            self._gaps[code] = chr(
                                _GAP_BASE + count if count < 29 else 0x80 + count
                            )
        if len(self._gaps) > _VOCAB_BASE - 0x80:
            raise ValueError("too many distinct punctuation marks in the glossary's terms")
        joined = self._gender_joins(words, stems)
        self._gender_joined = frozenset((*joined, *joined.values()))
        codes = [stem for stem in stems if stem not in joined]
        base = max(8, math.isqrt(len(codes)) + 1)
        for index, stem in enumerate(codes):
            high, low = divmod(index, base)
            self._vocab[stem] = MARK + chr(_VOCAB_BASE + high) + chr(_VOCAB_BASE + base + low)
        for stem, representative in joined.items():
            self._vocab[stem] = self._vocab[representative]
        self._add_plurals(words)

    def _gender_joins(self, words: Iterable[str], stems: dict[str, None]) -> dict[str, str]:
        """The stems of glossary words that are one adjective in two genders, each with the
        stem whose code it shares: "publiqu" → "public" where the glossary has "bien public"
        and "santé publique". Only where both forms are glossary words: a form's stem may be
        another word's too ("écuyère" and "écuyers" stem alike, "appuyère" and "appuyers"),
        and joining those would make one word of two. Where only one gender is in the
        glossary, ``_add_plurals`` keys the other's exact forms as it."""
        parent: dict[str, str] = {}

        def root(stem: str) -> str:
            while stem in parent:
                stem = parent[stem]
            return stem

        glossary_words = {word.lower() for word in words}
        for word in glossary_words:
            key = self._word_key(word)
            for form in gender_forms(word, self._base):
                other = self._word_key(form)
                if form in glossary_words and other in stems and root(other) != root(key):
                    parent[root(other)] = root(key)
        return {stem: root(stem) for stem in parent}

    def _add_plurals(self, words: Iterable[str]) -> None:
        """Key each word's regular plurals, and a plural word's singulars, as the word where
        the stemmer keys them apart ("luz" and "luces", "joven" and "jóvenes"): only those
        exact forms, so that no other word with the plural's stem ("lucir") becomes the
        glossary word."""
        adverbs = _ADVERBS.get(self._base, frozenset())
        for word in words:
            code = self._vocab[self._word_key(word)]
            lower = word.lower()
            forms = (
                plural_forms(lower, self._base)
                + singular_forms(lower, self._base)
                + article_plurals(lower, self._base)
                + _agent_genders(lower, self._base)
                + gender_forms(lower, self._base)
            )
            for form in forms:
                # An adverb is no plural's singular ("bien" of "bienes").
                if self._word_key(form) not in self._vocab and form not in adverbs:
                    self._plurals.setdefault(self.surface(form), code)

    def __len__(self) -> int:
        return self._size

    # ------------------------------------------------------------------ normalisation

    def surface(self, token: str, *, fold: bool = True) -> str:
        """A token as compared for exact matching: quotes, possessive, width, accents, case."""
        text = unicodedata.normalize("NFKC", token).translate(_QUOTE_MAP)
        if self.accent_insensitive:
            text = strip_accents(text)
        return text.casefold() if fold else text

    def _word_key(self, word: str) -> str:
        """What a word is compared by: its stem, or for a function word the word itself
        (French Snowball stems "des" to "de": "communauté des destins" held "communauté de
        destin")."""
        # An ASCII word (a \w+ run: no quotes, no accents) is already NFKC; folding it is
        # lower-casing, which skips three passes for most words of most texts.
        folded = word.lower() if word.isascii() else self.surface(word)
        if is_function_word(folded, self._base) or folded in _ADVERBS.get(self._base, ()):
            return _FUNCTION_WORD + folded
        if not self._stem_word:
            return folded
        stem: str = self._stem_word(folded)
        if self._base not in _DERIVATIONS:
            return stem
        return stem + _derivation_tag(folded, stem, self._base)

    def _gap_code(self, gap: str) -> str:
        return gap.translate(_QUOTE_MAP).replace(" ", "").strip()

    def _term_key(self, term: Term) -> tuple[str, tuple[str, ...]] | None:
        if self.cjk:
            chars = self._cjk_key(term.text)
            if not chars:
                return None
            return chars, (term.text,)
        # Quotes or brackets around a term are not part of it.
        text = _EDGE_PUNCTUATION.sub("", term.text)
        tokens = _tokens_of(text)
        if not tokens:
            return None
        cache = self._cache
        for token in tokens:
            if token not in cache:
                cache[token] = self.token_key(token)
        key = "".join(map(cache.__getitem__, tokens))[: -len(SEP)]
        if MARK not in key:
            return None
        return key, tuple(self.surface(word, fold=False) for word in _WORD_HEAD.findall(text))

    def token_key(self, token: str) -> str:
        """The key of one whitespace-delimited token; computed once per distinct token."""
        return "".join(piece for piece, _ in self._token_pieces(token)) + SEP

    def _token_pieces(self, token: str) -> list[tuple[str, tuple[int, int] | None]]:
        """Each part's key with, for a glossary word, its (start, end) in the token."""
        if token.isalnum():
            # One word, the common case (str.isalnum is exactly \w less the underscore).
            code = self._vocab.get(self._word_key(token)) or self._plural_code(token)
            return [] if code is None else [(code, (0, len(token)))]
        pieces: list[tuple[str, tuple[int, int] | None]] = []
        char = 0
        known = False
        for part in _PARTS.findall(token):
            if part[0].isalnum():
                code = self._vocab.get(self._word_key(part)) or self._plural_code(part)
                if code is None:
                    pieces.append((ALIEN, None))
                else:
                    known = True
                    pieces.append((code, (char, char + len(part))))
            else:
                gap = self._gaps.get(self._gap_code(part))
                if gap is None:
                    pieces.append((ALIEN, None))
                else:
                    known = True
                    pieces.append((gap, None))
            char += len(part)
        # Without a glossary word or mark, a token's key is the separator alone.
        return pieces if known else []

    def _plural_code(self, word: str) -> str | None:
        """The code of the glossary word ``word`` is a plural of (``_add_plurals``)."""
        return self._plurals.get(self.surface(word)) if self._plurals else None

    def _layout(self, token: str) -> dict[int, tuple[int, int]]:
        """Where each glossary word of a token sits: key offset -> (start, end) in the token.

        Only tokens that take part in a hit need this, so it is cached apart from the keys.
        """
        found = self._layouts.get(token)
        if found is None:
            found = {}
            offset = 0
            for piece, span in self._token_pieces(token):
                if span is not None:
                    found[offset] = span
                offset += len(piece)
            if len(self._layouts) > _CACHE_LIMIT:
                self._layouts.clear()
            self._layouts[token] = found
        return found

    # ------------------------------------------------------------------ matching

    def find(self, text: str) -> list[TermMatch]:
        """Every term occurrence in ``text``, longest first where they overlap, in text order;
        none inside an address or code (``term_free_spans``)."""
        if not self._size or not text:
            return []
        return _outside_term_free(text, self._find_anywhere(text))

    def find_nested(self, text: str) -> list[TermMatch]:
        """Every term occurrence in ``text``, those inside a longer one too, in text order
        of their starts: a concept whose term is part of another's (命运共同体 in
        亚洲命运共同体) is in the text, though ``find`` gives the longer one alone."""
        if not self._size or not text:
            return []
        return _outside_term_free(text, self._find_anywhere(text, nested=True))

    def _find_anywhere(self, text: str, *, nested: bool = False) -> list[TermMatch]:
        if self.cjk:
            return self._find_cjk(text, nested=nested)
        tokens = _tokens_of(text)
        cache = self._cache
        try:
            keys = list(map(cache.__getitem__, tokens))
        except KeyError:
            # First sight of some tokens: key them once; later texts reuse the plain dict.
            if len(cache) > _CACHE_LIMIT:
                cache.clear()
            token_key = self.token_key
            for token in tokens:
                if token not in cache:
                    cache[token] = token_key(token)
            keys = list(map(cache.__getitem__, tokens))
        key = "".join(keys)
        if MARK not in key:
            return []
        candidates: list[_Candidate] = []
        spaced: bool | None = None
        starts: list[int] = []
        layouts = self._layouts
        # Hits come in the order of their ends, so token indexes and offsets are counted by
        # cursors that move with them: counting from the start for every hit was quadratic
        # (a 5 MB paragraph full of terms took over ten minutes).
        first_seps, last_seps = _SepCursor(key), _SepCursor(key)
        first_offsets, last_offsets = _OffsetCursor(tokens), _OffsetCursor(tokens)
        for last_char, (length, entries, all_plain, all_others) in self._automaton.iter(key):
            # The token index is the number of separators before a position; the offset
            # inside the token is the distance from the separator before it.
            first_char = last_char - length + 1
            last_word = last_char - 2  # the MARK of the last word's code
            first = first_seps.count_before(first_char)
            last = last_seps.count_before(last_word)
            if spaced is None:
                # One separator between tokens (the common case): a token's offset follows
                # from the lengths before it; otherwise all offsets are found once.
                spaced = len(SEP.join(tokens)) == len(text)
                if not spaced:
                    starts = _token_starts(text)
            if spaced:
                first_start = first_offsets.start_of(first)
                last_start = last_offsets.start_of(last)
            else:
                first_start, last_start = starts[first], starts[last]
            # A word that starts its token starts at the token's offset, one that ends it
            # ends at the token's end (the common cases); otherwise the token's layout says.
            if first_char == 0 or key[first_char - 1] == SEP:
                start = first_start
            else:
                token = tokens[first]
                layout = layouts.get(token) or self._layout(token)
                start = first_start + layout[first_char - key.rfind(SEP, 0, first_char) - 1][0]
            if start and self._after_prefix(text, start, tokens, first, entries):
                continue
            if key[last_char + 1] == SEP:
                end = last_start + len(tokens[last])
            else:
                token = tokens[last]
                layout = layouts.get(token) or self._layout(token)
                end = last_start + layout[last_word - key.rfind(SEP, 0, last_word) - 1][1]
            if all_plain:
                entry, others = entries[0], all_others
            else:
                words = _WORD_HEAD.findall(text, start, end)
                valid = [e for e in entries if e.plain or self._check(e, words)]
                if not valid:
                    continue
                entry = valid[0] if len(valid) == 1 else self._closest(valid, words)
                others = tuple(e.concept_id for e in valid if e.concept_id != entry.concept_id)
            candidates.append((start, end, entry, others))
        if len(candidates) == 1 or nested:
            return _all_matches(candidates, text)
        return _select(candidates, text) if candidates else []

    def _after_prefix(
        self, text: str, start: int, tokens: list[str], first: int, entries: tuple[_Entry, ...]
    ) -> bool:
        """Whether a term found at ``start`` is glued by a hyphen to the word before it, or
        follows a negating word (``_NEGATING_WORDS``): "non-zero-sum thinking" is not
        "zero-sum thinking". ``tokens[first]`` is the term's first token; the one before the
        negation, the found word and whether the glossary records the term as an adjective
        (``_recorded_adjective``, from its ``entries``) tell a Spanish "no" that negates a
        noun ("la no injerencia") from the verb's, a contrast's ("y no confrontación") or
        the noun "no" (``inflection.negates_noun``). A hyphen after a term is
        no matter: "zero-sum thinking-driven" still names the term, as the head of an English
        compound is its last part. A compound the glossary lists is a term of its
        own, which the longest match keeps. Two names joined by a hyphen are no prefix and
        its word: "China-Africa cooperation" holds "Africa", "Chine-Afrique" "Afrique"."""
        mark = text[start - 1]
        if mark in _GLUE:
            if start < 2 or not text[start - 2].isalnum():
                return False
            word_start = start - 2
            while word_start and text[word_start - 1].isalnum():
                word_start -= 1
            return not (text[word_start].isupper() and text[start].isupper())
        if not mark.isspace() or not first:
            return False
        previous = tokens[first - 1]
        if previous in _NEGATING_WORDS.get(self._base, ()):
            return True
        if not is_negation(previous, self._base) or first < 2:
            return False
        match = _WORD_HEAD.match(text, start)
        return negates_noun(
            _EDGE_PUNCTUATION.sub("", tokens[first - 2]),
            match.group().lower() if match else "",
            self._base,
            adjective=_recorded_adjective(entries),
        )

    def _closest(self, valid: list[_Entry], found: list[str]) -> _Entry:
        """Of the terms of the first concept in ``valid`` that the key matched, the one
        whose own words the ``found`` words hold the most of (``_held``); the first of those
        on a tie. Snowball stems "yawing" as "yaw", so the deprecated "yawing" and the
        preferred "yaw" of one concept share a key, and the glossary's order decided:
        "yawing" was found as "yaw", preferred, and no check reported it. "yaws" and "yawed"
        hold "yaw" and no "yawing", whichever the glossary lists first."""
        concept = valid[0].concept_id
        rivals = [entry for entry in valid if entry.concept_id == concept]
        if len(rivals) == 1:
            return rivals[0]
        seen = [_folded(word) for word in found]
        return max(
            rivals,
            key=lambda entry: sum(
                self._held(word, want) for word, want in zip(seen, entry.words, strict=False)
            ),
        )

    def _held(self, seen: str, wanted: str) -> int:
        """How much of the term's word ``wanted`` the found word ``seen`` holds: all its
        letters where ``seen`` is ``wanted`` in either number (``either_number``) or starts
        with it ("yaws", "yawed" of "yaw"; "yawing" holds "yaw" too, and "yawing" more),
        else none. Accents count as matching counts them."""
        accents = not self.accent_insensitive
        if either_number(seen, wanted, self._base, accents=accents):
            return len(wanted)
        if not accents:
            seen, wanted = strip_accents(seen), strip_accents(wanted)
        return len(wanted) if seen.startswith(wanted) else 0

    def _check(self, entry: _Entry, found: list[str]) -> bool:
        """Whether the words found for a key hit satisfy the entry's accent, case and exact rules.

        The same words meet the same entry again and again in a long document, and the
        accent comparison decomposes Unicode, so results are cached.
        """
        key = (id(entry), *found)
        result = self._checked.get(key)
        if result is None:
            if len(self._checked) > _CACHE_LIMIT:
                self._checked.clear()
            result = self._checked[key] = self._check_words(entry, found)
        return result

    def _gendered_head(self, words: tuple[str, ...]) -> int | None:
        """The index of a term's head word if it is a feminine adjective form whose gender
        the term keeps (``_GENDERED_TAGS``)."""
        if self.cjk or not words:
            return None
        head = head_index(words, self._base)
        if (
            head < len(words)
            and _gender_letter(words[head]) in _FEMININE_LETTERS
            and self._word_key(words[head]).endswith(_GENDERED_TAGS)
        ):
            return head
        return None

    def _nouns(self, words: tuple[str, ...], headless: bool) -> tuple[int, ...]:
        """The indexes of a term's nouns (``inflection.noun_positions``): its head and each
        complement's, past an article or a prenominal adjective before it ("la nueva época":
        2). A ``headless`` term (``_HEADLESS``) has no head noun: an adjective's head matches
        in both genders. A head that is a ``_GENDERED_TAGS`` adjective follows
        ``_gendered_head``'s rule instead: a feminine one keeps its gender, a masculine one
        matches both ("exécutif" in "la branche exécutive")."""
        if self.cjk or not words:
            return ()
        base = self._base
        content = [index for index, word in enumerate(words) if not is_function_word(word, base)]
        if not content:
            return ()
        head = content[0] + head_index(words[content[0] :], base)
        adjective_head = headless or self._word_key(words[head]).endswith(_GENDERED_TAGS)
        positions = noun_positions(words, base, None if adjective_head else head)
        nouns = {index + head_index(words[index:], base) for index in positions}
        return tuple(sorted(index for index in nouns if not is_function_word(words[index], base)))

    def _own_number(
        self, words: tuple[str, ...], nouns: tuple[int, ...], part_of_speech: str | None
    ) -> tuple[int, ...]:
        """The ``nouns`` of a term that are found only as their own number's forms
        (``_own_form``), in a language with number rules (``has_number_agreement``):
        Snowball stems a noun with other nouns, verbs and adjectives made from it ("destinée"
        and "destin", "cuenta" and "cuento"). The words of a term of several words, whose
        head and complements a noun phrase makes nouns, and a one-word term the glossary
        records as a noun; not any other one-word term, which is as often a verb
        ("aplicar" in "se aplica") or an adjective ("mismo" in "la misma"), nor a word
        that looks like an infinitive (``inflection.looks_infinitive``: "aplicar la ley" in
        "se aplica la ley")."""
        if not has_number_agreement(self._base) or (len(words) < 2 and part_of_speech != "noun"):
            return ()
        return tuple(index for index in nouns if not looks_infinitive(words[index], self._base))

    def _other_gender(self, seen: str, wanted: str) -> bool:
        """Whether the found word ``seen`` reached the term's word ``wanted`` only through
        the other gender: it is one of ``wanted``'s other gender's forms (``gender_forms``),
        whether or not Snowball stems the two alike ("capital" and "capitale" share a stem,
        "public" and "publique" do not), or its stem is another that shares a code with
        ``wanted``'s for that (``_gender_joins``: "activez" took the code of "actif" where
        the glossary has "active" too)."""
        seen_key, wanted_key = self._word_key(seen), self._word_key(wanted)
        if (
            seen_key != wanted_key
            and seen_key in self._gender_joined
            and wanted_key in self._gender_joined
        ):
            return True
        forms = gender_forms(wanted, self._base)
        if self.accent_insensitive:
            return strip_accents(seen) in map(strip_accents, forms)
        return seen in forms

    def _own_form(self, seen: str, wanted: str) -> bool:
        """Whether the found word ``seen`` is the term's noun ``wanted`` in either number
        (``inflection.either_number``) or, a Spanish agent noun, in its other gender
        (``_agent_genders``: "directora" of "director"), accents aside where matching
        ignores them. Any other word that reached ``wanted``'s code is another word."""
        if either_number(seen, wanted, self._base, accents=not self.accent_insensitive):
            return True
        agents = _agent_genders(wanted, self._base)
        if self.accent_insensitive:
            return strip_accents(seen) in map(strip_accents, agents)
        return seen in agents

    def _check_words(self, entry: _Entry, found: list[str]) -> bool:
        term = entry.term
        if any(
            index < len(found)
            and not self.surface(found[index], fold=False).startswith(entry.tokens[index])
            for index in entry.capitals
        ):
            # A plural's ending may follow ("NGOs" of "NGO"), as for a case-sensitive term.
            return False
        gendered = entry.gendered
        if (
            gendered is not None
            and gendered < len(found)
            and _gender_letter(_folded(found[gendered])) != _gender_letter(entry.words[gendered])
        ):
            return False
        if any(
            index < len(found) and self._other_gender(_folded(found[index]), entry.words[index])
            for index in entry.fixed_genders
        ):
            return False
        if any(
            index < len(found) and not self._own_form(_folded(found[index]), entry.words[index])
            for index in entry.own_number
        ):
            return False
        if len(entry.tokens) > 1 and not agrees(
            entry.words,
            [_folded(seen) for seen in found],
            self._base,
            entry.compound,
            accents=not self.accent_insensitive,
        ):
            return False
        if not self.accent_insensitive and not entry.ascii:
            # Snowball stemmers for Romance languages and German drop accents themselves, so
            # an accent-sensitive match is checked here, over the stem the two words share.
            # A plural that moves or drops the accent ("globalizaciones" of "globalización")
            # is the word; any other accent is another word. In the head noun phrase, whose
            # number ``agrees`` has checked as a whole, the singular of a plural term's word
            # is the word too ("relación pública" of "relaciones públicas"); a complement's
            # word keeps the term's number, which ``agrees`` checks too. An adjective's other
            # gender may move the accent ("étrangère" of "étranger"), a noun's may not
            # ("régulière" is no "régulier").
            head = head_size(entry.words, self._base)
            for index, (seen, wanted) in enumerate(zip(found, entry.tokens, strict=False)):
                folded, want = self.surface(seen), wanted.casefold()
                if not (
                    _same_accents(folded, want)
                    or folded in plural_forms(want, self._base)
                    or (index < head and want in plural_forms(folded, self._base))
                    or (
                        index not in entry.fixed_genders
                        and folded in gender_forms(want, self._base)
                    )
                ):
                    return False
        if not (term.case_sensitive or term.exact):
            return True
        for seen, wanted in zip(found, entry.tokens, strict=False):
            if term.case_sensitive:
                surface = self.surface(seen, fold=False)
                if surface != wanted and (term.exact or not surface.startswith(wanted)):
                    return False
            elif self.surface(seen) != wanted.casefold():
                return False
        return True

    def _cjk_key(self, text: str) -> str:
        return "".join(self._cjk_char(ch) for ch in text if not ch.isspace())

    def _cjk_char(self, char: str) -> str:
        folded = unicodedata.normalize("NFKC", char).translate(_QUOTE_MAP)
        if self.accent_insensitive:
            folded = strip_accents(folded)
        folded = folded.casefold()
        return folded if len(folded) == 1 else char

    def _find_cjk(self, text: str, *, nested: bool = False) -> list[TermMatch]:
        positions = [index for index, char in enumerate(text) if not char.isspace()]
        key = "".join(self._cjk_char(text[index]) for index in positions)
        candidates: list[_Candidate] = []
        for end_index, (length, entries, _, _) in self._automaton.iter(key):
            first = end_index - length + 1
            start = positions[first]
            end = positions[end_index] + 1
            # A Latin word inside CJK text still needs word boundaries ("AIIB" not in "AIIBX").
            if _latin(key[first]) and first > 0 and _latin(key[first - 1]):
                continue
            if _latin(key[end_index]) and end_index + 1 < len(key) and _latin(key[end_index + 1]):
                continue
            # Nor a Chinese term inside a longer word: 中国梦 is no term of 中国梦想.
            if self._chinese and ends_inside_word(key, first, end_index + 1):
                continue
            found = "".join(ch for ch in text[start:end] if not ch.isspace())
            valid = [
                entry
                for entry in entries
                if not entry.term.case_sensitive
                or found.translate(_QUOTE_MAP)
                == "".join(entry.term.text.split()).translate(_QUOTE_MAP)
            ]
            if valid:
                others = tuple(
                    e.concept_id for e in valid[1:] if e.concept_id != valid[0].concept_id
                )
                candidates.append((start, end, valid[0], others))
        return _all_matches(candidates, text) if nested else _select(candidates, text)


# The parts of speech (as ``_part_of_speech`` spells them) of a term whose head is no noun,
# so takes forms other than its number's.
_HEADLESS = frozenset(("adjective", "verb", "adverb"))


def acronyms_of(term: str) -> frozenset[str]:
    """The acronyms of the glossary term ``term`` that a text holds only written in
    capitals: those of two or three characters, which in lower case or with an initial
    capital are other words ("US" is no "us", "WHO" no "Who", Spanish "UN" no "un", "TI" no
    "ti"; "onu" for "ONU" is a misspelt acronym, which the spelling check let pass as a
    term). A longer one is also written as a word ("Nato", "Unesco", "covid"). None where
    every word of a term of several is in capitals: a glossary set in capitals ("THE UN")."""
    words = _WORD_HEAD.findall(term)
    return frozenset(words[index] for index in _in_capitals(words))


def _in_capitals(words: Sequence[str]) -> tuple[int, ...]:
    """The indexes of ``acronyms_of``'s words among a term's ``words``."""
    capitals = [index for index, word in enumerate(words) if len(word) > 1 and word.isupper()]
    if len(words) > 1 and len(capitals) == len(words):
        return ()
    return tuple(index for index in capitals if len(words[index]) <= _SHORT_ACRONYM)


# The most characters of an acronym found only in capitals (``acronyms_of``).
_SHORT_ACRONYM = 3


def _part_of_speech(term: Term) -> str | None:
    """The term's part of speech as TBX-Basic spells it ("Adjective" → "adjective")."""
    if not term.part_of_speech:
        return None
    return basic_value("partOfSpeech", term.part_of_speech)


def _recorded_adjective(entries: Iterable[_Entry]) -> bool:
    """Whether the glossary records every term of a hit as an adjective
    (``inflection.negates_noun``'s ``adjective``): one recorded otherwise may be a noun."""
    return {_part_of_speech(entry.term) for entry in entries} == {"adjective"}


def _folded(word: str) -> str:
    """A word as ``TermMatcher.surface`` folds it, accents kept."""
    return unicodedata.normalize("NFKC", word).translate(_QUOTE_MAP).casefold()


def _compound_words(text: str) -> frozenset[int]:
    """Indexes (as ``_WORD_HEAD`` counts them) of the words of ``text`` joined to another
    by a dash."""
    return frozenset(
        index
        for index, match in enumerate(_WORD_HEAD.finditer(text))
        if (match.start() > 0 and text[match.start() - 1] in _DASHES)
        or (match.end() < len(text) and text[match.end()] in _DASHES)
    )


def _tokens_of(text: str) -> list[str]:
    """Whitespace-delimited tokens of ``text`` with dashes as whitespace, lower-cased.

    Every step maps one character to one character, so the tokens have the lengths of the
    original text's tokens and offsets carry over.
    """
    if "-" in text:
        text = text.replace("-", " ")
    if not text.isascii():
        for dash in _OTHER_DASHES:
            if dash in text:
                text = text.replace(dash, " ")
        lowered = text.lower()
        # A few characters lower-case to two ("\u0130"); keep such a text as it is.
        return (lowered if len(lowered) == len(text) else text).split()
    return text.lower().split()


def _token_starts(text: str) -> list[int]:
    """The character offset of each token of ``text`` as cut by ``_tokens_of``."""
    return [m.start() for m in _TOKEN.finditer(text.translate(_DASH_TO_SPACE))]


def _outside_term_free(text: str, matches: list[TermMatch]) -> list[TermMatch]:
    """``matches`` less those inside an address or code (``term_free_spans``)."""
    if matches and any(mark in text for mark in _TERM_FREE_MARKS):
        spans = term_free_spans(text)
        if spans:
            return [m for m in matches if not any(a < m.end and m.start < b for a, b in spans)]
    return matches


def _all_matches(candidates: list[_Candidate], text: str) -> list[TermMatch]:
    """Every candidate as a match, nested and overlapping ones too, by their starts."""
    return [
        _new_match(TermMatch, (*entry.head, start, end, text[start:end], others))
        for start, end, entry, others in sorted(candidates, key=lambda c: c[0])
    ]


def _select(candidates: list[_Candidate], text: str) -> list[TermMatch]:
    """Keep the longest non-overlapping candidates (leftmost on ties), in text order."""
    if not candidates:
        return []
    if len(candidates) == 2:
        # The common case of a nested term ("destiny community" inside "human destiny
        # community"): no sorting machinery needed.
        a, b = candidates
        if a[1] <= b[0] or b[1] <= a[0]:
            chosen = [a, b] if a[0] <= b[0] else [b, a]
        else:
            longer = (a[1] - a[0], -a[0]) >= (b[1] - b[0], -b[0])
            chosen = [a if longer else b]
    else:
        candidates.sort(key=lambda c: (c[0] - c[1], c[0]))
        starts: list[int] = []
        ends: list[int] = []
        chosen = []
        for candidate in candidates:
            start, end = candidate[0], candidate[1]
            index = bisect_right(starts, start)
            if index > 0 and ends[index - 1] > start:
                continue
            if index < len(starts) and starts[index] < end:
                continue
            starts.insert(index, start)
            ends.insert(index, end)
            chosen.append(candidate)
        chosen.sort(key=lambda c: c[0])
    return [
        _new_match(TermMatch, (*entry.head, start, end, text[start:end], others))
        for start, end, entry, others in chosen
    ]


def _same_accents(seen: str, wanted: str) -> bool:
    """Whether two words that share a stem also agree on accents over their common prefix."""
    if seen.isascii() and wanted.isascii():
        return True
    bare_seen, bare_wanted = strip_accents(seen), strip_accents(wanted)
    if len(bare_seen) != len(seen) or len(bare_wanted) != len(wanted):
        return True  # decomposed or expanded characters: cannot align, accept the stem match
    common = 0
    for a, b in zip(bare_seen, bare_wanted, strict=False):
        if a != b:
            break
        common += 1
    return seen[:common] == wanted[:common]


# Spanish agent nouns in -tor, -sor, -dor ("director", "profesor", "jugador"), whose
# feminine adds -a: keyed as the stem plus a consonant's tag, the noun stood apart from its
# feminine ("directora", stemmed to the bare stem), which is found as these exact forms
# instead. Only these endings: "valor" and "valora", "razón" and "razona" are noun and verb.
_AGENT_ENDINGS = ("tor", "sor", "dor")
_FEMININE_AGENT_ENDINGS = ("tora", "sora", "dora", "toras", "soras", "doras")


def _agent_genders(word: str, base: str) -> tuple[str, ...]:
    """The other gender's forms of a Spanish agent noun ("directora", "directoras" of
    "director"; "director", "directores" of "directora"); none for any other word."""
    if base != "es":
        return ()
    if word.endswith(_AGENT_ENDINGS):
        return (f"{word}a", f"{word}as")
    if word.endswith(_FEMININE_AGENT_ENDINGS):
        masculine = word[:-2] if word.endswith("s") else word[:-1]
        return (masculine, f"{masculine}es")
    return ()


def _gender_letter(word: str) -> str:
    """What tells the genders of a ``_GENDERED_TAGS`` adjective apart: its last letter
    before a plural's "s" ("político" o, "políticas" a; "directif" f, "directives" e)."""
    return word.removesuffix("s")[-1:]


def _derivation_tag(folded: str, stem: str, base: str) -> str:
    """What a word's key adds to its stem (``_DERIVATIONS``): the tag of the derivational
    suffix the stemmer took off, the Spanish consonant ending's, or nothing."""
    plain = folded if folded.isascii() else strip_accents(folded)
    if plain.endswith(_DERIVED_ENDINGS[base]):
        bare = stem if stem.isascii() else strip_accents(stem)
        kept = 0
        for a, b in zip(bare, plain, strict=False):
            if a != b:
                break
            kept += 1
        for family in _DERIVATIONS[base]:
            ending = next((e for e in family.endings if plain.endswith(e)), None)
            if ending is None:
                continue
            reach = kept - (len(plain) - len(ending))
            if family.reach is None or reach <= family.reach:
                return "\x00" + family.tag
            if (
                family.stressed_reach is not None
                and reach <= family.stressed_reach
                and any(char in _STRESS_MARKS for char in folded[: -len(ending)])
            ):
                return "\x00" + family.tag
    if (
        base == "es"
        and plain == stem
        and plain[-1] not in _VOWELS
        and plain[-1].isalpha()
        and plain not in _SPANISH_APOCOPES
    ):
        return _SPANISH_CONSONANT
    return ""


def _latin(char: str) -> bool:
    return char.isascii() and char.isalnum()


def _stemmer(base: str) -> Any:
    algorithm = _STEMMERS.get(base)
    if algorithm is None:
        return None
    import Stemmer

    return Stemmer.Stemmer(algorithm).stemWord


class _SepCursor:
    """How many separators ``key`` has before a position, for positions that mostly grow:
    each answer costs the distance from the previous one."""

    def __init__(self, key: str) -> None:
        self.key = key
        self.position = 0
        self.count = 0

    def count_before(self, position: int) -> int:
        if position >= self.position:
            self.count += self.key.count(SEP, self.position, position)
        else:
            self.count -= self.key.count(SEP, position, self.position)
        self.position = position
        return self.count


class _OffsetCursor:
    """Where token ``index`` starts in a text of tokens joined by one separator each, for
    indexes that mostly grow (as ``len(SEP.join(tokens[:index])) + 1``, without the join)."""

    def __init__(self, tokens: list[str]) -> None:
        self.tokens = tokens
        self.index = 0
        self.offset = 0  # where token ``index`` starts

    def start_of(self, index: int) -> int:
        tokens = self.tokens
        while self.index < index:
            self.offset += len(tokens[self.index]) + len(SEP)
            self.index += 1
        while self.index > index:
            self.index -= 1
            self.offset -= len(tokens[self.index]) + len(SEP)
        return self.offset
