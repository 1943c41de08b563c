"""Which rendering each concept occurrence of a source segment must get, for any engine.

Every concept found in the source is planned, whatever the status of the source form: a
deprecated variant ("human destiny community") names the same concept as the official term.
The rendering is the concept's preferred term in the target language, or the admitted one
that the project chose (``[mt.terms]`` in ``termwise.toml``). An occurrence is left to the
engine, with the reason, where the chosen rendering or the source form is marked
fix-by-hand, or the concept has no usable rendering in the target language.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass

from termwise import languages
from termwise.glossary.inflection import (
    KNOWN_ZIPF,
    before_noun,
    is_function_word,
    likeliest_singular,
    plural_forms,
    singular_forms,
    whole_form,
    zipf,
)
from termwise.glossary.matcher import TermMatch, TermMatcher
from termwise.glossary.model import (
    Concept,
    Glossary,
    Term,
    TermStatus,
    chosen_term,
    lang_matches,
)
from termwise.mt.constrained.agreement import may_be_noun
from termwise.mt.engine import TermDecision


@dataclass(frozen=True)
class Placement:
    """One concept occurrence in a source segment and the rendering it must get.

    ``start``/``end`` delimit ``source`` in the segment. ``target`` is None where the
    occurrence is left to the engine (``reason`` says why). ``avoid`` holds the concept's
    deprecated and superseded renderings in the target language, which an engine that can
    should keep out of its output.
    """

    concept_id: str
    start: int
    end: int
    source: str
    target: Term | None
    reason: str = ""
    avoid: tuple[str, ...] = ()
    # Words of a source form marked fix-by-hand that the concept's other source forms lack
    # ("consciousness" in "community consciousness of human destiny"): an engine that can
    # translates them beside the rendering ("consciencia de la comunidad ..."); one that
    # cannot must leave the occurrence to the engine (``ConstrainedEngine`` does so).
    keep: tuple[str, ...] = ()
    # Whether the occurrence is a regular plural of its singular source form ("peaceful
    # developments"): an engine that writes the rendering as it stands gets ``rendering``.
    plural: bool = False
    # Whether the occurrence is the regular singular of its plural source form ("an
    # international relation" for "international relations"): a plural rendering is then
    # written in the singular where the engine can inflect it (Apertium's generator).
    singular: bool = False
    # Whether the occurrence is its source form as the glossary writes it (case aside): it
    # is then in the form's own number, whatever that is, and the rendering in the target
    # term's own. A plural-only source form ("human beings", "data") is no plural
    # occurrence of the concept: read as one, "Human beings are" became "Las humanidades
    # son" (the humanities) where the glossary asks "La humanidad es".
    own_number: bool = False

    @property
    def rendering(self) -> str:
        """The text to write for the occurrence: the target term, in the plural for a plural
        occurrence of a singular term where the target language's regular plurals are known
        ("desarrollos pacíficos"); a complement keeps its number ("comunidades de futuro
        compartido de la humanidad"). Apertium's own generator does this for its path."""
        assert self.target is not None
        lang = languages.primary(self.target.lang)
        if self.singular and self.target.number == "plural":
            # "An international relation": "relación internacional", as Apertium's generator
            # writes it; an engine that writes the rendering as it stands wrote "Unas
            # relaciones internacionales es complejas".
            return singularised(self.target.text, lang)
        if not self.plural or self.target.number == "plural":
            return self.target.text
        return pluralised(self.target.text, lang)

    @property
    def avoided(self) -> tuple[str, ...]:
        """``avoid`` with each rendering's plural after it, where it has one: an engine that
        writes a plural occurrence in the plural ("comunidades de futuro compartido") must
        keep "comunidades de destino común" out as it keeps "comunidad de destino común"."""
        lang = languages.primary(self.target.lang) if self.target is not None else ""
        forms: dict[str, None] = {}
        for text in self.avoid:
            forms[text] = None
            if lang:
                forms[pluralised(text, lang)] = None
        return tuple(forms)

    @property
    def number(self) -> str | None:
        """The number the words around ``rendering`` must agree with: plural where the
        rendering was made plural, singular where it was made singular, else the
        glossary's."""
        assert self.target is not None
        if self.rendering != self.target.text:
            return "singular" if self.singular else "plural"
        return self.target.number

    def left(self, reason: str | None = None) -> TermDecision:
        """The decision that leaves this occurrence to the engine: for ``reason``, or for the
        plan's own reason when none is given."""
        return TermDecision(
            self.concept_id, self.source, None, "left", self.reason if reason is None else reason
        )


class GlossaryConstraints:
    """A glossary's renderings for one language pair, ready to plan segments."""

    def __init__(
        self,
        glossary: Glossary,
        src: str,
        tgt: str,
        *,
        chosen: Mapping[str, str] | None = None,
    ) -> None:
        """``chosen`` maps a concept id to the admitted rendering the project prefers."""
        self.glossary = glossary
        self.src = languages.normalize(src)
        self.tgt = languages.normalize(tgt)
        self.chosen = dict(chosen or {})
        self._matcher = TermMatcher(glossary, self.src)
        self._renderings: dict[str, tuple[Term | None, str, tuple[str, ...]]] = {
            concept.id: self._rendering(concept) for concept in glossary.concepts
        }

    def _rendering(self, concept: Concept) -> tuple[Term | None, str, tuple[str, ...]]:
        terms = concept.terms(self.tgt)
        avoid = tuple(term.text for term in terms if not term.status.is_official)
        # The project's choice is the one rule the checks and the workbench follow too; with
        # none, only a preferred term is forced (an admitted one is left to the engine).
        term = chosen_term(concept.id, terms, self.chosen)
        if term is None:
            term = next((t for t in terms if t.status is TermStatus.PREFERRED), None)
        if term is None:
            name = languages.display_name(self.tgt)
            return None, f"the glossary has no preferred {name} rendering", avoid
        if term.fix_by_hand:
            return None, f"'{term.text}' is marked fix by hand: {term.fix_by_hand}", avoid
        return term, "", avoid

    def _short_form(self, concept_id: str) -> Term | None:
        """The concept's preferred, else admitted, short form in the target language."""
        concept = self.glossary.get(concept_id)
        short = [
            t
            for t in (concept.terms(self.tgt) if concept is not None else [])
            if t.is_short_form and t.status.is_official and not t.fix_by_hand
        ]
        short.sort(key=lambda t: t.status is not TermStatus.PREFERRED)
        return short[0] if short else None

    def _full_form_around(self, match: TermMatch, text: str) -> TermMatch:
        """``match`` grown to the concept's full source form that the text spells around
        it in another case, else ``match`` as it is.

        "The Belt and Road initiative" is the Belt and Road Initiative: the full form is
        case-sensitive (a name), so only its short form matched, which gave "la iniciativa
        de Franja y la Ruta" where the glossary writes "Iniciativa de la Franja y la Ruta".
        """
        concept = self.glossary.get(match.concept_id)
        if concept is None:
            return match
        forms = [
            t
            for t in concept.terms(self.src)
            if t.status.is_official and not t.is_short_form and not t.fix_by_hand
        ]
        forms.sort(key=lambda t: t.status is not TermStatus.PREFERRED)
        short = match.text.lower()
        for form in forms:
            full = form.text.lower()
            offset = f" {full} ".find(f" {short} ")  # whole words only
            if offset < 0:
                continue
            start = match.start - offset
            end = start + len(full)
            if (
                start >= 0
                and text[start:end].lower() == full
                and not text[start - 1 : start].isalnum()
                and not text[end : end + 1].isalnum()
            ):
                return match._replace(
                    term=form, status=form.status, start=start, end=end, text=text[start:end]
                )
        return match

    def _extra_words(self, concept_id: str, source: Term) -> tuple[str, ...]:
        """The words of ``source`` that no other usable source form of the concept has."""
        concept = self.glossary.get(concept_id)
        if concept is None:
            return ()
        known = {
            word
            for term in concept.terms(self.src)
            if term is not source and not term.fix_by_hand
            for word in _words(term.text)
        }
        return tuple(word for word in _words(source.text) if word not in known)

    @property
    def active(self) -> bool:
        """Whether any concept has a rendering to force in the target language."""
        return any(term is not None for term, _, _ in self._renderings.values())

    def plan(self, text: str) -> list[Placement]:
        """The concept occurrences of ``text`` in text order, each with its rendering."""
        placements = []
        for match in self._matcher.find(text):
            if match.term.is_short_form and not match.also:
                match = self._full_form_around(match, text)
            term, reason, avoid = self._renderings.get(match.concept_id, (None, "", ()))
            if term is not None and match.term.is_short_form and not term.is_short_form:
                # "AIIB" became the full name, after the full name: "… (Banco Asiático de
                # Inversión en Infraestructura)". A short form gets the target's short form.
                term = self._short_form(match.concept_id) or term
            if match.also:
                term, reason = None, f"the source form is shared with {', '.join(match.also)}"
            keep: tuple[str, ...] = ()
            if not match.also and match.term.fix_by_hand:
                # The source form says more than the concept ("community consciousness of
                # human destiny"): replacing it whole would drop meaning.
                keep = self._extra_words(match.concept_id, match.term)
                if term is not None and not keep:
                    term = None
                    reason = f"the source form '{match.term.text}' is marked fix by hand: "
                    reason += match.term.fix_by_hand
            singular = _is_plural_of(match.term.text, match.text, self.src) and not _plural_only(
                match.term
            )
            if term is not None and singular and _one_of_a_whole(text, match.start, term):
                reason = (
                    f"'{match.text}' after a word that counts one is one of what the plural "
                    f"'{match.term.text}' names as a whole ('{term.text}')"
                )
                term = None
            placements.append(
                Placement(
                    match.concept_id,
                    match.start,
                    match.end,
                    match.text,
                    term,
                    reason,
                    avoid,
                    keep if term is not None else (),
                    plural=_is_plural_of(match.text, match.term.text, self.src),
                    singular=singular,
                    own_number=_words(match.text) == _words(match.term.text),
                )
            )
        return placements

    def fingerprint(self) -> str:
        """Changes whenever anything that decides a rendering changes: part of MT cache keys,
        so that an edited glossary translates again."""
        content = [
            [
                concept.id,
                [
                    [t.text, t.lang, t.status.value, t.fix_by_hand, t.case_sensitive, t.exact]
                    + [t.term_type or ""]
                    + [(d.type, d.value) for d in t.extra if d.element == "termNote"]
                    for t in concept.all_terms
                    if lang_matches(t.lang, self.src) or lang_matches(t.lang, self.tgt)
                ],
            ]
            for concept in self.glossary.concepts
        ]
        blob = json.dumps([self.src, self.tgt, sorted(self.chosen.items()), content])
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


def _plural_only(source: Term) -> bool:
    """Whether the glossary records the source form ``source`` as a plural: a term is
    entered in its singular unless its noun is used only in the plural (ISO 704), so a
    recorded plural source form names a plural-only concept ("good offices": "buenos
    oficios"), whose singular ("good office", "buen oficio") means something else. Its
    rendering is never made singular: "Ofreció un bueno oficio" was a made-up singular."""
    return source.number == "plural"


# English determiners right before an occurrence that count one of a kind.
_COUNTING_ONE = re.compile(r"(?<!\w)(?:an?|one|each|every|another)\s+$", re.IGNORECASE)


def _one_of_a_whole(text: str, start: int, target: Term) -> bool:
    """Whether the singular occurrence at ``start`` of a plural source form is counted as
    one ("a human being", "every human being") where the rendering is in the singular, as
    the glossary records or as its words' endings show ("humanidad"): the plural named the
    whole that the singular target term names ("human beings": "humanidad"), and one of it
    is another thing ("Una humanidad es …" was made of "A human being is …"). A plural
    rendering ("relaciones internacionales") has a singular of its own for "an
    international relation".

    The matcher takes the singular for the plural form as for any term; a glossary that
    records the form's number as plural (``_plural_only``) keeps it from being one.
    """
    if not _COUNTING_ONE.search(text, 0, start):
        return False
    if target.number is not None:
        return target.number == "singular"
    lang = languages.primary(target.lang)
    phrase = itertools.takewhile(
        lambda word: not is_function_word(word, lang), target.text.lower().split(" ")
    )
    # A final "-s" may be a plural the rules do not undo ("think tanks"): not sure enough.
    return not any(singular_forms(word, lang) or word.endswith("s") for word in phrase)


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


# English words that end a term's head noun phrase ("community | of human destiny"): the
# occurrence's number is its head's, not a complement's.
_ENGLISH_PHRASE_ENDS = frozenset(
    ("of", "for", "with", "in", "on", "to", "at", "by", "from", "and", "or", "between")
    + ("among", "into", "through", "under", "over", "against", "without", "within")
)


def _is_plural_of(occurrence: str, form: str, lang: str) -> bool:
    """Whether ``occurrence`` (which the matcher found for the source form ``form``) is its
    regular plural: a word of the form's head noun phrase is in the plural in it
    ("developments" for "development"), as Apertium's analyser reads the source's number for
    the Apertium path. Words that differ otherwise (case, possessive, dashes) do not count."""
    found, wanted = _words(occurrence), _words(form)
    if len(found) != len(wanted):
        return False
    primary = languages.primary(lang)
    for seen, want in zip(found, wanted, strict=True):
        if primary == "en" and want in _ENGLISH_PHRASE_ENDS:
            return False
        if seen != want and seen in _plurals(want, primary):
            return True
    return False


def _plurals(word: str, lang: str) -> tuple[str, ...]:
    if lang != "en":
        return plural_forms(word, lang)
    forms = [word + "s", word + "es"]
    if len(word) > 1 and word.endswith("y") and word[-2] not in "aeiou":
        forms.append(word[:-1] + "ies")  # community → communities
    return tuple(forms)


def pluralised(text: str, lang: str) -> str:
    """``text``'s noun phrase in the plural: each word from the start up to the first one
    without a regular plural (a preposition: "de", "of"; or an invariable word), in its
    first regular plural, its capital kept; the last word alone of a ``loan_compound``;
    ``text`` as it is where no word has one."""
    words = text.split(" ")
    # An English compound taken as it is takes its plural on its last word, as in English:
    # "think tanks", not "thinks tanks".
    start = len(words) - 1 if loan_compound(text, lang) else 0
    for index, word in enumerate(words[start:], start):
        forms = plural_forms(word.lower(), lang)
        if not forms:
            break
        plural = forms[0]
        words[index] = plural[:1].upper() + plural[1:] if word[:1].isupper() else plural
    return " ".join(words)


def loan_compound(text: str, lang: str) -> bool:
    """Whether ``text`` is a compound of several words taken from English as it is ("think
    tank" in Spanish): each of its words is more frequent in English than in ``lang`` by
    wordfreq's lists, so the phrase follows English rules (its head last), not those of a
    noun phrase of ``lang`` ("políticas exteriores")."""
    words = _words(text)
    if len(words) < 2 or languages.primary(lang) == "en":
        return False
    return all(zipf(word, "en") > zipf(word, lang) for word in words)


def singularised(text: str, lang: str) -> str:
    """``text``'s noun phrase in the singular, as ``pluralised`` makes it plural: each word
    from the start up to the first preposition or article, its capital kept, a coordinate
    head too ("bienes y servicios": "bien y servicio"), an adverb grading the next word and
    a word without a plural's ending as they stand ("países menos adelantados": "país menos
    adelantado"; "crisis económicas": "crisis económica"). ``text`` as it stands where a
    word's singular is unsure: a plural term used for a singular occurrence is rare, and its
    plural reads better than a made-up word or a phrase in two numbers."""
    words = text.split(" ")
    singularised_one = False
    # Whether every word so far stood before the next one's noun: the phrase's noun is
    # still to come ("primeros grandes pasos").
    prenominal = True
    for index, word in enumerate(words):
        lower = word.lower()
        if lower in _COORDINATORS.get(lang, ()) or lower in _GRADING_ADVERBS.get(lang, ()):
            continue
        if is_function_word(lower, lang):
            break
        prenominal = prenominal and _noun_follows(words, index, lang)
        singular = _singular(lower, lang, after_singular=singularised_one and not prenominal)
        if singular is None:
            return text
        # Spanish cuts some adjectives short before a noun and nowhere else, whichever form
        # wordfreq knows best: "buenos oficios" made "bueno oficio", "terceros" as the head
        # "tercer".
        singular = before_noun(singular, lang) if prenominal else _whole(singular, lower, lang)
        if singular != lower:
            singularised_one = True
            words[index] = singular[:1].upper() + singular[1:] if word[:1].isupper() else singular
    return " ".join(words)


def _whole(singular: str, plural: str, lang: str) -> str:
    """``singular`` in its whole form where it is cut short ("tercer") and that form is a
    singular of ``plural`` too ("terceros": "tercero"); the noun "mal" of "males" stays."""
    whole = whole_form(singular, lang)
    return whole if whole in singular_forms(plural, lang) else singular


def _noun_follows(words: list[str], index: int, lang: str) -> bool:
    """Whether the word after ``words[index]`` is a content word of the same phrase, not a
    coordinate, a grading adverb or a preposition opening a complement, and a noun that
    the word qualifies may come (``may_be_noun``): "terceros interesados" has none after
    "terceros", which is the noun ("tercero interesado", not "tercer interesado")."""
    phrase: list[str] = []
    for following in (word.lower() for word in words[index + 1 :]):
        if (
            following in _COORDINATORS.get(lang, ())
            or following in _GRADING_ADVERBS.get(lang, ())
            or is_function_word(following, lang)
        ):
            break
        phrase.append(following)
    return any(may_be_noun(word, lang) for word in phrase)


# Conjunctions joining two heads (or two adjectives) of one noun phrase, which share its
# number: "bienes y servicios", "pequeñas y medianas empresas", "travaux et services".
# Not the matcher's conjunctions (``inflection._CONJUNCTIONS``, which ``agrees`` reads):
# those hold "que", "pero" and "ni" too, for telling a head's coordinate from a
# complement; after "que" or "pero" a clause or a contrast goes on in a number of its own
# ("países que exportan"), so here such a word stops the phrase, as any function word does.
_COORDINATORS = {"es": frozenset(("y", "e", "o", "u")), "fr": frozenset(("et", "ou"))}

# Adverbs inside a noun phrase, grading the adjective after them; invariable, though the
# rules would take "menos" for the plural of "meno" (which wordfreq knows: Italian).
_GRADING_ADVERBS = {
    "es": frozenset(("más", "menos", "muy", "tan")),
    "fr": frozenset(("plus", "moins", "très", "trop", "aussi", "si")),
}

# Spanish adjectives cut short before a noun (RAE, Nueva gramática 13.4): the plural is
# the whole word's ("grandes", "malos").
_ES_APOCOPES = frozenset(
    ("gran", "buen", "mal", "primer", "tercer", "algún", "ningún", "cualquier", "san")
)

# The last letters of a Spanish singular whose plural takes "-es" (RAE): "internacionales"
# is the plural of "internacional", never of "internacionale"; "entes" is that of "ente".
_ES_CONSONANT_ENDS = frozenset("lnrdjyz")


def _singular(word: str, lang: str, *, after_singular: bool = False) -> str | None:
    """The singular of the lower-case ``word`` of a plural term: the one a writer uses
    (``likeliest_singular``); ``word`` itself where it has no plural's ending ("crisis",
    "clave", French "pays"); the regular rules' where wordfreq knows neither it nor a
    singular of it (a new technical word); None where it is unsure (wordfreq knows the word
    but no singular: "salvapantallas" is invariable, or the singular is too rare to tell).
    ``after_singular``: a word before it in the phrase was made singular."""
    forms = singular_forms(word, lang)
    if not forms:
        if lang == "fr" and _french_s_plural(word):
            # "officiels" after "journal" agrees with it; as the head, "fonds" and "mois"
            # are singulars as well as plurals of "fond" and "moi".
            return word[:-1] if after_singular else None
        if lang == "fr" and not after_singular and _french_s_plural(word, rarer_by=1.0):
            # "relations" as the head: taken as it stands, the adjective after it went
            # singular alone ("relations internationale").
            return None
        return word
    if lang == "es" and after_singular:
        # After its noun an adjective is whole: "ciudad grande", "caso malo"; the short
        # form wordfreq knows best ("gran", "mal") stands only before one ("gran ciudad").
        whole = [form for form in forms if form not in _ES_APOCOPES]
        known = max(whole, key=lambda form: zipf(form, lang), default=None)
        if known is not None and known != likeliest_singular(word, lang):
            return known if zipf(known, lang) >= KNOWN_ZIPF else None
    likeliest = likeliest_singular(word, lang)
    if likeliest is not None:
        return likeliest
    if zipf(word, lang) >= KNOWN_ZIPF:
        return None
    return _shape_singular(word, forms, lang)


def _french_s_plural(word: str, *, rarer_by: float = 0.0) -> bool:
    """Whether the French ``word`` may be the plural of the word without its "-s": "publics"
    and "officiels" have the ending that many singulars have too ("pays", "anglais"), so the
    rules give no singular; the form without it must be a word in use, at most ``rarer_by``
    Zipf less frequent ("public"; "anglai" is none, "pay" far rarer than "pays"). With a
    margin of 1, "relations" may be the plural of "relation", as "fonds" of "fond"."""
    stem = word[:-1]
    return (
        word.endswith("s")
        and word in plural_forms(stem, "fr")
        and zipf(stem, "fr") >= max(KNOWN_ZIPF, zipf(word, "fr") - rarer_by)
    )


def _shape_singular(word: str, forms: tuple[str, ...], lang: str) -> str:
    """Of the rules' singulars of ``word``, the one its spelling makes likeliest.

    The rules alone give two for most Spanish plurals in "-es" ("ente" and "ent",
    "relacione" and "relación"): the one Spanish spells as a word ends in a consonant it
    allows at the end, or is an acute word in "-s" ("interés"); else it ends in "-e"."""
    if lang == "es":
        consonant = [
            form
            for form in forms
            if len(form) < len(word) - 1
            and (
                form[-1] in _ES_CONSONANT_ENDS
                or (form[-1] == "s" and any(c in "áéíóú" for c in form))
            )
        ]
        vowel = [form for form in forms if len(form) == len(word) - 1]
        return (consonant or vowel or list(forms))[0]
    return forms[0]
