"""What ``termwise glossary import`` refuses before it writes anything.

- A TBX file that ``glossary validate`` faults (core structure, dialect, unique ids, a term
  two of its concepts share, which the merge refused only against the project's files), or a
  CSV or TSV file with a record whose quoting breaks (an unclosed quote: the lines after it
  are guessed at): the first problem with its line, unless ``--lenient``, which imports it
  and lists them all. What validate only warns about is no fault.
- ``--from``/``--to`` that the file contradicts: a language the file has no terms in, or a
  pair other than the one an OmegaT file's language line names. Both are named.
- A file that gives no entry at all (every line malformed, no concept): said with what was
  skipped, instead of an empty glossary and exit 0.
"""

from __future__ import annotations

import re
from pathlib import Path

from termwise import languages
from termwise.errors import InputError
from termwise.glossary.model import Glossary, Problem, lang_matches

_OMEGAT_LANGS = re.compile(r"^#.*\bsource:\s*(\S+?),\s*target:\s*(\S+?)\b", re.IGNORECASE)


def tbx_deviations(path: Path) -> list[Problem]:
    """What ``glossary validate`` calls a problem in a TBX file; its warnings (a second
    preferred term) are no reason to refuse it, as they make validate fail no file."""
    from termwise.glossary.validate import validate_file

    return [p for p in validate_file(path) if not p.warning]


def deviations(path: Path, fmt: str, loaded: Glossary) -> list[Problem]:
    """What the import of ``path`` (read as ``loaded``, in the format ``fmt``) is refused
    for unless ``--lenient``: a TBX file's validate problems, a CSV or TSV file's records
    whose quoting breaks. Other problems a reader reports (a row skipped, a status it does
    not know) are warned about, the rest of the file being read as written."""
    from termwise.glossary.csv_glossary import QuotingError

    if fmt == "tbx":
        return tbx_deviations(path)
    return [problem for problem in loaded.problems if isinstance(problem, QuotingError)]


def refuse(path: Path, problems: list[Problem]) -> InputError:
    first = problems[0]
    more = len(problems) - 1
    tail = f" ({more} more problem{'s' if more != 1 else ''})" if more else ""
    return InputError(
        f"{first.message}{tail}; nothing written (glossary validate lists them all; "
        "--lenient imports it anyway)",
        path,
        line=first.line,
        column=first.column,
    )


def check_flags_against_file(
    path: Path,
    data: bytes,
    fmt: str,
    loaded: Glossary,
    source_lang: str | None,
    target_lang: str | None,
    *,
    file_names_languages: bool,
) -> None:
    """``--from``/``--to`` must agree with the languages the file itself declares."""
    flags = {"--from": source_lang, "--to": target_lang}
    if file_names_languages:
        found = loaded.languages()
        for flag, value in flags.items():
            if value and not any(lang_matches(lang, _normalized(value)) for lang in found):
                raise InputError(
                    f"{flag} {value}: the file has no terms in {value} (its languages: "
                    f"{', '.join(found) or 'none'}); nothing written",
                    path,
                )
        return
    if fmt != "omegat":
        return
    text = data.decode("utf-8", "replace").lstrip("\ufeff")
    for number, line in enumerate(text.splitlines()[:5], start=1):
        declared = _OMEGAT_LANGS.match(line)
        if declared is None:
            continue
        for flag, value, said in zip(flags, flags.values(), declared.groups(), strict=True):
            if value and languages.primary(_normalized(value)) != languages.primary(
                _normalized(said)
            ):
                name = "source" if flag == "--from" else "target"
                raise InputError(
                    f"{flag} {value} contradicts the file, whose {name} language is {said}; "
                    "nothing written",
                    path,
                    line=number,
                )
        return


def check_not_empty(path: Path, loaded: Glossary) -> None:
    """A glossary import that found no entry says what it skipped, and fails."""
    if loaded.concepts:
        return
    skipped = [p for p in loaded.problems if p.line is not None]
    if skipped:
        first = skipped[0]
        lines = f"{len(skipped)} line{'s' if len(skipped) != 1 else ''}"
        raise InputError(
            f"no usable entry: {lines} skipped, none valid (the first: {first.message}); "
            "nothing written",
            path,
            line=first.line,
        )
    raise InputError("no entry in the file; nothing written", path)


def _normalized(tag: str) -> str:
    try:
        return languages.normalize(tag)
    except languages.LanguageError:
        return tag
