"""Termhood features of each candidate: frequency, C-value, domain specificity, context clues.

Each feature is one number per candidate form, named in ``FEATURES``; the combiner
(``termwise.terms.model``) weighs them. The scores a terminologist would recognise:

- frequency and document frequency, and the frequency of the candidate's variant group;
- C-value (Frantzi, Ananiadou and Mima 2000): frequency less the mean frequency of the longer
  candidates it is nested in, times log2 of its length, so "blade" inside "rotor blade" only
  counts where it stands alone;
- domain specificity: how much more often the candidate's words occur in this corpus than in
  general language (wordfreq's Zipf frequencies, which ship with the package);
- unithood: how much more often the words occur together than apart (a PMI);
- context: capitals away from the start of a sentence (names), a determiner before (nouns),
  a pronoun, modal or "to" before or a determiner after (verbs), word endings.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Sequence

import numpy as np

from termwise import languages
from termwise.terms.candidates import (
    LINK_ARTICLES,
    LINK_WORDS,
    CandidateIndex,
    FormStats,
    has_symbol_letters,
)
from termwise.terms.demonyms import is_demonym, place_demonyms
from termwise.terms.general import (
    BASE,
    ING,
    PARTICIPLE,
    PAST,
    THIRD_PERSON,
    inflections,
    mostly_finite_verb,
    mostly_third_person,
    mostly_verb,
    mostly_verbal_ing,
    verb_form,
    verb_inflection,
    verb_lemmas,
)
from termwise.terms.general import zipf as general_zipf

FEATURES: tuple[str, ...] = (
    "bias_1word",
    "bias_2words",
    "bias_3words",
    "bias_4words",
    "log_frequency",
    "log_group_frequency",
    "log_documents",
    "document_share",
    "log_c_value",
    "independence",
    "log_containers",
    "spec_min",
    "spec_max",
    "spec_head",
    "general_min",
    "general_max",
    "general_unknown",
    "pmi",
    "head_productivity",
    "capital_ratio",
    "all_capital_ratio",
    "upper_ratio",
    "determiner_before",
    "verb_cue_before",
    "determiner_after",
    "has_link",
    "has_hyphen",
    "has_digit",  # in a word ("v80", "cp-500-41930"); a number between words is neutral
    "log_chars",
    "verb_ending",
    "adverb_ending",
    "plural_ending",
    "adjective_ending",
    "short_word",
    "shortest_word",
    "symbol_letters",
    "prose",
    "unknown_short",
    "modifier_productivity",
    "foreign_letters",
    # Single words behave apart from phrases (names, general words): their own slopes.
    "one_word_capital",
    "one_word_spec",
    "one_word_frequency",
    "one_word_general",
    "one_word_upper",
    # Word-level neighbours (see ``CandidateIndex``): a last word that is mostly a verb
    # ("horse moves", "cavalier devra") or mostly followed by another word (a cut-off term,
    # "horizontal-axis wind"), a first word mostly preceded by one ("axis wind turbine").
    "last_verb_cue",
    "last_determiner",
    "last_continues",
    "first_continued",
    # A name general language knows well (a country, "United Kingdom") is no less a named
    # entity for being frequent there: general frequency argues against a common word only.
    "one_word_name_general",
    "all_capital_general",
    "first_after_place",
    # The share of its occurrences that one longer candidate holds (the same word added on
    # the same side, inflection aside): "horizontal-axis wind" always stands inside
    # "horizontal-axis wind turbine(s)", "wind turbine" inside many. Near 1, a fragment.
    "fragment_share",
    "fragment_share_1word",
    # The same, counting only the longer candidates that add a word on the head's side
    # (after it in English, before it in French): "horizontal-axis wind" lacks the head of
    # "horizontal-axis wind turbine", where "wind turbine" has its head and only lacks a
    # modifier. Near 1, a phrase cut off before its head (see ``vetoed``).
    "headless_share",
    # A lone word that general language inflects as a verb and that this text never uses
    # as a noun would be (after a determiner, beside another content word, inside a longer
    # candidate, capitalised inside a sentence): "adhere", "strive". Inflected verbs, which
    # seldom stand alone so, are vetoed apart (``inflected_verbs``).
    "lone_verb",
)

# Word endings that suggest a part of speech, per language: (verb, adverb, plural, adjective).
_ENDINGS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "en": (
        ("ing", "ed", "ize", "ise", "ate"),
        ("ly",),
        ("s",),
        ("al", "ic", "ive", "ous", "able", "ible", "ary", "ful", "less"),
    ),
    "fr": (
        ("er", "ir", "ant", "é", "ée", "és", "ées"),
        ("ment",),
        ("s", "x"),
        (
            "al",
            "ale",
            "aux",
            "ique",
            "if",
            "ive",
            "eux",
            "euse",
            "able",
            "ible",
            "aire",
            "el",
            "elle",
        ),
    ),
}


# A French word in "-ment" is a noun where general language writes its plural, however
# seldom ("rendement" 4.2, "rendements" 3.6; "fonctionnement" 4.6, 2.5; "avènement" 3.8,
# 1.1), an adverb where it has none or only the odd misspelling ("fortement" 4.7,
# "fortements" 0; "complètement" 4.9, 2.1; "tellement" 5.2, 1.7). Over wordfreq's French
# words in "-ment" the nouns' gaps reach 2.7, the adverbs' start at 2.8; at 1.5,
# "fonctionnement" read as an adverb and cost "point de fonctionnement" the cut-off.
NOUN_PLURAL_MARGIN = 2.8


def _adverb_ending(word: str, lang: str, endings: tuple[str, ...]) -> bool:
    """Whether ``word`` ends as an adverb does (``_ENDINGS``), a French noun in "-ment"
    with a plural aside (``NOUN_PLURAL_MARGIN``): "rendement", "raccordement" are terms'
    heads, where the ending alone cost them the cut-off."""
    if not word.endswith(endings):
        return False
    if lang != "fr":
        return True
    return general_zipf(word + "s", lang) < general_zipf(word, lang) - NOUN_PLURAL_MARGIN


def split_form(form: str, lang: str) -> list[str]:
    """The tokens of a form, elisions apart ("production d'électricité" → 3 tokens);
    ``lang`` is a primary subtag."""
    if lang in ("zh", "ja"):
        return list(form)
    return form.replace("'", "' ").split()


def join_tokens(tokens: list[str], lang: str) -> str:
    if lang in ("zh", "ja"):
        return "".join(tokens)
    return " ".join(tokens).replace("' ", "'")


# Where the combiner's head features (``spec_head``, ``head_productivity``,
# ``modifier_productivity``) read a phrase's head first: French alone, as the shipped models
# learnt them, not every language that puts it first (``languages.puts_head_first``). The
# default model, which scores Spanish and the other Romance languages, weighs the
# modifier's productivity well above the head's (0.33 against 0.14), learnt mostly from
# English compounds whose modifier is the domain's noun ("wind" of "wind turbine", "wind
# energy"; the French model weighs it 0.15). Read head first, a Spanish noun with its
# adjective gives the opposite: an everyday head ("energía") and an adjective that agrees
# in gender ("eólica", "eólico") and so counts as two modifiers: "energía eólica", "fuerza
# centrífuga", "control aerodinámico" fell below the cut-off.
# The rules that judge the text rather than weigh features (``fragment_shares``'s veto,
# the variant groups, abbreviations) read every head-first language as such.
COMBINER_HEAD_FIRST = frozenset({"fr"})


def feature_matrix(
    index: CandidateIndex, forms: list[str], group_frequency: dict[str, int]
) -> np.ndarray:
    """One row of ``FEATURES`` per form in ``forms``."""
    lang = languages.primary(index.lang)
    stats_of = index.forms
    total = max(index.words, 1)
    counts = index.word_counts
    head_last = lang not in COMBINER_HEAD_FIRST
    verb_end, adverb_end, plural_end, adjective_end = _ENDINGS.get(lang, ((), (), (), ()))
    links = LINK_WORDS.get(lang, frozenset())
    containers = _containers(index, lang)
    fragments, headless = fragment_shares(index)
    heads: dict[str, int] = defaultdict(int)
    modifiers: dict[str, int] = defaultdict(int)
    for entry in stats_of.values():
        if len(entry.words) > 1:
            heads[entry.words[-1] if head_last else entry.words[0]] += 1
            modifiers[entry.words[0] if head_last else entry.words[-1]] += 1
    alphabet = _ALPHABETS.get(lang)

    def spec(word: str) -> float:
        corpus_zipf = math.log10(counts.get(word, 1) / total * 1e9)
        return corpus_zipf - general_zipf(word, lang)

    after_determiner = index.word_after_determiner
    after_verb_cue = index.word_after_verb_cue
    before_content = index.word_before_content
    after_content = index.word_after_content

    def share(table: dict[str, int], word: str) -> float:
        return table.get(word, 0) / max(counts.get(word, 1), 1)

    latin = lang not in ("zh", "ja", "ru", "el", "ar", "uk", "bg")
    # In one document every candidate is in all of them: the document features say
    # nothing there, and are left unknown (NaN) for the combiner to take as average.
    several = index.documents > 1
    rows = np.zeros((len(forms), len(FEATURES)), dtype=np.float64)
    for row, form in enumerate(forms):
        stats = stats_of[form]
        words = stats.words
        n = len(words)
        head = words[-1] if head_last else words[0]
        freq = stats.count
        nested = containers.get(form)
        if nested:
            c_value = math.log2(n + 1) * max(freq - nested[1] / nested[0], 0.0)
            independence = (freq - nested[2]) / freq
            log_containers = math.log1p(nested[0])
        else:
            c_value = math.log2(n + 1) * freq
            independence = 1.0
            log_containers = 0.0
        specs = [spec(word) for word in words]
        generals = [general_zipf(word, lang) for word in words]
        if n > 1:
            first, last = counts.get(words[0], 1), counts.get(words[-1], 1)
            pmi = math.log(freq * total / (first * last))
        else:
            pmi = 0.0
        inside = max(stats.inside, 1)
        last_word = words[-1]
        rows[row] = (
            n == 1,
            n == 2,
            n == 3,
            n >= 4,
            math.log(freq),
            math.log(group_frequency.get(form, freq)),
            math.log(stats.docs) if several else math.nan,
            stats.docs / index.documents if several else math.nan,
            math.log1p(c_value),
            independence,
            log_containers,
            min(specs),
            max(specs),
            spec(head),
            min(generals),
            max(generals),
            sum(g == 0.0 for g in generals) / n,
            pmi,
            math.log1p(heads.get(head, 0)),
            stats.capital / inside,
            stats.all_capital / inside,
            stats.upper / inside,
            stats.after_determiner / inside,
            stats.after_verb_cue / inside,
            stats.before_determiner / freq,
            any(token in links for token in split_form(form, lang)),
            "-" in form,
            any(ch.isdigit() for word in words for ch in word),
            math.log(len(form)),
            last_word.endswith(verb_end) if verb_end else False,
            any(_adverb_ending(word, lang, adverb_end) for word in words) if adverb_end else False,
            last_word.endswith(plural_end) if plural_end else False,
            words[0].endswith(adjective_end) if adjective_end else False,
            any(len(word) <= 2 for word in words),
            math.log(min(len(word) for word in words)),
            latin and has_symbol_letters(form),
            stats.prose / freq,
            any(
                len(word) <= 4 and general == 0.0
                for word, general in zip(words, generals, strict=True)
            ),
            math.log1p(modifiers.get(words[0] if head_last else words[-1], 0)) if n > 1 else 0.0,
            alphabet is not None and alphabet.search(form) is not None,
            stats.capital / inside if n == 1 else 0.0,
            specs[0] if n == 1 else 0.0,
            math.log(freq) if n == 1 else 0.0,
            generals[0] if n == 1 else 0.0,
            stats.upper / inside if n == 1 else 0.0,
            share(after_verb_cue, last_word),
            share(after_determiner, last_word),
            share(before_content, last_word),
            share(after_content, words[0]),
            stats.capital / inside * generals[0] if n == 1 else 0.0,
            stats.all_capital / inside * min(generals),
            share(index.word_after_place_cue, words[0]),
            fragments.get(form, 0.0),
            fragments.get(form, 0.0) if n == 1 else 0.0,
            headless.get(form, 0.0),
            n == 1
            and not nested
            and stats.capital == 0
            and not after_determiner.get(form)
            and not before_content.get(form)
            and not after_content.get(form)
            and verb_form(form, lang),
        )
    return rows


# The Zipf frequency every word of a verb's bound object reaches in general language: an
# idiom's object is an everyday word ("pace" 4.38, "advantage" 4.78), where a specialised
# noun after an "-ing" form makes a term ("posting trot": "trot" 3.21; "stopping torque").
IDIOM_OBJECT_ZIPF = 4.0


def inflected_verbs(index: CandidateIndex, forms: Sequence[str]) -> np.ndarray:
    """Which of ``forms`` are inflected verbs the text never uses as nouns, alone or
    opening a phrase ("upheld multilateralism", "underpins infrastructure connectivity").

    ``lone_verb`` takes a word only where it stands alone, away from other content words
    and longer candidates, which an inflected verb seldom does: it has an object after it
    or a subject before it ("adhering to win-win cooperation", "progress penetrates"). Here
    an "-ing" form or a participle is a noun's only after a determiner, with a modifier
    before it ("blade pitching") or with a plural ("buildings"); at the head of a clause it
    is a verb's ("Advocating win-win cooperation", "on the basis of adhering to", "must be
    upheld"). A word before a participle is its subject, not a modifier, where it is a name
    ("China upheld") or has a determiner before it ("The country strengthened"), and so is
    any word where the passive's agent follows ("the idea advocated by China"). An
    irregular simple past ("grew", "took") is a verb's unless a determiner or a plural
    makes a noun of it ("the rose", "roses"). A third person ("penetrates") is a plural
    noun's where the text has the singular, the verb's base form, where it starts a
    sentence, or where general language writes it more often than the verb's past or
    "-ing" ("exchanges", "limits") and neither a determiner (its object: "supports the")
    nor an adverb ("interacts benignly") follows it each time. A base form is a verb's
    where no occurrence says noun and each says verb: a plural subject before it ("turbines
    convert wind"), a name after it ("consolidate China's"), a determiner or an adverb
    (``_verbal_base``). A capital at a sentence's start says nothing; inside one it says a
    name. Only where general language writes the verb's past about as often as the base
    form: "figure", "back", "test" are nouns first ("riders test the horse" aside). A
    finite verb right after a third person or a base form makes it a subject, a noun
    ("discharges increased", "the earnings report was published"), and a plural before a
    base form is its subject only where the text does not repeat the two as a compound
    ("earnings report", "systems design").

    A phrase opening with such a word is a verb's with what follows, its object, unless a
    determiner stands before the phrase or its capitals make it a name; a participle opens
    an adjective's phrase as well ("induced drag"), so it takes a subject before it every
    time, and an "-ing" form one that names a process ("processing trade"), so it takes a
    preposition after it ("adhering to the principle"), or an object that is no single
    noun but a phrase the text also uses without it, where the text uses its verb as a
    verb in another form ("Advocating win-win cooperation" beside "win-win cooperation"
    and "advocated by China"; "processing trade" beside "processed by" stays). An "-ing"
    form that general language writes mostly as a verb's (``general.mostly_verbal_ing``:
    "keeping", "stopping") opens a verb's phrase too where what follows never stands
    without it and is everyday language (``IDIOM_OBJECT_ZIPF``): its object, bound to it
    in an idiom ("keeping pace with", "taking advantage of"). A noun the text also uses
    apart makes a kind of it ("rising trot" beside "trot"), a specialised one a term
    ("posting trot" alone in a short text), and a noun's or adjective's "-ing" form
    ("training data", "floating platform") is left alone.

    English only: the inflections, cues and word order are English grammar's.

    Not a feature of the combiner but a veto after it, as ``extract_terms`` and the
    benchmark apply it: as a feature it moved the combiner's other weights more than it
    told terms from verbs.
    """
    lang = languages.primary(index.lang)
    result = np.zeros(len(forms), dtype=bool)
    if lang != "en":
        return result
    links = LINK_WORDS.get(lang, frozenset())
    verbs: dict[str, str | None] = {}

    def verb_use(word: str) -> str | None:
        """The inflection of ``word`` where the text uses it as a verb only, else None."""
        if word not in verbs:
            verbs[word] = _verb_use(index, word, lang)
        return verbs[word]

    def verb_elsewhere(word: str) -> bool:
        """Whether the text uses another form of ``word``'s verb as a verb only."""
        return any(
            other != word and other in index.forms and verb_use(other) is not None
            for lemma in verb_lemmas(word, lang) - {word}
            for other in inflections(lemma, lang)
        )

    for row, form in enumerate(forms):
        stats = index.forms[form]
        if len(stats.words) == 1:
            result[row] = verb_use(form) is not None
            continue
        if stats.after_determiner or stats.capital > stats.clause_capital:
            continue
        inflection = verb_use(stats.words[0])
        if inflection == PARTICIPLE:
            result[row] = stats.after_content == stats.count
        elif inflection == ING:
            tokens = split_form(form, lang)
            rest = index.forms.get(join_tokens(tokens[1:], lang))
            bound = (
                rest is not None
                and rest.count <= stats.count
                and min(general_zipf(word, lang) for word in rest.words) >= IDIOM_OBJECT_ZIPF
                and mostly_verbal_ing(stats.words[0], lang)
            )
            result[row] = len(tokens) > 1 and (
                tokens[1] in links
                or bound
                or (
                    rest is not None
                    and len(rest.words) > 1
                    and rest.count > stats.count
                    and verb_elsewhere(stats.words[0])
                )
            )
        else:
            result[row] = inflection is not None
    return result


