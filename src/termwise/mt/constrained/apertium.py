"""Glossary-constrained Apertium: the official term injected after the bilingual lookup.

Apertium's mode (``eng-spa.mode``) is a pipeline of programs talking the Apertium stream
format (``^source<tags>/target<tags>$``, text between units kept as blanks, ``[...]`` as
superblanks). termwise runs it in two halves around the bilingual lookup (``lt-proc -b``):

1. Each concept occurrence of the source is fenced by two marker superblanks before the
   analysis, so that its units can be found again whatever the analyser, tagger and
   genitive transfer made of the words (a superblank passes every stage unchanged and
   keeps a multiword from reaching across the fence).
2. After the bilingual lookup the fenced units are replaced by one unit whose target side
   is the head noun of the official term, with its gender and number, and the rest of the
   term goes into superblanks around it. Apertium's own transfer then makes articles,
   determiners and adjectives agree with the head, and its generator inflects the head
   for a plural occurrence: "la comunidad de futuro compartido de la humanidad". The
   term's own adjectives beside the head are inflected by the same generator
   (``with_plurals``: "nuevas épocas").

The head's gender and number come from the term's ``grammaticalGender`` and
``grammaticalNumber`` notes in the glossary, else from Apertium's analyser of the target
language (``spa-eng.automorf.bin``): a real morphological resource, never a guess; for a
head the analyser does not know, the gender its suffix fixes in the grammars
(``Term.gender_fact``: "gobernanza", feminine by -anza). An occurrence whose head has no
gender from any of them (unless it modifies the one noun after it,
where no word agrees with it: "reformas de gobernanza global"), or whose fence did not
survive the first half, gets the whole term verbatim in a superblank (mechanism
``apertium-verbatim``): still the official rendering, without agreement, but for the
verb and determiners of a plural one (or of a singular one whose words show a gender),
which transfer makes agree with a noun unit in its place, of the gender the term's own
words show (``_carried``, ``Head.shown_gender``: "El tercero interesado tiene que obrar").
Nothing is dropped silently: every occurrence gets a ``TermDecision``.

The whole document goes through one run of each half, segments separated by blank lines as
``ApertiumEngine`` does, so a constrained document costs about one plain Apertium run.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from termwise import languages
from termwise.errors import TermwiseError
from termwise.glossary.gender import head_index
from termwise.glossary.inflection import before_noun, whole_form
from termwise.glossary.model import Term
from termwise.mt.apertium import (
    _BREAKS,
    _SEPARATOR,
    MODES_DIRS,
    ApertiumEngine,
    clean_output,
    run_program,
)
from termwise.mt.constrained.agreement import (
    TAG_GENDERS,
    compound_nouns,
    predicted_by,
    term_gender,
)
from termwise.mt.constrained.plan import Placement, loan_compound, pluralised, singularised
from termwise.mt.engine import MTResult, Progress, TermDecision, heading_flags

MECHANISM = "apertium-lexical"
VERBATIM = "apertium-verbatim"

# Private-use characters: the fences around an occurrence in the text given to the
# deformatter, turned into superblanks after it (a text containing them is not fenced).
_OPEN, _CLOSE, _KEY_END = "\ue000", "\ue001", "\ue002"
_CLOSE_BLANK = f"[{_CLOSE}]"
_OPENING = re.compile(r"\[" + _OPEN + r"(\d+)\]")  # as _edit finds it in the stream
# Appended to an injected unit's lemma: the injection's number. Transfer rules copy a
# unit's lemma head whole (only its case may change), but may move a lemma queue (``#...``)
# to another unit of the chunk, so the key cannot ride in the queue.
_LEFT_KEY = re.compile(r"[#*]?(\w*)__(\d+)__")
# An injected unit after transfer, its key in its lemma: its words go back around it.
_RESTORE = re.compile(r"\^([^$<]*)__(\d+)__(<[^$]*)\$")
_LOWER_NEXT = "\ue003"
# The superblank that holds the place of a relative clause transfer does not see
# (``_set_aside_clauses``), with the clause's number.
_ASIDE = "\ue004"
_ASIDE_BLANK = re.compile(r"\[" + _ASIDE + r"(\d+)\]")
_NEXT_WORD = re.compile(r"[\W_]*([^\W\d_]+)")
_LOWER_MARKED = re.compile(_LOWER_NEXT + r"(\W*)(\w+)")
# The markup taken out from before and after an occurrence: ("*", "*"), ("[", "]").
Marks = tuple[str, str]
_STREAM_SPECIAL = re.compile(r"([\^$/<>\[\]@\\{}#])")
_TAGS = re.compile(r"<([^>]*)>")
_GENDER_TAGS = {"masculine": "m", "feminine": "f", "neuter": "nt", "other": "mf"}
_NUMBER_TAGS = {"singular": "sg", "plural": "pl"}
_TAG_NUMBERS = {"sg": "singular", "pl": "plural"}


def escape(text: str) -> str:
    """``text`` safe inside a unit or a superblank of the Apertium stream."""
    return _STREAM_SPECIAL.sub(r"\\\1", text)


# --- the mode's pipeline ------------------------------------------------------------------


@dataclass(frozen=True)
class Pipeline:
    """A mode's programs split around the bilingual lookup, ready for ``bash -c``."""

    mode: str
    analysis: str  # deformatter through the bilingual lookup
    transfer: str  # lexical selection through the last transfer stage
    generation: str  # generator, post-generator and reformatter
    data_dir: Path
    source_analyser: Path | None = None  # the analysis's dictionary (eng-spa.automorf.bin)
    bilingual: str = ""  # the bilingual lookup alone (lt-proc -b eng-spa.autobil.bin)
    generator: Path | None = None  # the generator's dictionary (eng-spa.autogen.bin)


def _mode_file(mode: str) -> Path:
    for folder in MODES_DIRS:
        path = folder / f"{mode}.mode"
        if path.is_file():
            return path
    raise TermwiseError(
        f"Apertium's mode file {mode}.mode is in none of {', '.join(map(str, MODES_DIRS))}"
    )


@lru_cache(maxsize=8)
def pipeline(mode: str) -> Pipeline:
    """The two halves of ``mode``'s pipeline, read from its mode file.

    ``$1`` is the generator's option: ``-d``, which marks what it cannot generate as
    ``apertium``'s ``-g`` does but keeps the tags (``#ente<n><m><pl>``), so that a noun's
    missing plural can be built by the language's regular rules (``_ungenerated``); ``$2``
    is the tagger's extra option (none).
    """
    path = _mode_file(mode)
    lexer = shlex.shlex(path.read_text(encoding="utf-8"), posix=True, punctuation_chars="|")
    lexer.whitespace_split = True
    commands: list[list[str]] = [[]]
    for token in lexer:
        if token == "|":
            commands.append([])
        elif token == "$1":
            commands[-1].append("-d")
        elif token != "$2":
            commands[-1].append(token)
    lookup = next(
        (i for i, c in enumerate(commands) if c[:2] == ["lt-proc", "-b"]),
        None,
    )
    if lookup is None:
        raise TermwiseError(f"{path} has no bilingual lookup (lt-proc -b): cannot force terms")
    generator = next(
        (i for i, c in enumerate(commands) if i > lookup and c[:2] == ["lt-proc", "-d"]),
        None,
    )
    if generator is None:
        raise TermwiseError(f"{path} has no generator (lt-proc $1) after its bilingual lookup")
    data = next((Path(arg).parent for arg in commands[0] if arg.endswith(".bin")), path.parent)
    source_analyser = next((Path(a) for a in commands[0] if a.endswith(".bin")), None)
    generator_bin = next((Path(a) for a in commands[generator] if a.endswith(".bin")), None)
    # As ``apertium -f txt`` does: the deformatter adds a sentence end that the reformatter
    # takes away again. (Its wordbound-blank stages do nothing to plain text.) Between the
    # deformatter and the analyser, the fences become superblanks, which every stage passes
    # on unchanged and which no multiword reaches across.
    fences = f"s/{_OPEN}([0-9]+){_KEY_END}/[{_OPEN}\\1]/g; s/{_CLOSE}/[{_CLOSE}]/g"
    analysis = " | ".join(
        [
            "apertium-destxt",
            f"sed -E -e {shlex.quote(fences)}",
            *(shlex.join(c) for c in commands[: lookup + 1]),
        ]
    )
    transfer = " | ".join(shlex.join(c) for c in commands[lookup + 1 : generator])
    generation = " | ".join([*(shlex.join(c) for c in commands[generator:]), "apertium-retxt"])
    return Pipeline(
        mode,
        analysis,
        transfer,
        generation,
        data,
        source_analyser,
        shlex.join(commands[lookup]),
        generator_bin,
    )


def _run(command: str, text: str) -> str:
    return run_program(["bash", "-o", "pipefail", "-c", command], text, "apertium's pipeline")


# --- the head of a target term ------------------------------------------------------------


@dataclass(frozen=True)
class Head:
    """The word of a target term that Apertium inflects, and the text around it."""

    before: str
    lemma: str
    gender: str  # Apertium tag: m, f, nt, mf
    number: str  # sg or pl
    after: str
    origin: str  # "glossary" or the analyser's file name
    known: bool = True  # whether the target language's generator knows the lemma
    # ``before`` and ``after`` for an occurrence in the other number than the term's: the
    # adjectives that agree with the head in that number ("nuevas épocas", "comunidades
    # globales de futuro compartido"; "relación internacional" of "relaciones
    # internacionales"), the rest as it stands ("de la humanidad").
    other_before: str | None = None
    other_after: str | None = None
    # Whether the gender is known (from the glossary, the analyser or the head's suffix). A
    # head without one is injected only where no word agrees with it: as the modifier of
    # the next noun.
    gendered: bool = True
    # Where the gender came from the head's suffix, not the glossary: the rule that gave it
    # ("suffix -anza (es)"), for the decision's reason; empty otherwise.
    predicted: str = ""
    # The singular of a plural head the generator does not know (``known`` false), as the
    # plan writes it for a singular occurrence ("ciberamenaza" of "ciberamenazas"); None
    # where there is none or the plan is unsure. The generator makes no singular of a word
    # it does not know: "A cyber threat is dangerous." came out "Unas ciberamenazas es
    # peligrosas."
    other_lemma: str | None = None
    # For a head without a known gender: the gender the term's own words show by their
    # form (``_shown_gender``: "terceros", "interesadas"), which an article or determiner
    # right before the verbatim term agrees with; "mf" where they show none.
    shown_gender: str = "mf"
    # The same as the analyser reads the words, without the endings of unknown words: what
    # a singular occurrence goes by ("tercero interesado", masculine; "criptopolítica
    # global", none: its "-a" made up "La criptopolítica global").
    read_gender: str = "mf"


def analyser_for(pipe: Pipeline, src: str, tgt: str) -> Path | None:
    """The target language's analyser of the same pair (``spa-eng.automorf.bin``)."""
    name = f"{languages.to_apertium(tgt)}-{languages.to_apertium(src)}.automorf.bin"
    path = pipe.data_dir / name
    return path if path.is_file() else None


_ANALYSED: dict[tuple[Path, str], list[tuple[str, list[str]]]] = {}


def analyse_words(analyser: Path, words: Sequence[str]) -> dict[str, list[tuple[str, list[str]]]]:
    """Each word's analyses by ``analyser``: ``[(lemma, tags), ...]``, empty when unknown.

    Remembered for the process (the workbench translates again and again with one glossary).
    """
    unique = [w for w in dict.fromkeys(words) if (analyser, w) not in _ANALYSED]
    if unique:
        _ANALYSED.update(
            {(analyser, word): found for word, found in _analyse(analyser, unique).items()}
        )
    return {word: _ANALYSED.get((analyser, word), []) for word in words}


def _analyse(analyser: Path, unique: list[str]) -> dict[str, list[tuple[str, list[str]]]]:
    text = "".join(f"{escape(word)}\n" for word in unique)
    output = _run(f"lt-proc {shlex.quote(str(analyser))}", text)
    lines = output.split("\n")
    found: dict[str, list[tuple[str, list[str]]]] = {}
    for word, line in zip(unique, lines, strict=False):
        units = re.findall(r"\^((?:\\.|[^$\\])*)\$", line)
        # A word the analyser cuts in several units ("ganar-ganar") is not one noun.
        readings = _split_unescaped(units[0], "/")[1:] if len(units) == 1 else []
        found[word] = [
            (_unescape(reading.split("<", 1)[0]), _TAGS.findall(reading))
            for reading in readings
            if not reading.startswith("*")
        ]
    return found


