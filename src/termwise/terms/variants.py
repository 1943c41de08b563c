"""Variant groups: the forms a text uses for one concept, gathered into one candidate.

Forms join a group, in this order, when

1. they are the same words but for inflection, possessive, case, hyphen or space
   ("destiny community", "destiny communities", "win-win"/"win win", "autoconsommation"/
   "auto-consommation");
2. the glossary matcher finds them as terms of the same concept;
3. one is the "X of Y" inversion of the other ("community of human destiny" / "human destiny
   community"; English only, where the inversion is productive);
4. one is an abbreviation the text defines for the other ("Asian Infrastructure Investment
   Bank (AIIB)");
5. the shorter one drops a modifier and the text shows it names the same thing: it is used
   alone, nearly all of its longer occurrences are in the one group, and that group is used
   far more often than the short form alone ("destiny community" inside "human destiny community", but not
   "wind turbine" inside "offshore wind turbine", which is a concept of its own).

Two groups linked to different glossary concepts never merge, and rule 5 attaches the short
form to one group only, so "community of Asian destiny" and "China-ASEAN destiny community"
stay concepts of their own.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, MutableMapping, Sequence
from dataclasses import dataclass, field

from termwise import languages
from termwise.terms.candidates import LINK_WORDS, FormStats, fold, stop_words
from termwise.terms.scoring import join_tokens, split_form

# Rule 5: the group must hold this share of the short form's longer occurrences, and be used
# this many times as often as the short form alone.
DOMINANT_SHARE = 0.5
DOMINANT_RATIO = 3.0

_ABBREVIATION = re.compile(r"\(\s*([A-Z][A-Za-z&]*[A-Z][A-Za-z&]*s?)\s*\)")


@dataclass
class Group:
    """The forms of one concept as the text uses them."""

    forms: list[str]
    concept: str | None = None
    conflicts: set[str] = field(default_factory=set)


class _Union:
    """Union-find over forms that keeps at most one glossary concept per set."""

    def __init__(self, concepts: Mapping[str, str]) -> None:
        self.parent: dict[str, str] = {}
        self.concept: dict[str, str] = dict(concepts)

    def find(self, form: str) -> str:
        parent = self.parent.setdefault(form, form)
        if parent == form:
            return form
        root = self.find(parent)
        self.parent[form] = root
        return root

    def union(self, a: str, b: str) -> bool:
        root_a, root_b = self.find(a), self.find(b)
        if root_a == root_b:
            return True
        concept_a, concept_b = self.concept.get(root_a), self.concept.get(root_b)
        if concept_a and concept_b and concept_a != concept_b:
            return False
        self.parent[root_b] = root_a
        if concept_b and not concept_a:
            self.concept[root_a] = concept_b
        return True


class StemKeys:
    """The inflection-free key of a form: each word without its plural or possessive ending
    (English, French and Spanish by rule, other languages by Snowball stem), hyphens as
    spaces.

    Only inflection: "development" and "developing", "peace" and "peaceful" stay apart,
    which a Snowball stem would join. ``adjectives`` are English adjectives in -ic whose
    -ics is no plural but a field (``scoring.field_adjectives``): "economics" keys apart
    from "economic", as the glossary matcher keys an adjective apart from its noun; a
    plural with a sense of its own (``_OWN_PLURALS``: "humanities") keys apart from its
    singular.
    """

    def __init__(self, lang: str, adjectives: Collection[str] = frozenset()) -> None:
        self.lang = languages.primary(lang)
        self._stem = _stemmer(self.lang)
        self._cache: dict[str, str] = {}
        self._adjectives = adjectives

    def word(self, word: str) -> str:
        found = self._cache.get(word)
        if found is None:
            bare = word.strip("'")
            own_field = bare.endswith("ics") and bare[:-1] in self._adjectives
            if own_field or bare in _OWN_PLURALS.get(self.lang, ()):
                found = self._cache[word] = bare
            else:
                found = self._cache[word] = _uninflect(bare, self.lang, self._stem)
        return found

    def key(self, form: str) -> str:
        if self.lang in ("zh", "ja"):
            return form
        tokens = form.replace("-", " ").replace("\u2013", " ").replace("'", "' ").split()
        return " ".join(self.word(token) for token in tokens)

    def spelling_key(self, form: str) -> str:
        """``key`` with its spaces out: a closed compound is the spaced or hyphenated one
        ("autoconsommation", "auto-consommation"; "horseback", "horse back"). Only for
        grouping (``build_groups``): the combiner learnt its group frequencies on ``key``."""
        return self.key(form).replace(" ", "")


# English plurals that name another concept than their singular, so no variant of it:
# "humanities" (the disciplines; "humanities exchanges") is not "humanity" (mankind),
# "customs" (the service) not "custom". Dictionaries list each sense apart; a plural
# that is also its singular's in common use stays out ("arms": a rider's upper arms).
_OWN_PLURALS = {
    "en": frozenset(
        {"humanities", "customs", "goods", "manners", "savings", "earnings", "premises"}
        | {"securities", "futures", "surroundings"}
    ),
}


def _uninflect(word: str, lang: str, stem: Callable[[str], str]) -> str:
    if lang == "en":
        if len(word) > 4 and word.endswith("ies"):
            return word[:-3] + "y"
        if word.endswith(("sses", "shes", "ches", "xes")):
            return word[:-2]
        if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
            return word[:-1]
        return word
    if lang == "fr":
        # "-eau" and "-au" nouns take an "x" ("panneaux", "réseaux", "tuyaux"); the other
        # "-aux" are plurals of "-al" ("journaux").
        if len(word) > 4 and word.endswith("aux") and not word.endswith(("eaux", "yaux")):
            return word[:-3] + "al"
        # A plural "x" follows "eu", "au", "ou" ("jeux", "eaux", "bijoux"); "prix" and
        # "flux" are the same in both numbers.
        if len(word) > 3 and word.endswith(("eux", "aux", "oux")):
            return word[:-1]
        if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us")):
            return word[:-1]
        return word
    if lang == "es":
        return _uninflect_spanish(word)
    return stem(word)


# Spanish writes the accent of a singular away in its plural ("nación", "naciones") and adds
# one in others ("joven", "jóvenes"), so keys compare unaccented vowels (ñ stays a letter).
_SPANISH_ACCENTS = str.maketrans("áéíóúü", "aeiouu")
_SPANISH_CONSONANTS = frozenset("bcdfghjklmnpqrstvwxyzñ")


def _uninflect_spanish(word: str) -> str:
    """A Spanish word without its number and gender: "comunidades" → "comunidad",
    "humanas" → "humano", "luces" → "luz" (as "luc"), but "comunidad", "común" and
    "comunicación" stay apart, which the Snowball stem ("comun") joined.

    A plural adds "s" after a vowel and "es" after a consonant, so stripping a final "s", and
    an "e" after a consonant, one letter at a time, takes a plural through its singular to
    the same end ("clases" → "clase" → "clas" → "cla", as "clase" does; "meses" → "mes").
    Gender is the adjective's "-o"/"-a" ("humano", "humana"); folding it also joins a few
    noun pairs ("caso", "casa"), as the Snowball stem did, and nothing else.
    """
    word = word.translate(_SPANISH_ACCENTS)
    while len(word) > 3 and (
        word.endswith("s") or (word.endswith("e") and word[-2] in _SPANISH_CONSONANTS)
    ):
        word = word[:-1]
    if word.endswith("z"):
        return word[:-1] + "c"
    if len(word) > 3 and word.endswith("a"):
        return word[:-1] + "o"
    return word


def _stemmer(lang: str) -> Callable[[str], str]:
    from termwise.glossary.matcher import _STEMMERS

    name = _STEMMERS.get(lang)
    if name is None:
        return str
    import Stemmer

    stem: Callable[[str], str] = Stemmer.Stemmer(name).stemWord
    return stem


def group_frequencies(forms: Mapping[str, FormStats], keys: StemKeys) -> dict[str, int]:
    """Each form's group frequency under rule 1 (what the combiner sees before grouping)."""
    totals: dict[str, int] = defaultdict(int)
    key_of = {form: keys.key(form) for form in forms}
    for form, stats in forms.items():
        totals[key_of[form]] += stats.count
    return {form: totals[key_of[form]] for form in forms}