def _verb_use(index: CandidateIndex, word: str, lang: str) -> str | None:
    """``word``'s inflection where this text uses it as an inflected verb only (see
    ``inflected_verbs``), else None."""
    stats = index.forms.get(word)
    if (
        stats is None
        or index.word_after_determiner.get(word)
        or stats.capital > stats.clause_capital
    ):
        return None
    after_content = index.word_after_content.get(word, 0)
    counts = index.word_counts
    inflection = verb_inflection(word, lang)
    if inflection == ING:
        verb = not after_content and not counts.get(word + "s")
    elif inflection == PARTICIPLE:
        subject = index.word_after_name.get(word, 0) + index.word_verb_after_content.get(word, 0)
        verb = after_content <= subject
    elif inflection == PAST:
        verb = not counts.get(word + "s")
    elif inflection == THIRD_PERSON:
        # A third person follows its subject: at a sentence's start it is a plural.
        # An object or an adverb after it each time says verb whatever general language
        # writes more often; a noun takes neither right after it. The verb's base form in
        # the text says singular noun only where the text does not use it as a verb too
        # ("contribute to" beside "China contributes"). A finite verb right after it makes
        # it a subject, a plural noun ("discharges increased", "night shifts are"), however
        # level general language writes its forms.
        after = stats.before_determiner + index.word_before_adverb.get(word, 0)
        verb = (
            stats.inside == stats.count
            and not stats.clause_capital
            and not index.word_before_finite.get(word)
            and (mostly_third_person(word, lang) or after >= stats.count)
            and not any(
                counts.get(lemma) and not _verbal_base(index, lemma)
                for lemma in verb_lemmas(word, lang) - {word}
            )
        )
    elif inflection is None and verb_form(word, lang):
        # A base form is a verb's where a plural subject stands before it, or an object
        # (a determiner, a name) or an adverb after it, and no occurrence says noun.
        cues = (
            index.word_after_plural.get(word, 0)
            + index.word_before_name.get(word, 0)
            + stats.before_determiner
            + index.word_before_adverb.get(word, 0)
        )
        verb = cues >= stats.count and mostly_verb(word, lang) and _verbal_base(index, word)
        inflection = BASE
    else:
        verb = False
    return inflection if verb else None