def find_head(term: Term, analyses: dict[str, list[tuple[str, list[str]]]], origin: str) -> Head:
    """The head noun of ``term``: first noun for head-first languages, else the last one.

    Gender and number recorded in the glossary win over the analyser's. Where no word of
    the term is a noun the analyser knows, the head is the word the language puts first
    (after any prenominal adjective, as ``head_gender`` reads it) or last, as it stands:
    with the recorded gender, else the one its suffix gives (``Term.gender_fact``), else
    with none (``gendered`` false).
    """
    words = term.text.split(" ")
    head_first = languages.puts_head_first(term.lang)
    order = range(len(words)) if head_first else range(len(words) - 1, -1, -1)
    for index in order:
        word = words[index]
        for lemma, tags in analyses.get(word, []):
            if not tags or tags[0] != "n":
                continue
            gender = next((t for t in tags[1:] if t in TAG_GENDERS), "mf")
            number = next((t for t in tags[1:] if t in _TAG_NUMBERS), "sg")
            source = origin
            recorded_gender = term.gender
            recorded_number = term.number
            if recorded_gender or recorded_number:
                source = "glossary"
                gender = _GENDER_TAGS.get(recorded_gender or "", gender)
                number = _NUMBER_TAGS.get(recorded_number or "", number)
            if word[:1].isupper() and not lemma[:1].isupper():
                lemma = lemma[:1].upper() + lemma[1:]
            return Head(
                " ".join(words[:index]),
                lemma,
                gender,
                number,
                " ".join(words[index + 1 :]),
                source,
            )
    # Known to a person, or to nobody, not to the analyser: the head word as it stands, its
    # gender and number as recorded (the generator cannot inflect a word it does not know).
    # Where the glossary records no gender, the head noun's suffix may fix one ("gobernanza":
    # feminine, by -anza), which lets transfer give it an article ("La gobernanza global
    # necesita reforma.") instead of leaving the term out of agreement.
    # The head is the word whose gender the suffix rule reads: after a prenominal adjective
    # ("nueva gobernanza"), not the adjective carrying the noun's gender.
    # An English compound taken as it is has its head last ("think tank": "think tanks").
    if loan_compound(term.text, term.lang):
        index = len(words) - 1
    else:
        index = head_index(words, term.lang) if head_first else order[0]
    # A new compound of a prefix ("ciberamenazas") has the gender of its noun, which the
    # analyser may know ("amenazas", feminine) where no suffix rule applies.
    fact = term_gender(term, analyses, origin) if head_first else term.gender_fact
    known_gender = fact.value if fact is not None else ""
    return Head(
        " ".join(words[:index]),
        words[index],
        _GENDER_TAGS.get(known_gender, "mf"),
        _NUMBER_TAGS.get(term.number or "", "sg"),
        " ".join(words[index + 1 :]),
        "glossary",
        known=False,
        gendered=known_gender in _GENDER_TAGS,
        predicted=fact.source if fact is not None and term.gender is None else "",
        shown_gender=_shown_gender(words, analyses, languages.primary(term.lang)),
        read_gender=_shown_gender(words, analyses, languages.primary(term.lang), endings=False),
    )


# Endings that show an unknown word's gender where the analyser reads none ("-os": "los
# terceros"; "-as": "las interesadas"); a language not listed shows none this way.
_GENDER_ENDINGS: dict[str, tuple[tuple[str, str], ...]] = {
    lang: (("os", "m"), ("as", "f"), ("o", "m"), ("a", "f")) for lang in ("es", "pt", "gl")
}


def _shown_gender(
    words: list[str],
    analyses: dict[str, list[tuple[str, list[str]]]],
    lang: str,
    *,
    endings: bool = True,
) -> str:
    """The gender (m, f) that a verbatim term's first word shows by its form, else "mf".

    An article right before the term stands next to that word, so a reader checks it
    against that word's form: "los terceros interesados", "las interesadas pertinentes".
    The analyser's readings tell it (a noun, adjective, determiner or participle of one
    gender); past a word of either gender ("grandes", "pertinentes") the next word's tells
    it; a word the analyser does not know, its ending (``_GENDER_ENDINGS``), unless
    ``endings`` is false. Anything else shows none: made up, "Los interesadas pertinentes"
    was worse than no article.
    """
    for word in words:
        readings = analyses.get(word, [])
        if not readings:
            shown = _GENDER_ENDINGS.get(lang, ()) if endings else ()
            return next((gender for end, gender in shown if word.lower().endswith(end)), "mf")
        genders = {
            tag
            for _, tags in readings
            if tags[:1] in (["n"], ["adj"], ["det"]) or tags[:2] == ["vblex", "pp"]
            for tag in tags[1:]
            if tag in ("m", "f")
        }
        if len(genders) == 1:
            return genders.pop()
        if genders or all(tags[:1] != ["adj"] for _, tags in readings):
            return "mf"
    return "mf"


# --- the stream -----------------------------------------------------------------------------


def _split_unescaped(text: str, separator: str) -> list[str]:
    parts, current, i = [], [], 0
    while i < len(text):
        char = text[i]
        if char == "\\" and i + 1 < len(text):
            current.append(text[i : i + 2])
            i += 2
            continue
        if char == separator:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
        i += 1
    parts.append("".join(current))
    return parts


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def tokens(stream: str) -> list[str]:
    """The stream cut into units (``^...$``), superblanks (``[...]``) and plain blanks."""
    pieces: list[str] = []
    i, n = 0, len(stream)
    blank_start = 0
    while i < n:
        char = stream[i]
        if char == "\\":
            i += 2
            continue
        if char in "^[":
            if blank_start < i:
                pieces.append(stream[blank_start:i])
            closer = "$" if char == "^" else "]"
            j = i + 1
            while j < n and stream[j] != closer:
                j += 2 if stream[j] == "\\" else 1
            pieces.append(stream[i : j + 1])
            i = j + 1
            blank_start = i
            continue
        i += 1
    if blank_start < n:
        pieces.append(stream[blank_start:])
    return pieces


@dataclass(frozen=True)
class _SourceUnit:
    lemma: str
    tags: list[str]


def _source_side(unit: str) -> _SourceUnit:
    source = _split_unescaped(unit[1:-1], "/")[0]
    lemma = source.split("<", 1)[0].lstrip("*")
    return _SourceUnit(lemma, _TAGS.findall(source))


def _source_number(units: list[_SourceUnit]) -> str | None:
    """The number of an English-like source phrase: its head noun is the last noun before
    the first preposition ("community of human destiny"), else its last noun
    ("destiny communities"); None where the analyser read no noun in it."""
    head: _SourceUnit | None = None
    for unit in units:
        if unit.tags[:1] == ["pr"]:
            break
        if unit.tags[:1] in (["n"], ["np"]):
            head = unit
    if head is None:
        return None
    return "pl" if "pl" in head.tags else "sg"


def _inject(
    head: Head, units: list[_SourceUnit], capitalise: bool, key: int, placement: Placement
) -> tuple[str, str, str, str]:
    """The unit standing for the term, the words to put before and after its head, and the
    head's lemma as injected.

    The unit's lemma carries a key; the rest of the term is put back around it as
    superblanks once transfer is done, so that no rule can move a word between the head
    and the rest of the term.
    """
    number = _occurrence_number(head, units, placement)
    before, lemma, after = head.before, head.lemma, head.after
    if number != head.number:
        before = head.other_before if head.other_before is not None else before
        after = head.other_after if head.other_after is not None else after
        lemma = head.other_lemma if head.other_lemma is not None else lemma
    if capitalise:
        # The sentence's capital goes on the unit; transfer keeps it there or gives it to an
        # article it puts first ("Las nuevas épocas"), and ``_restored_head`` moves it onto
        # the words before the head where these come first ("Nuevas épocas").
        lemma = lemma[:1].upper() + lemma[1:]
    source_lemma = next((u.lemma for u in units if u.tags[:1] == ["n"]), lemma).lower()
    unit = (
        f"^{escape(source_lemma)}<n><{number}>/"
        f"{escape(lemma)}__{key}__<n><{head.gender}><{number}>$"
    )
    return unit, before, after, lemma


def _occurrence_number(head: Head, units: list[_SourceUnit], placement: Placement) -> str:
    """The number of the occurrence's rendering: a plural term's, else the source's
    relative to its source form's.

    A plural term stays plural whatever the source's number ("foreign ties", "news":
    "noticias"), but for the singular of a plural source form ("an international
    relation" of "international relations": "una relación internacional"), which the
    source's own words tell from an invariable one ("news"). Where Apertium's analyser
    knows no noun of the occurrence ("governances"), the plan's reading of its words
    decides: read as singular, "The global governances need reform." lost its verb ("La
    reforma de necesidad de la gobernanza global."). A plural head the generator does not
    know is made singular where the plan has its singular (``Head.other_lemma``). An
    occurrence in its source form's own number (``Placement.own_number``) takes the term's
    own, whatever the analyser reads: "Human beings are" is no plural of "humanidad".
    """
    if head.number == "pl":
        singular = head.known or head.other_lemma is not None
        return "sg" if placement.singular and singular else "pl"
    if placement.own_number:
        return head.number
    number = _source_number(units)
    if number is None:
        return "pl" if placement.plural else "sg"
    return number


def _restored_head(lemma: str, head: Head | None, before: str) -> tuple[str, str]:
    """The head's lemma and the words before it as they go into the output.

    A name's capital stays ("Iniciativa de la Franja y la Ruta"): a rule that moves the term
    gives it the case of the source word now in its place, and "Belt and Road Initiative
    projects" came out "Proyectos de iniciativa…". Any other capital that transfer left on
    the head is the sentence's: it belongs to the term's first word ("Nuevas épocas"), and
    where transfer put an article first the head came out in lower case ("Las nuevas
    épocas", not "Las Nuevas épocas").
    """
    if head is not None and head.lemma[:1].isupper():
        return lemma[:1].upper() + lemma[1:], before
    if before and lemma[:1].isupper():
        return lemma[:1].lower() + lemma[1:], before[:1].upper() + before[1:]
    return lemma, before


# A bare "de" right before an injected unit, as transfer left it.
_BARE_DE = re.compile(r"\^de<pr>\$ *$")


def _name_article(head: Head | None, match: re.Match[str]) -> str:
    """The definite article unit for a name (a head the glossary writes with a capital)
    that transfer put right after "de" without one, else "".

    An English name that modifies a noun takes no article ("Belt and Road Initiative
    projects"), and the compound rule wrote "proyectos de Iniciativa de la Franja y la
    Ruta"; a Spanish name takes it: "proyectos de la Iniciativa…", "del Banco…" (the
    generator contracts "de el"). A common noun stays bare ("proyectos de desarrollo").
    """
    if head is None or not head.lemma[:1].isupper():
        return ""
    if not _BARE_DE.search(match.string, max(0, match.start() - 16), match.start()):
        return ""
    tags = _TAGS.findall(match.group(3))
    gender = next((t for t in tags if t in ("m", "f")), None)
    number = next((t for t in tags if t in _TAG_NUMBERS), None)
    if gender is None or number is None:
        return ""
    return f"^el<det><def><{gender}><{number}>$ "


def _goes_on_in_lower_case(text: str, position: int) -> bool:
    """Whether the source's next word after ``position`` is no name: in lower case, or an
    acronym ("Global governance UN reform…": the word after the term in the translation is
    "reforma", not the acronym, which keeps its capitals anyway)."""
    word = _NEXT_WORD.match(text, position)
    if word is None:
        return False
    letters = word.group(1)
    return letters[0].islower() or _is_acronym(letters)


def _is_acronym(text: str) -> bool:
    """Whether ``text`` is one word of two or more capitals ("BAII", "UN")."""
    return " " not in text and len(text) > 1 and text.isupper()


def _verbatim(
    text: str, capitalise: bool, lower_after: bool, marks: tuple[str, str] = ("", "")
) -> str:
    if capitalise:
        text = text[:1].upper() + text[1:]
    # Apertium capitalises the first word after a sentence-opening superblank ("Gobernanza
    # global Es nuestro gol"): the mark asks for it back in lower case (``_lower_marked``).
    mark = _LOWER_NEXT if capitalise and lower_after else ""
    return f"[{escape(marks[0] + text + marks[1])}{mark}]"


def _lower_marked(output: str) -> str:
    """The word after each ``_LOWER_NEXT`` mark in lower case, if Apertium capitalised it
    (an acronym stays), and the marks gone."""

    def lower(match: re.Match[str]) -> str:
        word = match.group(2)
        if word[1:] == word[1:].lower():
            word = word.lower()
        return match.group(1) + word

    return _LOWER_MARKED.sub(lower, output).replace(_LOWER_NEXT, "")


# --- translation --------------------------------------------------------------------------


def _fence(
    text: str, placements: Sequence[Placement], first_key: int
) -> tuple[str, dict[int, Placement], str, dict[int, Marks]]:
    """``text`` with each forced occurrence fenced; the fenced ones by key; why others were
    not; and the inline markup that stood around an occurrence, by key: emphasis marks ("*",
    "**", "_", "__") and the brackets of a link's text ("[", "]" before "(url)" or "[label]").

    The opening fence carries the occurrence's key, so that a fence lost in the analysis
    cannot shift the others. Markup around an occurrence is taken out and put back around
    the rendering: Apertium's rules move words and leave the marks where they stood ("la
    *idea* de comunidad…" for "the *community of human destiny* idea"), and a bracket is a
    word of its own between the article and the term, which then did not agree ("El [Franja
    y la Ruta](…)").
    """
    forced = [p for p in placements if p.target is not None]
    if not forced:
        return text, {}, "", {}
    if any(mark in text for mark in (_OPEN, _CLOSE, _KEY_END, _LOWER_NEXT, _ASIDE)):
        why = "the text holds the private-use characters termwise fences terms with"
        return text, {}, why, {}
    pieces: list[str] = []
    position = 0
    kept: dict[int, Placement] = {}
    emphasis: dict[int, Marks] = {}
    for placement in forced:
        if placement.start < position:
            continue  # overlapping matches: the first wins
        key = first_key + len(kept)
        opening, closing = _markup_around(text, placement.start, placement.end, position)
        pieces += [
            text[position : placement.start - len(opening)],
            f"{_OPEN}{key}{_KEY_END}",
            text[placement.start : placement.end],
            _CLOSE,
        ]
        position = placement.end + len(closing)
        kept[key] = placement
        if opening:
            emphasis[key] = (opening, closing)
    pieces.append(text[position:])
    return "".join(pieces), kept, "it overlaps another occurrence, which was forced", emphasis


# A plural noun the source analyser and tagger know; what the tagger sees in the place of
# an unknown plural last word of a fenced occurrence. Its units are replaced after the
# lookup.
_KNOWN_PLURAL = "things"
# A fenced occurrence in the text given to the pipeline: its key, its words up to the
# last, the last.
_FENCED = re.compile(_OPEN + r"(\d+)" + _KEY_END + r"([^" + _CLOSE + r"]*?)([^\W\d_]+)" + _CLOSE)


