"""Rule-based sentence segmentation, one rule set per language.

A regular expression finds every place that *could* end a sentence (a run of terminal
punctuation, the closing quotes and brackets after it, and a citation marker such as ``[4]``
that belongs to the sentence before it); a few constant-time tests on the word before and
the word after decide whether it does. Each candidate is looked at once, so segmenting is
linear in the length of the text. Languages differ in their abbreviations, in the words that
begin sentences, and in punctuation (Chinese 。！？ need no space after them; French closes
quotes with `` »``; Spanish opens questions with ¿). A short Chinese quotation
("他喊道：“快跑！快跑！”") is never cut inside: its quotes stay in one sentence, and nor is a
quotation cut from the words that say who said it (「もう帰ろう。」と彼は言った。).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from termwise import languages
from termwise.document.months import MONTHS

# Quotes and brackets that close a sentence when they follow its terminal punctuation.
# ``“`` and ``«`` close quotations in German („…“, »…«); straight after a full stop they
# cannot be opening ones.
# Superscript digits: a footnote mark after the end ("massif.¹ Les Alpes …").
_CLOSERS = "\"'”’»›“«)\\]}」』）】》〉¹²³⁴⁵⁶⁷⁸⁹⁰"
# What may open a sentence besides a capital letter or a digit.
_OPENERS = "\"'“‘„«‹([{¿¡「『（【《〈—–-"
_CJK_TERMINATORS = "。！？｡"
_CJK_CLOSERS = "”’」』）】》〉\"')"
_SPACE = " \t\n\r\f\v\u00a0\u202f\u2009\u3000"
# Citation markers that belong to the sentence before them: ``[4]``, ``[4, 5]``, ``[4-6]``.
_CITATION = r"(?:[ \u00a0]?\[\d{1,4}(?:\s?[,–-]\s?\d{1,4})*\])"


@dataclass(frozen=True)
class LanguageRules:
    """What differs between languages. Abbreviations are written without their final period.

    ``abbreviations``: never end a sentence (titles before names, ``Fig.`` before a number).
    ``closing_abbreviations``: end a sentence when a capital follows (``etc.``, ``usw.``).
    ``name_abbreviations``: end one only when a typical sentence opener follows (``U.S.``).
    ``starters``: capitalised words that typically open a sentence.
    ``ordinal_words``: (German) words after ``3.`` that make it an ordinal, not an end.
    ``note_markers``: (German) the end of an editor's or translator's mark (``d. Übers``):
    no end where it opens its sentence or bracket, the note following it ("Anm. d. Übers.
    Dieser Satz …"), else an end when a capital follows, as it closes a reference there
    ("Siehe Anm. d. Verf. Dort …").
    """

    lang: str
    abbreviations: frozenset[str]
    closing_abbreviations: frozenset[str]
    name_abbreviations: frozenset[str]
    starters: frozenset[str]
    ordinal_words: frozenset[str] = frozenset()
    ordinal_before: frozenset[str] = frozenset()
    # Words that abbreviate "number" only before a digit ("No. 5"); elsewhere "no." is a word.
    numeric_abbreviations: frozenset[str] = frozenset()
    note_markers: frozenset[str] = frozenset()
    cjk: bool = False
    # "z" -> ("z. B.",): the first part of an abbreviation written with a space inside.
    prefixes: dict[str, tuple[str, ...]] = field(default_factory=dict)


def _variants(words: str) -> frozenset[str]:
    """Each abbreviation as written, and with a capital first letter (it may open a sentence)."""
    out: set[str] = set()
    for word in words.split("|"):
        word = word.strip()
        if not word:
            continue
        out.add(word)
        out.add(word[0].upper() + word[1:])
    return frozenset(out)


_EN_ABBREVIATIONS = (
    "Mr|Mrs|Ms|Mx|Dr|Prof|Rev|Hon|Sr|Jr|St|Mt|Gen|Col|Capt|Lt|Sgt|Gov|Sen|Rep|Pres|Fr|Br|Messrs|"
    "fig|figs|Fig|Figs|eq|eqs|Eq|Eqs|ref|refs|Ref|vol|vols|Vol|p|pp|ch|chap|sec|secs|"
    "Sec|Sect|sect|Sects|Chap|Ch|art|para|e.g|i.e|cf|vs|viz|approx|ca|esp|incl|dept|Dept|est|al|et al|op|cit|ibid|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun|"
    "ed|eds|trans|repr|rev|suppl|tab|Tab|App|Univ|Assoc|Inst|Ave|Blvd|Rd|Ft|Mt|cm|mm|km|kg"
)
_EN_CLOSING = "etc|et seq|ff"
_EN_NAMES = "Inc|Ltd|Co|Corp|LLC|Bros|U.S|U.K|U.N|U.S.A|E.U|a.m|p.m|A.D|B.C|Ph.D|M.D|B.A|M.A|D.C"
_EN_STARTERS = (
    "The|A|An|This|That|These|Those|It|Its|He|She|We|They|I|You|In|On|At|For|But|And|Or|However|"
    "There|Here|His|Her|Our|Their|My|As|If|When|While|After|Before|Since|So|Thus|Therefore|"
    "Moreover|Also|Then|Now|What|Why|How|Who|Which|One|Some|Many|Most|All|Each|Not|To|From|By|"
    "With|Although|Yet|Still|Furthermore|Finally|First|Second|Indeed|Instead|Such|Both"
)

_ES_ABBREVIATIONS = (
    "Sr|Sra|Srta|Sres|Dr|Dra|Dres|Lic|Ing|Arq|Prof|Profa|Ud|Uds|Vd|Vds|D|Dña|Da|Excmo|Excma|Ilmo|"
    "Sto|Sta|prof|dr|dra|sr|sra|s|pág|págs|p|pp|núm|núms|n|art|arts|cap|caps|vol|vols|fig|figs|aprox|cf|vid|ej|p. ej|"
    "e.g|i.e|ca|dcha|izq|izqda|Av|Avda|Cía|admón|apdo|atte|tel|et al|al|ed|eds|trad|"
    "ene|feb|mar|abr|jun|jul|ago|sept|oct|nov|dic|EE|ss"
)
_ES_CLOSING = "etc"
_ES_NAMES = "UU|S.A|S.L|Cía|Ltda|a. m|p. m|a. C|d. C|a. de C|d. de C"
_ES_STARTERS = (
    "El|La|Los|Las|Lo|Un|Una|Unos|Unas|Este|Esta|Estos|Estas|Esto|Ese|Esa|Eso|En|Pero|Sin|Por|Para|"
    "Con|Se|Es|Su|Sus|No|Y|Así|Además|Cuando|Si|Aunque|Hay|Ella|Él|Ellos|Ellas|Nosotros|Al|Del|"
    "También|Luego|Después|Entonces|Desde|Ya|Mi|Tu|Nuestro|Nuestra|Ha|Han|Fue|Era|Son|Hoy|Le|Les"
)

_FR_ABBREVIATIONS = (
    "M|MM|Mme|Mmes|Mlle|Mlles|Dr|Drs|Pr|Me|Mgr|St|Ste|p|pp|cf|fig|figs|vol|vols|éd|éds|art|chap|"
    "n|nº|tab|env|apr|av|ex|p. ex|c.-à-d|c-à-d|c. -à-d|i.e|e.g|ibid|op|cit|coll|trad|dir|"
    "janv|févr|fév|avr|juil|sept|oct|nov|déc|et al|al|boul|bd|tél|sq|suiv|capt|Capt|lt|"
    "gén|sgt|fr|Mr|Mrs|Ms|Oesterr|Österr"
)
_FR_CLOSING = "etc"
_FR_NAMES = "J.-C|S.A|S.A.R.L|Cie|Éts|hab"
_FR_STARTERS = (
    "Le|La|Les|L|Un|Une|Des|Ce|Cet|Cette|Ces|Il|Elle|Ils|Elles|Nous|Vous|On|Je|J|En|Dans|Mais|Et|"
    "Pour|Par|Sur|Avec|Sans|Si|Quand|Cependant|Puis|Ensuite|Alors|Depuis|Au|Aux|Du|De|D|Son|Sa|"
    "Ses|Leur|Leurs|Ainsi|C|Ça|Cela|Ceci|Qui|Que|Qu|Pourquoi|Comment|Aujourd|Enfin|Tout|Tous"
)

_DE_ABBREVIATIONS = (
    "Dr|Prof|Hr|Hrn|Fr|Frl|Dipl|Ing|Mag|St|Nr|Bd|Bde|Abb|Abs|Art|Kap|Tab|Anm|Aufl|Hrsg|Jh|Jhd|"
    "S|ff|vgl|ggf|bzw|ca|evtl|inkl|exkl|max|min|geb|gest|verh|zit|sog|u. a|z. B|d. h|u. U|"
    "o. Ä|s. o|s. u|i. d. R|z. T|v. a|u. v. m|m. E|e. V|i. A|i. V|Str|Tel|bspw|insb|usf|"
    "Jan|Feb|Mär|Apr|Jun|Jul|Aug|Sep|Sept|Okt|Nov|Dez|et al|al|Mio|Mrd|Tsd|allg|best|dt|engl|"
    "frz|lat|gem|Pkt|Ziff|lt|zzgl|zw|s|Österr|österr|Oesterr|Mr|Mrs|Ms|Capt|Ch|Hptm|Oberst|"
    "Okt|oct|"
    # An editor's or translator's note, "(Anm. d. Übers.: …)": "d." abbreviates the article,
    # so that "Anm. d. Übers." stays one marker (its end: ``_DE_NOTE_MARKERS``).
    "Anm. d"
)
_DE_NOTE_MARKERS = "d. Übers|d. Ü|d. Red|d. Hrsg|d. Hg|d. Verf"
_DE_CLOSING = "usw|etc|u. v. m|u. Ä|o. Ä"
_DE_NAMES = "GmbH|AG|e. V|Co|KG|Chr|n. Chr|v. Chr"
_DE_STARTERS = (
    "Der|Die|Das|Den|Dem|Des|Ein|Eine|Einen|Er|Sie|Es|Wir|Ich|Ihr|In|Im|Am|Auf|Aber|Und|Dann|Dies|"
    "Diese|Dieser|Dieses|Doch|Denn|Man|Mit|Nach|Vor|Seit|Bei|Als|Wenn|Da|Auch|So|Zum|Zur|Damit|"
    "Deshalb|Daher|Jedoch|Heute|Später|Danach|Was|Wie|Wo|Warum|Wer|Nun|Hier|Dort|Sein|Seine|Ihre"
)
# Besides the months ("3. Januar", from ``months``): the words an ordinal goes with.
_DE_ORDINAL_WORDS = (
    "Jahrhundert|Jahrhunderts|Jahrtausend|Jahrtausends|Mal|Platz|Stock|Stockwerk|Klasse|Auflage|"
    "Kapitel|Band|Tag|Woche|Monat|Jahr|Lebensjahr|Geburtstag|Jahrestag|Runde|Etage|Liga|Semester|"
    "Sitzung|Ausgabe|Bundesliga|Oktoberfest|Armee|Symphonie|Sinfonie|Weltkrieg|"
    "Stelle|Rang|Jahrgang|Heft|Folge|Lager|Hochlager|Versuch"
)
_DE_ORDINALS = frozenset(MONTHS["de"]) | frozenset(_DE_ORDINAL_WORDS.split("|"))
_DE_ORDINAL_BEFORE = (
    "am|an|vom|zum|zur|bis|den|der|dem|des|die|das|im|seit|ab|ihr|ihrem|ihren|sein|seinem|seinen|"
    "seiner|ihrer|dieser|diesem|diesen|jeden|jedem|am|Am|Vom|Zum|Bis|Seit|Ab|Im|Den|Der|Dem|Die|Das"
)

_RU_ABBREVIATIONS = (
    "т. е|т.е|т. к|т.к|т. н|т.н|т. ч|т.ч|т. о|т.о|напр|см|ср|стр|с|рис|табл|гл|ч|п|пп|им|ул|пр|"
    "просп|пер|д|кв|обл|р|проф|акад|доц|чл.-кор|г-н|г-жа|тов|ок|"
    "англ|лат|франц|нем|рус|др.-греч|т|и т|ст|вып|изд|ред|сост|пер|соч|кн|янв|февр|авг|"
    "сент|окт|нояб|дек|et al|al|e.g|i.e|См|Ср"
)
_RU_CLOSING = "т. д|т.д|т. п|т.п|др|пр|проч"
_RU_NAMES = "г|гг|в|вв|н. э|до н. э|ООО|ЗАО|руб|коп|тыс|млн|млрд|долл"
_RU_STARTERS = (
    "В|Во|На|Он|Она|Оно|Они|Мы|Я|Вы|Ты|Это|Этот|Эта|Эти|Но|И|А|По|С|Со|Для|Как|Когда|После|До|Так|"
    "Тогда|Затем|Потом|Однако|Поэтому|Там|Здесь|Его|Её|Ее|Их|Все|Всё|Не|Из|К|О|У|За|При|Что|Кто|"
    "Где|Почему|Сегодня|Теперь|Также|Кроме|Если|Хотя|Через|Между|Уже|Ещё|Еще|Наш|Наша|Их"
)


def _build(lang: str) -> LanguageRules:
    base = lang if lang in _TABLES else "en"
    abbreviations, closing, names, starters = _TABLES[base]
    abbreviations = _both_spacings(abbreviations)
    markers = _DE_NOTE_MARKERS if base == "de" else ""
    return LanguageRules(
        lang=lang,
        abbreviations=_variants(abbreviations),
        closing_abbreviations=_variants(closing),
        name_abbreviations=_variants(names),
        starters=frozenset(starters.split("|")),
        ordinal_words=_DE_ORDINALS if base == "de" else frozenset(),
        ordinal_before=frozenset(_DE_ORDINAL_BEFORE.split("|")) if base == "de" else frozenset(),
        numeric_abbreviations=_variants(_NUMERIC.get(base, "")),
        note_markers=_variants(markers),
        cjk=lang in ("zh", "ja", "ko"),
        prefixes=_prefixes(abbreviations, closing, names, markers),
    )


# An abbreviation of letter runs each closed by a period: "e.g", "z. B", "p. ex", "Ph.D".
_DOTTED_LETTERS = re.compile(r"[^\W\d_]+(?:\. ?[^\W\d_]+)+")


def _both_spacings(words: str) -> str:
    """``words`` with each dotted abbreviation also in its other spacing ("e.g" and "e. g",
    "p. ex" and "p.ex"): writers space them or not, and a word that never ends a sentence
    ends none either way, the capital after it being a name ("e. g. Paris").

    Only the abbreviations that never end a sentence get this. A name abbreviation keeps
    the spacing its table gives: English "a.m"/"p.m" end a sentence only before an opener
    such as "Then", while a spaced "5 p. m." stays an end before any capital, as it was
    ("We met at 5 p. m. Marie left first." is two sentences; a time ends sentences far
    more often than a name follows it)."""
    out = [word.strip() for word in words.split("|")]
    for word in list(out):
        if _DOTTED_LETTERS.fullmatch(word):
            spaced = word.replace(". ", ".").replace(".", ". ")
            out += [spaced, spaced.replace(". ", ".")]
    return "|".join(dict.fromkeys(word for word in out if word))


def _prefixes(*tables: str) -> dict[str, tuple[str, ...]]:
    found: dict[str, set[str]] = {}
    for table in tables:
        for entry in _variants(table):
            for index, char in enumerate(entry[:-1]):
                if char == "." and entry[index + 1] == " ":
                    found.setdefault(entry[:index], set()).add(entry + ".")
    return {prefix: tuple(sorted(forms)) for prefix, forms in found.items()}


_NUMERIC = {
    "en": "no|nos",
    "fr": "no|nos",
    "zh": "no|nos",
    "ja": "no|nos",
    "es": "no",
    "de": "No|Nos",
}

_TABLES: dict[str, tuple[str, str, str, str]] = {
    "en": (_EN_ABBREVIATIONS, _EN_CLOSING, _EN_NAMES, _EN_STARTERS),
    "es": (_ES_ABBREVIATIONS, _ES_CLOSING, _ES_NAMES, _ES_STARTERS),
    "fr": (_FR_ABBREVIATIONS, _FR_CLOSING, _FR_NAMES, _FR_STARTERS),
    "de": (_DE_ABBREVIATIONS, _DE_CLOSING, _DE_NAMES, _DE_STARTERS),
    "ru": (_RU_ABBREVIATIONS, _RU_CLOSING, _RU_NAMES, _RU_STARTERS),
    # Chinese and Japanese documents quote English often; their Latin sentences use English rules.
    "zh": (_EN_ABBREVIATIONS, _EN_CLOSING, _EN_NAMES, _EN_STARTERS),
    "ja": (_EN_ABBREVIATIONS, _EN_CLOSING, _EN_NAMES, _EN_STARTERS),
}

SUPPORTED_LANGUAGES = ("en", "zh", "es", "fr", "de", "ru", "ja")


@lru_cache(maxsize=32)
def rules_for(lang: str) -> LanguageRules:
    """The rule set for a BCP 47 tag (``zh-Hant`` uses Chinese rules, unknown ones English)."""
    try:
        primary = languages.primary(lang)
    except languages.LanguageError:
        primary = "en"
    return _build(primary)


# One candidate end: CJK terminators (no space needed after them), or Latin ones followed by
# space or the end of the text. French sets a space before ``»``.
_CANDIDATE = re.compile(
    rf"(?P<cjk>[{_CJK_TERMINATORS}][{_CJK_TERMINATORS}!?…]*[{re.escape(_CJK_CLOSERS)}]*)"
    rf"|(?P<lat>[.!?…‽]+)"
    rf"(?P<close>(?:[ \u00a0\u202f][»›](?=[\s]|\Z))?[{re.escape(_CLOSERS)}]*{_CITATION}*)"
    rf"(?=[{_SPACE}]|\Z|(?P<cjknext>[\u3400-\u9fff]))"
)
_ELISION = re.compile(r"(?:[lLdDjJmMnNsStTcC]|[qQ]u|jusqu|lorsqu|puisqu)['’]")
_INITIAL = re.compile(r"[A-ZÀ-ÖØ-ÞА-ЯЁ]\.")
_DOTTED = re.compile(r"(?:\w\.-?)+\w")
_FIGURE_GOES_ON = re.compile(r"\d+(?![.\d])")
_HYPHENED_INITIAL = re.compile(r"\w-[A-ZÀ-ÖØ-Þ]\Z")
_NUMBER = re.compile(r"\d{1,3}")
_WORD_AFTER = re.compile(r"[\w'’-]*")
_WORD_BEFORE_NUMBER = re.compile(r"(\w+)\s+\d{1,3}\Z")
# A paragraph's or list item's number or letter standing alone before its sentence ("5. Für
# den Winter …", "IV. The …", a table cell's "a. B"): no sentence of its own.
_ENUMERATOR = re.compile(r"[ \t\u00a0]*(?:\d{1,3}|[IVXLC]{1,6}|[a-zа-яё])\.[ \t\u00a0]*\Z")
# An item's letter before a capital, where its sentence begins ("… milk. b. Sell eggs.").
_LETTER_ENUMERATOR = re.compile(r"([a-zа-яё])\.[ \t\u00a0]+[A-ZÀ-ÖØ-ÞА-ЯЁ]")
# A letter standing alone right before the period that may end a sentence ("e" of "e. g.").
_LONE_LETTER_BEFORE = re.compile(r"(?<![\w.])[^\W\d_]\Z")


def split_sentences(
    text: str,
    lang: str,
    hidden: Sequence[tuple[int, int]] = (),
    code: Sequence[tuple[int, int]] = (),
) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` of one paragraph of normalised text.

    Spans exclude the spaces between sentences; text without terminal punctuation is one
    sentence. Offsets are into ``text``. A numbered list after a colon starts a sentence
    at each number ("Bisher wurden erstiegen: 1. 1950: Annapurna …" cut after "1.").

    ``hidden``: spans no reader sees (a Markdown source's HTML comments, in order, not
    overlapping). The sentences are those of the text without them, so no sentence ends
    inside one, and each stays whole in one sentence: the one it stands in, else the one
    before it ("It ends today. <!-- note --> Next one." cuts after the comment: a note
    follows what it is about), else the first.

    ``code``: spans whose text is code (a Markdown source's code spans, in order, not
    overlapping, none inside a hidden one). Their text is read as context, but no sentence
    ends inside one: a cut there would split the code between two segments.
    """
    if hidden:
        return _split_around(text, lang, hidden, code)
    cuts = [
        match.end()
        for match in _LIST_AFTER_COLON.finditer(text)
        if not code or not _inside(code, match.end())
    ]
    if not cuts:
        return _split(text, lang, code)
    spans: list[tuple[int, int]] = []
    start = 0
    for cut in [*cuts, len(text)]:
        piece_code = [(a - start, b - start) for a, b in code if a < cut and b > start]
        spans += [(start + a, start + b) for a, b in _split(text[start:cut], lang, piece_code)]
        start = cut
    return spans


def _inside(spans: Sequence[tuple[int, int]], offset: int) -> bool:
    index = bisect_right(spans, (offset, offset)) - 1
    return index >= 0 and spans[index][0] < offset < spans[index][1]


def _split_around(
    text: str,
    lang: str,
    hidden: Sequence[tuple[int, int]],
    code: Sequence[tuple[int, int]],
) -> list[tuple[int, int]]:
    """``split_sentences`` of ``text`` with the ``hidden`` spans taken out, mapped back."""
    pieces: list[str] = []
    # Each kept run of ``text``: where it starts in the reduced text and in ``text``.
    runs: list[tuple[int, int]] = []
    kept = 0
    position = 0
    for start, end in [*hidden, (len(text), len(text))]:
        if start > position:
            runs.append((kept, position))
            pieces.append(text[position:start])
            kept += start - position
        position = end
    reduced = "".join(pieces)
    text_starts = [run[1] for run in runs]

    def reduced_offset(offset: int) -> int:
        reduced_start, text_start = runs[bisect_right(text_starts, offset) - 1]
        return reduced_start + offset - text_start

    reduced_code = [(reduced_offset(start), reduced_offset(end)) for start, end in code]
    found = split_sentences(reduced, lang, code=reduced_code) if reduced.strip() else []
    if not found:
        return _stripped_whole(text)
    run_starts = [run[0] for run in runs]

    def original(offset: int) -> int:
        reduced_start, text_start = runs[bisect_right(run_starts, offset) - 1]
        return text_start + offset - reduced_start

    spans = [[original(start), original(end - 1) + 1] for start, end in found]
    # A hidden span before the first sentence joins it; any other joins the sentence it
    # stands in or the last one that ends before it.
    spans[0][0] = min(spans[0][0], hidden[0][0])
    index = 0
    for start, end in hidden:
        while index + 1 < len(spans) and spans[index + 1][0] <= start:
            index += 1
        spans[index][1] = max(spans[index][1], end)
    return [(start, end) for start, end in spans]


def _stripped_whole(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    _append_stripped(text, 0, len(text), spans)
    return spans


# A colon, then a numbered list's first item: "erstiegen: 1. 1950: Annapurna".
_LIST_AFTER_COLON = re.compile(r"[:：][ \t\u00a0]+(?=\d{1,3}\.[ \t\u00a0]+\S)")


def _split(text: str, lang: str, code: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    rules = rules_for(lang)
    spans: list[tuple[int, int]] = []
    start = 0
    length = len(text)
    # The first code span that does not end before the candidate (candidates come in order).
    next_code = 0
    quotations = _short_quotations(text)
    for match in _CANDIDATE.finditer(text):
        end = match.end()
        if end <= start:
            continue
        while next_code < len(code) and code[next_code][1] <= end:
            next_code += 1
        if next_code < len(code) and code[next_code][0] < end:
            continue
        if _ENUMERATOR.match(text, start, end):
            continue
        if _ends_sentence(text, match, rules, start, quotations):
            _append_stripped(text, start, end, spans)
            start = end
    if start < length:
        _append_stripped(text, start, length, spans)
    return spans


def _append_stripped(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start] in _SPACE:
        start += 1
    while end > start and text[end - 1] in _SPACE:
        end -= 1
    if end > start:
        spans.append((start, end))


def _next_char(text: str, position: int) -> tuple[int, str]:
    length = len(text)
    while position < length and text[position] in _SPACE:
        position += 1
    return position, text[position] if position < length else ""


def _ends_sentence(
    text: str,
    match: re.Match[str],
    rules: LanguageRules,
    start: int,
    quotations: Sequence[tuple[int, int]],
) -> bool:
    end = match.end()
    after, next_char = _next_char(text, end)
    if not next_char:
        return True
    if match.group("cjk") is not None:
        # A comma or enumeration comma after 。”/！” continues the sentence (“好！”，他说).
        if next_char in "，、；：,;:":
            return False
        if match.group("cjk")[-1] in _QUOTE_CLOSERS and _SAID_AFTER_QUOTE.match(text, after):
            return False
        return not _inside(quotations, end)
    if next_char in ",;:，、；：)]}":
        return False
    if match.group("cjknext") is not None and not rules.cjk:
        return False  # "!" or "." glued to a Chinese character only ends sentences in Chinese
    if next_char.islower():
        # "a. Buy milk. b. Sell eggs.": a lettered item's letter opens its sentence; after a
        # lone letter's period the two letters are one abbreviation ("e. g. Paris", "5 a. m.
        # Monday", "Dr. h. c. Schmidt").
        period = match.start()
        if _LONE_LETTER_BEFORE.match(text, max(period - 1, 0), period):
            return False
        if not _enumerator_follows(text, after, rules):
            return False
    elif not _starts_sentence(text, after, next_char):
        return False
    terminator = match.group("lat")
    if terminator[-1] in "!?‽" or "…" in terminator or terminator.startswith(".."):
        return True
    if match.group("close"):
        return True  # "... title [4]. Next" and "... end." Next" are ends whatever came before
    return _period_ends_sentence(text, match.start(), after, rules, start)


# The most characters a Chinese or Japanese quotation (“…”, 「…」, 『…』) may hold and stay
# in one sentence, whatever ends inside it: the median length of a Chinese sentence (21 in
# the Chinese Union Version's 13,352 lines of align-dev). A quoted cry ("快跑！快跑！") is
# shorter and one sentence's part; a speech quoted over several sentences (that Bible's
# 250-character letter of Solomon) is cut at each of its sentence ends, as its gold is.
SHORT_QUOTATION = 21
# Such a quotation, with any other kind of quotation inside it (「他說：『快跑！』」).
_SHORT_QUOTATION_SPAN = re.compile(
    "|".join(
        f"{opening}[^{opening}{closing}]{{0,{SHORT_QUOTATION}}}{closing}"
        for opening, closing in (("“", "”"), ("「", "」"), ("『", "』"))
    )
)


# What goes on with the sentence after a quotation that closes on its own end: Japanese
# quotes with と, って and という (「もう帰ろう。」と彼は言った。), and Chinese names the
# speaker after the quote (“快走！”他说。), so the words after the quote are no sentence of
# their own. A sentence may open with ところ (ところで, "by the way"), とにかく, とても or
# とはいえ ("even so"), and a speaker before a colon opens the next quotation (“你去哪里？”我说：
# “回家。”). A speech verb with no pronoun before it is a verb only where a stop, 道/着 or 完
# follows it: 问题, 说明书, 答案 and 叫做 open sentences of their own, as 说明 ("explain"),
# 说服 ("persuade") and 问题 do after a pronoun (“好。”我们说明原因。). A name, or a few
# words, before 说 or 问 and its stop is the speaker too (“走吧。”小王说。, “走吧。”王芳笑着说。
# were cut before the name), but not before a cry: “我们要自由！”人群高喊着。 is a sentence
# of the crowd's. 说明天 ("said tomorrow"), 说明白, 说服装 and 问题目 are the verb said
# before their words (“好的。”她说明天再来。). A pronoun or an adverb opening the words
# before 说 makes them a sentence's own (“你好。”你先说。, “谢谢。”我不想再说。: "you
# speak first", "I won't say it again"), no speaker's name: a name is one to three
# characters, with at most a manner (笑着) after it.
_QUOTE_CLOSERS = "」』”’"
_SPEECH_VERB = "(?:说|說|问|問|答|喊|叫|嚷)"
_NOT_SAID_AFTER_PRONOUN = "明(?![天白])|服(?![装裝])|[题題](?!目)"
_SPEAKER_ADVERB = "[先再不都也就还還又才只却卻没沒]"
_SAID_AFTER_QUOTE = re.compile(
    r"と(?!ころ|にかく|ても|はいえ)|って"
    rf"|[他她我你它][们們]?{_SPEECH_VERB}(?![道着著]?[：:]|{_NOT_SAID_AFTER_PRONOUN})"
    rf"|{_SPEECH_VERB}(?:[。，！？,!?完]|[道着著](?![：:]))"
    rf"|(?![他她我你它][们們]?{_SPEAKER_ADVERB}|{_SPEAKER_ADVERB})"
    r"[\u4e00-\u9fff]{1,3}?(?:[\u4e00-\u9fff][着著])?(?:说|說|问|問)(?:[道着著]?[。，！？,!?]|完)"
)


def _short_quotations(text: str) -> list[tuple[int, int]]:
    """The spans of ``text``'s short quotations, in order, none inside another: no Chinese
    sentence ends inside one ("他喊道：“快跑！快跑！”" was cut into "他喊道：“快跑！" and
    "快跑！”", each quote without its other). Found once a paragraph, so that judging each
    sentence end stays constant time."""
    if "“" not in text and "「" not in text and "『" not in text:
        return []  # most paragraphs: nothing to look for
    return [match.span() for match in _SHORT_QUOTATION_SPAN.finditer(text)]


def _enumerator_follows(text: str, after: int, rules: LanguageRules) -> bool:
    """Whether a lone lowercase letter and its period ("b. ") stand at ``after`` before a
    capital: an item's letter, not the first part of an abbreviation written with a space
    ("z. B. Das", "d. Übers. Dieser": ``LanguageRules.prefixes``)."""
    lettered = _LETTER_ENUMERATOR.match(text, after)
    if lettered is None:
        return False
    return not any(
        text.startswith(form, after) for form in rules.prefixes.get(lettered.group(1), ())
    )


def _starts_sentence(text: str, after: int, next_char: str) -> bool:
    if next_char.isupper() or next_char.isdigit() or languages.cjk_character(next_char):
        return True
    if "\uac00" <= next_char <= "\ud7af":
        # Korean writes spaces between words, so it is no CJK language here; but its
        # sentences, like Chinese ones, begin with a letter that has no capital.
        return True
    if next_char in _OPENERS:
        # An opening quote or bracket starts a sentence when a capital or digit follows it.
        following = text[after + 1 : after + 3].lstrip(" \u00a0\u202f\"'“‘„«(")
        return not following or not following[0].islower()
    return not next_char.isalpha()


def _period_ends_sentence(
    text: str, period: int, after: int, rules: LanguageRules, start: int
) -> bool:
    window = text[max(0, period - 40) : period]
    parts = window.split()
    token = parts[-1].lstrip(_OPENERS) if parts and not window[-1:].isspace() else ""
    if not token:
        return True
    elided = _ELISION.match(token)
    if elided and rules.lang in ("fr", "it", "ca"):
        token = token[elided.end() :]  # "l'art. 2" abbreviates "art." like "art. 2"
    if rules.lang == "de" and len(token) > 3 and token.endswith("str"):
        return False  # street names: "Hauptstr. 5"
    if token[-1] in ")]}\"'”’»":
        return True
    next_word = _WORD_AFTER.match(text, after + (0 if text[after].isalnum() else 1))
    following = next_word.group() if next_word else ""
    if token in rules.numeric_abbreviations:
        return not text[after : after + 1].isdigit()
    # Abbreviations, some written with spaces ("et al.", "z. B.", "т. е.", "EE. UU.").
    for count in (3, 2, 1):
        if len(parts) < count:
            continue
        # (A hyphen or bracket that opens the last word is the abbreviation's own there:
        # "c. -à-d.")
        candidate = token if count == 1 else " ".join(parts[-count:]).lstrip(_OPENERS)
        if candidate in rules.abbreviations:
            return False
        if candidate in rules.closing_abbreviations:
            return True
        if candidate in rules.note_markers:
            return not _opens_note(text, period - len(candidate), start)
        if candidate in rules.name_abbreviations:
            return _opens_sentence(following, text, after, rules)
        for form in rules.prefixes.get(candidate, ()):
            if text.startswith(form, period - len(candidate)):
                return False
    if len(token) == 1 and token.isalpha():
        if token.islower():
            # "vers 15 h. 30": a unit before a figure, not an end; "8078 m. 2. 1953: …"
            # ends before a list's next number.
            return not _FIGURE_GOES_ON.match(text, after)
        # An initial ("J. Smith", "А. С. Пушкин") unless a sentence plainly starts after it.
        return _opens_sentence(following, text, after, rules)
    if _DOTTED.fullmatch(token) or _HYPHENED_INITIAL.search(token):
        # "E.P.Hillary", and a team list's "Hardie-T. Streather": initials.
        return _opens_sentence(following, text, after, rules)
    if rules.ordinal_words and _NUMBER.fullmatch(token):
        return not _is_german_ordinal(window, token, following, rules)
    return True


def _opens_note(text: str, marker: int, start: int) -> bool:
    """Whether the mark that starts at ``marker`` ("d. Übers", after "Anm." if any) opens
    its sentence or bracket, so the note follows it, rather than closing a reference."""
    position = marker
    while position > start and text[position - 1] in _SPACE:
        position -= 1
    if text.endswith(("Anm.", "anm."), start, position):
        position -= 4
        while position > start and text[position - 1] in _SPACE:
            position -= 1
    return position <= start or text[position - 1] in _OPENERS


def _opens_sentence(following: str, text: str, after: int, rules: LanguageRules) -> bool:
    if _INITIAL.match(text, after):
        return False  # a chain of initials
    return following in rules.starters


def _is_german_ordinal(window: str, number: str, following: str, rules: LanguageRules) -> bool:
    if following in rules.ordinal_words:
        return True
    before = _WORD_BEFORE_NUMBER.search(window)
    return before is not None and before.group(1) in rules.ordinal_before