def _verbal_base(index: CandidateIndex, word: str) -> bool:
    """Whether every occurrence of the base form ``word`` reads as a verb's, or stands
    alone where a verb may (``lone_verb``): never after a determiner or capitalised inside
    a sentence or at a sentence's start (a subject there), a content word before it only
    where that is a plural, its subject ("turbines convert"; a singular modifies a noun:
    "wind power"; a pair the text repeats is a compound: "earnings report"), one after it
    only where that follows such a subject or is a name, its object ("convert wind",
    "consolidate China's"), and never a finite verb after it, which makes it a subject
    ("the earnings report was published")."""
    stats = index.forms.get(word)
    if (
        stats is None
        or stats.capital
        or stats.after_determiner
        or stats.inside < stats.count
        or index.word_before_finite.get(word)
    ):
        return False
    after_plural = index.word_after_plural.get(word, 0)
    objects = index.word_after_plural_before_content.get(word, 0) + index.word_before_name.get(
        word, 0
    )
    return (
        index.word_after_content.get(word, 0) <= after_plural
        and index.word_before_content.get(word, 0) <= objects
    )


# An ordinal written in digits ("21st", "3rd", French "21e", "1er", "2ème"): it dates or
# ranks ("the 21st century"), as a number counts.
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th|e|er|re|ère|ème|es|èmes)")