def _unknown_plurals(stream: str, by_key: dict[int, Placement]) -> set[int]:
    """The keys of the plural occurrences (``Placement.plural``) whose last word the
    analysis in ``stream`` did not know, but for a fix-by-hand form's, whose words are
    translated (``_with_stand_ins``)."""
    pieces = tokens(stream)
    found: set[int] = set()
    for index, piece in enumerate(pieces):
        opening = _OPENING.fullmatch(piece)
        key = int(opening.group(1)) if opening else -1
        placement = by_key.get(key)
        if placement is None or not placement.plural or placement.keep:
            continue
        units = []
        for inside in pieces[index + 1 :]:
            if inside == _CLOSE_BLANK or _OPENING.fullmatch(inside):
                break
            if inside.startswith("^"):
                units.append(inside)
        if units and units[-1].startswith("^*"):
            found.add(key)
    return found


def _with_stand_ins(text: str, keys: set[int]) -> str:
    """``text`` with a known plural noun for the last word of each fenced occurrence of
    ``keys``.

    The tagger chooses a word's reading from its neighbours: after an unknown word it read
    "must" as a noun ("Relevant stakeholders must act.": "La ley de mosto de las partes
    interesadas pertinente", as plain Apertium does: "Pertinente stakeholders ley de
    mosto."), after a plural noun as the modal. The occurrence's units are replaced by the
    term after the lookup, and a plural noun gives it the number the plan reads
    (``_source_number``).
    """

    def stand_in(match: re.Match[str]) -> str:
        if int(match.group(1)) not in keys:
            return match.group()
        return f"{_OPEN}{match.group(1)}{_KEY_END}{match.group(2)}{_KNOWN_PLURAL}{_CLOSE}"

    return _FENCED.sub(stand_in, text)


def _markup_around(text: str, start: int, end: int, earliest: int) -> Marks:
    """The inline markup that wraps exactly ``text[start:end]``, outermost last: "[*", "*]"
    for "[*term*](url)"; empty strings where none does."""
    opening, closing = "", ""
    while True:
        mark = _emphasis_around(text, start, end, earliest)
        pair = (mark, mark) if mark else _link_text_around(text, start, end, earliest)
        if not pair[0]:
            return opening, closing
        opening, closing = pair[0] + opening, closing + pair[1]
        start, end = start - len(pair[0]), end + len(pair[1])


def _link_text_around(text: str, start: int, end: int, earliest: int) -> Marks:
    """``("[", "]")`` where ``text[start:end]`` is a whole link's text: an inline link's
    ("[term](url)") or a full reference link's ("[term][label]"), no image's ("![…]")."""
    if (
        start - 1 >= earliest
        and text[start - 1] == "["
        and text[start - 2 : start - 1] not in ("!", "\\")
        and text[end : end + 2] in ("](", "][")
    ):
        return "[", "]"
    return "", ""


def _emphasis_around(text: str, start: int, end: int, earliest: int) -> str:
    """The emphasis mark that opens right before ``start`` and closes right after ``end``
    (no mark of the same kind beside it: "***" is no emphasis of the term alone)."""
    for mark in ("**", "__", "*", "_"):
        size = len(mark)
        if (
            start - size >= earliest
            and text[start - size : start] == mark
            and text[end : end + size] == mark
            and text[start - size - 1 : start - size] != mark[0]
            and text[end + size : end + size + 1] != mark[0]
            and not text[start - size - 1 : start - size].isalnum()
            and not text[end + size : end + size + 1].isalnum()
        ):
            return mark
    return ""


def translate_constrained(
    engine: ApertiumEngine,
    texts: Sequence[str],
    src: str,
    tgt: str,
    plans: Sequence[Sequence[Placement]],
    *,
    progress: Progress | None = None,
    kinds: Sequence[str] | None = None,
) -> list[MTResult]:
    """Translate ``texts`` with Apertium, forcing each planned rendering; one result each
    (``kinds``: each text's segment kind, where the caller knows it)."""
    mode = engine.mode(src, tgt)
    pipe = pipeline(mode)
    flat = [_BREAKS.sub(" ", text).strip() for text in texts]
    # Spans refer to the text as given; the engine sends it with its line breaks flattened.
    moved = [_reposition(text, list(plan)) for text, plan in zip(texts, plans, strict=True)]
    fenced: list[str] = []
    kept: list[dict[int, Placement]] = []
    unfenced: list[str] = []
    emphasis: dict[int, Marks] = {}
    key = 0
    for body, plan in zip(flat, moved, strict=True):
        text, fences, why, marks = _fence(body, plan, key)
        key += len(fences)
        fenced.append(text)
        kept.append(fences)
        unfenced.append(why)
        emphasis.update(marks)
    by_key = {k: p for fences in kept for k, p in fences.items()}
    # The occurrences the source goes on from in lower case ("Global governance is …").
    lower_after = {
        k
        for body, fences in zip(flat, kept, strict=True)
        for k, p in fences.items()
        if _goes_on_in_lower_case(body, p.end + len(emphasis.get(k, ("", ""))[1]))
    }
    # The occurrences in sentences: a heading needs neither a verb ("Peaceful development
    # issues") nor an article ("Global governance reforms"). A lead-in ending in ":" or ";"
    # is a sentence ("Global governance needs three things:"), but a heading the document
    # marks as one stays a heading whatever it ends in ("## Peaceful development issues:").
    in_sentences = {
        k
        for body, fences, heading in zip(flat, kept, heading_flags(kinds, len(texts)), strict=True)
        if _SENTENCE_END.search(body) and not heading
        for k in fences
    }
    # The source words right after each occurrence in a sentence (up to two), which
    # ``_verb_after`` may read again.
    following = {
        k: _following_words(body, p.end + len(emphasis.get(k, ("", ""))[1]))
        for body, fences in zip(flat, kept, strict=True)
        for k, p in fences.items()
        if k in in_sentences
    }
    targets = [p.target for p in by_key.values() if p.target is not None]
    # The heads are analysed while the document goes through the analysis half.
    pool = ThreadPoolExecutor(max_workers=1)
    heads = pool.submit(_heads, pipe, src, tgt, targets)
    pool.shutdown(wait=False)
    wanted = [i for i, text in enumerate(flat) if text]
    outputs: dict[int, str] = {}
    decided: dict[int, _Injection] = {}
    if wanted:
        joined = _translate_joined(
            pipe,
            tgt,
            [fenced[i] for i in wanted],
            by_key,
            heads,
            lower_after,
            emphasis,
            following,
            in_sentences,
        )
        if joined is not None:
            pieces, decided = joined
        else:
            # Boundaries were not kept: never guess, translate segments one by one.
            pieces = []
            for i in wanted:
                one = _translate_joined(
                    pipe,
                    tgt,
                    [fenced[i]],
                    by_key,
                    heads,
                    lower_after,
                    emphasis,
                    following,
                    in_sentences,
                )
                pieces.append(one[0][0] if one else "")
                decided.update(one[1] if one else {})
        outputs = dict(zip(wanted, pieces, strict=True))
    results = []
    for index, text in enumerate(texts):
        target, unknown = clean_output(outputs.get(index, ""), flat[index])
        fenced_here = {id(p): k for k, p in kept[index].items()}
        terms: list[TermDecision] = []
        for placement in moved[index]:
            if placement.target is None:
                terms.append(placement.left())
                continue
            fence = fenced_here.get(id(placement))
            injection = decided.get(fence) if fence is not None else None
            if injection is None:
                reason = (
                    unfenced[index]
                    if fence is None
                    else "the fence around it did not survive Apertium's analysis"
                )
                terms.append(placement.left(reason))
                continue
            terms.append(_checked(injection, target))
        results.append(
            MTResult(text, target, engine.name, mode, [(target, 0.0)], unknown, tuple(terms))
        )
    if progress is not None:
        progress(len(texts), len(texts))
    return results


def _reposition(text: str, plan: list[Placement]) -> list[Placement]:
    """Spans of ``text`` mapped onto its flattened form (line breaks become one space)."""
    flat = _BREAKS.sub(" ", text).strip()
    if flat == text:
        return plan
    moved = []
    position = 0
    for placement in plan:
        source = _BREAKS.sub(" ", placement.source)
        found = flat.find(source, position)
        if found < 0:
            continue
        position = found + len(source)
        # Every other field as planned: a fix-by-hand form's extra words among them.
        moved.append(replace(placement, start=found, end=position, source=source))
    return moved


def _heads(pipe: Pipeline, src: str, tgt: str, terms: list[Term]) -> dict[str, Head | None]:
    analyser = analyser_for(pipe, src, tgt)
    unique = {term.text: term for term in terms}
    words = [word for text in unique for word in text.split(" ")]
    lang = languages.primary(tgt)
    # The nouns of prefixed compounds, whose gender an unknown compound takes.
    nouns = compound_nouns(words, lang)
    analyses = analyse_words(analyser, words + nouns) if analyser is not None else {}
    origin = analyser.name if analyser is not None else "glossary"
    heads: dict[str, Head | None] = {
        text: find_head(term, analyses, origin) for text, term in unique.items()
    }
    heads = {
        text: _with_singular(head, unique[text], lang) if head is not None else None
        for text, head in heads.items()
    }
    if pipe.generator is None:
        return heads
    return with_plurals(heads, analyses, pipe.generator, lang)


def _with_singular(head: Head, term: Term, lang: str) -> Head:
    """``head`` with the singular the plan writes for its word (``singularised``) where the
    generator does not know it and the glossary records the term as a plural: the plan's
    words stand one for one with the term's, so the head's is at the head's place."""
    if head.known or head.number != "pl":
        return head
    words = singularised(term.text, lang).split(" ")
    index = len(head.before.split(" ")) if head.before else 0
    if len(words) != len(term.text.split(" ")) or words[index] == head.lemma:
        return head
    return replace(head, other_lemma=words[index])


def with_plurals(
    heads: dict[str, Head | None],
    analyses: dict[str, list[tuple[str, list[str]]]],
    generator: Path,
    lang: str = "",
) -> dict[str, Head | None]:
    """``heads`` with the words around each head as they stand beside it in the other
    number (the plural of a singular term, the singular of a plural one).

    The generator inflects the head of an occurrence in the other number, but the rest of
    the term goes into superblanks that no rule reaches: "desarrollos pacífico", "nueva
    épocas", "relación internacionales". Each adjective (or participle) next to the head
    that the analyser reads in the head's gender and number is given to the target
    language's generator in the other number; the first word that is none ("de futuro
    compartido") ends the run, so a complement stays as it stands. A head the generator
    does not know but whose gender is known ("gobernanza", feminine by its suffix) gets its
    plural from the regular rules (``_ungenerated``), and its adjectives from here:
    "gobernanzas globales", not "gobernanzas global".

    An adjective before a singular head takes the short form ``lang`` (the target's primary
    subtag) gives it there, which the generator's lemma lacks: "buen oficio", not "bueno
    oficio"; a short one before a plural head its whole form's plural ("grandes potencias",
    not "gran potencias").
    """
    runs: dict[str, tuple[list[str | None], list[str | None]]] = {}
    for text, head in heads.items():
        if head is None or not head.gendered or head.number not in _OTHER_NUMBER:
            continue
        before = head.before.split(" ") if head.before else []
        after = head.after.split(" ") if head.after else []
        runs[text] = (
            _agreeing_run(before[::-1], head.gender, head.number, analyses, lang)[::-1],
            _agreeing_run(after, head.gender, head.number, analyses),
        )
    units = [u for before, after in runs.values() for u in before + after if u is not None]
    forms = generate(generator, units)
    changed = dict(heads)
    for text, (before_units, after_units) in runs.items():
        head = heads[text]
        assert head is not None
        if head.number == "pl":
            forms_before = {
                unit: before_noun(form, lang) if form is not None else None
                for unit, form in forms.items()
            }
        else:
            forms_before = forms
        changed[text] = replace(
            head,
            other_before=_inflected(head.before, before_units, forms_before),
            other_after=_inflected(head.after, after_units, forms),
        )
    return changed


_OTHER_NUMBER = {"sg": "pl", "pl": "sg"}


def _agreeing_run(
    words: list[str],
    gender: str,
    number: str,
    analyses: dict[str, list[tuple[str, list[str]]]],
    lang: str = "",
) -> list[str | None]:
    """For each of ``words``, outward from the head, the generator unit of its form in the
    other number while it is an adjective or participle in the head's gender (or common)
    and ``number``. A word cut short before the noun ("gran", "primer": Apertium's own
    lemma, or a determiner) stands for its whole form, whose plural the generator
    knows ("grandes"; "#gran" for the short lemma)."""
    other = _OTHER_NUMBER[number]
    units: list[str | None] = [None] * len(words)
    for index, word in enumerate(words):
        whole = whole_form(word.lower(), lang)
        unit = next(
            (
                f"^{escape(whole)}<adj><{tags[-2]}><{other}>$"
                if whole != word.lower()
                else f"^{escape(lemma)}{''.join(f'<{t}>' for t in tags[:-1])}<{other}>$"
                for lemma, tags in analyses.get(word, [])
                if (
                    tags[:1] == ["adj"]
                    or tags[:2] == ["vblex", "pp"]
                    or (whole != word.lower() and tags[:1] == ["det"])
                )
                and tags[-1:] == [number]
                and {gender, "mf"} & set(tags)
            ),
            None,
        )
        if unit is None:
            break
        units[index] = unit
    return units


def _inflected(text: str, units: list[str | None], forms: dict[str, str | None]) -> str:
    words = text.split(" ") if text else []
    return " ".join(
        forms.get(unit) or word if unit is not None else word
        for word, unit in zip(words, units, strict=True)
    )


_GENERATED: dict[tuple[Path, str], str | None] = {}


