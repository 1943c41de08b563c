"""Record grammatical gender and number on a glossary's terms, from a real analyser.

Glossary-constrained MT makes the words around an inserted term agree with its head noun;
the glossary says the head's gender and number (TBX ``grammaticalGender`` and
``grammaticalNumber`` term notes). This script derives them, reproducibly, from Apertium's
morphological analyser of the term's language where one is installed (Debian's
apertium-eng-spa ships ``spa-eng.automorf.bin`` for Spanish): the head is the first noun of
a head-first language's term (Spanish, French ...), else the last one. A term whose head the
analyser does not know, or a language with no analyser on the machine, is left unrecorded
and reported: nothing is guessed. Values already in the glossary are kept.

Usage: .venv/bin/python scripts/record_term_grammar.py [GLOSSARY.tbx] [--lang es ...] [--check]
  --check: write nothing; exit 1 if the file would change (for CI).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from termwise import languages
from termwise.glossary import load_glossary
from termwise.glossary.formats import save_glossary
from termwise.glossary.model import DataCategory, Term
from termwise.mt.constrained.apertium import _TAG_GENDERS, _TAG_NUMBERS, analyse_words, find_head

APERTIUM = (Path("/usr/share/apertium"), Path("/usr/local/share/apertium"))


def analyser(lang: str) -> Path | None:
    """An installed Apertium analyser of ``lang`` (``spa-*.automorf.bin`` for es)."""
    code = languages.to_apertium(lang)
    for root in APERTIUM:
        if root.is_dir():
            for path in sorted(root.glob(f"*/{code}-*.automorf.bin")):
                return path
    return None


def record(term: Term, gender: str, number: str) -> None:
    position = next(
        (i + 1 for i, d in enumerate(term.extra) if d.type == "partOfSpeech"), len(term.extra)
    )
    if term.gender is None:
        term.extra.insert(position, DataCategory("termNote", "grammaticalGender", gender))
        position += 1
    if term.number is None:
        term.extra.insert(position, DataCategory("termNote", "grammaticalNumber", number))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("glossary", nargs="?", default="glossary/key-terms.tbx", type=Path)
    parser.add_argument("--lang", action="append", default=None)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    glossary = load_glossary(args.glossary)
    before = args.glossary.read_bytes()
    for lang in args.lang or ["es", "fr", "de", "ru"]:
        terms = [term for _, term in glossary.terms(lang)]
        if not terms:
            continue
        path = analyser(lang)
        if path is None:
            print(
                f"{lang}: no Apertium analyser of {languages.display_name(lang)} on this "
                f"machine: {len(terms)} terms left unrecorded"
            )
            continue
        words = [word for term in terms for word in term.text.split(" ")]
        analyses = analyse_words(path, words)
        done = 0
        for term in terms:
            if term.gender and term.number:
                continue
            # The analyser's view alone: a value already recorded is kept by ``record``.
            bare = Term(term.text, term.lang)
            head = find_head(bare, analyses, path.name)
            if head is None or head.gender == "mf" and term.gender is None:
                print(f"{lang}: {term.text!r}: no noun head known to {path.name}; left unrecorded")
                continue
            record(term, _TAG_GENDERS[head.gender], _TAG_NUMBERS[head.number])
            done += 1
        print(f"{lang}: {done} of {len(terms)} terms recorded from {path}")
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