def ordinals(index: CandidateIndex, forms: Sequence[str]) -> np.ndarray:
    """Which of ``forms`` hold an ordinal written in digits: no term ("21st", "21st
    century"). A veto after the combiner, as ``inflected_verbs``: dropped from the
    candidates, they changed what the combiner learned from the rest and moved its
    held-out scores both ways, where the gold lists hold no ordinal."""
    return np.array(
        [any(_ORDINAL.fullmatch(word) for word in index.forms[form].words) for form in forms],
        dtype=bool,
    )


# A word that starts with a digit and holds no run of letters this long is a quantity with
# its unit ("50kW", "600-700m", "200s") or a code ("0PW" of a postcode, "2k1-11"); a
# longer run makes it a word ("4-beat", "20-meter") or a name ("4Energia").
CODE_LETTERS = 4
_LETTER_RUN = re.compile(r"[^\W\d_]+")
# A number with capitals after it and nothing else: a name of a thing the text counts in
# ("5G", "4G", "3GPP", "2FA", "4K", "3D"), a noun, unless the capitals are a unit's.
_NAMED_BY_NUMBER = re.compile(r"\d+([^\W\d_]+)")
# The unit symbols written in capitals alone, so that a quantity reads as such a name
# ("5MW", "6GW", "0PW", "230V", "29A"), folded as the candidates' words are: watts, volts,
# amperes, joules, newtons, and their multiples by a capital prefix (mega, giga, tera,
# peta). A unit with a small letter ("kW", "Hz", "mph", "m") is never written so.
_CAPITAL_UNITS = frozenset(
    {"w", "v", "a", "j", "n"}
    | {
        prefix + unit
        for prefix in ("m", "g", "t", "p")
        for unit in ("w", "wh", "v", "va", "var", "j", "n", "hz")
    }
)