def generate(generator: Path, units: Sequence[str]) -> dict[str, str | None]:
    """Each unit's form (``^nuevo<adj><f><pl>$`` -> "nuevas") by ``generator``; None where
    the generator does not know it. Remembered for the process, as ``analyse_words``."""
    unique = [u for u in dict.fromkeys(units) if (generator, u) not in _GENERATED]
    if unique:
        output = _run(f"lt-proc -g {shlex.quote(str(generator))}", "\n".join(unique) + "\n")
        lines = output.split("\n")
        for index, unit in enumerate(unique):
            form = lines[index].strip() if index < len(lines) else ""
            known = form and not form.startswith(("#", "@", "*")) and " " not in form
            _GENERATED[(generator, unit)] = form if known else None
    return {unit: _GENERATED.get((generator, unit)) for unit in units}


@dataclass
class _Injection:
    decision: TermDecision
    before: str = ""
    after: str = ""
    # The markup the source put around the term ("*", "*"; "[", "]"), put back around it.
    emphasis: Marks = ("", "")
    # The head's lemma as injected, or the verbatim text: what a one-word term in the other
    # number ("amenaza" of "amenazas") is found by in the output.
    written: str = ""
    # A verbatim term carried through transfer as a noun unit (``_carried``): the
    # superblank that takes its unit's place; whether an article stands before it in the
    # source (else one transfer put there goes, ``_without_made_up_articles``); whether it
    # was written with the sentence's capital (``_in_sentence_case``).
    carried: str = ""
    article: bool = False
    capitalised: bool = False
    # A carried term's rendering in the singular, where the glossary records the term so:
    # what is written where transfer makes the unit singular (``_carried_form``); and the
    # case ``_verbatim`` writes the term in (capitalise, lower the next word).
    singular: str = ""
    case: tuple[bool, bool] = (False, False)
    # The number the head was injected in (``_occurrence_number``), which ``before`` and
    # ``after`` agree with.
    number: str = ""


def _translate_joined(
    pipe: Pipeline,
    tgt: str,
    texts: list[str],
    by_key: dict[int, Placement],
    pending_heads: Future[dict[str, Head | None]],
    lower_after: set[int],
    emphasis: dict[int, Marks],
    following: dict[int, tuple[str, ...]],
    in_sentences: set[int],
) -> tuple[list[str], dict[int, _Injection]] | None:
    """One run of the pipeline for ``texts``: each output, and each fenced occurrence's
    injection by key, its decision 'left' where transfer lost it; None where the segment
    count was not kept."""
    stream = _run(pipe.analysis, _SEPARATOR.join(texts))
    unknown = _unknown_plurals(stream, by_key)
    if unknown:
        # Rare: a second analysis costs no run where every plural occurrence is known.
        stream = _run(pipe.analysis, _SEPARATOR.join(_with_stand_ins(t, unknown) for t in texts))
    heads = pending_heads.result()
    edited, injections = _edit(
        stream, by_key, heads, lower_after, emphasis, pipe, following, in_sentences
    )
    restorable = {
        key: injection
        for key, injection in injections.items()
        if injection.decision.mechanism == MECHANISM or injection.carried
    }
    if restorable:
        edited, clauses = _set_aside_clauses(edited, restorable.keys())
        # The injected units are restored between transfer and generation, in Python: a sed
        # command per occurrence ran every command over every line (a 600 KB document took
        # 47 s), and a book's script passed as an argument exceeded the system's limit.
        transferred = _put_back_clauses(_run(pipe.transfer, edited), clauses, pipe)
        transferred = _verbal_subjects_agreeing(_relatives_agreeing(transferred))

        def restore(match: re.Match[str]) -> str:
            injection = restorable.get(int(match.group(2)))
            if injection is None:
                return match.group()
            if injection.carried:
                return _carried_form(injection, _TAGS.findall(match.group(3)))
            opening, closing = (escape(mark) for mark in injection.emphasis)
            head = heads.get(injection.decision.target or "")
            words_before, words_after = _words_around(head, injection, match.group(3))
            lemma, words_before = _restored_head(match.group(1), head, words_before)
            article = _name_article(head, match)
            before = f"[{opening}{escape(words_before)} ]" if words_before else ""
            after = f"[ {escape(words_after)}{closing}]" if words_after else ""
            before = before or (f"[{opening}]" if opening else "")
            after = after or (f"[{closing}]" if closing else "")
            return f"{article}{before}^{lemma}{match.group(3)}${after}"

        transferred = _in_sentence_case(
            _without_made_up_articles(transferred, restorable), restorable
        )
        restored = _RESTORE.sub(restore, transferred)
        output = _run(pipe.generation, restored)
    else:
        output = _run(f"{pipe.transfer} | {pipe.generation}", edited)
    lost: set[int] = set()

    def unkey(match: re.Match[str]) -> str:
        lost.add(int(match.group(2)))
        return match.group(1)

    output = _ungenerated(output, tgt)
    # A key left in the output: the unit was not restored (it was generated unknown).
    output = _lower_marked(_LEFT_KEY.sub(unkey, output))
    for text in {p.target.text for p in by_key.values() if p.target is not None}:
        head = heads.get(text)
        if head is not None and not head.known:
            output = output.replace(f"#{head.lemma}", head.lemma)
            if head.other_lemma is not None:
                output = output.replace(f"#{head.other_lemma}", head.other_lemma)
    pieces = [p.strip() for p in output.split(_SEPARATOR)]
    if len(pieces) != len(texts):
        return None
    for key in lost & injections.keys():
        injection = injections[key]
        injection.decision = injection.decision.left("Apertium's transfer lost the injected term")
    return pieces, injections


# A form the generator could not make, as its debugged mode writes it: the mark ("#": no
# form for these tags; "@": not in the bilingual dictionary), the lemma, the tags.
_UNGENERATED = re.compile(r"(?<![\w\\])([#@])(\w[^#@<>\n\[\]]*?)((?:<[\w-]+>)+)")
_KEYED = re.compile(r"__\d+__")


def _ungenerated(output: str, lang: str) -> str:
    """``output`` with each form the generator could not make as ``lt-proc -g`` writes it
    (the mark and the lemma), but a noun's plural built by the language's regular rules.

    Apertium's Spanish dictionary lacks some plurals ("bodies" came out "Los #ente", and
    "Los ente" once the mark was taken off): the Real Academia's rules give "entes".
    """

    def form(match: re.Match[str]) -> str:
        mark, lemma, tags = match.groups()
        names = _TAGS.findall(tags)
        if mark == "#" and names[:1] == ["n"] and "pl" in names and not _KEYED.search(lemma):
            plural = pluralised(lemma, languages.primary(lang))
            if plural != lemma:
                return plural
        return mark + lemma

    return _UNGENERATED.sub(form, output)


def _edit(
    stream: str,
    by_key: dict[int, Placement],
    heads: dict[str, Head | None],
    lower_after: set[int],
    emphasis: dict[int, Marks],
    pipe: Pipeline | None = None,
    following: dict[int, tuple[str, ...]] | None = None,
    in_sentences: set[int] | None = None,
) -> tuple[str, dict[int, _Injection]]:
    """Replace each fenced occurrence's units by the injected term; the injections by key
    (``lower_after``: the occurrences whose source goes on in lower case; ``emphasis``: the
    mark to put around an occurrence's rendering; ``pipe``: the dictionaries that read a
    pronoun before the term again as a determiner, and a noun after it as a verb;
    ``following``: the source words right after each occurrence; ``in_sentences``: the
    occurrences in a sentence, not a heading)."""
    pieces = tokens(stream)
    out: list[str] = []
    injections: dict[int, _Injection] = {}
    i = 0
    previous_unit = ""
    # Where each injected unit is in ``out``: the source words after it, the term's number.
    injected: list[tuple[int, tuple[str, ...], str]] = []
    # Where each plural unit of a singular source phrase is in ``out`` ("Data is": "datos").
    made_plural: list[int] = []
    # Where each term (its unit or superblank) is in ``out``, and the source words after it.
    terms_at: list[tuple[int, tuple[str, ...]]] = []
    while i < len(pieces):
        piece = pieces[i]
        opening = _OPENING.fullmatch(piece)
        if opening is None:
            if piece != _CLOSE_BLANK:
                out.append(piece)
            if piece.startswith("^"):
                previous_unit = piece
            i += 1
            continue
        j = i + 1
        while j < len(pieces) and pieces[j] != _CLOSE_BLANK and not _OPENING.fullmatch(pieces[j]):
            j += 1
        inside = pieces[i + 1 : j]
        i = j + 1 if j < len(pieces) and pieces[j] == _CLOSE_BLANK else j
        key = int(opening.group(1))
        placement = by_key.get(key)
        units = [_source_side(p) for p in inside if p.startswith("^")]
        if placement is None or placement.target is None or not units:
            out.extend(inside)  # nothing to replace: the text goes on as Apertium read it
            continue
        term = placement.target
        capitalise = _sentence_start(previous_unit) and placement.source[:1].isupper()
        head = heads.get(term.text)
        nouns = _nouns_at(pieces, i)
        dropped = ""
        determiner = _determiner_before(out)
        # The gender a verbatim term's own words show, which the words before it agree
        # with where it goes through transfer as a noun unit (``carried``): for a singular
        # occurrence only as the analyser reads them (``Head.read_gender``).
        in_sentence = key in (in_sentences or ())
        plural = placement.number == "plural"
        shown = "mf"
        if in_sentence and head is not None:
            shown = head.shown_gender if plural else head.read_gender
        if (
            head is not None
            and not head.gendered
            and nouns
            and following
            and key in following
            and (not determiner or _definite_article_before(out) or shown != "mf")
        ):
            # Where another determiner comes first ("Our global governance needs reform")
            # the noun stays: read as the verb, the determiner would agree with the verbatim
            # term and transfer would make up its gender ("Nuestro gobernanza global"), but
            # for a term whose words show its gender ("Un tercero interesado importa").
            number = _occurrence_number(head, units, placement)
            read = _verb_in_noun_run(out, len(out), pieces, i, following[key], number, pipe)
            if read == 1:
                # The noun after the term was the sentence's verb ("Global governance
                # matters."): with no noun to modify, no word can agree with the term, so it
                # goes in verbatim, without an article ("Gobernanza global importa."), not
                # as a compound that loses the verb ("Los asuntos de gobernanza global.").
                # "The" goes too: an article would need the gender the glossary does not
                # record ("El gobernanza global necesita reforma"), and without the verb
                # reading the verb was lost ("La gobernanza global reforma de necesidades").
                # It stays where the term's own words show the gender it agrees with ("Los
                # terceros interesados importan").
                head = None
                # An acronym keeps it: Apertium writes the article before an acronym it does
                # not know ("El *AIIB"), in transfer's gender, and so does this layer where
                # the verb was read right ("El BAII es un banco"); without it "The AIIB must
                # act." came out "BAII Tiene que obrar.". No ending of an acronym shows a
                # gender that this one could contradict, as "gobernanza"'s does.
                if determiner and shown == "mf" and not _is_acronym(term.text):
                    dropped, starts = _drop_article(out)
                    capitalise = starts and placement.source[:1].islower()
            nouns = read - 1 if read else nouns
        # A verbatim term in a sentence goes through transfer as a noun unit (``_carried``):
        # a plural one always (its verb must agree), a singular one where its words show a
        # gender and no noun or name follows it, which transfer's compound rule would put
        # first ("China de criptopolítica global quiere"). As a superblank "tercero
        # interesado" took the gender of a noun after it ("La tercero interesado ley de
        # mosto"), or transfer's masculine whatever its words said.
        carried = in_sentence and (plural or (shown != "mf" and not _noun_or_name_at(pieces, i)))
        modifier = nouns > 0
        if head is not None and not head.gendered and nouns != 1:
            # Transfer would give the head an article and the words around it a gender
            # ("El gobernanza global falló", "reforma de sistema del gobernanza global"); as
            # the modifier of the one noun after it, it takes none ("Todas las reformas de
            # gobernanza global").
            head = None
        kept = [
            p
            for p in inside
            if p.startswith("^") and _source_side(p).lemma.lower() in placement.keep
        ]
        if head is not None and kept and len(kept) < len(units):
            # "community consciousness of human destiny": the extra words, then "of the",
            # then the term, which Apertium's rules turn into "la consciencia de la ...".
            out.extend(f"{unit} " for unit in kept)
            out.append("^of<pr>/de<pr>$ ^the<det><def><sp>/el<det><def><GD><ND>$ ")
            units = [_source_side(p) for p in inside if p.startswith("^") and p not in kept]
            capitalise = False
        if head is not None and pipe is not None:
            _pronoun_as_determiner(out, pipe)
        if (
            head is not None
            and not modifier
            and _mass_singular_of_bare_plural(out, units, head, placement)
        ):
            out.append(_THE)
        if head is not None and modifier:
            _article_after_all(out)
            if capitalise and in_sentences and key in in_sentences:
                # Transfer's compound rule gives a sentence-initial compound no article
                # ("Proyectos de desarrollo continúan.", without termwise too) but gives
                # "the" one; a Spanish subject needs it: "Las reformas de gobernanza
                # global fallaron.", "La reforma … es urgente.". It agrees with the noun
                # the term modifies, so a term of no known gender takes it too.
                out.append(_THE_CAPITAL)
                capitalise = False
            elif (
                in_sentences
                and key in in_sentences
                and _opens_joined_clause(out, inside, pieces[i:])
            ):
                # The same after "and" where a clause of its own starts ("China crece y las
                # reformas de gobernanza global tienen que continuar"), not "y reformas …".
                out.append(_THE)
        if head is not None:
            unit, before, after, lemma = _inject(head, units, capitalise, key, placement)
            out.append(unit)
            plural = _occurrence_number(head, units, placement) == "pl"
            if plural and _source_number(units) != "pl":
                made_plural.append(len(out) - 1)
            if following and key in following and head.gendered:
                number = _occurrence_number(head, units, placement)
                injected.append((len(out) - 1, following[key], number))
            if not head.gendered:
                origin = (
                    f"the glossary records no gender for '{term.text}' and Apertium's analyser "
                    f"does not know '{head.lemma}': injected as the modifier of the next noun, "
                    "which no word agrees with"
                )
            elif head.predicted:
                origin = (
                    f"the glossary records no gender for '{term.text}' and Apertium's analyser "
                    f"does not know '{head.lemma}': {TAG_GENDERS[head.gender]} by "
                    f"{predicted_by(head.predicted)}"
                )
            elif head.origin == "glossary":
                origin = ""
            else:
                origin = f"gender and number of '{head.lemma}' from {head.origin}, not the glossary"
            if placement.keep:
                words = ", ".join(placement.keep)
                origin = f"the source form is marked fix by hand; '{words}' translated beside it"
            decision = TermDecision(
                placement.concept_id, placement.source, term.text, MECHANISM, origin
            )
            injections[key] = _Injection(
                decision,
                before,
                after,
                emphasis.get(key, ("", "")),
                written=lemma,
                number=_occurrence_number(head, units, placement),
            )
        else:
            marks = emphasis.get(key, ("", ""))
            # A singular occurrence of a plural term in the plan's singular ("Un
            # criptorriesgo", not "Un criptorriesgos"): no generator inflects a verbatim term.
            written = placement.rendering
            # A plural subject needs a plural verb, which only a noun unit gets from transfer.
            if carried:
                # Transfer gives the unit's determiners its gender, and a pronoun before
                # it an article of its own ("Estos los terceros interesados"). Where its
                # words show no gender, an article is left out rather than made up, but a
                # determiner says something and stays in transfer's masculine ("Estos").
                if pipe is not None:
                    _pronoun_as_determiner(out, pipe)
                if shown == "mf" and _definite_article_before(out):
                    dropped, starts = _drop_article(out)
                    capitalise = starts and placement.source[:1].islower()
                # "Todos los terceros interesados": Spanish "todos" takes the article.
                if _article_after_all(out):
                    dropped = ""
            article = carried and _definite_article_before(out)
            verbatim = _verbatim(written, capitalise, key in lower_after, marks)
            out.append(_carried(units, key, shown, plural) if carried else verbatim)
            if carried and plural and _source_number(units) != "pl":
                made_plural.append(len(out) - 1)
            reason = (
                "no noun of the term is known to Apertium's analyser and the glossary "
                "records no gender: inserted without agreement"
            )
            if shown != "mf":
                reason += f"; the words before it take the {TAG_GENDERS[shown]} its own form shows"
            if dropped:
                reason += f"; '{dropped}' before it left out, as no article can agree with it"
            decision = TermDecision(
                placement.concept_id, placement.source, term.text, VERBATIM, reason
            )
            injections[key] = _Injection(
                decision,
                emphasis=marks,
                written=written,
                carried=verbatim if carried else "",
                article=article,
                capitalised=carried and capitalise,
                singular=term.text if carried and term.number != "plural" else "",
                case=(capitalise, key in lower_after),
            )
        terms_at.append((len(out) - 1, (following or {}).get(key, ())))
        # Keep what the text itself put between the words (a superblank of the deformatter).
        out.extend(p for p in inside if p.startswith("[") and p != _CLOSE_BLANK)
        previous_unit = "^x<n>/x<n>$"
    if pipe is not None:
        for index, next_words in terms_at:
            _relative_after_term(out, index, next_words, pipe)
        for index, next_words, number in injected:
            _verb_after(out, index, next_words, number, pipe)
        for index in made_plural:
            _plural_verb_after(out, index, pipe)
    return "".join(out), injections


