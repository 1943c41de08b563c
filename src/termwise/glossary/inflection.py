"""The regular plurals of a glossary word in Spanish and French, for the term matcher.

The matcher compares Snowball stems, which join most plurals to their singular
("económica", "económicas") but not those whose ending or accent changes: "luz" and "luces"
stem apart, "joven" and "jóvenes" too, and "globalización" and "globalizaciones" share a
stem but not the accent the plural drops, so the accent check turned them down: "Muchas
globalizaciones económicas" held no "globalización económica". These rules give each word
of a term its plurals (nouns and adjectives alike: every word of "globalización económica"
agrees), as the Real Academia's and the Académie's grammars state them; the matcher accepts
exactly these forms besides the stem's.

Function words (articles, prepositions, conjunctions) are left alone: in "comunidad de
futuro compartido de la humanidad" only the noun phrase's own words inflect, and "la" as
"las" or "de" as "des" would be another phrase. The matcher therefore compares them as
written, not by stem (French Snowball stems "des" to "de" and "les" to "le").

``agrees`` says whether words the stems matched are the term in one number: the term's
head noun phrase (its words before the first preposition or conjunction, ``head_size``)
inflects as a whole, its article with it ("la nueva época", "las nuevas épocas"); "la nueva
épocas" is no form of the term. The complements keep their own number ("communautés de
destin" is the plural of "communauté de destin"; "nuevo tipo de relación internacional" is
no form of "nuevo tipo de relaciones internacionales"), and an adjective after them may
agree with either noun.

Gender is the other inflection the stems miss: French "public" and "publique", "étranger"
and "étrangère" stem apart. ``gender_forms`` gives an adjective's other gender by its
ending, which the matcher accepts where the term has an adjective (``noun_positions``
says where it has nouns, whose gender is their own). A noun is found as itself in either
number only (``either_number``): Snowball stems "destin" and "destinée", "cuento" and
"cuenta" alike, two nouns each; ``looks_infinitive`` tells a word that may be a verb, whose
conjugations are its forms. ``negates_noun`` tells the Spanish "no" that makes a noun's
opposite ("la no injerencia") from the verb's negation.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Collection, Sequence
from functools import cache, lru_cache

# Closed-class words that occur inside terms and never take a noun's plural.
_FUNCTION_WORDS = {
    "es": frozenset(
        (
            *("a", "al", "ante", "bajo", "con", "contra", "de", "del", "desde", "durante"),
            *("e", "el", "en", "entre", "hacia", "hasta", "la", "las", "lo", "los"),
            *("mediante", "ni", "o", "para", "pero", "por", "que", "según", "sin", "so"),
            *("sobre", "su", "sus", "tras", "u", "un", "una", "unas", "unos", "y", "se"),
            # Adverbs that open a complement as a preposition does ("beneficios antes de
            # impuestos"); not plurals of "ant" and "despué".
            *("antes", "después"),
        )
    ),
    "fr": frozenset(
        (
            *("à", "au", "aux", "avec", "contre", "d", "dans", "de", "des", "du", "en"),
            *("entre", "et", "l", "la", "le", "les", "ou", "par", "pour", "sans", "sous"),
            *("sur", "un", "une", "vers", "qu", "que", "ni", "y"),
        )
    ),
}

# The negation that makes a noun of its opposite as a prefix would, written apart ("la no
# injerencia", "les organisations non gouvernementales"): an adverb, which never takes the
# noun's plural ("las no injerencias"; "nos" is a pronoun).
_NEGATIONS = {"es": frozenset(("no",)), "fr": frozenset(("non",))}
# Spanish determiners that the noun "no" (a refusal: "un no rotundo", "el no de los
# votantes") may follow: it is masculine and singular ("los noes"), so after any other
# ("la no injerencia", "los no alineados") the "no" is the negation.
_NOUN_NO_DETERMINERS = frozenset(("el", "un", "al", "del", "su"))
# The conjunctions that join two nouns as equals: a "no" after one is ambiguous between
# the prefix ("soberanía y no injerencia": non-interference) and a contrast ("cooperación
# y no confrontación": cooperation, not confrontation), so it is the prefix only before a
# ``_NO_COMPOUNDS`` noun. Not "pero" ("cooperación pero no injerencia": not interference)
# nor "que" ("que no aplica": a verb), after which it never is.
_COORDINATORS = frozenset(("y", "e", "o", "u"))
# The nouns whose "no" compound is a fixed name of international-relations language, read
# as one after a coordinator: the Five Principles of Peaceful Coexistence ("no agresión
# mutua, no injerencia en los asuntos internos"), the Tratado sobre la No Proliferación de
# las Armas Nucleares, the Movimiento de Países No Alineados ("no alineamiento"), the Día
# Internacional de la No Violencia, the principles of "no intervención", "no
# discriminación" and "no devolución" (non-refoulement), "no beligerancia"; FundéuRAE and
# the Ortografía (2010) cite "no intervención" and "no violencia" as the prefix's use.
# Singulars only, without accents: the prefix names one abstract notion, and "y no
# comunidades" is a contrast ("not communities"). A compound the glossary records ("no
# confrontación") is found as such whatever this list says: the longest match keeps it.
_NO_COMPOUNDS = frozenset(
    (
        *("agresion", "alineacion", "alineamiento", "beligerancia", "devolucion"),
        *("discriminacion", "injerencia", "intervencion", "proliferacion", "violencia"),
    )
)

# Conjunctions inside terms: the word after one is the head's coordinate ("reforma y
# apertura"), no complement whose number is its own.
_CONJUNCTIONS = {
    "es": frozenset(("y", "e", "o", "u", "ni", "pero", "que")),
    "fr": frozenset(("et", "ou", "ni", "que", "qu")),
}

# Articles and determiners that occur inside terms (and the contractions holding one), each
# singular one with the plural it takes when its noun phrase is plural. A contraction has no
# one-word plural in Spanish ("del", "de los"); French "du"/"des" and "au"/"aux" would change
# a complement's number, which is no form of the term.
_SINGULAR_ARTICLES: dict[str, dict[str, tuple[str, ...]]] = {
    "es": {"el": ("los",), "la": ("las",), "un": ("unos",), "una": ("unas",), "su": ("sus",)}
    | dict.fromkeys(("al", "del"), ()),
    "fr": {"le": ("les",), "la": ("les",)} | dict.fromkeys(("l", "du", "au", "un", "une"), ()),
}
_PLURAL_ARTICLES = {
    "es": frozenset(("los", "las", "unos", "unas", "sus")),
    "fr": frozenset(("les", "des", "aux")),
}
# The letters that end a plural: a stem match that differs from the term's word in them
# differs in number ("económicos" for "económica").
_PLURAL_ENDINGS = {"es": ("s",), "fr": ("s", "x")}

_VOWELS = "aeiouáéíóúü"
_ACCENTED = str.maketrans("áéíóú", "aeiou")
_ACUTE = {"a": "á", "e": "é", "i": "í", "o": "ó", "u": "ú"}

# Spanish plurals no ending rule gives: the stress moves to another syllable (RAE,
# Ortografía 2010, 3.4.2), or the singular is an apocope.
_ES_IRREGULAR = {
    "carácter": ("caracteres",),
    "régimen": ("regímenes",),
    "espécimen": ("especímenes",),
    # Adjectives cut short before a singular noun take the plural of their whole form
    # ("gran revitalización", "grandes revitalizaciones"; RAE, Gramática 13.4).
    "gran": ("grandes",),
    "buen": ("buenos",),
    "mal": ("malos", "males"),  # and the noun "mal", "males"
    "primer": ("primeros",),
    "tercer": ("terceros",),
    "algún": ("algunos",),
    "ningún": ("ningunos",),
}


# The short form of a Spanish adjective before a singular noun (RAE, Gramática 13.4): before
# a masculine one ("buen oficio", "primer paso"), "gran" before either gender ("gran
# potencia"); the feminine forms stay whole ("buena práctica", "primera dama"). "santo" is
# cut to "san" only before a saint's name ("San Pedro", but "santo lugar"), which no
# glossary term made singular is.
_ES_APOCOPES = {
    "bueno": "buen",
    "malo": "mal",
    "grande": "gran",
    "primero": "primer",
    "tercero": "tercer",
    "postrero": "postrer",
    "alguno": "algún",
    "ninguno": "ningún",
}


def before_noun(word: str, lang: str) -> str:
    """The lower-case singular adjective ``word`` as ``lang`` writes it before a singular
    noun of its gender: "bueno" → "buen"; ``word`` itself where it is not cut short. The
    generator that makes a plural term singular writes the whole form ("bueno oficio")."""
    return _ES_APOCOPES.get(word, word) if lang == "es" else word


def whole_form(word: str, lang: str) -> str:
    """The whole form of the lower-case adjective ``word`` cut short before a noun ("gran" →
    "grande"), which takes the plural and stands after a noun; ``word`` itself otherwise."""
    if lang != "es":
        return word
    return next((whole for whole, short in _ES_APOCOPES.items() if short == word), word)


def strip_accents(text: str) -> str:
    """``text`` without combining marks: "nación" → "nacion", "à" → "a"."""
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize(
        "NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    )


def _as_written(text: str) -> str:
    return text


def is_function_word(word: str, lang: str) -> bool:
    """Whether the lower-case ``word`` is an article, preposition or conjunction of ``lang``
    (its primary subtag): a word compared as written, never by stem."""
    return word in _FUNCTION_WORDS.get(lang, ())


def has_number_agreement(lang: str) -> bool:
    """Whether ``agrees`` has rules for ``lang``: words a stem matched may be in two numbers."""
    return lang in _SINGULAR_ARTICLES


def article_plurals(word: str, lang: str) -> tuple[str, ...]:
    """The plural of the lower-case singular article ``word`` ("la" → "las"); none for
    any other word."""
    return _SINGULAR_ARTICLES.get(lang, {}).get(word, ())


# A word's number beside the term's word: the same, the other, or either (an invariable
# word: "crisis", "prix").
_SAME, _OTHER = 1, 2


def head_size(words: Sequence[str], lang: str) -> int:
    """How many of a term's lower-case ``words`` make its head noun phrase, the part whose
    number ``agrees`` lets change as a whole: the words before the first preposition or
    conjunction, or before an article after a content word ("relaciones públicas": 2;
    "nuevo tipo de relaciones internacionales": 2). All of them for a language without
    number rules here."""
    singular = _SINGULAR_ARTICLES.get(lang)
    if singular is None:
        return len(words)
    plural = _PLURAL_ARTICLES[lang]
    function_words = _FUNCTION_WORDS[lang]
    content_seen = False
    for index, word in enumerate(words):
        if word in singular or word in plural:
            if content_seen:
                return index
        elif word in function_words:
            return index
        else:
            content_seen = True
    return len(words)


def agrees(
    wanted: Sequence[str],
    found: Sequence[str],
    lang: str,
    free: Collection[int] = (),
    *,
    accents: bool = True,
) -> bool:
    """Whether ``found`` (lower-case words that the stems matched to the term's ``wanted``)
    are the term in one number: the head noun phrase all singular or all plural as the
    term's, its article too; an article elsewhere as the term has it, and a complement's
    first word (the word after a preposition or a complement's article: its noun, or an
    adjective before it) in the term's number. ``free`` are indexes of words that need not
    agree (the parts of a hyphenated compound: "coopérations gagnant-gagnant").

    With ``accents`` false (accent-insensitive matching) words are compared without their
    accents, but the rules still read the term's words as written: stripped, "interés"
    would end in -s like the invariable "crisis" and "à" would be no preposition."""
    singular = _SINGULAR_ARTICLES.get(lang)
    if singular is None:
        return True
    plural = _PLURAL_ARTICLES[lang]
    conjunctions = _CONJUNCTIONS[lang]
    bare = _as_written if accents else strip_accents
    head: set[int] = set()
    in_head = True
    content_seen = False
    # The next content word opens a complement, whose number is the term's: an adjective
    # after the complement's noun may agree with either noun, the noun itself may not.
    complement_start = False
    for index, (want, seen) in enumerate(zip(wanted, found, strict=False)):
        same = bare(seen) == bare(want)
        if want in singular or want in plural:
            # An article after the head's words starts a complement, whose number is its own.
            in_head = in_head and not content_seen
            if in_head and bare(seen) in map(bare, singular.get(want, ())):
                head.add(_OTHER)
            elif not same:
                return False
            elif in_head:
                head.add(_SAME)
            complement_start = complement_start or not in_head
        elif want in _FUNCTION_WORDS[lang]:
            if not same:
                return False
            in_head = False
            complement_start = want not in conjunctions
        else:
            content_seen = True
            number = None if index in free else _number(want, seen, lang, bare)
            if number is not None and in_head:
                head.add(number)
            elif complement_start and number == _OTHER:
                return False
            complement_start = False
    return len(head) < 2


def _number(want: str, seen: str, lang: str, bare: Callable[[str], str]) -> int | None:
    forms = plural_forms(want, lang)
    if bare(seen) == bare(want):
        if forms:
            return _SAME
        # A word with a plural's ending and no plural of its own is taken for either number
        # ("menos", "cortafuegos", "antidisturbios" are singular too), unless it is the
        # plural of a common word: then "públicas" beside "relación" makes two numbers.
        return _SAME if _plural_of_common_word(want, lang) else None
    if bare(seen) in map(bare, forms) or bare(want) in map(bare, plural_forms(seen, lang)):
        return _OTHER
    endings = _PLURAL_ENDINGS[lang]
    return _SAME if seen.endswith(endings) == want.endswith(endings) else _OTHER


@lru_cache(maxsize=65536)
def plural_forms(word: str, lang: str) -> tuple[str, ...]:
    """The regular plural forms of the lower-case ``word`` in ``lang`` (its primary subtag),
    other than ``word`` itself; none for a language without rules here, a function word, a
    negation or a word that is no run of letters."""
    if not word.isalpha() or word in _FUNCTION_WORDS.get(lang, ()) or is_negation(word, lang):
        return ()
    if lang == "es":
        forms = _ES_IRREGULAR.get(word) or _spanish(word)
    elif lang == "fr":
        forms = _french(word)
    else:
        return ()
    return tuple(form for form in dict.fromkeys(forms) if form != word)


# Words ending like a plural that are singular too (RAE, Gramática 3.2): the days of the
# week and compounds of verb and plural noun ("el paraguas", "el cumpleaños"), and a few
# Greek and Latin loans. Unstressed -is and -us ("crisis", "virus") are left out by rule.
_ES_INVARIABLE = frozenset(
    (
        *("lunes", "martes", "miércoles", "jueves", "viernes", "atlas", "caos", "cosmos"),
        *("paraguas", "cumpleaños", "rascacielos", "portaaviones", "parabrisas"),
        *("sacacorchos", "tocadiscos", "salvavidas", "guardacostas", "pararrayos"),
    )
)
# French singulars with a plural's ending: "le taux", "faux", "la chaux".
_FR_INVARIABLE = frozenset(("taux", "faux", "chaux"))


def either_number(seen: str, wanted: str, lang: str, *, accents: bool = True) -> bool:
    """Whether the lower-case ``seen`` is the word ``wanted`` in either number: the word
    itself, one of its regular plurals (``plural_forms``), or a singular whose plural it is
    ("destins" and "destin", "junior" and "juniors"). What a noun of a term may be found as:
    any other word its Snowball stem shares is another word ("destinée" is no "destin",
    "cuenta" no "cuento", "réformer" no "réforme"), however alike they stem. With
    ``accents`` false the words are compared without their accents."""
    bare = _as_written if accents else strip_accents
    if bare(seen) == bare(wanted):
        return True
    return bare(seen) in map(bare, plural_forms(wanted, lang)) or bare(wanted) in map(
        bare, plural_forms(seen, lang)
    )


@lru_cache(maxsize=65536)
def singular_forms(word: str, lang: str) -> tuple[str, ...]:
    """The singulars whose regular plural (``plural_forms``) the lower-case ``word`` is:
    "jóvenes" → "joven", "caracteres" → "carácter", "luces" → "luz"; none where ``word``
    cannot be told from a singular by its ending ("crisis", "virus", French "prix" and
    "heureux") or ``lang`` has no rules here. A candidate counts only if the forward rules
    give ``word`` back, so no spelling is made up."""
    if not word.isalpha() or word in _FUNCTION_WORDS.get(lang, ()):
        return ()
    if lang == "es":
        if (
            word in _ES_INVARIABLE
            or not word.endswith("s")
            or word.endswith(("is", "us"))
            or len(_vowel_groups(word)) < 2  # "mes", "gas", "dos": singulars of one syllable
        ):
            return ()
        irregular = tuple(k for k, plurals in _ES_IRREGULAR.items() if word in plurals)
        bases = [word[:-1], word[:-2]] if word.endswith("es") else [word[:-1]]
        if word.endswith("ces"):
            bases.append(word[:-3] + "z")
        candidates = [*irregular]
        for base in bases:
            candidates += [base, strip_accents(base)]
            groups = _vowel_groups(base)
            if groups:
                candidates.append(_accented(strip_accents(base), groups[-1]))
    elif lang == "fr":
        if word in _FR_INVARIABLE or word.endswith("eux"):
            return ()
        if word.endswith("aux"):
            # Three singulars end alike in the plural: journal/journaux (the most
            # frequent, first), travail/travaux and eau/eaux; which one is a word only a
            # lexicon says (likeliest_singular).
            candidates = [word[:-3] + "al", word[:-3] + "ail", word[:-1]]
        elif word.endswith(("es", "ts", "és")):
            # Other French words in -s or -x are often singulars ("pays", "temps", "prix").
            candidates = [word[:-1]]
        else:
            return ()
    else:
        return ()
    return tuple(
        c
        for c in dict.fromkeys(candidates)
        if c
        and c != word
        and (lang != "es" or _es_well_spelled(c))
        and word in plural_forms(c, lang)
    )


# wordfreq's Zipf frequency (log10 of occurrences per billion words) from which a word is
# in use: a candidate singular below it is a misspelling or a stray form of another
# language ("cabl", "renovabl" and "eail" score 0 to 1.2; "rubí" 3.2, "tuyau" 3.9), a word
# below it a new technical one ("hidrogeneras", "tokenizaciones": 0).
KNOWN_ZIPF = 1.5
# From this Zipf frequency a singular is a common word (about ten uses per million words),
# and a word as the term writes it that is its plural is in the plural: "públicas"
# ("pública" 5.2), "humanos" ("humano" 4.9). The made-up singulars of invariable words stay
# below it: "meno" 3.2 ("menos"), "ant" 3.3 ("antes"), "portafolio" 3.4 ("portafolios", a
# singular in Spain), "cortafuego" 1.9.
_COMMON_ZIPF = 4.0


@cache
def zipf(word: str, lang: str) -> float:
    """wordfreq's Zipf frequency of ``word`` in ``lang`` (0 for a word it has never seen or a
    language it lacks): the one lookup of term discovery, glossary matching and MT."""
    from wordfreq import zipf_frequency  # imported when first needed: its lists load slowly

    try:
        return float(zipf_frequency(word, lang))
    except LookupError:
        return 0.0


@lru_cache(maxsize=65536)
def likeliest_singular(word: str, lang: str) -> str | None:
    """The singular of the lower-case plural ``word`` that a writer would use: of
    ``singular_forms``' candidates, the one wordfreq knows best, or None where it knows
    none of them (or ``word`` has none). The rules alone cannot tell "cable" from "cabl" or
    "eau" from "eal" (each has ``word`` for its regular plural), and writing a plural term
    in the singular (MT, for one occurrence of it) needs the one real word.

    A compound of a prefix and a word ("ciberamenazas": "ciber" + "amenazas") whose
    singular wordfreq has not seen takes the word's: "ciberamenaza" (``split_prefix``).
    """
    forms = singular_forms(word, lang)
    scored = [(zipf(form, lang), form) for form in forms]
    best = max(scored, default=None, key=lambda pair: pair[0])
    if best is not None and best[0] >= KNOWN_ZIPF:
        return best[1]
    return _prefixed_singular(word, forms, lang)


# Prefixes written joined to a whole noun, making a noun of the same number, inflection
# and gender (RAE, Ortografía 4.1.1.2, and Nueva gramática, ch. 10, La prefijación: a prefix
# changes neither a noun's class nor its gender; "ciberataque", "nanopartícula",
# "biocombustible"). Left out: those that also make invariable adjectives of a plural noun
# ("antidisturbios", "multiusos", "pro..."), whose plural-looking compound is a singular
# too, and "econo-", which joins no whole word ("econometría").
_NOUN_PREFIXES = {
    "es": (
        *("ciber", "bio", "eco", "micro", "macro", "geo", "auto", "tele", "neuro", "nano"),
        "socio",
    ),
    "fr": (
        *("cyber", "bio", "éco", "micro", "macro", "géo", "auto", "télé", "neuro", "nano"),
        "socio",
    ),
}
# The shortest word a prefix may be joined to: "auto" + "res" is not "autores".
_MIN_JOINED = 4


@lru_cache(maxsize=65536)
def split_prefix(word: str, lang: str) -> tuple[str, str] | None:
    """The noun prefix and the word of the lower-case compound ``word`` in ``lang`` (its
    primary subtag): ("ciber", "amenazas") of "ciberamenazas", ("nano", "estación") of
    "nanoestación". Such a compound inflects and takes its gender as its word does, which
    wordfreq, an analyser or a suffix rule may know where the compound is too new for them.
    None where ``word`` starts with no prefix of ``_NOUN_PREFIXES`` or what follows is no
    word in use: "ecoembes" is no "eco" + "embes", "autores" no "auto" + "res"."""
    for prefix in _NOUN_PREFIXES.get(lang, ()):
        rest = word[len(prefix) :]
        if word.startswith(prefix) and len(rest) >= _MIN_JOINED and zipf(rest, lang) >= KNOWN_ZIPF:
            return prefix, rest
    return None


def _prefixed_singular(word: str, forms: tuple[str, ...], lang: str) -> str | None:
    """The singular of a rare compound of a noun prefix and a plural word that wordfreq
    knows with its singular (``split_prefix``): the prefix and that singular, where the
    rules give it for ``word`` too. None for anything else: a word is never made up (an
    "r" the prefix doubles, "autorretratos", leaves no word after it)."""
    split = split_prefix(word, lang)
    if split is None:
        return None
    prefix, rest = split
    singular = likeliest_singular(rest, lang)
    if singular is not None and prefix + singular in forms:
        return prefix + singular
    return None


def _plural_of_common_word(word: str, lang: str) -> bool:
    singular = likeliest_singular(word, lang)
    return singular is not None and zipf(singular, lang) >= _COMMON_ZIPF


def _es_well_spelled(word: str) -> bool:
    """Whether ``word`` has its written accent where the Real Academia's rules put one: the
    rules that make plurals also make "jóven" and "caractér" plurals of "jóvenes" and
    "caracteres", which only the accent rules turn down. An accent splitting two vowels
    ("país") is the hiatus's, not the stress rule's."""
    groups = _vowel_groups(word)
    marked = [
        index
        for index, (start, end) in enumerate(groups)
        if any(
            word[i] in "áéíóú" and not (word[i] in "íú" and _beside_vowel(word, i))
            for i in range(start, end)
        )
    ]
    if len(marked) > 1:
        return False
    if not marked:
        return True
    ends_open = word[-1] in _VOWELS or word[-1] in "ns"
    if marked[0] == len(groups) - 1:
        # Acute words (ración, interés, sofá); a monosyllable takes none (luz, gran).
        return len(groups) > 1 and ends_open
    if marked[0] == len(groups) - 2:
        return not ends_open  # paroxytones: carácter, árbol, lápiz
    return True  # stressed earlier, always written: régimen's plural regímenes


def _spanish(word: str) -> tuple[str, ...]:
    last = word[-1]
    if last in "aeiouáéóü":
        return (word + "s",)
    if last in "íú":
        return (word + "es", word + "s")  # rubíes and rubís, tabúes and tabús
    if last == "z":
        return (word[:-1] + "ces",)  # luz → luces; the stress stays: lápiz → lápices
    groups = _vowel_groups(word)
    if not groups:
        return ()  # no vowel: an abbreviation
    start, end = groups[-1]
    final_accent = next((index for index in range(start, end) if word[index] in "áéíóú"), None)
    if final_accent is not None:
        # Stress on the last syllable, which the plural's -es takes away from the end:
        # nación → naciones, interés → intereses. An accent that splits two vowels (país,
        # baúl) marks a hiatus and stays: países, baúles.
        if word[final_accent] in "íú" and _beside_vowel(word, final_accent):
            return (word + "es",)
        bare = word[:final_accent] + word[final_accent].translate(_ACCENTED)
        return (bare + word[final_accent + 1 :] + "es",)
    if last in "sx":
        # A word stressed before its last syllable stays as it is (la crisis, las crisis);
        # one of one syllable takes -es (mes → meses).
        return (word + "es",) if len(groups) == 1 else ()
    if last in "nylrdj":
        plural = word + "es"
        if last == "n" and len(groups) > 1 and not any(ch in "áéíóú" for ch in word):
            # Unaccented and ending in -n, the word is stressed on its last but one
            # syllable, which -es makes the last but two: it takes the accent then
            # (joven → jóvenes, examen → exámenes, origen → orígenes).
            plural = _accented(word, groups[-2]) + "es"
        return (plural,)
    if last in "bm" or word.endswith("ch"):
        # Loanwords that take either: clubes and clubs, álbumes and álbums, sándwiches.
        return (word + "es", word + "s")
    # Any other final consonant is a loanword's, which takes -s (RAE, "plural"): robots,
    # chips, cómics, zigzags, think tanks ("thinkes tankes" was written into MT output).
    return (word + "s",)


def _vowel_groups(word: str) -> list[tuple[int, int]]:
    """(start, end) of each run of vowels: the nuclei of the word's syllables, with an
    accented í or ú a syllable of its own (the accent marks the hiatus)."""
    groups: list[tuple[int, int]] = []
    index = 0
    while index < len(word):
        if word[index] not in _VOWELS:
            index += 1
            continue
        start = index
        while index < len(word) and word[index] in _VOWELS:
            if index > start and (word[index] in "íú" or word[index - 1] in "íú"):
                break
            index += 1
        groups.append((start, index))
    return groups


def _beside_vowel(word: str, index: int) -> bool:
    return (index > 0 and word[index - 1] in _VOWELS) or (
        index + 1 < len(word) and word[index + 1] in _VOWELS
    )


def _accented(word: str, group: tuple[int, int]) -> str:
    """``word`` with the written accent on the syllable ``group``: on its open vowel (a, e,
    o), else on the second of two closed ones (cuídate's "ui")."""
    start, end = group
    nucleus = word[start:end]
    open_vowels = [index for index, vowel in enumerate(nucleus) if vowel in "aeo"]
    at = start + (open_vowels[0] if open_vowels else len(nucleus) - 1)
    return word[:at] + _ACUTE.get(word[at], word[at]) + word[at + 1 :]


def _french(word: str) -> tuple[str, ...]:
    if word[-1] in "sxz":
        return ()  # le prix, les prix
    if word.endswith(("au", "eu")):
        return (word + "x", word + "s")  # réseaux, enjeux; bleus, pneus
    if word.endswith("al"):
        return (word[:-2] + "aux", word + "s")  # mondiaux, régionaux; festivals, navals
    if word.endswith("ail"):
        return (word + "s", word[:-3] + "aux")  # détails; travaux, vitraux
    if word.endswith("ou"):
        return (word + "s", word + "x")  # trous; bijoux, genoux
    return (word + "s",)


# French adjectives whose feminine changes the masculine's ending, not only adds an "e"
# (Grevisse, Le bon usage §§ 530-545), as (masculine, feminine) endings. Snowball stems
# some of these pairs apart ("public" and "publique", "actif" and "active", "étranger" and
# "étrangère"), so an adjective that agrees with another noun than the term's ("un système
# de santé public" for "santé publique") was not the term's word.
_FR_GENDER_ENDINGS = (
    ("ic", "ique"),
    ("if", "ive"),
    ("el", "elle"),
    ("al", "ale"),
    ("eux", "euse"),
    ("er", "ère"),
)
# The fewest letters before such an ending: "mer" and "mère", "sel" and "selle" are nouns of
# their own.
_MIN_GENDER_STEM = 2


@lru_cache(maxsize=65536)
def gender_forms(word: str, lang: str) -> tuple[str, ...]:
    """The other gender's forms, singular and plural, of the lower-case ``word`` read as a
    French adjective whose ending its gender changes (``_FR_GENDER_ENDINGS``): "public" →
    "publique", "publiques"; "étrangères" → "étranger", "étrangers". None for any other word
    or language. A noun with such an ending gets forms too ("manière": "manier"): the
    matcher accepts them only where the term has an adjective (``noun_positions``)."""
    if lang != "fr" or not word.isalpha() or word in _FUNCTION_WORDS["fr"]:
        return ()
    for masculine, feminine in _FR_GENDER_ENDINGS:
        for ending in (feminine, feminine + "s"):
            stem = word.removesuffix(ending)
            if stem != word and len(stem) >= _MIN_GENDER_STEM:
                return (stem + masculine, *plural_forms(stem + masculine, "fr"))
    for masculine, feminine in _FR_GENDER_ENDINGS:
        singular = word
        if not word.endswith(masculine):
            singular = next(
                (s for s in singular_forms(word, "fr") if s.endswith(masculine)),
                word[:-1] if word.endswith(masculine + "s") else "",
            )
        stem = singular.removesuffix(masculine)
        if singular and stem != singular and len(stem) >= _MIN_GENDER_STEM:
            return (stem + feminine, stem + feminine + "s")
    return ()


def noun_positions(words: Sequence[str], lang: str, head: int | None) -> frozenset[int]:
    """Indexes of a term's lower-case ``words`` that are its nouns, whose gender is the
    term's: the head (index ``head``; None for a term with no head noun, an adjective) and
    each complement's or coordinate's first content word ("politique de santé publique": 0
    and 2). Any other content word is an adjective, which may agree with a noun outside the
    term ("un système de santé public")."""
    function_words = _FUNCTION_WORDS.get(lang, frozenset())
    positions = set() if head is None else {head}
    after_function_word = False
    for index, word in enumerate(words):
        if word in function_words:
            after_function_word = True
        elif after_function_word:
            positions.add(index)
            after_function_word = False
    return frozenset(positions)


# Infinitive endings: Spanish "-ar", "-er", "-ir"; French "-er" and "-ir", whose verbs
# Snowball stems with their conjugations ("aplicar" and "aplica", "reculer" and "recule"),
# unlike "-re" ("rendre" and "rend"), an ending of many nouns too ("centre", "structure").
_INFINITIVE_ENDINGS = {"es": ("ar", "er", "ir"), "fr": ("er", "ir")}


def looks_infinitive(word: str, lang: str) -> bool:
    """Whether the lower-case ``word`` ends as ``lang``'s infinitives do, so may be a verb
    (a few nouns do too: "lugar", "dossier", "plaisir")."""
    return word.endswith(_INFINITIVE_ENDINGS.get(lang, ()))


def is_negation(word: str, lang: str) -> bool:
    """Whether the lower-case ``word`` is ``lang``'s negation written apart before a noun
    ("no", "non"; ``_NEGATIONS``)."""
    return word in _NEGATIONS.get(lang, ())


def negates_noun(before: str, word: str, lang: str, *, adjective: bool = False) -> bool:
    """Whether a negation (``is_negation``) between the lower-case words ``before`` and
    ``word`` makes a noun of its opposite as a prefix would: the Spanish "no" after an
    article or a preposition ("la no injerencia", "principio de no intervención"). Not
    before an infinitive ("de no intervenir", "al no cumplir"), nor after any other word
    ("que no aplica"): there it negates the verb, and the term is there. (French "non"
    negates whatever follows it: the matcher's ``_NEGATING_WORDS``.)

    ``adjective``: the glossary records ``word``'s term as an adjective, which after a
    masculine singular determiner follows the noun "no" ("un no rotundo": a flat refusal)
    and so is negated by nothing. After a coordinating conjunction only a fixed compound
    is ("soberanía y no injerencia", ``_NO_COMPOUNDS``): elsewhere "y no" contrasts two
    nouns ("cooperación y no confrontación") or negates a verb ("y no aplica")."""
    if lang != "es" or looks_infinitive(word, lang):
        return False
    if before in _COORDINATORS:
        return strip_accents(word) in _NO_COMPOUNDS
    if adjective and before in _NOUN_NO_DETERMINERS:
        return False
    return before in _FUNCTION_WORDS["es"] and before not in _CONJUNCTIONS["es"]