def _named_by_number(word: str, index: CandidateIndex) -> bool:
    """Whether ``word`` is a number with capitals after it, no unit's, that the text writes
    in capitals at least half the time (``_NAMED_BY_NUMBER``): "5G" and "3GPP", where
    "5g" is five grams and "50kW" a quantity."""
    match = _NAMED_BY_NUMBER.fullmatch(word)
    if match is None or match.group(1) in _CAPITAL_UNITS:
        return False
    upper = index.upper_counts.get(word, 0)
    return upper > 0 and upper * 2 >= index.word_counts.get(word, upper)


def _quantity_or_code(word: str, index: CandidateIndex) -> bool:
    """Whether ``word`` is a number with its unit or a code (``CODE_LETTERS``), rather than
    a name of a thing by a number (``_named_by_number``)."""
    return (
        word[:1].isdigit()
        and all(len(run) < CODE_LETTERS for run in _LETTER_RUN.findall(word))
        and not _named_by_number(word, index)
    )


def quantities_and_codes(index: CandidateIndex, forms: Sequence[str]) -> np.ndarray:
    """Which of ``forms`` are made of quantities and codes alone (``CODE_LETTERS``): no
    term ("50kw", "40kw 40kw", "0pw"), where one that names a thing by them is ("5mw
    turbine", "20-meter circle"), and so is a name by a number ("5g", "3gpp"). A veto after
    the combiner, as ``ordinals``."""
    return np.array(
        [all(_quantity_or_code(word, index) for word in index.forms[form].words) for form in forms],
        dtype=bool,
    )