def _relative_after_term(
    out: list[str], index: int, words: tuple[str, ...], pipe: Pipeline
) -> None:
    """The wh-word right after the term at ``out[index]`` read again as the relative it is
    there, in place: "which" with no comma before it opens a restrictive clause, "que".
    ``words``: the source words after the term, the wh-word first.

    Apertium's tagger reads it as the interrogative, with or without termwise ("The data
    which was lost matters.": "El dato qué era perdió asuntos"); transfer then wrote "qué"
    or "cuáles". After a comma the tagger reads the relative "el cual" itself ("Las
    ciberamenazas, las cuales crecen"), which is left as it is. A "which" that determines
    the noun after it stays the interrogative (``_determining_which``).
    """
    position = _next_unit(out, index, 1)
    if position < 0 or pipe.source_analyser is None:
        return
    unit = _source_side(out[position])
    if unit.tags[1:2] != ["itg"] or unit.lemma.lower() not in _RELATIVES:
        return
    if _determining_which(out, position, words, pipe.source_analyser):
        return
    readings = analyse_words(pipe.source_analyser, [unit.lemma]).get(unit.lemma, [])
    relative = next(
        (
            f"^{escape(lemma)}{''.join(f'<{t}>' for t in tags)}$"
            for lemma, tags in readings
            if tags[:2] == ["rel", "an"]
        ),
        None,
    )
    found = _looked_up(pipe, relative) if relative is not None else None
    if found is not None:
        out[position] = found


def _determining_which(
    out: list[str], position: int, words: tuple[str, ...], analyser: Path
) -> bool:
    """Whether the "which" at ``out[position]`` determines the noun phrase after it, the
    interrogative of an indirect question: "We asked the third party which option is best"
    ("qué opción"; read as the relative, "que la opción es más", that).

    The word after it is read as a noun or adjective and cannot be a finite verb, the
    relative clause's own: "which acts" is a clause, whatever the tagger read ("act", a
    noun). A pronoun or article after it opens a clause too ("the data which we collect").
    """
    if _source_side(out[position]).lemma.lower() != "which" or len(words) < 2:
        return False
    after = _next_unit(out, position, 1)
    if after < 0 or _source_side(out[after]).tags[:1] not in (["n"], ["adj"]):
        return False
    readings = analyse_words(analyser, [words[1]]).get(words[1], [])
    return not any(
        tags[:1] and tags[0] in _VERBS and not _NON_FINITE & set(tags) for _, tags in readings
    )


def _carried(units: list[_SourceUnit], key: int, gender: str, plural: bool = True) -> str:
    """The unit that carries a verbatim term through transfer: a noun of the ``gender`` its
    words show (``Head.shown_gender``) in the occurrence's number, which the sentence's verb
    and the determiners before it agree with ("Terceros interesados tienen que obrar"; as a
    superblank, no subject to transfer, it stayed singular: "tiene que"). ``restore`` puts
    the verbatim term back in its place before generation."""
    source_lemma = next((u.lemma for u in units if u.tags[:1] == ["n"]), "x").lower()
    number = "pl" if plural else "sg"
    return f"^{escape(source_lemma)}<n><{number}>/x__{key}__<n><{gender}><{number}>$"


def _words_around(head: Head | None, injection: _Injection, tags: str) -> tuple[str, str]:
    """The term's words before and after its head in the number transfer left the injected
    unit in (``tags``): transfer makes a plural noun singular after "no", with its
    determiner and verb, and the words around the head must follow ("Ninguna parte
    interesada estuvo consultada", was "parte interesadas")."""
    number = next((t for t in _TAGS.findall(tags) if t in _TAG_NUMBERS), None)
    if head is None or number is None or number == injection.number:
        return injection.before, injection.after
    if number == head.number:
        return head.before, head.after
    before = head.other_before if head.other_before is not None else head.before
    after = head.other_after if head.other_after is not None else head.after
    return before, after


def _carried_form(injection: _Injection, tags: list[str]) -> str:
    """The superblank that takes the place of a carried verbatim term's unit, ``tags`` as
    transfer left them: the term in the singular where transfer made the unit singular and
    the glossary records the singular.

    After "no" transfer makes the noun singular, with its determiner and verb, as Spanish
    does ("Ningún grupo de reflexión fue consultado"); the plural rendering stood among
    them: "Ningún thinkes tankes estuvo consultado."
    """
    if "sg" not in tags or not injection.singular:
        return injection.carried
    injection.written = injection.singular
    return _verbatim(injection.singular, *injection.case, injection.emphasis)


# An injected unit before transfer (its key on its target side).
_INJECTED_KEY = re.compile(r"/[^/$]*__(\d+)__<")


def _set_aside_clauses(edited: str, keys: Iterable[int]) -> tuple[str, list[str]]:
    """``edited`` with each relative clause set off by commas right after an injected term
    (``keys``) and before a verb taken out, a superblank in its place; the clauses taken out.

    Transfer makes a verb agree with the noun phrase right before it, and the clause's last
    word stood there: "Cyberthreats, which grow every day, are dangerous." came out
    "Ciberamenazas, los cuales crecen todos los días, es peligroso." (plain Apertium too).
    Without the clause the term and its verb stand together, and transfer gives the subject
    its article and the verb and its complement the term's number and gender ("Las
    ciberamenazas … son peligrosas"); the clause is transferred on its own
    (``_put_back_clauses``).
    """
    wanted = set(keys)
    pieces = tokens(edited)
    clauses: list[str] = []
    index = 0
    while index < len(pieces):
        key = _INJECTED_KEY.search(pieces[index]) if pieces[index].startswith("^") else None
        span = _parenthetical_after(pieces, index) if key and int(key.group(1)) in wanted else None
        if span is None:
            index += 1
            continue
        start, end = span
        clauses.append("".join(pieces[start:end]))
        pieces[start:end] = [f"[{_ASIDE}{len(clauses) - 1}]"]
        index = start + 1
    return "".join(pieces), clauses


def _parenthetical_after(pieces: list[str], index: int) -> tuple[int, int] | None:
    """The span of the relative clause set off by commas right after the unit at ``index``
    (``_relative_clause_after``) where a verb follows it; None where there is none.

    A verb after the closing comma is the verb of the noun phrase before the clause: a
    finite one, or a base form, which the tagger reads as an infinitive where no noun
    stands before it (``_after_noun``).
    """
    span = _relative_clause_after(pieces, index)
    if span is None:
        return None
    verb = _next_unit(pieces, span[1] - 1, 1)
    if verb < 0:
        return None
    unit = _source_side(pieces[verb])
    if not (_finite_verb(pieces, verb, unit) or unit.tags[:2] == ["vblex", "inf"]):
        return None
    return span


def _relative_clause_after(pieces: list[str], index: int) -> tuple[int, int] | None:
    """The span of ``pieces`` from the comma right after the unit at ``index`` through the
    comma that closes the relative clause it opens (``_relative_after_comma``: ", which …,",
    ", that …,", ", who …,"); None where there is none."""
    comma = _next_unit(pieces, index, 1)
    if comma < 0 or _source_side(pieces[comma]).tags[:1] != ["cm"]:
        return None
    opener = _next_unit(pieces, comma, 1)
    if opener < 0 or not _relative_after_comma(pieces, opener):
        return None
    position = opener
    while True:
        position = _next_unit(pieces, position, 1)
        if position < 0 or "sent" in _source_side(pieces[position]).tags:
            return None
        if _source_side(pieces[position]).tags[:1] == ["cm"]:
            return comma, position + 1


# Relatives the tagger may read as something else after a comma ("which" as a determiner:
# ", which China wants,").
_RELATIVES = {"which", "who", "whom", "whose"}


def _relative_after_comma(pieces: list[str], index: int) -> bool:
    """Whether the unit at ``index``, right after a comma, opens a relative clause: a word
    that opens one (``_opens_clause``) or a relative however the tagger read it, alone or
    after a preposition ("of which"), or "that" followed by a verb, which the tagger reads
    as a pronoun there."""
    unit = _source_side(pieces[index])
    if _opens_clause(unit) or unit.lemma.lower() in _RELATIVES:
        return True
    if unit.tags[:1] == ["pr"]:
        # ", of which many are new,": a preposition and the relative it governs.
        governed = _next_unit(pieces, index, 1)
        return governed >= 0 and _source_side(pieces[governed]).lemma.lower() in _RELATIVES
    if unit.lemma.lower() != "that" or unit.tags[:1] != ["prn"]:
        return False
    verb = _next_unit(pieces, index, 1)
    return verb >= 0 and _finite_verb(pieces, verb, _source_side(pieces[verb]))


def _put_back_clauses(transferred: str, clauses: list[str], pipe: Pipeline) -> str:
    """``transferred`` with each clause ``_set_aside_clauses`` took out, transferred on its
    own (all in one run), back in its superblank's place."""
    if not clauses:
        return transferred
    # Each clause ends a sentence of its own, so that no rule reaches from one into the
    # next; the sentence end transfer makes of it goes again.
    end = "^.<sent>/.<sent>$"
    joined = _run(pipe.transfer, "".join(f"{clause}{end}[{_ASIDE}]" for clause in clauses))
    pieces = joined.split(f"[{_ASIDE}]")[: len(clauses)]
    if len(pieces) != len(clauses):
        # The marks between them were not kept: never guess, one run each.
        pieces = [_run(pipe.transfer, f"{clause}{end}") for clause in clauses]
    done = [piece.removesuffix("^.<sent>$") for piece in pieces]
    # Alone, the clause opens a sentence and transfer gave its first word a capital ("Las
    # ciberamenazas, Los cuales crecen"): in its sentence it goes on in lower case.
    lowered = [
        _UNIT_START.sub(lambda m: f"^{m.group(1)}{m.group(2).lower()}", piece, count=1)
        for piece in done
    ]
    return _ASIDE_BLANK.sub(lambda match: lowered[int(match.group(1))], transferred)


# "el cual" after transfer, and a quantifier pronoun that may stand between it and its
# antecedent ("algunos de los cuales"): lemma and tags up to the gender, gender, number.
_EL_CUAL = re.compile(r"\^([Ee]l cual<rel><nn>)<(\w+)><(\w+)>\$")
_QUANTIFIER = re.compile(r"\^(\w+<(?:prn><tn|det><qnt)>)<(\w+)><(\w+)>\$")
_PREPOSITION_OR_COMMA = re.compile(r"\^[^$<]*<(?:pr|cm)>\$")