def find_abbreviations(segments: Iterable[str], lang: str) -> dict[str, str]:
    """Abbreviations a text defines, ``{"aiib": "asian infrastructure investment bank"}``:
    a parenthesised capital word whose letters begin the words just before it, or failing
    that spell them (``_spelled``: "horizontal-axis wind turbines (HAWTs)"), or in a
    head-first language begin them from the last (``languages.puts_head_first``). A plural "s"
    ("HAWTs") and accents ("éoliennes à axe horizontal (EAH)") are no letters of it."""
    stops = stop_words(lang)
    head_first = languages.puts_head_first(lang)
    found: dict[str, str] = {}
    for text in segments:
        for match in _ABBREVIATION.finditer(text):
            short = match.group(1)
            letters = [_plain(ch) for ch in short.rstrip("s") if ch.isalpha()]
            before = re.findall(r"[\w'-]+", text[: match.start()])
            words = before[-(len(letters) * 2 + 2) :]
            long = _expansion(words, letters, stops)
            if long:
                found[fold(short)] = fold(_whole_name(before, long, stops))
                continue
            long = _spelled(words, letters, stops)
            if long is None and head_first:
                # An English abbreviation of a head-first phrase names its words from the
                # last: "point de puissance maximale (MPP)", maximum power point.
                long = _expansion(words, letters[::-1], stops)
            if long:
                found[fold(short)] = fold(long)
    return found