def citation_keys(index: CandidateIndex, forms: Sequence[str]) -> np.ndarray:
    """Which of ``forms`` hold a word the text writes only as a citation key ("KUN" of
    "[KUN 97]", ``candidates._CITATION_KEY``): an author cited, no term. A body that the
    text also names elsewhere ("RTE" of "[RTE 08]" and "Le RTE est né") is kept. A veto
    after the combiner, as ``ordinals``: the capitals made these read as acronyms."""
    cited = index.word_citation
    counts = index.word_counts
    return np.array(
        [
            any(cited.get(word, 0) >= counts.get(word, 1) for word in index.forms[form].words)
            for form in forms
        ],
        dtype=bool,
    )


def form_vetoes(index: CandidateIndex, forms: Sequence[str]) -> np.ndarray:
    """Which of ``forms`` no score keeps, judged on the text rather than on the combiner's
    features: inflected verbs, French finite verbs, ordinals, lone common adjectives,
    quantities and codes, and authors cited by a key."""
    result: np.ndarray = (
        inflected_verbs(index, forms)
        | finite_verbs(index, forms)
        | ordinals(index, forms)
        | lone_adjectives(index, forms)
        | quantities_and_codes(index, forms)
        | citation_keys(index, forms)
    )
    return result


def finite_verbs(index: CandidateIndex, forms: Sequence[str]) -> np.ndarray:
    """Which of ``forms`` hold a word general language writes mostly as a French finite
    verb (``general.mostly_finite_verb``: "micro-onduleurs équipent", "équipent"): a
    subject with its verb, or a verb alone, no term. A veto after the combiner, as
    ``inflected_verbs``: as a boundary of the candidates it moved the features the
    combiner learnt on (ACTER French held-out F1 0.399 to 0.396)."""
    if languages.primary(index.lang) != "fr":
        return np.zeros(len(forms), dtype=bool)
    return np.array(
        [any(mostly_finite_verb(w, index.lang) for w in index.forms[f].words) for f in forms],
        dtype=bool,
    )


def lone_demonyms(index: CandidateIndex, forms: Sequence[str]) -> np.ndarray:
    """Which of ``forms`` are one word that names a people or its language ("Chinese",
    "Americans", "française"; ``demonyms``; French "suisse" where the text writes it in
    lower case, ``place_demonyms``): no term alone, where a phrase holding one may be
    ("Chinese medicine", "pas espagnol"). A listing rule of ``extract_terms`` after the
    combiner, which reads a name's capital as a named entity's and ranked "Chinese" second
    in the seed paper, where ACTER's gold lists no demonym (its countries, named entities,
    stay: "China"). Not one of ``form_vetoes``: training would choose its cut-off with it,
    and on equi/en, where F1 is flat from 0.28 to 0.32, that moved the cut-off learnt for
    wind/en from 0.32 to 0.28 (held-out 0.426 to 0.421), though the veto raises F1 at every
    cut-off of both domains."""
    lang = languages.primary(index.lang)
    spelled = place_demonyms(lang)
    result = np.zeros(len(forms), dtype=bool)
    for row, form in enumerate(forms):
        stats = index.forms[form]
        if len(stats.words) != 1:
            continue
        word = stats.words[0]
        if lang == "en" and _small_letter(stats):
            # English writes a people's name with a capital: in lower case it is another
            # word ("swede", the vegetable, was vetoed from a cookery text; "china").
            continue
        # "suisse" is the country where the text writes it with a capital ("la Suisse"),
        # the adjective where it does not ("la banque suisse").
        result[row] = is_demonym(word, lang) or (word in spelled and _lower_case(stats))
    return result