def _relatives_agreeing(transferred: str) -> str:
    """``transferred`` with each "el cual" whose antecedent is an injected term in the
    term's gender and number (``_antecedent``), a quantifier before it ("algunas de las
    cuales") in its gender, and the verb of which it is the subject in its number, with a
    participle or adjective after "ser" or "estar" in both.

    Apertium's transfer gives the relative the masculine whatever its antecedent (a clause
    set aside is transferred without it, ``_set_aside_clauses``): "Las ciberamenazas, los
    cuales crecen", "la ciberamenaza del cual hablamos"; and its verb the number of the
    relative it made: "Datos, los cuales estuvo perdido". The antecedent is the injected
    unit right before it, with no more than a comma, a preposition and a quantifier between.
    A quantifier right after the relative ("of which many are new") is the clause's subject:
    it takes the antecedent's gender, and its verb and complement agree with it ("de las
    cuales muchas son nuevas", was "muchos es nuevo"). With a quantifier the relative is
    plural, a part being taken of a plural whole ("algunas de las cuales", was "algunas de
    la cual" after a singular term).
    """
    pieces = tokens(transferred)
    for index, piece in enumerate(pieces):
        head = _RESTORE.fullmatch(piece) if piece.startswith("^") else None
        if head is None:
            continue
        term = _gender_and_number(head.group(3))
        if term is None:
            continue
        quantifier = -1
        position = _next_unit(pieces, index, 1)
        while position >= 0:
            unit = pieces[position]
            relative = _EL_CUAL.fullmatch(unit)
            if relative is not None:
                subject = position
                if quantifier < 0:
                    # "of which many are new": the quantifier after it is the subject,
                    # in the antecedent's gender and its own number ("muchas son nuevas").
                    after = _next_unit(pieces, position, 1)
                    if after >= 0 and _QUANTIFIER.fullmatch(pieces[after]):
                        quantifier = subject = after
                agreed = _antecedent(pieces, index, quantifier, position, term)
                if agreed is None:
                    break
                gender, number = agreed
                if quantifier >= 0:
                    # A part is taken of a plural whole ("algunas de las cuales", "de las
                    # cuales una"): after a singular term, "algunas de la cual".
                    number = "pl"
                pieces[position] = f"^{relative.group(1)}<{gender}><{number}>$"
                if quantifier >= 0:
                    found = _QUANTIFIER.fullmatch(pieces[quantifier])
                    assert found is not None
                    pieces[quantifier] = f"^{found.group(1)}<{gender}><{found.group(3)}>$"
                    if subject == quantifier:
                        number = found.group(3)
                _clause_agreeing(pieces, subject, gender, number)
                break
            if _QUANTIFIER.fullmatch(unit) and quantifier < 0:
                quantifier = position
            elif not _PREPOSITION_OR_COMMA.fullmatch(unit):
                break
            position = _next_unit(pieces, position, 1)
    return "".join(pieces)


_GENDER_OR_NUMBER = re.compile(r"<(m|f|sg|pl)>")


def _gender_and_number(tags: str) -> tuple[str, str] | None:
    """The gender (m, f) and number of a transferred unit's ``tags``; None without both."""
    found = _TAGS.findall(tags)
    gender = next((t for t in found if t in ("m", "f")), None)
    number = next((t for t in found if t in _TAG_NUMBERS), None)
    return (gender, number) if gender is not None and number is not None else None


def _antecedent(
    pieces: list[str], term: int, quantifier: int, relative: int, agreement: tuple[str, str]
) -> tuple[str, str] | None:
    """The gender and number "el cual" at ``pieces[relative]`` takes: the injected term's
    at ``pieces[term]`` (``agreement``), or the noun's it is the complement of ("El coste de
    ciberamenazas, el cual es alto"); None where the antecedent is unsure.

    After "de" either noun may be the antecedent, and only a number tells them apart: the
    clause's verb of which the relative is the subject ("which is high"), or a quantifier
    before or after it ("some of which", "of which many"), which the English wrote for
    its antecedent. "The cost of cyberthreats, which is high" came out "… ciberamenazas,
    las cuales es alto". A singular term is no antecedent of a plural verb (None).
    """
    noun = _governing_noun(pieces, term)
    told = quantifier if quantifier >= 0 else _next_unit(pieces, relative, 1)
    tags = _TAGS.findall(pieces[told]) if told >= 0 else []
    counted = tags[:1] in (["det"], ["prn"]) or ("p3" in tags and tags[0] in _VERBS)
    number = next((t for t in tags if t in _TAG_NUMBERS), None) if counted else None
    if noun is None:
        # A plural verb is no singular term's: the English antecedent is a noun before it
        # ("values created by human beings, which are neither good nor bad", which made
        # "por la humanidad, la cual es"), and transfer's relative stays.
        if quantifier < 0 and number == "pl" != agreement[1]:
            return None
        return agreement
    if number == agreement[1] != noun[1]:
        return agreement
    if number == noun[1] != agreement[1]:
        return noun
    return None


def _governing_noun(pieces: list[str], term: int) -> tuple[str, str] | None:
    """The gender and number of the noun whose complement the injected term at
    ``pieces[term]`` is (a preposition and determiners between: "el coste de las …"); None
    where it is no noun's complement."""
    position = _next_unit(pieces, term, -1)
    while position >= 0 and _TAGS.findall(pieces[position])[:1] == ["det"]:
        position = _next_unit(pieces, position, -1)
    if position < 0 or not _PREPOSITION_OR_COMMA.fullmatch(pieces[position]):
        return None
    if "<cm>" in pieces[position]:
        return None
    position = _next_unit(pieces, position, -1)
    while position >= 0 and _TAGS.findall(pieces[position])[:1] == ["adj"]:
        position = _next_unit(pieces, position, -1)
    if position < 0 or _TAGS.findall(pieces[position])[:1] != ["n"]:
        return None
    return _gender_and_number(pieces[position])


# Spanish copulas, whose participle or adjective agrees with the subject ("estuvieron
# perdidos", "son nuevos").
_COPULAS = {"ser", "estar"}


def _clause_agreeing(pieces: list[str], relative: int, gender: str, number: str) -> None:
    """The finite verb right after "el cual" at ``pieces[relative]`` (its subject) in
    ``number``, and a participle or adjective right after a copula in ``gender`` and
    ``number``, in place."""
    verb = _next_unit(pieces, relative, 1)
    tags = _TAGS.findall(pieces[verb]) if verb >= 0 else []
    if not tags or tags[0] not in _VERBS or "p3" not in tags:
        return
    pieces[verb] = _GENDER_OR_NUMBER.sub(f"<{number}>", pieces[verb])
    _complement_agreeing(pieces, verb, gender, number)


def _complement_agreeing(pieces: list[str], verb: int, gender: str, number: str) -> None:
    """The participle or adjective right after the copula at ``pieces[verb]`` in ``gender``
    and ``number``, in place; nothing where the verb is no copula."""
    if pieces[verb][1:].split("<", 1)[0].lower() not in _COPULAS:
        return
    complement = _next_unit(pieces, verb, 1)
    tags = _TAGS.findall(pieces[complement]) if complement >= 0 else []
    if tags[:1] == ["adj"] or tags[:2] == ["vblex", "pp"]:
        agreeing = {"m": gender, "f": gender, "sg": number, "pl": number}
        pieces[complement] = _GENDER_OR_NUMBER.sub(
            lambda m: f"<{agreeing[m.group(1)]}>", pieces[complement]
        )


# Where a clause opens, after transfer: a sentence end, a comma, a conjunction ("que",
# "pero").
_CLAUSE_OPENERS = {"sent", "cm", "cnjsub", "cnjcoo"}


def _verbal_subjects_agreeing(transferred: str) -> str:
    """``transferred`` with the participle or adjective after a copula in the masculine
    singular where the copula's subject is a gerund or infinitive phrase whose object is an
    injected term ("Recogiendo los datos es caro").

    Transfer makes the complement agree with the noun phrase right before the copula, and
    that is the term: "Collecting data is expensive." came out "Recogiendo los datos es
    caros", "Collecting cyberthreats …" "… es caras". The subject is the verb's phrase,
    which Spanish treats as masculine singular. Only a singular copula, which transfer keeps
    from the source's ("is"), shows that: before "are" the term is the subject and the
    gerund or participle describes it ("Existing cyberthreats are dangerous": "peligrosas").
    """
    pieces = tokens(transferred)
    for index, piece in enumerate(pieces):
        if not (piece.startswith("^") and _RESTORE.fullmatch(piece)):
            continue
        position = _next_unit(pieces, index, -1)
        while position >= 0 and _TAGS.findall(pieces[position])[:1] in (["det"], ["adj"]):
            position = _next_unit(pieces, position, -1)
        tags = _TAGS.findall(pieces[position]) if position >= 0 else []
        if tags[:1] != ["vblex"] or not {"ger", "inf"} & set(tags):
            continue
        opener = _next_unit(pieces, position, -1)
        if opener >= 0 and _TAGS.findall(pieces[opener])[:1] == ["pr"]:
            # "To collect data is expensive": transfer's "Para recoger …".
            opener = _next_unit(pieces, opener, -1)
        if opener >= 0 and not _CLAUSE_OPENERS & set(_TAGS.findall(pieces[opener])):
            continue
        verb = _next_unit(pieces, index, 1)
        while verb >= 0 and _TAGS.findall(pieces[verb])[:1] == ["adj"]:
            verb = _next_unit(pieces, verb, 1)
        tags = _TAGS.findall(pieces[verb]) if verb >= 0 else []
        if tags[:1] and tags[0] in _VERBS and "p3" in tags and "sg" in tags:
            _complement_agreeing(pieces, verb, "m", "sg")
    return "".join(pieces)


# An article right before a keyed unit after transfer.
_ARTICLE_BEFORE_KEY = re.compile(r"\^el<det><def><\w+><\w+>\$ *(?=\^[^$<]*__(\d+)__<)", re.I)


def _without_made_up_articles(transferred: str, injections: dict[int, _Injection]) -> str:
    """``transferred`` without the article transfer put before a carried verbatim term where
    the source has none right before it (``_Injection.article``): after "these", "many" or
    "some" Spanish takes none ("Estos los terceros interesados"), nor where the source has
    no determiner ("Los partes interesadas")."""

    def article(match: re.Match[str]) -> str:
        injection = injections.get(int(match.group(1)))
        if injection is not None and injection.carried and not injection.article:
            return ""
        return match.group()

    return _ARTICLE_BEFORE_KEY.sub(article, transferred)


# A unit's lemma's first letter, past the mark of an unknown word.
_UNIT_START = re.compile(r"\^([*#@]?)(\w)")


def _in_sentence_case(transferred: str, injections: dict[int, _Injection]) -> str:
    """``transferred`` with each carried verbatim term that opened its sentence with a
    capital (``_Injection.capitalised``) but that transfer moved inside the sentence back
    in its own case, and the sentence's new first word capitalised.

    Transfer's compound rule moves the unit where the tagger reads the next word as a noun
    ("Relevant stakeholders must act.", "must" a noun, as in plain Apertium): the capital
    came out mid-sentence ("Ley de mosto de Interesadas pertinentes."), and the mark asking
    for the word after the term in lower case (``_verbatim``) lowered the next segment's
    first word ("la ley de mosto …").
    """
    pieces = tokens(transferred)
    first = -1  # the first unit of the sentence being read
    for index, piece in enumerate(pieces):
        if not piece.startswith("^"):
            if "\n" in piece:
                first = -1
            continue
        match = _RESTORE.fullmatch(piece)
        injection = injections.get(int(match.group(2))) if match else None
        if injection is not None and injection.capitalised and first >= 0:
            injection.carried = _verbatim(injection.written, False, False, injection.emphasis)
            injection.case = (False, False)
            pieces[first] = _UNIT_START.sub(
                lambda m: f"^{m.group(1)}{m.group(2).upper()}", pieces[first], count=1
            )
        if first < 0:
            first = index
        if "<sent>" in piece:
            first = -1
    return "".join(pieces)


# A sentence's last mark: a lead-in ending in ":" or ";" is a sentence too. Without them
# "Global governance needs three things:" was read as a heading, and came out "Necesidades
# de gobernanza global tres cosas:", its verb lost.
_SENTENCE_END = re.compile(r"[.!?:;][\"'”’»)\]]*$")
# The source word after an occurrence, with nothing but spaces between, or the closing
# marks of an emphasis that opened before the term ("*All communities …* matter").
_FOLLOWING_WORD = re.compile(r"[*_]* +([^\W\d_]+)(?![\w'’-])")
# The word after that one, with spaces between.
_NEXT_FOLLOWING_WORD = re.compile(r" +([^\W\d_]+)(?![\w'’-])")


def _following_words(body: str, position: int) -> tuple[str, ...]:
    """The (up to two) source words right after ``body[position]``: a noun after a term and
    the word after it may be the sentence's verb ("Common prosperity goals matter")."""
    first = _FOLLOWING_WORD.match(body, position)
    if first is None:
        return ()
    second = _NEXT_FOLLOWING_WORD.match(body, first.end())
    return (first.group(1), second.group(1)) if second else (first.group(1),)


# A blank of the stream that holds no more than spaces and emphasis marks.
_EMPHASIS_BLANK = re.compile(r"[ *_]*")
_VERBS = {"vblex", "vbser", "vbhaver", "vbmod", "vaux", "vbdo"}
_NON_FINITE = {"inf", "ger", "pp", "pprs", "subs"}
# English modals have no non-finite form, but Apertium tags most as ``<vaux><inf>``
# ("must", "should", "will"): one is always the sentence's finite verb. Read as none,
# "Global governance reforms must continue." made "reforms" the verb ("La gobernanza global
# reforma tiene que continuar").
_MODALS = {"vaux"}
# The finite verb reading that agrees with a subject of each number ("communities matter",
# "a community matters").
_AGREEING_VERB = {"pl": ["pres"], "sg": ["pri", "p3", "sg"]}