# The most words a name may take before the ones its abbreviation stands for.
_NAME_WORDS = 4


def _whole_name(before: list[str], long: str, stops: Collection[str]) -> str:
    """``long`` with the capitalised words of the name it ends ("Baltic Sea Region Testing
    Ground Facility (TGF)": the abbreviation keeps the last three words' initials, the name
    is all six)."""
    size = len(long.split())
    if not long[:1].isupper():
        return long
    start = len(before) - size
    first = start
    while (
        first > 0
        and start - first < _NAME_WORDS
        and before[first - 1][:1].isupper()
        and before[first - 1].lower() not in stops
    ):
        first -= 1
    return " ".join(before[first:])


def _expansion(words: list[str], letters: list[str], stops: Collection[str]) -> str | None:
    """The shortest run of words ending ``words`` whose content words' initials are
    ``letters`` (function words such as "of", "with" may stand between them: "heart failure
    with preserved ejection fraction (HFpEF)"), or whose every word's initial is (some
    abbreviations keep one: "United Nations Convention against Corruption (UNCAC)")."""
    for size in range(len(letters), len(words) + 1):
        run = words[-size:]
        if _plain(run[0][:1]) != letters[0]:
            continue
        initials = [_plain(w[0]) for w in run if w[:1].isupper() or w.lower() not in stops]
        if initials == letters or (size == len(letters) and [_plain(w[0]) for w in run] == letters):
            return " ".join(run)
    return None


def _spelled(words: list[str], letters: list[str], stops: Collection[str]) -> str | None:
    """The shortest run of words ending ``words`` that spells ``letters`` the way Schwartz
    and Hearst (2003) match a definition (``_spells``), where the initials alone do not:
    "horizontal-axis wind turbines (HAWTs)", "high-voltage direct current (HVDC)",
    "éoliennes à axe horizontal (EAH)". The letters account for the whole run, so it is not
    extended to a name as ``_whole_name`` extends initials."""
    # At most as many content words as letters, and the run no longer than Schwartz and
    # Hearst's window, min(|A| + 5, 2|A|) words.
    longest = min(len(words), len(letters) + 5, 2 * len(letters))
    for size in range(1, longest + 1):
        run = words[-size:]
        first = run[0]
        if first.lower() in stops and not first[:1].isupper():
            continue
        content = [w for w in run if w[:1].isupper() or w.lower() not in stops]
        if len(content) > len(letters):
            break
        if _spells(run, letters, stops):
            return " ".join(run)
    return None