def _small_letter(stats: FormStats) -> bool:
    """Whether the text writes a one-word form with a small letter more often than with a
    capital of its own, where it can tell (not at a segment's start; ``_lower_case`` also
    says so where it cannot)."""
    own_capital = stats.capital - stats.clause_capital - stats.in_name
    return stats.inside - stats.capital > own_capital


def _lower_case(stats: FormStats) -> bool:
    """Whether the text writes a one-word form in lower case mostly: a capital of its own,
    not a sentence's or a longer name's ("Strategic" of "Chinese Diplomatic Strategic
    Thought"), makes it a name."""
    own_capital = stats.capital - stats.clause_capital - stats.in_name
    return bool(own_capital * 2 < max(stats.inside, 1))


# A lone adjective is general language's where general language uses it this much (Zipf):
# "economic" 4.9, "international" 5.2, "natural" 5.1, where the adjectives ACTER counts as
# terms of their own are a domain's ("aerodynamic" 3.2, "radial" 3.5, "axial" 3.1).
COMMON_ADJECTIVE_ZIPF = 4.0
# An adjective's adverb ("economically", "mondialement") is a word general language knows
# at this Zipf frequency, where a noun that merely ends like an adjective has none
# ("journal", "dictionnaire").
ADVERB_ZIPF = 2.0
# French adjectives stand after their noun, so one that follows a determiner in this share
# of its occurrences is used as a noun ("la technique", "l'objectif").
NOUN_DETERMINER_SHARE = 0.3
# An English adjective modifies a noun: one that stands before another content word in
# less than this share of its occurrences heads a phrase, as a noun.
MODIFIER_SHARE = 0.5


def lone_adjectives(index: CandidateIndex, forms: Sequence[str]) -> np.ndarray:
    """Which of ``forms`` are one common adjective the text does not use as a noun
    ("global", "economic", "économique"): no term alone, however often it modifies one. A
    veto after the combiner, as ``inflected_verbs``: the combiner weighs an adjective's
    ending with the rest and kept "diplomatic" to fill the seed paper's floor."""
    lang = languages.primary(index.lang)
    adjective_end = _ENDINGS[lang][3] if lang in _ENDINGS else ()
    result = np.zeros(len(forms), dtype=bool)
    if not adjective_end:
        return result
    for row, form in enumerate(forms):
        stats = index.forms[form]
        if len(stats.words) != 1:
            continue
        word = stats.words[0]
        # A name is counted apart (``_lower_case``).
        result[row] = (
            word.endswith(adjective_end)
            and _lower_case(stats)
            and general_zipf(word, lang) >= COMMON_ADJECTIVE_ZIPF
            and _has_adverb(word, lang)
            and not _noun_use(index, word, lang)
        )
    return result


def _has_adverb(word: str, lang: str) -> bool:
    """Whether general language makes an adverb of ``word``, as it does of an adjective."""
    if lang == "en":
        if word.endswith("ic"):
            adverb = word + "ally"
        elif word.endswith("le"):
            adverb = word[:-1] + "y"
        elif word.endswith("y"):
            adverb = word[:-1] + "ily"
        else:
            adverb = word + "ly"
    else:
        ending = next((end for end in _FRENCH_FEMININE if word.endswith(end)), None)
        feminine = word if ending is None else word[: -len(ending)] + _FRENCH_FEMININE[ending]
        adverb = feminine + "ment"
    return general_zipf(adverb, lang) >= ADVERB_ZIPF


# French masculine endings and their feminine, which the adverb is made from ("actif" →
# "activement", "global" → "globalement"); any other adjective the endings of
# ``_ENDINGS`` name is its own feminine ("économique", "durable").
_FRENCH_FEMININE = {"if": "ive", "eux": "euse", "el": "elle", "al": "ale"}


def _noun_use(index: CandidateIndex, word: str, lang: str) -> bool:
    """Whether the text uses ``word`` as a noun. In English: its plural ("-ics" names a
    field of its own: "economics" is no plural of "economic"), or standing before no other
    content word in most of its occurrences ("the logic of", where an adjective modifies:
    "global governance"). In French, after a determiner (its adjectives follow the noun)."""
    count = max(index.word_counts.get(word, 1), 1)
    if lang == "en":
        if not word.endswith("ic") and index.word_counts.get(word + "s", 0) > 0:
            return True
        return index.word_before_content.get(word, 0) / count < MODIFIER_SHARE
    return index.word_after_determiner.get(word, 0) / count >= NOUN_DETERMINER_SHARE


def field_adjectives(index: CandidateIndex) -> frozenset[str]:
    """English adjectives in -ic that ``lone_adjectives`` vetoes beside a word in -ics the
    text uses: "economic" and "economics", whose -ics names a field of its own, no plural of
    the adjective, so that the field's group does not keep the adjective
    (``variants.StemKeys``). A domain's adjective ("aerodynamic", "aerodynamics") and a noun
    ("topic", "topics") stay one group."""
    if languages.primary(index.lang) != "en":
        return frozenset()
    words = [
        word
        for word in index.word_counts
        if word.endswith("ic") and index.word_counts.get(word + "s", 0) > 0 and word in index.forms
    ]
    return frozenset(
        word for word, lone in zip(words, lone_adjectives(index, words), strict=True) if lone
    )