def _verb_after(
    out: list[str], index: int, words: tuple[str, ...], number: str, pipe: Pipeline
) -> None:
    """A noun right after the injected unit at ``out[index]`` read as the sentence's verb,
    in place, where the sentence has no other finite verb (``_verb_in_noun_run``).

    The tagger chooses from the words it saw: after "human destiny" it read "matter" as a
    noun, and transfer then made a compound of the whole injected term and it ("Todo asunto
    de comunidades de futuro compartido de la humanidad"), the sentence's verb gone; after
    "common prosperity" it read "increases" as a noun, as plain Apertium does ("Aumentos de
    prosperidad común."). A compound in a sentence with a verb stays ("We discussed
    community of human destiny matters"), and ``_edit`` does not ask in a heading
    ("Peaceful development issues": "Asuntos de desarrollo pacífico"). 67f3eaa asked only
    after a term that ends in a complement, and "Common prosperity increases." lost its verb.
    """
    _verb_in_noun_run(out, index, out, index + 1, words, number, pipe)


def _plural_verb_after(out: list[str], index: int, pipe: Pipeline) -> None:
    """The verbs that agree with the plural unit at ``out[index]`` in their plural, in
    place, where the source wrote them in the third person singular: the verb of a relative
    clause set off by commas right after it, where the unit is its antecedent
    (``_complement_of_noun``), and the verb right after it (past adverbs and that clause),
    where the unit is that verb's subject (``_opens_subject``).

    A term can be plural where its source is singular ("data": "datos", recorded plural):
    transfer makes the verb agree with the source's verb, not with the unit, and "Data is
    collected." came out "Los datos está recogido." (plain Apertium: "El dato está
    recogido."). A term that is no subject leaves the verb to its own: "The minister who
    leaked data is gone." came out "… los datos están idos".
    """
    clause = _relative_clause_after(out, index)
    if clause is not None and not _complement_of_noun(out, index):
        # "Data, which was lost, matters.": the clause's verb agrees whatever follows it.
        clause_verb = _next_unit(out, _next_unit(out, clause[0], 1), 1)
        if clause_verb >= 0:
            _in_plural(out, clause_verb, pipe)
    if not _opens_subject(out, index):
        return
    span = _parenthetical_after(out, index)
    if span is not None:
        index = span[1] - 1
    position = _next_unit(out, index, 1)
    while position >= 0 and _source_side(out[position]).tags[:1] == ["adv"]:
        position = _next_unit(out, position, 1)
    if position >= 0:
        _in_plural(out, position, pipe)


def _phrase_start(out: list[str], index: int) -> int:
    """The index of the unit right before the noun phrase that ends at ``out[index]``, past
    its determiners, quantifiers, numbers, adjectives and nouns; -1 where the phrase opens
    the text, a line or a superblank."""
    position = _next_unit(out, index, -1)
    while position >= 0:
        tags = _source_side(out[position]).tags
        if not (tags[:1] and tags[0] in _NOUN_PHRASE_WORDS) and tags[:2] != ["prn", "tn"]:
            break
        position = _next_unit(out, position, -1)
    return position


# Words of an English noun phrase before its last noun ("the new government data"); a
# pronoun only as a quantifier ("many"), never a relative ("who").
_NOUN_PHRASE_WORDS = {"det", "predet", "adj", "n", "np", "num"}


def _opens_subject(out: list[str], index: int) -> bool:
    """Whether the noun phrase that ends at ``out[index]`` opens its clause, and so is the
    subject of the verb after it: at the sentence's start, after a comma, a word that opens
    a clause ("If data is missing", "whether data exists", "Where data is missing") or a
    conjunction joining clauses (``_joins_clauses``). After a verb, a gerund, a preposition
    or a relative and its verb it is their object ("who leaked data", "Collecting data",
    "The report on data").
    """
    position = _phrase_start(out, index)
    if position < 0:
        return True
    unit = _source_side(out[position])
    if "sent" in unit.tags or unit.tags[:1] == ["cm"] or _opens_clause(unit):
        return True
    return _joins_clauses(out, position)


def _complement_of_noun(out: list[str], index: int) -> bool:
    """Whether the noun phrase that ends at ``out[index]`` follows a preposition after
    another noun phrase ("The cost of data"): a relative clause after it may then refer to
    either, and is left as transfer makes it."""
    position = _phrase_start(out, index)
    if position < 0 or _source_side(out[position]).tags[:1] != ["pr"]:
        return False
    before = _next_unit(out, position, -1)
    return before >= 0 and _source_side(out[before]).tags[:1] in (["n"], ["np"])


def _in_plural(out: list[str], position: int, pipe: Pipeline) -> None:
    """The verb at ``out[position]``, where it is in the third person singular, as the same
    verb's reading without person and number ("is": "are", "was": "were"), looked up in
    the bilingual dictionary, in place."""
    verb = _source_side(out[position])
    tags = verb.tags
    if not tags or tags[0] not in _VERBS or tags[-2:] != ["p3", "sg"]:
        return
    plural = ["pres" if tag == "pri" else tag for tag in tags[:-2]]
    unit = _looked_up(pipe, f"^{escape(verb.lemma)}{''.join(f'<{t}>' for t in plural)}$")
    if unit is not None:
        out[position] = unit


def _verb_in_noun_run(
    before: list[str],
    end: int,
    after: list[str],
    start: int,
    words: tuple[str, ...],
    number: str,
    pipe: Pipeline | None,
) -> int:
    """Which noun of the run from ``after[start]`` on, 1 or 2, was read again as the
    sentence's verb, in place; 0 where none was.

    A sentence needs a finite verb, so where neither ``before[:end]`` nor the run and what
    follows it hold one, and the analyser reads the source word of the first noun
    (``words[0]``) as one that agrees with the term of ``number`` (a plural term, "matter";
    a singular one, "matters"), that reading, looked up in the bilingual dictionary, takes
    the noun's place: "Todas las comunidades de futuro compartido de la humanidad
    importan", "La prosperidad común aumenta". Else, in a run of two nouns the first of
    which is plural, the second may be the base form that agrees with the term and the first
    as their subject ("Common prosperity goals matter": "Los goles de prosperidad común
    importan", not "El asunto de goles de la prosperidad común"). A modal read as a noun
    ("must": "mosto") is the verb whatever else the sentence holds (``_modal_in_noun_run``).
    """
    if pipe is None or pipe.source_analyser is None or not words:
        return 0
    run: list[int] = []
    position = start
    while len(run) < 3:
        # An emphasis that closes between them ("*All communities …* matter") is no word.
        while position < len(after) and _EMPHASIS_BLANK.fullmatch(after[position]):
            position += 1
        if position >= len(after) or not after[position].startswith("^"):
            break
        if _source_side(after[position]).tags[:1] != ["n"]:
            break
        run.append(position)
        position += 1
    if run and _modal_in_noun_run(after, run, words, pipe):
        return 1
    if not run or _finite_verb_near(before, end):
        return 0
    candidates = [(1, run[0], words[0], number)]
    if number == "sg" and _second_conjunct(before, end):
        # Two subjects joined by "and" take a plural verb: "Trade and global governance
        # matter" lost it ("Comercio y asunto de gobernanza global"). The singular still
        # goes where the source has it ("matters").
        candidates.insert(0, (1, run[0], words[0], "pl"))
    if len(run) == 2 and len(words) > 1 and "pl" in _source_side(after[run[0]]).tags:
        # Only a base form after a plural noun: a singular noun and an "-s" form ("trade
        # flows") are as often a compound of two nouns.
        candidates.append((2, run[1], words[1], "pl"))
    for place, at, word, agreeing in candidates:
        if _finite_verb_near(after, at, forward=True):
            return 0
        unit = _agreeing_verb(pipe, word, _source_side(after[at]).lemma, agreeing)
        if unit is not None:
            after[at] = unit
            return place
    return 0


def _modal_in_noun_run(
    after: list[str], run: list[int], words: tuple[str, ...], pipe: Pipeline
) -> bool:
    """Whether the first noun of ``run`` was read again as a modal and the noun after it
    as its infinitive, in place.

    Apertium's tagger reads "must" after any singular noun as a noun, with or without
    termwise ("The party must act.": "La ley de mosto de la fiesta"); after a term it made
    a compound of the term ("La tercero interesado ley de mosto."). The stand-in of an
    unknown plural (``_with_stand_ins``) helps only a plural occurrence, after which the
    tagger reads the modal. A modal never heads a noun phrase after a noun, whatever other
    verb the sentence holds, but only with an infinitive to govern: the second noun of the
    run, the source word of which has one (``words[1]``).
    """
    assert pipe.source_analyser is not None
    if len(run) < 2 or len(words) < 2:
        return False
    readings = analyse_words(pipe.source_analyser, words[:2])
    lemma = _source_side(after[run[0]]).lemma.lower()
    modal = next(
        (
            f"^{escape(found)}{''.join(f'<{t}>' for t in tags)}$"
            for found, tags in readings[words[0]]
            if tags[:1] and tags[0] in _MODALS and found.lower() == lemma
        ),
        None,
    )
    following = _source_side(after[run[1]]).lemma.lower()
    infinitive = next(
        (
            f"^{escape(found)}<vblex><inf>$"
            for found, tags in readings[words[1]]
            if tags == ["vblex", "inf"] and found.lower() == following
        ),
        None,
    )
    if modal is None or infinitive is None:
        return False
    modal_unit, infinitive_unit = _looked_up(pipe, modal), _looked_up(pipe, infinitive)
    if modal_unit is None or infinitive_unit is None:
        return False
    after[run[0]], after[run[1]] = modal_unit, infinitive_unit
    return True


def _opens_joined_clause(out: list[str], inside: list[str], rest: list[str]) -> bool:
    """Whether the occurrence whose units are ``inside``, between ``out`` and ``rest``,
    opens a clause after a coordinating conjunction (``_joins_clauses``), no determiner
    between them."""
    index = _last_unit(out)
    return index >= 0 and _joins_clauses([*out, *inside, *rest], index)


def _second_conjunct(out: list[str], index: int) -> bool:
    """Whether the term at ``out[index]`` (at the end of ``out`` where ``index`` is its
    length) is the second of two noun phrases joined by "and", past its determiners: a noun
    or a name right before "and" ("Trade and the community of human destiny matter"), in a
    phrase that opens its sentence or clause. The object of a verb is no subject: "promote
    the international system and global governance reform" made "reform" a verb."""
    position = _next_unit(out, index, -1)
    while position >= 0 and _source_side(out[position]).tags[:1] in (["det"], ["predet"]):
        position = _next_unit(out, position, -1)
    if position < 0:
        return False
    conjunction = _source_side(out[position])
    if conjunction.tags[:1] != ["cnjcoo"] or conjunction.lemma.lower() != "and":
        return False
    position = _next_unit(out, position, -1)
    if position < 0 or _source_side(out[position]).tags[:1] not in (["n"], ["np"]):
        return False
    while position >= 0 and _in_phrase(out[position]):
        position = _next_unit(out, position, -1)
    if position < 0:
        return True  # the segment's start
    unit = _source_side(out[position])
    return "sent" in unit.tags or unit.tags[:1] == ["cm"] or _opens_clause(unit)


def _mass_singular_of_bare_plural(
    out: list[str], units: list[_SourceUnit], head: Head, placement: Placement
) -> bool:
    """Whether the occurrence is a plural source form without a determiner written as its
    singular target term (``Placement.own_number``: "human beings" as "humanidad") after a
    preposition or a verb.

    English names a whole kind by a bare plural, which Apertium writes bare in Spanish as
    well ("de seres humanos"); a singular noun naming the whole kind takes the definite
    article: "El futuro de la humanidad", not "El futuro de humanidad". Transfer gives a
    subject its article itself ("La humanidad es responsable", "El comercio y la
    humanidad importan"), and an adjective before the term would stand between them.
    """
    if not placement.own_number or head.number != "sg" or _source_number(units) != "pl":
        return False
    index = _last_unit(out)
    if index < 0:
        return False
    tags = _source_side(out[index]).tags
    return bool(tags) and (tags[0] == "pr" or tags[0] in _VERBS)


def _determiner_before(out: list[str]) -> bool:
    """Whether the last unit of ``out``, past blanks, is a determiner of what follows it
    (an article, "our", "all", a quantifier the tagger read as a pronoun)."""
    index = len(out) - 1
    while index >= 0 and not out[index].startswith("^") and not out[index].strip():
        index -= 1
    if index < 0 or not out[index].startswith("^"):
        return False
    tags = _source_side(out[index]).tags
    return tags[:1] in (["det"], ["predet"]) or tags[:2] == ["prn", "tn"]


def _definite_article_before(out: list[str]) -> bool:
    """Whether the last unit of ``out``, past blanks, is the definite article ("the")."""
    index = _last_unit(out)
    if index < 0:
        return False
    unit = _source_side(out[index])
    return unit.lemma.lower() == "the" and unit.tags[:2] == ["det", "def"]


def _last_unit(out: list[str]) -> int:
    """The index of the last unit of ``out`` past blanks of spaces; -1 where there is none."""
    index = len(out) - 1
    while index >= 0 and not out[index].startswith("^") and not out[index].strip():
        index -= 1
    return index if index >= 0 and out[index].startswith("^") else -1


def _drop_article(out: list[str]) -> tuple[str, bool]:
    """The article at the end of ``out`` (``_definite_article_before``) taken away, with
    the blanks after it; its source word, and whether it opened the sentence in capitals
    (the term then takes the capital)."""
    index = _last_unit(out)
    word = _source_side(out[index]).lemma
    del out[index:]
    previous = _last_unit(out)
    opened = _sentence_start(out[previous] if previous >= 0 else "")
    return word, opened and word[:1].isupper()


