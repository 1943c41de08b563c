"""Which languages a two-column glossary holds when the file itself does not say.

Flags win, then the file's own header, then the file name: OmegaT and CAT tools often name
glossaries like ``paper_en_zh_CN_.txt`` or ``terms.en-zh.csv``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from termwise import languages

# Two-letter English words that are also language codes ("to" is Tonga) are far more likely
# to be words in a file name than languages.
_NAME_WORDS = frozenset(
    [
        "to",
        "of",
        "on",
        "or",
        "my",
        "is",
        "am",
        "an",
        "as",
        "at",
        "by",
        "he",
        "we",
        "so",
        "do",
        "go",
        "up",
        "us",
        "me",
        "in",
    ]
)


@lru_cache(maxsize=1)
def _known_languages() -> frozenset[str]:
    from babel import Locale

    return frozenset(str(code) for code in Locale("en").languages if "_" not in str(code))


def is_language(cell: str) -> bool:
    """Whether ``cell`` is a BCP 47 tag whose language CLDR knows (``en``, ``zh-CN``, ``pt_BR``)."""
    text = cell.strip()
    try:
        tag = languages.normalize(text)
    except languages.LanguageError:
        return False
    return tag.split("-")[0].lower() in _known_languages()


def languages_from_name(path: str | Path) -> list[str]:
    """Language tags found in a file name, in order (``x_en_zh_CN_.txt`` → ``["en", "zh"]``).

    A tag counts where the name shows it is one: after the file's own name
    (``terms_en.tsv``, ``terms.en-zh.csv``), with a region or script (``zh_CN.csv``), or
    beside another tag (``en-zh.csv``). A name that is a bare two-letter word (``ts.tsv``,
    ``id.csv``, ``it_terms.csv``) is a name, not a language: ``ts.tsv``, a TermSuite export,
    was imported as Tsonga."""
    pieces = [piece for piece in re.split(r"[._\s-]+", Path(path).stem) if piece]
    found: list[tuple[int, str, bool]] = []
    index = 0
    while index < len(pieces):
        piece = pieces[index]
        start = index
        if len(piece) == 2 and piece.islower() and piece not in _NAME_WORDS and is_language(piece):
            tag = piece
            if index + 1 < len(pieces):
                nxt = pieces[index + 1]
                if (len(nxt) == 2 and nxt.isupper()) or (len(nxt) == 4 and nxt.istitle()):
                    tag = f"{piece}-{nxt}"
                    index += 1
            found.append((start, languages.normalize(tag), tag != piece))
        index += 1
    if len(found) == 1 and found[0][0] == 0 and not found[0][2]:
        # The name's first word, alone: nothing says it is a language.
        found = []
    tags: list[str] = []
    for _, tag, _ in found:
        if tag not in tags:
            tags.append(tag)
    return tags


def bare_code_name(path: str | Path) -> str | None:
    """The language a file name that is only a two-letter word would name (``ts.tsv``:
    Tsonga), which ``languages_from_name`` does not take it for; else ``None``. An error
    asking for ``--from`` says so, lest the translator wonder why the name was not read."""
    stem = Path(path).stem
    if len(stem) != 2 or not stem.isalpha() or not is_language(stem.lower()):
        return None
    return languages.display_name(stem.lower())


def resolve_pair(
    path: str | Path, source: str | None, target: str | None
) -> tuple[str | None, str | None, str]:
    """``(source, target, origin)``: from the flags, else the file name; origin says which."""
    if source and target:
        return languages.normalize(source), languages.normalize(target), "flags"
    named = languages_from_name(path)
    src = languages.normalize(source) if source else None
    tgt = languages.normalize(target) if target else None
    origin = "flags" if (source or target) else "none"
    if src is None and named:
        src = named[0]
        named = named[1:]
        origin = "file name" if origin == "none" else "flags and file name"
    if tgt is None and named:
        candidates = [lang for lang in named if lang != src]
        if candidates:
            tgt = candidates[0]
            origin = "file name" if origin in ("none", "file name") else "flags and file name"
    return src, tgt, origin