def _plain(text: str) -> str:
    """Lower case without accents: "É" → "e" (an abbreviation drops them: "EAH")."""
    return "".join(
        ch for ch in unicodedata.normalize("NFD", text.lower()) if not unicodedata.combining(ch)
    )


def _spells(run: list[str], letters: list[str], stops: Collection[str]) -> bool:
    """Whether the letters of an abbreviation stand in ``run`` in order (Schwartz and Hearst
    2003): the first at the start of the first word, each other one anywhere after the one
    before it, the last in the last word; and every content word but function words gives
    one at least, so that no word of the expansion is unaccounted for ("high-voltage" gives
    "HV")."""
    plain = [_plain(word) for word in run]
    text = " ".join(plain)
    if not text.startswith(letters[0]):
        return False
    # Match from the end, as Schwartz and Hearst do, so that each letter takes the latest
    # place it can and the last letter falls in the last word.
    position = len(text)
    places = []
    for letter in reversed(letters[1:]):
        position = text.rfind(letter, 1, position)
        if position < 1:
            return False
        places.append(position)
    places.append(0)
    if places[0] < len(text) - len(plain[-1]):
        return False
    # Each word of the run holds a matched letter, or is a function word between them.
    start = 0
    for word in plain:
        end = start + len(word)
        if not any(start <= place < end for place in places) and word.lower() not in stops:
            return False
        start = end + 1
    return True


def add_defined_forms(
    forms: MutableMapping[str, FormStats], abbreviations: Mapping[str, str], lang: str
) -> set[str]:
    """The forms a text defines as terms by abbreviating them, both the short and the long
    one: an author who writes "heart failure with reduced ejection fraction (HFrEF)" says
    both name a concept of the text. A long form that the candidate pass cannot produce
    (it holds a function word, "with") is added to ``forms`` so that its group can hold it;
    a short form that is a function word ("IT") is left out."""
    base = languages.primary(lang)
    function_words = stop_words(base) | LINK_WORDS.get(base, frozenset())
    defined: set[str] = set()
    for short, long in abbreviations.items():
        if short not in forms:
            continue
        defined.add(short)
        if long not in forms:
            content = tuple(w for w in split_form(long, base) if w not in function_words)
            forms[long] = FormStats(content, count=1, docs=1, inside=1, surface=long)
        defined.add(long)
    return defined


def build_groups(
    forms: Mapping[str, FormStats],
    keys: StemKeys,
    *,
    seeds: Iterable[str],
    concepts: Mapping[str, str] | None = None,
    abbreviations: Mapping[str, str] | None = None,
) -> list[Group]:
    """The variant groups that contain at least one of ``seeds`` (the kept candidates).

    ``forms`` are all candidate forms with their counts, ``concepts`` maps forms the glossary
    matcher found to their concept ids, ``abbreviations`` short forms to long forms.
    """
    concepts = concepts or {}
    union = _Union(concepts)
    lang = keys.lang
    by_key: dict[str, list[str]] = defaultdict(list)
    by_spelling: dict[str, list[str]] = defaultdict(list)
    for form in forms:
        by_key[keys.key(form)].append(form)
        by_spelling[keys.spelling_key(form)].append(form)
    # Rule 1, then 2: the same key, then the same concept.
    for members in by_spelling.values():
        for part in _same_case(members, forms):
            for other in part[1:]:
                union.union(part[0], other)
    by_concept: dict[str, list[str]] = defaultdict(list)
    for form, concept in concepts.items():
        by_concept[concept].append(form)
    for members in by_concept.values():
        for other in members[1:]:
            union.union(members[0], other)
    # Rule 3: "X of Y" is "Y X".
    if lang == "en":
        for form in forms:
            tokens = split_form(form, lang)
            if "of" in tokens[1:-1]:
                cut = tokens.index("of")
                inverted = keys.key(join_tokens(tokens[cut + 1 :] + tokens[:cut], lang))
                for other in by_key.get(inverted, ()):
                    union.union(form, other)
    # Rule 4: defined abbreviations.
    for short, long in (abbreviations or {}).items():
        if short in forms and long in forms:
            union.union(long, short)
    _attach_short_forms(forms, keys, union, by_key)
    seeds = set(seeds)
    members_of: dict[str, list[str]] = defaultdict(list)
    for form in forms:
        members_of[union.find(form)].append(form)
    groups = []
    for root, members in members_of.items():
        if not seeds.intersection(members):
            continue
        members.sort(key=lambda f: (-forms[f].count, f))
        groups.append(Group(members, union.concept.get(root)))
    return groups


