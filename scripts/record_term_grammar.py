"""Record grammatical gender and number on a glossary's terms, from real morphological data.

Glossary-constrained MT makes the words around an inserted term agree with its head noun;
the glossary says the head's gender (TBX-Basic ``grammaticalGender``) and number
(``grammaticalNumber``, which TBX-Basic lacks: termwise writes it as a ``termwise:`` note).
This script derives them, reproducibly, from a morphological resource of the term's language:

- es: Apertium's Spanish analyser, ``spa-eng.automorf.bin`` (Debian ``apertium-eng-spa``,
  which termwise's setup installs anyway).
- fr: Apertium's French analyser, ``fra-cat.automorf.bin`` (Debian ``apertium-fra-cat``,
  1.10). The older ``fr-es.automorf.bin`` of ``apertium-fr-es`` (0.9, two-letter codes) is
  not used: it calls "conception" masculine and does not know "gouvernance".
- ru: Apertium's Russian analyser, ``rus-ukr.automorf.bin`` (Debian ``apertium-rus-ukr``).
- de: the nominative forms and genders of Wiktionary's German nouns, as shipped in the
  ``german-nouns`` wheel (PyPI, 1.2.5, CC BY-SA 4.0): ``german_nouns/nouns.csv``. A compound
  the list lacks takes the gender of its last part (the Grundwort) when the list knows it.

The head is the first noun of the term (adjectives before it are skipped: "nouvelle ère",
"gemeinsame Prosperität"), and for Russian and German the first noun in the nominative
("сообщество единой судьбы человечества"). A number the head leaves open ("pays",
"Denkmuster") is taken from an adjective of the term that agrees with it, else left out.
A term whose head the resource does not know, or whose head it gives two genders, is left
unrecorded and reported; a language whose resource is not on the machine is skipped and
reported, so ``--check`` passes there. Nothing is guessed. Values already there are kept.
A head only a suffix rule knows ("gobernanza": -anza, feminine) is not written here either:
termwise applies that rule where the term is used (``termwise.glossary.gender``), and the
report says what it will give.

These are curation tools: termwise itself never needs them. To rerun (as root, once):

    apt-get install apertium-eng-spa apertium-fra-cat apertium-rus-ukr
    pip download --no-deps german-nouns==1.2.5 -d /tmp/gn && unzip -o /tmp/gn/*.whl -d /tmp/gn
    PYTHONPATH=src .venv/bin/python scripts/record_term_grammar.py \\
        --german-nouns /tmp/gn/german_nouns/nouns.csv

Usage: record_term_grammar.py [GLOSSARY.tbx] [--lang es ...] [--german-nouns CSV] [--check]
  --check: write nothing; exit 1 if the file would change (for CI).
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import re
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from termwise import languages
from termwise.glossary import load_glossary
from termwise.glossary.formats import save_glossary
from termwise.glossary.gender import head_gender
from termwise.glossary.model import DataCategory, Term
from termwise.mt.constrained.agreement import installed_analyser as analyser
from termwise.mt.constrained.apertium import analyse_words

CASE_LANGUAGES = {"de", "ru"}
GENDERS = {"m": "masculine", "f": "feminine", "nt": "neuter"}
# german-nouns' genus column as Apertium's gender tags.
_GENUS_TAGS = {"m": "m", "f": "f", "n": "nt"}
NUMBERS = {"sg": "singular", "pl": "plural"}
# Punctuation around a word of a term: quotation marks and a list comma («Один пояс, ...»).
_EDGES = "«»„“”\"'‚‘’,;:()"
# A quoted phrase that opens a German compound („Belt and Road“-Initiative): the compound's
# gender is its last part's.
_QUOTED_DETERMINER = re.compile(r"„[^“]*“-")


@dataclass(frozen=True)
class Reading:
    """One analysis of a word: part of speech, gender, number, case (None where unmarked)."""

    pos: str
    gender: str | None
    number: str | None
    case: str | None = None
    via: str = ""  # the part of a compound the reading comes from


# --- resources --------------------------------------------------------------------------------


def apertium_readings(path: Path, words: list[str]) -> dict[str, list[Reading]]:
    analyses = analyse_words(path, words)
    out: dict[str, list[Reading]] = {}
    for word, found in analyses.items():
        readings = []
        for _, tags in found:
            if not tags:
                continue
            gender = next((t for t in tags[1:] if t in ("m", "f", "nt", "mf")), None)
            number = next((t for t in tags[1:] if t in ("sg", "pl", "sp")), None)
            case = next(
                (t for t in tags[1:] if t in ("nom", "gen", "dat", "acc", "ins", "prp")), None
            )
            readings.append(
                Reading(
                    tags[0],
                    None if gender == "mf" else gender,
                    None if number == "sp" else number,
                    case,
                )
            )
        out[word] = readings
    return out


def german_nouns_csv(given: Path | None) -> Path | None:
    """``nouns.csv`` of the german-nouns package: given, or where the package is importable."""
    if given is not None:
        return given if given.is_file() else None
    spec = importlib.util.find_spec("german_nouns")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "nouns.csv"
    return path if path.is_file() else None


def german_forms(path: Path) -> dict[str, list[Reading]]:
    """Every nominative form of a German noun in the list, with its gender and number."""
    forms: dict[str, list[Reading]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if "Substantiv" not in row["pos"].split(","):
                continue
            genders = {row[k] for k in row if k.startswith("genus") and row[k]}
            tag = _GENUS_TAGS.get(next(iter(genders))) if len(genders) == 1 else None
            for column, form in row.items():
                if column.startswith("nominativ ") and form:
                    number = "sg" if column.startswith("nominativ singular") else "pl"
                    reading = Reading("n", tag, number, "nom")
                    if reading not in forms.setdefault(form, []):
                        forms[form].append(reading)
    return forms


def german_readings(forms: dict[str, list[Reading]], words: list[str]) -> dict[str, list[Reading]]:
    out: dict[str, list[Reading]] = {}
    for word in words:
        core = word
        found = forms.get(core, [])
        if (not found and word[:1].isupper()) or "-" in core:
            # A compound's gender and number are its last part's.
            last = core.rsplit("-", 1)[-1]
            found = [Reading(r.pos, r.gender, r.number, r.case, last) for r in forms.get(last, [])]
            for cut in range(1, len(last) - 3):
                if found:
                    break
                part = last[cut:].capitalize()
                found = [
                    Reading(r.pos, r.gender, r.number, r.case, part) for r in forms.get(part, [])
                ]
        out[word] = found
    return out


# --- the head ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    word: str
    gender: str | None
    number: str | None
    why: str  # what a person reading the report needs to know


def head_of(lang: str, words: list[str], readings: dict[str, list[Reading]]) -> Finding | None:
    """The head noun of a term and what the resource says of it; None when it knows none."""
    cased = lang in CASE_LANGUAGES

    def nouns(word: str) -> list[Reading]:
        return [
            r
            for r in readings.get(word, [])
            if r.pos == "n" and (not cased or r.case in ("nom", None))
        ]

    candidates = [i for i, word in enumerate(words) if nouns(word)]
    if not candidates:
        return None
    index = candidates[0]
    # A prenominal adjective the analyser also knows as a noun ("nouvelle", the news) gives
    # way to the next noun, unless a preposition stands between them.
    if len(candidates) > 1 and any(r.pos == "adj" for r in readings.get(words[index], [])):
        between = words[index + 1 : candidates[1]]
        if not any(r.pos == "pr" for w in between for r in readings.get(w, [])):
            index = candidates[1]
    word = words[index]
    found = nouns(word)
    genders = {r.gender for r in found}
    gender = next(iter(genders))
    if len(genders) != 1 or gender is None:
        return Finding(word, None, None, f"head '{word}': gender {_shown(genders)}")
    numbers = {r.number for r in found}
    number = numbers.pop() if len(numbers) == 1 else None
    via = next((r.via for r in found if r.via), "")
    why = f"head '{word}'" + (f" (its last part '{via}')" if via else "")
    if number is None:
        number = _agreeing_number(words, index, gender, readings, cased)
        why += f", number from an agreeing word: {number}" if number else ", number open"
    return Finding(word, gender, number, why)


def _agreeing_number(
    words: list[str], head: int, gender: str, readings: dict[str, list[Reading]], cased: bool
) -> str | None:
    numbers = {
        r.number
        for i, word in enumerate(words)
        if i != head
        for r in readings.get(word, [])
        if r.pos in ("adj", "det")
        and r.number
        and r.gender in (gender, None)
        and (not cased or r.case in ("nom", None))
    }
    return numbers.pop() if len(numbers) == 1 else None


def _shown(values: Iterable[str | None]) -> str:
    shown = sorted(v or "unmarked" for v in values)
    return " or ".join(shown) if shown else "unknown"


def record(term: Term, gender: str, number: str | None) -> None:
    position = next(
        (i + 1 for i, d in enumerate(term.extra) if d.type == "partOfSpeech"), len(term.extra)
    )
    if term.gender is None:
        term.extra.insert(position, DataCategory("termNote", "grammaticalGender", gender))
        position += 1
    if term.number is None and number is not None:
        term.extra.insert(position, DataCategory("termNote", "grammaticalNumber", number))


def _words(text: str) -> list[str]:
    text = _QUOTED_DETERMINER.sub("", text)
    return [word.strip(_EDGES) for word in text.split(" ") if word.strip(_EDGES)]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("glossary", nargs="?", default="glossary/key-terms.tbx", type=Path)
    parser.add_argument("--lang", action="append", default=None)
    parser.add_argument("--german-nouns", type=Path, default=None)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    glossary = load_glossary(args.glossary)
    before = args.glossary.read_bytes()
    for lang in args.lang or ["es", "fr", "de", "ru"]:
        terms = [term for _, term in glossary.terms(lang)]
        if not terms:
            continue
        words = sorted({word for term in terms for word in _words(term.text)})
        if lang == "de":
            table = german_nouns_csv(args.german_nouns)
            if table is None:
                print(f"de: no german-nouns list (nouns.csv): {len(terms)} terms left unrecorded")
                continue
            readings = german_readings(german_forms(table), words)
            origin = "german-nouns' nouns.csv"
        else:
            path = analyser(lang)
            if path is None:
                print(
                    f"{lang}: no Apertium analyser of {languages.display_name(lang)} on this "
                    f"machine: {len(terms)} terms left unrecorded"
                )
                continue
            readings = apertium_readings(path, words)
            origin = path.name
        done = 0
        for term in terms:
            if term.gender and term.number:
                continue
            found = head_of(lang, _words(term.text), readings)
            if found is None:
                # Not recorded from a rule: termwise applies it where the term is used
                # (Term.gender_fact), so the file keeps only what a resource attests.
                predicted = head_gender(term.text, lang)
                rule = f" (at run time: {predicted.value}, {predicted.source})" if predicted else ""
                print(
                    f"{lang}: {term.text!r}: no noun head known to {origin}; left unrecorded{rule}"
                )
                continue
            if found.gender is None:
                print(f"{lang}: {term.text!r}: {found.why}; left unrecorded")
                continue
            record(term, GENDERS[found.gender], NUMBERS.get(found.number or ""))
            if found.number is None:
                print(f"{lang}: {term.text!r}: {found.why}; gender recorded, number left out")
            done += 1
        print(f"{lang}: {done} of {len(terms)} terms recorded from {origin}")
    if args.check:
        with tempfile.TemporaryDirectory() as folder:
            probe = Path(folder) / args.glossary.name
            save_glossary(glossary, probe)
            changed = probe.read_bytes() != before
        print("up to date" if not changed else f"{args.glossary} would change")
        return 1 if changed else 0
    save_glossary(glossary, args.glossary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