def _agreeing_verb(pipe: Pipeline, word: str, lemma: str, number: str) -> str | None:
    """The bilingual unit of ``word``'s finite verb reading (of the same lemma as the noun
    the tagger chose) that agrees with a subject of ``number``; None where it has none."""
    assert pipe.source_analyser is not None
    readings = analyse_words(pipe.source_analyser, [word]).get(word, [])
    wanted = ["vblex", *_AGREEING_VERB[number]]
    verb = next(
        (found for found, tags in readings if tags == wanted and found.lower() == lemma.lower()),
        None,
    )
    if verb is None:
        return None
    return _looked_up(pipe, f"^{escape(verb)}{''.join(f'<{t}>' for t in wanted)}$")


def _finite_verb_near(out: list[str], index: int, *, forward: bool = False) -> bool:
    """Whether the clause of ``out[index]`` holds a finite verb before it (after it, with
    ``forward``), up to a sentence end or a line break.

    The verb of another clause, subordinate or relative, does not count: counted, "Economic
    globalization drives growth that must be shared." kept "drives" a noun ("El
    crecimiento de paseos de la globalización económica que tiene que ser compartido"),
    and so did "because countries are partners" and "Because countries must act, global
    governance matters." Forward, the first finite verb after a word that opens a clause
    (``_opens_clause``) is that clause's; a later one is the main clause's again ("trends
    that we see are good"). Backward, such a word ends the scan where the term stands in
    the clause it opens ("We know that global governance matters"), and the verbs of a
    clause closed by a comma before the term are left out. A coordinating conjunction
    where a new subject starts (``_joins_clauses``) ends the scan either way: "The economy
    grows and global governance matters" lost its verb ("La economía crece y asuntos de
    gobernanza global") to the verb before "and", "Global governance matters and trade
    grows" to the one after it.
    """
    step = 1 if forward else -1
    position = index + step
    pending = False  # forward: a clause opened whose own verb is still to come
    found = False  # backward: a finite verb since the last clause boundary
    comma = False  # backward: a comma between the term and the words read
    while 0 <= position < len(out):
        piece = out[position]
        if "\n" in piece and not piece.startswith("^"):
            return found
        if piece.startswith("^"):
            unit = _source_side(piece)
            if "sent" in unit.tags:
                return found
            if _joins_clauses(out, position):
                return found
            if _opens_clause(unit):
                if forward:
                    pending = True
                elif not comma:
                    return found
                else:
                    found = comma = False
            elif unit.tags[:1] == ["cm"]:
                comma = True
            elif _finite_verb(out, position, unit):
                if not forward:
                    found = True
                elif pending:
                    pending = False
                else:
                    return True
        position += step
    return found


# Conjunctions Apertium tags ``cnjadv`` that are often something else: "as well as" joins
# two nouns ("reforms as well as trade must continue"), and the tagger reads "before 2020"
# as a conjunction. Read as clauses, their nouns' verb was left out.
_NOT_CLAUSES = {"as well as", "as", "before", "after", "until", "till", "than", "like"}


def _opens_clause(unit: _SourceUnit) -> bool:
    """Whether ``unit`` opens a subordinate or relative clause: a subordinating conjunction
    ("that", "because", "although"), a relative ("where", "whose") or a wh-word ("which",
    "who", "when"), as Apertium's English tagger reads them."""
    tags = unit.tags
    if tags[:1] in (["cnjsub"], ["rel"]) or tags[:2] in (["prn", "itg"], ["adv", "itg"]):
        return True
    return tags[:1] == ["cnjadv"] and unit.lemma.lower() not in _NOT_CLAUSES


# What a noun phrase is made of, as Apertium's English tagger reads it: where such words
# follow a coordinating conjunction, a new subject may start there.
_PHRASE_WORDS = {"det", "predet", "adj", "n", "np", "prn", "num"}


def _joins_clauses(out: list[str], index: int) -> bool:
    """Whether ``out[index]`` is a coordinating conjunction ("and", "but", "or") between two
    clauses, the second with a subject of its own, rather than between two noun phrases
    ("trade and global governance matters") or two verbs ("discussed and adopted").

    A noun phrase must follow it, and either the words before it end a clause (a verb, an
    adverb, an adjective right after a verb: "grows and", "grows quickly and", "is strong
    and") or the phrase after it is the subject of the next finite verb alone: a subject
    pronoun ("and we grow"), or a verb that agrees with a singular subject ("and trade
    grows"), which two subjects joined by "and" never take. Else it is left a noun phrase's,
    as before: "We discussed trade and global governance matters" says either.
    """
    if _source_side(out[index]).tags[:1] != ["cnjcoo"]:
        return False
    after = _next_unit(out, index, 1)
    if after < 0 or not _in_phrase(out[after]):
        return False
    before = _next_unit(out, index, -1)
    if before >= 0 and _source_side(out[before]).tags[:1] == ["cm"]:
        before = _next_unit(out, before, -1)
    if before >= 0 and _ends_clause(out, before):
        return True
    subject = _source_side(out[after]).tags[:2] == ["prn", "subj"]
    position = after
    while position >= 0 and _in_phrase(out[position]):
        position = _next_unit(out, position, 1)
    if position < 0:
        return False
    verb = _source_side(out[position])
    if not _finite_verb(out, position, verb):
        return False
    return subject or ("sg" in verb.tags and "pl" not in verb.tags)


def _in_phrase(unit: str) -> bool:
    tags = _source_side(unit).tags
    return bool(tags) and tags[0] in _PHRASE_WORDS


def _ends_clause(out: list[str], index: int) -> bool:
    """Whether the unit ``out[index]`` can end a clause but not a noun phrase: a finite verb
    (``_finite_verb``), an adverb, or an adjective right after a finite verb ("is strong").

    A gerund or an infinitive is the object of the verb before it, which "and" may join a
    noun phrase to: counted, "The project needs funding and global governance reforms."
    lost its last noun to a verb ("y la gobernanza global reforma").
    """
    unit = _source_side(out[index])
    if _finite_verb(out, index, unit) or unit.tags[:1] == ["adv"]:
        return True
    previous = _next_unit(out, index, -1)
    if unit.tags[:1] != ["adj"] or previous < 0:
        return False
    return _finite_verb(out, previous, _source_side(out[previous]))


def _next_unit(out: list[str], index: int, step: int) -> int:
    """The index of the next unit from ``out[index]`` in direction ``step``, past blanks of
    spaces and emphasis marks; -1 where a line break, a superblank or the end comes first."""
    position = index + step
    while 0 <= position < len(out) and not out[position].startswith("^"):
        if not _EMPHASIS_BLANK.fullmatch(out[position]):
            return -1
        position += step
    return position if 0 <= position < len(out) else -1


def _finite_verb(out: list[str], index: int, unit: _SourceUnit) -> bool:
    """Whether ``unit``, at ``out[index]``, is a finite verb: one of a finite form, a modal
    (``_MODALS``), or a base form right after a noun (``_after_noun``)."""
    tags = unit.tags
    if tags[:1] and tags[0] in _VERBS and not _NON_FINITE & set(tags):
        return True
    if tags[:1] and tags[0] in _MODALS:
        return True
    return tags[:2] == ["vblex", "inf"] and _after_noun(out, index)


def _after_noun(out: list[str], index: int) -> bool:
    """Whether the unit before ``out[index]``, past blanks, is a noun.

    The tagger reads an English base form right after a noun as an infinitive ("Belt and
    Road Initiative projects continue.": ``continue<vblex><inf>``), but there it is the
    present tense that agrees with the noun, the sentence's finite verb: the noun before it
    is its subject, never a verb ("La Iniciativa de la Franja y la Ruta proyecta
    continuar.").
    """
    index -= 1
    while index >= 0 and not out[index].startswith("^"):
        if out[index].strip(" ") or "\n" in out[index]:
            return False
        index -= 1
    return index >= 0 and _source_side(out[index]).tags[:1] in (["n"], ["np"])


_LOOKED_UP: dict[tuple[str, str], str | None] = {}


def _looked_up(pipe: Pipeline, unit: str) -> str | None:
    """``unit`` (source side) with its bilingual dictionary translation; None where the
    dictionary does not know it. Remembered for the process, as ``analyse_words``."""
    key = (pipe.mode, unit)
    if key not in _LOOKED_UP:
        looked_up = _run(pipe.bilingual, unit).strip()
        target = _split_unescaped(looked_up[1:-1], "/")[1:] if looked_up else []
        known = looked_up.startswith("^") and target and not target[0].startswith(("@", "#"))
        _LOOKED_UP[key] = looked_up if known else None
    return _LOOKED_UP[key]


def _pronoun_as_determiner(out: list[str], pipe: Pipeline) -> None:
    """The quantifier right before an injected term read as its determiner, in place.

    Apertium's tagger reads "many", "several", "some", "all" before an adjective as a
    pronoun (``many<prn><tn>``), even without termwise ("Many economic globalizations" gives
    "Muchos las globalizaciones económicas"): transfer then makes it a masculine pronoun of
    its own and gives the noun phrase an article. Before the injected noun it can only be
    its determiner, so the same word's determiner (or predeterminer) reading from the
    analyser, looked up in the bilingual dictionary, takes its place ("Muchas
    globalizaciones económicas", "Todos los desarrollos pacíficos").

    Adjectives of the source between it and the term are the noun phrase's too ("Many new
    cyberthreats": "Muchos las ciberamenazas nuevas" once, "Muchas ciberamenazas nuevas").
    """
    index = _next_unit(out, len(out), -1)
    while index >= 0 and _source_side(out[index]).tags[:1] == ["adj"]:
        index = _next_unit(out, index, -1)
    if index < 0:
        return
    source = _source_side(out[index])
    if source.tags[:2] != ["prn", "tn"] or pipe.source_analyser is None:
        return
    replacement = _determiner_unit(pipe, source.lemma, source.tags)
    if replacement is not None:
        out[index] = replacement


_DETERMINERS: dict[tuple[str, str], str | None] = {}


def _noun_at(pieces: list[str], index: int) -> bool:
    """Whether the first unit from ``pieces[index]`` on, past spaces, is a noun."""
    return _nouns_at(pieces, index) > 0


def _noun_or_name_at(pieces: list[str], index: int) -> bool:
    """Whether the first unit from ``pieces[index]`` on, past spaces, is a noun or a name."""
    index = _past_spaces(pieces, index)
    return index < len(pieces) and _source_side(pieces[index]).tags[:1] in (["n"], ["np"])


def _past_spaces(pieces: list[str], index: int) -> int:
    """The index of the first piece from ``pieces[index]`` on that is no blank of spaces."""
    while index < len(pieces) and pieces[index].strip(" ") == "" and "\n" not in pieces[index]:
        index += 1
    return index


def _nouns_at(pieces: list[str], index: int) -> int:
    """How many nouns stand in a row from ``pieces[index]`` on, with spaces between."""
    count = 0
    while True:
        index = _past_spaces(pieces, index)
        if index >= len(pieces) or _source_side(pieces[index]).tags[:1] not in (["n"], ["np"]):
            return count
        if count == 0 and _source_side(pieces[index]).tags[:1] != ["n"]:
            return 0
        count += 1
        index += 1


_THE = "^the<det><def><sp>/el<det><def><GD><ND>$ "
_THE_CAPITAL = "^The<det><def><sp>/El<det><def><GD><ND>$ "


def _article_after_all(out: list[str]) -> bool:
    """ "the" after an "all" right before an injected term that modifies the next noun (or
    a carried verbatim term); whether one was added.

    Transfer gives "all" and a noun compound no article ("All development projects":
    "Todos proyectos de desarrollo", without termwise too) but gives "all the" one ("Todos
    los proyectos de desarrollo"), which is what Spanish says for both.
    """
    index = len(out) - 1
    while index >= 0 and not out[index].startswith(("^", "[")) and not out[index].strip():
        index -= 1
    if index < 0 or not out[index].startswith("^"):
        return False
    source = _source_side(out[index])
    if source.lemma.lower() == "all" and source.tags[:1] == ["predet"]:
        out.append(_THE)
        return True
    return False


def _determiner_unit(pipe: Pipeline, lemma: str, tags: list[str]) -> str | None:
    """The bilingual unit of ``lemma``'s (pre)determiner reading of the same number."""
    number = next((t for t in tags if t in ("sg", "pl")), "")
    key = (pipe.mode, f"{lemma}<{number}>")
    if key not in _DETERMINERS:
        assert pipe.source_analyser is not None
        readings = analyse_words(pipe.source_analyser, [lemma]).get(lemma, [])
        unit: str | None = None
        for reading_lemma, reading_tags in readings:
            # "all" is a predeterminer ("All peaceful developments": "Todos los ...").
            determiner = reading_tags[:1] in (["det"], ["predet"])
            if determiner and {number, "sp"} & set(reading_tags):
                tag_text = "".join(f"<{t}>" for t in reading_tags)
                unit = _looked_up(pipe, f"^{escape(reading_lemma)}{tag_text}$")
                break
        _DETERMINERS[key] = unit
    return _DETERMINERS[key]


def _sentence_start(previous_unit: str) -> bool:
    return previous_unit == "" or "<sent>" in previous_unit.split("/", 1)[0]


def _checked(injection: _Injection, output: str) -> TermDecision:
    """The injection's decision, or an honest 'left' where the term is not in the output
    after all."""
    decision = injection.decision
    if decision.target is None:
        return decision
    text = output.lower()
    wanted = decision.target.lower()
    words = wanted.split(" ")[1:] or [wanted]
    if injection.before or injection.after:
        # The head may be inflected (an occurrence in the other number), and so may the
        # words around it ("relación internacional"): those written must be there.
        words = f"{injection.before} {injection.after}".lower().split()
    elif injection.written:
        # A one-word term in the other number: "Una amenaza es peligrosa." has the injected
        # lemma of "amenazas", not the term.
        words = injection.written.lower().split()
    if wanted in text or all(w in text for w in words):
        return decision
    return decision.left(f"Apertium lost the injected '{decision.target}'")