def _same_case(members: list[str], forms: Mapping[str, FormStats]) -> list[list[str]]:
    """The forms of one key that rule 1 may join: a word the text capitalises inside its
    sentences (a name, an acronym: "Espagnols", "PRI") is not the same word as one it
    writes in small letters ("espagnol", "pris"), though their keys are. Phrases and words
    never seen inside a sentence go with the more frequent kind."""
    marked: list[str] = []
    small: list[str] = []
    rest: list[str] = []
    for form in members:
        stats = forms[form]
        if len(stats.words) != 1 or not stats.inside:
            rest.append(form)
        elif stats.capital * 2 > stats.inside:
            marked.append(form)
        elif stats.capital * 5 <= stats.inside:
            small.append(form)
        else:
            rest.append(form)
    if not marked or not small:
        return [members]
    count = sum(forms[f].count for f in marked), sum(forms[f].count for f in small)
    if count[0] > count[1]:
        return [marked + rest, small]
    return [marked, small + rest]


def _attach_short_forms(
    forms: Mapping[str, FormStats],
    keys: StemKeys,
    union: _Union,
    by_key: Mapping[str, Sequence[str]],
) -> None:
    """Rule 5: a short form joins the one group that holds nearly all its longer uses."""
    lang = keys.lang
    head_last = not languages.puts_head_first(lang)
    group_count: dict[str, int] = defaultdict(int)
    for form, stats in forms.items():
        group_count[union.find(form)] += stats.count
    key_count = {key: sum(forms[f].count for f in members) for key, members in by_key.items()}
    # Longer forms by the key of the shorter form they extend by modifiers alone.
    extends: dict[str, list[str]] = defaultdict(list)
    for form, stats in forms.items():
        words = split_form(form, lang)
        if len(stats.words) < 3 or len(words) != len(stats.words):
            continue
        for size in range(2, len(words)):
            part = words[-size:] if head_last else words[:size]
            extends[keys.key(join_tokens(part, lang))].append(form)
    for key, longer in extends.items():
        shorts = by_key.get(key)
        if not shorts:
            continue
        # A longer form inside a still longer one ("america destiny community" inside
        # "china-latin america destiny community") is the same occurrence: count it once.
        outer = [
            form
            for form in longer
            if not any(
                other != form
                and (other.endswith(" " + form) if head_last else other.startswith(form + " "))
                for other in longer
            )
        ]
        per_group: dict[str, int] = defaultdict(int)
        for form in outer:
            per_group[union.find(form)] += forms[form].count
        total = sum(per_group.values())
        root, best = max(per_group.items(), key=lambda item: item[1])
        # Candidates count nested occurrences too: the short form alone is the rest. A short
        # form never used alone is a fragment of the longer ones, not a name of their concept
        # ("development path" only in "peaceful development path" is no "peaceful
        # development").
        alone = key_count[key] - total
        if alone < 1:
            continue
        if best < DOMINANT_SHARE * total or group_count[root] < DOMINANT_RATIO * alone:
            continue
        union.union(root, shorts[0])