# Letters a language's own words do not use: "yüksek lisans" in an English thesis is Turkish.
_ALPHABETS = {
    "en": re.compile(r"[^\x00-\x7f]"),
    "fr": re.compile(r"[^\x00-\x7fàâäçéèêëîïôöùûüÿœæ]"),
}


# A phrase that never occurs outside one longer candidate that adds its head is a fragment
# of it: its score is set to 0 whatever the combiner says (the combiner weighs
# ``fragment_share`` with the rest and gave "horizontal-axis wind" 0.93 all the same). A
# phrase found only inside a longer one that adds a modifier keeps its head and may be a
# term of its own: "wind turbine" in a text that only writes "horizontal-axis wind
# turbine(s)" (the ACTER wind gold has both; vetoing it cut short texts' terms). Names are
# left alone: ACTER-style annotation counts "Tahsin" of "Tahsin Çetinkaya" a named entity.
FRAGMENT_SHARE = 0.99


def vetoed(rows: np.ndarray) -> np.ndarray:
    """Which rows of ``feature_matrix`` no score keeps: multi-word fragments (above), and
    lone verbs (``lone_verb``: as a feature alone the combiner let "strive" and "adhere"
    through on a short text, vetoed the ACTER scores hold)."""
    column = FEATURES.index
    result: np.ndarray = (
        (rows[:, column("headless_share")] >= FRAGMENT_SHARE)
        & (rows[:, column("bias_1word")] == 0)
        & (rows[:, column("capital_ratio")] < 0.5)
    )
    result |= rows[:, column("lone_verb")] > 0

    return result


def fragment_shares(index: CandidateIndex) -> tuple[dict[str, float], dict[str, float]]:
    """For each form that longer candidates extend: the largest share of its occurrences
    that one extension holds, an extension being the form with one more content word on one
    side (and the linking words before it), its inflections counted together ("turbine",
    "turbines"). A form found only inside one longer candidate ("horizontal-axis wind" in
    "horizontal-axis wind turbine") gets 1: a fragment of it, C-value's nested candidate
    that is never independent. Returned twice: over every extension, and over those that
    add a word on the head's side only (``headless_share``)."""
    from termwise.terms.variants import StemKeys

    lang = languages.primary(index.lang)
    keys = StemKeys(lang)
    glue = LINK_WORDS.get(lang, frozenset()) | LINK_ARTICLES.get(lang, frozenset())
    forms = index.forms
    head_last = not languages.puts_head_first(lang)
    extended: dict[str, dict[tuple[bool, str], int]] = {}
    for form, stats in forms.items():
        if len(stats.words) < 2:
            continue
        tokens = split_form(form, lang)
        left, right = tokens[1:], tokens[:-1]
        while left and left[0] in glue:
            left = left[1:]
        while right and right[-1] in glue:
            right = right[:-1]
        for on_right, part, extra in ((True, right, tokens[-1]), (False, left, tokens[0])):
            inner = join_tokens(part, lang)
            if inner not in forms:
                continue
            table = extended.setdefault(inner, {})
            slot = (on_right, keys.word(extra))
            table[slot] = table.get(slot, 0) + stats.count
    shares = {
        form: min(max(table.values()) / forms[form].count, 1.0) for form, table in extended.items()
    }
    headless = {
        form: min(
            max(v for (on_right, _), v in table.items() if on_right == head_last)
            / forms[form].count,
            1.0,
        )
        for form, table in extended.items()
        if any(on_right == head_last for on_right, _ in table)
    }
    return shares, headless


def _containers(index: CandidateIndex, lang: str) -> dict[str, tuple[int, int, int]]:
    """For each form nested in longer candidates: (how many, their total and largest
    frequency)."""
    found: dict[str, list[int]] = {}
    forms = index.forms
    for form, stats in forms.items():
        if len(stats.words) < 2:
            continue
        tokens = split_form(form, lang)
        size = len(tokens)
        seen: set[str] = set()
        for i in range(size):
            for j in range(i + 1, size + 1):
                if j - i == size:
                    continue
                inner = join_tokens(tokens[i:j], lang)
                if inner in seen or inner not in forms:
                    continue
                seen.add(inner)
                entry = found.get(inner)
                if entry is None:
                    found[inner] = [1, stats.count, stats.count]
                else:
                    entry[0] += 1
                    entry[1] += stats.count
                    if stats.count > entry[2]:
                        entry[2] = stats.count
    return {form: (e[0], e[1], e[2]) for form, e in found.items()}
